"""Score statement extraction against PolNeAR attribution gold: `python -m scoring.score_statements`.

Gold: `../shared/corpora/polnear/<split>/attributions/<article>_<annotator>.ann` (brat standoff). Every
`Attribution` / `Attribution-no-source` relation with a Content span is one gold statement; articles with
several annotators' files use the first annotator in sorted order.

Input to the extractor: one document per text file (body_text = the file's text, language `en`), split
into sentences by `transforms.sentences` and, unless `--no-actors`, with mentions from `transforms.actors`.

Matching (documented rule, token level; tokens are `\\w+` runs):
- content: a predicted statement P *fits* a gold statement G when at least half of P's tokens lie inside
  G's content span(s). G is *found* when the predicted statements that fit it with the right speaker
  together cover at least half of G's content tokens (an interrupted quote `“A,” he said, “B.”` is one
  gold statement with two pieces and may be found by the two rows we emit for it). A predicted statement
  is correct when it fits a found gold statement with the right speaker.
- speaker: right when the predicted speaker span overlaps a gold Source span; or when the predicted
  speaker text (or the resolved actor's canonical name) shares its last word with the gold Source text;
  or, when the gold Source is a pronoun, shares it with the antecedent: the nearest earlier gold Source
  that is not a pronoun; for a relative pronoun (who / which / that / whom), the words right before it up
  to a comma or sentence mark ("Charles Barkley, who said ..." -> Barkley). Gold statements without a Source (`Attribution-no-source`) need no speaker.
- direct vs reported: a gold statement is direct when at least 80% of its content tokens are inside
  quote marks; a predicted one when `is_direct_quote`. Precision per kind uses the predicted kind,
  recall per kind the gold kind; `all` ignores kinds.
Also printed: the same figures ignoring the speaker (content only), to tell extraction from attribution.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

REPO = Path(__file__).resolve().parents[1]
DEFAULT_POLNEAR = REPO.parent / "shared" / "corpora" / "polnear"
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its", "their"}
_RELATIVES = {"who", "which", "that", "whom"}
_WORD = re.compile(r"\w+")


@dataclass
class Gold:
    article: str
    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    source_text: str
    antecedent_text: str = ""
    cue_text: str = ""
    direct: bool = False
    tokens: set[int] = field(default_factory=set)
    antecedent: list[tuple[int, int]] = field(default_factory=list)  # span of antecedent_text, when known


def parse_ann(path: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    rels: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            head = parts[1].split(" ", 1)
            if len(head) < 2:
                continue
            kind, locs = head
            pieces = []
            for loc in locs.split(";"):
                a, b = loc.split()
                pieces.append((int(a), int(b)))
            spans[parts[0]] = (kind, pieces)
        elif line.startswith("E"):
            parts = line.split("\t")
            roles = {}
            for item in parts[1].split():
                role, _, tid = item.partition(":")
                roles[role] = tid
            rels.append(roles)
    out = []
    for r in rels:
        cid = r.get("Content")
        if not cid or cid not in spans:
            continue
        src = spans[r["Source"]][1] if r.get("Source") in spans else []
        src_text = " ".join(text[a:b] for a, b in src)
        cue = spans[r["Cue"]][1] if r.get("Cue") in spans else []
        cue_text = " ".join(text[a:b] for a, b in cue)
        out.append(Gold(path.stem, spans[cid][1], src, src_text, cue_text=cue_text))
    return out


def _tokens(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


def _tok_ids(starts: list[int], toks: list[tuple[int, int]], spans: list[tuple[int, int]]) -> set[int]:
    import bisect

    ids: set[int] = set()
    for a, b in spans:
        i = bisect.bisect_left(starts, a)
        while i < len(toks) and toks[i][0] < b:
            if toks[i][1] <= b:
                ids.add(i)
            i += 1
    return ids


def _last_word(s: str) -> str:
    w = _WORD.findall((s or "").lower())
    return w[-1] if w else ""


def load_split(root: Path, split: str, limit: int | None = None) -> tuple[pl.DataFrame, dict[str, list[Gold]]]:
    text_dir = root / split / "text"
    ann_dir = root / split / "attributions"
    docs, gold = [], {}
    for tp in sorted(text_dir.glob("*.txt"))[: limit or None]:
        anns = sorted(ann_dir.glob(tp.stem + "_*.ann"))
        anns = [a for a in anns if re.fullmatch(re.escape(tp.stem) + r"_[0-9a-f]{4}", a.stem)]
        if not anns:
            continue
        text = tp.read_text(encoding="utf-8")
        docs.append({"article_id": tp.stem, "body_text": text, "language": "en"})
        gold[tp.stem] = parse_ann(anns[0], text)
    return pl.DataFrame(docs), gold


def run_pipeline(docs: pl.DataFrame, *, with_actors: bool) -> tuple[pl.DataFrame, pl.DataFrame, float]:
    from transforms.schemas import ACTOR_MENTIONS, ACTORS, DOCUMENTS, empty
    from transforms.sentences import split_sentences
    from transforms.statements import extract_statements

    full = docs.with_columns(pl.lit(None, dtype=pl.String).alias("source_file"))
    for name, dtype in DOCUMENTS.items():
        if name not in full.columns:
            full = full.with_columns(pl.lit(None, dtype=dtype).alias(name))
    full = full.select([pl.col(n).cast(t) for n, t in DOCUMENTS.items()])
    sentences = split_sentences(full)
    mentions, actors = empty(ACTOR_MENTIONS), empty(ACTORS)
    if with_actors:
        from transforms.actors import extract_actors

        mentions, actors = extract_actors(full, sentences)
    t0 = time.perf_counter()
    stm = extract_statements(full, sentences, mentions, actors)
    return stm, actors, time.perf_counter() - t0


def polnear_prepare(text: str, golds: list[Gold]) -> None:
    """PolNeAR gold: `direct` from quote marks (80% of the content tokens) and antecedents of pronoun Sources."""
    from transforms.statements import find_quotes

    toks = _tokens(text)
    starts = [a for a, _ in toks]
    in_quote = _tok_ids(starts, toks, [q.inner for q in find_quotes(text)])
    last_src = ""
    for g in sorted(golds, key=lambda g: (g.source or g.content)[0][0]):
        g.direct = bool(g.tokens) and len(g.tokens & in_quote) >= 0.8 * len(g.tokens)
        st = g.source_text.strip().lower()
        if st in _RELATIVES and g.source:
            # a relative pronoun stands for the noun phrase right before it ("Barkley, who said ...")
            before = text[max(0, g.source[0][0] - 120):g.source[0][0]].rstrip(" ,\n")
            g.antecedent_text = re.split(r"[.;:!?()\n]|,\s", before)[-1]
        elif st and st not in _PRONOUNS:
            last_src = g.source_text
        elif st in _PRONOUNS:
            g.antecedent_text = last_src


def polnear_speaker(actors: pl.DataFrame) -> Callable[[dict, Gold], bool]:
    """The PolNeAR speaker rule: span overlap, else the same last word (speaker text / actor name vs Source /
    antecedent)."""
    names = {r[0]: r[1] for r in actors.select(["actor_id", "canonical_name"]).iter_rows()} \
        if not actors.is_empty() else {}

    def ok(p: dict, g: Gold) -> bool:
        ps, pe = p["speaker_char_start"], p["speaker_char_end"]
        if ps is not None and any(ps < b and pe > a for a, b in g.source):
            return True
        cands = {_last_word(p["speaker_text"]), _last_word(names.get(p["speaker_actor_id"], ""))} - {""}
        gw = {_last_word(g.source_text)} - {""}
        if g.antecedent_text:
            gw.add(_last_word(g.antecedent_text))
        return bool(cands & (gw - _PRONOUNS - _RELATIVES))

    return ok


def score(docs: pl.DataFrame, gold: dict[str, list[Gold]], stm: pl.DataFrame, actors: pl.DataFrame,
          *, use_speaker: bool = True, errors: int = 0, by_cue: int = 0,
          prepare: Callable[[str, list[Gold]], None] | None = polnear_prepare,
          speaker_match: Callable[[dict, Gold], bool] | None = None) -> dict[str, dict[str, float]]:
    """P/R/F1 per kind. `prepare(text, golds)` runs per article after `Gold.tokens` are set (default: the
    PolNeAR rules for `direct` and pronoun antecedents; None keeps the gold's own `direct`).
    `speaker_match(pred_row, gold)` decides the speaker of a gold with a Source (default: `polnear_speaker`)."""
    match = speaker_match or polnear_speaker(actors)
    texts = dict(docs.select(["article_id", "body_text"]).iter_rows())
    counts = {k: {"tp_p": 0, "n_p": 0, "found": 0, "n_g": 0} for k in ("direct", "reported", "all")}
    shown = {"fp": 0, "fn": 0}
    cue_n: dict[str, list[int]] = {}  # gold cue (lower case) -> [gold, found]
    by_doc = stm.partition_by("article_id", as_dict=True) if not stm.is_empty() else {}
    for art, golds in gold.items():
        text = texts[art]
        toks = _tokens(text)
        starts = [a for a, _ in toks]
        for g in golds:
            g.tokens = _tok_ids(starts, toks, g.content)
        if prepare is not None:
            prepare(text, golds)
        preds = by_doc.get((art,), pl.DataFrame()).to_dicts() if by_doc else []
        ptoks = [_tok_ids(starts, toks, [(p["char_start"], p["char_end"])]) for p in preds]

        def speaker_ok(p: dict, g: Gold) -> bool:
            if not use_speaker or not g.source:
                return True
            return match(p, g)

        fits: dict[int, list[int]] = {}
        for pi, p in enumerate(preds):
            pt = ptoks[pi]
            if not pt:
                continue
            for gi, g in enumerate(golds):
                if g.tokens and len(pt & g.tokens) >= 0.5 * len(pt) and speaker_ok(p, g):
                    fits.setdefault(pi, []).append(gi)
        found = set()
        for gi, g in enumerate(golds):
            if not g.tokens:
                continue
            cover: set[int] = set()
            for pi, gis in fits.items():
                if gi in gis:
                    cover |= ptoks[pi] & g.tokens
            if len(cover) >= 0.5 * len(g.tokens):
                found.add(gi)
        for gi, g in enumerate(golds):
            if not g.tokens:
                continue
            kind = "direct" if g.direct else "reported"
            for k in (kind, "all"):
                counts[k]["n_g"] += 1
                counts[k]["found"] += gi in found
            cn = cue_n.setdefault(" ".join(g.cue_text.lower().split()), [0, 0])
            cn[0] += 1
            cn[1] += gi in found
            if gi not in found and shown["fn"] < errors:
                shown["fn"] += 1
                print(f"  MISS [{kind}] {art}: src={g.source_text!r} cue={g.cue_text!r} :: "
                      f"{' | '.join(text[a:b] for a, b in g.content)[:160]!r}")
        for pi, p in enumerate(preds):
            kind = "direct" if p["is_direct_quote"] else "reported"
            ok = any(gi in found for gi in fits.get(pi, []))
            for k in (kind, "all"):
                counts[k]["n_p"] += 1
                counts[k]["tp_p"] += ok
            if not ok and shown["fp"] < errors:
                shown["fp"] += 1
                print(f"  FALSE [{kind}] {art}: spk={p['speaker_text']!r} cue={p['speech_verb']!r} :: "
                      f"{p['statement_text'][:160]!r}")
    if by_cue:
        print("  gold cues with most misses (cue: missed/gold):")
        worst = sorted(cue_n.items(), key=lambda kv: kv[1][1] - kv[1][0])[:by_cue]
        print("  " + "; ".join(f"{c!r}: {n - f}/{n}" for c, (n, f) in worst))
    out = {}
    for k, c in counts.items():
        prec = c["tp_p"] / c["n_p"] if c["n_p"] else 0.0
        rec = c["found"] / c["n_g"] if c["n_g"] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[k] = {"precision": prec, "recall": rec, "f1": f1, "predicted": c["n_p"], "gold": c["n_g"]}
    return out


def _print(title: str, res: dict[str, dict[str, float]]) -> None:
    print(title)
    print(f"  {'kind':<9} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}")
    for k in ("direct", "reported", "all"):
        r = res[k]
        print(f"  {k:<9} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['predicted']:6d} "
              f"{r['gold']:6d}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--no-actors", action="store_true", help="skip the actors stage (no mentions)")
    ap.add_argument("--errors", type=int, default=0, help="print up to N misses and N false statements")
    ap.add_argument("--by-cue", type=int, default=0, help="print the N gold cues with most missed statements")
    args = ap.parse_args(argv)
    if not (args.polnear / args.split).exists():
        print(f"{args.polnear / args.split} is absent", file=sys.stderr)
        return 2
    docs, gold = load_split(args.polnear, args.split, args.limit)
    stm, actors, secs = run_pipeline(docs, with_actors=not args.no_actors)
    print(f"PolNeAR {args.split}: {docs.height} articles, {sum(len(g) for g in gold.values())} gold "
          f"attributions, {stm.height} predicted statements ({secs:.2f}s in extract_statements)")
    _print("speaker + content", score(docs, gold, stm, actors, errors=args.errors,
                                              by_cue=args.by_cue))
    _print("content only", score(docs, gold, stm, actors, use_speaker=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
