"""Column contracts between the pipeline stages (the Parquet tables under the `raw` layer).

Every stage returns DataFrames with exactly these columns (extra columns are allowed only if added here).
Offsets are Unicode code-point offsets into `documents.body_text`, end exclusive.
Ids are `transforms.common.stable_id(...)` hashes of content and position, never row numbers or times.
"""

from __future__ import annotations

import polars as pl

# ingest: one row per distinct article version (content hash), read from the input folder.
RAW_ARTICLES = {
    "article_id": pl.String,  # stable_id(content_sha256)
    "source_file": pl.String,  # path relative to input dir; JSON Lines: "file.jsonl#<record id or line no>"
    "content_sha256": pl.String,  # sha256 of the raw bytes (of the file, or of the JSON record's line)
    "format": pl.String,  # txt | md | html | json | jsonl
    "encoding": pl.String,  # utf-8 | utf-8-sig | utf-16 | cp1256 | cp1252 | latin-1 | json
    "raw_text": pl.String,  # decoded, NFC-normalised text (HTML already reduced to text)
    "meta_title": pl.String,  # from the record/HTML <title>, nullable
    "meta_date": pl.String,  # from the record/HTML meta, as written, nullable
    "meta_url": pl.String,
    "meta_id": pl.String,
    "meta_outlet": pl.String,  # JSON "source"/"outlet" field or HTML og:site_name, nullable
    "ingested_at": pl.Datetime("us"),  # first time this content hash was ingested (kept across runs)
}

# ingest: inputs that could not be read as an article.
REJECTED_FILES = {
    "source_file": pl.String,
    "content_sha256": pl.String,  # nullable (unreadable file)
    "reason": pl.String,  # a sentence a person understands
    "rejected_at": pl.Datetime("us"),
}

# clean: one row per article, the cleaned body and its metadata.
DOCUMENTS = {
    "article_id": pl.String,
    "source_file": pl.String,
    "content_sha256": pl.String,
    "title": pl.String,
    "outlet": pl.String,
    "author": pl.String,
    "translator": pl.String,
    "dateline": pl.String,
    "published_date": pl.Date,
    "language": pl.String,  # ISO 639-1
    "body_text": pl.String,  # NFC, furniture removed
    "word_count": pl.Int32,
    "ingested_at": pl.Datetime("us"),
}

# sentences: one row per sentence of body_text.
SENTENCES = {
    "article_id": pl.String,
    "sentence_index": pl.Int32,  # 0-based within the article
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "text": pl.String,  # == body_text[char_start:char_end]
}

# actors: one row per resolved actor (across all articles in the batch and the reference dictionary).
ACTORS = {
    "actor_id": pl.String,
    "canonical_name": pl.String,
    "canonical_name_ar": pl.String,
    "actor_type": pl.String,  # PERSON | ORGANIZATION | COUNTRY | ARMED_GROUP | IGO | MEDIA | OTHER
    "country_iso3": pl.String,
    "cameo_code": pl.String,
    "role": pl.String,
}

# actors: one row per mention of an actor in an article.
ACTOR_MENTIONS = {
    "mention_id": pl.String,
    "article_id": pl.String,
    "actor_id": pl.String,
    "surface_text": pl.String,  # == body_text[char_start:char_end]
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "sentence_index": pl.Int32,
    "mention_kind": pl.String,  # NAME | ALIAS | DEMONYM | METONYM | TITLE | PRONOUN | DESCRIPTION
    "role": pl.String,  # title/role read next to this mention, nullable
}

# statements: one row per statement (direct or reported speech).
STATEMENTS = {
    "statement_id": pl.String,
    "article_id": pl.String,
    "speaker_actor_id": pl.String,  # nullable only when no speaker is named at all
    "speaker_text": pl.String,
    "speaker_char_start": pl.Int32,
    "speaker_char_end": pl.Int32,
    "speech_verb": pl.String,  # cue as written
    "speech_verb_lemma": pl.String,
    "cue_type": pl.String,  # speech | thought (believes, thinks, fears) | document (the poll shows, found)
    "statement_text": pl.String,  # == body_text[char_start:char_end], no surrounding quote marks
    "is_direct_quote": pl.Boolean,
    "language": pl.String,
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "sentence_index": pl.Int32,
}

# events: one row per event mention, CAMEO coded.
EVENTS = {
    "event_id": pl.String,
    "article_id": pl.String,
    "source_actor_id": pl.String,
    "target_actor_id": pl.String,
    "event_code": pl.String,
    "event_root_code": pl.String,
    "event_label": pl.String,
    "quad_class": pl.Int32,
    "goldstein": pl.Float64,
    "event_date": pl.Date,
    "event_date_precision": pl.String,  # day | month | year | publication
    "location_text": pl.String,
    "is_negated": pl.Boolean,
    "modality": pl.String,  # asserted | future | hypothetical | demanded | intended
    "evidence_text": pl.String,  # == body_text[char_start:char_end]
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "sentence_index": pl.Int32,
    "confidence": pl.Float64,
    "event_cluster_id": pl.String,
}


def empty(schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """An empty frame with the given contract."""
    return pl.DataFrame(schema=schema)


def conform(df: pl.DataFrame, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """Select and cast exactly the contract's columns, in order (missing columns become nulls)."""
    cols = []
    for name, dtype in schema.items():
        if name in df.columns:
            cols.append(pl.col(name).cast(dtype))
        else:
            cols.append(pl.lit(None, dtype=dtype).alias(name))
    return df.select(cols)
