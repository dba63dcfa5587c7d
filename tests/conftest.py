"""Shared test fixtures. Tests that read ../shared skip cleanly when it is absent (a fresh clone has none).

Helpers to import live in `tests/support.py` (`from support import shared_path`), not here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import SAMPLE_DIR


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE_DIR


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The five bundled seed articles, keyed by their 3-digit prefix ('000'..'004')."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SAMPLE_DIR.glob("*.txt"))}
