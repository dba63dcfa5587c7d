"""The Dagster definitions: one lineage graph from the files to the published warehouse, loaded lazily."""

import subprocess
import sys

import dagster as dg
import pytest

from orchestration.dbt import ensure_manifest
from orchestration.definitions import JOB_NAME, build_definitions
from orchestration.settings import REPO

RAW = ["articles", "rejected_files", "documents", "sentences", "actor_mentions", "actors", "statements", "events",
       "event_actors", "statement_actors"]
CONTRACT_MARTS = ["dim_articles", "dim_actors", "fct_actor_mentions", "fct_statements", "fct_events"]


@pytest.fixture(scope="module")
def defs() -> dg.Definitions:
    ensure_manifest()  # `make` prepares it; a bare `pytest` on a fresh clone needs it too
    return build_definitions()


@pytest.fixture(scope="module")
def graph(defs):
    return defs.resolve_asset_graph()


def key(s: str) -> dg.AssetKey:
    return dg.AssetKey.from_user_string(s)


def test_import_builds_nothing():
    code = (
        "import sys, orchestration.definitions as d; "
        "print(d.build_definitions.cache_info().currsize, 'dagster_dbt' in sys.modules, 'duckdb' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "False", "False"]


def test_asset_keys_and_groups(graph):
    groups = {k.to_user_string(): graph.get(k).group_name for k in graph.get_all_asset_keys()}
    for table in RAW:
        assert groups[f"raw/{table}"] == ("extract" if table in {"actor_mentions", "actors", "statements", "events",
                                                                              "event_actors", "statement_actors"}
                                          else "ingest")
        assert groups[f"staging/stg_raw__{table}"] == "staging"
    for mart in CONTRACT_MARTS:
        assert groups[f"marts/{mart}"] == "marts"
    assert groups["ops/rejected_files"] == "ops"
    assert groups["warehouse"] == "publish"
    # nothing outside the known layers (new marts may be added by the events engineer)
    assert {k.split("/")[0] for k in groups} <= {"raw", "staging", "intermediate", "marts", "ops", "warehouse"}


def test_one_lineage_graph_from_files_to_publish(graph):
    # the Polars asset that writes raw/articles is the dbt source raw.articles
    assert key("raw/articles") in graph.get(key("staging/stg_raw__articles")).parent_keys
    assert key("raw/documents") in graph.get(key("raw/sentences")).parent_keys
    assert key("staging/stg_raw__documents") in graph.get(key("marts/dim_articles")).parent_keys
    publish_parents = graph.get(key("warehouse")).parent_keys
    for mart in CONTRACT_MARTS:
        assert key(f"marts/{mart}") in publish_parents
    assert key("ops/rejected_files") in publish_parents
    # every asset reaches the published warehouse
    upstream = graph.upstream_key_iterator(key("warehouse"))
    assert {key(f"raw/{t}") for t in RAW} <= set(upstream)


def test_kinds(graph):
    assert graph.get(key("raw/articles")).kinds >= {"polars", "parquet"}
    assert graph.get(key("marts/dim_articles")).kinds >= {"dbt", "duckdb"}


def test_duckdb_pool_on_everything_touching_the_warehouse(defs, graph):
    for k in graph.get_all_asset_keys():
        node = graph.get(k)
        if k.path[0] == "raw":
            assert node.pools == set(), k  # Polars assets write Parquet only
        else:
            assert node.pools == {"duckdb"}, k
    gx = [c for c in defs.asset_checks or []]
    assert len(gx) == 4
    for checks_def in gx:
        for spec in checks_def.check_specs:
            assert spec.blocking
        assert checks_def.node_def.pool == "duckdb"


def test_checks(graph):
    checks = {c.to_user_string() for c in graph.asset_check_keys}
    for suite, mart in [("articles", "dim_articles"), ("actor_mentions", "fct_actor_mentions"),
                        ("statements", "fct_statements"), ("events", "fct_events")]:
        assert f"marts/{mart}:gx_{suite}" in checks
    # dbt tests are asset checks too: keys, relationships, enums
    assert "marts/dim_articles:unique_dim_articles_article_id" in checks
    assert "marts/fct_statements:relationships_fct_statements_article_id__article_id__ref_dim_articles_" in checks
    assert any(c.startswith("marts/fct_events:accepted_values_fct_events_event_root_code") for c in checks)


def test_job_sensor_schedule(defs):
    job = defs.resolve_job_def(JOB_NAME)
    assert job.executor_def.name == "in_process"
    sensor = defs.resolve_sensor_def("input_folder_sensor")
    assert sensor.job_name == JOB_NAME
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING
    schedule = defs.resolve_schedule_def("daily_backstop")
    assert schedule.job_name == JOB_NAME
    assert schedule.cron_schedule == "0 3 * * *"


def test_a_model_added_after_the_last_parse_makes_the_manifest_stale(tmp_path, monkeypatch):
    import os

    from orchestration import dbt as akhbar_dbt

    project = tmp_path / "dbt_project"
    (project / "models" / "marts").mkdir(parents=True)
    for name in ("dbt_project.yml", "profiles.yml"):
        (project / name).write_text("x: 1\n")
    model = project / "models" / "marts" / "dim_a.sql"
    model.write_text("select 1 as a\n")
    manifest = project / "target" / "manifest.json"
    monkeypatch.setattr(akhbar_dbt, "DBT_PROJECT_DIR", project)
    assert akhbar_dbt.manifest_is_stale(manifest)  # never parsed
    manifest.parent.mkdir()
    manifest.write_text("{}")
    os.utime(model, (1_700_000_000, 1_700_000_000))
    os.utime(manifest, (1_700_000_100, 1_700_000_100))
    for name in ("dbt_project.yml", "profiles.yml"):
        os.utime(project / name, (1_700_000_000, 1_700_000_000))
    assert not akhbar_dbt.manifest_is_stale(manifest)
    added = project / "models" / "marts" / "dim_b.sql"
    added.write_text("select 2 as b\n")
    os.utime(added, (1_700_000_200, 1_700_000_200))
    assert akhbar_dbt.manifest_is_stale(manifest)
