"""Score event extraction against the hand-annotated gold: `python -m scoring.score_events`.

Gold: `tests/fixtures/events/events_gold.json` (English and Arabic news sentences written for this project,
with a dev / heldout split; conventions are in the file). Each item becomes one document (body_text = the
item text, its language and published_date) and runs through the real chain:
`split_sentences` -> `extract_actors` -> `extract_events`.

Matching: an actor is compared by its country (`country_iso3`) when it has one, else by its canonical
English name (IGOs); a missing actor is `None`. Per item, predicted and gold events are multisets of
(source, CAMEO root, target); true positives are the multiset intersection.
- primary score: events that happened (gold status `asserted`; predicted modality `asserted` and not
  negated);
- secondary score: the other events, with their status in the tuple (`negated`, `future`, ...), so a
  modality or negation error counts once as a false positive and once as a false negative.
Printed per language and split, and overall; `--verbose` lists misses and false alarms.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import polars as pl

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

DEFAULT_GOLD = REPO / "tests" / "fixtures" / "events" / "events_gold.json"


def load_gold(path: Path = DEFAULT_GOLD) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["items"]


def documents_frame(items: list[dict]) -> pl.DataFrame:
    from transforms.common import stable_id
    from transforms.schemas import DOCUMENTS, conform

    rows = [
        {
            "article_id": stable_id("events-fixture", it["id"]),
            "source_file": f"events_gold.json#{it['id']}",
            "content_sha256": stable_id("sha", it["text"]),
            "published_date": date.fromisoformat(it["published_date"]) if it.get("published_date") else None,
            "language": it["language"],
            "body_text": it["text"],
            "word_count": len(it["text"].split()),
        }
        for it in items
    ]
    return conform(pl.DataFrame(rows, infer_schema_length=None), DOCUMENTS)


def run_chain(items: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(documents, events, mentions, actors) for the gold items, through the real stages."""
    from transforms.actors import extract_actors
    from transforms.events import extract_events_with_agents
    from transforms.sentences import split_sentences

    docs = documents_frame(items)
    sents = split_sentences(docs)
    mentions, actors = extract_actors(docs, sents)
    events, agents = extract_events_with_agents(docs, sents, mentions, actors)
    actors = pl.concat([actors, agents])  # raw.actors holds the agent rows events use
    return docs, events, mentions, actors


def _status(modality: str, negated: bool) -> str:
    if negated:
        return "negated"
    return modality or "asserted"


def predicted_tuples(events: pl.DataFrame, actors: pl.DataFrame) -> dict[str, Counter]:
    """article_id -> Counter of (source key, root, target key, status)."""
    key = {}
    for aid, name, iso in actors.select("actor_id", "canonical_name", "country_iso3").iter_rows():
        key[aid] = iso or name
    out: dict[str, Counter] = {}
    for r in events.iter_rows(named=True):
        t = (
            key.get(r["source_actor_id"]) if r["source_actor_id"] else None,
            r["event_root_code"],
            key.get(r["target_actor_id"]) if r["target_actor_id"] else None,
            _status(r["modality"], r["is_negated"]),
        )
        out.setdefault(r["article_id"], Counter())[t] += 1
    return out


def gold_tuples(item: dict) -> Counter:
    return Counter((e["source"], e["root"], e["target"], e.get("status", "asserted")) for e in item["events"])


class PRF:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, gold: Counter, pred: Counter) -> tuple[Counter, Counter]:
        tp = gold & pred
        self.tp += sum(tp.values())
        self.fp += sum((pred - tp).values())
        self.fn += sum((gold - tp).values())
        return gold - tp, pred - tp

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def line(self, label: str) -> str:
        return (f"{label:<22} P={self.p:.3f}  R={self.r:.3f}  F1={self.f1:.3f}   "
                f"(tp={self.tp} fp={self.fp} fn={self.fn})")


def score(items: list[dict], verbose: bool = False) -> dict[str, PRF]:
    from transforms.common import stable_id

    _docs, events, _mentions, actors = run_chain(items)
    pred = predicted_tuples(events, actors)
    results: dict[str, PRF] = {}

    def bucket(name: str) -> PRF:
        return results.setdefault(name, PRF())

    for it in items:
        aid = stable_id("events-fixture", it["id"])
        g, p = gold_tuples(it), pred.get(aid, Counter())
        g_main = Counter({k: v for k, v in g.items() if k[3] == "asserted"})
        p_main = Counter({k: v for k, v in p.items() if k[3] == "asserted"})
        g_oth = Counter({k: v for k, v in g.items() if k[3] != "asserted"})
        p_oth = Counter({k: v for k, v in p.items() if k[3] != "asserted"})
        main_labels = ["all", f"{it['language']}", f"{it['language']}/{it['split']}", f"all/{it['split']}"]
        miss = fa = Counter()
        for lab in main_labels:
            miss, fa = bucket(lab).add(g_main, p_main)
        for lab in ("not-asserted", f"not-asserted/{it['language']}"):
            bucket(lab).add(g_oth, p_oth)
        if verbose and (miss or fa or (g_oth != p_oth)):
            print(f"[{it['id']} {it['split']}] {it['text']}")
            for k in miss:
                print(f"    MISS  {k}")
            for k in fa:
                print(f"    FALSE {k}")
            for k in (g_oth - p_oth):
                print(f"    MISS  {k}")
            for k in (p_oth - g_oth):
                print(f"    FALSE {k}")
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
    ap.add_argument("--language", choices=["en", "ar", "all"], default="all")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    items = load_gold(args.gold)
    if args.split != "all":
        items = [i for i in items if i["split"] == args.split]
    if args.language != "all":
        items = [i for i in items if i["language"] == args.language]
    n_events = sum(len(i["events"]) for i in items)
    print(f"gold: {len(items)} items, {n_events} events ({args.gold.name})")
    res = score(items, verbose=args.verbose)
    print("\n(source, CAMEO root, target) on events that happened (asserted, not negated):")
    order = ["all", "all/dev", "all/heldout", "en", "en/dev", "en/heldout", "ar", "ar/dev", "ar/heldout"]
    for lab in order:
        if lab in res:
            print("  " + res[lab].line(lab))
    print("\n(source, root, target, status) on negated / future / hypothetical / demanded / intended events:")
    for lab in ("not-asserted", "not-asserted/en", "not-asserted/ar"):
        if lab in res:
            print("  " + res[lab].line(lab))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
