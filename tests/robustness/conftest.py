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
