"""One setting per path, read from the environment, with repo-relative defaults.

The same environment variables are read by dbt's `profiles.yml` and sources (`env_var(...)`), so Dagster and
dbt always agree on where the data lives. Defaults are resolved from this file's location, never from the
current working directory. Tests point every variable at `tmp_path`.

| variable                    | default                                   |
|-----------------------------|-------------------------------------------|
| AKHBAR_INPUT_DIR            | <repo>/data/sample                        |
| AKHBAR_PARQUET_DIR          | <repo>/data/parquet                       |
| AKHBAR_WAREHOUSE            | <repo>/data/warehouse.duckdb (published)  |
| AKHBAR_STAGING_WAREHOUSE    | <warehouse dir>/.staging/<warehouse name> |
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from transforms.parallel import MIN_ARTICLES

REPO = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = REPO / "dbt_project"
DAGSTER_YAML_TEMPLATE = Path(__file__).resolve().parent / "dagster.yaml"

ENV_INPUT_DIR = "AKHBAR_INPUT_DIR"
ENV_PARQUET_DIR = "AKHBAR_PARQUET_DIR"
ENV_WAREHOUSE = "AKHBAR_WAREHOUSE"
ENV_STAGING_WAREHOUSE = "AKHBAR_STAGING_WAREHOUSE"
ENV_N_PROCESS = "AKHBAR_N_PROCESS"
ENV_PARALLEL_MIN = "AKHBAR_PARALLEL_MIN_ARTICLES"

# The Parquet tables of the raw layer, one file each: <parquet_dir>/<table>.parquet (= dbt source raw.<table>).
RAW_TABLES = (
    "articles",
    "rejected_files",
    "documents",
    "sentences",
    "actor_mentions",
    "actors",
    "statements",
    "events",
    "event_actors",
    "statement_actors",
)


def _path(value: str | os.PathLike | None, default: Path) -> Path:
    if value is None or str(value) == "":
        return default
    return Path(value).expanduser().resolve()


def _whole(value: str | os.PathLike | None, name: str, default: int) -> int:
    if value is None or not str(value).strip():
        return default
    try:
        n = int(str(value))
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {str(value)!r}") from None
    if n < 1:
        raise ValueError(f"{name} must be 1 or more, not {n}")
    return n


def _n_process(value: str | os.PathLike | None) -> int:
    """Worker processes: the value when set (>= 1), else the CPUs this process may use."""
    return _whole(value, f"worker processes (--workers, {ENV_N_PROCESS})", max(1, len(os.sched_getaffinity(0))))


@dataclass(frozen=True)
class Settings:
    input_dir: Path
    parquet_dir: Path
    warehouse: Path  # the published file readers use
    staging_warehouse: Path  # dbt builds here; checks run here; publish copies it over `warehouse`
    n_process: int = 1  # worker processes for the extraction stages (large batches only)
    parallel_min_articles: int = MIN_ARTICLES  # smaller batches run in one process

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: str | os.PathLike | None) -> Settings:
        """Settings from `env` (default: os.environ); keyword overrides (e.g. from the CLI) win."""
        env = dict(os.environ if env is None else env)

        def pick(key: str, env_key: str) -> str | os.PathLike | None:
            value = overrides.get(key)
            return value if value not in (None, "") else env.get(env_key)

        warehouse = _path(pick("warehouse", ENV_WAREHOUSE), REPO / "data" / "warehouse.duckdb")
        return cls(
            input_dir=_path(pick("input_dir", ENV_INPUT_DIR), REPO / "data" / "sample"),
            parquet_dir=_path(pick("parquet_dir", ENV_PARQUET_DIR), REPO / "data" / "parquet"),
            warehouse=warehouse,
            staging_warehouse=_path(
                pick("staging_warehouse", ENV_STAGING_WAREHOUSE), warehouse.parent / ".staging" / warehouse.name
            ),
            n_process=_n_process(pick("n_process", ENV_N_PROCESS)),
            parallel_min_articles=_whole(pick("parallel_min_articles", ENV_PARALLEL_MIN), ENV_PARALLEL_MIN,
                                         MIN_ARTICLES),
        )

    def as_env(self) -> dict[str, str]:
        """The environment variables that describe these settings (for dbt and for child processes)."""
        return {
            ENV_INPUT_DIR: str(self.input_dir),
            ENV_PARQUET_DIR: str(self.parquet_dir),
            ENV_WAREHOUSE: str(self.warehouse),
            ENV_STAGING_WAREHOUSE: str(self.staging_warehouse),
            ENV_N_PROCESS: str(self.n_process),
            ENV_PARALLEL_MIN: str(self.parallel_min_articles),
        }

    def parquet_path(self, table: str) -> Path:
        return self.parquet_dir / f"{table}.parquet"

    @property
    def staging_dir(self) -> Path:
        return self.staging_warehouse.parent

    @property
    def dbt_target_dir(self) -> Path:
        """dbt artifacts and logs of the last run (beside the staging warehouse, overwritten each run)."""
        return self.staging_dir / "dbt_target"

    @property
    def lock_files(self) -> tuple[Path, ...]:
        """Lock files a run holds: one for the Parquet folder, one for the warehouse it builds and publishes."""
        return tuple(
            sorted({self.parquet_dir / ".akhbar.lock", self.warehouse.parent / f".{self.warehouse.name}.lock"})
        )


def default_dagster_home() -> Path:
    return REPO / "data" / ".dagster_home"


def ensure_dagster_home(home: Path | None = None) -> Path:
    """Create DAGSTER_HOME (default data/.dagster_home) with the committed dagster.yaml if it has none."""
    home = Path(home or os.environ.get("DAGSTER_HOME") or default_dagster_home())
    home.mkdir(parents=True, exist_ok=True)
    target = home / "dagster.yaml"
    if not target.exists():
        target.write_text(DAGSTER_YAML_TEMPLATE.read_text(encoding="utf-8"), encoding="utf-8")
    return home


@contextmanager
def environment(values: Mapping[str, str]) -> Iterator[None]:
    """Set environment variables for the duration of the block (dbt and the resources read them there)."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
