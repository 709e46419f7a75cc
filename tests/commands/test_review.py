"""The HTML review page (``celltx.review.write_html``, ``celltx annotate --html``).

The structure is checked with :mod:`html.parser`: every span is drawn, in its label's colour,
on text that reads back as written. (A headless-browser check was removed: CI has no browser,
so it always skipped.)
"""

from __future__ import annotations

import itertools
import math
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from celltx.review import COLOURS, write_html
from tests.commands.conftest import read_jsonl

HOSTILE_TEXT = 'Cells <script>alert("x")</script> & "MSCs" given weekly at 2 \u00d7 10^6 cells.'


def _span(text: str, sid: str, label: str, needle: str, attrs: dict) -> dict:
    start = text.index(needle)
    return {"id": sid, "start": start, "end": start + len(needle), "label": label, "text": needle,
            "attrs": attrs}


def overlap_records() -> list[dict]:
    """Invented documents with overlapping spans of different labels and hostile text."""
    t1 = "Forty patients received hepatocytes weekly; ALT was 41±9 U/L at 4 weeks."
    spans1 = [
        _span(t1, "T1", "CELL_TYPE", "hepatocytes", {"cl_id": "CL:0000182", "source": None, "donor": None}),
        _span(t1, "T2", "FREQUENCY", "weekly", {"count": None, "interval_days": 7.0}),
        _span(t1, "T3", "TIME_POINT", "weekly", {"days": [7.0]}),  # same characters, other label
        _span(t1, "T4", "LAB_TEST", "ALT", {"analyte": "alanine aminotransferase", "negated": False}),
        _span(t1, "T5", "LAB_VALUE", "41±9 U/L", {"value": 41.0, "sd": 9.0, "unit": "U/L"}),
        _span(t1, "T6", "TIME_POINT", "4 weeks", {"days": [28.0]}),
        # crossing spans: "received hepatocytes" (DOSE, invented) crosses nothing else of its
        # label but contains T1; "hepatocytes weekly" (ROUTE, invented) crosses it
        _span(t1, "T7", "DOSE", "received hepatocytes", {"low": None, "high": None, "unit": None}),
        _span(t1, "T8", "ROUTE", "hepatocytes weekly", {"route": "other", "negated": True}),
    ]
    t2 = HOSTILE_TEXT
    spans2 = [
        _span(t2, "T1", "CELL_TYPE", '"MSCs"', {"cl_id": "CL:0000134"}),
        _span(t2, "T2", "FREQUENCY", "weekly", {"interval_days": 7.0}),
        _span(t2, "T3", "DOSE", "2 \u00d7 10^6 cells", {"low": 2e6, "high": 2e6, "unit": "cells"}),
    ]
    return [
        {"id": "ov-1", "source": "invented.txt", "scheme_version": 1, "text": t1, "spans": spans1,
         "relations": [{"label": "VALUE_OF", "head": "T5", "tail": "T4"}]},
        {"id": '<img src=x onerror="boom">', "source": "<b>bold</b>.xml", "scheme_version": 1,
         "text": t2, "spans": spans2, "relations": []},
        {"id": "empty", "scheme_version": 1, "text": "Nothing to see.", "spans": [], "relations": []},
    ]


class PageParser(HTMLParser):
    """Collects marks (with the section they are in), text per section, links and tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.stack: list[tuple[str, dict]] = []
        self.section: str | None = None
        self.marks: dict[str, list[dict]] = {}
        self.texts: dict[str, str] = {}
        self.rows: dict[str, list[str]] = {}
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.style = ""
        self.legend: list[str] = []
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "section":
            self.section = attrs["id"]
            self.marks[self.section], self.texts[self.section], self.rows[self.section] = [], "", []
        if tag == "mark":
            mark = {**attrs, "depth": sum(1 for t, _ in self.stack if t == "mark")}
            self.marks[self.section].append(mark)
        if tag == "tr" and self.section and "data-span" in attrs:
            self.rows[self.section].append(attrs["data-span"])
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag == "li" and any(t == "ul" for t, _ in self.stack):
            self.legend.append("")
        if tag not in ("meta", "br", "link", "img", "input"):
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if tag == "section":
            self.section = None

    def handle_data(self, data):
        classes = [a.get("class", "") for _, a in self.stack]
        if self.stack and self.stack[-1][0] == "style":
            self.style += data
        elif self.section and "text" in classes and not any("lbl" in c.split() for c in classes):
            self.texts[self.section] += data
        elif self.legend and self.stack and self.stack[-1][0] == "li" and not self.section:
            self.legend[-1] += data


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def test_page_structure(tmp_path: Path):
    records = overlap_records()
    path = write_html(records, tmp_path / "review.html")
    page = parse(path)
    assert page.doctype.lower() == "doctype html"
    # self-contained: no scripts, no external style sheets, images, fonts or imports
    assert not {"script", "link", "img", "iframe", "object"} & set(page.tags)
    assert "url(" not in page.style and "@import" not in page.style
    # legend: every scheme label with its colour class; the index links every document
    assert [entry.split()[0] for entry in page.legend][:7] == list(COLOURS)
    assert page.links == [f"#doc-{i}" for i in range(len(records))]
    assert {f"doc-{i}" for i in range(len(records))} <= page.ids
    for i, record in enumerate(records):
        section = f"doc-{i}"
        # the text reads back exactly (escaping undone, nothing lost, labels excluded)
        assert page.texts[section] == record["text"]
        # every span is highlighted, with its label and its attributes in the title
        marks = page.marks[section]
        for span in record["spans"]:
            own = [m for m in marks if m["data-span"] == span["id"] and m["data-label"] == span["label"]]
            assert own, f"{record['id']}: span {span['id']} not highlighted"
            for name, value in span["attrs"].items():
                if value not in (None, False):
                    assert f"{name}: " in own[0]["title"], (span["id"], name)
            assert own[0]["title"].startswith(f"{span['label']} {span['id']}: {span['text']}")
        # and listed in the side table
        assert sorted(page.rows[section]) == sorted(s["id"] for s in record["spans"])


def test_overlapping_spans_of_different_labels_all_show(tmp_path: Path):
    page = parse(write_html(overlap_records(), tmp_path / "review.html"))
    marks = page.marks["doc-0"]
    weekly = [m for m in marks if m["data-span"] in ("T2", "T3")]
    assert {m["data-label"] for m in weekly} == {"FREQUENCY", "TIME_POINT"}
    # two spans over the same characters get different layers (one drawn as an underline)
    layers = {m["data-span"]: re.search(r"layer(\d)", m["class"]).group(1) for m in weekly}
    assert layers["T2"] != layers["T3"]
    # the crossing ROUTE span is cut into pieces, each nested inside the marks covering it
    route = [m for m in marks if m["data-span"] == "T8"]
    assert len(route) >= 2 and all("flagged" in m["class"] for m in route)  # negated
    assert max(m["depth"] for m in marks) >= 1
    # VALUE_OF shows on both ends
    value = next(m for m in marks if m["data-span"] == "T5")
    test = next(m for m in marks if m["data-span"] == "T4")
    assert "VALUE_OF \u2192 T4 (ALT)" in value["title"]
    assert "\u2190 VALUE_OF T5 (41±9 U/L)" in test["title"]


def test_hostile_text_is_escaped(tmp_path: Path):
    path = write_html(overlap_records(), tmp_path / "review.html")
    raw = path.read_text(encoding="utf-8")
    assert "<script" not in raw and "<img" not in raw and "<b>bold" not in raw
    assert "&lt;script&gt;" in raw and "&lt;img src=x onerror=" in raw
    page = parse(path)
    assert page.texts["doc-1"] == HOSTILE_TEXT


def test_script_in_id_label_attribute_and_source_is_escaped(tmp_path: Path):
    evil = '<script>alert("x")</script>'
    text = f"MSCs {evil} were given."
    record = {"id": evil, "source": evil, "text": text, "spans": [
        _span(text, evil, "CELL_TYPE", "MSCs", {"cl_id": evil}),
        _span(text, "T2", evil, evil, {"note": evil}),  # a label outside the scheme
    ], "relations": [{"label": evil, "head": evil, "tail": "T2"}]}
    raw = write_html([record], tmp_path / "review.html", title=evil).read_text(encoding="utf-8")
    assert "<script" not in raw.lower()
    page = parse(tmp_path / "review.html")
    assert page.texts["doc-0"] == text
    assert {m["data-span"] for m in page.marks["doc-0"]} == {evil, "T2"}


def test_colours_are_distinct_per_label():
    from celltx import DISPLACY_OPTIONS
    from celltx.review import EXTRA_COLOURS

    assert DISPLACY_OPTIONS["colors"] is COLOURS  # one table for displaCy and the page
    scheme = list(COLOURS.values())
    assert min(_delta_e(a, b) for a, b in itertools.combinations(scheme, 2)) >= 25
    everything = [*scheme, *EXTRA_COLOURS]
    assert min(_delta_e(a, b) for a, b in itertools.combinations(everything, 2)) >= 15


def _delta_e(a: str, b: str) -> float:
    """CIE76 colour difference of two #rrggbb colours (about 2.3 is just noticeable)."""

    def lab(hex_colour: str) -> tuple[float, float, float]:
        def linear(c: float) -> float:
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (linear(int(hex_colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
        x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

        def f(t: float) -> float:
            return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

        return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))

    return math.dist(lab(a), lab(b))


def test_write_is_atomic(tmp_path: Path):
    path = tmp_path / "review.html"
    path.write_text("old page", encoding="utf-8")

    def records():
        yield overlap_records()[0]
        raise RuntimeError("reader failed")

    with pytest.raises(RuntimeError):
        write_html(records(), path)
    assert path.read_text(encoding="utf-8") == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["review.html"]


def test_annotate_html_option_shows_every_span(annotated):
    records = read_jsonl(annotated["out"])
    page = parse(annotated["html"])
    assert page.links == [f"#doc-{i}" for i in range(len(records))]
    for i, record in enumerate(records):
        assert page.texts[f"doc-{i}"] == record["text"]
        shown = {(m["data-span"], m["data-label"]) for m in page.marks[f"doc-{i}"]}
        assert shown == {(s["id"], s["label"]) for s in record["spans"]}


