"""``import celltx`` and ``celltx --help`` stay cheap: no spaCy, scispaCy or medspaCy until needed.

Measured by what a fresh interpreter has imported (``sys.modules``), not by a wall clock.
"""

from __future__ import annotations

import json
import subprocess
import sys

import celltx
from celltx import schema

HEAVY = ("spacy", "thinc", "scispacy", "medspacy", "torch", "datasets")

_REPORT = (
    "import json, sys\n"
    "heavy = sorted({m.split('.')[0] for m in sys.modules} & set(json.loads(sys.argv[1])))\n"
    "print(json.dumps(heavy))\n"
)


def _heavy_after(code: str) -> list[str]:
    script = code + "\n" + _REPORT
    out = subprocess.run(
        [sys.executable, "-c", script, json.dumps(HEAVY)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_import_celltx_imports_no_nlp_library():
    assert _heavy_after("import celltx\nassert celltx.__version__") == []


def test_cli_help_imports_no_nlp_library():
    code = (
        "import contextlib, io\n"
        "from celltx.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    try:\n"
        "        main(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "assert 'extract' in out.getvalue()\n"
    )
    assert _heavy_after(code) == []


def test_light_public_names_stay_light():
    code = "import celltx\nassert 'full' in celltx.SYSTEMS\nassert celltx.DISPLACY_OPTIONS['colors']\n"
    assert _heavy_after(code) == []


def test_the_pipeline_imports_spacy_when_it_is_used():
    # the check above can fail: using the pipeline does import spaCy
    assert "spacy" in _heavy_after("import celltx\ncelltx.extract('MSCs were infused.')")


def test_displacy_options_colour_every_label_like_the_review_page():
    from celltx.review import COLOURS

    options = celltx.DISPLACY_OPTIONS
    assert options["colors"] == COLOURS
    assert set(options["colors"]) == set(schema.LABELS) == set(options["ents"])
    assert options["spans_key"] == schema.SPANS_KEY


def test_displacy_renders_a_processed_doc_with_the_options():
    from spacy import displacy

    doc = celltx.load("rules")("MSCs were infused i.v. at 1x10^6 cells/kg; ALT was 35±5 U/L.")
    ents = displacy.render(doc, style="ent", options=celltx.DISPLACY_OPTIONS, page=False)
    spans = displacy.render(doc, style="span", options=celltx.DISPLACY_OPTIONS, page=False)
    assert celltx.DISPLACY_OPTIONS["colors"]["DOSE"] in ents and "1x10^6 cells/kg" in ents
    assert celltx.DISPLACY_OPTIONS["colors"]["LAB_VALUE"] in spans


def test_loading_the_pipeline_defers_nltk_and_nltk_still_works_after():
    # medspaCy imports QuickUMLS, which imports NLTK (a third of the load time, half the memory)
    # that ConText never uses: the pipeline leaves it unexecuted until something reads it
    code = (
        "import sys, celltx\n"
        "assert celltx.extract('No fever was seen after MSC infusion.')['spans']\n"
        "print('executed before use:', 'nltk.tokenize' in sys.modules)\n"
        "import nltk\n"
        "assert nltk.__version__ and callable(nltk.word_tokenize)\n"
        "import quickumls.core\n"
        "assert quickumls.core.nltk.corpus.__name__ == 'nltk.corpus'\n"
        "print('executed after use:', 'nltk.tokenize' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "executed before use: False" in out
    assert "executed after use: True" in out
