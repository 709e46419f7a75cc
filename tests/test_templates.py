"""The HTML templates ship as package data and render with autoescaping on."""

from __future__ import annotations

from importlib import resources

import pytest

from celltx import templates


def test_every_template_is_package_data():
    folder = resources.files("celltx.templates")
    found = {entry.name for entry in folder.iterdir() if entry.is_file()}
    assert set(templates.TEMPLATES) <= found
    for name in templates.TEMPLATES:
        assert folder.joinpath(name).read_text(encoding="utf-8").strip(), name
    # every template the code names is listed (so the check above covers it)
    assert {n for n in found if n.endswith((".j2", ".css"))} == set(templates.TEMPLATES)


def test_autoescape_is_on_and_unknown_names_fail():
    env = templates.environment()
    assert env.from_string("{{ x }}").render(x="<script>") == "&lt;script&gt;"
    with pytest.raises(Exception, match="undefined"):
        env.from_string("{{ nothing.here }}").render()
    with pytest.raises(Exception, match="missing.html"):
        templates.render("missing.html")


def test_eval_report_escapes_script_in_system_names_and_contexts():
    from celltx.evaluate import report as report_mod
    from celltx.evaluate.run import evaluate_predictions
    from tests.evaluate.eval_helpers import record, span

    evil = "<script>alert(1)</script>"
    text = f"MSCs {evil} were given."
    gold = [record(evil, text, [span(text, "T1", "CELL_TYPE", "MSCs")])]
    pred = [record(evil, text, [span(text, "P1", "CELL_TYPE", "were")])]
    rep = report_mod.build_report([evaluate_predictions(evil, gold, pred, n_resamples=10)], gold,
                                  {"paths": [evil], "split": evil}, 10, 1)
    page = report_mod.render_html(rep)
    assert "<script" not in page.lower() and "&lt;script&gt;" in page
