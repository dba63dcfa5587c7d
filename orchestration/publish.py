"""The publish asset: copy the checked staging warehouse over the published one, atomically.

It depends on every mart and ops model, so Dagster runs it only after the dbt build succeeded (failing dbt
tests fail the build) and after every blocking asset check on those marts passed.
"""


from collections.abc import Sequence

import dagster as dg

from orchestration.dbt import DUCKDB_POOL
from orchestration.resources import AkhbarPaths, RunLock
from orchestration.storage import publish_warehouse, table_counts

PUBLISHED_KEY = dg.AssetKey(["warehouse"])


def build_publish_asset(deps: Sequence[dg.AssetKey]) -> dg.AssetsDefinition:
    @dg.asset(
        key=PUBLISHED_KEY,
        deps=list(deps),
        group_name="publish",
        kinds={"duckdb"},
        pool=DUCKDB_POOL,
        description="The published warehouse (AKHBAR_WAREHOUSE): replaced atomically after the checks passed.",
    )
    def warehouse(context: dg.AssetExecutionContext, paths: AkhbarPaths, run_lock: RunLock) -> dg.MaterializeResult:
        s = paths.settings()
        path = publish_warehouse(s.staging_warehouse, s.warehouse)
        counts = table_counts(path) or {}
        context.log.info(f"published {path}")
        return dg.MaterializeResult(
            metadata={
                "path": dg.MetadataValue.path(str(path)),
                "row_counts": dg.MetadataValue.json(counts),
                **{f"rows/{k}": v for k, v in counts.items()},
            }
        )

    return warehouse
