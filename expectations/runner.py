"""Runs a suite with Great Expectations 1.x and maps each expectation result to a `CheckOutcome`.

One ephemeral GX context per process (GX takes ~10 s to import; nothing is imported until the first run),
one pandas data source with one whole-dataframe batch definition, and one `ExpectationSuite` +
`ValidationDefinition` per frame, built once and reused: each run only passes the frame and the run's
row-count bounds (`expectation_parameters`).
"""

from __future__ import annotations

import math
import os
import threading
from typing import Any

from expectations.config import Config, load_config
from expectations.suites import BLOCKING, BUILDERS, WARNING, Check, Frame

_LOCK = threading.RLock()
_GX: dict[str, Any] = {}
_VALIDATIONS: dict[tuple, Any] = {}
_EXAMPLES = 5


def _gx() -> dict[str, Any]:
    """The process-wide GX context, data source and batch definition (created on first use)."""
    if not _GX:
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")  # offline: no usage statistics
        import great_expectations as gx
        import great_expectations.expectations as gxe
        from great_expectations.data_context.types.base import ProgressBarsConfig

        context = gx.get_context(mode="ephemeral")
        context.variables.progress_bars = ProgressBarsConfig(globally=False)
        source = context.data_sources.add_pandas("akhbar_warehouse")
        asset = source.add_dataframe_asset("frame")
        _GX.update(
            gx=gx,
            gxe=gxe,
            context=context,
            batch_definition=asset.add_batch_definition_whole_dataframe("whole_frame"),
        )
    return _GX


def row_count_checks(frame: Frame) -> list[Check]:
    short = frame.table.split(".")[-1]
    return [
        Check(
            f"{short}_row_count_not_collapsed",
            BLOCKING,
            "ExpectTableRowCountToBeBetween",
            {"min_value": {"$PARAMETER": "rows_min"}, "max_value": None},
            f"{frame.table} did not collapse against the last published warehouse",
        ),
        Check(
            f"{short}_row_count_not_jumped",
            WARNING,
            "ExpectTableRowCountToBeBetween",
            {"min_value": 0, "max_value": {"$PARAMETER": "rows_max"}},
            f"{frame.table} did not jump against the last published warehouse",
        ),
    ]


def row_count_bounds(previous: int | None, cfg: Config) -> tuple[int, int | None]:
    """(min rows, max rows or None) allowed now, given the last published count (None: first run)."""
    rc = cfg.thresholds["row_count"]
    if not previous:
        return 0, None
    if previous >= rc["min_previous"]:
        return math.ceil(previous * rc["collapse_ratio"]), math.floor(previous * rc["jump_ratio"])
    return 1, None  # a small table may shrink, but a non-empty one must not vanish


def all_checks(frame: Frame) -> list[Check]:
    return list(frame.checks) + (row_count_checks(frame) if frame.table else [])


def _validation(suite: str, frame: Frame, checks: list[Check]):
    key = (suite, frame.name, repr(checks))
    vd = _VALIDATIONS.get(key)
    if vd is None:
        g = _gx()
        name = f"{suite}.{frame.name}.{len(_VALIDATIONS)}"
        gx_suite = g["context"].suites.add(g["gx"].ExpectationSuite(name=name))
        for c in checks:
            cls = getattr(g["gxe"], c.expectation)
            gx_suite.add_expectation(cls(**c.kwargs, meta={"check_name": c.name}))
        vd = g["context"].validation_definitions.add(
            g["gx"].ValidationDefinition(name=name, data=g["batch_definition"], suite=gx_suite)
        )
        _VALIDATIONS[key] = vd
    return vd


def _fmt(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or type(value).__name__ == "NAType":
        return "null"
    if isinstance(value, float):
        return f"{value:.4g}"
    if hasattr(value, "item"):  # numpy scalars
        return _fmt(value.item())
    return str(value)


def _example(row: Any, check_column: str | None) -> str:
    """A failing row named by its key columns, plus the checked value unless it is a computed boolean."""
    if isinstance(row, dict):
        return ", ".join(
            f"{k}={_fmt(v)}"
            for k, v in row.items()
            if not (k == check_column and _fmt(v) in ("True", "False"))
        )
    return _fmt(row)


def _outcome(suite: str, check: Check, cfg: Config, res, previous: int | None, frame: Frame):
    from expectations import CheckOutcome

    severity = cfg.severity(suite, check.name, check.severity)
    r = res.result or {}
    details = check.description
    if res.exception_info and res.exception_info.get("raised_exception"):
        return CheckOutcome(
            suite, check.name, False, severity, None,
            f"{details}; could not be evaluated: {res.exception_info.get('exception_message')}",
        )  # fmt: skip
    if "observed_value" in r:
        observed = _fmt(r["observed_value"])
        if check.expectation == "ExpectTableRowCountToBeBetween":
            details += f" (previous published count: {previous if previous is not None else 'none'})"
    else:
        n, bad = r.get("element_count", 0), r.get("unexpected_count", 0)
        missing = r.get("missing_count", 0)
        observed = f"{bad} of {n} rows" + (
            f" ({missing} null, not applicable)" if missing and bad == 0 else ""
        )
    if not res.success:
        column = check.kwargs.get("column")
        examples = r.get("partial_unexpected_index_list") or r.get("partial_unexpected_list") or []
        if examples:
            details += "; e.g. " + "; ".join(_example(e, column) for e in examples[:_EXAMPLES])
    return CheckOutcome(suite, check.name, bool(res.success), severity, observed, details)


def run_frames(suite: str, con, previous_counts: dict[str, int] | None, cfg: Config | None = None) -> list:
    from expectations import CheckOutcome

    cfg = cfg or load_config()
    outcomes: list[CheckOutcome] = []
    frames = BUILDERS[suite](cfg)
    for frame in frames:
        checks = all_checks(frame)
        for name, sev, reason in frame.unavailable:
            outcomes.append(CheckOutcome(suite, name, False, cfg.severity(suite, name, sev), None, reason))
        previous = _previous(previous_counts, frame.table)
        try:
            df = con.execute(frame.sql, frame.params or None).df()
        except Exception as exc:  # a missing table or column must stop publication, with the reason
            msg = f"could not read {frame.table or frame.name}: {type(exc).__name__}: {str(exc).splitlines()[0]}"
            outcomes.extend(
                CheckOutcome(suite, c.name, False, cfg.severity(suite, c.name, c.severity), None, msg)
                for c in checks
            )
            continue
        rows_min, rows_max = row_count_bounds(previous, cfg)
        with _LOCK:
            vd = _validation(suite, frame, checks)
            result = vd.run(
                batch_parameters={"dataframe": df},
                expectation_parameters={"rows_min": rows_min, "rows_max": rows_max},
                result_format={
                    "result_format": "SUMMARY",
                    "partial_unexpected_count": _EXAMPLES,
                    "unexpected_index_column_names": list(frame.key),
                },
            )
        by_name = {c.name: c for c in checks}
        for res in result.results:
            check = by_name[res.expectation_config.meta["check_name"]]
            if len(df) < check.min_rows:
                outcomes.append(
                    CheckOutcome(
                        suite,
                        check.name,
                        True,
                        cfg.severity(suite, check.name, check.severity),
                        f"not evaluated: {len(df)} rows < {check.min_rows}",
                        check.description,
                    )
                )
                continue
            outcomes.append(_outcome(suite, check, cfg, res, previous, frame))
    # checks in the order they are written in expectations/suites.py (GX groups results by metric)
    names = [c.name for f in frames for c in all_checks(f)]
    order = {name: i for i, name in enumerate(names)}
    return sorted(outcomes, key=lambda o: order.get(o.check_name, -1))


def _previous(previous_counts: dict[str, int] | None, table: str | None) -> int | None:
    if not previous_counts or not table:
        return None
    for key in (table, table.split(".")[-1]):
        if key in previous_counts:
            return previous_counts[key]
    return None
