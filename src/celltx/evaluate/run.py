"""Run systems (pipeline systems, peers, prediction files) against gold and collect results.

Each run gives a :class:`SystemResult`: scores, bootstrap CIs and the error analysis, or a
status ``"not run"`` / ``"failed"`` with the reason. A system that cannot run never stops the
comparison: it becomes a row that says why.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import bootstrap, errors, peers
from .scorer import Scores, ScoringError, score
from .trial import score_trials

OK = "ok"
NOT_RUN = "not run"
FAILED = "failed"

PIPELINE = "pipeline"
PEER = "peer"
PREDICTIONS = "predictions"

#: Record fields passed to a system: never the gold spans or relations.
_INPUT_FIELDS = ("id", "text", "source", "source_offset", "scheme_version", "split")


@dataclass
class SystemResult:
    """One row of the comparison."""

    name: str
    kind: str
    status: str = OK
    message: str | None = None
    #: labels the system can produce at all (None: all labels).
    labels_covered: tuple[str, ...] | None = None
    seconds: float | None = None
    version: str | None = None
    scores: Scores | None = None
    cis: dict[str, bootstrap.CI] | None = None
    errors: errors.ErrorAnalysis | None = None
    #: trial-summary scores (celltx.evaluate.trial) when gold carries trial objects.
    trial: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return self.status == OK

    def to_dict(self, top_n: int = 20) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "status": self.status,
            "message": self.message,
            "labels_covered": list(self.labels_covered)
            if self.labels_covered is not None
            else None,
            "seconds": self.seconds,
            "version": self.version,
            "scores": self.scores.to_dict() if self.scores else None,
            "ci": {k: ci.to_dict() for k, ci in self.cis.items()} if self.cis else None,
            "errors": self.errors.to_dict(top_n) if self.errors else None,
            "trial": self.trial,
        }


def system_inputs(gold: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Copies of the gold records with only what a system may see (id, text, provenance)."""
    out = []
    for record in gold:
        doc = {k: record[k] for k in _INPUT_FIELDS if k in record}
        doc["spans"] = []
        doc["relations"] = []
        out.append(doc)
    return out


def evaluate_predictions(
    name: str,
    gold: Sequence[Mapping[str, Any]],
    pred: Sequence[Mapping[str, Any]],
    kind: str = PREDICTIONS,
    n_resamples: int = bootstrap.N_RESAMPLES,
    seed: int = bootstrap.SEED,
    labels_covered: Sequence[str] | None = None,
    seconds: float | None = None,
    version: str | None = None,
) -> SystemResult:
    """Score ``pred`` against ``gold`` with CIs and errors. Raises :class:`ScoringError`."""
    scores = score(gold, pred)
    trial_scores = score_trials(gold, pred)
    return SystemResult(
        name=name,
        kind=kind,
        labels_covered=tuple(labels_covered) if labels_covered is not None else None,
        seconds=seconds,
        version=version,
        scores=scores,
        cis=bootstrap.bootstrap_f1(scores, n_resamples=n_resamples, seed=seed),
        errors=errors.analyse(scores, labels_covered),
        trial=trial_scores,
    )


def _failed(name: str, kind: str, err: BaseException, **kw: Any) -> SystemResult:
    summary = traceback.format_exception_only(type(err), err)[-1].strip()
    return SystemResult(name=name, kind=kind, status=FAILED, message=summary, **kw)


def pipeline_systems() -> tuple[tuple[str, ...], str | None]:
    """Names in ``celltx.pipeline.SYSTEMS`` and, if the module cannot be used, why."""
    try:
        from .. import pipeline
    except ImportError as err:
        return (), f"celltx.pipeline is not available ({err})"
    return tuple(getattr(pipeline, "SYSTEMS", ())), None


def run_pipeline(
    name: str,
    gold: Sequence[Mapping[str, Any]],
    batch_size: int = 32,
    n_resamples: int = bootstrap.N_RESAMPLES,
    seed: int = bootstrap.SEED,
) -> SystemResult:
    """Run ``celltx.pipeline.predict_records(name, ...)`` over the gold texts and score it."""
    try:
        from .. import pipeline
    except ImportError as err:
        return SystemResult(name, PIPELINE, NOT_RUN, f"celltx.pipeline is not available ({err})")
    from .. import __version__

    covered = getattr(pipeline, "SYSTEM_LABELS", {}).get(name)
    unavailable = getattr(pipeline, "SystemUnavailable", None)
    started = time.perf_counter()
    try:
        pred = pipeline.predict_records(name, system_inputs(gold), batch_size=batch_size)
    except Exception as err:
        if unavailable is not None and isinstance(err, unavailable):
            return SystemResult(name, PIPELINE, NOT_RUN, str(err) or type(err).__name__)
        traceback.print_exc()
        return _failed(name, PIPELINE, err, version=__version__)
    seconds = time.perf_counter() - started
    try:
        return evaluate_predictions(
            name, gold, pred, PIPELINE, n_resamples, seed, covered, seconds, __version__
        )
    except ScoringError as err:
        return _failed(name, PIPELINE, err, seconds=seconds, version=__version__)


def run_peer(
    name: str,
    gold: Sequence[Mapping[str, Any]],
    n_resamples: int = bootstrap.N_RESAMPLES,
    seed: int = bootstrap.SEED,
) -> SystemResult:
    """Run an off-the-shelf peer (see :mod:`celltx.evaluate.peers`) and score it."""
    info = peers.PEERS[name]
    version = peers.peer_version(name)
    started = time.perf_counter()
    try:
        pred = peers.predict_peer(name, system_inputs(gold))
    except peers.PeerUnavailable as err:
        return SystemResult(name, PEER, NOT_RUN, str(err), info.labels, version=version)
    except Exception as err:  # an unexpected peer crash is a row, not a crash
        return _failed(name, PEER, err, labels_covered=info.labels, version=version)
    seconds = time.perf_counter() - started
    return evaluate_predictions(
        name, gold, pred, PEER, n_resamples, seed, info.labels, seconds, version
    )
