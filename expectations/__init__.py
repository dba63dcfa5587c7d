"""Great Expectations suites for every layer, runnable without Dagster.

Interface used by orchestration (asset checks) and by the tests:

    outcomes = run_suite("articles", con, previous_counts={"marts.dim_articles": 5})

`con` is a DuckDB connection to the built (not yet published) warehouse; `previous_counts` maps table name
(`marts.dim_articles` or `dim_articles`) to its row count in the last published warehouse (None on the
first run). A blocking outcome that did not pass must stop publication.

The suites are reviewed code in `expectations/suites.py`; thresholds, enums and severities are data in
`expectations/thresholds.json`, the page-furniture phrases in `expectations/furniture_phrases.csv`.
Great Expectations is imported lazily on the first `run_suite` call (about 10 s, once per process).
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
    """Every check of `suite` on the warehouse behind `con`, in the order of `check_names(suite)`."""
    if suite not in SUITES:
        raise ValueError(f"unknown suite {suite!r}; expected one of {SUITES}")
    from expectations.runner import run_frames

    return run_frames(suite, con, previous_counts)


def check_names(suite: str) -> list[str]:
    """The names of the checks `run_suite(suite, ...)` reports (stable; usable for Dagster check specs).

    Cheap: does not import Great Expectations.
    """
    from expectations.config import load_config
    from expectations.runner import all_checks
    from expectations.suites import BUILDERS

    cfg = load_config()
    names = []
    for frame in BUILDERS[suite](cfg):
        names += [u[0] for u in frame.unavailable] + [c.name for c in all_checks(frame)]
    return names


def blocking_failures(outcomes: list[CheckOutcome]) -> list[CheckOutcome]:
    """The outcomes that must stop publication."""
    return [o for o in outcomes if o.severity == "blocking" and not o.passed]


def summarize(outcomes: list[CheckOutcome]) -> str:
    """One line per failed check, blocking first: what the CLI prints when a run is stopped."""
    failed = sorted((o for o in outcomes if not o.passed), key=lambda o: o.severity != "blocking")
    return "\n".join(
        f"[{o.severity}] {o.suite}.{o.check_name}: {o.observed_value or '-'}: {o.details}" for o in failed
    )
