"""Run the real `akhbar` CLI with a crash injected at one stage (used by tests/robustness, in a subprocess).

    python tests/robustness/crash_runner.py STAGE MARKER_FILE run --input DIR --warehouse FILE --parquet DIR

When the run reaches STAGE, the runner writes STAGE to MARKER_FILE (proof the stage was reached) and
SIGKILLs its whole process group: itself and its children (the `dbt build` subprocess), as a power cut or
the OOM killer would. Start it with `start_new_session=True` so the group is only the run. Nothing in the
pipeline's code changes: the crash points are wrapped around the functions each stage calls.

| STAGE   | killed                                                                                       |
|---------|----------------------------------------------------------------------------------------------|
| ingest  | in the ingest asset, after raw.articles was replaced and while raw.rejected_files is half   |
|         | written (its temp file is on disk, not yet renamed)                                          |
| extract | in the events asset (the function it calls), after raw.actor_mentions/actors were written    |
| dbt     | while `dbt build` runs, after its third event (some models of the staging warehouse built)  |
| checks  | during the Great Expectations checks, after the first suite recorded its outcomes           |
| publish | during publication, after the staging warehouse was copied beside the published file and    |
|         | before the rename over it                                                                    |
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

STAGES = ("ingest", "extract", "dbt", "checks", "publish")


def _crash(stage: str, marker: Path) -> None:
    marker.write_text(stage, encoding="utf-8")
    if os.getpgid(0) == os.getpid():  # we lead our own process group: take the children (dbt) with us
        os.killpg(os.getpid(), signal.SIGKILL)
    os.kill(os.getpid(), signal.SIGKILL)


def install(stage: str, marker: Path) -> None:
    if stage == "ingest":
        import polars as pl

        write = pl.DataFrame.write_parquet

        def write_parquet(self, file, *args, **kwargs):
            write(self, file, *args, **kwargs)
            if "rejected_files" in str(file):
                _crash(stage, marker)

        pl.DataFrame.write_parquet = write_parquet
    elif stage == "extract":
        import transforms.parallel

        transforms.parallel.extract_events_with_agents_parallel = lambda *a, **k: _crash(stage, marker)
    elif stage == "dbt":
        from dagster_dbt.core.dbt_cli_invocation import DbtCliInvocation

        stream = DbtCliInvocation.stream

        def crashing_stream(self, *args, **kwargs):
            for i, event in enumerate(stream(self, *args, **kwargs)):
                if i == 3:
                    _crash(stage, marker)
                yield event

        DbtCliInvocation.stream = crashing_stream
    elif stage == "checks":
        import expectations

        run_suite, calls = expectations.run_suite, []

        def crashing_run_suite(*args, **kwargs):
            calls.append(1)
            if len(calls) == 2:
                _crash(stage, marker)
            return run_suite(*args, **kwargs)

        expectations.run_suite = crashing_run_suite
    elif stage == "publish":
        import shutil

        copyfile = shutil.copyfile

        def crashing_copyfile(src, dst, *args, **kwargs):
            result = copyfile(src, dst, *args, **kwargs)
            if str(dst).endswith(".tmp"):
                _crash(stage, marker)
            return result

        shutil.copyfile = crashing_copyfile
    else:
        raise SystemExit(f"unknown stage {stage!r}; expected one of {STAGES}")


def main(argv: list[str]) -> int:
    stage, marker, *cli_args = argv
    install(stage, Path(marker))
    from orchestration.cli import main as cli_main

    return cli_main(cli_args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
