"""The values the normaliser can give each free-valued string attribute, from the package's data.

The scheme fixes the values of some attributes (``route``, ``source``, ``donor`` ...); others
are free strings (``analyte``, ``unit``, ``cl_id``, ``loinc``) whose values in practice come
from the lexicons in ``patterns/``. Tools that must list values up front, such as brat's
``annotation.conf``, need those lists so that a corrected value can be chosen even when no
document of the batch has it. Numbers cannot be listed; brat users enter them as notes (see
:mod:`celltx.corpus.brat`).
"""

from __future__ import annotations

from functools import lru_cache

from ..resources import read_jsonl_resource

#: ``patterns/units.jsonl`` kinds that are whole units (``dose_per`` rows are only the part
#: after a slash, as "kg" in "mg/kg").
_WHOLE_UNIT_KINDS = ("lab", "dose", "dose_base")


@lru_cache(maxsize=1)
def known_values() -> dict[str, tuple[str, ...]]:
    """Attribute name -> the sorted values the package's lexicons can produce for it."""
    from .labs import LAB_LEXICONS, analyte_table
    from .si import analyte_rows

    names, abbreviations = analyte_table()
    lab_rows = [row for name in LAB_LEXICONS for row in read_jsonl_resource(name)]
    loinc = {row["loinc"] for row in lab_rows if row.get("loinc")}
    for row in analyte_rows().values():
        loinc.update(row[key] for key in ("loinc", "loinc_si") if row.get(key))
    cl_ids = {row["cl_id"] for row in read_jsonl_resource("cl_lexicon.jsonl")}
    cl_ids.update(row["cl_id"] for row in read_jsonl_resource("cell_types.jsonl") if row.get("cl_id"))
    units = {
        row["unit"] for row in read_jsonl_resource("units.jsonl") if row.get("kind") in _WHOLE_UNIT_KINDS
    }
    return {
        "analyte": tuple(sorted({*names.values(), *abbreviations.values()})),
        "unit": tuple(sorted(units)),
        "cl_id": tuple(sorted(cl_ids)),
        "loinc": tuple(sorted(loinc)),
    }
