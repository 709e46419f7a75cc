"""Real, messy text: the full pipeline over every file of the third-party corpora and the seeds.

The corpora are read in place from ../shared/corpora (relative to the repository root) and are
never copied into the repository; the test is skipped when that folder is absent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


#: The trained-NER systems are checked on each corpus file's first characters only: their
#: contract (valid spans, no exception) does not depend on the length of a file, and the
#: files of thousands of abstracts would cost minutes per system for nothing more.
NER_CHARS = 40_000


@pytest.fixture(scope="module")
def single_records(extract_full) -> dict[Path, dict[str, Any] | Exception]:
    """Each corpus file and seed through ``extract`` once (a record, or the exception it
    raised), shared by the tests below so that the corpus is read by the pipeline once."""
    out: dict[Path, dict[str, Any] | Exception] = {}
    for path in CORPUS_FILES + SEED_FILES:
        try:
            out[path] = extract_full(_read(path))
        except Exception as err:  # collected: one run reports every bad file
            out[path] = err
    return out


@pytest.mark.skipif(not CORPUS_FILES, reason=f"third-party corpora not found at {SHARED_CORPORA}")
def test_every_shared_corpus_file(single_records):
    """Zero exceptions and zero invalid spans over every file (one test: failures listed together)."""
    problems = []
    n_spans = 0
    for path in CORPUS_FILES:
        record = single_records[path]
        try:
            if isinstance(record, Exception):
                raise record
            check_record(record, _read(path))
        except Exception as err:
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
def test_batched_extraction_matches_single_on_the_corpus(single_records):
    import celltx

    paths = CORPUS_FILES + SEED_FILES
    batched = list(celltx.extract_many([_read(p) for p in paths], batch_size=16, system="full"))
    assert batched == [single_records[p] for p in paths]


@pytest.mark.skipif(not CORPUS_FILES, reason=f"third-party corpora not found at {SHARED_CORPORA}")
def test_systems_with_the_trained_ner_on_real_text(ner_systems):
    """The trained NER (systems "ner", "rules+ner") over the same files (their first
    NER_CHARS characters) and the seeds: same contract."""
    import celltx

    problems = []
    texts = [(p, _read(p)[:NER_CHARS]) for p in CORPUS_FILES] + [(p, _read(p)) for p in SEED_FILES]
    assert any(len(_read(p)) > NER_CHARS for p in CORPUS_FILES), "the slice must cut the large files"
    for system in ner_systems:
        for (path, text), record in zip(texts, celltx.extract_many([t for _, t in texts], system=system)):
            try:
                check_record(record, text)
            except AssertionError as err:
                problems.append(f"{system} {path.name}: {str(err)[:300]}")
    assert not problems, "\n".join(problems)
