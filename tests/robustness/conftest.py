"""The full pipeline is loaded once per test session and shared by all robustness tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


@pytest.fixture(scope="session")
def extract_full() -> Callable[[str], dict[str, Any]]:
    import celltx

    celltx.load("full")

    def run(text: str) -> dict[str, Any]:
        return celltx.extract(text, system="full")

    return run


@pytest.fixture(scope="session")
def ner_systems() -> list[str]:
    """Systems that run the trained NER and can be loaded here (skip when none is shipped)."""
    import celltx

    available = []
    for system in ("ner", "rules+ner"):
        if system not in celltx.SYSTEMS:
            continue
        try:
            celltx.load(system)
        except celltx.SystemUnavailable:
            continue
        available.append(system)
    if not available:
        pytest.skip("no trained NER model is shipped")
    return available
