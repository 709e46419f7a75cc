"""celltx train: data conversion, overlap rule, a tiny end-to-end training run, CLI errors."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import pytest
import spacy

from celltx import schema
from celltx.cli import main
from celltx.train.train import (
    MAX_MODEL_BYTES,
    POLICY_FILE,
    ConversionStats,
    TrainError,
    dir_size,
    load_config,
    make_tokenizer_nlp,
    records_to_docs,
    resolve_overlaps,
    split_records,
    train_ner,
)

from .conftest import record

STEPS = 120


@pytest.fixture(scope="module")
def tok():
    return make_tokenizer_nlp()


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


# --------------------------------------------------------------------------- overlap rule


def _spans(doc, *items):
    out = []
    for label, needle, *nth in items:
        start = -1
        for _ in range((nth[0] if nth else 0) + 1):
            start = doc.text.index(needle, start + 1)
        out.append(doc.char_span(start, start + len(needle), label=label))
    return out


def test_overlap_longest_span_wins(tok):
    doc = tok("Approximately 30–50 million MSCs were given.")
    dose, cell = _spans(doc, ("DOSE", "30–50 million MSCs"), ("CELL_TYPE", "MSCs"))
    kept, dropped = resolve_overlaps([cell, dose])
    assert [(s.label_, s.text) for s in kept] == [("DOSE", "30–50 million MSCs")]
    assert [(s.label_, s.text) for s in dropped] == [("CELL_TYPE", "MSCs")]


def test_overlap_partial_and_ties(tok):
    doc = tok("once per 4 weeks for 12 weeks")
    freq, tp, tp2 = _spans(
        doc, ("FREQUENCY", "once per 4"), ("TIME_POINT", "4 weeks"), ("TIME_POINT", "12 weeks")
    )
    # partial overlap: the longer (3 tokens) beats the shorter (2 tokens); disjoint spans stay
    kept, dropped = resolve_overlaps([tp, tp2, freq])
    assert [s.text for s in kept] == ["once per 4", "12 weeks"]
    assert [s.text for s in dropped] == ["4 weeks"]
    # equal length, same characters: the label earlier in schema.LABELS wins
    a = doc.char_span(0, 4, label="FREQUENCY")
    b = doc.char_span(0, 4, label="DOSE")
    kept, dropped = resolve_overlaps([a, b])
    assert [s.label_ for s in kept] == ["DOSE"] and [s.label_ for s in dropped] == ["FREQUENCY"]
    # equal length, partial overlap: the earlier span wins
    doc = tok("a b c")
    x, y = doc.char_span(0, 3, label="ROUTE"), doc.char_span(2, 5, label="CELL_TYPE")
    kept, _ = resolve_overlaps([y, x])
    assert [(s.label_, s.text) for s in kept] == [("ROUTE", "a b")]


def test_records_to_docs_counts_dropped_and_snapped(tok, corpus):
    stats = ConversionStats()
    docs = records_to_docs(tok, corpus[:1], stats)
    ents = [(e.label_, e.text) for e in docs[0].ents]
    assert ("DOSE", "1x10^6 MSCs/kg") in ents and ("CELL_TYPE", "MSCs") not in ents
    assert ("FREQUENCY", "once per 4 weeks") in ents and ("TIME_POINT", "4 weeks") not in ents
    assert stats.dropped == {"CELL_TYPE": 1, "TIME_POINT": 1}
    assert stats.to_dict()["n_dropped_overlap"] == 2
    assert all(t.ent_iob_ in ("B", "I", "O") for t in docs[0])  # no missing annotation
    # a span ending inside a token is snapped outward to the token boundary
    rec = record("snap", "MSCs were infused.", [("CELL_TYPE", "MSC")])
    stats = ConversionStats()
    (doc,) = records_to_docs(tok, [rec], stats)
    assert stats.snapped == 1 and [e.text for e in doc.ents] == ["MSCs"]


def test_split_records_never_keeps_test(corpus):
    unsplit = copy.deepcopy(corpus[0])
    unsplit["id"] = "unsplit"
    del unsplit["split"]
    odd = dict(corpus[1], id="odd", split="holdout")
    splits = split_records([*corpus, unsplit, odd])
    assert [r["id"] for r in splits.train] == ["tiny-1", "tiny-2", "tiny-3", "tiny-4"]
    assert [r["id"] for r in splits.dev] == ["tiny-5"]
    assert splits.n_test == 1 and splits.n_unsplit == 1 and splits.unknown == {"holdout": 1}
    splits = split_records([*corpus, unsplit], unsplit_as_train=True)
    assert "unsplit" in [r["id"] for r in splits.train]
    assert "tiny-6" not in [r["id"] for r in splits.train + splits.dev]
    with pytest.raises(TrainError, match="twice"):
        split_records([corpus[0], corpus[0]])


def test_config_has_standalone_ner_with_celltx_tokenizer():
    config = load_config()
    assert config["nlp"]["pipeline"] == ["ner"]
    assert config["nlp"]["tokenizer"]["@tokenizers"] == "celltx.Tokenizer.v1"
    tok2vec = config["components"]["ner"]["model"]["tok2vec"]
    assert tok2vec["@architectures"].startswith("spacy.HashEmbedCNN")  # no listener
    assert "tok2vec" not in config["components"]


# --------------------------------------------------------------------------- training


@pytest.fixture(scope="module")
def trained(tmp_path_factory, corpus):
    out = tmp_path_factory.mktemp("model") / "ner"
    splits = split_records(corpus)
    result = train_ner(splits.train, splits.dev, out, seed=0, max_steps=STEPS, log=io.StringIO())
    return result


def test_trained_model_loads_and_predicts_our_labels(trained, corpus):
    nlp = spacy.load(trained.path)
    assert nlp.pipe_names == ["ner"]
    assert set(nlp.get_pipe("ner").labels) == set(schema.LABELS)
    doc = nlp(corpus[1]["text"])
    assert doc.ents, "the overfitted model should find entities in a training text"
    assert {e.label_ for e in doc.ents} <= set(schema.LABELS)
    assert [t.text for t in doc] == [t.text for t in make_tokenizer_nlp()(corpus[1]["text"])]


def test_trained_model_artefact(trained):
    path = trained.path
    assert sorted(p.name for p in path.iterdir()) == ["config.cfg", "meta.json", "ner", "vocab"]
    assert trained.size_bytes == dir_size(path) < MAX_MODEL_BYTES
    config = spacy.util.load_config(path / "config.cfg", interpolate=False)
    assert config["paths"]["train"] is None and config["paths"]["dev"] is None
    meta = json.loads((path / "meta.json").read_text("utf-8"))
    info = meta["celltx"]
    assert info["seed"] == 0 and info["train_docs"] == 4 and info["dev_docs"] == 1
    assert info["train_conversion"]["dropped_overlap"] == {"CELL_TYPE": 1, "TIME_POINT": 1}
    assert info["evaluated_on"] == "dev"


def test_trained_model_sources_into_the_rule_pipeline(trained, corpus):
    from celltx import pipeline
    from celltx.components.ner import add_trained_ner
    from celltx.extensions import doc_to_record

    nlp = pipeline.build("rules")  # a fresh pipeline, not the cached one
    add_trained_ner(nlp, trained.path)
    assert "celltx_ner_model" in nlp.pipe_names
    rec = doc_to_record(nlp(corpus[3]["text"]))
    origins = {s["label"] for s in rec["spans"]}
    assert origins and origins <= set(schema.LABELS)


def test_same_seed_same_model(tmp_path, corpus):
    splits = split_records(corpus)
    a = train_ner(splits.train, [], tmp_path / "a", seed=3, max_steps=15, log=io.StringIO())
    b = train_ner(splits.train, [], tmp_path / "b", seed=3, max_steps=15, log=io.StringIO())
    assert (a.path / "ner" / "model").read_bytes() == (b.path / "ner" / "model").read_bytes()
    assert a.meta["celltx"]["evaluated_on"] == "train"  # no dev documents given


def test_train_refuses_test_documents_and_odd_folders(tmp_path, corpus):
    with pytest.raises(TrainError, match="test-split"):
        train_ner(corpus[:2], [corpus[5]], tmp_path / "m", max_steps=1, log=io.StringIO())
    with pytest.raises(TrainError, match="no training documents"):
        train_ner([], corpus[4:5], tmp_path / "m", max_steps=1, log=io.StringIO())
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine", "utf-8")
    with pytest.raises(TrainError, match="not a celltx model folder"):
        train_ner(corpus[:2], [], busy, max_steps=1, log=io.StringIO())
    assert (busy / "notes.txt").read_text("utf-8") == "mine"


# --------------------------------------------------------------------------- command line


@pytest.fixture()
def gold_dir(tmp_path, corpus):
    folder = tmp_path / "gold"
    folder.mkdir()
    _write(folder / "tiny.jsonl", corpus)
    return folder


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--max-steps", "0"], "--max-steps must be at least 1"),
        (["--seed", "-1"], "--seed must be 0 or more"),
        (["--eval-frequency", "0"], "--eval-frequency must be at least 1"),
        (["--config", "no-such.cfg"], "no such config file"),
    ],
)
def test_cli_argument_errors(gold_dir, tmp_path, capsys, extra, message):
    assert main(["train", "--gold", str(gold_dir), "--out", str(tmp_path / "m"), *extra]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_cli_data_and_output_errors(gold_dir, tmp_path, capsys, corpus):
    assert main(["train", "--gold", str(tmp_path / "missing")]) == 2
    assert "no such file or directory" in capsys.readouterr().err
    only_test = _write(tmp_path / "test_only.jsonl", [corpus[5]])
    assert main(["train", "--gold", str(only_test), "--out", str(tmp_path / "m")]) == 2
    assert "no training documents" in capsys.readouterr().err
    a_file = tmp_path / "file"
    a_file.write_text("x", "utf-8")
    assert main(["train", "--gold", str(gold_dir), "--out", str(a_file)]) == 2
    assert "not a folder" in capsys.readouterr().err
    assert (
        main(["train", "--gold", str(gold_dir), "--out", str(tmp_path / "none"), "--policy-only"])
        == 2
    )
    assert "no trained model" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["train", "--no-policy", "--policy-only"])
    assert exit_info.value.code == 2


def test_cli_trains_and_chooses_policy_on_dev(gold_dir, tmp_path, capsys):
    out = tmp_path / "model"
    code = main(
        [
            "train", "--gold", str(gold_dir), "--out", str(out), "--max-steps", "40", "--no-cell-ner",
            "--silver", "0", "--pretrain-epochs", "0",
        ]
    )
    assert code == 0
    captured = capsys.readouterr()
    assert "model:" in captured.out and "policy:" in captured.out
    assert "1 test (not used)" in captured.err
    policy = json.loads((out / POLICY_FILE).read_text("utf-8"))
    assert policy["chosen_on"] == "dev" and policy["dev_ids"] == ["tiny-5"]
    assert set(policy["labels"]) <= set(schema.LABELS)
    from celltx.components.ner import COMBINATIONS

    assert {label for m in COMBINATIONS for label in policy[m]} == set(policy["labels"])
    assert {"rules", "ner", "full:union:all", "full:chosen"} <= set(policy["table"])
    assert policy["table"]["rules"]["strict"]["micro"]["tp"] >= 0


def test_cli_pretrains_the_tok2vec_first(gold_dir, tmp_path, capsys, monkeypatch, corpus):
    # the unannotated abstracts: a stand-in folder (invented texts, ids drawn nowhere)
    pool = tmp_path / "abstracts"
    pool.mkdir()
    (pool / "rct_abstracts.jsonl").write_text(
        "".join(json.dumps({"id": f"x{i}", "text": r["text"]}) + "\n" for i, r in enumerate(corpus[:4])),
        "utf-8",
    )
    monkeypatch.setenv("CELLTX_REAL_ABSTRACTS", str(pool))
    out = tmp_path / "model"
    args = ["train", "--gold", str(gold_dir), "--out", str(out), "--max-steps", "5", "--no-cell-ner", "--silver", "0"]
    assert main([*args, "--pretrain-epochs", "1", "--no-policy"]) == 0
    weights = tmp_path / "model.tok2vec.bin"
    assert weights.is_file() and json.loads((tmp_path / "model.tok2vec.bin.json").read_text())["texts"] == 8
    assert json.loads((out / "meta.json").read_text())["celltx"]["pretrained_tok2vec"] is True
    assert not (out / "cell_type").exists()  # --no-cell-ner: no dedicated CELL_TYPE model
    assert main([*args, "--init-tok2vec", str(tmp_path / "none.bin")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_cli_refuses_the_package_and_ships_explicitly(gold_dir, tmp_path, capsys, monkeypatch, trained):
    from celltx import resources

    inside = resources.models_dir() / "ner-new"
    assert main(["train", "--gold", str(gold_dir), "--out", str(inside), "--no-cell-ner", "--silver", "0"]) == 2
    assert "inside the installed package" in capsys.readouterr().err
    assert not inside.exists()
    # shipping copies a built model (a stand-in package folder here, not the real one)
    fake_models = tmp_path / "pkg" / "models"
    fake_models.mkdir(parents=True)
    monkeypatch.setattr(resources, "models_dir", lambda: fake_models)
    assert main(["train", "--ship", str(tmp_path / "nothing")]) == 2
    assert "no trained model" in capsys.readouterr().err
    assert main(["train", "--ship", str(trained.path)]) == 0
    assert (fake_models / "ner" / "meta.json").read_bytes() == (trained.path / "meta.json").read_bytes()


def test_load_with_a_model_built_elsewhere(trained, tmp_path):
    import shutil

    from celltx import pipeline
    from celltx.components.ner import policy_modes
    from celltx.train.policy import write_policy

    model = tmp_path / "elsewhere"
    shutil.copytree(trained.path, model)
    write_policy({"labels": ["TIME_POINT", "ROUTE"], "union": ["ROUTE"], "gaps": ["TIME_POINT"], "model_only": []}, model)
    modes = policy_modes(model)
    assert modes["union"] == ["ROUTE"] and modes["gaps"] == ["TIME_POINT"]
    assert modes["model_only"] == modes["confirm"] == modes["confirm_gaps"] == []
    nlp = pipeline.load("full", model=model)
    assert nlp is pipeline.load("full", model=str(model))  # cached per model folder
    assert {"celltx_ner_model", "celltx_ner"} <= set(nlp.pipe_names)
    info = nlp.meta["celltx"]["ner"]
    assert info["model"] == str(model.resolve())
    assert info["combination"]["union"] == ["ROUTE"]
    assert info["combination"]["gaps"] == ["TIME_POINT"]
    nlp("Umbilical cord MSCs were infused intravenously; ALT was 41±9 U/L at 12 weeks.")
    # a policy that takes no label: the model does not run at all
    write_policy({"labels": [], "union": [], "gaps": [], "model_only": []}, model)
    rules_like = pipeline.build("full", model=model)
    assert "celltx_ner_model" not in rules_like.pipe_names
    assert "no label" in rules_like.meta["celltx"]["ner"]["combination"]
    with pytest.raises(pipeline.SystemUnavailable, match="meta.json"):
        pipeline.build("full", model=tmp_path / "missing")


def test_candidates_modes(trained):
    from celltx import pipeline
    from celltx.components.ner import NerCandidates

    nlp = pipeline.build("rules")
    text = "MSCs were infused intravenously at 12 weeks."
    doc = nlp.make_doc(text)
    for _name, proc in nlp.pipeline[: nlp.pipe_names.index("celltx_merge")]:
        doc = proc(doc)
    rule = [(c.label_, c.text) for c in doc.spans[schema.CANDIDATES_KEY]]
    assert ("TIME_POINT", "12 weeks") in rule
    weeks = doc.char_span(text.index("12 weeks"), text.index("12 weeks") + 8, label="TIME_POINT")
    infused = doc.char_span(text.index("infused"), text.index("infused") + 7, label="ROUTE")
    saved = list(doc.spans[schema.CANDIDATES_KEY])

    def run(**modes):
        doc.spans[schema.CANDIDATES_KEY] = list(saved)
        doc.ents = [weeks, infused]
        NerCandidates(nlp, "x", None, **modes)(doc)
        return sorted((c.label_, c.text, c._.origin) for c in doc.spans[schema.CANDIDATES_KEY])

    gaps = run(union=[], gaps=["TIME_POINT", "ROUTE"], replace=[])
    assert ("ROUTE", "infused", "ner") in gaps  # a gap: no rule ROUTE there
    assert ("TIME_POINT", "12 weeks", "ner") not in gaps  # the rules have it
    union = run(union=["TIME_POINT"], gaps=[], replace=[])
    assert ("TIME_POINT", "12 weeks", "ner") in union and ("ROUTE", "infused", "ner") not in union
    model_only = run(union=[], gaps=[], replace=["ROUTE"])
    assert [c for c in model_only if c[0] == "ROUTE"] == [("ROUTE", "infused", "ner")]
    # confirm: the rule ROUTE "intravenously" is not backed by a model ROUTE: dropped
    confirm = run(confirm=["ROUTE", "TIME_POINT"])
    assert [c[:2] for c in confirm if c[0] == "TIME_POINT"] == [("TIME_POINT", "12 weeks")]
    assert not [c for c in confirm if c[0] == "ROUTE"]
    confirm_gaps = run(confirm_gaps=["ROUTE"])
    assert [c for c in confirm_gaps if c[0] == "ROUTE"] == [("ROUTE", "infused", "ner")]


def test_runner_applies_the_model_only_where_a_confirm_policy_needs_it(trained, corpus):
    from celltx import pipeline
    from celltx.components.ner import add_trained_ner, sentence_scope

    assert sentence_scope({"confirm": ["TIME_POINT"]}) == ["TIME_POINT"]
    assert sentence_scope({"confirm": ["TIME_POINT"], "gaps": ["ROUTE"]}) is None
    assert sentence_scope(None) is None and sentence_scope({"confirm": []}) is None
    nlp = pipeline.build("rules")
    add_trained_ner(nlp, trained.path, modes={"confirm": ["TIME_POINT"]})
    runner = nlp.get_pipe("celltx_ner_model")
    assert nlp.config["components"]["celltx_ner_model"]["sentences_with"] == ["TIME_POINT"]
    text = corpus[1]["text"] + " " + corpus[0]["text"]
    upstream = nlp.pipe_names[: nlp.pipe_names.index("celltx_ner_model")]
    with nlp.select_pipes(enable=upstream):
        doc = nlp(text)
    wanted = runner._sentences(doc)
    assert wanted and all(
        any(c.label_ == "TIME_POINT" for c in doc.spans[schema.CANDIDATES_KEY] if c.sent == s)
        for s in wanted
    )
    doc = runner(doc)
    assert all(any(s.start <= e.start and e.end <= s.end for s in wanted) for e in doc.ents)
    # whole documents when no sentence boundaries are there
    bare = nlp.make_doc("at 12 weeks")
    assert runner._sentences(bare) == []
    assert nlp(text).spans["celltx"] is not None  # the assembled pipeline runs end to end
