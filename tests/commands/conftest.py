"""Fixtures for the command tests: the sample exports on disk and one shared annotate run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from celltx.cli import main
from tests.commands.samples import MEDLINE, PUBMED_XML

#: The rule-based system: the same extractions as "full" without a shipped model, loaded once.
SYSTEM = ("--system", "rules")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def exports(tmp_path: Path) -> dict[str, Path]:
    """The PubMed XML and MEDLINE samples written to files in a fresh folder."""
    xml = tmp_path / "pubmed_export.xml"
    xml.write_text(PUBMED_XML, encoding="utf-8")
    nbib = tmp_path / "pubmed_export.nbib"
    nbib.write_text(MEDLINE, encoding="utf-8")
    return {"xml": xml, "medline": nbib, "dir": tmp_path}


@pytest.fixture(scope="session")
def annotated(tmp_path_factory) -> dict[str, Path]:
    """``celltx annotate`` run once on both exports, with --brat and --html."""
    folder = tmp_path_factory.mktemp("annotated")
    xml = folder / "pubmed_export.xml"
    xml.write_text(PUBMED_XML, encoding="utf-8")
    nbib = folder / "pubmed_export.nbib"
    nbib.write_text(MEDLINE, encoding="utf-8")
    out = folder / "pre.jsonl"
    code = main(["annotate", str(xml), str(nbib), "-o", str(out), "--brat", str(folder / "brat"),
                 "--html", str(folder / "review.html"), "--no-progress", *SYSTEM])
    assert code == 0
    return {"xml": xml, "medline": nbib, "out": out, "brat": folder / "brat",
            "html": folder / "review.html", "dir": folder}
