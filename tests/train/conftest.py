"""An invented mini corpus for the training tests (no text copied from papers)."""

from __future__ import annotations

import pytest


def span(text: str, label: str, needle: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "label": label, "text": needle}


def record(doc_id: str, text: str, spans: list[tuple], split: str = "train") -> dict:
    items = []
    for i, item in enumerate(spans, start=1):
        label, needle, *nth = item
        items.append({"id": f"T{i}", **span(text, label, needle, *nth), "attrs": {}})
    return {
        "id": doc_id,
        "scheme_version": 1,
        "split": split,
        "text": text,
        "spans": items,
        "relations": [],
    }


def tiny_corpus() -> list[dict]:
    """Four train documents, one dev, one test (the test one must never be trained on)."""
    t1 = (
        "Patients received 1x10^6 MSCs/kg intravenously once per 4 weeks. "
        "Serum albumin rose from 30±5 to 33±5 g/l at 6 months."
    )
    t2 = (
        "Umbilical cord MSCs were infused via the peripheral vein three times. "
        "ALT fell to 41±9 U/L at 12 weeks."
    )
    t3 = (
        "Bone marrow MSCs were given intravenously twice at a dose of 2x10^6 cells/kg. "
        "Total bilirubin was 21±4 μmol/l at 24 weeks."
    )
    t4 = (
        "Hepatocytes were injected via the portal vein once. "
        "Serum albumin was 35±6 g/l and ALT 50±8 U/L at 3 months."
    )
    t5 = "Adipose MSCs were infused intravenously once per 2 weeks. ALT was 44±7 U/L at 6 months."
    t6 = "Cord blood MSCs were infused intravenously once. Serum albumin was 31±2 g/l at 8 weeks."
    return [
        record(
            "tiny-1",
            t1,
            [
                ("DOSE", "1x10^6 MSCs/kg"),
                ("CELL_TYPE", "MSCs"),
                ("ROUTE", "intravenously"),
                ("FREQUENCY", "once per 4 weeks"),
                ("TIME_POINT", "4 weeks"),
                ("LAB_TEST", "Serum albumin"),
                ("LAB_VALUE", "30±5"),
                ("LAB_VALUE", "33±5 g/l"),
                ("TIME_POINT", "6 months"),
            ],
        ),
        record(
            "tiny-2",
            t2,
            [
                ("CELL_TYPE", "Umbilical cord MSCs"),
                ("ROUTE", "peripheral vein"),
                ("FREQUENCY", "three times"),
                ("LAB_TEST", "ALT"),
                ("LAB_VALUE", "41±9 U/L"),
                ("TIME_POINT", "12 weeks"),
            ],
        ),
        record(
            "tiny-3",
            t3,
            [
                ("CELL_TYPE", "Bone marrow MSCs"),
                ("ROUTE", "intravenously"),
                ("FREQUENCY", "twice"),
                ("DOSE", "2x10^6 cells/kg"),
                ("LAB_TEST", "Total bilirubin"),
                ("LAB_VALUE", "21±4 μmol/l"),
                ("TIME_POINT", "24 weeks"),
            ],
        ),
        record(
            "tiny-4",
            t4,
            [
                ("CELL_TYPE", "Hepatocytes"),
                ("ROUTE", "portal vein"),
                ("FREQUENCY", "once"),
                ("LAB_TEST", "Serum albumin"),
                ("LAB_VALUE", "35±6 g/l"),
                ("LAB_TEST", "ALT"),
                ("LAB_VALUE", "50±8 U/L"),
                ("TIME_POINT", "3 months"),
            ],
        ),
        record(
            "tiny-5",
            t5,
            [
                ("CELL_TYPE", "Adipose MSCs"),
                ("ROUTE", "intravenously"),
                ("FREQUENCY", "once per 2 weeks"),
                ("LAB_TEST", "ALT"),
                ("LAB_VALUE", "44±7 U/L"),
                ("TIME_POINT", "6 months"),
            ],
            split="dev",
        ),
        record(
            "tiny-6",
            t6,
            [("CELL_TYPE", "Cord blood MSCs"), ("ROUTE", "intravenously")],
            split="test",
        ),
    ]


@pytest.fixture(scope="session")
def corpus() -> list[dict]:
    return tiny_corpus()
