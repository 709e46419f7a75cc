"""``celltx eval`` end to end on a tiny gold + prediction pair."""

from __future__ import annotations

import json
import sys
import types

import pytest

from celltx.cli import main
from tests.evaluate.eval_helpers import record, span

TEXT = "MSCs at 1x10^6 cells/kg were given i.v. for 12 weeks."


def write_jsonl(path, records):
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


@pytest.fixture
def files(tmp_path):
    gold_spans = [
        span(TEXT, "T1", "CELL_TYPE", "MSCs"),
        span(TEXT, "T2", "DOSE", "1x10^6 cells/kg"),
        span(TEXT, "T3", "ROUTE", "i.v.", route="intravenous"),
    ]
    gold = [
        dict(record("d1", TEXT, gold_spans), split="test"),
        dict(record("d2", TEXT, []), split="train"),
    ]
    pred_spans = [
        span(TEXT, "P1", "CELL_TYPE", "MSCs"),
        span(TEXT, "P2", "DOSE", "10^6 cells/kg"),
        span(TEXT, "P3", "TIME_POINT", "12 weeks"),
    ]
    pred = [record("d1", TEXT, pred_spans)]
    return (
        write_jsonl(tmp_path / "gold.jsonl", gold),
        write_jsonl(tmp_path / "pred.jsonl", pred),
        tmp_path,
    )


@pytest.fixture
def fake_pipeline(monkeypatch):
    """A stand-in ``celltx.pipeline``: "echo" returns no spans, "broken" is unavailable."""
    module = types.ModuleType("celltx.pipeline")

    class SystemUnavailable(RuntimeError):
        pass

    def predict_records(system, records, batch_size=32):
        if system == "broken":
            raise SystemUnavailable("model not trained yet")
        return [dict(r, spans=[], relations=[]) for r in records]

    module.SYSTEMS = ("echo", "broken")
    module.SystemUnavailable = SystemUnavailable
    module.predict_records = predict_records
    monkeypatch.setitem(sys.modules, "celltx.pipeline", module)
    import celltx

    monkeypatch.setattr(celltx, "pipeline", module, raising=False)
    return module


def test_pred_file_json_output(files, capsys):
    gold, pred, tmp = files
    out = tmp / "out"
    code = main(
        [
            "eval",
            "--gold",
            str(gold),
            "--split",
            "test",
            "--pred",
            str(pred),
            "-o",
            str(out),
            "--format",
            "json",
            "--resamples",
            "50",
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["name"] for s in data["systems"]] == ["pred"]  # no baselines with --pred
    strict = data["systems"][0]["scores"]["spans"]["strict"]["micro"]
    lenient = data["systems"][0]["scores"]["spans"]["lenient"]["micro"]
    assert (strict["tp"], strict["fp"], strict["fn"]) == (1, 2, 2)
    assert (lenient["tp"], lenient["fp"], lenient["fn"]) == (2, 1, 1)
    assert data["gold"]["n_docs"] == 1
    assert sorted(p.name for p in out.iterdir()) == ["eval.html", "eval.json", "eval.md"]


def test_table_output_named_preds(files, capsys):
    gold, pred, tmp = files
    code = main(
        [
            "eval",
            "--gold",
            str(gold),
            "--split",
            "test",
            "--pred",
            f"mine={pred}",
            "-o",
            str(tmp / "o"),
            "--resamples",
            "20",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "strict span F1" in out and "lenient span F1" in out and "mine" in out
    assert "reports:" in out


def test_markdown_and_html_output(files, capsys):
    gold, pred, tmp = files
    assert (
        main(
            [
                "eval",
                "--gold",
                str(gold),
                "--pred",
                str(pred),
                "-o",
                str(tmp / "o"),
                "--format",
                "markdown",
                "--resamples",
                "0",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.startswith("# celltx evaluation")
    assert (
        main(
            [
                "eval",
                "--gold",
                str(gold),
                "--pred",
                str(pred),
                "-o",
                str(tmp / "o"),
                "--format",
                "html",
                "--resamples",
                "0",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_pipeline_systems_and_not_run_rows(files, fake_pipeline, capsys):
    gold, _, tmp = files
    code = main(
        [
            "eval",
            "--gold",
            str(gold),
            "--split",
            "test",
            "--no-baselines",
            "-o",
            str(tmp / "o"),
            "--format",
            "json",
            "--resamples",
            "10",
        ]
    )
    assert code == 0
    systems = {s["name"]: s for s in json.loads(capsys.readouterr().out)["systems"]}
    assert set(systems) == {"echo", "broken"}
    assert systems["echo"]["status"] == "ok"
    assert systems["echo"]["scores"]["spans"]["strict"]["micro"]["fn"] == 3
    assert systems["broken"]["status"] == "not run"
    assert systems["broken"]["message"] == "model not trained yet"


def test_unknown_pipeline_system(files, fake_pipeline, capsys):
    gold, _, tmp = files
    assert main(["eval", "--gold", str(gold), "--pipeline", "nope", "-o", str(tmp / "o")]) == 2
    assert "unknown pipeline system nope" in capsys.readouterr().err


def test_user_errors_exit_2(files, capsys):
    gold, pred, tmp = files
    assert (
        main(
            [
                "eval",
                "--gold",
                str(tmp / "missing.jsonl"),
                "--pred",
                str(pred),
                "-o",
                str(tmp / "o"),
            ]
        )
        == 2
    )
    assert "celltx eval: error:" in capsys.readouterr().err
    assert (
        main(
            [
                "eval",
                "--gold",
                str(gold),
                "--split",
                "dev",
                "--pred",
                str(pred),
                "-o",
                str(tmp / "o"),
            ]
        )
        == 2
    )
    assert "no gold documents" in capsys.readouterr().err
    bad = write_jsonl(tmp / "bad.jsonl", [record("d1", TEXT + "!", [])])
    assert main(["eval", "--gold", str(gold), "--pred", str(bad), "-o", str(tmp / "o")]) == 2
    assert "text differs" in capsys.readouterr().err
    assert (
        main(["eval", "--gold", str(gold), "--pred", str(tmp / "nope.jsonl"), "-o", str(tmp / "o")])
        == 2
    )


def test_help_has_examples(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["eval", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "--pipeline" in out and "--baselines" in out


def test_two_predictions_need_distinct_names(files, capsys):
    gold, pred, tmp = files
    args = ["eval", "--gold", str(gold), "-o", str(tmp / "o"), "--resamples", "0"]
    assert main([*args, "--pred", str(pred), "--pred", str(pred)]) == 2
    assert "two systems named pred" in capsys.readouterr().err
    assert main([*args, "--pred", f"a={pred}", "--pred", f"b={pred}"]) == 0


def _guidelines_section(number: int) -> str:
    from tests.conftest import REPO

    text = (REPO / "eval" / "GUIDELINES.md").read_text(encoding="utf-8")
    start = text.index(f"\n## {number}. ")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def test_eval_help_cites_only_documents_the_repository_has(capsys):
    import re

    from tests.conftest import REPO

    with pytest.raises(SystemExit):
        main(["eval", "--help"])
    help_text = capsys.readouterr().out
    cited = set(re.findall(r"[\w./-]*\b[A-Z][A-Z_]+\.md\b", help_text))  # documents, not eval.md
    assert "eval/GUIDELINES.md" in cited
    assert [doc for doc in cited if not (REPO / doc).is_file()] == []
    assert "section 13" in help_text and "section 12" in help_text


def test_guidelines_state_what_the_harness_implements():
    """Section 13 names the harness's own settings and classes; a change to one shows here."""
    from celltx.evaluate import bootstrap, errors, scorer, trial

    scoring = _guidelines_section(13)
    assert f"relative tolerance of {scorer.REL_TOL:.0e}".replace("e-0", "e-") in scoring
    assert f"{bootstrap.N_RESAMPLES:,} resamples with seed {bootstrap.SEED}" in scoring
    assert f"{bootstrap.CONFIDENCE:.0%} percentile bootstrap" in scoring
    for name in (*errors.ERROR_CLASSES, *scorer.MODES, *trial.DOC_FIELDS):
        assert f"`{name}`" in scoring or f"*{name}*" in scoring, name
    summary = _guidelines_section(12)
    for name in (*trial.DOC_FIELDS, "arms", "outcomes", "eligibility", "adverse_events", *trial.ARM_FIELDS):
        assert f"`{name}`" in summary, name
