"""celltx: evidence extraction from cell-therapy trial abstracts.

>>> import celltx
>>> record = celltx.extract("Autologous MSCs (1x10^6 cells/kg) were injected into the hepatic artery.")
>>> sorted({s["label"] for s in record["spans"]})
['CELL_TYPE', 'DOSE', 'ROUTE']
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import extract, extract_many  # noqa: E402
from .pipeline import SYSTEMS, SystemUnavailable, load  # noqa: E402

__all__ = ["SYSTEMS", "SystemUnavailable", "__version__", "extract", "extract_many", "load"]
