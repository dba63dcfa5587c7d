"""Great Expectations suites for every layer, runnable without Dagster. (STUB: the quality owner fills this.)

Interface used by orchestration (asset checks) and by the tests:

    outcomes = run_suite("articles", con, previous_counts={"marts.dim_articles": 5})

`con` is a DuckDB connection to the built (not yet published) warehouse; `previous_counts` maps table name
to its row count in the last published warehouse (None on the first run).
"""

from __future__ import annotations

from dataclasses import dataclass

SUITES = ("articles", "actor_mentions", "statements", "events")


@dataclass(frozen=True)
class CheckOutcome:
    suite: str  # one of SUITES
    check_name: str
    passed: bool
    severity: str  # "blocking" (stops publication) | "warning"
    observed_value: str | None
    details: str


def run_suite(suite: str, con, previous_counts: dict[str, int] | None = None) -> list[CheckOutcome]:
    return []
