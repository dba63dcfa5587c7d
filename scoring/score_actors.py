"""Score actor extraction against the Arabic Wojood NER sample and the PolNeAR attribution sources.

Run: .venv/bin/python -m scoring.score_actors [--wojood-split test] [--polnear-split dev] [--json out.json]

Needs ../shared/corpora (not part of a fresh clone; the command says so and exits when it is absent).

Wojood (Arabic, nested NER, `token TAG [TAG...]` per line):
  * gold: every PERS, ORG, GPE and NORP entity (each tag type decoded on its own, so nested entities count);
  * our mentions map to gold categories by actor type and mention kind:
      PERSON -> PERS; ORGANIZATION, IGO, MEDIA, ARMED_GROUP -> ORG;
      COUNTRY with kind DEMONYM -> NORP, COUNTRY with any other kind -> GPE; OTHER -> not scored;
  * spans are compared on whole tokens (a mention that starts after a clitic, `و|المغرب`, covers the token);
  * strict: same category and same first/last token; relaxed: same category and overlapping tokens;
  * precision = our matched mentions / our mentions; recall = matched gold / gold; per category and for
    PERS+ORG ("people/orgs", the headline) and PERS+ORG+GPE+NORP ("all");
  * documents are built from 20 consecutive sentences (tokens joined by spaces, sentences by newlines), so
    surname/acronym resolution inside a document can work; GPE gold includes cities and regions, which we
    do not extract (we extract countries and capitals acting for their governments), so GPE recall is low
    by design.
PolNeAR (English attribution, brat standoff): the `Source` spans of the first annotator file of each dev
article.
  * pronoun sources (he, she, they, it, we, I, you, ...) are excluded from recall;
  * a gold source is found (relaxed) if one of our mentions of any actor type overlaps it, and found
    (strict) if a mention equals it after trimming a leading article and a trailing possessive;
  * "named" sources contain a capitalised word after any leading article (`Hillary Clinton`, `The Post`,
    `Trump's campaign manager Kellyanne Conway`); the rest are descriptions (`a source`, `officials`),
    which are statements' work (speaker descriptions), not named actors;
  * precision here is a proxy (PolNeAR does not mark non-speaking entities): of our mentions that overlap
    a gold source, the share that match it strictly (boundary precision). F1 combines that with the
    relaxed recall on named sources. Treat the English figure as recall-led.
English people/organisations (`tests/fixtures/actors/english_gold.json`, 12 PolNeAR dev + 10 bulk articles,
every named PER and ORG mention marked by a reader; guideline in that folder's README):
  * our mentions map by actor type: PERSON -> PER; ORGANIZATION, IGO, MEDIA, ARMED_GROUP -> ORG; countries
    and OTHER are not scored (the gold does not mark places);
  * exact: same type and same span; overlap: same type and overlapping spans (precision counts our mentions
    that overlap a gold mention of their type, recall counts gold mentions overlapped by one of ours);
  * reported for the `dev` half (used to tune the rules), the `heldout` half (not looked at while tuning)
    and both.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import polars as pl

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

_ORG_TYPES = {"ORGANIZATION", "IGO", "MEDIA", "ARMED_GROUP"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "his", "its",
             "their", "our", "who", "which", "that", "this", "these", "those", "one", "himself", "herself",
             "themselves", "itself", "someone", "somebody", "everyone", "nobody", "anyone", "whom", "whose",
             "both", "all", "some", "many", "others", "each", "most", "few"}
_COMMON_CAP = {"sources", "source", "officials", "official", "experts", "critics", "analysts", "polls", "poll",
               "reports", "report", "aides", "people", "many", "some", "the", "a", "an", "his", "her", "their"}


def _prf(tp_sys: int, n_sys: int, tp_gold: int, n_gold: int) -> dict:
    p = tp_sys / n_sys if n_sys else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "system": n_sys, "gold": n_gold}


# ------------------------------------------------------------------------------------------------ Wojood
def read_wojood(path: Path) -> list[list[tuple[str, list[str]]]]:
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        parts = line.split()
        cur.append((parts[0], parts[1:]))
    if cur:
        sents.append(cur)
    return sents


def wojood_docs(sents, per_doc: int = 20):
    """Documents: (text, token spans, gold entities {(cat, first_tok, last_tok)})."""
    docs = []
    for d0 in range(0, len(sents), per_doc):
        text_parts, spans, gold = [], [], set()
        pos = 0
        base = 0
        for sent in sents[d0:d0 + per_doc]:
            # per type, a stack of open entities (start token), outermost first: a token continues as many
            # of them as it has I- tags of that type (the outermost ones) and opens one per B- tag, so a nested
            # entity of the same type (`الكتلة الإسلامية في [جامعة بيرزيت]`, tagged `I-ORG B-ORG`) does not cut
            # the outer one
            open_: dict[str, list[int]] = {}
            for k, (tok, tags) in enumerate(sent):
                if k:
                    text_parts.append(" ")
                    pos += 1
                spans.append((pos, pos + len(tok)))
                text_parts.append(tok)
                pos += len(tok)
                idx = base + k
                n_in: dict[str, int] = defaultdict(int)
                n_b: dict[str, int] = defaultdict(int)
                for tag in tags:
                    if tag == "O" or "-" not in tag:
                        continue
                    bio, typ = tag.split("-", 1)
                    if typ not in ("PERS", "ORG", "GPE", "NORP"):
                        continue
                    if bio == "B":
                        n_b[typ] += 1
                    else:
                        n_in[typ] += 1
                for typ in set(open_) | set(n_in) | set(n_b):
                    stack = open_.setdefault(typ, [])
                    keep = min(n_in[typ], len(stack))
                    for st in stack[keep:]:
                        gold.add((typ, st, idx - 1))
                    del stack[keep:]
                    stack.extend([idx] * (n_b[typ] + max(0, n_in[typ] - keep)))  # an I- with nothing open opens
            for typ, stack in open_.items():
                for st in stack:
                    gold.add((typ, st, base + len(sent) - 1))
            base += len(sent)
            text_parts.append("\n")
            pos += 1
        docs.append(("".join(text_parts).rstrip("\n"), spans, gold))
    return docs


def _category(actor_type: str | None, kind: str | None) -> str | None:
    if actor_type == "PERSON":
        return "PERS"
    if actor_type in _ORG_TYPES:
        return "ORG"
    if actor_type == "COUNTRY":
        return "NORP" if kind == "DEMONYM" else "GPE"
    return None


def score_wojood(split: str) -> dict:
    from transforms.actors import extract_actors
    from transforms.schemas import DOCUMENTS, conform

    path = SHARED / "corpora" / "wojood_sample" / "data" / f"{split}.txt"
    docs = wojood_docs(read_wojood(path))
    frame = conform(pl.DataFrame([{"article_id": f"w{i}", "language": "ar", "body_text": t}
                                  for i, (t, _s, _g) in enumerate(docs)]), DOCUMENTS)
    t0 = time.time()
    mentions, actors = extract_actors(frame, pl.DataFrame())
    elapsed = time.time() - t0
    types = dict(zip(actors["actor_id"].to_list(), actors["actor_type"].to_list(), strict=True))
    by_doc = defaultdict(list)
    for r in mentions.iter_rows(named=True):
        by_doc[r["article_id"]].append(r)
    counts = defaultdict(lambda: [0, 0, 0, 0, 0, 0])  # sys, gold, tp_sys_strict, tp_gold_strict, tp_sys_rel, tp_gold_rel
    for i, (_text, spans, gold) in enumerate(docs):
        starts = [s for s, _ in spans]


        system = set()
        for m in by_doc.get(f"w{i}", []):
            cat = _category(types.get(m["actor_id"]), m["mention_kind"])
            if cat is None:
                continue
            a = bisect.bisect_right(starts, m["char_start"]) - 1
            b = bisect.bisect_right(starts, m["char_end"] - 1) - 1
            system.add((cat, a, b))
        for cat, a, b in system:
            c = counts[cat]
            c[0] += 1
            if (cat, a, b) in gold:
                c[2] += 1
            if any(g[0] == cat and g[1] <= b and a <= g[2] for g in gold):
                c[4] += 1
        for cat, a, b in gold:
            c = counts[cat]
            c[1] += 1
            if (cat, a, b) in system:
                c[3] += 1
            if any(s[0] == cat and s[1] <= b and a <= s[2] for s in system):
                c[5] += 1
    out = {"split": split, "documents": len(docs), "seconds": round(elapsed, 2)}
    groups = {"PERS": ["PERS"], "ORG": ["ORG"], "GPE": ["GPE"], "NORP": ["NORP"],
              "people/orgs (PERS+ORG)": ["PERS", "ORG"], "all (PERS+ORG+GPE+NORP)": ["PERS", "ORG", "GPE", "NORP"]}
    for name, cats in groups.items():
        tot = [sum(counts[c][k] for c in cats) for k in range(6)]
        out[name] = {"strict": _prf(tot[2], tot[0], tot[3], tot[1]), "relaxed": _prf(tot[4], tot[0], tot[5], tot[1])}
    return out


# ------------------------------------------------------------------------------------------------ PolNeAR
def read_polnear(split: str, limit: int | None = None):
    base = SHARED / "corpora" / "polnear" / split
    items = []
    for txt in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        sources = []
        for line in anns[0].read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 3 or not parts[1].startswith("Source "):
                continue
            segs = [tuple(map(int, seg.split())) for seg in parts[1][len("Source "):].split(";")]
            s, e = min(a for a, _ in segs), max(b for _, b in segs)
            sources.append((s, e, text[s:e]))
        items.append((txt.stem, text, sources))
        if limit and len(items) >= limit:
            break
    return items


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    m = re.match(r"(?:the|a|an|The|A|An)\s+", text[s:e])
    if m:
        s += m.end()
    while e > s and text[e - 1] in " .,;:\"'“”’":
        e -= 1
    if text[e - 2:e] in ("'s", "’s"):
        e -= 2
    return s, e


def _is_pronoun(surface: str) -> bool:
    words = re.findall(r"[\w’']+", surface.lower())
    return bool(words) and all(w in _PRONOUNS for w in words)


def _is_named(surface: str) -> bool:
    words = re.findall(r"[\w’'.-]+", surface)
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return any(w[:1].isupper() and w.lower() not in _COMMON_CAP for w in words)


def score_polnear(split: str, limit: int | None = None) -> dict:
    from transforms.actors import extract_actors
    from transforms.schemas import DOCUMENTS, conform

    items = read_polnear(split, limit)
    frame = conform(pl.DataFrame([{"article_id": name, "language": "en", "body_text": text}
                                  for name, text, _ in items]), DOCUMENTS)
    try:
        from transforms.sentences import split_sentences

        sentences = split_sentences(frame)
    except Exception:  # the sentence splitter is another stage; scoring must not depend on it
        sentences = pl.DataFrame()
    t0 = time.time()
    mentions, _actors = extract_actors(frame, sentences)
    elapsed = time.time() - t0
    by_doc = defaultdict(list)
    for r in mentions.iter_rows(named=True):
        by_doc[r["article_id"]].append((r["char_start"], r["char_end"]))
    res = {k: [0, 0, 0] for k in ("all", "named")}  # gold, strict found, relaxed found
    overlapping, boundary_ok = 0, 0
    pron = 0
    for name, text, sources in items:
        sys_spans = by_doc.get(name, [])
        sys_set = set(sys_spans)
        gold_trimmed = []
        for s, e, surf in sources:
            if _is_pronoun(surf):
                pron += 1
                continue
            ts, te = _trim(text, s, e)
            gold_trimmed.append((s, e, ts, te))
            keys = ["all"] + (["named"] if _is_named(surf) else [])
            strict = (ts, te) in sys_set or (s, e) in sys_set
            relaxed = any(a < e and s < b for a, b in sys_spans)
            for k in keys:
                res[k][0] += 1
                res[k][1] += strict
                res[k][2] += relaxed
        for a, b in sys_spans:
            hits = [g for g in gold_trimmed if a < g[1] and g[0] < b]
            if hits:
                overlapping += 1
                boundary_ok += any((a, b) in ((g[2], g[3]), (g[0], g[1])) for g in hits)
    bp = boundary_ok / overlapping if overlapping else 0.0
    out = {"split": split, "documents": len(items), "seconds": round(elapsed, 2), "pronoun_sources_excluded": pron,
           "boundary_precision_proxy": round(bp, 4)}
    for k, (g, st, rel) in res.items():
        r_rel = rel / g if g else 0.0
        r_st = st / g if g else 0.0
        out[f"{k}_sources"] = {"gold": g, "recall_strict": round(r_st, 4), "recall_relaxed": round(r_rel, 4),
                               "f1_proxy_relaxed": round(2 * bp * r_rel / (bp + r_rel), 4) if bp + r_rel else 0.0}
    return out


# ------------------------------------------------------------------------------------------------ English
ENGLISH_GOLD = REPO / "tests" / "fixtures" / "actors" / "english_gold.json"
_EN_CAT = {"PERSON": "PER", "ORGANIZATION": "ORG", "IGO": "ORG", "MEDIA": "ORG", "ARMED_GROUP": "ORG"}


def english_doc_text(doc: str) -> str:
    """The text an English gold document's offsets point into: a PolNeAR file, or a bulk record's `text`."""
    import gzip

    kind, rest = doc.split(":", 1)
    if kind == "polnear":
        split, name = rest.split(":", 1)
        return (SHARED / "corpora" / "polnear" / split / "text" / f"{name}.txt").read_text(encoding="utf-8")
    source = rest.split(":", 1)[0]
    with gzip.open(SHARED / "corpora" / "bulk" / f"{source}.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            if f'"id": "{rest}"' in line[:80]:
                return json.loads(line)["text"]
    raise KeyError(doc)


def english_system_mentions(docs: list[tuple[str, str]]) -> dict[str, list[tuple[str, int, int, str]]]:
    """(category, start, end, surface) of our PER/ORG mentions per document id, from the real pipeline
    stages (sentences, then actors)."""
    from transforms.actors import extract_actors
    from transforms.schemas import DOCUMENTS, conform

    frame = conform(pl.DataFrame([{"article_id": d, "language": "en", "body_text": t} for d, t in docs]), DOCUMENTS)
    try:
        from transforms.sentences import split_sentences

        sentences = split_sentences(frame)
    except Exception:  # the sentence splitter is another stage; scoring must not depend on it
        sentences = pl.DataFrame()
    mentions, actors = extract_actors(frame, sentences)
    types = dict(zip(actors["actor_id"].to_list(), actors["actor_type"].to_list(), strict=True))
    out: dict[str, list] = defaultdict(list)
    for r in mentions.iter_rows(named=True):
        cat = _EN_CAT.get(types.get(r["actor_id"]))
        if cat:
            out[r["article_id"]].append((cat, r["char_start"], r["char_end"], r["surface_text"]))
    return out


def score_english(splits: tuple[str, ...] = ("dev", "heldout"), errors: bool = False) -> dict:
    gold_docs = json.loads(ENGLISH_GOLD.read_text(encoding="utf-8"))["documents"]
    texts = [(d["doc"], english_doc_text(d["doc"])) for d in gold_docs]
    t0 = time.time()
    system = english_system_mentions(texts)
    elapsed = time.time() - t0
    out = {"documents": len(gold_docs), "seconds": round(elapsed, 2)}
    err: list[str] = []
    for split in (*splits, "all"):
        counts = defaultdict(lambda: [0, 0, 0, 0, 0, 0])  # sys, gold, tp_sys_exact, tp_gold_exact, tp_sys_ov, tp_gold_ov
        for d in gold_docs:
            if split != "all" and d["split"] != split:
                continue
            gold = {(m["type"], m["start"], m["end"]) for m in d["mentions"]}
            sys_ = {(c, s, e) for c, s, e, _ in system.get(d["doc"], [])}
            for c, s, e in sys_:
                k = counts[c]
                k[0] += 1
                k[2] += (c, s, e) in gold
                ov = any(g[0] == c and g[1] < e and s < g[2] for g in gold)
                k[4] += ov
                if errors and split == "dev" and (c, s, e) not in gold:
                    surf = next(x[3] for x in system[d["doc"]] if (x[0], x[1], x[2]) == (c, s, e))
                    err.append(f"{'BOUNDARY' if ov else 'FP'}\t{c}\t{surf!r}\t{d['doc']}")
            for c, s, e in gold:
                k = counts[c]
                k[1] += 1
                k[3] += (c, s, e) in sys_
                ov = any(x[0] == c and x[1] < e and s < x[2] for x in sys_)
                k[5] += ov
                if errors and split == "dev" and not ov:
                    surf = next(m["surface"] for m in d["mentions"] if (m["start"], m["end"]) == (s, e))
                    err.append(f"FN\t{c}\t{surf!r}\t{d['doc']}")
        res = {}
        for name, cats in (("PER", ["PER"]), ("ORG", ["ORG"]), ("PER+ORG", ["PER", "ORG"])):
            tot = [sum(counts[c][i] for c in cats) for i in range(6)]
            res[name] = {"exact": _prf(tot[2], tot[0], tot[3], tot[1]), "overlap": _prf(tot[4], tot[0], tot[5], tot[1])}
        out[split] = res
    if errors:
        out["errors"] = sorted(err)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description="Score actor extraction (Wojood Arabic NER, PolNeAR sources).")
    ap.add_argument("--wojood-split", default="test")
    ap.add_argument("--polnear-split", default="dev")
    ap.add_argument("--polnear-limit", type=int, default=None)
    ap.add_argument("--skip-polnear", action="store_true")
    ap.add_argument("--skip-wojood", action="store_true")
    ap.add_argument("--skip-english", action="store_true")
    ap.add_argument("--english-errors", action="store_true", help="list English false positives/negatives of the dev half")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    if not (SHARED / "corpora").exists():
        print(f"{SHARED / 'corpora'} is absent: nothing to score (../shared is not part of a fresh clone)")
        sys.exit(0)
    report = {}
    if not args.skip_wojood:
        report["wojood"] = score_wojood(args.wojood_split)
        w = report["wojood"]
        print(f"Wojood {w['split']} ({w['documents']} docs, {w['seconds']}s)")
        print(f"  {'category':28s} {'strict P/R/F1':24s} {'relaxed P/R/F1':24s} system/gold")
        for k, v in w.items():
            if isinstance(v, dict):
                s, r = v["strict"], v["relaxed"]
                print(f"  {k:28s} {s['precision']:.3f}/{s['recall']:.3f}/{s['f1']:.3f}        "
                      f"{r['precision']:.3f}/{r['recall']:.3f}/{r['f1']:.3f}        {s['system']}/{s['gold']}")
    if not args.skip_polnear:
        report["polnear"] = score_polnear(args.polnear_split, args.polnear_limit)
        p = report["polnear"]
        print(f"PolNeAR {p['split']} sources ({p['documents']} docs, {p['seconds']}s, "
              f"{p['pronoun_sources_excluded']} pronoun sources excluded)")
        print(f"  boundary precision (proxy): {p['boundary_precision_proxy']:.3f}")
        for k in ("named_sources", "all_sources"):
            v = p[k]
            print(f"  {k:14s} gold={v['gold']:5d} recall strict={v['recall_strict']:.3f} "
                  f"relaxed={v['recall_relaxed']:.3f}  F1 proxy (relaxed)={v['f1_proxy_relaxed']:.3f}")
    if not args.skip_english and ENGLISH_GOLD.exists():
        report["english"] = e = score_english(errors=args.english_errors)
        print(f"English PER/ORG gold ({e['documents']} docs, {e['seconds']}s)")
        print(f"  {'split / category':28s} {'exact P/R/F1':24s} {'overlap P/R/F1':24s} system/gold")
        for split in ("dev", "heldout", "all"):
            for k, v in e[split].items():
                x, o = v["exact"], v["overlap"]
                print(f"  {split + ' ' + k:28s} {x['precision']:.3f}/{x['recall']:.3f}/{x['f1']:.3f}        "
                      f"{o['precision']:.3f}/{o['recall']:.3f}/{o['f1']:.3f}        {x['system']}/{x['gold']}")
        for line in e.get("errors", []):
            print("  " + line)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
