"""Benchmark: event extraction over the bulk corpus (../shared/corpora/bulk/*.jsonl.gz).

Runs the pipeline's own chain in batches (ingest -> clean -> sentences -> actors -> events) and prints,
per language and overall, articles per second for `extract_events` alone and for the extraction stages
(actors + events, plus statements with --statements), with event counts and peak RSS.

    .venv/bin/python benchmarks/bench_events.py [--limit N] [--batch-size N] [--bulk DIR] [--statements]

Exits cleanly with a message when ../shared is absent (a fresh clone has no corpora).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEFAULT_BULK = Path(os.environ.get("AKHBAR_SHARED", REPO.parent / "shared")) / "corpora" / "bulk"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bulk", type=Path, default=DEFAULT_BULK)
    ap.add_argument("--batch-size", type=int, default=2000)
    ap.add_argument("--limit", type=int, default=0, help="stop after about N articles per file (0 = all)")
    ap.add_argument("--files", nargs="*", default=None, help="bulk file names to use (default: all)")
    ap.add_argument("--statements", action="store_true", help="also time statement extraction")
    args = ap.parse_args()

    files = sorted(args.bulk.glob("*.jsonl.gz")) if args.bulk.is_dir() else []
    if args.files:
        files = [f for f in files if f.name in set(args.files)]
    if not files:
        print(f"bulk corpus not found at {args.bulk} (../shared is not part of a fresh clone); nothing to do.")
        return 0

    import polars as pl

    from transforms.actors import extract_actors
    from transforms.clean import clean_articles
    from transforms.events import extract_events, load_codebook, load_rules
    from transforms.ingest import iter_ingest_batches
    from transforms.sentences import split_sentences

    t = time.perf_counter()
    load_codebook()
    load_rules("en")
    load_rules("ar")
    print(f"rule tables loaded and compiled once in {time.perf_counter() - t:.2f}s")
    if args.statements:
        from transforms.statements import extract_statements

    totals: Counter = Counter()
    per_lang: Counter = Counter()
    roots: Counter = Counter()
    for f in files:
        tmp = Path(tempfile.mkdtemp(prefix="akhbar-bench-events-"))
        try:
            (tmp / f.name).symlink_to(f.resolve())
            n_file = 0
            for raw, _rej in iter_ingest_batches(tmp, batch_size=args.batch_size):
                if args.limit and n_file >= args.limit:
                    break
                if args.limit:
                    raw = raw.head(args.limit - n_file)
                docs = clean_articles(raw)
                sents = split_sentences(docs)
                t0 = time.perf_counter()
                mentions, actors = extract_actors(docs, sents)
                t1 = time.perf_counter()
                if args.statements:
                    extract_statements(docs, sents, mentions, actors)
                t2 = time.perf_counter()
                events = extract_events(docs, sents, mentions, actors)
                t3 = time.perf_counter()
                n = docs.height
                n_file += raw.height
                totals["articles"] += n
                totals["events"] += events.height
                totals["t_actors"] += t1 - t0
                totals["t_statements"] += t2 - t1
                totals["t_events"] += t3 - t2
                lang_counts = docs.group_by("language").len()
                for lang, cnt in lang_counts.iter_rows():
                    per_lang[f"{lang}:articles"] += cnt
                per_lang[f"{f.name}:t_events"] += t3 - t2
                per_lang[f"{f.name}:articles"] += n
                per_lang[f"{f.name}:events"] += events.height
                if events.height:
                    for r, c in events.group_by("event_root_code").len().iter_rows():
                        roots[r] += c
                    totals["negated"] += int(events["is_negated"].sum())
                    totals["asserted"] += events.filter(pl.col("modality") == "asserted").height
                    totals["clusters"] += events["event_cluster_id"].n_unique()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        a = per_lang[f"{f.name}:articles"]
        te = per_lang[f"{f.name}:t_events"]
        print(f"{f.name}: {a} articles, {per_lang[f'{f.name}:events']} events, "
              f"extract_events {a / te if te else 0:.0f} articles/s")

    n = totals["articles"]
    te, ta, ts = totals["t_events"], totals["t_actors"], totals["t_statements"]
    print(f"\narticles: {n}   events: {totals['events']} ({totals['events'] / max(n, 1):.2f}/article)   "
          f"asserted: {totals['asserted']}   negated: {totals['negated']}")
    print(f"extract_events alone: {n / te if te else 0:.0f} articles/s ({te:.1f}s)")
    stages = "actors + statements + events" if args.statements else "actors + events"
    tt = te + ta + ts
    print(f"{stages}: {n / tt if tt else 0:.0f} articles/s ({tt:.1f}s; actors {ta:.1f}s"
          + (f", statements {ts:.1f}s" if args.statements else "") + ")")
    print("events per CAMEO root: " + ", ".join(f"{k}:{v}" for k, v in sorted(roots.items())))
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
