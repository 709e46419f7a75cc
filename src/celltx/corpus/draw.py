"""The recorded random draw of real abstracts for the real-literature gold corpus.

Which real abstracts get annotated, and which of them form the sealed test split, is decided
here by a seeded draw over ``../shared/corpora`` *before* anyone writes a rule for them.
The draw is deterministic (same shared corpora + same seed = same documents and splits) and
its full record (criteria, candidate counts, ids, splits, hashes of the input files) is
written to ``corpora/real/draw.json``.

Groups (the issue's minimums in brackets):

* ``cell``: every cell-therapy abstract that is about cell therapy in humans (all) - judged
  by hand per id in :data:`CELL_DECISIONS`, with the reason;
* ``liver``: liver abstracts (>= 40) from openly licensed sources;
* ``rct``: RCT abstracts across medicine (>= 60) that mention a dose or a lab value
  (:data:`DOSE_OR_LAB`), at most :data:`MAX_CHARS` characters long;
* ``glaucoma``: CT-Corpus glaucoma abstracts (>= 20);
* ``rct_other`` (supplements from 45 on): the RCTs the ``rct`` pool leaves out (no number
  with a unit, or longer than :data:`MAX_CHARS`, up to :data:`OTHER_MAX_CHARS`).

Only openly licensed sources are drawn (evidence-inference, MIT; PubMedQA, MIT; CT-Corpus):
AbstRCT (CC BY-NC-SA) may not be copied, and the tokenised EBM-NLP copy, EvidenceMap and
PICO-Corpus carry no licence we can cite.

Run ``python -m celltx.corpus.draw [SHARED_CORPORA] [OUT_DIR]``; it refuses to overwrite an
existing draw (the draw is made once). ``--supplement`` makes the second, train/dev-only draw
(``draw_supplement.json``, batches 08-09) from the documents the first did not take;
``--supplement 2`` the third (``draw_supplement_2.json``, batches 10-11), ``--supplement 3``
the fourth (``draw_supplement_3.json``, batches 12-13, with glaucoma abstracts), ``--supplement 4``
the fifth (batches 14-15), ``--supplement 5`` the sixth (batches 16-17, any RCT with a dose or a
lab value: the lab-reporting pool was used up), ``--supplement 6`` the seventh (batches 18-19, RCTs),
``--supplement 7`` the eighth (batches 20-21, RCTs and glaucoma), ``--supplement 8`` the ninth
(batches 22-23, RCTs), ``--supplement 9`` the tenth (batches 24-25, RCTs and glaucoma), ``--supplement 10`` the
eleventh (batches 26-27, RCTs), ``--supplement 11`` the twelfth (batches 28-29, RCTs and glaucoma).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

SEED = 20261129
MAX_CHARS = 4000
#: The 'rct_other' group (session 11, when the 'rct' pool ran out): RCTs with no number+unit
#: match, or longer than MAX_CHARS, up to this length. They test what the rules find in
#: abstracts that report no dose or lab value in numbers (and what they must not find).
OTHER_MAX_CHARS = 6000
TARGET = {"cell": None, "liver": 46, "rct": 72, "glaucoma": 24}  # None = all candidates
TEST_SHARE = 0.40
DEV_SHARE = 0.15

LICENCES = {
    "evidence-inference": ("MIT", "https://github.com/jayded/evidence-inference"),
    "PubMedQA-pqal": ("MIT", "https://github.com/pubmedqa/pubmedqa"),
    "CT-Corpus": ("CT-Corpus licence (openly licensed)", "https://github.com/ag-sc/CT-Corpus"),
}

#: Hand judgement of every abstract in real-abstracts/celltherapy.jsonl (by its title and
#: topic only): included when it is about a cell product given to humans.
CELL_DECISIONS: dict[str, tuple[bool, str]] = {
    "PMC3856598": (False, "murine model, not humans"),
    "PMC4687062": (True, "bone marrow mononuclear cells after myocardial infarction"),
    "PMC4821226": (True, "autologous bone marrow concentrate, femoral head osteonecrosis"),
    "PMC5320771": (True, "adipose-derived stem cells, fecal incontinence"),
    "PMC5541727": (True, "allogeneic mesenchymal precursor cells, knee"),
    "PMC5866927": (True, "autologous umbilical cord blood cells"),
    "PMC3931996": (True, "intracoronary bone marrow cells, myocardial infarction"),
    "PMC4546041": (True, "concentrated bone marrow aspirate, fractures"),
    "PMC4606493": (True, "bone marrow-derived cellular therapy, multiple sclerosis (protocol)"),
    "PMC4759781": (True, "G-CSF with intravenous cell infusion, myocardial infarction"),
    "neoplasm_train/22120301": (False, "AbstRCT: non-commercial licence, may not be copied"),
    "neoplasm_train/22825506": (False, "AbstRCT: non-commercial licence, may not be copied"),
    "27184293": (True, "haematopoietic progenitor cell products for transplantation"),
    "dev/438": (False, "G-CSF mobilisation, no cell product given; EBM-NLP copy unlicensed"),
    "dev/640": (False, "duplicate of PMC4606493 (tokenised EBM-NLP copy)"),
    "dev/750": (False, "rehabilitation after transplantation, not about the cell therapy"),
}

_UNIT = (
    r"(?:mg|µg|μg|mcg|ng|g|kg|ml|mL|l|L|IU|U|units?|mmol|µmol|μmol|umol|mEq|cells|%)"
    r"(?:/(?:kg|m2|m²|d|day|dl|dL|l|L|ml|mL|h))?"
)
#: A number followed by a dose or lab unit: the "mentions a dose or a lab value" criterion.
DOSE_OR_LAB = re.compile(r"\d(?:[.,]\d+)?\s?" + _UNIT + r"(?![A-Za-z])")

_GL_TAIL = re.compile(r"^(DOI:|PMID:|PMCID:|Copyright|©|Comment in|Erratum in|Publication types)")
_GL_HEAD = re.compile(r"^(Comment in|Erratum in|Collaborators:|Update of|Update in|Retraction)")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def glaucoma_abstract(text: str) -> tuple[int, str]:
    """The abstract of a CT-Corpus PubMed record: ``(offset, slice)``.

    A record is blocks separated by blank lines: citation, title, authors, affiliations,
    abstract, then DOI/PMID lines. The abstract is the first block after the affiliations
    (or after the authors when there are none) and runs up to the first trailing block.
    """
    blocks = [(m.start(), m.group()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]
    start = None
    for i, (_off, block) in enumerate(blocks):
        if block.startswith("Author information"):
            start = i + 1
            break
    if start is None:
        start = 3
    while _GL_HEAD.match(blocks[start][1]):
        start += 1
    first = blocks[start][0]
    last_end = first
    for off, block in blocks[start:]:
        if _GL_TAIL.match(block):
            break
        last_end = off + len(block)
    return first, text[first:last_end].rstrip()


def _candidates(shared: Path) -> dict[str, list[dict[str, Any]]]:
    real = shared / "real-abstracts"
    cell_rows = _read(real / "celltherapy.jsonl")
    liver_rows = _read(real / "liver.jsonl")
    rct_rows = _read(real / "rct_abstracts.jsonl")
    taken: set[str] = set()
    out: dict[str, list[dict[str, Any]]] = {"cell": [], "liver": [], "rct": [], "rct_other": [], "glaucoma": []}

    def add(group: str, row: dict[str, Any], source_file: str) -> None:
        out[group].append(
            {
                "orig_id": row["id"],
                "corpus": row["source"],
                "source": f"real-abstracts/{source_file}:{row['id']}",
                "source_offset": 0,
                "text": row["text"],
            }
        )
        taken.add(row["id"])

    unknown = [r["id"] for r in cell_rows if r["id"] not in CELL_DECISIONS]
    if unknown:
        raise ValueError(f"celltherapy.jsonl ids without a recorded decision: {unknown}")
    for row in cell_rows:
        if CELL_DECISIONS[row["id"]][0]:
            add("cell", row, "celltherapy.jsonl")
    for row in liver_rows:
        if row["source"] in LICENCES and row["id"] not in taken:
            add("liver", row, "liver.jsonl")
    for row in rct_rows:
        if row["id"] in taken or len(row["text"]) > MAX_CHARS:
            continue
        if DOSE_OR_LAB.search(row["text"]):
            add("rct", row, "rct_abstracts.jsonl")
    for row in rct_rows:  # every RCT the 'rct' pool leaves out: no dose or lab unit, or long
        if row["id"] not in taken and len(row["text"]) <= OTHER_MAX_CHARS:
            add("rct_other", row, "rct_abstracts.jsonl")
    for path in sorted((shared / "ctc-glaucoma").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        offset, piece = glaucoma_abstract(text)
        out["glaucoma"].append(
            {
                "orig_id": path.stem.removesuffix("_gl"),
                "corpus": "CT-Corpus",
                "source": f"ctc-glaucoma/{path.name}",
                "source_offset": offset,
                "text": piece,
            }
        )
    return out


_PREFIX = {"evidence-inference": "ei", "PubMedQA-pqal": "pqa", "CT-Corpus": "ctc"}


def _doc_id(cand: dict[str, Any]) -> str:
    orig = re.sub(r"[^A-Za-z0-9]+", "-", cand["orig_id"]).strip("-")
    return f"real-{_PREFIX[cand['corpus']]}-{orig}"


def _document(cand: dict[str, Any], group: str, split: str) -> dict[str, Any]:
    """A drawn candidate as a corpus document with its provenance."""
    licence, url = LICENCES[cand["corpus"]]
    return {
        "id": _doc_id(cand),
        "group": group,
        "split": split,
        "source": cand["source"],
        "source_offset": cand["source_offset"],
        "provenance": {"corpus": cand["corpus"], "corpus_id": cand["orig_id"], "licence": licence, "url": url},
        "text": cand["text"],
    }


def draw(shared: Path, seed: int = SEED) -> dict[str, Any]:
    """Draw the documents and their splits; return the manifest (nothing is written)."""
    rng = random.Random(seed)
    cands = _candidates(shared)
    docs: list[dict[str, Any]] = []
    counts: dict[str, dict[str, int]] = {}
    for group in ("cell", "liver", "rct", "glaucoma"):
        pool = sorted(cands[group], key=lambda c: c["orig_id"])
        n = len(pool) if TARGET[group] is None else min(TARGET[group], len(pool))
        chosen = rng.sample(pool, n)  # order of the draw = order of annotation
        n_test = round(n * TEST_SHARE + 0.499)
        n_dev = round(n * DEV_SHARE)
        for i, cand in enumerate(chosen):
            split = "test" if i < n_test else "dev" if i < n_test + n_dev else "train"
            docs.append(_document(cand, group, split))
        counts[group] = {"candidates": len(pool), "drawn": n, "test": n_test, "dev": n_dev}
    inputs = [
        "real-abstracts/celltherapy.jsonl",
        "real-abstracts/liver.jsonl",
        "real-abstracts/rct_abstracts.jsonl",
    ]
    return {
        "seed": seed,
        "criteria": {
            "cell": "every celltherapy.jsonl abstract judged to be about a cell product given "
            "to humans (CELL_DECISIONS in celltx.corpus.draw)",
            "liver": "liver.jsonl abstracts from evidence-inference or PubMedQA, not in 'cell'",
            "rct": f"rct_abstracts.jsonl abstracts not in 'cell'/'liver', <= {MAX_CHARS} "
            f"characters, matching DOSE_OR_LAB ({DOSE_OR_LAB.pattern})",
            "glaucoma": "ctc-glaucoma records; the document is the abstract block",
            "split": f"within each group, the first {TEST_SHARE:.0%} (rounded up) of the "
            f"random order are test, the next {DEV_SHARE:.0%} dev, the rest train",
        },
        "cell_decisions": {k: {"included": v[0], "why": v[1]} for k, v in CELL_DECISIONS.items()},
        "counts": counts,
        "input_sha256": {name: _sha256(shared / name) for name in inputs},
        "documents": docs,
    }


#: The second draw (session 3): more train/dev documents that report lab results, the label
#: family the first train split held least of. The sealed test split is not touched.
SUPPLEMENT_SEED = 20261206
SUPPLEMENT_TARGET = {"liver": 14, "rct": 34}  # only 1 licensed liver abstract is left
#: Later supplements: number -> (seed, target, first batch number); each excludes every earlier draw.
SUPPLEMENTS = {
    1: (SUPPLEMENT_SEED, SUPPLEMENT_TARGET, 8),
    2: (20261207, {"rct": 34}, 10),
    # session 4: RCTs again plus glaucoma abstracts (ROUTE/FREQUENCY/TIME_POINT wording of eye drops)
    3: (20261208, {"rct": 28, "glaucoma": 6}, 12),
    # session 4, second draw: the RCTs with lab results that are left, and more glaucoma
    4: (20261209, {"rct": 20, "glaucoma": 12}, 14),
}
#: Supplements whose candidates need not report a lab value (any RCT with a dose or a lab value,
#: the first draw's own criterion): the lab-reporting pool was used up by supplement 4.
DOSE_OR_LAB_SUPPLEMENTS = {
    5: (20261210, {"rct": 24, "glaucoma": 8}, 16),
    6: (20261211, {"rct": 32}, 18),
    # session 5: RCTs with glaucoma again (the peer check's weakest labels, ROUTE and TIME_POINT)
    7: (20261212, {"rct": 24, "glaucoma": 8}, 20),
    8: (20261213, {"rct": 32}, 22),
    9: (20261214, {"rct": 24, "glaucoma": 8}, 24),
    10: (20261215, {"rct": 32}, 26),
    11: (20261216, {"rct": 24, "glaucoma": 8}, 28),
    # session 6: RCTs (the sealed split's weakest families, lab tests and their values, are RCT wording)
    12: (20261217, {"rct": 32}, 30),
    13: (20261218, {"rct": 32}, 32),
    14: (20261219, {"rct": 32}, 34),
    15: (20261220, {"rct": 32}, 36),
    # session 7: RCTs with glaucoma again (the peer check's ROUTE recall is the furthest from its target)
    16: (20261221, {"rct": 24, "glaucoma": 8}, 38),
    # the last liver candidates (the sealed split is liver- and cell-therapy-heavy) with RCTs
    17: (20261222, {"liver": 7, "rct": 25}, 40),
    18: (20261223, {"rct": 24, "glaucoma": 8}, 42),
    19: (20261224, {"rct": 32}, 44),
    20: (20261225, {"rct": 24, "glaucoma": 8}, 46),
    # session 8: RCTs with the last glaucoma candidates; also the first held-out check of the NER
    21: (20261226, {"rct": 24, "glaucoma": 8}, 48),
    22: (20261227, {"rct": 32}, 50),
    23: (20261228, {"rct": 32}, 52),
    24: (20261229, {"rct": 32}, 54),
    # session 9: RCTs across fields, the scored-before-tuning check of each round
    25: (20261230, {"rct": 32}, 56),
    26: (20261231, {"rct": 32}, 58),
    27: (20270101, {"rct": 32}, 60),
    28: (20270102, {"rct": 32}, 62),
    29: (20270103, {"rct": 32}, 64),
    30: (20270104, {"rct": 32}, 66),
    31: (20270105, {"rct": 32}, 68),
    32: (20270106, {"rct": 32}, 70),
    # session 10: RCTs across fields again, each pair scored before any rule is written for it
    33: (20270107, {"rct": 32}, 72),
    34: (20270108, {"rct": 32}, 74),
    35: (20270109, {"rct": 32}, 76),
    36: (20270110, {"rct": 32}, 78),
    37: (20270111, {"rct": 32}, 80),
    38: (20270112, {"rct": 32}, 82),
    39: (20270113, {"rct": 32}, 84),
    40: (20270114, {"rct": 32}, 86),
    41: (20270115, {"rct": 32}, 88),
    42: (20270116, {"rct": 32}, 90),
    # the round's last pair, scored once at its final code (no rule written for them this session)
    43: (20270117, {"rct": 32}, 92),
    44: (20270118, {"rct": 32}, 94),
    # session 11: the last 17 'rct' candidates, then RCTs of the 'rct_other' group
    45: (20270119, {"rct": 17, "rct_other": 15}, 96),
    46: (20270120, {"rct_other": 32}, 98),
    47: (20270121, {"rct_other": 32}, 100),
    48: (20270122, {"rct_other": 32}, 102),
    49: (20270123, {"rct_other": 32}, 104),
    50: (20270124, {"rct_other": 32}, 106),
    51: (20270125, {"rct_other": 32}, 108),
    52: (20270126, {"rct_other": 32}, 110),
    53: (20270127, {"rct_other": 32}, 112),
    54: (20270128, {"rct_other": 32}, 114),
    55: (20270129, {"rct_other": 32}, 116),
    56: (20270130, {"rct_other": 32}, 118),
    57: (20270131, {"rct_other": 32}, 120),
    58: (20270201, {"rct_other": 32}, 122),
    59: (20270202, {"rct_other": 32}, 124),
    60: (20270203, {"rct_other": 32}, 126),
    # session 12: RCTs of the 'rct_other' group, each pair scored before any rule is written for it
    61: (20270204, {"rct_other": 32}, 128),
    62: (20270205, {"rct_other": 32}, 130),
    63: (20270206, {"rct_other": 32}, 132),
    64: (20270207, {"rct_other": 32}, 134),
    65: (20270208, {"rct_other": 32}, 136),
    66: (20270209, {"rct_other": 32}, 138),
    67: (20270210, {"rct_other": 32}, 140),
    68: (20270211, {"rct_other": 32}, 142),
}
#: A number followed by a laboratory unit: the supplement's "reports a lab value" criterion.
LAB_RESULT = re.compile(
    r"\d(?:[.,]\d+)?\s?(?:mg/dl|mg/dL|mmol/l|mmol/L|µmol/l|µmol/L|μmol/L|umol/L|g/dl|g/dL|g/l|g/L"
    r"|U/l|U/L|IU/l|IU/L|ng/ml|ng/mL|pg/ml|pg/mL|mEq/L|mmHg)(?![A-Za-z])"
)


def draw_supplement(
    shared: Path, first: dict[str, Any], seed: int = SUPPLEMENT_SEED, target: dict[str, int] | None = None,
    lab_only: bool = True,
) -> dict[str, Any]:
    """Draw more train/dev documents, none of them in the first draw (the test split is fixed).

    Candidates are the first draw's pools of the groups in ``target`` (liver, RCT, glaucoma)
    minus every document already drawn,
    restricted to those matching :data:`LAB_RESULT`; 85% go to train and 15% to dev.
    """
    rng = random.Random(seed)
    cands = _candidates(shared)
    drawn = {d["id"] for d in first["documents"]}
    docs: list[dict[str, Any]] = []
    counts: dict[str, dict[str, int]] = {}
    for group, n_wanted in (target or SUPPLEMENT_TARGET).items():
        pool = sorted(
            (c for c in cands[group] if _doc_id(c) not in drawn and (not lab_only or LAB_RESULT.search(c["text"]))),
            key=lambda c: c["orig_id"],
        )
        n = min(n_wanted, len(pool))
        chosen = rng.sample(pool, n)
        n_dev = round(n * DEV_SHARE)
        for i, cand in enumerate(chosen):
            docs.append(_document(cand, group, "dev" if i < n_dev else "train"))
        counts[group] = {"candidates": len(pool), "drawn": n, "test": 0, "dev": n_dev}
    return {
        "seed": seed,
        "criteria": {
            "pool": f"the first draw's {'/'.join(target or SUPPLEMENT_TARGET)} candidates minus every document drawn before",
            "lab": f"matching LAB_RESULT ({LAB_RESULT.pattern})" if lab_only else "any (the candidates match DOSE_OR_LAB)",
            "split": f"the first {DEV_SHARE:.0%} of the random order per group are dev, the rest train; no test",
        },
        "counts": counts,
        "documents": docs,
    }


def write_batches(manifest: dict[str, Any], out_dir: Path, n_batches: int, first: int = 1) -> list[Path]:
    """Write the unannotated records as batch files for the annotators (round robin)."""
    drafts = out_dir / "drafts"
    drafts.mkdir(parents=True, exist_ok=True)
    batches: list[list[dict[str, Any]]] = [[] for _ in range(n_batches)]
    for i, doc in enumerate(manifest["documents"]):
        batches[i % n_batches].append(doc)
    paths = []
    for k, batch in enumerate(batches, start=first):
        path = drafts / f"batch_{k:02d}.texts.jsonl"
        _write_lines(path, ({**d, "scheme_version": 1} for d in batch))
        paths.append(path)
    return paths


def _write_lines(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--supplement"]:
        number = 1
        if len(args) > 1 and args[1].isdigit():
            number, args = int(args[1]), args[1:]
        return _main_supplement(args[1:], number)
    shared = Path(args[0]) if args else Path("../shared/corpora")
    out_dir = Path(args[1]) if len(args) > 1 else Path("corpora/real")
    target = out_dir / "draw.json"
    if target.exists():
        print(f"{target} exists: the draw is made once and never redone", file=sys.stderr)
        return 2
    manifest = draw(shared)
    out_dir.mkdir(parents=True, exist_ok=True)
    record = {k: v for k, v in manifest.items() if k != "documents"}
    record["documents"] = [
        {k: d[k] for k in ("id", "group", "split", "source", "source_offset", "provenance")}
        for d in manifest["documents"]
    ]
    target.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    paths = write_batches(manifest, out_dir, n_batches=7)
    print(json.dumps(manifest["counts"]), f"-> {target}; {len(paths)} batch files")
    return 0


def _main_supplement(args: list[str], number: int = 1) -> int:
    shared = Path(args[0]) if args else Path("../shared/corpora")
    out_dir = Path(args[1]) if len(args) > 1 else Path("corpora/real")
    name = "draw_supplement.json" if number == 1 else f"draw_supplement_{number}.json"
    target = out_dir / name
    if target.exists():
        print(f"{target} exists: the draw is made once and never redone", file=sys.stderr)
        return 2
    lab_only = number in SUPPLEMENTS
    seed, wanted, first_batch = SUPPLEMENTS[number] if lab_only else DOSE_OR_LAB_SUPPLEMENTS[number]
    earlier = json.loads((out_dir / "draw.json").read_text(encoding="utf-8"))
    for k in range(1, number):  # every earlier draw is excluded
        prev = out_dir / ("draw_supplement.json" if k == 1 else f"draw_supplement_{k}.json")
        earlier["documents"] += json.loads(prev.read_text(encoding="utf-8"))["documents"]
    manifest = draw_supplement(shared, earlier, seed, wanted, lab_only)
    record = {k: v for k, v in manifest.items() if k != "documents"}
    record["documents"] = [
        {k: d[k] for k in ("id", "group", "split", "source", "source_offset", "provenance")}
        for d in manifest["documents"]
    ]
    target.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    paths = write_batches(manifest, out_dir, n_batches=2, first=first_batch)
    print(json.dumps(manifest["counts"]), f"-> {target}; {len(paths)} batch files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
