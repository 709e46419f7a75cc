"""A dedicated model for one label (DIR/cell_type): the runner, the policy and shipping."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from celltx import schema
from celltx.train.train import split_records, train_ner

TEXT = "Umbilical cord MSCs were infused intravenously; ALT was 41±9 U/L at 12 weeks."


@pytest.fixture(scope="module")
def model_with_cell_model(tmp_path_factory, corpus) -> Path:
    """A tiny model whose copy serves as the dedicated CELL_TYPE model (same predictions)."""
    out = tmp_path_factory.mktemp("labelmodels") / "ner"
    splits = split_records(corpus)
    train_ner(splits.train, splits.dev, out, seed=0, max_steps=60, log=io.StringIO())
    sub = tmp_path_factory.mktemp("sub") / "cell_type"
    shutil.copytree(out, sub, ignore=shutil.ignore_patterns("cell_type"))
    shutil.move(str(sub), str(out / "cell_type"))
    return out


def _ents(nlp, text: str = TEXT) -> list[tuple[str, str]]:
    doc = nlp.get_pipe("celltx_ner_model")(nlp.make_doc(text))
    return [(e.text, e.label_) for e in doc.ents]


def test_runner_takes_a_label_from_its_dedicated_model(model_with_cell_model):
    from celltx import pipeline
    from celltx.components.ner import add_trained_ner

    main_only = pipeline.build("rules")
    add_trained_ner(main_only, model_with_cell_model, modes={"union": list(schema.LABELS)}, label_models={})
    expected = _ents(main_only)

    # only CELL_TYPE used, and it comes from the dedicated model: the main model is not loaded
    cell = pipeline.build("rules")
    add_trained_ner(cell, model_with_cell_model, modes={"gaps": [schema.CELL_TYPE]}, label_models={schema.CELL_TYPE: "cell_type"})
    runner = cell.get_pipe("celltx_ner_model")
    assert len(runner.runs) == 1 and runner.runs[0][1] == {schema.CELL_TYPE}
    assert runner.labels == (schema.CELL_TYPE,)
    assert _ents(cell) == [e for e in expected if e[1] == schema.CELL_TYPE]

    # both models: CELL_TYPE from the dedicated one, the rest from the main one
    both = pipeline.build("rules")
    add_trained_ner(
        both,
        model_with_cell_model,
        modes={"union": list(schema.LABELS)},
        label_models={schema.CELL_TYPE: "cell_type"},
    )
    assert len(both.get_pipe("celltx_ner_model").runs) == 2
    assert _ents(both) == expected  # a copy of the main model: the same entities
    both(TEXT)  # the whole pipeline runs


def test_policy_compares_the_dedicated_model_and_ship_leaves_unused_ones_out(
    model_with_cell_model, corpus, tmp_path, monkeypatch, capsys
):
    from celltx import resources
    from celltx.cli import main
    from celltx.components.ner import LABEL_MODELS
    from celltx.train.policy import choose_policy, write_policy

    dev = split_records(corpus).dev
    policy = choose_policy(
        dev,
        model_with_cell_model,
        log=io.StringIO(),
        labels=[schema.CELL_TYPE],
        label_models={schema.CELL_TYPE: "cell_type"},
    )
    decision = policy["decisions"][schema.CELL_TYPE]
    assert "gaps@cell_type" in decision and "gaps" in decision
    assert decision["model"] is None  # a copy of the main model: ties keep the main model
    assert policy[LABEL_MODELS] == {}

    model = tmp_path / "built"
    shutil.copytree(model_with_cell_model, model)
    fake_models = tmp_path / "pkg" / "models"
    fake_models.mkdir(parents=True)
    monkeypatch.setattr(resources, "models_dir", lambda: fake_models)
    write_policy(policy, model)
    assert main(["train", "--ship", str(model)]) == 0
    assert not (fake_models / "ner" / "cell_type").exists()  # the policy does not use it
    used = dict(policy, gaps=[schema.CELL_TYPE], labels=[schema.CELL_TYPE], **{LABEL_MODELS: {schema.CELL_TYPE: "cell_type"}})
    write_policy(used, model)
    assert main(["train", "--ship", str(model)]) == 0
    assert (fake_models / "ner" / "cell_type" / "meta.json").is_file()
    assert json.loads((fake_models / "ner" / "celltx_policy.json").read_text())[LABEL_MODELS] == {
        schema.CELL_TYPE: "cell_type"
    }
    capsys.readouterr()
