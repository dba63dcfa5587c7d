"""Benchmark actor extraction over ../shared/corpora/bulk (83k mixed Arabic/English news articles).

Run: .venv/bin/python benchmarks/bench_actors.py [--limit N] [--n-process 2] [--clean]

Prints articles/s per file and overall (wall clock, and per CPU-second of this process and its workers:
on a shared, busy machine the wall figure measures the neighbours), mentions found, and peak memory (RSS of this process plus its
spaCy worker processes). By default documents are built with a simple fallback (NFC body text, the
record's language, no sentence table: sentence_index stays null) so that this measures actor extraction
only; `--clean` builds them with the real ingest-free path `transforms.clean.clean_articles` +
`transforms.sentences.split_sentences` instead (their time is reported separately, not counted).
The lexicon and the spaCy model are loaded before timing starts (one-off costs, printed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import time
import unicodedata
from datetime import datetime
from pathlib import Path

import polars as pl
from _common import DEFAULT_BULK, PeakRss, cpu_seconds

from transforms.actors import extract_actors, load_lexicon
from transforms.common import stable_id
from transforms.ner import _nlp
from transforms.schemas import DOCUMENTS, RAW_ARTICLES, conform

BULK = DEFAULT_BULK


def read_bulk(path: Path, limit: int | None) -> list[dict]:
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            out.append(rec)
            if limit and len(out) >= limit:
                break
    return out


def fallback_documents(records: list[dict], name: str) -> pl.DataFrame:
    rows = []
    for i, r in enumerate(records):
        text = unicodedata.normalize("NFC", r.get("text") or "")
        rows.append({"article_id": stable_id(name, r.get("id") or i), "language": r.get("lang") or "en",
                     "body_text": text, "source_file": f"{name}#{r.get('id') or i}"})
    return conform(pl.DataFrame(rows), DOCUMENTS)


def clean_documents(records: list[dict], name: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    from transforms.clean import clean_articles
    from transforms.sentences import split_sentences

    now = datetime(2026, 1, 1)
    rows = []
    for i, r in enumerate(records):
        text = unicodedata.normalize("NFC", r.get("text") or "")
        sha = stable_id("bench", name, i, text)
        rows.append({"article_id": stable_id(sha), "source_file": f"{name}#{r.get('id') or i}",
                     "content_sha256": sha, "format": "jsonl", "encoding": "json", "raw_text": text,
                     "meta_title": r.get("title"), "meta_date": r.get("date"), "meta_url": r.get("url"),
                     "meta_id": str(r.get("id") or i), "meta_outlet": r.get("source"), "ingested_at": now})
    docs = clean_articles(conform(pl.DataFrame(rows), RAW_ARTICLES))
    return docs, split_sentences(docs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="articles per file (default: all)")
    ap.add_argument("--n-process", type=int, default=2, help="spaCy worker processes for English NER")
    ap.add_argument("--clean", action="store_true", help="build documents with the real clean + sentences")
    args = ap.parse_args()
    if not BULK.exists():
        print(f"{BULK} is absent (../shared is not part of a fresh clone): nothing to benchmark")
        return
    t = time.time()
    load_lexicon()
    t_lex = time.time() - t
    t = time.time()
    _nlp()
    t_nlp = time.time() - t
    print(f"one-off: lexicon {t_lex:.1f}s, spaCy model {t_nlp:.1f}s; n_process={args.n_process}, "
          f"documents: {'clean + sentences' if args.clean else 'simple fallback (NFC text, no sentences)'}")
    total_n, total_s, total_m, total_cpu = 0, 0.0, 0, 0.0
    with PeakRss() as peak:
        for path in sorted(BULK.glob("*.jsonl.gz")):
            name = path.name.split(".")[0]
            records = read_bulk(path, args.limit)
            if args.clean:
                t = time.time()
                docs, sents = clean_documents(records, name)
                prep = time.time() - t
            else:
                docs, sents, prep = fallback_documents(records, name), pl.DataFrame(), 0.0
            t = time.time()
            c0 = cpu_seconds()
            mentions, actors = extract_actors(docs, sents, n_process=args.n_process)
            el = time.time() - t
            cpu = cpu_seconds() - c0
            total_cpu += cpu
            n = docs.height
            total_n += n
            total_s += el
            total_m += mentions.height
            lang = docs["language"].value_counts().sort("count", descending=True)["language"][0] if n else "-"
            print(f"{name:22s} {lang:3s} {n:6d} articles {el:7.1f}s wall {n / el if el else 0:7.1f}/s; "
                  f"{cpu:7.1f} CPU-s {n / cpu if cpu else 0:7.1f} per CPU-s; "
                  f"{mentions.height:8d} mentions {actors.height:6d} actors"
                  + (f"  (clean+sentences {prep:.1f}s, not counted)" if args.clean else ""))
    print(f"TOTAL {total_n} articles in {total_s:.1f}s wall = {total_n / total_s if total_s else 0:.1f} articles/s; "
          f"{total_cpu:.1f} CPU-s = {total_n / total_cpu if total_cpu else 0:.1f} articles per CPU-second "
          f"(x2 cores = {2 * total_n / total_cpu if total_cpu else 0:.1f} articles/s if the machine were otherwise "
          f"idle); {total_m} mentions; peak RSS (with workers) {peak.peak_mb:.0f} MB; "
          f"load average at end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
