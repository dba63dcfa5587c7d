"""Sentences: raw.documents -> raw.sentences with code-point offsets. (STUB)"""

from __future__ import annotations

import polars as pl

from transforms.schemas import SENTENCES, empty


def split_sentences(documents: pl.DataFrame) -> pl.DataFrame:
    return empty(SENTENCES)
