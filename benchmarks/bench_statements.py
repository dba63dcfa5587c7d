"""Benchmark: statement extraction over the bulk corpus (../shared/corpora/bulk/*.jsonl.gz).

Runs the pipeline's own chain in batches (ingest -> clean -> sentences -> actors -> statements) and prints,
per file and overall, articles per second for `extract_statements` alone and for actors + statements,
with statement counts (direct / reported), the share with a resolved speaker, and peak RSS.

    .venv/bin/python benchmarks/bench_statements.py [--limit N] [--batch-size N] [--bulk DIR] [--files ...]

Exits cleanly with a message when ../shared is absent (a fresh clone has no corpora).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from _common import DEFAULT_BULK, bulk_files, bulk_input, load_note, peak_rss_mb


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bulk", type=Path, default=DEFAULT_BULK)
    ap.add_argument("--batch-size", type=int, default=2000)
    ap.add_argument("--limit", type=int, default=0, help="stop after about N articles per file (0 = all)")
    ap.add_argument("--files", nargs="*", default=None, help="bulk file names to use (default: all)")
    ap.add_argument("--no-actors", action="store_true",
                    help="skip the actors stage (speakers resolve through the lexicon only)")
    args = ap.parse_args()

    files = bulk_files(args.bulk, args.files)
    if not files:
        return 0

    from transforms.actors import extract_actors, load_lexicon
    from transforms.clean import clean_articles
    from transforms.ingest import iter_ingest_batches
    from transforms.schemas import ACTOR_MENTIONS, ACTORS, empty
    from transforms.sentences import split_sentences
    from transforms.statements import extract_statements, load_speech_verbs

    t = time.perf_counter()
    load_lexicon()
    load_speech_verbs()
    print(f"lexicon and speech verbs loaded once in {time.perf_counter() - t:.2f}s")

    totals: Counter = Counter()
    for f in files:
        per: Counter = Counter()
        # the first N records only (per file), so that ingest does not read the whole file
        with bulk_input([f], args.limit, per_file=True, prefix="akhbar-bench-statements-") as folder:
            for raw, _rej in iter_ingest_batches(folder, batch_size=args.batch_size):
                per["raw"] += raw.height
                docs = clean_articles(raw)
                sents = split_sentences(docs)
                t0 = time.perf_counter()
                if args.no_actors:
                    mentions, actors = empty(ACTOR_MENTIONS), empty(ACTORS)
                else:
                    mentions, actors = extract_actors(docs, sents)
                t1 = time.perf_counter()
                c1 = time.process_time()
                stm = extract_statements(docs, sents, mentions, actors)
                t2 = time.perf_counter()
                per["cpu_statements"] += time.process_time() - c1
                per["articles"] += docs.height
                per["statements"] += stm.height
                per["direct"] += int(stm["is_direct_quote"].sum()) if stm.height else 0
                per["resolved"] += int(stm["speaker_actor_id"].is_not_null().sum()) if stm.height else 0
                per["t_actors"] += t1 - t0
                per["t_statements"] += t2 - t1
        totals.update(per)
        a, ts, ta = per["articles"], per["t_statements"], per["t_actors"]
        print(f"{f.name}: {a} articles, {per['statements']} statements ({per['direct']} direct, "
              f"{per['resolved']} with a resolved speaker); extract_statements {a / ts if ts else 0:.0f} "
              f"articles/s ({a / per['cpu_statements'] if per['cpu_statements'] else 0:.0f} per CPU second), "
              f"actors + statements {a / (ta + ts) if ta + ts else 0:.0f} articles/s")

    n, ts, ta = totals["articles"], totals["t_statements"], totals["t_actors"]
    ns = max(totals["statements"], 1)
    print(f"\narticles: {n}   statements: {totals['statements']} ({totals['statements'] / max(n, 1):.2f}/article, "
          f"{totals['direct'] / ns:.0%} direct, {totals['resolved'] / ns:.0%} speaker resolved)")
    cpu = totals["cpu_statements"]
    print(f"extract_statements alone: {n / ts if ts else 0:.0f} articles/s wall ({ts:.1f}s), "
          f"{n / cpu if cpu else 0:.0f} articles per CPU second ({cpu:.1f}s)")
    if not args.no_actors:
        print(f"actors + statements: {n / (ta + ts) if ta + ts else 0:.0f} articles/s ({ta + ts:.1f}s; "
              f"actors {ta:.1f}s)")
    print(f"{load_note()}")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
