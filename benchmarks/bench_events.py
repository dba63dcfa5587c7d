"""Benchmark: event extraction over the bulk corpus (../shared/corpora/bulk/*.jsonl.gz).

Runs the pipeline's own chain in batches (ingest -> clean -> sentences -> actors -> events) and prints, per
file and overall, articles per second for `extract_events` alone and for the extraction stages (actors +
events, plus statements with --statements), with event counts and peak RSS. Rates are given on wall-clock
time and on this process's CPU time (the second is the fair figure on a shared, busy machine).

    .venv/bin/python benchmarks/bench_events.py [--limit N] [--batch-size N] [--bulk DIR] [--files F ...]
        [--statements] [--cache DIR]

--cache keeps the upstream frames (documents, sentences, mentions, actors) as Parquet under DIR (use a
gitignored place such as benchmarks/results/) and reuses them, so reruns time extract_events without
re-running the slower stages. Exits cleanly with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from _common import DEFAULT_BULK, bulk_files, bulk_input, peak_rss_mb


def upstream_batches(path: Path, args):
    """(docs, sents, mentions, actors, actors wall s, actors cpu s) per batch of one bulk file."""
    import polars as pl

    from transforms.actors import extract_actors
    from transforms.clean import clean_articles
    from transforms.ingest import iter_ingest_batches
    from transforms.sentences import split_sentences

    cache = args.cache / f"{path.name}.limit{args.limit}.bs{args.batch_size}" if args.cache else None
    if cache is not None and (cache / "done").exists():
        for i in range(int((cache / "done").read_text())):
            frames = [pl.read_parquet(cache / f"{i}.{k}.parquet") for k in ("docs", "sents", "mentions", "actors")]
            yield (*frames, None, None)
        return
    n_done = n_batches = 0
    with bulk_input([path], prefix="akhbar-bench-events-") as folder:
        for raw, _rej in iter_ingest_batches(folder, batch_size=args.batch_size):
            if args.limit and n_done >= args.limit:
                break
            if args.limit:
                raw = raw.head(args.limit - n_done)
            n_done += raw.height
            docs = clean_articles(raw)
            sents = split_sentences(docs)
            t0, c0 = time.perf_counter(), time.process_time()
            mentions, actors = extract_actors(docs, sents)
            t_act, c_act = time.perf_counter() - t0, time.process_time() - c0
            if cache is not None:
                cache.mkdir(parents=True, exist_ok=True)
                for k, df in (("docs", docs), ("sents", sents), ("mentions", mentions), ("actors", actors)):
                    df.write_parquet(cache / f"{n_batches}.{k}.parquet")
            n_batches += 1
            yield docs, sents, mentions, actors, t_act, c_act
        if cache is not None:
            cache.mkdir(parents=True, exist_ok=True)
            (cache / "done").write_text(str(n_batches))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bulk", type=Path, default=DEFAULT_BULK)
    ap.add_argument("--batch-size", type=int, default=2000)
    ap.add_argument("--limit", type=int, default=0, help="stop after about N articles per file (0 = all)")
    ap.add_argument("--files", nargs="*", default=None, help="bulk file names to use (default: all)")
    ap.add_argument("--statements", action="store_true", help="also time statement extraction")
    ap.add_argument("--cache", type=Path, default=None, help="folder for cached upstream frames (Parquet)")
    args = ap.parse_args()

    files = bulk_files(args.bulk, args.files)
    if not files:
        return 0

    import polars as pl

    from transforms.events import extract_events, load_codebook, load_rules

    t = time.perf_counter()
    load_codebook()
    load_rules("en")
    load_rules("ar")
    from transforms.actors import load_lexicon

    load_lexicon()  # the actors' lexicon (target fallback) is loaded once per process, as in the pipeline
    print(f"rule tables and actor lexicon loaded once in {time.perf_counter() - t:.2f}s")
    if args.statements:
        from transforms.statements import extract_statements

    tot: Counter = Counter()
    roots: Counter = Counter()
    for f in files:
        ff: Counter = Counter()
        for docs, sents, mentions, actors, t_act, c_act in upstream_batches(f, args):
            if t_act is not None:
                ff["t_actors"] += t_act
                ff["c_actors"] += c_act
                ff["timed_actors"] += docs.height
            if args.statements:
                t0, c0 = time.perf_counter(), time.process_time()
                extract_statements(docs, sents, mentions, actors)
                ff["t_statements"] += time.perf_counter() - t0
                ff["c_statements"] += time.process_time() - c0
            t0, c0 = time.perf_counter(), time.process_time()
            events = extract_events(docs, sents, mentions, actors)
            ff["t_events"] += time.perf_counter() - t0
            ff["c_events"] += time.process_time() - c0
            ff["articles"] += docs.height
            ff["events"] += events.height
            if events.height:
                for r, c in events.group_by("event_root_code").len().iter_rows():
                    roots[r] += c
                ff["negated"] += int(events["is_negated"].sum())
                ff["asserted"] += events.filter((pl.col("modality") == "asserted") & ~pl.col("is_negated")).height
        n = ff["articles"]
        print(f"{f.name}: {n} articles, {ff['events']} events; extract_events "
              f"{n / ff['t_events'] if ff['t_events'] else 0:.0f} articles/s wall, "
              f"{n / ff['c_events'] if ff['c_events'] else 0:.0f} articles/s cpu")
        tot.update(ff)

    n = tot["articles"]
    print(f"\narticles: {n}   events: {tot['events']} ({tot['events'] / max(n, 1):.2f}/article)   "
          f"asserted and not negated: {tot['asserted']}   negated: {tot['negated']}")
    print(f"extract_events alone: {n / tot['t_events'] if tot['t_events'] else 0:.0f} articles/s wall "
          f"({tot['t_events']:.1f}s), {n / tot['c_events'] if tot['c_events'] else 0:.0f} articles/s cpu "
          f"({tot['c_events']:.1f}s)")
    if tot["timed_actors"]:
        na = tot["timed_actors"]
        share = na / n
        tw = tot["t_actors"] + share * (tot["t_events"] + tot["t_statements"])
        tc = tot["c_actors"] + share * (tot["c_events"] + tot["c_statements"])
        stages = "actors + statements + events" if args.statements else "actors + events"
        print(f"{stages}: {na / tw:.0f} articles/s wall, {na / tc:.0f} articles/s cpu "
              f"(actors {tot['t_actors']:.1f}s wall over {na} articles)")
    else:
        print("actors not timed (upstream frames came from --cache)")
    print("events per CAMEO root: " + ", ".join(f"{k}:{v}" for k, v in sorted(roots.items())))
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
