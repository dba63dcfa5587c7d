"""Sentences: abbreviations, Arabic punctuation, quotes across sentence ends, glued sentences, offsets."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import polars as pl
import pytest

from transforms.clean import clean_articles
from transforms.ingest import ingest_folder
from transforms.schemas import SENTENCES
from transforms.sentences import MAX_SENTENCE_CHARS, sentence_spans, split_sentences


def sents(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith met Gen. Haftar in the U.S. on Jan. 5. He said growth was 3.5 percent.",
            ["Mr. Smith met Gen. Haftar in the U.S. on Jan. 5.", "He said growth was 3.5 percent."],
        ),
        ("Dr. Ali arrived. J. Smith left! Why? Nobody knows.", ["Dr. Ali arrived.", "J. Smith left!", "Why?", "Nobody knows."]),
        ("Talks were held in the U.S. The minister left.", ["Talks were held in the U.S.", "The minister left."]),
        ("Prices rose e.g. for bread. Then they fell.", ["Prices rose e.g. for bread.", "Then they fell."]),
        ("Wait... what happened? It ended…", ["Wait... what happened?", "It ended…"]),
        ("Heading without a stop\nFirst sentence here. Second one", ["Heading without a stop", "First sentence here.", "Second one"]),
        (
            "The gap between Clinton and then-Sen. Barack Obama was narrow. It is wider now.",
            ["The gap between Clinton and then-Sen. Barack Obama was narrow.", "It is wider now."],
        ),
    ],
)
def test_english_rules(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def test_arabic_question_mark_splits_and_comma_does_not() -> None:
    text = "هل التنسيق مستمر؟ نعم، قال المصدر إن التنسيق متواصل. وأضاف أن الأزمة لم تؤثر عليه!"
    assert sents(text) == ["هل التنسيق مستمر؟", "نعم، قال المصدر إن التنسيق متواصل.", "وأضاف أن الأزمة لم تؤثر عليه!"]


def test_arabic_title_abbreviation_does_not_split() -> None:
    text = "التقى د. أحمد بن علي بالوزير. ثم غادر."
    assert sents(text) == ["التقى د. أحمد بن علي بالوزير.", "ثم غادر."]


def test_quote_spanning_sentence_ends_splits_after_closing_quote() -> None:
    text = "He said: “It is over. We go home.” Then silence. «هذا جيد. جدا» قال."
    assert sents(text) == ["He said: “It is over. We go home.”", "Then silence.", "«هذا جيد. جدا» قال."]


def test_glued_sentences_split() -> None:
    text = (
        "discussed the importance of cooperation between Morocco and Algeria.In his interview, Khiame said "
        "cooperation “would benefit the two countries because there are several risks in the region.”Referring "
        "to Algeria’s position, he spoke. Visit example.com today."
    )
    assert sents(text) == [
        "discussed the importance of cooperation between Morocco and Algeria.",
        "In his interview, Khiame said cooperation “would benefit the two countries because there are several "
        "risks in the region.”",
        "Referring to Algeria’s position, he spoke.",
        "Visit example.com today.",
    ]


def test_unclosed_quote_does_not_swallow_the_paragraph_after_a_newline() -> None:
    text = "He said “this never closes. Still quoted.\nNew paragraph here. Another one."
    assert sents(text) == ["He said “this never closes. Still quoted.", "New paragraph here.", "Another one."]


def test_runaway_sentence_is_cut_at_whitespace() -> None:
    text = "word " * 5000
    spans = sentence_spans(text)
    assert len(spans) > 1
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in spans)
    assert all(text[a:b].strip() == text[a:b] and not text[a:b].startswith("ord") for a, b in spans)


def test_seed_sentences_offsets_round_trip(sample_dir: Path) -> None:
    raw, _ = ingest_folder(sample_dir, clock=lambda: datetime(2026, 1, 1))
    docs = clean_articles(raw)
    out = split_sentences(docs)
    assert out.schema == pl.Schema(SENTENCES)
    bodies = dict(zip(docs["article_id"], docs["body_text"], strict=True))
    for r in out.iter_rows(named=True):
        assert bodies[r["article_id"]][r["char_start"] : r["char_end"]] == r["text"] == r["text"].strip()
    # sentence_index is 0..n-1 per article, in offset order
    for _, g in out.group_by("article_id"):
        g = g.sort("sentence_index")
        assert g["sentence_index"].to_list() == list(range(g.height))
        assert g["char_start"].is_sorted()
    by_file = dict(zip(docs["source_file"], docs["article_id"], strict=True))
    s002 = out.filter(pl.col("article_id") == by_file["002_e463fa037704df48.txt"])["text"].to_list()
    assert s002[1].startswith("In his interview with Moroccan television channel 2M")
    assert s002[1].endswith("because there are several risks in the region.”")
    assert s002[2].startswith("Referring to Algeria’s position")
    assert "“We will surely not keep any secret regarding any issue that threatens the stability of any country, including Algeria.”" in s002
    s001 = out.filter(pl.col("article_id") == by_file["001_1dccee4823061a04.txt"])["text"].to_list()
    assert "In a message to the AU summit in Rwanda, Moroccan King Mohammed VI said the time had come for his country to retake its place within its institutional family." in s001
    s003 = out.filter(pl.col("article_id") == by_file["003_2ca05f1750cdc00a.txt"])["text"].to_list()
    assert s003[0].startswith("قال مصدر أمني جزائري مطلع") and s003[0].endswith("بصفة مستمرة.")


def test_empty_documents() -> None:
    empty_docs = pl.DataFrame({"article_id": ["a", "b"], "body_text": ["", None]})
    assert split_sentences(empty_docs).height == 0
    assert split_sentences(empty_docs.clear()).schema == pl.Schema(SENTENCES)


def test_hostile_folder_through_clean_and_sentences(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "hostile"))
    from make_hostile import make_hostile

    make_hostile(tmp_path / "in")
    raw, _ = ingest_folder(tmp_path / "in", clock=lambda: datetime(2026, 1, 1))
    docs = clean_articles(raw)
    assert docs.height == raw.height
    out = split_sentences(docs)
    bodies = dict(zip(docs["article_id"], docs["body_text"], strict=True))
    for r in out.iter_rows(named=True):
        assert bodies[r["article_id"]][r["char_start"] : r["char_end"]] == r["text"]
    long_id = raw.filter(pl.col("source_file") == "valid/long_paragraph.txt")["article_id"][0]
    long_sents = out.filter(pl.col("article_id") == long_id)
    assert long_sents.height >= 2_000_000 // MAX_SENTENCE_CHARS
    assert (long_sents["char_end"] - long_sents["char_start"]).max() <= MAX_SENTENCE_CHARS
    html = docs.filter(pl.col("source_file") == "valid/scripts.html").row(0, named=True)
    assert html["title"] == "Talks resume"
    assert html["outlet"] == "Example News"
    assert str(html["published_date"]) == "2016-07-24"
    assert "SCRIPT" not in html["body_text"] and "Home | World" not in html["body_text"]
    assert html["body_text"].startswith("Algeria and Morocco agreed on Sunday")
