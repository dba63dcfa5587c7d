"""How long the Great Expectations quality suites take: GX import, first run, and each suite per warehouse size.

    .venv/bin/python benchmarks/bench_quality_suites.py                       # synthetic, 1x 10x 100x 1000x
    .venv/bin/python benchmarks/bench_quality_suites.py --scales 1 500
    .venv/bin/python benchmarks/bench_quality_suites.py --warehouse data/warehouse.duckdb

The synthetic warehouse is the good fixture of tests/quality (17 articles, 50 mentions, 34 statements,
48 events) copied `scale` times with fresh ids, so every check does its full work and passes.
Prints wall-clock seconds; nothing is written outside a temp folder.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "quality"))

ID_COLS = {
    "dim_articles": ["article_id", "content_sha256", "source_file"],
    "dim_actors": [],
    "fct_actor_mentions": ["mention_id", "article_id"],
    "fct_statements": ["statement_id", "article_id"],
    "fct_events": ["event_id", "article_id"],
}


def synthetic(path: Path, scale: int) -> Path:
    from quality_fixture import GOOD, write_warehouse

    seed = path.with_suffix(".seed.duckdb")
    write_warehouse(seed, GOOD)
    con = duckdb.connect(str(path))
    con.execute(f"attach '{seed}' as seed (read_only)")
    con.execute("create schema marts")
    for table, id_cols in ID_COLS.items():
        cols = [r[0] for r in con.execute(f"describe seed.marts.{table}").fetchall()]
        if not id_cols:
            con.execute(f"create table marts.{table} as select * from seed.marts.{table}")
            continue
        exprs = []
        for c in cols:
            if c == "content_sha256":  # stays 64 hex digits and unique
                exprs.append(f"sha256({c} || '-' || i::varchar) as {c}")
            elif c in id_cols:
                exprs.append(f"case when i = 0 then {c} else {c} || '-' || i::varchar end as {c}")
            else:
                exprs.append(c)
        con.execute(
            f"create table marts.{table} as select {', '.join(exprs)} "
            f"from seed.marts.{table}, range({scale}) t(i)"
        )
    con.close()
    return path


def time_suites(path: Path, label: str) -> None:
    import expectations

    con = duckdb.connect(str(path), read_only=True)
    sizes = {
        t: con.execute(f"select count(*) from marts.{t}").fetchone()[0]
        for t in ("dim_articles", "fct_actor_mentions", "fct_statements", "fct_events")
    }
    total, failed = 0.0, 0
    parts = []
    for suite in expectations.SUITES:
        t0 = time.perf_counter()
        outcomes = expectations.run_suite(suite, con)
        dt = time.perf_counter() - t0
        total += dt
        failed += sum(1 for o in outcomes if not o.passed and o.severity == "blocking")
        parts.append(f"{suite} {dt:.2f}s ({len(outcomes)} checks)")
    con.close()
    print(f"{label:<28} rows {sizes}  all suites {total:.2f}s  blocking failures {failed}")
    print("    " + "; ".join(parts))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scales", type=int, nargs="*", default=[1, 10, 100, 1000])
    ap.add_argument("--warehouse", type=Path, help="time the suites on this warehouse instead")
    args = ap.parse_args()

    t0 = time.perf_counter()
    from expectations.runner import _gx

    _gx()
    print(f"GX import + ephemeral context: {time.perf_counter() - t0:.2f}s (once per process)")
    if args.warehouse:
        time_suites(args.warehouse, str(args.warehouse))
        return
    with tempfile.TemporaryDirectory() as tmp:
        for scale in args.scales:
            path = synthetic(Path(tmp) / f"wh_{scale}.duckdb", scale)
            if scale == args.scales[0]:
                t1 = time.perf_counter()
                time_suites(path, "first run (builds suites)")
                print(f"    first run incl. building the GX suites: {time.perf_counter() - t1:.2f}s")
            time_suites(path, f"synthetic x{scale}")


if __name__ == "__main__":
    main()
