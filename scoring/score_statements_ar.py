"""Score Arabic statement extraction against the hand-made Arabic gold: `python -m scoring.score_statements_ar`.

Gold: `tests/fixtures/statements_gold_ar/gold.jsonl` (stand-off offsets only; selection rule and guidelines in
the README beside it). The 15 articles are re-read from `../shared/corpora/bulk/<file>` by line number (the
record id is checked), written byte for byte to one temporary `.jsonl` file and run through the real chain:
ingest -> clean -> sentences -> actors -> statements. The sha256 of every `body_text` must equal the gold's
`body_sha256`, otherwise the offsets no longer point at the annotated words and the scorer stops (exit 3).

Matching: the content, coverage and precision rules are those of `scoring.score_statements.score` (tokens are
`\\w+` runs; a prediction fits a gold statement when half of its tokens lie in the gold content; a gold statement
is found when the fitting predictions with the right speaker cover half of its tokens). `direct` is the
annotator's. The speaker is right when
- the predicted speaker span overlaps the gold speaker span (or the annotated antecedent span), or
- the predicted speaker's actor is the actor the pipeline resolved at the gold speaker span or antecedent span
  (an actor mention overlapping it), or
- the last word of the predicted speaker text, the actor's canonical_name or canonical_name_ar equals the last
  word of the gold speaker text or of the antecedent text (`speaker_antecedent`, given for pro-dropped,
  pronoun and anaphoric-description speakers), after Arabic normalisation (diacritics and tatweel dropped,
  alef forms, ى/ي and ة/ه unified, one proclitic و ف ب ل or the article ال may differ).

Exit 2 when the bulk corpus folder is absent, 3 when a record or a body_text no longer matches the gold.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import polars as pl

from scoring.score_statements import Gold, _print, score

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "fixtures" / "statements_gold_ar" / "gold.jsonl"
DEFAULT_BULK = Path(os.environ.get("AKHBAR_SHARED", REPO.parent / "shared")) / "corpora" / "bulk"

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_AR_WORD = re.compile(r"[^\W_]+")


class GoldMismatch(RuntimeError):
    """The bulk corpus or the cleaning step no longer gives the texts the gold was annotated on."""


def load_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_records(bulk: Path, rows: list[dict]) -> dict[tuple[str, int], bytes]:
    """The raw lines (without line ending) of the gold's records, checked against their record ids."""
    want: dict[str, dict[int, str]] = {}
    for r in rows:
        want.setdefault(r["bulk_file"], {})[r["line"]] = r["record_id"]
    out: dict[tuple[str, int], bytes] = {}
    for fname, lines in sorted(want.items()):
        path = bulk / fname
        if not path.exists():
            raise GoldMismatch(f"{path} is absent")
        last = max(lines)
        with gzip.open(path, "rb") as fh:
            for lineno, raw in enumerate(fh, start=1):
                if lineno in lines:
                    line = raw.rstrip(b"\r\n")
                    rid = json.loads(line).get("id")
                    if rid != lines[lineno]:
                        raise GoldMismatch(f"{fname} line {lineno} is record {rid!r}, the gold expects "
                                           f"{lines[lineno]!r}: the bulk file changed")
                    out[(fname, lineno)] = line
                if lineno >= last:
                    break
        missing = set(lines) - {n for f, n in out if f == fname}
        if missing:
            raise GoldMismatch(f"{fname} has no line(s) {sorted(missing)}")
    return out


def documents(bulk: Path, rows: list[dict]) -> pl.DataFrame:
    """The gold's articles as the pipeline sees them (ingest + clean of the records' own lines)."""
    from transforms.clean import clean_articles
    from transforms.ingest import ingest_folder

    lines = read_records(bulk, rows)
    with tempfile.TemporaryDirectory(prefix="akhbar_ar_gold_") as tmp:
        (Path(tmp) / "statements_gold_ar.jsonl").write_bytes(b"\n".join(lines[k] for k in sorted(lines)) + b"\n")
        raw, rejected = ingest_folder(Path(tmp))
    if rejected.height:
        raise GoldMismatch(f"ingest rejected gold records: {rejected['reason'].to_list()}")
    docs = clean_articles(raw)
    got = {a: hashlib.sha256(b.encode("utf-8")).hexdigest()
           for a, b in docs.select(["article_id", "body_text"]).iter_rows()}
    for art, sha in sorted({(r["article_id"], r["body_sha256"]) for r in rows}):
        if art not in got:
            raise GoldMismatch(f"article {art} is not produced by ingest (its article_id changed?)")
        if got[art] != sha:
            raise GoldMismatch(f"body_text of article {art} changed (sha256 {got[art][:12]}..., gold "
                               f"{sha[:12]}...): ingest/clean no longer give the annotated text, so the gold "
                               f"offsets are invalid; check the change to transforms/clean.py or re-annotate")
    return docs.filter(pl.col("article_id").is_in(list(got)))


def gold_statements(rows: list[dict], docs: pl.DataFrame) -> dict[str, list[Gold]]:
    texts = dict(docs.select(["article_id", "body_text"]).iter_rows())
    out: dict[str, list[Gold]] = {}
    for r in rows:
        text = texts[r["article_id"]]
        src = [(r["speaker_char_start"], r["speaker_char_end"])]
        ant = [tuple(r["speaker_antecedent"])] if r.get("speaker_antecedent") else []
        out.setdefault(r["article_id"], []).append(Gold(
            article=r["article_id"],
            content=[(a, b) for a, b in r["content"]],
            source=src,
            source_text=text[src[0][0]:src[0][1]],
            antecedent_text=text[ant[0][0]:ant[0][1]] if ant else "",
            antecedent=ant,
            cue_text=text[r["cue_char_start"]:r["cue_char_end"]],
            direct=bool(r["direct"]),
        ))
    return out


def _norm(word: str) -> str:
    w = _DIACRITICS.sub("", word)
    w = re.sub("[إأآٱ]", "ا", w)
    return w.replace("ى", "ي").replace("ة", "ه").lower()


def _variants(word: str) -> set[str]:
    """A normalised word with one proclitic (و ف ب ل, لل -> ال) and the article ال taken off."""
    w = _norm(word)
    out = {w}
    if w.startswith("لل") and len(w) > 3:
        out.add("ال" + w[2:])
    for v in list(out):
        if v[:1] in "وفبل" and len(v) > 3:
            out.add(v[1:])
    for v in list(out):
        if v.startswith("ال") and len(v) > 3:
            out.add(v[2:])
    return out


def _last(s: str | None) -> set[str]:
    words = _AR_WORD.findall(s or "")
    return _variants(words[-1]) if words else set()


def arabic_speaker(mentions: pl.DataFrame, actors: pl.DataFrame) -> Callable[[dict, Gold], bool]:
    """The Arabic speaker rule (module docstring)."""
    names: dict[str, tuple[str, str]] = {}
    if not actors.is_empty():
        names = {r[0]: (r[1] or "", r[2] or "") for r in
                 actors.select(["actor_id", "canonical_name", "canonical_name_ar"]).iter_rows()}
    by_art: dict[str, list[tuple[int, int, str]]] = {}
    if not mentions.is_empty():
        for art, a, b, act in mentions.select(["article_id", "char_start", "char_end", "actor_id"]).iter_rows():
            by_art.setdefault(art, []).append((a, b, act))

    def ok(p: dict, g: Gold) -> bool:
        spans = g.source + g.antecedent
        ps, pe = p["speaker_char_start"], p["speaker_char_end"]
        if ps is not None and pe is not None and any(ps < b and pe > a for a, b in spans):
            return True
        aid = p["speaker_actor_id"]
        if aid and any(act == aid and a < e and b > s for a, b, act in by_art.get(g.article, [])
                       for s, e in spans):
            return True
        cands = _last(p["speaker_text"])
        for n in names.get(aid, ()) if aid else ():
            cands |= _last(n)
        gold_words = _last(g.source_text) | _last(g.antecedent_text)
        return bool(cands & gold_words)

    return ok


def evaluate(bulk: Path, *, errors: int = 0, gold_path: Path = GOLD
             ) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, float]], int, int]:
    """(speaker + content, content only, articles, predicted statements). Raises GoldMismatch."""
    from transforms.actors import extract_actors
    from transforms.referenced import referenced_actors
    from transforms.sentences import split_sentences
    from transforms.statements import extract_statements

    rows = load_gold(gold_path)
    docs = documents(bulk, rows)
    gold = gold_statements(rows, docs)
    # the chain as the pipeline runs it on the cleaned documents (DOCUMENTS contract, source_file kept)
    sentences = split_sentences(docs)
    mentions, actors = extract_actors(docs, sentences)
    stm = extract_statements(docs, sentences, mentions, actors)
    # speakers resolved to dictionary actors no mention names (as the statements asset adds them)
    extra, _ = referenced_actors(stm["speaker_actor_id"].to_list() if stm.height else [], actors)
    if extra.height:
        actors = pl.concat([actors, extra], how="vertical_relaxed")
    with_spk = score(docs, gold, stm, actors, errors=errors, prepare=None,
                     speaker_match=arabic_speaker(mentions, actors))
    content = score(docs, gold, stm, actors, use_speaker=False, prepare=None)
    return with_spk, content, docs.height, stm.height


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bulk", type=Path, default=DEFAULT_BULK, help="folder of the bulk .jsonl.gz files")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--errors", type=int, default=0, help="print up to N misses and N false statements")
    args = ap.parse_args(argv)
    if not args.bulk.exists():
        print(f"{args.bulk} is absent: the Arabic gold is stand-off and needs the bulk corpus "
              f"(../shared/corpora/bulk)", file=sys.stderr)
        return 2
    try:
        with_spk, content, n_docs, n_pred = evaluate(args.bulk, errors=args.errors, gold_path=args.gold)
    except GoldMismatch as e:
        print(f"Arabic statements gold does not match: {e}", file=sys.stderr)
        return 3
    n_gold = with_spk["all"]["gold"]
    print(f"Arabic statements gold: {n_docs} articles, {n_gold} gold statements, {n_pred} predicted statements")
    _print("speaker + content", with_spk)
    _print("content only", content)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
