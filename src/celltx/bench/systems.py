"""The systems under test: the bare tokenizers (baselines), medspaCy (the peer) and celltx.

Each :class:`System` loads itself and returns ``run(texts) -> docs processed``;
:data:`COLD_LOAD` is what a user types to get the same system in a fresh interpreter (used by
:mod:`celltx.bench.cold`). A new row needs an entry in :data:`SYSTEM_NAMES`, in
:func:`systems` and in :data:`COLD_LOAD`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

SYSTEM_NAMES: tuple[str, ...] = (
    "spacy-tokenizer",
    "celltx-tokenizer",
    "medspacy",
    "celltx-rules",
    "celltx-full",
    "celltx-full-n2",
    "celltx-rules+ner",
)


@dataclass
class System:
    name: str
    description: str
    load: Callable[[], Callable[[list[str]], int]]  # returns run(texts) -> docs processed
    note: str = ""


def _quiet_medspacy_logging() -> None:
    # PyRuSH logs every sentence decision at DEBUG level through loguru, to stderr.
    try:
        from loguru import logger
    except ImportError:
        return
    for name in ("PyRuSH", "PyFastNER"):
        logger.disable(name)


def _load_spacy_tokenizer() -> Callable[[list[str]], int]:
    import spacy

    tokenizer = spacy.blank("en").tokenizer

    def run(texts: list[str]) -> int:
        return sum(1 for _ in tokenizer.pipe(texts))

    return run


def _load_celltx_tokenizer() -> Callable[[list[str]], int]:
    import spacy

    from ..tokenizer import CelltxTokenizer

    tokenizer = CelltxTokenizer(spacy.blank("en").vocab)

    def run(texts: list[str]) -> int:
        return sum(1 for _ in tokenizer.pipe(texts))

    return run


def _load_medspacy() -> Callable[[list[str]], int]:
    _quiet_medspacy_logging()
    import medspacy

    nlp = medspacy.load()

    def run(texts: list[str]) -> int:
        return sum(1 for _ in nlp.pipe(texts))

    return run


def _celltx_loader(system: str, n_process: int = 1) -> Callable[[], Callable[[list[str]], int]]:
    def load() -> Callable[[list[str]], int]:
        from .. import api, pipeline

        nlp = pipeline.load(system)

        def run(texts: list[str]) -> int:
            return sum(1 for _ in api.extract_many(texts, system=system, n_process=n_process))

        run.components = list(nlp.pipe_names)  # type: ignore[attr-defined]
        return run

    return load


def systems() -> dict[str, System]:
    return {
        "spacy-tokenizer": System("spacy-tokenizer", 'spacy.blank("en").tokenizer', _load_spacy_tokenizer),
        "celltx-tokenizer": System(
            "celltx-tokenizer",
            "celltx CelltxTokenizer",
            _load_celltx_tokenizer,
            "fresh-process figures include importing the celltx package (the whole pipeline's code)",
        ),
        "medspacy": System(
            "medspacy",
            "medspacy.load() (pyrush, target matcher, context)",
            _load_medspacy,
            "default pipeline has no target rules: finds nothing; cost is mostly PyRuSH",
        ),
        "celltx-rules": System("celltx-rules", 'celltx.load("rules") via extract_many', _celltx_loader("rules")),
        "celltx-full": System("celltx-full", 'celltx.load("full") via extract_many', _celltx_loader("full")),
        "celltx-full-n2": System(
            "celltx-full-n2",
            'celltx "full", extract_many(n_process=2)',
            _celltx_loader("full", n_process=2),
            "each pass starts its worker pool (included in the time); ΔRSS and peak add up parent and"
            " workers, counting copy-on-write pages they share more than once",
        ),
        "celltx-rules+ner": System(
            "celltx-rules+ner", 'celltx.load("rules+ner") via extract_many', _celltx_loader("rules+ner")
        ),
    }


def _component_note(row: dict[str, Any]) -> str:
    components = row.get("components")
    if not components or not row["system"].startswith("celltx-full"):
        return ""
    if not any("ner" in c for c in components if c != "celltx_sentences"):
        return "the trained NER is not in full (its combination policy is empty): full = rules"
    return ""


#: What a user types to get each system, timed from a fresh interpreter (imports included).
COLD_LOAD = {
    "spacy-tokenizer": "import spacy\n"
    "tok = spacy.blank('en').tokenizer\n"
    "run = lambda texts: sum(1 for _ in tok.pipe(texts))",
    "celltx-tokenizer": "import spacy\n"
    "from celltx.tokenizer import CelltxTokenizer\n"
    "tok = CelltxTokenizer(spacy.blank('en').vocab)\n"
    "run = lambda texts: sum(1 for _ in tok.pipe(texts))",
    "medspacy": "try:\n"
    "    from loguru import logger\n"
    "    logger.disable('PyRuSH'); logger.disable('PyFastNER')\n"
    "except ImportError:\n"
    "    pass\n"
    "import medspacy\n"
    "nlp = medspacy.load()\n"
    "run = lambda texts: sum(1 for _ in nlp.pipe(texts))",
    "celltx-rules": "import celltx\n"
    "celltx.load('rules')\n"
    "run = lambda texts: sum(1 for _ in celltx.extract_many(texts, system='rules'))",
    "celltx-full": "import celltx\n"
    "celltx.load('full')\n"
    "run = lambda texts: sum(1 for _ in celltx.extract_many(texts, system='full'))",
    "celltx-full-n2": "import celltx\n"
    "celltx.load('full')\n"
    "run = lambda texts: sum(1 for _ in celltx.extract_many(texts, system='full', n_process=2))",
    "celltx-rules+ner": "import celltx\n"
    "celltx.load('rules+ner')\n"
    "run = lambda texts: sum(1 for _ in celltx.extract_many(texts, system='rules+ner'))",
}
