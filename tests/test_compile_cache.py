"""The compile cache: patterns rebuilt from it match as freshly compiled ones, bad files are empty
caches, and a pipeline loaded from a warm cache gives the same records as one built without it."""

from __future__ import annotations

import json
import os
import pickle
import re
import subprocess
import sys

import pytest
import regex

from celltx import compile_cache
from celltx.components import anchors, mirror, stdlib_twin

try:  # Python >= 3.11
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

PATTERNS = [
    (r"(?i)(?<![\w-])(?P<span>\d+(?:\.\d+)?)\s*(?:mg|g)/(?:dL|L)\b", 0),
    (r"(?:twice|three times)\s+(?:a|per)\s+(?:day|week)", regex.IGNORECASE),
    (r"(?<=(?:serum|plasma)\s{1,3})ALT|AST", 0),
    (r"x\s*10\^?\(?(\d{1,2})\)?", regex.V1),
]
TEXTS = ["Serum ALT was 45 mg/dL, plasma AST 3.1 g/L", "given twice a day or THREE TIMES PER WEEK",
         "1 x 10^6 cells, 2 x 10(9)/L", ""]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A cache in an empty folder of its own (what this process read before is forgotten)."""
    monkeypatch.setenv(compile_cache.ENV, str(tmp_path / "cache"))
    compile_cache.clear()
    yield tmp_path / "cache"
    compile_cache.clear()


def _new_process() -> None:
    """Forget the entries read or made so far, as a new process would (the file stays)."""
    compile_cache._store = None
    compile_cache._store_file = None
    compile_cache._dirty = False


def _matches(pattern, texts=TEXTS) -> list:
    return [[(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(t)] for t in texts]


def test_regex_rebuilt_from_the_file_matches_as_compiled(cache, monkeypatch):
    fresh = [regex.compile(p, f) for p, f in PATTERNS]
    first = [compile_cache.compile_regex(p, f) for p, f in PATTERNS]
    assert compile_cache.save() == compile_cache.cache_file()
    assert compile_cache.cache_file().is_file()
    _new_process()

    def no_parsing(*args, **kwargs):
        raise AssertionError("the pattern was parsed again instead of read from the cache")

    monkeypatch.setattr(regex, "compile", no_parsing)
    again = [compile_cache.compile_regex(p, f) for p, f in PATTERNS]
    for a, b, c in zip(fresh, first, again):
        assert _matches(a) == _matches(b) == _matches(c)
        assert (a.pattern, a.flags, a.groupindex) == (c.pattern, c.flags, c.groupindex)


def test_nothing_new_writes_nothing(cache):
    compile_cache.compile_regex("abc")
    assert compile_cache.save() is not None
    _new_process()
    compile_cache.compile_regex("abc")
    assert compile_cache.save() is None  # read from the file: no write
    compile_cache.compile_regex("abd")
    assert compile_cache.save() is not None


def test_re_twin_rebuilt_from_its_data_matches_as_re():
    source = r"(?<![\w.])(?P<span>\d+(?:\.\d+)?)\s*(?:mg|g)/dL(?=\W|$)|(?i:twice\s+daily)"
    compiled, data = compile_cache.sre_compile(sre_parse.parse(source, 0), 0)
    rebuilt = compile_cache.sre_rebuild(pickle.loads(pickle.dumps(compile_cache._plain(data))))
    plain = re.compile(source)
    texts = ["4.5 mg/dL and 3 g/dL, Twice Daily", "x1.2 mg/dL", ""]
    for p in (compiled, rebuilt):
        assert [[m.span() for m in p.finditer(t)] for t in texts] == [[m.span() for m in plain.finditer(t)] for t in texts]
        assert p.groupindex == plain.groupindex


def test_twins_mirrors_and_atoms_are_the_same_from_the_cache(cache):
    pattern = regex.compile(r"(?i)(?:serum|plasma)\s+(?P<span>[a-z]+)\s+(?:levels?|concentrations?)")
    left = regex.compile(r"(?i)(?:median|mean)\s+(?:overall\s+)?survival\s+of\s*$")
    before = (stdlib_twin.twin(pattern, True, frozenset({"span"})), stdlib_twin.relaxed(pattern),
              anchors.start_atoms(pattern.pattern, pattern.flags), mirror._mirror_of(left.pattern, left.flags))
    # through the cache: computed, saved, then rebuilt in a "new process"
    stdlib_twin._TWINS.clear()
    stdlib_twin._RELAXED.clear()
    mirror._mirrored.cache_clear()
    first = (stdlib_twin.twin(pattern, True, frozenset({"span"})), stdlib_twin.relaxed(pattern),
             anchors.start_atoms(pattern.pattern, pattern.flags), mirror.mirrored(left))
    compile_cache.save()
    _new_process()
    stdlib_twin._TWINS.clear()
    stdlib_twin._RELAXED.clear()
    mirror._mirrored.cache_clear()
    again = (stdlib_twin.twin(pattern, True, frozenset({"span"})), stdlib_twin.relaxed(pattern),
             anchors.start_atoms(pattern.pattern, pattern.flags), mirror.mirrored(left))
    assert before[2] is not None and before[2] == first[2] == again[2]
    assert again[2] is anchors.start_atoms(pattern.pattern, pattern.flags)  # one object per value
    texts = ["Serum ferritin levels rose; plasma CRP concentration fell", "no match here"]
    for i in (0, 1):
        assert before[i] is not None
        assert _matches(before[i], texts) == _matches(first[i], texts) == _matches(again[i], texts)
    tail = "the median overall survival of "[::-1]
    assert before[3].match(tail) and first[3].match(tail) and again[3].match(tail)
    assert not again[3].match("the median age of "[::-1])


def test_a_damaged_file_is_an_empty_cache_and_is_replaced(cache):
    path = compile_cache.cache_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x80\x04 not a pickle at all")
    assert compile_cache.compile_regex("a+").match("aaa").end() == 3
    assert compile_cache.save() == path
    _new_process()
    assert compile_cache._load_store()  # the rewritten file is read


def test_a_file_naming_any_class_or_function_is_not_unpickled(cache):
    path = compile_cache.cache_file()
    path.parent.mkdir(parents=True)
    marker = cache.parent / "ran"
    # a pickle that would create a file if it were loaded with the standard unpickler
    path.write_bytes(pickle.dumps({("regex", "a", 0): _Exploit(str(marker))}))
    assert compile_cache._load_store() == {}
    assert not marker.exists()


class _Exploit:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_off_and_unwritable_folders_only_cost_time(tmp_path, monkeypatch):
    monkeypatch.setenv(compile_cache.ENV, "off")
    compile_cache.clear()
    assert compile_cache.cache_file() is None
    assert compile_cache.compile_regex("b+").match("bb").end() == 2
    assert compile_cache.save() is None
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv(compile_cache.ENV, str(blocker / "cache"))  # its parent is a file
    compile_cache.clear()
    assert compile_cache.compile_regex("c+").match("cc").end() == 2
    assert compile_cache.save() is None
    compile_cache.clear()


def test_values_that_are_not_plain_data_are_refused():
    assert compile_cache._plain((regex.IGNORECASE, [re.IGNORECASE])) == (2, [2])
    assert type(compile_cache._plain(regex.IGNORECASE)) is int
    with pytest.raises(TypeError):
        compile_cache._plain(object())


_RUN = """
import json, sys
import celltx
texts = json.loads(sys.stdin.read())
print(json.dumps([celltx.extract(t, system="rules", trial=True) for t in texts], sort_keys=True))
"""


def test_a_pipeline_from_a_warm_cache_gives_the_records_of_one_without_it(tmp_path):
    from tests.conftest import SEEDS

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))][:3]
    assert texts
    outputs = []
    for setting in ("off", str(tmp_path / "c"), str(tmp_path / "c")):  # none, cold, warm
        env = {**os.environ, compile_cache.ENV: setting}
        run = subprocess.run([sys.executable, "-c", _RUN], input=json.dumps(texts), capture_output=True,
                             text=True, env=env, check=True)
        outputs.append(run.stdout)
    assert list((tmp_path / "c").glob("patterns-*.pickle"))
    assert outputs[0] == outputs[1] == outputs[2]
    assert json.loads(outputs[0])[0]["spans"]


def test_a_value_that_cannot_be_stored_is_computed_and_not_cached(cache):
    # e.g. a future regex release without the data its pickling reads today
    def no_data(value):
        raise AttributeError("no _pickled_data")

    assert compile_cache.memo(("regex", "x+", 0), lambda: regex.compile("x+"), no_data, lambda d: d).match("xx")
    assert ("regex", "x+", 0) not in compile_cache._load_store()
    assert compile_cache.save() is None  # nothing new to write


def test_patterns_made_from_a_documents_words_stay_out_of_the_cache(cache):
    # the condition's words are matched back into the text with a pattern built per document
    from celltx.trial import facts

    text = "Patients with idiopathic autism spectrum disorder took part."
    before = set(compile_cache._load_store())
    assert facts._as_in_text("idiopathic autism spectrum disorder", text, text, 0) == "idiopathic autism spectrum disorder"
    assert set(compile_cache._load_store()) == before
