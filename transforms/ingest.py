"""Ingest: input folder -> raw.articles + ops.rejected_files. (STUB: owner replaces this.)"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from transforms.schemas import RAW_ARTICLES, REJECTED_FILES, empty


def ingest_folder(input_dir: Path, *, known: pl.DataFrame | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Read every file under input_dir. `known` (content_sha256, ingested_at) keeps first-ingested times.

    Returns (raw_articles, rejected_files) conforming to RAW_ARTICLES and REJECTED_FILES.
    """
    return empty(RAW_ARTICLES), empty(REJECTED_FILES)
