"""CELL_TYPE knowledge: the cell-name grammar, Cell Ontology ids, tissue source and donor.

Everything comes from ``patterns/cell_types.jsonl`` (sources, kinds of cells, the
(kind, source) -> CL id map, fixed abbreviations, and ``name`` rows: names abstracts use that the
ontology lacks in that form, such as "antigen presenting cell" or "Th1") and
``patterns/cl_lexicon.jsonl`` (every Cell Ontology name and synonym, generated from the ontology
package); :func:`tables` joins the two into one name -> CL id lexicon, which the dictionary
matcher searches for. The same tables serve
two purposes: building the regular expression that *finds* compositional names such as
"human umbilical cord-derived mesenchymal stem cells" or "BM-MSCs", and *normalising* any
CELL_TYPE span, whichever component proposed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..compile_cache import compile_regex
from ..resources import read_jsonl_resource
from ..rx import rx
from ..textnorm import shadow
from .cl_lexicon import name_variants, plurals

DONOR_WORDS = {
    "autologous": "autologous",
    "autogenous": "autologous",
    "self": "autologous",
    "allogeneic": "allogeneic",
    "allogenic": "allogeneic",
    "allogenous": "allogeneic",
    "donated": "allogeneic",
    "donor": "allogeneic",
    "donor-derived": "allogeneic",
    "third-party": "allogeneic",
}
#: Harvest sites that imply a tissue source ("taken from iliac crest" -> bone marrow).
HARVEST_SITES = {"iliac crest": "bone_marrow", "iliac bone": "bone_marrow", "posterior iliac": "bone_marrow",
                 "abdominal fat": "adipose", "lipoaspirate": "adipose", "liposuction": "adipose"}


@dataclass(frozen=True)
class CellTables:
    left_extension: regex.Pattern
    overrides: tuple[tuple[regex.Pattern, str], ...]
    sources: tuple[tuple[str, regex.Pattern, regex.Pattern | None], ...]
    kinds: tuple[tuple[str, regex.Pattern, regex.Pattern | None], ...]
    cl_map: dict[tuple[str, str], str]
    forms: dict[str, tuple[str, str | None]]
    lexicon: dict[str, str]
    grammar: regex.Pattern


def _alt(parts: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in parts if p)


@lru_cache(maxsize=1)
def tables() -> CellTables:
    rows = read_jsonl_resource("cell_types.jsonl")
    sources, kinds, cl_map, forms, overrides = [], [], {}, {}, []
    src_long, src_abbr, kind_long, kind_abbr = [], [], [], []
    for row in rows:
        kind = row.get("type")
        if kind == "source":
            long_re = compile_regex(rf"(?i:{row['regex']})")
            abbr_re = compile_regex(rf"(?:{row['abbrev']})") if row.get("abbrev") else None
            sources.append((row["source"], long_re, abbr_re))
            src_long.append(row["regex"])
            src_abbr.append(row.get("abbrev", ""))
        elif kind == "kind":
            long_re = compile_regex(rf"(?i:{row['regex']})")
            abbr_re = compile_regex(rf"(?:{row['abbrev']})") if row.get("abbrev") else None
            kinds.append((row["kind"], long_re, abbr_re))
            if row["kind"] != "cells":
                kind_long.append(row["regex"])
                kind_abbr.append(row.get("abbrev", ""))
        elif kind == "map":
            cl_map[(row["kind"], row["source"])] = row["cl_id"]
        elif kind == "form":
            forms[row["text"]] = (row["kind"], row.get("source"))
        elif kind == "override":
            overrides.append((compile_regex(row["regex"]), row["cl_id"]))
        elif kind != "name":
            raise ValueError(f"cell_types.jsonl: unknown row type {kind!r} in {row}")
    lexicon = {row["text"]: row["cl_id"] for row in read_jsonl_resource("cl_lexicon.jsonl")}
    for row in rows:
        if row.get("type") == "name":
            for variant in name_variants(row["text"].lower()):
                for form in (variant, *plurals(variant)):
                    lexicon.setdefault(form, row["cl_id"])
    cells_kind = next(r["regex"] for r in rows if r.get("type") == "kind" and r["kind"] == "cells")
    src = rf"(?:(?i:{_alt(src_long)})(?i:[\s-]+derived|-derived)?[\s-]+|(?:{_alt(src_abbr)})(?:(?i:[\s-]?derived)\s+|[\s-]?))"
    kind_any = rf"(?:(?i:{_alt(kind_long)})|(?:{_alt(kind_abbr)}))"
    fixed = _alt([regex.escape(f) for f in sorted(forms, key=len, reverse=True)])
    grammar = compile_regex(
        rf"(?<![\w-])(?:(?i:human)\s+)?(?:{src}(?:{kind_any}|(?i:{cells_kind}))|{kind_any}|{fixed})(?![\w])"
    )
    from ..components.defines import word_list, words_regex  # (the components import this module)

    qualifier = words_regex(word_list("CELL_QUALIFIER"))
    left = compile_regex(
        rf"(?:(?i:{_alt(src_long)})(?i:[\s-]+derived|-derived)?[\s-]+)?(?:(?i:human)\s+)?"
        rf"(?:(?<![\w-])(?:(?i:{qualifier})\s+|(?:CD\d+[a-z]?(?:\s*\+|-?\s*positive)?|[\w-]+?[\s-]positive)\s*)){{0,3}}$"
    )
    return CellTables(left, tuple(overrides), tuple(sources), tuple(kinds), cl_map, forms, lexicon, grammar)


def left_extension(before: str) -> int:
    """How many characters before a lexicon cell name belong to it (source, "human", CD markers).

    "Placenta-derived human [amniotic epithelial cells]" -> the whole prefix;
    "CD4+ [T cells]" -> "CD4+ "; markers without a sign and several markers attach too ("CD4
    [T lymphocyte] count", "CD95+ CD4+ [T cells]"). Returns 0 when nothing attaches.
    """
    m = tables().left_extension.search(shadow(before[-60:]))
    return len(m.group()) if m else 0


def find_cell_names(text: str) -> list[tuple[int, int]]:
    """Character spans of compositional cell names in ``text`` (used by the regex matcher)."""
    return [m.span() for m in tables().grammar.finditer(shadow(text))]


def _strip_plural(text: str) -> str:
    t = text.lower()
    return t[:-1] if t.endswith("cells") or t.endswith("cytes") else t


def source_of(text: str) -> str | None:
    """Tissue source named inside a cell mention ("hUC-MSCs" -> "umbilical_cord")."""
    t = shadow(text)
    if t in tables().forms:
        return tables().forms[t][1]
    best: tuple[int, str] | None = None
    for name, long_re, abbr_re in tables().sources:
        for pattern in (long_re, abbr_re):
            if pattern is None:
                continue
            pos = 0 if pattern is long_re else None
            # a source's abbreviation stands before a cell's ("hUC-MSCs", "BM-MNC", "AD-SVF"), not
            # inside another word's ("PMN" holds no placenta)
            m = pattern.search(t) if pos == 0 else rx(
                rf"(?<![A-Za-z])(?:{pattern.pattern})(?=[\s-]?(?:[A-Z][A-Za-z0-9]*?Cs?(?![A-Za-z])|SVF|CD\d|(?i:derived)))"
            ).search(t)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), name)
    return best[1] if best else None


def kind_of(text: str) -> str | None:
    """Kind of cell named in a mention (msc, mnc, stem, hepatocyte, ...), last match wins."""
    t = shadow(text)
    if t in tables().forms:
        return tables().forms[t][0]
    found: tuple[int, int, str] | None = None
    for name, long_re, abbr_re in tables().kinds:
        for pattern in (long_re, abbr_re):
            if pattern is None:
                continue
            for m in pattern.finditer(t):
                key = (m.end(), m.end() - m.start(), name)
                if found is None or key[:2] > found[:2]:
                    found = key
    return found[2] if found else None


def is_lexicon_name(text: str) -> bool:
    """Whether ``text`` is, in any case and spacing, a name of the cell lexicon."""
    return " ".join(text.lower().split()) in tables().lexicon


def cl_id_of(text: str, source: str | None = None) -> str | None:
    """Most specific Cell Ontology id for a mention, given its (possibly inferred) source."""
    t = " ".join(shadow(text).split())
    for pattern, cl in tables().overrides:
        if pattern.search(t):
            return cl
    lex = tables().lexicon
    kind = kind_of(t)
    if kind is not None:
        src = source or source_of(t)
        cl = tables().cl_map.get((kind, src or "*")) or tables().cl_map.get((kind, "*"))
        if cl:
            return cl
    low = t.lower()
    for candidate in (low, _strip_plural(low) + "s", _strip_plural(low), rx(r"^human\s+").sub("", low)):
        if candidate in lex:
            return lex[candidate]
    return None


def donor_near(left_context: str) -> str | None:
    """Donor word directly before a mention ("allogeneic [MSC]", "autologous bone marrow [..]")."""
    words = rx(r"[\w-]+").findall(shadow(left_context).lower())[-3:]
    for word in reversed(words):
        if word in DONOR_WORDS:
            return DONOR_WORDS[word]
    return None


_HARVEST_RE = compile_regex(
    r"(?i:(?:isolated|taken|obtained|harvested|derived|separated|expanded|collected|prepared|aspirated|extracted|cultured)"
    r"\s+from\s+(?:the\s+)?(?:patients?'?s?\s+)?(?:own\s+)?(?:autologous\s+)?(?P<site>[\w' -]{3,40}))"
)


def source_from_clause(sentence: str) -> str | None:
    """Tissue source stated by a harvest clause in the mention's sentence, if any."""
    t = shadow(sentence)
    for m in _HARVEST_RE.finditer(t):
        site = m.group("site").lower()
        for key, value in HARVEST_SITES.items():
            if site.startswith(key):
                return value
        for name, long_re, _abbr in tables().sources:
            if long_re.match(site):
                return name
    m = rx(r"(?i:bone\s+marrow\s+(?:was|were)\s+(?:aspirated|harvested|collected))").search(t)
    if m:
        return "bone_marrow"
    return None
