"""Benchmark: the whole extraction chain over the bulk corpus, stage by stage, in batches.

ingest -> clean -> sentences -> actors -> statements -> events, the same functions the Dagster assets call:
`extract_actors(n_process=N)`, and with --n-process > 1 `transforms.parallel.extract_statements_parallel`
and `extract_events_with_agents_parallel` (events and the agent actor rows in one pass, in N workers of a
pool kept for the whole run); with --n-process 1 the serial `extract_statements` and
`extract_events_with_agents`. Prints per stage, for ingest+clean, for the extraction (actors + statements +
events) and overall: wall seconds and articles/s, and CPU seconds (this process and its workers) and
articles per CPU-second (the fair figure on a busy shared machine; on an otherwise idle 2-core machine the
wall rate of a 2-process run approaches twice that at best). The worker pool's start (imports and reference
data in each worker, once per run) is printed on its own line and counted in the extraction. Peak RSS: of
this process, and of this process plus its workers (sampled). A script that prints figures, never a timed
test.

    .venv/bin/python benchmarks/bench_pipeline.py [--limit N] [--batch-size N] [--n-process N] [--bulk DIR]

`--limit` takes about N articles from every bulk file in proportion to its size (the first lines of each),
so a quick run keeps the corpus mix of Arabic and English. Exits cleanly when ../shared is absent.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from _common import DEFAULT_BULK, PeakRss, bulk_files, bulk_input, cpu_seconds, load_note, peak_rss_mb

STAGES = ("ingest", "clean", "sentences", "actors", "statements", "events")
EXTRACTION = ("pool start", "actors", "statements", "events")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bulk", type=Path, default=DEFAULT_BULK)
    ap.add_argument("--batch-size", type=int, default=2000)
    ap.add_argument("--limit", type=int, default=0, help="about N articles, in the corpus mix (0 = all)")
    ap.add_argument("--n-process", type=int, default=1,
                    help="worker processes for actors (spaCy + rules), statements and events")
    args = ap.parse_args()

    files = bulk_files(args.bulk)
    if not files:
        return 0

    from transforms import parallel
    from transforms.actors import extract_actors
    from transforms.clean import clean_articles
    from transforms.events import extract_events_with_agents
    from transforms.ingest import iter_ingest_batches
    from transforms.sentences import split_sentences
    from transforms.statements import extract_statements

    n_proc = args.n_process
    wall: Counter = Counter()
    cpu: Counter = Counter()
    rows: Counter = Counter()
    langs: Counter = Counter()
    n_articles = n_rejected = 0

    def timed(stage: str, fn, *a, **kw):
        t, c = time.perf_counter(), cpu_seconds()
        out = fn(*a, **kw)
        wall[stage] += time.perf_counter() - t
        cpu[stage] += cpu_seconds() - c
        return out

    with bulk_input(files, args.limit) as folder, PeakRss() as peak:
        t_all = time.perf_counter()
        if n_proc > 1:  # the pool's workers import the transforms and load the reference data once
            timed("pool start", lambda: parallel.get_pool(n_proc).map(abs, range(n_proc)))
        batches = iter_ingest_batches(folder, batch_size=args.batch_size)
        while True:
            t, c = time.perf_counter(), cpu_seconds()
            try:
                raw, rejected = next(batches)
            except StopIteration:
                break
            wall["ingest"] += time.perf_counter() - t
            cpu["ingest"] += cpu_seconds() - c
            n_articles += raw.height
            n_rejected += rejected.height

            docs = timed("clean", clean_articles, raw)
            langs.update(docs["language"].fill_null("none").to_list())
            sents = timed("sentences", split_sentences, docs)
            mentions, actors = timed("actors", extract_actors, docs, sents, n_process=n_proc)
            if n_proc > 1:
                statements = timed("statements", parallel.extract_statements_parallel, docs, sents, mentions,
                                   actors, n_process=n_proc)
                events, agents = timed("events", parallel.extract_events_with_agents_parallel, docs, sents,
                                       mentions, actors, n_process=n_proc)
            else:
                statements = timed("statements", extract_statements, docs, sents, mentions, actors)
                events, agents = timed("events", extract_events_with_agents, docs, sents, mentions, actors)

            rows.update(sentences=sents.height, mentions=mentions.height, actors=actors.height,
                        agent_actors=agents.height, statements=statements.height, events=events.height)
            print(f"  ... {n_articles:>6} articles, {time.perf_counter() - t_all:7.1f}s, "
                  f"peak RSS {peak_rss_mb():,.0f} MB (with workers {peak.peak_mb:,.0f} MB)", flush=True)
        total = time.perf_counter() - t_all
        total_cpu = sum(cpu.values())
        parallel.shutdown_pool()

    def line(name: str, w: float, c: float, note: str = "") -> str:
        rw = f"{n_articles / w:8,.0f}" if w > 0 else "       -"
        rc = f"{n_articles / c:8,.0f}" if c > 0 else "       -"
        return f"  {name:<12} {w:8.1f}s {rw} articles/s   {c:8.1f} CPU-s {rc} articles/CPU-s{note}"

    print(f"\nakhbar pipeline benchmark: {n_articles:,} articles ({n_rejected:,} rejected records) "
          f"from {len(files)} files; languages {dict(langs.most_common(4))}; n_process={n_proc}, "
          f"batch size {args.batch_size}")
    print(f"  {'stage':<12} {'wall':>9} {'':>8}               {'CPU (with workers)':>18}")
    if n_proc > 1:
        print(line("pool start", wall["pool start"], cpu["pool start"], "   (once per run)"))
    for stage in STAGES:
        print(line(stage, wall[stage], cpu[stage]))
    print(line("ingest+clean", wall["ingest"] + wall["clean"], cpu["ingest"] + cpu["clean"]))
    print(line("extraction", sum(wall[s] for s in EXTRACTION), sum(cpu[s] for s in EXTRACTION),
               "   (actors + statements + events" + (" + pool start)" if n_proc > 1 else ")")))
    print(line("overall", total, total_cpu))
    print(f"  rows: {dict(rows)}")
    print(f"  peak RSS: {peak_rss_mb():,.0f} MB this process; {peak.peak_mb:,.0f} MB with its workers (sampled PSS sum)")
    print(f"  {load_note()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
