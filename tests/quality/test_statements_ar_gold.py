"""The Arabic statements gold (tests/fixtures/statements_gold_ar) and its scorer, scoring.score_statements_ar.

The gold is stand-off only, so its well-formedness is checked without the corpus; the scorer's figures need
../shared/corpora/bulk and are skipped without it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from support import FIXTURES, shared_path

from scoring import score_statements_ar

GOLD_DIR = FIXTURES / "statements_gold_ar"
FIELDS = {"id", "bulk_file", "record_id", "line", "article_id", "body_sha256", "speaker_char_start",
          "speaker_char_end", "cue_char_start", "cue_char_end", "content", "direct"}
# measured on the frozen gold (15 articles, 70 statements); a floor is that minus MARGIN (about one statement
# of a kind's recall), so a regression shows but small extractor churn does not. Blind, when the scorer was
# added: all 0.618 (speaker + content), 0.715 (content only); these are the figures after the fixes its misses
# suggested (addressee after the verb, يذكر أن, حسب + a norm, quoted names, a quoted name as the subject, a participle ends reported content), so the gold is no longer held out.
# Raised in session 4 after further fixes from its misses (VSO subject before a later و-verb, بقوله, long
# subjects, حسبما نشرت / وفق ما نقلت, عن X قوله, the feminine verb check): all 0.700 -> 0.768.
MEASURED = {
    "speaker": {"direct": 0.693, "reported": 0.808, "all": 0.768},
    "content": {"direct": 0.880, "reported": 0.808, "all": 0.832},
}
MARGIN = 0.05
# The held-out set (heldout.jsonl: 12 other articles, 74 statements) was annotated BLIND on 2026-11-22 and committed
# before the extractor was ever run on its articles; these are the first figures measured on it (transforms/ at
# 291758c). It is held out: do not tune the extractor on its misses (or, if you do, say so here and in the README,
# and treat its figures as development figures from then on). Floors are these minus MARGIN, as above.
# NO LONGER BLIND since session 6 (2026-11-22): after the Arabic statement fixes of 6d808a3/61c6cd7, measured
# without looking (all 0.700: direct 0.703, reported 0.699), its direct figure fell under this floor, and the
# system output on its 12 articles was diffed to find why (one quote given to a man after "لكنها قالت"). The
# cause, women's names in the list read as men's given names, was fixed; the figures below are from then on
# development figures.
HELDOUT = GOLD_DIR / "heldout.jsonl"
HELDOUT_MEASURED = {
    "speaker": {"direct": 0.757, "reported": 0.699, "all": 0.716},
    "content": {"direct": 0.811, "reported": 0.759, "all": 0.774},
}


def _rows(path: Path = GOLD_DIR / "gold.jsonl") -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _span_ok(a: object, b: object) -> bool:
    return isinstance(a, int) and isinstance(b, int) and 0 <= a < b


def _check_well_formed(rows: list[dict], n_articles: int) -> None:
    assert rows
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    per_article: dict[str, tuple] = {}
    for r in rows:
        assert FIELDS <= set(r), f"{r.get('id')}: missing {FIELDS - set(r)}"
        assert set(r) <= FIELDS | {"speaker_antecedent"}, f"{r['id']}: unknown fields (text must not be stored)"
        assert _span_ok(r["speaker_char_start"], r["speaker_char_end"]), r["id"]
        assert _span_ok(r["cue_char_start"], r["cue_char_end"]), r["id"]
        assert isinstance(r["content"], list) and r["content"], r["id"]
        for piece in r["content"]:
            assert len(piece) == 2 and _span_ok(*piece), r["id"]
        if "speaker_antecedent" in r:
            ant = r["speaker_antecedent"]
            assert len(ant) == 2 and _span_ok(*ant), r["id"]
            assert ant[1] <= r["speaker_char_end"], f"{r['id']}: an antecedent comes before its speaker"
        assert isinstance(r["direct"], bool)
        assert re.fullmatch(r"[0-9a-f]{64}", r["body_sha256"]), r["id"]
        assert re.fullmatch(r"[0-9a-f]{16}", r["article_id"]), r["id"]
        assert r["id"].startswith(r["article_id"] + ":")
        assert r["bulk_file"].endswith(".jsonl.gz") and isinstance(r["line"], int) and r["line"] >= 1
        assert r["record_id"].startswith(r["bulk_file"].split(".")[0] + ":")
        key = (r["bulk_file"], r["record_id"], r["line"], r["body_sha256"])
        assert per_article.setdefault(r["article_id"], key) == key, f"{r['id']}: article fields disagree"
    assert len(per_article) == n_articles
    assert len({k[0] for k in per_article.values()}) >= 2


def test_gold_is_well_formed_stand_off():
    _check_well_formed(_rows(), 15)


def test_heldout_is_well_formed_stand_off_and_disjoint_from_the_gold():
    rows = _rows(HELDOUT)
    _check_well_formed(rows, 12)
    assert not {r["article_id"] for r in rows} & {r["article_id"] for r in _rows()}
    assert not {(r["bulk_file"], r["line"]) for r in rows} & {(r["bulk_file"], r["line"]) for r in _rows()}


@pytest.mark.parametrize("path", [GOLD_DIR / "gold.jsonl", HELDOUT], ids=["gold", "heldout"])
def test_readme_counts_match_the_gold(path):
    rows = _rows(path)
    readme = (GOLD_DIR / "README.md").read_text(encoding="utf-8")
    n, d = len(rows), sum(r["direct"] for r in rows)
    assert f"{n} statements: {d} direct, {n - d} reported" in readme
    for sha in {r["body_sha256"] for r in rows}:
        assert sha in readme


def test_scorer_exits_2_without_the_corpus(tmp_path, capsys):
    assert score_statements_ar.main(["--bulk", str(tmp_path / "absent")]) == 2
    assert "absent" in capsys.readouterr().err


@pytest.mark.corpus
def test_scorer_stops_when_a_body_text_changed(tmp_path, capsys):
    bulk = shared_path("corpora", "bulk")
    rows = _rows()
    first = rows[0]["article_id"]
    for r in rows:
        if r["article_id"] == first:
            r["body_sha256"] = "0" * 64
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert score_statements_ar.main(["--bulk", str(bulk), "--gold", str(gold)]) == 3
    assert f"body_text of article {first} changed" in capsys.readouterr().err


@pytest.mark.corpus
def test_scorer_figures_at_least_the_floor():
    bulk = shared_path("corpora", "bulk")
    rows = _rows()
    docs = score_statements_ar.documents(bulk, rows)
    texts = dict(docs.select(["article_id", "body_text"]).iter_rows())
    for r in rows:  # offsets point inside the text and at words, not at spaces
        text = texts[r["article_id"]]
        for a, b in [(r["speaker_char_start"], r["speaker_char_end"]), *map(tuple, r["content"])]:
            assert b <= len(text) and text[a:b].strip() == text[a:b], r["id"]
    with_spk, content, n_docs, _ = score_statements_ar.evaluate(bulk)
    assert n_docs == 15 and with_spk["all"]["gold"] == len(rows)
    for name, res in (("speaker", with_spk), ("content", content)):
        for kind, floor in MEASURED[name].items():
            assert res[kind]["f1"] >= floor - MARGIN, (name, kind, res[kind])


@pytest.mark.corpus
def test_heldout_scorer_figures_at_least_the_floor():
    """The blind held-out set (see HELDOUT_MEASURED): offsets point at words, figures at least measured - MARGIN."""
    bulk = shared_path("corpora", "bulk")
    rows = _rows(HELDOUT)
    docs = score_statements_ar.documents(bulk, rows)
    texts = dict(docs.select(["article_id", "body_text"]).iter_rows())
    for r in rows:
        text = texts[r["article_id"]]
        for a, b in [(r["speaker_char_start"], r["speaker_char_end"]), (r["cue_char_start"], r["cue_char_end"]),
                     *map(tuple, r["content"])]:
            assert b <= len(text) and text[a:b].strip() == text[a:b], r["id"]
    with_spk, content, n_docs, _ = score_statements_ar.evaluate(bulk, gold_path=HELDOUT)
    assert n_docs == 12 and with_spk["all"]["gold"] == len(rows)
    for name, res in (("speaker", with_spk), ("content", content)):
        for kind, floor in HELDOUT_MEASURED[name].items():
            assert res[kind]["f1"] >= floor - MARGIN, (name, kind, res[kind])
