"""``python -m celltx``: the same command line as ``celltx`` (for environments without the script)."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
