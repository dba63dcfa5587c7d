"""Repeatable runs, crashes at every stage, concurrent runs and readers, incremental input, end to end, in
one workspace:

1. a complete run on the five seeds publishes the warehouse; a rerun on the same input gives identical
   marts (every column of every row, ingested_at included; see e2e_helpers for the run-time columns);
2. one file is added, and the real CLI is SIGKILLed (with its dbt child) at each stage in turn, with no
   cleanup in between: ingest, extract, dbt, checks, publish (tests/robustness/crash_runner.py). After
   every crash the published file is byte for byte the previous one, it opens and every mart queries, and
   no lock is left held;
3. two CLI runs are then started at once while a DuckDB reader and a SQLAlchemy (duckdb-engine) reader,
   as a BI tool would, hold read-only connections on the published file: the second refuses with a clear
   message (or, had the first already finished, runs after it); the first finishes the work the crashed
   runs left, without manual cleanup, and loses nothing: the seeds' rows are unchanged, column for
   column, the added file adds only its own rows, and actors it does not involve are unchanged.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from e2e_helpers import (
    ADDED,
    ADDED_NAME,
    FACTS,
    MARTS,
    SAMPLE,
    child_env,
    cli_args,
    counts,
    file_sha,
    run,
    seed_article_ids,
    snapshot,
    workspace,
)

from orchestration import cli
from orchestration.locking import is_locked
from orchestration.settings import REPO

pytestmark = pytest.mark.e2e

CRASH_RUNNER = Path(__file__).resolve().parent / "crash_runner.py"
STAGES = ("ingest", "extract", "dbt", "checks", "publish")
READER_SQL = "select count(*) from marts.dim_articles"


@pytest.fixture(scope="module")
def first(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("runs_ws")
    shutil.copytree(SAMPLE, root / "in")
    s = workspace(root)
    return {"settings": s, "summary": run(s), **snapshot(s.warehouse)}


@pytest.fixture(scope="module")
def base(first) -> dict:
    """The rerun on the same input: the last complete published run before the crashes."""
    s = first["settings"]
    summary = run(s)
    snap = snapshot(s.warehouse)
    (s.input_dir / ADDED_NAME).write_text(ADDED, encoding="utf-8")
    return {"settings": s, "summary": summary, "sha": file_sha(s.warehouse), **snap}


def test_first_run_publishes_the_five_seeds(first):
    assert first["summary"].published
    by_file = {r["source_file"]: r["article_id"] for r in first["rows"]["marts.dim_articles"]}
    assert by_file == seed_article_ids()
    assert all(first["ids"][t] for t in MARTS if t != "ops.rejected_files"), "every mart has rows"


def test_rerun_on_the_same_input_gives_identical_marts(first, base):
    # content digest of every table: sorted rows, every column (ingested_at, rejected_at included)
    assert base["digests"] == first["digests"]
    assert base["ids"] == first["ids"]


@pytest.fixture(scope="module")
def crashes(base, tmp_path_factory) -> dict[str, dict]:
    s = base["settings"]
    out = {}
    for stage in STAGES:
        marker = tmp_path_factory.mktemp(f"crash_{stage}") / "reached"
        started = time.monotonic()
        proc = subprocess.run(
            [sys.executable, str(CRASH_RUNNER), stage, str(marker), *cli_args(s)],
            cwd=REPO,
            env=child_env(),
            capture_output=True,
            text=True,
            timeout=1800,
            start_new_session=True,  # its own process group: the crash kills the run and its dbt child only
        )
        out[stage] = {
            "returncode": proc.returncode,
            "reached": marker.read_text() if marker.exists() else None,
            "output": (proc.stdout + proc.stderr)[-3000:],
            "seconds": round(time.monotonic() - started, 1),
            "published_sha": file_sha(s.warehouse),
            "published_counts": counts(s.warehouse),
            "locked_after": is_locked(s.lock_files),
        }
    return out


@pytest.mark.parametrize("stage", STAGES)
def test_a_crash_leaves_the_previous_complete_warehouse_published(stage, crashes, base):
    c = crashes[stage]
    assert c["reached"] == stage, f"the run never reached {stage}:\n{c['output']}"
    assert c["returncode"] == -signal.SIGKILL, c["output"]
    assert c["published_sha"] == base["sha"], "the published file changed"
    assert c["published_counts"] == {t: len(base["ids"][t]) for t in MARTS}  # opens, every table queries
    assert not c["locked_after"], "a killed run must not leave its lock held"


# A reader process: holds one read-only connection (plain DuckDB, or SQLAlchemy + duckdb-engine as a BI tool
# would), prints the article count, waits for a line on stdin, prints the count again through the same
# connection.
READER = """
import sys
mode, path, sql = sys.argv[1], sys.argv[2], sys.argv[3]
if mode == "duckdb":
    import duckdb
    con = duckdb.connect(path, read_only=True)
    count = lambda: con.execute(sql).fetchone()[0]
else:
    from sqlalchemy import create_engine, text
    conn = create_engine(f"duckdb:///{path}", connect_args={"read_only": True}).connect()
    count = lambda: conn.execute(text(sql)).scalar()
print(count(), flush=True)
sys.stdin.readline()
print(count(), flush=True)
"""


@pytest.fixture(scope="module")
def recovery(crashes, base) -> dict:
    s = base["settings"]
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", READER, mode, str(s.warehouse), READER_SQL],
            cwd=REPO,
            env=child_env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for mode in ("duckdb", "sqlalchemy")
    ]
    try:
        before = tuple(int(r.stdout.readline()) for r in readers)
        cmd = [sys.executable, "-m", "orchestration.cli", *cli_args(s)]
        popen = {
            "cwd": REPO,
            "env": child_env(),
            "stdout": subprocess.PIPE,
            "stderr": subprocess.PIPE,
            "text": True,
        }
        first = subprocess.Popen(cmd, **popen)
        deadline = time.monotonic() + 900
        while not is_locked(s.lock_files) and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        second = subprocess.Popen(cmd, **popen)  # started while the first holds the run lock
        second_out, second_err = second.communicate(timeout=1800)
        first_still_running = first.poll() is None
        first_out, first_err = first.communicate(timeout=1800)
        for r in readers:
            r.stdin.write("\n")
            r.stdin.flush()
        during = tuple(int(r.stdout.readline()) for r in readers)
    finally:
        for r in readers:
            r.kill()
            r.wait()
    return {
        "first": (first.returncode, first_out + first_err),
        "second": (second.returncode, second_out, second_err),
        "first_still_running_when_second_ended": first_still_running,
        "readers": (before, during),
        "after": snapshot(s.warehouse),
        "stale_temp_files": sorted(p.name for p in s.warehouse.parent.glob(f".{s.warehouse.name}.*.tmp"))
        + sorted(p.name for p in s.parquet_dir.glob(".*.tmp")),
    }


def test_second_run_started_at_once_refuses_with_a_clear_message(recovery):
    code1, out1 = recovery["first"]
    code2, out2, err2 = recovery["second"]
    assert code1 == cli.EXIT_OK, out1
    # refused at once while the first held the lock (exit 3); or, had the first already finished, run
    # after it (serialised). Either way it neither fails nor corrupts anything.
    assert code2 in (cli.EXIT_LOCKED, cli.EXIT_OK), out2 + err2
    if recovery["first_still_running_when_second_ended"]:  # then it cannot have run: it must have refused
        assert code2 == cli.EXIT_LOCKED, out2 + err2
    if code2 == cli.EXIT_LOCKED:
        assert "akhbar: refused to start: another akhbar run is in progress" in err2
        assert "Wait for it to finish and run again." in err2


def test_readers_neither_block_the_run_nor_see_partial_data(recovery):
    # DuckDB and SQLAlchemy readers opened on the old file keep reading it, complete, during and after
    assert recovery["readers"] == ((5, 5), (5, 5))


def test_the_run_after_the_crashes_finishes_without_cleanup_and_loses_nothing(recovery, base):
    assert "published:" in recovery["first"][1]
    after, before = recovery["after"], base
    new_articles = after["ids"]["marts.dim_articles"] - before["ids"]["marts.dim_articles"]
    assert len(new_articles) == 1 and len(after["ids"]["marts.dim_articles"]) == 6
    lost = {t: len(before["ids"][t] - after["ids"][t]) for t in MARTS}
    assert lost == dict.fromkeys(MARTS, 0)


def test_the_added_file_adds_only_its_rows(recovery, base):
    after, before = recovery["after"], base
    (new,) = after["ids"]["marts.dim_articles"] - before["ids"]["marts.dim_articles"]
    (row,) = [r for r in after["rows"]["marts.dim_articles"] if r["article_id"] == new]
    assert row["source_file"] == ADDED_NAME and row["title"] == ADDED.splitlines()[0]
    for table in FACTS:
        new_rows = [r for r in after["rows"][table] if r[MARTS[table]] not in before["ids"][table]]
        assert new_rows, f"{table}: the added article yields rows"
        assert {r["article_id"] for r in new_rows} == {new}, f"{table}: new rows outside the added article"
    # the seeds' rows are exactly those of the complete run before the crashes (ingested_at included)
    for table in ("marts.dim_articles", *FACTS):
        assert [r for r in after["rows"][table] if r["article_id"] != new] == before["rows"][table], table
    assert after["digests"]["ops.rejected_files"] == before["digests"]["ops.rejected_files"]
    # actors the added article does not involve are unchanged, counters included
    involved = {
        r[c]
        for table, cols in (
            ("marts.fct_actor_mentions", ["actor_id"]),
            ("marts.fct_statements", ["speaker_actor_id"]),
            ("marts.fct_events", ["source_actor_id", "target_actor_id"]),
        )
        for r in after["rows"][table]
        if r["article_id"] == new
        for c in cols
    } - {None}
    assert involved, "the added article involves some actors"
    actors_after = {r["actor_id"]: r for r in after["rows"]["marts.dim_actors"]}
    for r in before["rows"]["marts.dim_actors"]:
        if r["actor_id"] not in involved:
            assert actors_after[r["actor_id"]] == r, r
