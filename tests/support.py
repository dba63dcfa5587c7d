"""Test helpers importable from any test module (`from support import shared_path`).

Kept out of conftest.py on purpose: several folders have a conftest.py, so `from conftest import ...`
resolves to whichever was imported first.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DIR = REPO / "data" / "sample"
FIXTURES = REPO / "tests" / "fixtures"
SHARED = Path(os.environ.get("AKHBAR_SHARED", REPO.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when it is not there (a fresh clone has no ../shared)."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent (../shared is not part of a fresh clone)")
    return p
