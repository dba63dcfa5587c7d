"""Benchmark: ingest + clean (+ sentences) over the bulk corpus (../shared/corpora/bulk/*.jsonl.gz).

Prints articles/s for ingest, clean and sentence splitting separately and overall, and peak RSS.
Runs in batches (the same code path as the pipeline), so memory stays bounded.

    .venv/bin/python benchmarks/bench_ingest_clean.py [--limit N] [--batch-size N] [--bulk DIR]

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
    ap.add_argument("--batch-size", type=int, default=5000)
    ap.add_argument("--limit", type=int, default=0, help="stop after about N articles (0 = all)")
    ap.add_argument("--no-sentences", action="store_true")
    args = ap.parse_args()

    files = bulk_files(args.bulk)
    if not files:
        return 0

    from transforms.clean import clean_articles
    from transforms.ingest import iter_ingest_batches
    from transforms.sentences import split_sentences

    # Ingest reads a folder: point it at a temporary folder of symlinks to the bulk files.
    with bulk_input(files) as tmp:
        t_ingest = t_clean = t_sent = 0.0
        c_ingest = c_clean = c_sent = 0.0  # CPU seconds of this process (less sensitive to a busy machine)
        n_art = n_rej = n_sent = 0
        langs: Counter = Counter()
        with_date = 0
        t0 = time.perf_counter()
        it = iter_ingest_batches(tmp, batch_size=args.batch_size)
        while True:
            a, ca = time.perf_counter(), time.process_time()
            try:
                raw, rej = next(it)
            except StopIteration:
                break
            b, cb = time.perf_counter(), time.process_time()
            docs = clean_articles(raw)
            c, cc = time.perf_counter(), time.process_time()
            sents = split_sentences(docs) if not args.no_sentences else None
            d, cd = time.perf_counter(), time.process_time()
            t_ingest += b - a
            t_clean += c - b
            t_sent += d - c
            c_ingest += cb - ca
            c_clean += cc - cb
            c_sent += cd - cc
            n_art += raw.height
            n_rej += rej.height
            n_sent += 0 if sents is None else sents.height
            langs.update(docs["language"].fill_null("none").to_list())
            with_date += docs["published_date"].is_not_null().sum()
            print(
                f"  {n_art:>6} articles  ingest {n_art / t_ingest:7.0f}/s  clean {n_art / t_clean:7.0f}/s"
                f"  rss {peak_rss_mb():6.0f} MB",
                flush=True,
            )
            if args.limit and n_art >= args.limit:
                break
        total = time.perf_counter() - t0

    ic = t_ingest + t_clean
    cic = c_ingest + c_clean
    print()
    print(f"files                 : {', '.join(f.name for f in files)}")
    print(f"articles ingested     : {n_art}   rejected records: {n_rej}")
    print(f"languages             : {dict(langs.most_common())}")
    print(f"with published_date   : {with_date} ({with_date / max(n_art, 1):.1%})")
    print("                        wall time                   process CPU time")
    print(f"ingest                : {t_ingest:7.1f} s  {n_art / t_ingest:8.0f} articles/s    {c_ingest:7.1f} s  {n_art / c_ingest:8.0f} articles/s")
    print(f"clean                 : {t_clean:7.1f} s  {n_art / t_clean:8.0f} articles/s    {c_clean:7.1f} s  {n_art / c_clean:8.0f} articles/s")
    print(f"ingest + clean        : {ic:7.1f} s  {n_art / ic:8.0f} articles/s    {cic:7.1f} s  {n_art / cic:8.0f} articles/s")
    if not args.no_sentences:
        print(f"sentences             : {t_sent:7.1f} s  {n_art / t_sent:8.0f} articles/s    {c_sent:7.1f} s  {n_art / c_sent:8.0f} articles/s  ({n_sent} sentences)")
    print(f"overall (wall)        : {total:7.1f} s  {n_art / total:8.0f} articles/s")
    print(f"peak RSS              : {peak_rss_mb():.0f} MB")
    print(f"{load_note()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
