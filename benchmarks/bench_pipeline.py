"""Benchmark: the whole extraction chain over the bulk corpus, stage by stage, in batches.

ingest -> clean -> sentences -> actors -> statements -> events, the same functions the Dagster assets call.
Prints articles/s per stage, for ingest+clean, for the extraction (actors+statements+events) and overall,
with peak RSS. A script that prints figures, never a timed test.

    .venv/bin/python benchmarks/bench_pipeline.py [--limit N] [--batch-size N] [--n-process N] [--bulk DIR]

`--limit` takes about N articles from every bulk file in proportion to its size (the first lines of each),
so a quick run keeps the corpus mix of Arabic and English. Exits cleanly when ../shared is absent (a fresh clone has no corpora).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
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
STAGES = ("ingest", "clean", "sentences", "actors", "statements", "events")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def prepare_input(files: list[Path], limit: int, tmp: Path) -> None:
    """Symlink the bulk files into tmp, or with --limit write a sample of about N articles that keeps the
    corpus mix: from each file, the first lines in proportion to its share of all records."""
    if not limit:
        for f in files:
            (tmp / f.name).symlink_to(f.resolve())
        return
    counts = {}
    for f in files:
        with gzip.open(f, "rb") as src:
            counts[f] = sum(1 for _ in src)
    total = sum(counts.values())
    for f in files:
        take = max(1, round(limit * counts[f] / total))
        with gzip.open(f, "rb") as src, gzip.open(tmp / f.name, "wb", compresslevel=1) as dst:
            dst.writelines(itertools.islice(src, take))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bulk", type=Path, default=DEFAULT_BULK)
    ap.add_argument("--batch-size", type=int, default=2000)
    ap.add_argument("--limit", type=int, default=0, help="about N articles, in the corpus mix (0 = all)")
    ap.add_argument("--n-process", type=int, default=1, help="spaCy processes for English NER")
    args = ap.parse_args()

    files = sorted(args.bulk.glob("*.jsonl.gz")) if args.bulk.is_dir() else []
    if not files:
        print(f"bulk corpus not found at {args.bulk} (../shared is not part of a fresh clone); nothing to do.")
        return 0

    from transforms.actors import extract_actors
    from transforms.clean import clean_articles
    from transforms.events import extract_events
    from transforms.ingest import iter_ingest_batches
    from transforms.sentences import split_sentences
    from transforms.statements import extract_statements

    tmp = Path(tempfile.mkdtemp(prefix="akhbar-bench-"))
    wall: Counter = Counter()
    rows: Counter = Counter()
    langs: Counter = Counter()
    n_articles = n_rejected = 0
    try:
        prepare_input(files, args.limit, tmp)
        t_all = time.perf_counter()
        batches = iter_ingest_batches(tmp, batch_size=args.batch_size)
        while True:
            t = time.perf_counter()
            try:
                raw, rejected = next(batches)
            except StopIteration:
                break
            wall["ingest"] += time.perf_counter() - t
            n_articles += raw.height
            n_rejected += rejected.height

            t = time.perf_counter()
            docs = clean_articles(raw)
            wall["clean"] += time.perf_counter() - t
            langs.update(docs["language"].to_list())

            t = time.perf_counter()
            sents = split_sentences(docs)
            wall["sentences"] += time.perf_counter() - t

            t = time.perf_counter()
            mentions, actors = extract_actors(docs, sents, n_process=args.n_process)
            wall["actors"] += time.perf_counter() - t

            t = time.perf_counter()
            statements = extract_statements(docs, sents, mentions, actors)
            wall["statements"] += time.perf_counter() - t

            t = time.perf_counter()
            events = extract_events(docs, sents, mentions, actors)
            wall["events"] += time.perf_counter() - t

            rows.update(
                sentences=sents.height, mentions=mentions.height, statements=statements.height,
                events=events.height,
            )
            print(f"  ... {n_articles:>6} articles, {time.perf_counter() - t_all:7.1f}s, "
                  f"peak RSS {peak_rss_mb():,.0f} MB", flush=True)
        total = time.perf_counter() - t_all
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    def rate(seconds: float) -> str:
        return f"{n_articles / seconds:10,.0f} articles/s" if seconds > 0 else "         - articles/s"

    print(f"\nakhbar pipeline benchmark: {n_articles:,} articles ({n_rejected:,} rejected records) "
          f"from {len(files)} files; languages {dict(langs.most_common(4))}")
    for stage in STAGES:
        print(f"  {stage:<12} {wall[stage]:8.1f}s  {rate(wall[stage])}")
    ingest_clean = wall["ingest"] + wall["clean"]
    extraction = wall["actors"] + wall["statements"] + wall["events"]
    print(f"  {'ingest+clean':<12} {ingest_clean:8.1f}s  {rate(ingest_clean)}")
    print(f"  {'extraction':<12} {extraction:8.1f}s  {rate(extraction)}   (actors + statements + events)")
    print(f"  {'overall':<12} {total:8.1f}s  {rate(total)}")
    print(f"  rows: {dict(rows)}")
    print(f"  peak RSS: {peak_rss_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
