"""Clean: raw.articles -> raw.documents (body without furniture, metadata, language). (STUB)"""

from __future__ import annotations

import polars as pl

from transforms.schemas import DOCUMENTS, empty


def clean_articles(raw_articles: pl.DataFrame) -> pl.DataFrame:
    return empty(DOCUMENTS)
