"""Off-the-shelf peers: mapping helpers, and the peers themselves (installed by the test extra)."""

from __future__ import annotations

import sys

import pytest

from celltx.evaluate import peers
from celltx.evaluate.run import NOT_RUN, run_peer
from celltx.schema import validate_record
from tests.evaluate.eval_helpers import record, span

TEXT = (
    "Patients received 50 ml saline or MSCs; ALT fell from 80±18 μmol/l and AST was > 30% "
    "during 12 months of follow-up (December 2017)."
)


def test_iso_duration_days():
    assert peers.iso_duration_days("P12M") == 360.0
    assert peers.iso_duration_days("P2Y") == 730.0
    assert peers.iso_duration_days("P3W") == 21.0
    assert peers.iso_duration_days("PT24H") == pytest.approx(1.0)
    assert peers.iso_duration_days("P1DT12H") == pytest.approx(1.5)
    assert peers.iso_duration_days("2017-12-01") is None
    assert peers.iso_duration_days("P") is None


def test_unavailable_peer_is_a_not_run_row(monkeypatch):
    peers._quantulum_parse.cache_clear()
    monkeypatch.setitem(sys.modules, "quantulum3", None)
    monkeypatch.setitem(sys.modules, "quantulum3.classifier", None)
    try:
        result = run_peer("quantulum3", [record("d", TEXT, [])], n_resamples=10)
    finally:
        peers._quantulum_parse.cache_clear()
    assert result.status == NOT_RUN
    assert "quantulum3 is not installed" in result.message


def test_quantulum3_mapping():
    out = peers.predict_peer("quantulum3", [record("d", TEXT, [])])[0]
    assert validate_record(out, require_relations=False) == []
    got = {(s["label"], s["text"]) for s in out["spans"]}
    assert ("DOSE", "50 ml") in got
    assert ("LAB_VALUE", "80±18 μmol/l") in got
    assert ("LAB_VALUE", "> 30%") in got  # comparator pulled into the span
    assert not any(s["text"].startswith("12 months") for s in out["spans"])  # time is dropped
    value = next(s for s in out["spans"] if s["text"] == "80±18 μmol/l")["attrs"]
    assert (value["value"], value["sd"]) == (80.0, 18.0)
    pct = next(s for s in out["spans"] if s["text"] == "> 30%")["attrs"]
    assert (pct["comparator"], pct["unit"]) == (">", "%")


def test_timexy_mapping():
    out = peers.predict_peer("timexy", [record("d", TEXT, [])])[0]
    assert validate_record(out, require_relations=False) == []
    spans = [(s["label"], s["text"], s["attrs"]["days"]) for s in out["spans"]]
    assert spans == [("TIME_POINT", "12 months", [360.0])]  # the calendar date is dropped


def test_run_peer_scores_against_gold():
    gold = [record("d", TEXT, [span(TEXT, "T1", "TIME_POINT", "12 months", days=[360.0])])]
    result = run_peer("timexy", gold, n_resamples=10)
    assert result.ok, result.message
    assert result.labels_covered == ("TIME_POINT",)
    assert result.scores.spans["strict"]["TIME_POINT"].f1 == 1.0
    assert result.scores.attributes["TIME_POINT"]["days"].accuracy == 1.0


def test_the_test_extra_installs_the_peers_and_users_need_not():
    """CI installs ".[test]": the peers' tests must run there, never skip; users opt in."""
    import re

    from tests.conftest import REPO

    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")

    def listed(name: str) -> set[str]:
        body = re.search(rf"^{name} = \[(.*?)\]", text, re.M | re.S).group(1)
        return set(re.findall(r'"([^"]+)"', body))

    assert listed("peers") <= listed("test")
    assert not listed("peers") & listed("dependencies")
