"""The one Dagster entry point: `dagster dev -m orchestration.definitions`.

Nothing happens at import: `defs` is built on first access (PEP 562 module `__getattr__`), from factories
that read the dbt manifest prepared by `make` / CI (`dbt parse`). No file listing, no database connection.

Lineage: input files -> raw/* Parquet (Polars) -> staging/* views -> marts/*, ops/* (dbt) -> checks
(dbt tests + GX suites, blocking) -> warehouse (atomic publish).
"""

from __future__ import annotations

from functools import cache

import dagster as dg

JOB_NAME = "akhbar_job"


@cache
def build_definitions() -> dg.Definitions:
    from orchestration.assets import RAW_ASSETS
    from orchestration.checks import build_gx_checks
    from orchestration.dbt import AkhbarDbtCliResource, build_dbt_assets, dbt_executable, dbt_project
    from orchestration.logs import file_logger
    from orchestration.publish import build_publish_asset
    from orchestration.resources import AkhbarPaths, RunLock
    from orchestration.sensors import build_schedule, build_sensor

    dbt_defs = build_dbt_assets()
    published_inputs = sorted(k for k in dbt_defs.keys if k.path[0] in ("marts", "ops"))
    publish = build_publish_asset(published_inputs)

    job = dg.define_asset_job(
        JOB_NAME,
        selection=dg.AssetSelection.all(),
        executor_def=dg.in_process_executor,
        description="Everything: ingest, extract, dbt build, checks, publish.",
    )
    paths = AkhbarPaths()
    return dg.Definitions(
        assets=[*RAW_ASSETS, dbt_defs, publish],
        asset_checks=build_gx_checks(),
        jobs=[job],
        schedules=[build_schedule(job)],
        sensors=[build_sensor(job)],
        resources={
            "paths": paths,
            "run_lock": RunLock(paths=paths),
            "dbt": AkhbarDbtCliResource(project_dir=dbt_project(), dbt_executable=dbt_executable()),
        },
        executor=dg.in_process_executor,
        loggers={"console": dg.colored_console_logger, "file": file_logger},
    )


def __getattr__(name: str):
    if name == "defs":
        return build_definitions()
    raise AttributeError(name)


def __dir__() -> list[str]:
    return sorted([*globals(), "defs"])
