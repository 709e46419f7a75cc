"""Report files: written atomically, parseable, self-contained."""

from __future__ import annotations

import json
import xml.dom.minidom
from html.parser import HTMLParser

from celltx.evaluate import report as report_mod
from celltx.evaluate.run import NOT_RUN, PEER, SystemResult, evaluate_predictions
from tests.evaluate.eval_helpers import record, span

TEXT = "MSCs at 1x10^6 cells/kg were given i.v.; ALT fell to 33 g/L at 12 weeks."


def gold_and_preds():
    spans = [
        span(TEXT, "T1", "CELL_TYPE", "MSCs"),
        span(TEXT, "T2", "DOSE", "1x10^6 cells/kg"),
        span(TEXT, "T3", "LAB_TEST", "ALT"),
        span(TEXT, "T4", "LAB_VALUE", "33 g/L"),
        span(TEXT, "T5", "TIME_POINT", "12 weeks"),
    ]
    gold = [record("d1", TEXT, spans, [("T4", "T3")]), record("d2", TEXT, spans[:2])]
    good = [record("d1", TEXT, spans[:4], [("T4", "T3")]), record("d2", TEXT, spans[:1])]
    other = [record("d1", TEXT, [span(TEXT, "P1", "DOSE", "10^6 cells/kg")])]
    return gold, good, other


def build():
    gold, good, other = gold_and_preds()
    results = [
        evaluate_predictions("good|system", gold, good, n_resamples=50),
        evaluate_predictions(
            "peer<x>", gold, other, kind=PEER, labels_covered=("DOSE",), n_resamples=50
        ),
        SystemResult("ner", "pipeline", NOT_RUN, "no trained model"),
    ]
    return report_mod.build_report(results, gold, {"paths": ["gold.jsonl"], "split": "test"}, 50, 3)


def test_files_written_and_parseable(tmp_path):
    rep = build()
    out = tmp_path / "results"
    paths = report_mod.write_reports(rep, out)
    assert set(paths) == {"json", "md", "html"}
    assert sorted(p.name for p in out.iterdir()) == [
        "eval.html",
        "eval.json",
        "eval.md",
    ]  # no temp files

    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert data["gold"]["n_docs"] == 2 and data["gold"]["split"] == "test"
    assert data["gold"]["n_spans"]["CELL_TYPE"] == 2
    systems = {s["name"]: s for s in data["systems"]}
    good = systems["good|system"]
    assert good["status"] == "ok"
    assert good["scores"]["spans"]["strict"]["micro"]["tp"] == 5
    assert good["scores"]["relations"]["f1"] == 1.0
    assert "strict/CELL_TYPE" in good["ci"] and "relations" in good["ci"]
    assert good["scores"]["per_doc"]["doc_ids"] == ["d1", "d2"]
    assert {"counts", "confusion", "top", "errors", "attribute_mismatches"} <= set(good["errors"])
    assert systems["ner"]["status"] == "not run" and systems["ner"]["message"] == "no trained model"

    md = paths["md"].read_text(encoding="utf-8")
    assert "## Span F1, strict matching" in md
    assert "| label | good\\|system | peer<x> |" in md  # pipes escaped in cells
    assert "ner (pipeline): not run: no trained model" in md
    assert "## Attribute accuracy" in md and "## Errors per class" in md

    html_text = paths["html"].read_text(encoding="utf-8")
    HTMLParser().feed(html_text)
    assert "<script" not in html_text.lower()
    assert "http://" not in html_text.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html_text
    assert "peer&lt;x&gt;" in html_text and "peer<x>" not in html_text
    svg = html_text[html_text.index("<svg") : html_text.index("</svg>") + 6]
    xml.dom.minidom.parseString(svg)  # well-formed
    assert svg.count("<rect") >= 5


def test_uncovered_labels_marked_and_undefined_f1_is_na():
    rep = build()
    table = report_mod.render_table(rep)
    assert "good|system" in table and "peer<x>" in table
    lines = {line.split()[0]: line for line in table.splitlines() if line.strip()}
    assert report_mod.NOT_COVERED in lines["CELL_TYPE"]  # the peer does not produce CELL_TYPE
    assert "n/a" in lines["ROUTE"]  # no gold, no prediction
    assert "not run: no trained model" in table


def test_json_has_no_nan(tmp_path):
    rep = build()
    rep["systems"][0]["extra"] = float("nan")
    text = report_mod.to_json(rep)
    assert "NaN" not in text
    json.loads(text)


def test_report_with_nothing_scored(tmp_path):
    gold, _, _ = gold_and_preds()
    rep = report_mod.build_report([SystemResult("full", "pipeline", NOT_RUN, "broken")], gold)
    paths = report_mod.write_reports(rep, tmp_path)
    assert "No system could be scored" in paths["md"].read_text(encoding="utf-8")
    assert "no system could be scored" in report_mod.render_table(rep)
