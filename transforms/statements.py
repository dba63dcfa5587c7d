"""Statements: direct and reported speech with resolved speakers -> raw.statements. (STUB)"""

from __future__ import annotations

import polars as pl

from transforms.schemas import STATEMENTS, empty


def extract_statements(
    documents: pl.DataFrame, sentences: pl.DataFrame, mentions: pl.DataFrame, actors: pl.DataFrame
) -> pl.DataFrame:
    return empty(STATEMENTS)
