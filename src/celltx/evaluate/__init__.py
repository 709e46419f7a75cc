"""Evaluation harness: scoring against gold as ``eval/GUIDELINES.md`` (section 13) writes it out.

* :mod:`.scorer`    span P/R/F1 (strict, lenient; per label, micro, macro), attribute accuracy,
  relation P/R/F1;
* :mod:`.bootstrap` 95% percentile bootstrap CIs over documents for every F1;
* :mod:`.errors`    every FP/FN classified (boundary, label, spurious, missed, duplicate) with
  its sentence, and a confusion summary;
* :mod:`.peers`     off-the-shelf peers (quantulum3, timexy) mapped onto the scheme;
* :mod:`.run`       running pipeline systems, peers and prediction files into result rows;
* :mod:`.report`    JSON, Markdown, HTML and terminal reports.

Typical use::

    from celltx.evaluate import score, bootstrap_f1
    scores = score(gold_records, predicted_records)
    scores.spans["strict"]["DOSE"].f1, scores.micro("lenient").f1, scores.relations.f1
    cis = bootstrap_f1(scores)          # {"strict/DOSE": CI(estimate, low, high, n), ...}
"""

from .bootstrap import CI, bootstrap_f1
from .errors import ErrorAnalysis, SpanError, analyse
from .scorer import PRF, AttrScore, Scores, ScoringError, align, match_spans, score

__all__ = [
    "CI",
    "PRF",
    "AttrScore",
    "ErrorAnalysis",
    "Scores",
    "ScoringError",
    "SpanError",
    "align",
    "analyse",
    "bootstrap_f1",
    "match_spans",
    "score",
]
