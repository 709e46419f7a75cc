"""Jinja2 templates of celltx's HTML pages (shipped as package data in this folder).

* ``review.html.j2`` (+ ``review.css``): the review page of :mod:`celltx.review`;
* ``report.html.j2`` (+ ``report.css``, ``bar_chart.svg.j2``): the evaluation report of
  :mod:`celltx.evaluate.report`.

Templates are read with :mod:`importlib.resources`, so they are found in a wheel, an editable
install or a zip alike. Autoescaping is always on: document texts, ids, labels and attribute
values come from third-party files, and every ``{{ value }}`` is HTML-escaped unless the
Python side marks it safe. The Python modules compute what is shown (numbers, layers,
tooltips); the templates hold the markup. Jinja2 is imported on first render (it comes with
spaCy), not with ``import celltx``.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

#: The template files of this folder, for the packaging test.
TEMPLATES = ("review.html.j2", "review.css", "report.html.j2", "report.css", "bar_chart.svg.j2")


def source(name: str) -> str:
    """The text of template ``name`` from the installed package."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def environment() -> Any:
    """The shared :class:`jinja2.Environment` (autoescape on, undefined names are errors)."""
    import jinja2

    def load(name: str) -> tuple[str, None, Any]:
        try:
            return source(name), None, lambda: True
        except FileNotFoundError:
            raise jinja2.TemplateNotFound(name) from None

    return jinja2.Environment(
        loader=jinja2.FunctionLoader(load),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(name: str, **context: Any) -> str:
    """Render template ``name`` with ``context``."""
    return environment().get_template(name).render(**context)
