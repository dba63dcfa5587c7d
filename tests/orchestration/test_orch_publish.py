"""Atomic publication: readers holding a read-only connection keep the old complete data and never block."""

import subprocess
import sys
from datetime import datetime

import duckdb
import pytest

from orchestration.settings import REPO
from orchestration.storage import (
    CheckRow,
    PublishError,
    publish_warehouse,
    record_check_results,
    table_counts,
)

READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("select count(*) from marts.t").fetchone()[0], flush=True)
sys.stdin.readline()  # hold the connection open until told to read again
print(con.execute("select count(*) from marts.t").fetchone()[0], flush=True)
"""


def build(path, rows: int) -> None:
    con = duckdb.connect(str(path))
    con.execute("create schema if not exists marts")
    con.execute("create or replace table marts.t as select range as i from range(?)", [rows])
    con.close()


def test_publish_replaces_atomically_under_an_open_reader(tmp_path):
    staging, published = tmp_path / "staging.duckdb", tmp_path / "pub" / "warehouse.duckdb"
    build(staging, 3)
    publish_warehouse(staging, published)
    assert table_counts(published) == {"marts.t": 3}

    reader = subprocess.Popen([sys.executable, "-c", READER, str(published)], cwd=REPO, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert reader.stdout.readline().strip() == "3"
        build(staging, 7)
        publish_warehouse(staging, published)  # does not fail or wait while the reader holds its connection
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "3"  # the old, complete file
    finally:
        reader.kill()
        reader.wait()
    assert table_counts(published) == {"marts.t": 7}  # a new connection sees the new file
    assert [p.name for p in published.parent.iterdir()] == ["warehouse.duckdb"]  # no temp file left


def test_publish_refuses_when_a_writer_has_the_published_file_open(tmp_path):
    staging, published = tmp_path / "s.duckdb", tmp_path / "p.duckdb"
    build(staging, 1)
    publish_warehouse(staging, published)
    published.with_name("p.duckdb.wal").write_bytes(b"x")
    with pytest.raises(PublishError, match="open for writing"):
        publish_warehouse(staging, published)


def test_check_results_history_is_carried_over_from_the_published_warehouse(tmp_path):
    staging, published = tmp_path / "s.duckdb", tmp_path / "p.duckdb"
    row = CheckRow("marts.dim_articles", "gx.articles.body_not_empty", True, "blocking", "0", "ok")
    record_check_results(staging, published, "run-1", datetime(2026, 1, 1), [row])
    publish_warehouse(staging, published)
    staging.unlink()  # e.g. `make clean` of the staging folder only
    record_check_results(staging, published, "run-2", datetime(2026, 1, 2), [row, row])
    con = duckdb.connect(str(staging), read_only=True)
    try:
        runs = con.execute("select run_id, count(*) from ops.check_results group by 1 order by 1").fetchall()
        types = dict(con.execute("select column_name, data_type from information_schema.columns "
                                 "where table_name = 'check_results'").fetchall())
    finally:
        con.close()
    assert runs == [("run-1", 1), ("run-2", 2)]
    assert types == {"run_id": "VARCHAR", "checked_at": "TIMESTAMP", "asset": "VARCHAR", "check_name": "VARCHAR",
                     "passed": "BOOLEAN", "severity": "VARCHAR", "observed_value": "VARCHAR", "details": "VARCHAR"}
