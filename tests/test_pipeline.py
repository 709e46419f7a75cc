"""The pipeline as a spaCy pipeline: config, initialize, to_disk/spacy.load, to_bytes, meta."""

from __future__ import annotations

import inspect
import json
import re
import subprocess
import sys

import pytest
import spacy
from spacy.language import Language

import celltx
from celltx import pipeline, schema
from tests.conftest import SEEDS

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
ODD_TEXTS = [
    "<p>MSCs were infused at 1&times;10<sup>6</sup> cells/kg.</p><p>ALT decreased from 80&plusmn;12 U/L "
    "to 35&#177;5 U/L at week&nbsp;4.</p>",
    "Autologous mesen\u00adchymal stem cells (MSC\u200bs) were infused; \ufb01brinogen was 2.1 g/L.",
    "MSCs\x00 were infused\x07 at 1×10^6\x0b cells/kg.\x1b ALT was 35±5\x7f U/L.",
]

#: Run in a fresh interpreter: loads the saved pipeline with spacy.load() alone. celltx is found
#: through its entry points; this code never names it.
FRESH_PROCESS = """
import json, sys
import spacy

nlp = spacy.load(sys.argv[1])
texts = json.load(open(sys.argv[2], encoding="utf-8"))
docs = []
for doc in nlp.pipe(texts):
    spans = sorted(([s.start_char, s.end_char, s.label_, s._.attrs] for s in doc.spans["celltx"]),
                   key=lambda s: s[:3])
    docs.append({"text": doc.text, "spans": spans,
                 "relations": sorted(doc.user_data.get("celltx_relations", [])),
                 "ents": [[e.start_char, e.end_char, e.label_] for e in doc.ents]})
meta = {k: nlp.meta[k] for k in ("name", "version", "license", "description")}
json.dump({"pipeline": nlp.pipe_names, "meta": meta, "docs": docs}, open(sys.argv[3], "w", encoding="utf-8"))
"""


def _expected(record: dict) -> dict:
    """What FRESH_PROCESS writes, computed from an extract() record."""
    by_id = {s["id"]: [s["start"], s["end"], s["label"]] for s in record["spans"]}
    spans = sorted(([s["start"], s["end"], s["label"], s["attrs"]] for s in record["spans"]), key=lambda s: s[:3])
    relations = sorted([r["label"], by_id[r["head"]], by_id[r["tail"]]] for r in record["relations"])
    return {"text": record["text"], "spans": spans, "relations": relations}


def _records(nlp, texts):
    from celltx.extensions import doc_to_record

    return [json.loads(json.dumps(doc_to_record(doc))) for doc in nlp.pipe(texts)]


@pytest.mark.parametrize("system", ["full", "dictionary"])
def test_saved_pipeline_loads_with_spacy_load_in_a_fresh_process(tmp_path, system):
    assert not re.search(r"\b(import|from)\s+celltx|import_module", FRESH_PROCESS)
    texts = SEED_TEXTS + ODD_TEXTS
    nlp = celltx.load(system)
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "celltx_merge" / "patterns.jsonl").is_file()
    (tmp_path / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-c", FRESH_PROCESS, str(tmp_path / "pipeline"), str(tmp_path / "texts.json"),
         str(tmp_path / "out.json")],
        check=True, cwd=tmp_path, capture_output=True, text=True,
    )
    out = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert out["pipeline"] == nlp.pipe_names
    assert out["meta"]["name"] == "celltx" and out["meta"]["version"] == celltx.__version__
    for text, got in zip(texts, out["docs"]):
        expected = _expected(json.loads(json.dumps(celltx.extract(text, system=system))))
        assert got["spans"] and got["text"] == text
        assert {k: got[k] for k in expected} == expected
        assert got["ents"], "doc.ents carries the spans' non-overlapping view"


def test_to_bytes_and_from_bytes_round_trip_the_components():
    nlp = celltx.load("rules")
    data = nlp.to_bytes()
    fresh = spacy.util.load_model_from_config(nlp.config, auto_fill=True, validate=True)
    fresh.from_bytes(data)  # patterns come from the bytes, not from initialize()
    texts = SEED_TEXTS + ODD_TEXTS
    assert _records(fresh, texts) == _records(nlp, texts)


def test_meta_names_celltx():
    meta = celltx.load("rules").meta
    assert meta["name"] == "celltx"
    assert meta["version"] == celltx.__version__
    assert meta["license"] == "MIT"
    assert "cell types" in meta["description"] and "rules" in meta["description"]
    assert meta["requirements"] == [f"celltx=={celltx.__version__}"]


def _factory(name: str):
    return spacy.registry.factories.get(name)


def test_every_setting_is_in_config_cfg_and_nowhere_else():
    config = pipeline.base_config()
    assert config["nlp"]["pipeline"][0] == "celltx_clean"
    assert config["nlp"]["pipeline"][-1] == "celltx_finalize"
    pipeline.register()
    for name, block in config["components"].items():
        factory = block["factory"]
        meta = Language.get_factory_meta(factory)
        assert not meta.default_config, f"{factory} declares defaults: {meta.default_config}"
        params = set(inspect.signature(_factory(factory)).parameters) - {"nlp", "name"}
        assert params == set(block) - {"factory"}, name
        assert meta.assigns or meta.requires or factory == "celltx_clean", f"{factory} declares nothing"


@pytest.mark.parametrize("system", [s for s in pipeline.SYSTEMS if s not in ("ner", "rules+ner")])
def test_each_component_requires_only_what_an_earlier_one_assigns(system):
    problems = celltx.load(system).analyze_pipes(pretty=False)["problems"]
    assert all(p == [] for p in problems.values()), problems


def test_a_pipeline_built_from_config_needs_initialize():
    nlp = spacy.util.load_model_from_config(pipeline.system_config("rules"), auto_fill=True, validate=True)
    with pytest.raises(ValueError, match=r"celltx_lexicon.*nlp\.initialize\(\)"):
        nlp("MSCs were infused.")
    nlp.initialize()
    doc = nlp("MSCs were infused.")
    assert [s.text for s in doc.spans[schema.SPANS_KEY]] == ["MSCs"]


def test_initialize_takes_patterns_from_the_config(tmp_path):
    # a lexicon of one entry instead of the package's files, as [initialize.components] gives it
    config = pipeline.system_config("dictionary")
    config["initialize"] = {"components": {"celltx_lexicon": {
        "patterns": [{"label": "LAB_TEST", "pattern": "frobnicase", "id": "frobnicase"}]
    }}}
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.initialize()
    doc = nlp("Frobnicase rose; ALT fell.")
    assert [(s.text, s._.attrs["analyte"]) for s in doc.spans[schema.SPANS_KEY]] == [("Frobnicase", "frobnicase")]
    # and those patterns, not the package's, are what the pipeline saves and loads back
    nlp.to_disk(tmp_path)
    doc = spacy.load(tmp_path)("Frobnicase rose; ALT fell.")
    assert [s.text for s in doc.spans[schema.SPANS_KEY]] == ["Frobnicase"]
