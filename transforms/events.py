"""Events: CAMEO-coded who-did-what-to-whom with dates, negation, modality, clusters -> raw.events. (STUB)"""

from __future__ import annotations

import polars as pl

from transforms.schemas import EVENTS, empty


def extract_events(
    documents: pl.DataFrame, sentences: pl.DataFrame, mentions: pl.DataFrame, actors: pl.DataFrame
) -> pl.DataFrame:
    return empty(EVENTS)
