"""celltx: evidence extraction from cell-therapy trial abstracts (work in progress)."""

__version__ = "0.1.0"
