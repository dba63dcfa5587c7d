"""Polars assets: input folder -> raw Parquet tables. Each asset reads its inputs, calls a pure function of
`transforms/`, conforms the result to its contract in `transforms.schemas` and writes Parquet atomically.

Asset keys mirror storage and the dbt sources: `raw/articles` is `<parquet_dir>/articles.parquet` is dbt's
`source('raw', 'articles')`, so Dagster shows one lineage graph from the files to the marts.
"""


from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import polars as pl

from orchestration.resources import AkhbarPaths, RunLock
from orchestration.settings import Settings
from orchestration.storage import read_parquet_or_none, write_parquet_atomic
from transforms import schemas

KINDS = {"polars", "parquet"}


def raw_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["raw", table])


def _spec(table: str, group: str, description: str, deps: list[str] = ()) -> dg.AssetSpec:
    return dg.AssetSpec(
        raw_key(table),
        group_name=group,
        kinds=KINDS,
        description=description,
        deps=[raw_key(d) for d in deps],
    )


def _read(s: Settings, table: str, schema: dict) -> pl.DataFrame:
    df = read_parquet_or_none(s.parquet_path(table))
    return schemas.empty(schema) if df is None else schemas.conform(df, schema)


def _write(s: Settings, table: str, df: pl.DataFrame, schema: dict) -> dg.MaterializeResult:
    df = schemas.conform(df, schema)
    path = write_parquet_atomic(df, s.parquet_path(table))
    return dg.MaterializeResult(
        asset_key=raw_key(table),
        metadata={"dagster/row_count": df.height, "path": dg.MetadataValue.path(str(path))},
    )


@dg.multi_asset(
    name="ingest",
    specs=[
        _spec("articles", "ingest", "One row per distinct article version read from the input folder."),
        _spec("rejected_files", "ingest", "Inputs that could not be read as an article, with the reason."),
    ],
)
def ingest(context: dg.AssetExecutionContext, paths: AkhbarPaths, run_lock: RunLock) -> Iterator:
    """Read the input folder; keep the first-ingested time of content already seen (previous raw.articles)."""
    from transforms.ingest import ingest_folder, keep_first_rejected_at

    s = paths.settings()
    if not s.input_dir.is_dir():
        raise dg.Failure(f"input folder {s.input_dir} does not exist")
    known = read_parquet_or_none(s.parquet_path("articles"), columns=["content_sha256", "ingested_at"])
    articles, rejected = ingest_folder(Path(s.input_dir), known=known)
    rejected = keep_first_rejected_at(rejected, read_parquet_or_none(s.parquet_path("rejected_files")))
    context.log.info(f"ingested {articles.height} articles, rejected {rejected.height} files from {s.input_dir}")
    yield _write(s, "articles", articles, schemas.RAW_ARTICLES)
    yield _write(s, "rejected_files", rejected, schemas.REJECTED_FILES)


@dg.multi_asset(
    name="clean",
    specs=[
        _spec(
            "documents",
            "ingest",
            "Cleaned body (furniture removed), title, byline, outlet, dateline, date and language.",
            deps=["articles"],
        )
    ],
)
def clean(paths: AkhbarPaths, run_lock: RunLock) -> dg.MaterializeResult:
    from transforms.clean import clean_articles

    s = paths.settings()
    return _write(s, "documents", clean_articles(_read(s, "articles", schemas.RAW_ARTICLES)), schemas.DOCUMENTS)


@dg.multi_asset(
    name="sentences",
    specs=[_spec("sentences", "ingest", "Sentence spans of body_text (code-point offsets).", deps=["documents"])],
)
def sentences(paths: AkhbarPaths, run_lock: RunLock) -> dg.MaterializeResult:
    from transforms.sentences import split_sentences

    s = paths.settings()
    docs = _read(s, "documents", schemas.DOCUMENTS)
    return _write(s, "sentences", split_sentences(docs), schemas.SENTENCES)


@dg.multi_asset(
    name="actors",
    specs=[
        _spec("actor_mentions", "extract", "Mentions of actors in the articles.", deps=["documents", "sentences"]),
        _spec("actors", "extract", "Resolved actors.", deps=["documents", "sentences"]),
    ],
)
def actors(paths: AkhbarPaths, run_lock: RunLock) -> Iterator:
    from transforms.actors import extract_actors

    s = paths.settings()
    docs, sents = _read(s, "documents", schemas.DOCUMENTS), _read(s, "sentences", schemas.SENTENCES)
    mentions, actor_rows = extract_actors(docs, sents, n_process=s.n_process, min_articles=s.parallel_min_articles)
    yield _write(s, "actor_mentions", mentions, schemas.ACTOR_MENTIONS)
    yield _write(s, "actors", actor_rows, schemas.ACTORS)


_EXTRACT_DEPS = ["documents", "sentences", "actor_mentions", "actors"]


def _extract_inputs(s: Settings) -> tuple[pl.DataFrame, ...]:
    return (
        _read(s, "documents", schemas.DOCUMENTS),
        _read(s, "sentences", schemas.SENTENCES),
        _read(s, "actor_mentions", schemas.ACTOR_MENTIONS),
        _read(s, "actors", schemas.ACTORS),
    )


@dg.multi_asset(
    name="statements",
    specs=[
        _spec("statements", "extract", "Direct and reported speech with resolved speakers.", _EXTRACT_DEPS),
        _spec("statement_actors", "extract",
              "Dictionary actors speakers resolve to that no mention names (`مصدر أمني جزائري` -> Algeria), not in "
              "raw.actors; dim_actors unions them so every speaker is an actor.", _EXTRACT_DEPS),
    ],
)
def statements(context: dg.AssetExecutionContext, paths: AkhbarPaths, run_lock: RunLock) -> Iterator:
    from transforms.parallel import extract_statements_parallel
    from transforms.referenced import referenced_actors

    s = paths.settings()
    inputs = _extract_inputs(s)
    rows = extract_statements_parallel(*inputs, n_process=s.n_process, min_articles=s.parallel_min_articles)
    speakers, unknown = referenced_actors(rows["speaker_actor_id"].to_list(), inputs[3])
    if unknown:
        context.log.warning(f"{len(unknown)} speaker ids are no known actor (the quality gate will block them): "
                            f"{unknown[:10]}")
    yield _write(s, "statements", rows, schemas.STATEMENTS)
    yield _write(s, "statement_actors", speakers, schemas.ACTORS)


@dg.multi_asset(
    name="events",
    specs=[
        _spec("events", "extract", "CAMEO-coded event mentions (who did what to whom).", _EXTRACT_DEPS),
        _spec("event_actors", "extract",
              "Actors only events refer to (generic agents such as `Moroccan protesters`), not in raw.actors; "
              "dim_actors unions them so every event source and target is an actor.", _EXTRACT_DEPS),
    ],
)
def events(paths: AkhbarPaths, run_lock: RunLock) -> Iterator:
    from transforms.parallel import extract_events_with_agents_parallel

    s = paths.settings()
    events, agent_actors = extract_events_with_agents_parallel(*_extract_inputs(s), n_process=s.n_process,
                                                                 min_articles=s.parallel_min_articles)
    yield _write(s, "events", events, schemas.EVENTS)
    yield _write(s, "event_actors", agent_actors, schemas.ACTORS)


RAW_ASSETS = [ingest, clean, sentences, actors, statements, events]
