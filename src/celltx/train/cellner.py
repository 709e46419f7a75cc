"""Cell-type corpora annotated by others (IOB, one token a line) as CELL_TYPE training data.

The corpora live in ``../shared/corpora/cell-ner`` beside the repository (never copied into it;
:func:`find_cell_ner_dir` resolves the folder, ``celltx train --cell-ner DIR`` overrides it):

=================================== ============= ======================================================
file                                part          entity types
=================================== ============= ======================================================
``bionlp13cg_cell_{train,devel}``   train, devel  ``Cell`` (BioNLP 2013 Cancer Genetics): cell types *and* cell lines
``craft_cell_{train,devel}``        train, devel  ``CL`` (CRAFT full texts, Cell Ontology mentions)
``jnlpba_devel``                    devel only    ``cell_type``, ``cell_line`` (+ protein, DNA, RNA: ignored)
=================================== ============= ======================================================

Text
    The files hold tokens, not text. Sentences are rebuilt by joining the tokens with one space,
    undoing the corpora's own splitting where real abstracts write no space: none before
    ``. , ; : ) ] %`` or after ``( [``, none around a hyphen or slash between two word tokens
    ("BM - MSC" -> "BM-MSC", as the celltx tokenizer then keeps it whole), none before a
    ``+`` after a word ("CD34 +" -> "CD34+"). Sentences are grouped into
    pseudo-documents of :data:`SENTENCES_PER_DOC` sentences (``-DOCSTART-`` also ends one).

Mapping to CELL_TYPE (the convention differences, deliberately resolved)
    * **Types mapped**: BioNLP13CG ``Cell`` and CRAFT ``CL`` -> CELL_TYPE; JNLPBA ``cell_type``
      -> CELL_TYPE. JNLPBA ``cell_line`` is *not* mapped: our scheme has no rule for cell lines
      and the clinical abstracts we extract from hardly name any; when scoring on JNLPBA, a
      prediction that overlaps a ``cell_line`` span is neither a hit nor a false positive.
      JNLPBA's protein, DNA and RNA names swallow the cell words inside them ("T cell
      receptor", "B-cell lymphoma" gene), which our scheme marks as attributive cell mentions
      ("[T cell] receptor"); in the ``mapped`` view a prediction overlapping such a name is
      not counted either, in the ``original`` view it is a false positive.
      BioNLP13CG does not tell cell lines ("MCF-7 cells", "NIH3T3 cells") from cell types, so
      its cell lines stay CELL_TYPE (a known source of extra "cell type" mentions).
    * **Generic "cells"**: both CRAFT and BioNLP13CG mark bare "cell", "cells", "cellular"
      (about a fifth of their mentions); our scheme marks a *named* cell type or population
      ([stem cells], [liver cells]) and never bare "cells". Mentions whose every word is one of
      :data:`GENERIC_WORDS` are removed (``mapped`` view). The devel scores are reported both
      against the mapped gold (our convention) and against the original gold (theirs).
    * **Modifiers inside spans**: JNLPBA and BioNLP13CG put state and species words inside the
      span ("activated T cells", "human endothelial cells", "uncultured cells"); CRAFT marks
      the ontology term only, often without the words before it ("stem (ES) cells" inside
      "embryonic stem (ES) cells") and marks adjectives ("neuronal", "endothelial"). Ours keeps
      species and tissue words and drops donor and procedure words. Spans are kept as the
      corpora annotate them; that is why cross-corpus scores are reported with *lenient*
      (overlap) matching.
    * **Other labels**: the corpora mark only cells, so in their documents every other token is
      unknown, not "outside". Training gives those tokens the rule pipeline's DOSE, ROUTE,
      FREQUENCY, TIME_POINT, LAB_TEST and LAB_VALUE spans as silver annotation (where they do
      not overlap a cell mention) and "outside" elsewhere, so a cell corpus never teaches the
      model that a time point is not one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import schema
from ..evaluate.scorer import PRF

#: Pseudo-document size when sentences are grouped (training and scoring use the same grouping).
SENTENCES_PER_DOC = 8
#: Words that alone make a mention generic ("cells"), not a named cell type.
GENERIC_WORDS = frozenset({"cell", "cells", "cellular"})
#: Corpus entity types mapped to CELL_TYPE; the others are ignored (or, for cell lines on
#: JNLPBA, excluded from scoring: see the module docs).
CELL_TYPES = frozenset({"Cell", "CL", "cell_type"})
CELL_LINE = "cell_line"
ENV_DIR = "CELLTX_CELL_NER"

#: name -> (file stem, parts it has)
CORPORA: dict[str, tuple[str, tuple[str, ...]]] = {
    "bionlp13cg": ("bionlp13cg_cell", ("train", "devel")),
    "craft": ("craft_cell", ("train", "devel")),
    "jnlpba": ("jnlpba", ("devel",)),
}


class CellNerError(ValueError):
    """A cell-ner file cannot be read."""


@dataclass
class CellDoc:
    """One pseudo-document: rebuilt text and the corpus's cell mentions (character offsets)."""

    id: str
    text: str
    cells: list[tuple[int, int]] = field(default_factory=list)  # mapped CELL_TYPE spans
    generic: list[tuple[int, int]] = field(default_factory=list)  # removed: bare "cells"
    ignore: list[tuple[int, int]] = field(default_factory=list)  # cell lines (JNLPBA)
    other: list[tuple[int, int]] = field(default_factory=list)  # protein, DNA, RNA (JNLPBA)

    def gold(self, view: str = "mapped") -> list[tuple[int, int]]:
        if view == "mapped":
            return list(self.cells)
        if view == "original":
            return sorted(self.cells + self.generic)
        raise ValueError(f"unknown view {view!r}")


def find_cell_ner_dir(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The cell-ner folder: ``explicit``, ``$CELLTX_CELL_NER``, or ``../shared/corpora/cell-ner``
    found from the current folder or the source checkout upwards; ``None`` when absent."""
    if explicit is not None:
        path = Path(explicit)
        return path if path.is_dir() else None
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env) if Path(env).is_dir() else None
    starts = [Path.cwd(), Path(__file__).resolve().parent]
    for start in starts:
        for base in (start, *start.parents):
            for candidate in (
                base / "shared" / "corpora" / "cell-ner",
                base.parent / "shared" / "corpora" / "cell-ner",
            ):
                if candidate.is_dir():
                    return candidate
    return None


def corpus_file(folder: Path, corpus: str, part: str) -> Path:
    stem, parts = CORPORA[corpus]
    if part not in parts:
        raise CellNerError(f"{corpus} has no {part} part")
    return Path(folder) / f"{stem}_{part}.tsv"


# --------------------------------------------------------------------------- reading


def iter_sentences(lines: Iterable[str], source: str = "<iob>") -> Iterator[list[tuple[str, str]]]:
    """(token, tag) lists, one per sentence; ``-DOCSTART-`` yields an empty list (a boundary)."""
    sentence: list[tuple[str, str]] = []
    for lineno, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if sentence:
                yield sentence
                sentence = []
            continue
        if "\t" not in line:
            raise CellNerError(f"{source}:{lineno}: expected 'token<TAB>tag'")
        token, tag = line.rsplit("\t", 1)
        if token == "-DOCSTART-":
            if sentence:
                yield sentence
                sentence = []
            yield []
            continue
        if tag != "O" and not (tag[:2] in ("B-", "I-") and len(tag) > 2):
            raise CellNerError(f"{source}:{lineno}: bad tag {tag!r}")
        sentence.append((token, tag))
    if sentence:
        yield sentence


_NO_SPACE_BEFORE = {".", ",", ";", ":", ")", "]", "%", "'s", "?", "!"}
_NO_SPACE_AFTER = {"(", "["}
_JOINERS = {"-", "/"}


def _wordish(token: str) -> bool:
    return bool(token) and (token[0].isalnum() or token[-1].isalnum())


def detokenize(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Text and each token's (start, end) in it (see the module docs for the spacing rules)."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for i, token in enumerate(tokens):
        if i > 0:
            prev = tokens[i - 1]
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            glue = (
                token in _NO_SPACE_BEFORE
                or prev in _NO_SPACE_AFTER
                or (token in _JOINERS and _wordish(prev) and _wordish(nxt))
                or (prev in _JOINERS and i >= 2 and _wordish(tokens[i - 2]) and _wordish(token))
                or (token == "+" and prev[-1:].isalnum())
            )
            if not glue:
                parts.append(" ")
                pos += 1
        parts.append(token)
        offsets.append((pos, pos + len(token)))
        pos += len(token)
    return "".join(parts), offsets


def _mentions(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token ranges (start, end, type) of IOB mentions (an I- without a B- starts one)."""
    out: list[tuple[int, int, str]] = []
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        continues = prefix == "I" and name == kind and start is not None
        if start is not None and not continues:
            out.append((start, i, kind))
            start, kind = None, None
        if prefix in ("B", "I") and not continues:
            start, kind = i, name
    return out


def is_generic(text: str) -> bool:
    words = text.lower().split()
    return bool(words) and all(w in GENERIC_WORDS for w in words)


def read_cell_docs(
    path: str | os.PathLike[str],
    prefix: str | None = None,
    sentences_per_doc: int = SENTENCES_PER_DOC,
    lines: Iterable[str] | None = None,
) -> list[CellDoc]:
    """Pseudo-documents of an IOB file (``lines`` instead of the file, for tests)."""
    path = Path(path)
    prefix = prefix or path.stem
    if lines is None:
        with open(path, encoding="utf-8") as fh:
            groups = _group(iter_sentences(fh, str(path)), sentences_per_doc)
            return [_to_doc(f"{prefix}-{i:05d}", g) for i, g in enumerate(groups)]
    groups = _group(iter_sentences(lines, str(path)), sentences_per_doc)
    return [_to_doc(f"{prefix}-{i:05d}", g) for i, g in enumerate(groups)]


def _group(sentences: Iterable[list[tuple[str, str]]], size: int) -> list[list[list[tuple[str, str]]]]:
    groups: list[list[list[tuple[str, str]]]] = []
    current: list[list[tuple[str, str]]] = []
    for sentence in sentences:
        if not sentence:  # document boundary
            if current:
                groups.append(current)
                current = []
            continue
        current.append(sentence)
        if len(current) >= size:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _to_doc(doc_id: str, sentences: list[list[tuple[str, str]]]) -> CellDoc:
    texts: list[str] = []
    doc = CellDoc(doc_id, "")
    pos = 0
    for sentence in sentences:
        tokens = [t for t, _ in sentence]
        text, offsets = detokenize(tokens)
        for start, end, kind in _mentions([tag for _, tag in sentence]):
            a, b = offsets[start][0] + pos, offsets[end - 1][1] + pos
            if kind in CELL_TYPES:
                mention_text = text[a - pos : b - pos]
                (doc.generic if is_generic(mention_text) else doc.cells).append((a, b))
            elif kind == CELL_LINE:
                doc.ignore.append((a, b))
            else:
                doc.other.append((a, b))
        texts.append(text)
        pos += len(text) + 1
    doc.text = " ".join(texts)
    return doc


def load_part(folder: Path, corpus: str, part: str) -> list[CellDoc]:
    return read_cell_docs(corpus_file(folder, corpus, part), prefix=f"{corpus}-{part}")


# --------------------------------------------------------------------------- training records


def to_records(
    docs: Sequence[CellDoc], split: str = "train", silver: Sequence[Sequence[Mapping[str, Any]]] | None = None
) -> list[dict[str, Any]]:
    """Scheme records (CELL_TYPE from the mapped gold; ``silver[i]``: the rule spans of doc i,
    of which the non-CELL_TYPE ones not overlapping a cell mention are kept)."""
    out = []
    for i, doc in enumerate(docs):
        spans = [
            {"start": a, "end": b, "label": schema.CELL_TYPE, "text": doc.text[a:b]} for a, b in doc.cells
        ]
        blocked = doc.cells + doc.generic + doc.ignore
        for item in (silver[i] if silver is not None else []):
            if item["label"] == schema.CELL_TYPE:
                continue
            if any(item["start"] < b and a < item["end"] for a, b in blocked):
                continue
            spans.append({k: item[k] for k in ("start", "end", "label", "text")})
        out.append(
            {
                "id": doc.id,
                "split": split,
                "text": doc.text,
                "spans": sorted(spans, key=lambda s: (s["start"], s["end"])),
                "relations": [],
                "source": "cell-ner",
            }
        )
    return out


def rule_silver(texts: Sequence[str], batch_size: int = 64) -> list[list[dict[str, Any]]]:
    """The rule pipeline's spans for each text (used as silver labels for the other labels)."""
    from ..extensions import doc_to_record
    from ..pipeline import load

    nlp = load("rules")
    return [doc_to_record(d, None)["spans"] for d in nlp.pipe(texts, batch_size=batch_size)]


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class CellScore(PRF):
    """The harness's counts and P/R/F1 arithmetic (:class:`PRF`, whose ``n_gold`` is every gold
    span), with ``n_pred`` every prediction, those set aside (a cell line, a bare "cells") too."""

    n_pred: int = 0  # type: ignore[assignment]  # a field here, not PRF's tp + fp

    def to_dict(self) -> dict[str, Any]:
        return {
            "p": round(self.precision, 4),
            "r": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_cells(
    docs: Sequence[CellDoc],
    predicted: Sequence[Sequence[tuple[int, int]]],
    mode: str = "lenient",
    view: str = "mapped",
) -> CellScore:
    """P/R/F1 of predicted cell spans against each doc's gold.

    ``lenient``: a gold span is found when a prediction overlaps it, a prediction is correct when
    it overlaps a gold span (one-to-one matching, greedy in reading order); ``strict``: same
    start and end. Predictions overlapping an ``ignore`` span (JNLPBA cell lines) and not a gold
    span are not counted; in the ``mapped`` view neither are those inside a bare "cells" the
    mapping removed (lenient) or overlapping another entity type of the corpus (JNLPBA protein,
    DNA, RNA: "[T cell] receptor", "[B-cell] lymphoma" are attributive cell mentions in our
    scheme, parts of a protein or DNA name in JNLPBA's).
    """
    if mode not in ("lenient", "strict"):
        raise ValueError(f"unknown mode {mode!r}")
    tp = fp = fn = n_pred = 0
    for doc, preds in zip(docs, predicted):
        gold = sorted(doc.gold(view))
        preds = sorted(set(map(tuple, preds)))
        n_pred += len(preds)
        used: set[int] = set()
        for p in preds:
            match = None
            for gi, g in enumerate(gold):
                if gi in used:
                    continue
                if (p == g) if mode == "strict" else _overlaps(p, g):
                    match = gi
                    break
            if match is not None:
                used.add(match)
                tp += 1
            elif any(_overlaps(p, g) for g in doc.ignore) or (
                view == "mapped"
                and (
                    any(_overlaps(p, g) for g in doc.other)
                    or (mode == "lenient" and any(_overlaps(p, g) for g in doc.generic))
                )
            ):
                continue  # a cell line (JNLPBA) or a bare "cells" our convention drops
            else:
                fp += 1
        fn += len(gold) - len(used)
    return CellScore(tp, fp, fn, n_pred)
