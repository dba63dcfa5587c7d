"""dbt tests gate publication too: a failing error-severity dbt test fails the build, nothing is published,
and the failure is on record in ops.check_results of the staging warehouse."""

from datetime import date, datetime

import dagster as dg
import duckdb
import polars as pl
import pytest

from orchestration.dbt import ensure_manifest
from orchestration.definitions import JOB_NAME, build_definitions
from orchestration.settings import Settings, environment
from transforms import schemas


def write_raw(parquet_dir, documents: pl.DataFrame) -> None:
    parquet_dir.mkdir(parents=True)
    tables = {
        "articles": schemas.RAW_ARTICLES, "rejected_files": schemas.REJECTED_FILES,
        "sentences": schemas.SENTENCES, "actor_mentions": schemas.ACTOR_MENTIONS, "actors": schemas.ACTORS,
        "statements": schemas.STATEMENTS, "events": schemas.EVENTS, "event_actors": schemas.ACTORS,
        "statement_actors": schemas.ACTORS,
    }
    for table, schema in tables.items():
        schemas.empty(schema).write_parquet(parquet_dir / f"{table}.parquet")
    schemas.conform(documents, schemas.DOCUMENTS).write_parquet(parquet_dir / "documents.parquet")


@pytest.mark.e2e
def test_duplicate_article_ids_fail_the_dbt_build_and_block_publication(tmp_path):
    s = Settings.from_env({}, input_dir=tmp_path / "in", warehouse=tmp_path / "w.duckdb",
                          parquet_dir=tmp_path / "pq")
    body = "Algeria and Morocco agreed to cooperate."
    write_raw(s.parquet_dir, pl.DataFrame({
        "article_id": ["a1", "a1"],
        "source_file": ["x.txt", "y.txt"],
        "content_sha256": ["0" * 64, "1" * 64],
        "language": ["en", "en"],
        "body_text": [body, body],
        "word_count": [6, 6],
        "published_date": [date(2023, 1, 1)] * 2,
        "ingested_at": [datetime(2023, 1, 2)] * 2,
    }))
    ensure_manifest()
    defs = build_definitions()
    graph = defs.resolve_asset_graph()
    selection = [k for k in graph.get_all_asset_keys() if k.path[0] != "raw"]  # dbt models + publish
    with environment(s.as_env()):
        result = defs.resolve_job_def(JOB_NAME).execute_in_process(
            instance=dg.DagsterInstance.ephemeral(), asset_selection=selection, raise_on_error=False)
    assert not result.success
    failures = [e for e in result.all_events if e.is_step_failure]
    assert [e.step_key for e in failures] == ["dbt_warehouse"]
    message = failures[0].step_failure_data.error.message
    assert "dbt build failed; the warehouse is not published" in message
    assert "unique_stg_raw__documents_article_id (1 failing rows)" in message
    assert not s.warehouse.exists()
    con = duckdb.connect(str(s.staging_warehouse), read_only=True)
    try:
        rows = con.execute("select asset, passed, severity from ops.check_results "
                           "where check_name = 'dbt.unique_stg_raw__documents_article_id'").fetchall()
    finally:
        con.close()
    assert rows == [("staging.stg_raw__documents", False, "blocking")]
