"""The dbt warehouse as Dagster assets: staging views, marts and ops tables, with dbt tests as asset checks.

Built in factories (never at import): `dbt_project()` only names the folder; `build_dbt_assets()` reads the
manifest that `make` / CI prepared with `dbt parse` (or that `akhbar run` prepares when it is missing).
"""


import json
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
    DbtProject,
    dbt_assets,
)
from packaging import version

from orchestration.resources import AkhbarPaths, RunLock
from orchestration.settings import DBT_PROJECT_DIR, environment
from orchestration.storage import CheckRow, record_check_results

DUCKDB_POOL = "duckdb"


@cache
def dbt_project() -> DbtProject:
    return DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def dbt_executable() -> str:
    """The dbt next to this Python (the venv's), so a run never depends on PATH."""
    candidate = Path(sys.executable).parent / "dbt"
    return str(candidate) if candidate.exists() else "dbt"


def _project_files() -> Iterator[Path]:
    """The files `dbt parse` reads (as the Makefile's manifest rule lists them)."""
    for folder in ("models", "macros", "tests", "seeds"):
        yield from (p for p in (DBT_PROJECT_DIR / folder).rglob("*") if p.is_file())
    yield from (DBT_PROJECT_DIR / name for name in ("dbt_project.yml", "profiles.yml"))


def manifest_is_stale(manifest: Path) -> bool:
    """True when the manifest is missing or older than a model, macro, test, seed or project file: a model
    an analyst just added must be in the manifest the run uses."""
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    return any(p.exists() and p.stat().st_mtime > built for p in _project_files())


def ensure_manifest(force: bool = False) -> Path:
    """Run `dbt parse` when the manifest is missing or stale (a fresh clone used without make, or a model
    added since the last parse). Never at import."""
    project = dbt_project()
    manifest = Path(project.manifest_path)
    if force or manifest_is_stale(manifest):
        cmd = [dbt_executable(), "parse", "--quiet"]
        env = {**os.environ, "DBT_PROFILES_DIR": str(DBT_PROJECT_DIR)}
        subprocess.run(cmd, cwd=DBT_PROJECT_DIR, env=env, check=True, capture_output=True)
    return manifest


class AkhbarDbtCliResource(DbtCliResource):
    """DbtCliResource without two costs we do not need on every run (each is a dbt start-up, seconds of CPU):
    a `dbt --version` subprocess (dbt-core is installed beside this Python; use its version) and an in-process
    dbt adapter (only used to fetch row counts / column metadata, which we do not ask for)."""

    @cached_property
    def _cli_version(self) -> version.Version:
        from dbt.version import __version__

        return version.parse(__version__)

    def _initialize_dbt_core_adapter(self, args):
        return None


class AkhbarDbtTranslator(DagsterDbtTranslator):
    """Asset keys mirror storage: sources `raw/<table>`, models `<schema>/<model>` (staging, marts, ops)."""

    def __init__(self) -> None:
        super().__init__(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))

    @staticmethod
    def _schema(props: Mapping[str, Any]) -> str:
        return (props.get("config") or {}).get("schema") or props.get("schema") or "main"

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey([dbt_resource_props["source_name"], dbt_resource_props["name"]])
        return dg.AssetKey([self._schema(dbt_resource_props), dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "source":
            return "ingest"
        return self._schema(dbt_resource_props)


def _dotted(key: dg.AssetKey) -> str:
    return ".".join(key.path)


def _check_row(event: dg.AssetCheckResult | dg.AssetCheckEvaluation) -> CheckRow:
    metadata = {k: getattr(v, "value", v) for k, v in (event.metadata or {}).items()}
    failed = metadata.get("dagster_dbt/failed_row_count")
    status = metadata.get("status")
    severity = event.severity if isinstance(event.severity, dg.AssetCheckSeverity) else None
    return CheckRow(
        asset=_dotted(event.asset_key),
        check_name=f"dbt.{event.check_name}",
        passed=bool(event.passed),
        severity="blocking" if severity == dg.AssetCheckSeverity.ERROR else "warning",
        observed_value=None if failed is None else f"{failed} failing rows",
        details=(event.description or f"dbt test {status or ('pass' if event.passed else 'fail')}"),
    )


def _node_errors(run_results: Path) -> list[str]:
    """`<node>: <message>` for every dbt node that errored (model SQL errors, contract mismatches, ...)."""
    try:
        results = json.loads(run_results.read_text(encoding="utf-8")).get("results", [])
    except (OSError, ValueError):
        return []
    return [
        f"{r.get('unique_id')}: {' '.join(str(r.get('message') or '').split())[:500]}"
        for r in results
        if r.get("status") in ("error", "runtime error")
    ]


def build_dbt_assets() -> dg.AssetsDefinition:
    project = dbt_project()

    @dbt_assets(
        manifest=project.manifest_path,
        project=project,
        dagster_dbt_translator=AkhbarDbtTranslator(),
        name="dbt_warehouse",
        pool=DUCKDB_POOL,
    )
    def dbt_warehouse(
        context: dg.AssetExecutionContext, dbt: DbtCliResource, paths: AkhbarPaths, run_lock: RunLock
    ) -> Iterator:
        """`dbt build` into the STAGING warehouse; every dbt test result is recorded in ops.check_results."""
        s = paths.settings()
        s.staging_dir.mkdir(parents=True, exist_ok=True)
        rows: list[CheckRow] = []
        with environment(s.as_env()):
            invocation = dbt.cli(["build"], context=context, raise_on_error=False, target_path=s.dbt_target_dir)
            try:
                for event in invocation.stream():
                    if isinstance(event, dg.AssetCheckResult | dg.AssetCheckEvaluation):
                        rows.append(_check_row(event))
                    yield event
            except BaseException:
                # never leave a dbt process holding the staging warehouse after this step has failed
                if invocation.process.poll() is None:
                    invocation.process.terminate()
                    invocation.process.wait(timeout=60)
                raise
            ok = invocation.is_successful()
        record_check_results(s.staging_warehouse, s.warehouse, context.run.run_id, datetime.now(UTC).replace(tzinfo=None), rows)
        if not ok:
            failed = [f"{r.asset}: {r.check_name} ({r.observed_value or 'failed'})" for r in rows if not r.passed]
            errors = _node_errors(s.dbt_target_dir / "run_results.json")
            raise dg.Failure(
                description="dbt build failed; the warehouse is not published."
                + ("\nFailed dbt tests:\n  " + "\n  ".join(failed) if failed else "")
                + ("\ndbt errors:\n  " + "\n  ".join(errors) if errors else ""),
                metadata={"dbt_log": dg.MetadataValue.path(str(s.dbt_target_dir / "dbt.log"))},
            )

    return dbt_warehouse
