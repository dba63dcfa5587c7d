"""Dagster resources: the paths of a run (from the environment unless set explicitly) and the run lock."""


from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg

from orchestration.locking import run_lock
from orchestration.settings import Settings
from orchestration.storage import sweep_stale_temp_files


class AkhbarPaths(dg.ConfigurableResource):
    """Where a run reads and writes. Unset fields come from AKHBAR_* environment variables at run time."""

    input_dir: str | None = None
    parquet_dir: str | None = None
    warehouse: str | None = None
    staging_warehouse: str | None = None

    def settings(self) -> Settings:
        return Settings.from_env(
            input_dir=self.input_dir,
            parquet_dir=self.parquet_dir,
            warehouse=self.warehouse,
            staging_warehouse=self.staging_warehouse,
        )


class RunLock(dg.ConfigurableResource):
    """Holds the exclusive run lock for as long as the run's resources live.

    The job runs with the in-process executor, so resources are set up once per run: the lock is taken
    before the first step and released after the last. A second run fails at start-up with a clear message.
    """

    paths: AkhbarPaths

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator["RunLock"]:
        settings = self.paths.settings()
        with run_lock(settings.lock_files):
            removed = sweep_stale_temp_files(
                (settings.parquet_dir, settings.warehouse.parent, settings.staging_dir)
            )
            if removed:
                context.log.info(f"removed {len(removed)} temp file(s) left by an interrupted run: {removed}")
            yield self
