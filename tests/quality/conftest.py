"""Fixtures of the quality-suite tests: the good warehouse tables and a writer/opener in tmp_path."""

from __future__ import annotations

import copy

import duckdb
import pytest
from quality_fixture import GOOD, write_warehouse


@pytest.fixture
def good() -> dict[str, list[dict]]:
    """A fresh deep copy of the good tables, free to break."""
    return copy.deepcopy(GOOD)


@pytest.fixture
def open_warehouse(tmp_path):
    """open_warehouse(tables) -> read-only DuckDB connection to those tables written in tmp_path."""
    cons = []

    def _open(tables, skip=()):
        path = write_warehouse(tmp_path / f"wh{len(cons)}.duckdb", tables, skip)
        con = duckdb.connect(str(path), read_only=True)
        cons.append(con)
        return con

    yield _open
    for con in cons:
        con.close()
