"""Shared test fixtures. Tests that read ../shared skip cleanly when it is absent (a fresh clone has none)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DIR = REPO / "data" / "sample"
FIXTURES = REPO / "tests" / "fixtures"
SHARED = Path(os.environ.get("AKHBAR_SHARED", REPO.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when it is not there."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent (../shared is not part of a fresh clone)")
    return p


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE_DIR


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The five bundled seed articles, keyed by their 3-digit prefix ('000'..'004')."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SAMPLE_DIR.glob("*.txt"))}
