"""celltx: evidence extraction from cell-therapy trial abstracts.

>>> import celltx
>>> record = celltx.extract("Autologous MSCs (1x10^6 cells/kg) were injected into the hepatic artery.")
>>> sorted({s["label"] for s in record["spans"]})
['CELL_TYPE', 'DOSE', 'ROUTE']

``import celltx`` is cheap: spaCy, scispaCy and medspaCy are imported when a pipeline is
built (``celltx.load``, ``celltx.extract``...), not before.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

#: Public name -> module that defines it (imported on first use, PEP 562).
_LAZY = {
    "extract": "api",
    "extract_many": "api",
    "load": "pipeline",
    "SYSTEMS": "pipeline",
    "SystemUnavailable": "pipeline",
    "DISPLACY_OPTIONS": "review",
}

__all__ = ["DISPLACY_OPTIONS", "SYSTEMS", "SystemUnavailable", "__version__", "extract", "extract_many", "load"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'celltx' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
