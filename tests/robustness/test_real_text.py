"""Real, messy text: the full pipeline over every file of the third-party corpora and the seeds.

The corpora are read in place from ../shared/corpora (relative to the repository root) and are
never copied into the repository; the test is skipped when that folder is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import SEEDS, SHARED_CORPORA, check_record

CORPUS_FILES = sorted(p for p in SHARED_CORPORA.rglob("*") if p.is_file()) if SHARED_CORPORA.is_dir() else []
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _read(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:  # undecodable bytes become lone surrogates: also valid input
        return data.decode("utf-8", errors="surrogateescape")


@pytest.mark.skipif(not CORPUS_FILES, reason=f"third-party corpora not found at {SHARED_CORPORA}")
def test_every_shared_corpus_file(extract_full):
    """Zero exceptions and zero invalid spans over every file (one test: failures listed together)."""
    problems = []
    n_spans = 0
    for path in CORPUS_FILES:
        text = _read(path)
        try:
            record = extract_full(text)
            check_record(record, text)
        except Exception as err:  # collect, so that one run reports every bad file
            problems.append(f"{path.relative_to(SHARED_CORPORA)}: {type(err).__name__}: {str(err)[:300]}")
            continue
        n_spans += len(record["spans"])
    assert not problems, f"{len(problems)} of {len(CORPUS_FILES)} files failed:\n" + "\n".join(problems)
    assert n_spans > len(CORPUS_FILES), "the corpus has time points and doses: something must be found"


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_every_seed(extract_full, path):
    text = _read(path)
    check_record(extract_full(text), text)


@pytest.mark.skipif(not CORPUS_FILES, reason=f"third-party corpora not found at {SHARED_CORPORA}")
def test_batched_extraction_matches_single_on_the_corpus(extract_full):
    import celltx

    texts = [_read(p) for p in CORPUS_FILES] + [_read(p) for p in SEED_FILES]
    batched = list(celltx.extract_many(texts, batch_size=16, system="full"))
    assert batched == [extract_full(t) for t in texts]


@pytest.mark.skipif(not CORPUS_FILES, reason=f"third-party corpora not found at {SHARED_CORPORA}")
def test_systems_with_the_trained_ner_on_real_text(ner_systems):
    """The trained NER (systems "ner", "rules+ner") over the same files: same contract."""
    import celltx

    problems = []
    texts = [(p, _read(p)) for p in CORPUS_FILES + SEED_FILES]
    for system in ner_systems:
        for (path, text), record in zip(texts, celltx.extract_many([t for _, t in texts], system=system)):
            try:
                check_record(record, text)
            except AssertionError as err:
                problems.append(f"{system} {path.name}: {str(err)[:300]}")
    assert not problems, "\n".join(problems)
