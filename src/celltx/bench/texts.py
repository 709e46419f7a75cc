"""Which texts the benchmark runs on (the same list for every system).

ctc-glaucoma (third-party abstracts, read in place when present, never copied) +
``seeds/*.txt`` + ``corpora/dev/*.jsonl`` + whatever ``--texts`` adds.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

CORPUS_SUBDIR = "ctc-glaucoma"


@dataclass
class Corpus:
    texts: list[str]
    sources: dict[str, int]
    notes: list[str] = field(default_factory=list)

    @property
    def n_words(self) -> int:
        return sum(len(t.split()) for t in self.texts)

    @property
    def n_chars(self) -> int:
        return sum(len(t) for t in self.texts)


def default_repo() -> Path:
    """The source checkout (when celltx runs from one), else the current directory."""
    here = Path(__file__).resolve().parents[3]
    return here if (here / "seeds").is_dir() else Path.cwd()


def default_shared(repo: Path) -> Path:
    return repo.parent / "shared" / "corpora"


def _jsonl_texts(path: Path) -> list[str]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                record = json.loads(line)
                if isinstance(record, dict) and isinstance(record.get("text"), str):
                    out.append(record["text"])
    return out


def _files(path: Path, pattern: str) -> list[Path]:
    return sorted(path.glob(pattern)) if path.is_dir() else []


def collect_texts(repo: Path, shared: Path | None, extra: Sequence[Path] = ()) -> Corpus:
    """ctc-glaucoma (when present) + ``seeds/*.txt`` + ``corpora/dev/*.jsonl`` + ``extra``.

    The third-party abstracts are read in place at run time and never copied anywhere.
    """
    texts: list[str] = []
    sources: dict[str, int] = {}
    notes: list[str] = []

    def add(name: str, items: list[str]) -> None:
        items = [t for t in items if t.strip()]
        if items:
            texts.extend(items)
            sources[name] = sources.get(name, 0) + len(items)

    glaucoma = (shared / CORPUS_SUBDIR) if shared is not None else None
    if glaucoma is not None and glaucoma.is_dir():
        add(CORPUS_SUBDIR, [p.read_text(encoding="utf-8") for p in _files(glaucoma, "*.txt")])
    else:
        notes.append(f"{CORPUS_SUBDIR} not found at {glaucoma}: benchmarked without it")
    add("seeds", [p.read_text(encoding="utf-8") for p in _files(repo / "seeds", "*.txt")])
    dev: list[str] = []
    for p in _files(repo / "corpora" / "dev", "*.jsonl"):
        dev.extend(_jsonl_texts(p))
    add("corpora/dev", dev)
    for path in extra:
        if path.is_dir():
            add(str(path), [p.read_text(encoding="utf-8") for p in sorted(path.rglob("*.txt"))])
        elif path.suffix == ".jsonl":
            add(str(path), _jsonl_texts(path))
        else:
            add(str(path), [path.read_text(encoding="utf-8")])
    return Corpus(texts, sources, notes)
