"""Build the celltx ``Language`` from ``config.cfg`` and run named systems.

A *system* is the pipeline with some components switched off; the evaluation harness and
the benchmark compare them side by side:

========== ==================================================================================
full       rules + the trained NER labels chosen on the dev split (``celltx_policy.json``)
rules+ner  rules + every label of the trained NER (the ablation's union)
rules      every rule-based component (lexicons, cell grammar, numeric regexes, context)
ner        the trained model alone (plus normalisation and VALUE_OF linking)
dictionary Cell Ontology names/synonyms and the lab-test lexicon only (CELL_TYPE, LAB_TEST)
regex      the numeric regexes only, without context (DOSE, LAB_VALUE, TIME_POINT, FREQUENCY)
========== ==================================================================================
"""

from __future__ import annotations

import json
import os
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__, compile_cache, schema
from .resources import models_dir

if TYPE_CHECKING:  # spaCy is imported when a pipeline is built, not with celltx
    from spacy.language import Language
    from thinc.api import Config

SYSTEMS: tuple[str, ...] = ("dictionary", "regex", "rules", "ner", "rules+ner", "full")
NER_MODEL = "ner"

_SYSTEM_COMPONENTS: dict[str, list[str] | None] = {
    "dictionary": ["celltx_clean", "celltx_sentences", "celltx_lexicon", "celltx_merge", "celltx_normalizer",
                   "celltx_finalize"],
    "regex": ["celltx_clean", "celltx_sentences", "celltx_regex", "celltx_merge", "celltx_normalizer",
              "celltx_finalize"],
    "ner": ["celltx_clean", "celltx_sentences", "celltx_merge", "celltx_normalizer", "celltx_linker",
            "celltx_finalize"],
    "rules": None,
    "rules+ner": None,
    "full": None,
}
#: Labels a restricted system can produce (the others are shown as "—" in reports).
SYSTEM_LABELS: dict[str, tuple[str, ...]] = {
    "dictionary": (schema.CELL_TYPE, schema.LAB_TEST),
    "regex": (schema.DOSE, schema.LAB_VALUE, schema.TIME_POINT, schema.FREQUENCY),
}


class SystemUnavailable(RuntimeError):
    """A named system cannot run here (e.g. the NER model has not been trained and shipped)."""


def register() -> None:
    """Register celltx's tokenizer, factories and custom attributes with spaCy.

    Installed, celltx also announces them through entry points (``spacy_factories``,
    ``spacy_tokenizers`` in pyproject.toml), so ``spacy.load()`` of a saved celltx pipeline
    finds them without importing celltx first; this function does the same by hand.
    """
    from . import tokenizer  # noqa: F401  (registers celltx.Tokenizer.v1)
    from .components import (  # noqa: F401  (importing the modules registers their factories)
        abbreviations,
        clean,
        context,
        coordination,
        lexicon,
        linker,
        merge,
        ner,
        normalizer,
        regex_spans,
        sentences,
    )
    from .extensions import register_extensions

    register_extensions()


def base_config() -> Config:
    from thinc.api import Config

    text = resources.files("celltx").joinpath("config.cfg").read_text(encoding="utf-8")
    return Config().from_str(text)


def system_config(system: str) -> Config:
    """``config.cfg`` with the components of ``system`` (see the module docstring)."""
    config = base_config()
    keep = _SYSTEM_COMPONENTS[system]
    if keep is not None:
        config["nlp"]["pipeline"] = [c for c in config["nlp"]["pipeline"] if c in keep]
        for name in list(config["components"]):
            if name not in keep:
                del config["components"][name]
    if system in SYSTEM_LABELS:
        config["components"]["celltx_merge"]["labels"] = list(SYSTEM_LABELS[system])
    if system == "ner":
        config["components"]["celltx_linker"]["drop_unlinked"] = False
    return config


def package_meta(system: str) -> dict[str, Any]:
    """What ``nlp.meta`` says about a celltx pipeline (name, version, description, license)."""
    try:
        info = metadata.metadata("celltx")
        description, license_ = info["Summary"], info.get("License") or "MIT"
    except metadata.PackageNotFoundError:  # a source checkout that is not installed
        description, license_ = "celltx evidence extraction from cell-therapy trial abstracts.", "MIT"
    return {
        "name": "celltx",
        "version": __version__,
        "description": f"{description} (system: {system})",
        "license": license_,
        "author": "celltx developers",
        "requirements": [f"celltx=={__version__}"],
    }


def ner_model_path():
    path = models_dir() / NER_MODEL
    return path if (path / "meta.json").is_file() else None


def load(system: str = "full", model: str | os.PathLike[str] | None = None) -> Language:
    """The assembled pipeline for ``system`` (built once per process and model, then cached).

    Built from ``config.cfg`` and initialised (``nlp.initialize()`` reads the package's patterns
    into the components); ``nlp.to_disk(path)`` saves it and ``spacy.load(path)`` loads it back.
    ``model``: a trained NER folder (``celltx train -o DIR``) to use instead of the one shipped
    in the package, for the systems that run the model (``ner``, ``rules+ner``, ``full``); its
    ``celltx_policy.json`` says how ``full`` combines it with the rules. What ``full`` runs is
    visible in ``nlp.pipe_names`` and ``nlp.meta["celltx"]``.
    """
    return _load(system, None if model is None else str(Path(model).resolve()))


@cache
def _load(system: str, model: str | None) -> Language:
    return build(system, model)


def check_system(system: str) -> None:
    """ValueError naming the choices when ``system`` is no pipeline variant."""
    if system not in SYSTEMS:
        raise ValueError(f"unknown system {system!r}; choose one of {', '.join(SYSTEMS)}")


def build(system: str = "full", model: str | os.PathLike[str] | None = None) -> Language:
    """A new, uncached pipeline for ``system`` (what :func:`load` caches)."""
    check_system(system)
    import spacy

    register()
    nlp = spacy.util.load_model_from_config(system_config(system), auto_fill=True, validate=True)
    nlp.initialize()
    nlp.meta.update(package_meta(system))
    info: dict[str, Any] = {"system": system, "ner": None}
    if system in ("ner", "rules+ner", "full"):
        from .components import ner

        path: Path | None
        if model is not None:
            path = Path(model)
            if not (path / "meta.json").is_file():
                raise SystemUnavailable(f"{model}: no trained NER model there (meta.json missing)")
        else:
            path = ner_model_path()
        if path is None:
            if system != "full":
                raise SystemUnavailable("no trained NER model is shipped; build it with `celltx train`")
        else:
            # "ner"/"rules+ner" take every label of the model; "full" the combination chosen on dev
            modes = None if system in ("ner", "rules+ner") else ner.policy_modes(path)
            if modes is None or any(modes.values()):  # an empty policy: do not run the model
                # sourced after initialize(), which would otherwise reset the trained weights
                ner.add_trained_ner(nlp, path, modes=modes)
                copier = nlp.get_pipe("celltx_ner")
                info["ner"] = {
                    "model": str(path),
                    "model_version": _model_meta(path).get("version"),
                    "combination": "every label (union)" if modes is None else copier.modes,
                }
            else:
                info["ner"] = {"model": str(path), "combination": "none (policy takes no label)"}
    nlp.meta["celltx"] = info
    compile_cache.save()
    return nlp


def _model_meta(path: Path) -> dict[str, Any]:
    try:
        return json.loads((Path(path) / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def predict_records(system: str, records: list[dict[str, Any]], batch_size: int = 32) -> list[dict[str, Any]]:
    """Run ``system`` over the texts of ``records``; predicted records keep ids and texts."""
    from . import api

    out = []
    for record, predicted in zip(
        records, api.extract_many((r["text"] for r in records), batch_size=batch_size, system=system)
    ):
        predicted["id"] = record.get("id")
        predicted["source"] = record.get("source")
        predicted["source_offset"] = record.get("source_offset")
        out.append(predicted)
    return out
