"""Property-based tests of the extraction chain (sentences -> actors -> statements -> events) on arbitrary
Unicode documents: no exception, every output conforms to its stage contract, every span lies inside its
body and resolves to its text, ids are unique, CAMEO fields are consistent, and the chain is repeatable.

Documents are built from arbitrary text (any code point except lone surrogates, which Polars cannot hold
and ingest already replaces) mixed with pieces that make the extractors fire: names from the actor
dictionary, speech verbs, quote marks of every kind, event verbs, dates, in English and Arabic.
"""

from __future__ import annotations

from datetime import date, datetime

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from expectations.config import load_config
from transforms.actors import extract_actors
from transforms.common import nfc
from transforms.events import extract_events
from transforms.schemas import ACTOR_MENTIONS, ACTORS, DOCUMENTS, EVENTS, SENTENCES, STATEMENTS, conform
from transforms.sentences import split_sentences
from transforms.statements import extract_statements

EN_PIECES = [
    "Algeria",
    "Morocco",
    "the Algerian government",
    "Moroccan",
    "King Mohammed VI",
    "Nasser Bourita",
    "Abdelhak Khiame",
    "the African Union",
    "the United Nations",
    "ISIS",
    "Rabat",
    "Algiers",
    "Mr. ",
    "U.S. ",
    "the head of Morocco's Central Bureau of Judicial Investigation (BCIJ), ",
    " he ",
    " she ",
    " said ",
    " said that ",
    " told reporters ",
    " claimed ",
    " called on ",
    " according to ",
    " added: ",
    "“",
    "”",
    '"',
    "«",
    "»",
    "'",
    "‘",
    "’",
    ", ",
    ". ",
    "! ",
    "? ",
    "\n",
    "\n\n",
    " – ",
    "...",
    " visited ",
    " did not visit ",
    " will meet ",
    " accused ",
    " condemned ",
    " hosted ",
    " signed an agreement with ",
    " attacked ",
    " threatened to ",
    " on Sunday",
    " on 12 March 2023",
    " last month",
    " in 2016",
    "The time had come for cooperation",
    "security cooperation",
]
AR_PIECES = [
    "قال",
    " قال ",
    "وأضاف",
    " أن ",
    " إن ",
    "الجزائر",
    "المغرب",
    "الجزائري",
    "مصدر أمني جزائري",
    "وزير الخارجية",
    "أحمد عطاف",
    "ناصر بوريطة",
    "الأمم المتحدة",
    "«",
    "»",
    '"',
    "، ",
    ". ",
    "؟ ",
    " زار ",
    " لم يزر ",
    " اتهم ",
    " أدان ",
    " استقبل ",
    " وقع اتفاقا مع ",
    " يوم الأحد",
    " في 12 مارس 2023",
    "ٱلْجَزَائِر",
    "ـ",
    " وفقا للمصدر ذاته",
    "\n",
]
# Any character but lone surrogates; the odd ones over-represented: combining marks, RTL marks, emoji,
# zero-width joiners, NUL and control characters, line and paragraph separators.
_ODD = list(
    "\u0301\u064b\u200f\u200e\u200d\u200b\ufeff\u2028\u2029\x00\x1b\r\t\U0001f600\U0001f1f2\U0001f1e6\ufffd"
)
_CHAR = st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(_ODD))
_PIECE = st.one_of(
    st.sampled_from(EN_PIECES), st.sampled_from(AR_PIECES), st.text(alphabet=_CHAR, min_size=1, max_size=12)
)
bodies = st.lists(_PIECE, max_size=40).map(lambda parts: nfc("".join(parts)))
doc_lists = st.lists(
    st.tuples(
        bodies, st.sampled_from(["en", "ar", "fr", None]), st.one_of(st.none(), st.dates(date(1990, 1, 1)))
    ),
    min_size=1,
    max_size=3,
)

ROOTS = {f"{i:02d}" for i in range(1, 21)}
# QuadClass by root: the same data the quality suite checks against (expectations/thresholds.json)
QUAD = {k: v for k, v in load_config().thresholds["quad_class_by_root"].items() if not k.startswith("_")}


def documents(docs: list[tuple[str, str | None, date | None]]) -> pl.DataFrame:
    n = len(docs)
    return conform(
        pl.DataFrame(
            {
                "article_id": [f"art{i}" for i in range(n)],
                "source_file": [f"{i:03d}.txt" for i in range(n)],
                "content_sha256": [f"{i:064x}" for i in range(n)],
                "language": [d[1] for d in docs],
                "body_text": [d[0] for d in docs],
                "published_date": [d[2] for d in docs],
                "word_count": [len(d[0].split()) for d in docs],
                "ingested_at": [datetime(2026, 1, 1)] * n,
            },
            schema_overrides={"published_date": pl.Date, "language": pl.String},
        ),
        DOCUMENTS,
    )


def run_chain(docs: pl.DataFrame) -> dict[str, pl.DataFrame]:
    sentences = split_sentences(docs)
    mentions, actors = extract_actors(docs, sentences)
    statements = extract_statements(docs, sentences, mentions, actors)
    events = extract_events(docs, sentences, mentions, actors)
    return {"sentences": sentences, "mentions": mentions, "actors": actors, "statements": statements,
            "events": events}  # fmt: skip


def assert_spans(df: pl.DataFrame, body: dict[str, str], text_col: str, what: str) -> None:
    for r in df.iter_rows(named=True):
        text = body[r["article_id"]]
        s, e = r["char_start"], r["char_end"]
        assert s is not None and e is not None, f"{what}: null span {r}"
        assert 0 <= s < e <= len(text), f"{what}: span {s}..{e} outside a body of {len(text)}: {r}"
        assert text[s:e] == r[text_col], f"{what}: body[{s}:{e}] = {text[s:e]!r} != {r[text_col]!r}"


def check_chain(docs: pl.DataFrame, out: dict[str, pl.DataFrame]) -> None:
    body = dict(zip(docs["article_id"], docs["body_text"], strict=True))
    for name, schema in (("sentences", SENTENCES), ("mentions", ACTOR_MENTIONS), ("actors", ACTORS),
                         ("statements", STATEMENTS), ("events", EVENTS)):  # fmt: skip
        assert out[name].schema == pl.Schema(schema), name
    assert_spans(out["sentences"], body, "text", "sentence")
    assert_spans(out["mentions"], body, "surface_text", "mention")
    assert_spans(out["statements"], body, "statement_text", "statement")
    assert_spans(out["events"], body, "evidence_text", "event")
    for name, key in (("mentions", "mention_id"), ("actors", "actor_id"), ("statements", "statement_id"),
                      ("events", "event_id")):  # fmt: skip
        ids = out[name][key]
        assert ids.null_count() == 0 and ids.n_unique() == len(ids), f"{name}.{key} not unique"
    actor_ids = set(out["actors"]["actor_id"])
    assert set(out["mentions"]["actor_id"]) <= actor_ids, "mention of an actor missing from actors"
    if out["actors"].height:
        assert set(out["actors"]["actor_type"]) <= {
            "PERSON", "ORGANIZATION", "COUNTRY", "ARMED_GROUP", "IGO", "MEDIA", "OTHER"}  # fmt: skip
    for r in out["statements"].iter_rows(named=True):
        assert r["statement_text"].strip(), r
        assert r["is_direct_quote"] is not None, r
        # a quote that continues an attributed one has no cue of its own; a cue, when set, is not blank
        assert r["speech_verb"] is None or r["speech_verb"].strip(), r
        if r["speaker_char_start"] is not None:
            s, e = r["speaker_char_start"], r["speaker_char_end"]
            assert 0 <= s < e <= len(body[r["article_id"]]), r
    for r in out["events"].iter_rows(named=True):
        assert r["event_root_code"] in ROOTS, r
        assert r["event_code"].startswith(r["event_root_code"]), r
        assert r["quad_class"] == QUAD[r["event_root_code"]], r
        assert -10 <= r["goldstein"] <= 10 and 0 <= r["confidence"] <= 1, r
        assert r["event_date_precision"] in (None, "day", "month", "year", "publication"), r
        assert r["is_negated"] is not None and r["modality"] is not None, r
        if r["source_actor_id"] is None:  # the text may not name the actor; then it names a target
            assert r["target_actor_id"] is not None, r


@pytest.fixture(scope="module", autouse=True)
def _warm():
    """Load the spaCy model and the dictionaries once, outside hypothesis' timing."""
    run_chain(documents([("Nasser Bourita said Algeria visited Morocco.", "en", None)]))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc_lists)
def test_extraction_chain_on_any_unicode(docs) -> None:
    frame = documents(docs)
    check_chain(frame, run_chain(frame))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc_lists)
def test_extraction_chain_is_repeatable(docs) -> None:
    frame = documents(docs)
    first, second = run_chain(frame), run_chain(frame)
    for name in first:
        assert first[name].equals(second[name]), name


def test_chain_on_the_seeds_meets_the_same_properties(seed_texts) -> None:
    """The seeds (as raw text, furniture and all) through the same chain: real documents, real offsets."""
    docs = [(nfc(t), "ar" if k == "003" else "en", None) for k, t in sorted(seed_texts.items())]
    frame = documents(docs)
    out = run_chain(frame)
    check_chain(frame, out)
    assert out["mentions"].height > 50 and out["statements"].height > 10 and out["events"].height > 5
    body = frame["body_text"][1]  # seed 001
    kings = out["statements"].filter(
        (pl.col("article_id") == "art1") & pl.col("statement_text").str.starts_with("the time had come")
    )
    assert kings.height == 1, out["statements"].filter(pl.col("article_id") == "art1")
    k = kings.row(0, named=True)
    assert body[k["char_start"] : k["char_end"]].startswith("the time had come for his country")
