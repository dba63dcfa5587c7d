"""The `akhbar` command: `akhbar run` (the whole pipeline through Dagster) and `akhbar sql` (query).

    akhbar run [--input DIR] [--warehouse FILE] [--parquet DIR]
    akhbar sql "SELECT ..." [--warehouse FILE] [--max-rows N]

Exit codes: 0 success; 1 the run failed (a blocking check failed or a step broke; the published warehouse is
left untouched); 2 usage error (e.g. no published warehouse yet); 3 another run holds the lock.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from orchestration.settings import Settings, environment

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 3


@dataclass
class RunSummary:
    success: bool
    run_id: str
    settings: Settings
    published: bool
    articles: int | None = None
    rejected: list[tuple[str, str]] = field(default_factory=list)
    table_counts: dict[str, int] = field(default_factory=dict)
    checks_passed: int = 0
    checks_failed: list[tuple] = field(default_factory=list)  # (asset, check_name, severity, observed, details)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    log_file: Path | None = None

    @property
    def blocking_failed(self) -> list[tuple]:
        return [c for c in self.checks_failed if c[2] == "blocking"]


def run_pipeline(settings: Settings, *, instance=None, quiet: bool = True) -> RunSummary:
    """Materialise everything (the `akhbar_job`) in-process for these settings and summarise the run.

    Takes the run lock first (raises `RunInProgressError` when another run holds it). The settings are put in
    the environment for the duration of the run, where the Dagster resources and dbt read them.
    """
    import dagster as dg

    from orchestration.dbt import ensure_manifest
    from orchestration.definitions import JOB_NAME, build_definitions
    from orchestration.locking import run_lock

    ensure_manifest()
    log_file = settings.staging_dir / "last_run.log"
    with run_lock(settings.lock_files), environment(settings.as_env()):
        if log_file.exists():
            log_file.unlink()
        job = build_definitions().resolve_job_def(JOB_NAME)
        run_config = {
            "loggers": {
                "console": {"config": {"log_level": "CRITICAL" if quiet else "INFO"}},
                "file": {"config": {"path": str(log_file), "log_level": "DEBUG"}},
            }
        }
        log_file.parent.mkdir(parents=True, exist_ok=True)
        # dagster-dbt re-emits dbt's console output on stdout: keep it in the log file unless verbose.
        with open(log_file, "a", encoding="utf-8") as raw_log:
            with contextlib.redirect_stdout(raw_log) if quiet else contextlib.nullcontext():
                result = job.execute_in_process(
                    run_config=run_config,
                    instance=instance or dg.DagsterInstance.ephemeral(),
                    raise_on_error=False,
                )
    return summarise(result, settings, log_file)


def _error_text(err) -> str:
    message = (err.message or "").strip() if err else ""
    cause = err.cause if err else None
    while cause is not None:
        message += "\n  caused by: " + (cause.message or "").strip()
        cause = cause.cause
    return message


def _step_errors(result) -> list[str]:
    """The errors of failed steps and of resources that could not start, as a person reads them."""
    errors = []
    for event in result.all_events:
        if event.is_step_failure:
            errors.append(f"{event.step_key}: {_error_text(event.step_failure_data.error)}")
        elif event.event_type_value == "RESOURCE_INIT_FAILURE":
            errors.append(f"resources: {_error_text(event.event_specific_data.error)}")
    return errors


def summarise(result, settings: Settings, log_file: Path | None = None) -> RunSummary:
    import polars as pl

    from orchestration.storage import connect, table_counts

    run_id = result.run_id
    published = any(
        e.is_step_materialization and e.asset_key is not None and e.asset_key.path == ["warehouse"]
        for e in result.all_events
    )
    summary = RunSummary(
        success=result.success, run_id=run_id, settings=settings, published=published, log_file=log_file
    )
    articles = settings.parquet_path("articles")
    if articles.exists():
        summary.articles = pl.read_parquet(articles, columns=["article_id"]).height
    rejected = settings.parquet_path("rejected_files")
    if rejected.exists():
        summary.rejected = [
            (r["source_file"], r["reason"]) for r in pl.read_parquet(rejected).iter_rows(named=True)
        ]
    import duckdb

    try:
        summary.table_counts = table_counts(settings.warehouse if published else settings.staging_warehouse) or {}
        if settings.staging_warehouse.exists():
            with connect(settings.staging_warehouse, read_only=True) as con:
                has = con.execute(
                    "select count(*) from information_schema.tables "
                    "where table_schema = 'ops' and table_name = 'check_results'"
                ).fetchone()[0]
                if has:
                    rows = con.execute(
                        "select asset, check_name, severity, observed_value, details, passed "
                        "from ops.check_results where run_id = ? order by asset, check_name",
                        [run_id],
                    ).fetchall()
                    summary.checks_passed = sum(1 for r in rows if r[5])
                    summary.checks_failed = [r[:5] for r in rows if not r[5]]
    except duckdb.Error as exc:  # the summary must never hide the run's own outcome
        summary.notes.append(f"could not read the warehouse for the summary: {exc}")
    summary.errors = _step_errors(result)
    return summary


def print_summary(summary: RunSummary, out=None) -> None:
    out = out or sys.stdout
    s = summary.settings
    w = out.write
    w(f"akhbar run {summary.run_id[:8]}  input: {s.input_dir}\n")
    w(f"  articles ingested: {summary.articles if summary.articles is not None else 'n/a'}"
      f"   files rejected: {len(summary.rejected)}\n")
    for source_file, reason in summary.rejected[:20]:
        w(f"    rejected {source_file}: {reason}\n")
    if len(summary.rejected) > 20:
        w(f"    ... and {len(summary.rejected) - 20} more (see ops.rejected_files)\n")
    where = "published warehouse" if summary.published else "staging warehouse (NOT published)"
    if summary.table_counts:
        w(f"  rows per table ({where}):\n")
        for table, n in summary.table_counts.items():
            if table != "ops.check_results":
                w(f"    {table:<28} {n:>8}\n")
    w(f"  checks: {summary.checks_passed} passed, {len(summary.checks_failed)} failed"
      f" ({len(summary.blocking_failed)} blocking)\n")
    for asset, check, severity, observed, details in summary.checks_failed:
        w(f"    FAILED [{severity}] {asset} {check}: {details}"
          + (f" (observed: {observed})" if observed else "") + "\n")
    if summary.success:
        w(f"  published: {s.warehouse}\n")
    else:
        w(f"  RUN FAILED: the published warehouse {s.warehouse} was left untouched.\n")
        for err in summary.errors:
            w(f"    {err}\n")
    for note in summary.notes:
        w(f"  note: {note}\n")
    if summary.log_file:
        w(f"  log: {summary.log_file}\n")


def _quiet() -> None:
    warnings.filterwarnings("ignore")
    for name in ("dagster", "dagster_dbt", "dbt", "great_expectations", "py.warnings"):
        logging.getLogger(name).setLevel(logging.ERROR)


def cmd_run(args: argparse.Namespace) -> int:
    from orchestration.locking import RunInProgressError

    if not args.verbose:
        _quiet()
    try:
        settings = Settings.from_env(input_dir=args.input, warehouse=args.warehouse, parquet_dir=args.parquet,
                                     n_process=args.workers)
    except ValueError as exc:
        print(f"akhbar: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not settings.input_dir.is_dir():
        print(f"akhbar: input folder {settings.input_dir} does not exist", file=sys.stderr)
        return EXIT_USAGE
    try:
        summary = run_pipeline(settings, quiet=not args.verbose)
    except RunInProgressError as exc:
        print(f"akhbar: refused to start: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    print_summary(summary)
    return EXIT_OK if summary.success else EXIT_FAILED


def query(warehouse: Path, sql: str) -> tuple[list[str], list[tuple]]:
    from orchestration.storage import connect

    with connect(warehouse, read_only=True) as con:
        cur = con.execute(sql)
        columns = [d[0] for d in cur.description] if cur.description else []
        return columns, cur.fetchall() if columns else []


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb
    from tabulate import tabulate

    warehouse = Settings.from_env(warehouse=args.warehouse).warehouse
    if not warehouse.exists():
        print(f"akhbar: no published warehouse at {warehouse}; run `akhbar run` first", file=sys.stderr)
        return EXIT_USAGE
    try:
        columns, rows = query(warehouse, args.query)
    except duckdb.Error as exc:
        print(f"akhbar: {exc}", file=sys.stderr)
        return EXIT_USAGE
    shown = rows[: args.max_rows] if args.max_rows else rows
    print(tabulate(shown, headers=columns, tablefmt="simple", disable_numparse=True, missingval="NULL"))
    if len(shown) < len(rows):
        print(f"... {len(rows) - len(shown)} more rows (use --max-rows 0 for all)")
    print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="akhbar", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="ingest, extract, build, check and publish the warehouse")
    run.add_argument("--input", metavar="DIR", help="input folder (default AKHBAR_INPUT_DIR or data/sample)")
    run.add_argument(
        "--warehouse", metavar="FILE", help="published DuckDB file (default AKHBAR_WAREHOUSE or data/warehouse.duckdb)"
    )
    run.add_argument("--parquet", metavar="DIR", help="raw Parquet folder (default AKHBAR_PARQUET_DIR or data/parquet)")
    run.add_argument("--workers", metavar="N", help="processes for the extraction (default AKHBAR_N_PROCESS or all CPUs)")
    run.add_argument("-v", "--verbose", action="store_true", help="show the Dagster and dbt log on the console")
    run.set_defaults(func=cmd_run)
    sql = sub.add_parser("sql", help="query the published warehouse (read-only) and print a table")
    sql.add_argument("query", help='SQL, e.g. "select title, language from marts.dim_articles"')
    sql.add_argument("--warehouse", metavar="FILE", help="DuckDB file (default AKHBAR_WAREHOUSE)")
    sql.add_argument("--max-rows", type=int, default=200, help="rows to print (0 = all; default 200)")
    sql.set_defaults(func=cmd_sql)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
