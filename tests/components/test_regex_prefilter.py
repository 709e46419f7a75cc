"""A pattern's prefilter only skips work: wherever the pattern matches, its prefilter does too."""

from __future__ import annotations

import json
from pathlib import Path

from celltx.components.regex_spans import compile_rows
from celltx.resources import read_jsonl_resource
from celltx.textnorm import shadow

REPO = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    for path in sorted((REPO / "corpora").rglob("*.jsonl")):
        if "drafts" in path.parts or path.name.startswith("trials"):
            continue
        texts += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line.strip()]
    return texts


def test_every_prefilter_is_implied_by_its_pattern():
    patterns = [p for p in compile_rows([dict(r) for r in read_jsonl_resource("numeric.jsonl")])
                if p.prefilter is not None]
    assert len(patterns) >= 20
    checked = 0
    for text in _texts():
        view = shadow(text)
        for pat in patterns:
            if pat.pattern.search(view):
                checked += 1
                assert pat.prefilter.search(view), f"{pat.name}: matches where its prefilter does not"
    assert checked > 100


def test_a_misspelt_key_or_unknown_label_in_a_rule_row_is_an_error():
    import pytest

    from celltx.components.merge import _compile_exclusion

    with pytest.raises(ValueError, match="unknown keys"):
        compile_rows([{"label": "DOSE", "name": "x", "regex": "a", "exclude_rigth": "b"}])
    with pytest.raises(ValueError, match="unknown label"):
        compile_rows([{"label": "DOSES", "name": "x", "regex": "a"}])
    with pytest.raises(ValueError, match="exclusion row 1: unknown keys"):
        _compile_exclusion({"label": "DOSE", "rigth": "x"}, 1)
    with pytest.raises(ValueError, match="does not compile"):
        _compile_exclusion({"label": "DOSE", "left": "(unbalanced"}, 1)


def test_a_pattern_row_can_give_its_matches_an_id():
    (pattern,) = compile_rows([{"label": "LAB_TEST", "name": "t", "regex": "total", "id": "total cholesterol"}])
    assert pattern.id == "total cholesterol"
