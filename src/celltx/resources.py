"""Locate data shipped with the package (patterns, trained models) via importlib.resources.

In an installed wheel, ``patterns/`` is inside the package (``celltx/patterns``). In an
editable install or a source checkout it sits at the repository root; we fall back to it so
contributors can edit a pattern file and see the effect without reinstalling.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


class ResourceError(FileNotFoundError):
    """A data file the pipeline needs is missing from the installation."""


def _package_dir(name: str) -> Path | None:
    try:
        path = resources.files("celltx") / name
    except ModuleNotFoundError:  # pragma: no cover - celltx itself is importable here
        return None
    if path.is_dir():
        return Path(str(path))
    return None


@cache
def patterns_dir() -> Path:
    """The directory holding the pattern/lexicon JSONL files."""
    shipped = _package_dir("patterns")
    if shipped is not None:
        return shipped
    checkout = Path(__file__).resolve().parents[2] / "patterns"
    if checkout.is_dir():
        return checkout
    raise ResourceError(
        "celltx patterns/ not found: the installation is incomplete; reinstall with `pip install .`"
    )


def models_dir() -> Path:
    """The directory holding trained model artefacts (may be empty before `celltx train`)."""
    return Path(__file__).resolve().parent / "models"


@cache
def read_jsonl_resource(name: str) -> tuple[dict[str, Any], ...]:
    """Read ``patterns/<name>`` (JSONL, one object a line; lines starting with // are comments)."""
    path = patterns_dir() / name
    if not path.is_file():
        raise ResourceError(f"pattern file {name!r} not found in {patterns_dir()}")
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as err:
            raise ResourceError(f"{path}:{lineno}: invalid JSON: {err.msg}") from err
    return tuple(rows)
