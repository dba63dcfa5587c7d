"""End to end on the five seeds, through Dagster, dbt, the checks and publication, into tmp_path.

One workspace per module and four runs, each captured right after it finished:
first run -> rerun on the same input -> a run whose blocking check fails -> a run with one added file while
a reader holds a read-only connection on the published warehouse.
"""

import contextlib
import dataclasses
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import expectations
from orchestration import cli
from orchestration.dbt import dbt_executable
from orchestration.settings import DBT_PROJECT_DIR, REPO, Settings

pytestmark = pytest.mark.e2e

SAMPLE = REPO / "data" / "sample"

CONTRACT = {
    "marts.dim_articles": {
        "article_id": "VARCHAR", "source_file": "VARCHAR", "content_sha256": "VARCHAR", "title": "VARCHAR",
        "outlet": "VARCHAR", "author": "VARCHAR", "published_date": "DATE", "language": "VARCHAR",
        "body_text": "VARCHAR", "word_count": "INTEGER", "ingested_at": "TIMESTAMP",
    },
    "marts.dim_actors": {
        "actor_id": "VARCHAR", "canonical_name": "VARCHAR", "canonical_name_ar": "VARCHAR",
        "actor_type": "VARCHAR", "country_iso3": "VARCHAR", "cameo_code": "VARCHAR", "role": "VARCHAR",
        "first_seen_date": "DATE", "last_seen_date": "DATE", "article_count": "INTEGER",
        "mention_count": "INTEGER",
    },
    "marts.fct_actor_mentions": {
        "mention_id": "VARCHAR", "article_id": "VARCHAR", "actor_id": "VARCHAR", "surface_text": "VARCHAR",
        "char_start": "INTEGER", "char_end": "INTEGER", "sentence_index": "INTEGER",
    },
    "marts.fct_statements": {
        "statement_id": "VARCHAR", "article_id": "VARCHAR", "speaker_actor_id": "VARCHAR",
        "speaker_text": "VARCHAR", "speech_verb": "VARCHAR", "statement_text": "VARCHAR",
        "is_direct_quote": "BOOLEAN", "language": "VARCHAR", "char_start": "INTEGER", "char_end": "INTEGER",
    },
    "marts.fct_events": {
        "event_id": "VARCHAR", "article_id": "VARCHAR", "source_actor_id": "VARCHAR",
        "target_actor_id": "VARCHAR", "event_code": "VARCHAR", "event_root_code": "VARCHAR",
        "event_label": "VARCHAR", "quad_class": "INTEGER", "goldstein": "DOUBLE", "event_date": "DATE",
        "event_date_precision": "VARCHAR", "location_text": "VARCHAR", "is_negated": "BOOLEAN",
        "evidence_text": "VARCHAR", "char_start": "INTEGER", "char_end": "INTEGER", "confidence": "DOUBLE",
    },
    "ops.rejected_files": {
        "source_file": "VARCHAR", "content_sha256": "VARCHAR", "reason": "VARCHAR", "rejected_at": "TIMESTAMP",
    },
    "ops.check_results": {
        "run_id": "VARCHAR", "checked_at": "TIMESTAMP", "asset": "VARCHAR", "check_name": "VARCHAR",
        "passed": "BOOLEAN", "severity": "VARCHAR", "observed_value": "VARCHAR", "details": "VARCHAR",
    },
}
FACT_IDS = {
    "marts.dim_articles": "article_id", "marts.dim_actors": "actor_id", "marts.fct_actor_mentions": "mention_id",
    "marts.fct_statements": "statement_id", "marts.fct_events": "event_id",
}

ADDED_ARTICLE = """Algeria and Tunisia sign border security accord

ALGIERS - Algeria and Tunisia signed an agreement on Monday to strengthen security cooperation along their
shared border, the Algerian foreign ministry said.

"This agreement will help both countries fight terrorism and smuggling," Algerian Foreign Minister Ramtane
Lamamra told reporters after meeting his Tunisian counterpart in Algiers.
"""

READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("select count(*) from marts.dim_articles").fetchone()[0], flush=True)
sys.stdin.readline()
print(con.execute("select count(*) from marts.dim_articles").fetchone()[0], flush=True)
"""


def query(path: Path, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def snapshot(s: Settings) -> dict:
    """What a run left in the published warehouse."""
    wh = s.warehouse
    snap = {"sha256": hashlib.sha256(wh.read_bytes()).hexdigest(), "inode": wh.stat().st_ino}
    snap["ids"] = {t: sorted(r[0] for r in query(wh, f"select {c} from {t}")) for t, c in FACT_IDS.items()}
    snap["articles"] = {
        r[0][:3]: dict(zip(["source_file", "article_id", "title", "language", "body_text", "ingested_at"], r,
                           strict=True))
        for r in query(wh, "select source_file, article_id, title, language, body_text, ingested_at "
                           "from marts.dim_articles")
    }
    snap["types"] = {
        f"{schema}.{table}": dict(
            query(wh, "select column_name, data_type from information_schema.columns "
                      "where table_schema = ? and table_name = ?", [schema, table]))
        for schema, table in (t.split(".") for t in CONTRACT)
    }
    return snap


def run(s: Settings) -> tuple[cli.RunSummary, str]:
    summary = cli.run_pipeline(s)
    out = io.StringIO()
    cli.print_summary(summary, out)
    return summary, out.getvalue()


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> Settings:
    root = tmp_path_factory.mktemp("akhbar")
    shutil.copytree(SAMPLE, root / "in")
    return Settings.from_env({}, input_dir=root / "in", warehouse=root / "warehouse.duckdb",
                             parquet_dir=root / "parquet", n_process=1)


@pytest.fixture(scope="module")
def first(settings):
    summary, text = run(settings)
    assert summary.success, text
    return {"summary": summary, "text": text, "snap": snapshot(settings)}


@pytest.fixture(scope="module")
def rerun(first, settings):
    # the second run takes the worker-pool path of every extraction stage (as a large batch does), so
    # test_rerun_changes_nothing also says: two workers give the warehouse one process gives
    summary, text = run(dataclasses.replace(settings, n_process=2, parallel_min_articles=1))
    assert summary.success, text
    return {"summary": summary, "text": text, "snap": snapshot(settings)}


@pytest.fixture(scope="module")
def failed(rerun, settings):
    """A run whose 'articles' suite reports a failed blocking expectation, through the CLI."""

    def fake_run_suite(suite, con, previous_counts=None):
        outcomes = [o for o in real_run_suite(suite, con, previous_counts)]
        if suite == "articles":
            outcomes.append(expectations.CheckOutcome(
                suite, "planted_failure", False, "blocking", "1 of 5 rows", "planted by the e2e test"))
        return outcomes

    real_run_suite = expectations.run_suite
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(expectations, "run_suite", fake_run_suite)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["run", "--input", str(settings.input_dir), "--warehouse", str(settings.warehouse),
                             "--parquet", str(settings.parquet_dir)])
    return {"code": code, "text": out.getvalue() + err.getvalue(), "snap": snapshot(settings)}


@pytest.fixture(scope="module")
def added(failed, settings):
    (settings.input_dir / "005_added.txt").write_text(ADDED_ARTICLE, encoding="utf-8")
    reader = subprocess.Popen([sys.executable, "-c", READER, str(settings.warehouse)], cwd=REPO, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        before = int(reader.stdout.readline())
        summary, text = run(settings)  # runs while the reader holds its read-only connection
        reader.stdin.write("\n")
        reader.stdin.flush()
        during = int(reader.stdout.readline())
    finally:
        reader.kill()
        reader.wait()
    assert summary.success, text
    return {"summary": summary, "text": text, "snap": snapshot(settings), "reader": (before, during)}


# ------------------------------------------------------------------------------------------------ first run


def test_first_run_publishes_the_five_seeds(first, settings):
    summary = first["summary"]
    assert summary.published and settings.warehouse.exists()
    assert summary.articles == 5 and summary.rejected == []
    assert summary.table_counts["marts.dim_articles"] == 5
    assert "articles ingested: 5" in first["text"] and "published:" in first["text"]
    assert summary.blocking_failed == []


def test_marts_have_the_contract_columns_and_types(first):
    for table, columns in CONTRACT.items():
        actual = first["snap"]["types"][table]
        assert actual, f"{table} missing"
        for column, dtype in columns.items():
            assert actual.get(column) == dtype, f"{table}.{column}: {actual.get(column)} != {dtype}"


def test_seed_articles_titles_languages_and_clean_body(first):
    arts = first["snap"]["articles"]
    assert sorted(arts) == ["000", "001", "002", "003", "004"]
    assert arts["000"]["title"] == "The Makhzen Searches For Outlets to Communicate With Algeria"
    assert arts["001"]["title"] == "Algeria and Morocco to Boost Joint Security Cooperation"
    assert arts["003"]["title"] == "مسؤول جزائري: التنسيق مع المغرب متواصل رغما عن الأزمات"
    assert arts["004"]["title"] == "Morocco, key participant in US regional safety"
    assert {k: a["language"] for k, a in arts.items()} == {
        "000": "en", "001": "en", "002": "en", "003": "ar", "004": "en"}
    body = arts["000"]["body_text"]
    assert body.startswith("The Moroccan Makhzen regime is trying to maintain bridges")
    for furniture in ("Add Comment", "All fields are mandatory", "Your comment has been sent for review",
                      "There is no content to display", "إدارة الموقع"):
        assert furniture not in body


def test_every_check_outcome_lands_in_ops_check_results(first, settings):
    run_id = first["summary"].run_id
    rows = query(settings.warehouse, "select asset, check_name, passed, severity from ops.check_results "
                                     "where run_id = ?", [run_id])
    names = {r[1] for r in rows}
    assert "dbt.unique_dim_articles_article_id" in names
    assert any(n.startswith("gx.articles.") for n in names)
    assert {r[0] for r in rows} >= {"marts.dim_articles", "marts.fct_statements", "marts.fct_events"}
    assert {r[3] for r in rows} <= {"blocking", "warning"}
    assert len(rows) == first["summary"].checks_passed + len(first["summary"].checks_failed)
    assert query(settings.warehouse, "select count(*) from ops.rejected_files") == [(0,)]


def test_cli_sql_prints_a_table(first, settings, capsys):
    code = cli.main(["sql", "select source_file, language from marts.dim_articles order by source_file",
                     "--warehouse", str(settings.warehouse)])
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["source_file", "language"]
    assert "003_2ca05f1750cdc00a.txt" in out and "(5 rows)" in out
    assert cli.main(["sql", "select nope", "--warehouse", str(settings.warehouse)]) == cli.EXIT_USAGE


def test_dbt_docs_generate(first, settings, tmp_path):
    env = {**os.environ, **settings.as_env(), "DBT_PROFILES_DIR": str(DBT_PROJECT_DIR)}
    proc = subprocess.run([dbt_executable(), "docs", "generate", "--target-path", str(tmp_path / "docs")],
                          cwd=DBT_PROJECT_DIR, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:]
    catalog = json.loads((tmp_path / "docs" / "catalog.json").read_text())
    columns = catalog["nodes"]["model.akhbar.dim_articles"]["columns"]
    assert catalog["nodes"]["model.akhbar.dim_articles"]["metadata"]["schema"] == "marts"
    assert columns["published_date"]["type"] == "DATE"
    assert (tmp_path / "docs" / "index.html").exists()


# ------------------------------------------------------------------------------------------------ rerun


def test_rerun_changes_nothing(first, rerun):
    a, b = first["snap"], rerun["snap"]
    assert b["ids"] == a["ids"]
    assert {k: v["ingested_at"] for k, v in b["articles"].items()} == {
        k: v["ingested_at"] for k, v in a["articles"].items()}
    counts = {k: v for k, v in rerun["summary"].table_counts.items() if k != "ops.check_results"}
    assert counts == {k: v for k, v in first["summary"].table_counts.items() if k != "ops.check_results"}


# ------------------------------------------------------------------------------------------------ blocking failure


def test_a_failing_blocking_check_stops_publication(rerun, failed, settings):
    assert failed["code"] == cli.EXIT_FAILED
    assert "FAILED [blocking] marts.dim_articles gx.articles.planted_failure: planted by the e2e test" in (
        failed["text"])
    assert "RUN FAILED: the published warehouse" in failed["text"]
    # the published file is byte for byte the one of the previous run
    assert failed["snap"]["sha256"] == rerun["snap"]["sha256"]
    assert failed["snap"]["inode"] == rerun["snap"]["inode"]
    # ... and the failure is on record in the staging warehouse, to be published with the next good run
    rows = query(settings.staging_warehouse, "select count(*) from ops.check_results "
                                             "where check_name = 'gx.articles.planted_failure' and not passed")
    assert rows == [(1,)]


# ------------------------------------------------------------------------------------------------ added file


def test_an_added_file_adds_only_its_rows(rerun, added):
    old, new = rerun["snap"], added["snap"]
    assert sorted(new["articles"]) == ["000", "001", "002", "003", "004", "005"]
    assert new["articles"]["005"]["title"] == "Algeria and Tunisia sign border security accord"
    for key, article in old["articles"].items():
        assert new["articles"][key]["article_id"] == article["article_id"]
        assert new["articles"][key]["ingested_at"] == article["ingested_at"]
    added_id = new["articles"]["005"]["article_id"]
    for table in ("marts.fct_actor_mentions", "marts.fct_statements", "marts.fct_events"):
        assert set(old["ids"][table]) <= set(new["ids"][table]), table
    assert added["summary"].table_counts["marts.dim_articles"] == 6
    assert added_id not in old["ids"]["marts.dim_articles"]


def test_a_reader_holding_the_old_file_neither_blocks_nor_sees_partial_data(added, settings):
    assert added["reader"] == (5, 5)  # the old, complete warehouse, before and after the run
    assert query(settings.warehouse, "select count(*) from marts.dim_articles") == [(6,)]


def test_check_history_spans_every_run_including_the_unpublished_one(first, added, settings):
    runs = query(settings.warehouse, "select count(distinct run_id) from ops.check_results")[0][0]
    assert runs == 4
    assert query(settings.warehouse, "select count(*) from ops.check_results "
                                     "where check_name = 'gx.articles.planted_failure'") == [(1,)]
