"""Files on disk: atomic Parquet writes, the ops tables of the staging warehouse, and atomic publication.

One writer by construction: Polars writes Parquet (temp file + `os.replace`), dbt alone builds the models of
the staging warehouse, the checks append their outcomes to `ops.check_results` of the staging warehouse, and
`publish_warehouse` copies the finished staging file beside the published one and renames it over it.
A reader holding a read-only connection on the published file keeps reading the old inode; it never sees a
half-written file and never blocks a run.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl


def write_parquet_atomic(df: pl.DataFrame, path: Path) -> Path:
    """Write `df` to `path` so that readers see either the old file or the complete new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        df.write_parquet(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def sweep_stale_temp_files(folders: Iterable[Path]) -> list[Path]:
    """Delete the temp files (`.<name>.*.tmp`) a killed run left behind in these folders.

    Call only while holding the run lock: then no other run can be writing one. Returns what was removed.
    """
    removed: list[Path] = []
    for folder in dict.fromkeys(folders):
        if not folder.is_dir():
            continue
        for tmp in folder.glob(".*.tmp"):
            if tmp.is_file():
                tmp.unlink(missing_ok=True)
                removed.append(tmp)
    return removed


def read_parquet_or_none(path: Path, columns: list[str] | None = None) -> pl.DataFrame | None:
    if not path.exists():
        return None
    return pl.read_parquet(path, columns=columns)


@contextmanager
def connect(path: Path, *, read_only: bool) -> Iterator[duckdb.DuckDBPyConnection]:
    """A DuckDB connection that is always closed (DuckDB caches open databases per process)."""
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only)
    try:
        yield con
    finally:
        con.close()


# ---------------------------------------------------------------------------------------------- check results

CHECK_RESULTS_DDL = """
create table if not exists ops.check_results (
    run_id varchar not null,
    checked_at timestamp not null,
    asset varchar not null,
    check_name varchar not null,
    passed boolean not null,
    severity varchar not null,
    observed_value varchar,
    details varchar
)
"""


@dataclass(frozen=True)
class CheckRow:
    asset: str  # "marts.dim_articles"
    check_name: str
    passed: bool
    severity: str  # "blocking" (stops publication) | "warning"
    observed_value: str | None
    details: str | None


def _has_table(con: duckdb.DuckDBPyConnection, schema: str, table: str, catalog: str | None = None) -> bool:
    sql = "select count(*) from information_schema.tables where table_schema = ? and table_name = ?"
    params: list[str] = [schema, table]
    if catalog:
        sql += " and table_catalog = ?"
        params.append(catalog)
    return con.execute(sql, params).fetchone()[0] > 0


def record_check_results(
    staging: Path, published: Path, run_id: str, checked_at: datetime, rows: Iterable[CheckRow]
) -> int:
    """Append check outcomes to `ops.check_results` of the staging warehouse.

    The table is not a dbt model (dbt would rebuild it); it lives on in the staging file across runs, so the
    outcomes of runs that were NOT published (a blocking check failed) are kept and published by the next
    good run. When the staging file has no history yet, the history of the published warehouse is copied in.
    """
    rows = list(rows)
    with connect(staging, read_only=False) as con:
        con.execute("create schema if not exists ops")
        fresh = not _has_table(con, "ops", "check_results")
        con.execute(CHECK_RESULTS_DDL)
        if fresh and published.exists():
            _copy_history(con, published)
        con.executemany(
            "insert into ops.check_results values (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (run_id, checked_at, r.asset, r.check_name, r.passed, r.severity, r.observed_value, r.details)
                for r in rows
            ],
        )
        con.execute("checkpoint")
    return len(rows)


def _copy_history(con: duckdb.DuckDBPyConnection, published: Path) -> None:
    try:
        con.execute(f"attach '{_sql_str(published)}' as published_wh (read_only)")
    except duckdb.Error:  # the published file is locked by a writer or unreadable: start a new history
        return
    try:
        if _has_table(con, "ops", "check_results", catalog="published_wh"):
            con.execute("insert into ops.check_results select * from published_wh.ops.check_results")
    finally:
        con.execute("detach published_wh")


def _sql_str(path: Path) -> str:
    return str(path).replace("'", "''")


# ---------------------------------------------------------------------------------------------- row counts


def table_counts(path: Path, schemas: tuple[str, ...] = ("marts", "ops")) -> dict[str, int] | None:
    """Row count of every table in the given schemas of a warehouse file ("marts.dim_articles": 5), or None."""
    if not path.exists():
        return None
    with connect(path, read_only=True) as con:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables "
            f"where table_schema in ({', '.join('?' for _ in schemas)}) order by 1, 2",
            list(schemas),
        ).fetchall()
        return {
            f"{s}.{t}": con.execute(f'select count(*) from "{s}"."{t}"').fetchone()[0] for s, t in tables
        }


# ---------------------------------------------------------------------------------------------- publication


class PublishError(RuntimeError):
    pass


def publish_warehouse(staging: Path, published: Path) -> Path:
    """Atomically replace `published` with a copy of `staging`.

    The copy goes to a temp file in the published file's folder (same filesystem), is fsync'ed, then renamed
    over the published file with `os.replace`, and the folder is fsync'ed. Readers that opened the old file
    keep reading the old inode until they reconnect.
    """
    if not staging.exists():
        raise PublishError(f"nothing to publish: {staging} does not exist")
    # Fold any write-ahead log into the staging file so the copy is self-contained.
    with connect(staging, read_only=False) as con:
        con.execute("checkpoint")
    wal = published.with_name(published.name + ".wal")
    if wal.exists():
        raise PublishError(
            f"{wal} exists: a process has the published warehouse open for writing. Close it (readers should "
            "connect read-only) and run again."
        )
    published.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{published.name}.", suffix=".tmp", dir=published.parent)
    os.close(fd)
    try:
        shutil.copyfile(staging, tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, published)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(published.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    return published
