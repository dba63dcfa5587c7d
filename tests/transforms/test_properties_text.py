"""Property-based tests: any Unicode input to clean and the sentence splitter gives no exception, and every
sentence span lies inside the text, is stripped and round-trips."""

from __future__ import annotations

import unicodedata
from datetime import datetime

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.clean import clean_articles, clean_text, detect_language, word_count
from transforms.ingest import DecodeError, decode_bytes, normalize_text
from transforms.schemas import RAW_ARTICLES, conform
from transforms.sentences import sentence_spans, split_sentences

# Text with the characters that matter here over-represented: stops, quotes, newlines, Arabic, digits.
_ALPHABET = st.one_of(
    st.characters(),
    st.sampled_from(list(".!?؟…،“”«»\"' \n\t\r0123456789ABCabcقالمصدر-–|•:/")),
)
texts = st.text(alphabet=_ALPHABET, max_size=400)
# Polars strings are UTF-8 and cannot hold lone surrogates (ingest turns them into U+FFFD before this point)
frame_texts = st.text(
    alphabet=st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(list(".!?؟…“”«»\" \n"))),
    max_size=400,
)


def _check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    prev_end = 0
    for a, b in spans:
        assert 0 <= prev_end <= a < b <= len(text)
        piece = text[a:b]
        assert piece == piece.strip()
        prev_end = b


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_sentence_spans_any_text(text: str) -> None:
    spans = sentence_spans(text)
    _check_spans(text, spans)
    # every non-space character is inside some sentence
    covered = set()
    for a, b in spans:
        covered.update(range(a, b))
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.one_of(st.none(), texts))
def test_clean_text_any_text(text: str, title: str | None) -> None:
    r = clean_text(text, meta_title=title)
    assert isinstance(r.body_text, str)
    assert r.body_text == r.body_text.strip()
    assert unicodedata.is_normalized("NFC", r.body_text)
    assert not any(c in r.body_text for c in "\x00\x07\u200b\ufeff\r")
    for field in (r.title, r.author, r.translator, r.dateline, r.outlet):
        assert field is None or (field == field.strip() and field)
    assert word_count(r.body_text) == len(r.body_text.split()) - sum(
        r.body_text.count(d) for d in (" – ", " - ", " — ", " • ", " | ", " / ")
    )
    detect_language(r.body_text)
    _check_spans(r.body_text, sentence_spans(r.body_text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(frame_texts, min_size=1, max_size=4))
def test_clean_and_split_frames_round_trip(bodies: list[str]) -> None:
    raw = conform(
        pl.DataFrame(
            {
                "article_id": [f"a{i}" for i in range(len(bodies))],
                "source_file": [f"f{i}.txt" for i in range(len(bodies))],
                "content_sha256": [str(i) for i in range(len(bodies))],
                "raw_text": [normalize_text(b) for b in bodies],
                "ingested_at": [datetime(2026, 1, 1)] * len(bodies),
            }
        ),
        RAW_ARTICLES,
    )
    docs = clean_articles(raw)
    assert docs.height == len(bodies)
    out = split_sentences(docs)
    body = dict(zip(docs["article_id"], docs["body_text"], strict=True))
    for r in out.iter_rows(named=True):
        assert body[r["article_id"]][r["char_start"] : r["char_end"]] == r["text"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_decode_any_bytes_gives_text_or_a_reason(data: bytes) -> None:
    try:
        text, enc = decode_bytes(data)
    except DecodeError as e:
        assert str(e)
    else:
        assert isinstance(text, str)
        assert enc in {"utf-8", "utf-8-sig", "utf-16", "cp1256", "cp1252", "latin-1"}
