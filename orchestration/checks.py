"""Great Expectations suites as blocking Dagster asset checks on the marts of the staging warehouse.

Each suite (`expectations.run_suite`) returns a list of outcomes; the check maps them to ONE
AssetCheckResult (severity ERROR when a blocking outcome failed, which stops publication; WARN when only
warnings failed) and appends every outcome to `ops.check_results`. The previous published row counts feed
the suites' row-count-jump checks.
"""


from collections.abc import Sequence
from datetime import UTC, datetime

import dagster as dg
import duckdb

from orchestration.dbt import DUCKDB_POOL
from orchestration.resources import AkhbarPaths, RunLock
from orchestration.storage import CheckRow, connect, record_check_results, table_counts

# suite -> the mart it checks
SUITE_ASSETS: dict[str, dg.AssetKey] = {
    "articles": dg.AssetKey(["marts", "dim_articles"]),
    "actor_mentions": dg.AssetKey(["marts", "fct_actor_mentions"]),
    "statements": dg.AssetKey(["marts", "fct_statements"]),
    "events": dg.AssetKey(["marts", "fct_events"]),
}


def _rows_from_outcomes(suite: str, asset: str, outcomes: Sequence) -> list[CheckRow]:
    return [
        CheckRow(
            asset=asset,
            check_name=f"gx.{suite}.{o.check_name}",
            passed=bool(o.passed),
            severity="blocking" if o.severity == "blocking" else "warning",
            observed_value=None if o.observed_value is None else str(o.observed_value),
            details=o.details,
        )
        for o in outcomes
    ]


def run_gx_suite(suite: str, asset_key: dg.AssetKey, paths: AkhbarPaths, run_id: str) -> dg.AssetCheckResult:
    import expectations

    s = paths.settings()
    asset = ".".join(asset_key.path)
    try:
        previous = table_counts(s.warehouse)
    except duckdb.Error:  # e.g. someone holds the published file open for writing: no row-count baseline
        previous = None
    try:
        with connect(s.staging_warehouse, read_only=True) as con:
            outcomes = list(expectations.run_suite(suite, con, previous_counts=previous))
        rows = _rows_from_outcomes(suite, asset, outcomes)
    except Exception as exc:  # a suite that crashes must stop publication, not be ignored
        rows = [
            CheckRow(asset, f"gx.{suite}.suite_error", False, "blocking", None, f"{type(exc).__name__}: {exc}")
        ]
    record_check_results(s.staging_warehouse, s.warehouse, run_id, datetime.now(UTC).replace(tzinfo=None), rows)

    failed = [r for r in rows if not r.passed]
    blocking_failed = [r for r in failed if r.severity == "blocking"]
    summary = (
        f"{len(rows) - len(failed)}/{len(rows)} expectations passed"
        + (f"; {len(blocking_failed)} blocking failed" if blocking_failed else "")
    )
    return dg.AssetCheckResult(
        asset_key=asset_key,
        check_name=f"gx_{suite}",
        passed=not failed,
        severity=dg.AssetCheckSeverity.ERROR if blocking_failed else dg.AssetCheckSeverity.WARN,
        description=summary,
        metadata={
            "expectations": len(rows),
            "failed": len(failed),
            "blocking_failed": len(blocking_failed),
            "failures": dg.MetadataValue.md(
                "\n".join(f"- **{r.check_name}** ({r.severity}): {r.details} [observed: {r.observed_value}]"
                          for r in failed) or "none"
            ),
            "previous_counts": dg.MetadataValue.json(previous or {}),
        },
    )


def _make_check(suite: str, asset_key: dg.AssetKey) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=asset_key,
        name=f"gx_{suite}",
        blocking=True,
        pool=DUCKDB_POOL,
        description=f"Great Expectations suite '{suite}' (expectations/); blocking outcomes stop publication.",
    )
    def _check(context: dg.AssetCheckExecutionContext, paths: AkhbarPaths, run_lock: RunLock):
        return run_gx_suite(suite, asset_key, paths, context.run.run_id)

    return _check


def build_gx_checks() -> list[dg.AssetChecksDefinition]:
    return [_make_check(suite, key) for suite, key in SUITE_ASSETS.items()]
