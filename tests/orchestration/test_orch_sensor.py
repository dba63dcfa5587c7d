"""The input-folder sensor: a RunRequest when files arrive or change, nothing when nothing changed."""

import os

import dagster as dg
import pytest

from orchestration.dbt import ensure_manifest
from orchestration.definitions import build_definitions
from orchestration.locking import run_lock
from orchestration.sensors import folder_fingerprint
from orchestration.settings import Settings


@pytest.fixture
def sensor():
    ensure_manifest()
    return build_definitions().resolve_sensor_def("input_folder_sensor")


def evaluate(sensor, cursor):
    context = dg.build_sensor_context(cursor=cursor)
    result = sensor.evaluate_tick(context)
    return result, context.cursor


def test_sensor_requests_a_run_only_when_files_change(sensor, tmp_path, monkeypatch):
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text("first article", encoding="utf-8")
    monkeypatch.setenv("AKHBAR_INPUT_DIR", str(inbox))
    monkeypatch.setenv("AKHBAR_WAREHOUSE", str(tmp_path / "w.duckdb"))
    monkeypatch.setenv("AKHBAR_PARQUET_DIR", str(tmp_path / "pq"))

    result, cursor = evaluate(sensor, None)
    assert len(result.run_requests) == 1
    assert result.run_requests[0].run_key == cursor == folder_fingerprint(inbox)

    result, cursor2 = evaluate(sensor, cursor)  # nothing changed
    assert result.run_requests == [] and cursor2 == cursor
    assert "no new or changed files" in result.skip_message

    (inbox / "b.txt").write_text("second article", encoding="utf-8")
    result, cursor3 = evaluate(sensor, cursor)
    assert len(result.run_requests) == 1 and cursor3 != cursor
    assert result.run_requests[0].run_key == cursor3

    # a file rewritten in place (same name, new size) is a change too
    (inbox / "b.txt").write_text("second article, corrected", encoding="utf-8")
    result, cursor4 = evaluate(sensor, cursor3)
    assert len(result.run_requests) == 1 and cursor4 != cursor3

    # while a run holds the lock the sensor waits, without moving its cursor
    (inbox / "c.txt").write_text("third", encoding="utf-8")
    with run_lock(Settings.from_env().lock_files):
        result, cursor5 = evaluate(sensor, cursor4)
    assert result.run_requests == [] and cursor5 == cursor4
    result, _ = evaluate(sensor, cursor4)
    assert len(result.run_requests) == 1


def test_fingerprint_ignores_hidden_files_and_sees_mtimes(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    fp = folder_fingerprint(tmp_path)
    (tmp_path / ".partial.tmp").write_text("being copied")
    assert folder_fingerprint(tmp_path) == fp
    os.utime(tmp_path / "a.txt", ns=(1, 1))
    assert folder_fingerprint(tmp_path) != fp
