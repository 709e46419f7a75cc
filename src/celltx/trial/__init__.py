"""The document-level trial summary (``ANNOTATION_SCHEME.md``, "Trial summary"), built on the
mention layer: :func:`summarize` reads one scheme record (spans, VALUE_OF relations, text)."""

from .summary import ARM_FIELDS, OUTCOME_FIELDS, TRIAL_FIELDS, summarize, validate_trial

__all__ = ["ARM_FIELDS", "OUTCOME_FIELDS", "TRIAL_FIELDS", "summarize", "validate_trial"]
