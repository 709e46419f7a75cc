"""The data half of spaCy's component contract, shared by the components that hold patterns.

Modelled on spaCy's ``SpanRuler``: a component's settings are in the pipeline config; its
patterns (plain JSON rows) are not. They are set by ``initialize`` (called by
``nlp.initialize()``; by default the package's own files, see ``default_patterns``) or by
``add_patterns``, written by ``to_disk`` as ``patterns.jsonl`` in the component's folder (and by
``to_bytes``), and read back by ``from_disk``/``from_bytes``. So ``nlp.to_disk(path)`` saves
them and ``spacy.load(path)`` restores them without reading the package's files.

A component called before it has patterns raises an error rather than silently finding nothing.
"""

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.util import SimpleFrozenList, ensure_path

from .. import compile_cache

PATTERNS_FILE = "patterns.jsonl"

Row = dict[str, Any]


class PatternsMixin:
    name: str
    _patterns: list[Row] | None = None

    # -- to implement -------------------------------------------------------------------
    def default_patterns(self) -> list[Row]:
        """The rows ``initialize`` uses when the config gives none (the package's files)."""
        raise NotImplementedError

    def _compile(self, rows: list[Row]) -> None:
        """Build the component's matchers from ``rows`` (replacing any earlier ones)."""
        raise NotImplementedError

    # -- contract -------------------------------------------------------------------------
    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Any = None,
        patterns: Iterable[Row] | None = None,
    ) -> None:
        """Set the patterns: ``patterns`` if given (e.g. ``[initialize.components.<name>.patterns]``
        in the config, read with ``srsly.read_jsonl.v1``), else :meth:`default_patterns`."""
        self.set_patterns(self.default_patterns() if patterns is None else patterns)

    @property
    def patterns(self) -> list[Row]:
        return list(self._patterns or [])

    def set_patterns(self, patterns: Iterable[Row]) -> None:
        rows = [dict(row) for row in patterns]
        self._compile(rows)
        self._patterns = rows
        compile_cache.save()  # what this compiled for the first time, for the next process

    def add_patterns(self, patterns: Iterable[Row]) -> None:
        self.set_patterns(self.patterns + [dict(row) for row in patterns])

    def require_patterns(self) -> None:
        if self._patterns is None:
            raise ValueError(
                f"[{self.name}] has no patterns: call nlp.initialize() after building the pipeline "
                "from a config, or load a saved pipeline with spacy.load()"
            )

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        return srsly.msgpack_dumps({"patterns": self.patterns})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()):
        self.set_patterns(srsly.msgpack_loads(data)["patterns"])
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / PATTERNS_FILE, self.patterns)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()):
        self.set_patterns(srsly.read_jsonl(ensure_path(path) / PATTERNS_FILE))
        return self
