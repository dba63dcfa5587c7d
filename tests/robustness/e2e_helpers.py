"""Helpers of the end-to-end robustness tests: workspaces, runs, and tables read back as values.

Run-time columns, left out only when two different workspaces are compared:
- `marts.dim_articles.ingested_at` and `ops.rejected_files.rejected_at`: the time that workspace first saw
  the content or first rejected the file. Within one workspace both are kept across runs and compared.
`ops.check_results` is a per-run history and is never compared.
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import duckdb
import pytest

from orchestration import cli
from orchestration.settings import REPO, Settings
from transforms.common import stable_id

SAMPLE = REPO / "data" / "sample"
MARTS = {
    "marts.dim_articles": "article_id",
    "marts.dim_actors": "actor_id",
    "marts.fct_actor_mentions": "mention_id",
    "marts.fct_statements": "statement_id",
    "marts.fct_events": "event_id",
    "ops.rejected_files": "source_file",
}
FACTS = ("marts.fct_actor_mentions", "marts.fct_statements", "marts.fct_events")
RUN_TIME_COLUMNS: dict[str, list[str]] = {}  # within one workspace: every column is compared
RUN_TIME_COLUMNS_ACROSS = {"marts.dim_articles": ["ingested_at"], "ops.rejected_files": ["rejected_at"]}

ADDED_NAME = "005_tunisia_talks.txt"
ADDED = """Tunisia and Algeria agree to reopen border crossings

TUNIS – Tunisia and Algeria agreed on Tuesday to reopen three border crossings closed since the pandemic,
the Tunisian presidency said in a statement.

"The two countries will work together to secure the border and fight smuggling," Tunisian President Kais
Saied said after meeting Algerian Prime Minister Nadir Larbaoui in Tunis.

Larbaoui said Algeria would send a delegation to Tunis next month to prepare a joint security committee.
"""


def seed_article_ids() -> dict[str, str]:
    """source_file -> article_id of the five seeds (stable_id of the raw bytes' sha256, as ingest does)."""
    return {
        p.name: stable_id(hashlib.sha256(p.read_bytes()).hexdigest()) for p in sorted(SAMPLE.glob("*.txt"))
    }


def workspace(root: Path) -> Settings:
    return Settings.from_env(
        {}, input_dir=root / "in", warehouse=root / "warehouse.duckdb", parquet_dir=root / "parquet"
    )


def run(s: Settings) -> cli.RunSummary:
    """One in-process run of the whole pipeline; the test fails with the CLI's summary if it did not publish."""
    return run_summary_or_fail(cli.run_pipeline(s))


def run_summary_or_fail(summary: cli.RunSummary) -> cli.RunSummary:
    if not summary.success:
        out = io.StringIO()
        cli.print_summary(summary, out)
        pytest.fail(f"run failed:\n{out.getvalue()}")
    return summary


def rows(path: Path, table: str, exclude: list[str] | None = None) -> list[dict]:
    """Every row of a table (all columns but `exclude`) as dicts, sorted: the table's content as a value."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        cols = [r[0] for r in con.execute(f"describe {table}").fetchall() if r[0] not in (exclude or [])]
        select = ", ".join(f'"{c}"' for c in cols)
        result = con.execute(f"select {select} from {table} order by all").fetchall()
        return [dict(zip(cols, r, strict=True)) for r in result]
    finally:
        con.close()


def content_digest(table_rows: list[dict], exclude: list[str] | None = None) -> str:
    return hashlib.sha256(
        repr([tuple((k, v) for k, v in r.items() if k not in (exclude or [])) for r in table_rows]).encode()
    ).hexdigest()


def snapshot(path: Path) -> dict:
    """Rows, ids and content digests of every mart (and ops.rejected_files) of a warehouse file."""
    all_rows = {t: rows(path, t) for t in MARTS}
    return {
        "rows": all_rows,
        "ids": {t: {r[c] for r in all_rows[t]} for t, c in MARTS.items()},
        "digests": {t: content_digest(r, RUN_TIME_COLUMNS.get(t)) for t, r in all_rows.items()},
        "digests_across_workspaces": {
            t: content_digest(r, RUN_TIME_COLUMNS_ACROSS.get(t)) for t, r in all_rows.items()
        },
    }


def counts(path: Path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in MARTS}
    finally:
        con.close()


def file_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli_args(s: Settings) -> list[str]:
    return [
        "run",
        "--input",
        str(s.input_dir),
        "--warehouse",
        str(s.warehouse),
        "--parquet",
        str(s.parquet_dir),
    ]


def child_env() -> dict[str, str]:
    """Environment of a CLI subprocess: the repo importable even without an installed package."""
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p),
    }
