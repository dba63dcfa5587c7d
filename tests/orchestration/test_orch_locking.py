"""One run at a time: a second run is refused at once with a clear message; a dead holder frees the lock."""

import subprocess
import sys
import time

import pytest

from orchestration import cli
from orchestration.locking import RunInProgressError, is_locked, run_lock
from orchestration.settings import REPO, Settings

HOLD = """
import sys, time
from orchestration.locking import run_lock
from pathlib import Path
with run_lock(tuple(Path(p) for p in sys.argv[1:])):
    print("locked", flush=True)
    time.sleep(120)
"""


@pytest.fixture
def settings(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    s = Settings.from_env({}, input_dir=tmp_path / "in", warehouse=tmp_path / "w.duckdb",
                          parquet_dir=tmp_path / "pq")
    for k, v in s.as_env().items():
        monkeypatch.setenv(k, v)
    return s


@pytest.fixture
def holder(settings):
    proc = subprocess.Popen([sys.executable, "-c", HOLD, *map(str, settings.lock_files)], cwd=REPO,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    yield proc
    proc.kill()
    proc.wait()


def test_second_run_is_refused_with_a_clear_message(settings, holder, capsys):
    assert is_locked(settings.lock_files)
    with pytest.raises(RunInProgressError, match=f"another akhbar run is in progress \\(pid {holder.pid}"):
        with run_lock(settings.lock_files):
            pass
    code = cli.main(["run", "--input", str(settings.input_dir), "--warehouse", str(settings.warehouse),
                     "--parquet", str(settings.parquet_dir)])
    assert code == cli.EXIT_LOCKED
    err = capsys.readouterr().err
    assert "refused to start: another akhbar run is in progress" in err
    assert not settings.warehouse.exists()


def test_lock_is_released_when_the_holder_dies(settings, holder):
    holder.kill()
    holder.wait()
    deadline = time.monotonic() + 10
    while is_locked(settings.lock_files) and time.monotonic() < deadline:
        time.sleep(0.05)
    with run_lock(settings.lock_files):
        assert is_locked(settings.lock_files)
    assert not is_locked(settings.lock_files)


def test_lock_is_reentrant_in_one_process(settings):
    with run_lock(settings.lock_files):
        with run_lock(settings.lock_files):  # the CLI holds it, the run's resource takes it again
            pass
        assert is_locked(settings.lock_files)
        proc = subprocess.run([sys.executable, "-c", HOLD, *map(str, settings.lock_files)], cwd=REPO,
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode != 0 and "another akhbar run is in progress" in proc.stderr
    assert not is_locked(settings.lock_files)


def test_a_dagster_run_started_elsewhere_fails_at_start_while_the_lock_is_held(settings, holder):
    """Runs from the UI, the sensor or the schedule take the same lock, through the run_lock resource."""
    import dagster as dg

    from orchestration.definitions import JOB_NAME, build_definitions
    from orchestration.settings import environment

    with environment(settings.as_env()):
        result = build_definitions().resolve_job_def(JOB_NAME).execute_in_process(
            instance=dg.DagsterInstance.ephemeral(), raise_on_error=False)
    assert not result.success
    errors = cli._step_errors(result)
    assert any("another akhbar run is in progress" in e for e in errors), errors
    assert not settings.parquet_path("articles").exists()  # nothing ran


def test_temp_files_of_a_killed_run_are_swept_once_the_lock_is_taken(settings):
    """A run SIGKILLed mid-write leaves `.<name>.*.tmp` files; the next run removes them, and nothing else."""
    import dagster as dg

    from orchestration.resources import AkhbarPaths, RunLock
    from orchestration.storage import sweep_stale_temp_files

    settings.parquet_dir.mkdir(parents=True)
    settings.staging_dir.mkdir(parents=True)
    stale = [
        settings.parquet_dir / ".articles.parquet.k2j3.tmp",
        settings.warehouse.parent / f".{settings.warehouse.name}.x9y8.tmp",
        settings.staging_dir / ".events.parquet.abcd.tmp",
    ]
    keep = [settings.parquet_dir / "articles.parquet", settings.warehouse.parent / "notes.tmp"]
    for p in stale + keep:
        p.write_bytes(b"partial")

    with dg.build_resources({"run_lock": RunLock(paths=AkhbarPaths())}):
        assert is_locked(settings.lock_files)
        assert [p.exists() for p in stale] == [False, False, False]
    assert all(p.exists() for p in keep)
    assert not is_locked(settings.lock_files)
    assert sweep_stale_temp_files([settings.parquet_dir, settings.parquet_dir / "absent"]) == []
