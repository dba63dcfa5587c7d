import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from orchestration.settings import DAGSTER_YAML_TEMPLATE, REPO, Settings, ensure_dagster_home


def test_defaults_are_repo_relative_not_cwd_relative(tmp_path):
    code = "from orchestration.settings import Settings; s = Settings.from_env({}); print(s.warehouse, s.input_dir)"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(REPO)})
    warehouse, input_dir = out.stdout.split()
    assert Path(warehouse) == REPO / "data" / "warehouse.duckdb"
    assert Path(input_dir) == REPO / "data" / "sample"
    s = Settings.from_env({})
    assert s.parquet_dir == REPO / "data" / "parquet"
    assert s.staging_warehouse == REPO / "data" / ".staging" / "warehouse.duckdb"


def test_environment_and_overrides(tmp_path):
    env = {"AKHBAR_INPUT_DIR": str(tmp_path / "in"), "AKHBAR_WAREHOUSE": str(tmp_path / "w" / "x.duckdb")}
    s = Settings.from_env(env)
    assert s.input_dir == tmp_path / "in"
    # the staging file follows the published one unless set
    assert s.staging_warehouse == tmp_path / "w" / ".staging" / "x.duckdb"
    s2 = Settings.from_env(env, input_dir=tmp_path / "other", warehouse=None)
    assert s2.input_dir == tmp_path / "other"
    assert s2.warehouse == tmp_path / "w" / "x.duckdb"
    assert Settings.from_env(s.as_env()) == s


def test_dbt_profile_reads_the_same_variables():
    profile = (REPO / "dbt_project" / "profiles.yml").read_text()
    sources = (REPO / "dbt_project" / "models" / "staging" / "_raw__sources.yml").read_text()
    assert "env_var('AKHBAR_STAGING_WAREHOUSE'" in profile
    assert "env_var('AKHBAR_PARQUET_DIR'" in sources


def test_dagster_home_gets_the_pool_limit(tmp_path):
    import dagster as dg

    home = ensure_dagster_home(tmp_path / "home")
    assert (home / "dagster.yaml").read_text() == DAGSTER_YAML_TEMPLATE.read_text()
    assert yaml.safe_load(DAGSTER_YAML_TEMPLATE.read_text())["concurrency"]["pools"]["default_limit"] == 1
    instance = dg.DagsterInstance.from_config(str(home))
    try:
        info = instance.event_log_storage.get_concurrency_info("duckdb")
        assert info.limit == 1
        assert instance.get_concurrency_config().run_queue_config.max_concurrent_runs == 1
    finally:
        instance.dispose()


def test_worker_processes_default_to_the_usable_cpus_and_can_be_set():
    assert Settings.from_env({}).n_process == len(os.sched_getaffinity(0))
    assert Settings.from_env({"AKHBAR_N_PROCESS": "1"}).n_process == 1
    assert Settings.from_env({"AKHBAR_N_PROCESS": "3"}).as_env()["AKHBAR_N_PROCESS"] == "3"
    for bad, says in (("0", "1 or more"), ("two", "whole number")):
        with pytest.raises(ValueError, match=says):
            Settings.from_env({"AKHBAR_N_PROCESS": bad})
