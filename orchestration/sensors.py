"""New files start a run (sensor on the input folder); a daily schedule is the backstop."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import dagster as dg

from orchestration.locking import is_locked
from orchestration.settings import Settings

JOB_NAME = "akhbar_job"


def folder_fingerprint(folder: Path) -> str:
    """A hash of the relative names, sizes and modification times of every file under `folder`."""
    h = hashlib.sha256()
    if folder.is_dir():
        entries = []
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in files:
                if name.startswith("."):
                    continue
                p = Path(root, name)
                try:
                    st = p.stat()
                except OSError:  # vanished between listing and stat
                    continue
                entries.append(f"{p.relative_to(folder).as_posix()}\t{st.st_size}\t{st.st_mtime_ns}")
        for line in sorted(entries):
            h.update(line.encode("utf-8"))
            h.update(b"\n")
    return h.hexdigest()[:32]


def build_sensor(job: dg.UnresolvedAssetJobDefinition | dg.JobDefinition) -> dg.SensorDefinition:
    @dg.sensor(
        name="input_folder_sensor",
        job=job,
        minimum_interval_seconds=60,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Starts a run when the files in AKHBAR_INPUT_DIR change (names, sizes, mtimes).",
    )
    def input_folder_sensor(context: dg.SensorEvaluationContext):
        s = Settings.from_env()
        if not s.input_dir.is_dir():
            return dg.SkipReason(f"input folder {s.input_dir} does not exist")
        fingerprint = folder_fingerprint(s.input_dir)
        if fingerprint == context.cursor:
            return dg.SkipReason("no new or changed files")
        if is_locked(s.lock_files):
            # do not advance the cursor: the change is picked up once the running run has finished
            return dg.SkipReason("a run is in progress; will look again")
        context.update_cursor(fingerprint)
        return dg.RunRequest(run_key=fingerprint, tags={"akhbar/trigger": "input_folder_sensor"})

    return input_folder_sensor


def build_schedule(job: dg.UnresolvedAssetJobDefinition | dg.JobDefinition) -> dg.ScheduleDefinition:
    return dg.ScheduleDefinition(
        name="daily_backstop",
        job=job,
        cron_schedule="0 3 * * *",
        execution_timezone="UTC",
        default_status=dg.DefaultScheduleStatus.RUNNING,
        description="Daily full run at 03:00 UTC, in case the sensor missed a change.",
    )
