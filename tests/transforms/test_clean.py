"""Clean: the five seeds (titles, bylines, datelines, language, furniture), dedupe, dates, language."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import polars as pl
import pytest

from transforms.clean import (
    clean_articles,
    clean_text,
    detect_language,
    load_furniture,
    parse_dates,
    word_count,
)
from transforms.ingest import ingest_folder
from transforms.schemas import DOCUMENTS, RAW_ARTICLES, conform

FURNITURE_PHRASES = [
    "Add Comment",
    "Leave a Reply",
    "Leave a Comment",
    "All fields are mandatory",
    "Your comment has been sent for review",
    "Sorry! There is no content to display!",
    "كن أول من يضيف تعليق على هذا المقال",
    "Select Page",
    "Media ID",
    "Read Also",
    "PHOTO/FILE",
    "PHOTO/AFP",
    "مدة القراءة",
    "إدارة الموقع",
    "-- -- --",
    "Middle-east Arab News Opinion",
    "ASHARQ AL-AWSAT English Archive",
    "Coordinator for the Americas",
    "Jose Antonio Serra",
    "• 411",
    "| watch",
]


@pytest.fixture(scope="module")
def docs(sample_dir: Path) -> dict[str, dict]:
    raw, _ = ingest_folder(sample_dir, clock=lambda: datetime(2026, 1, 1))
    out = clean_articles(raw)
    assert out.schema == pl.Schema(DOCUMENTS)
    return {r["source_file"][:3]: r for r in out.iter_rows(named=True)}


def test_titles(docs: dict[str, dict]) -> None:
    assert docs["000"]["title"] == "The Makhzen Searches For Outlets to Communicate With Algeria"
    assert docs["001"]["title"] == "Algeria and Morocco to Boost Joint Security Cooperation"
    assert docs["002"]["title"] is None  # no headline line: we do not invent one
    assert docs["003"]["title"] == "مسؤول جزائري: التنسيق مع المغرب متواصل رغما عن الأزمات"
    assert docs["004"]["title"] == "Morocco, key participant in US regional safety"


def test_title_lines_are_not_in_the_body(docs: dict[str, dict]) -> None:
    for k, d in docs.items():
        if d["title"]:
            assert d["title"] not in d["body_text"], k
    # 000 repeats its headline after the share counters: neither copy stays
    assert "Makhzen Searches" not in docs["000"]["body_text"]


def test_languages(docs: dict[str, dict]) -> None:
    assert {k: d["language"] for k, d in docs.items()} == {
        "000": "en", "001": "en", "002": "en", "003": "ar", "004": "en"}


def test_byline_author_translator_outlet(docs: dict[str, dict]) -> None:
    assert (docs["000"]["author"], docs["000"]["translator"]) == ("Mohamed Moslem", "Dalila Henache")
    assert "Mohamed Moslem" not in docs["000"]["body_text"]
    assert "English version" not in docs["000"]["body_text"]
    assert docs["001"]["outlet"] == "Asharq Al-Awsat"
    for k in ("000", "002", "003", "004"):
        assert docs[k]["outlet"] is None, k  # not named by the page: not invented
        assert docs[k]["translator"] is None or k == "000"


def test_datelines_captured_and_removed(docs: dict[str, dict]) -> None:
    assert docs["002"]["dateline"] == "Rabat"
    assert docs["002"]["body_text"].startswith("After discussing Morocco’s counterterrorism strategy")
    assert docs["001"]["dateline"] == "Algiers, Rabat"
    assert docs["001"]["body_text"].startswith("Algeria announced on Sunday an agreement")
    assert docs["000"]["dateline"] is None
    assert docs["000"]["body_text"].startswith("The Moroccan Makhzen regime is trying")
    assert docs["003"]["body_text"].startswith("قال مصدر أمني جزائري مطلع")
    assert docs["004"]["body_text"].startswith("The United States considers Morocco")


def test_no_furniture_remains(docs: dict[str, dict]) -> None:
    for k, d in docs.items():
        body = d["body_text"]
        for phrase in FURNITURE_PHRASES:
            assert phrase not in body, (k, phrase)
        assert not re.search(r"^(?:Comments|0|DR|نشر|القائمة|أخبار)$", body, re.M), k


def test_seed_000_has_no_comment_form_and_no_arabic_menu(docs: dict[str, dict]) -> None:
    body = docs["000"]["body_text"]
    assert not re.search("[\u0600-\u06ff]", body)
    assert body.rstrip().endswith("which increased after Algeria’s closure of its ports.")
    assert "Comments" not in body


def test_seed_001_caption_removed_and_last_paragraph_kept(docs: dict[str, dict]) -> None:
    body = docs["001"]["body_text"]
    assert "holds a news conference in Algiers January 21, 2013" not in body  # photo caption
    assert body.endswith("Moroccans describe Western Sahara as their country’s “southern provinces.”")


def test_seed_002_read_also_cut_and_paragraphs_once(docs: dict[str, dict]) -> None:
    body = docs["002"]["body_text"]
    assert "Anti-Terrorism Strategy" not in body
    assert "including ISIS and Al Qaeda. Khiame added that cooperation" in body
    for sentence in ("Khiame added that cooperation between the countries", "record seizures", "After discussing"):
        assert body.count(sentence) == 1


def test_seed_003_reading_time_and_comment_prompt_gone(docs: dict[str, dict]) -> None:
    body = docs["003"]["body_text"]
    assert body.endswith("احتجاجا على تصريحات بوتفليقة.")
    assert "DR" not in body


def test_seed_004_captions_and_trailer_gone(docs: dict[str, dict]) -> None:
    body = docs["004"]["body_text"]
    assert "Military exercises between the United States and Morocco" not in body
    assert "United States and Morocco military exercises" not in body  # caption title above the credit
    assert "flags next to the map of Morocco" not in body
    assert body.endswith("which enjoys less support on the international stage.")


def test_word_count_matches_body(docs: dict[str, dict]) -> None:
    for d in docs.values():
        assert d["word_count"] == word_count(d["body_text"]) > 300
    assert word_count("Rabat – talks resumed • today | ok") == 5


def test_run_together_copy_then_clean_copy_keeps_one() -> None:
    paras = [
        "Rabat – The first paragraph says the talks resumed on Monday after a long pause between the two sides.",
        "The second paragraph quotes the minister, who said the talks were “constructive and frank” overall.",
        "The third paragraph gives background on the long dispute between the two neighbouring countries today.",
    ]
    glued = "".join(paras)  # run-together copy on one line (no spaces between sentences)
    text = glued + "\n\nLeave a Reply\n\n" + "\n\n".join(paras) + "\n"
    r = clean_text(text)
    body = r.body_text
    assert r.dateline == "Rabat"
    assert body.count("The second paragraph quotes the minister") == 1
    assert body.split("\n\n") == [paras[0].removeprefix("Rabat – "), paras[1], paras[2]]


def test_exact_repeated_paragraph_dropped() -> None:
    p = "Officials met in Algiers to discuss border security and the exchange of information."
    r = clean_text(f"Headline of the story here\n\n{p}\n\nAnother distinct paragraph follows here.\n\n{p}")
    assert r.body_text.count(p) == 1
    assert r.title == "Headline of the story here"


def test_meta_title_used_and_suffix_cut() -> None:
    r = clean_text("Talks resume\n\nThe talks resumed today in Rabat, officials said.", meta_title="Talks resume | Example")
    assert r.title == "Talks resume"
    assert r.body_text == "The talks resumed today in Rabat, officials said."


def test_hard_wrapped_newswire_is_unwrapped() -> None:
    text = (
        "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\n"
        "January and improving prospects for the coming temporao,\nalthough normal humidity levels have not been restored.\n"
        "    The bank said the network would link 31 banks having\n13.5 billion dlrs in assets.\n"
    )
    body = clean_text(text).body_text
    assert body.split("\n\n") == [
        "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early "
        "January and improving prospects for the coming temporao, although normal humidity levels have not been restored.",
        "The bank said the network would link 31 banks having 13.5 billion dlrs in assets.",
    ]


def test_arabic_dateline_and_byline() -> None:
    r = clean_text("بقلم: محمد علي\n\nالرباط - أعلنت وزارة الخارجية المغربية اليوم عن زيارة رسمية للوزير إلى الجزائر.")
    assert r.author == "محمد علي"
    assert r.dateline == "الرباط"
    assert r.body_text.startswith("أعلنت وزارة الخارجية")


def test_html_entities_and_controls_cleaned() -> None:
    r = clean_text("Headline words here\n\nA&amp;B said\u200b the deal was &quot;done&quot;.\x07\n\nMore text.")
    assert r.body_text == 'A&B said the deal was "done".\n\nMore text.'


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The minister said on Sunday that the talks with Algeria would continue next week.", "en"),
        ("قال وزير الخارجية إن المحادثات مع الجزائر ستستمر الأسبوع المقبل.", "ar"),
        ("Le ministre a déclaré dimanche que les discussions avec l'Algérie se poursuivraient la semaine prochaine.", "fr"),
        ("El ministro dijo el domingo que las conversaciones con Argelia continuarán la próxima semana.", "es"),
        ("", None),
        ("12 34 -- 56", None),
    ],
)
def test_detect_language(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang


def test_english_body_under_arabic_menu_is_english() -> None:
    text = "القائمة الرئيسية\n\nإدارة الموقع\n\n" + "The Moroccan official spoke about terrorism in the Sahel region. " * 5
    assert detect_language(clean_text(text).body_text) == "en"


def test_parse_dates_bulk_formats() -> None:
    s = pl.Series(
        "d",
        [
            "Sun, 18 Feb 2018 21:35:43 +0400",
            "Sun, 18 Feb 2018 01:35:43 +0400",  # the date as written, not converted to UTC
            "Wed, 16 May 2018 10:00:00 GMT",
            "26-FEB-1987 15:01:01.79",
            "27-MAR-1987 11:43:51.46&#5;&#5;&#5;F",  # dirty Reuters date with trailing junk
            "2015-07-21 02:51:32",
            "2016-07-24T10:00:00Z",
            "July 24, 2016",
            "24 يوليو 2016",
            "",
            None,
            "not a date at all",
        ],
    )
    assert parse_dates(s).to_list() == [
        date(2018, 2, 18), date(2018, 2, 18), date(2018, 5, 16), date(1987, 2, 26), date(1987, 3, 27), date(2015, 7, 21), date(2016, 7, 24),
        date(2016, 7, 24), date(2016, 7, 24), None, None, None,
    ]


def test_clean_articles_dates_from_meta_and_text() -> None:
    raw = conform(
        pl.DataFrame(
            {
                "article_id": ["a", "b"],
                "source_file": ["a.jsonl#1", "b.txt"],
                "content_sha256": ["x", "y"],
                "raw_text": [
                    "Body of a wire story that says the talks resumed today in Rabat.",
                    "Headline for b here\n\nPublished: 12 March 2021\n\nThe talks resumed today in Rabat, officials said.",
                ],
                "meta_title": ["Wire story", None],
                "meta_date": ["26-FEB-1987 15:01:01.79", None],
                "meta_outlet": ["reuters21578", None],
                "ingested_at": [datetime(2026, 1, 1)] * 2,
            }
        ),
        RAW_ARTICLES,
    )
    out = clean_articles(raw)
    assert out["published_date"].to_list() == [date(1987, 2, 26), date(2021, 3, 12)]
    assert out["outlet"].to_list() == ["reuters21578", None]
    assert out["title"].to_list() == ["Wire story", "Headline for b here"]
    assert out["body_text"][1] == "The talks resumed today in Rabat, officials said."


def test_empty_input_gives_empty_contract_frame() -> None:
    assert clean_articles(pl.DataFrame(schema=RAW_ARTICLES)).schema == pl.Schema(DOCUMENTS)


def test_furniture_reference_data_loads_per_language() -> None:
    fur = load_furniture()
    assert "leave a reply" in fur.lines
    assert "كن أول من يضيف تعليق على هذا المقال" in fur.lines
    assert fur.line_re is not None and fur.line_re.fullmatch("• 411")
    assert fur.line_re.fullmatch("مدة القراءة: 3'")
    assert fur.caption_re is not None and fur.caption_re.fullmatch("PHOTO/AFP – The flags of the two states.")
    assert ("asharq al-awsat", "Asharq Al-Awsat") in fur.outlets


@pytest.mark.parametrize(
    ("text", "dateline", "author", "body_start"),
    [
        (
            "عبدالله البرقاوي- سبق- الرياض: أعلن طيران ناس عن تكريم قائد طيار وأعضاء الطاقم بعد هبوط اضطراري ناجح.",
            "الرياض", "عبدالله البرقاوي", "أعلن طيران ناس",
        ),
        (
            "بوجومبورا - د.ب.أ: ذكر المتحدث باسم الجيش في بوروندي أمس أن الجيش قتل 31 مسلحا خلال اشتباكات.",
            "بوجومبورا", None, "ذكر المتحدث",
        ),
        (
            "وتابع: \"دشن البلدان في العام نفسه جهود تبادل المعلومات الأمنية حول التنظيمات المتطرفة\".",
            None, None, "وتابع:",
        ),
        (
            "Actor Gerard Jugnot - star of the Oscar-nominated film The Chorus - has beaten Gerard Depardieu.",
            None, None, "Actor Gerard Jugnot",
        ),
        (
            "RABAT - Morocco and Algeria resumed talks on security cooperation on Monday, officials said.",
            "RABAT", None, "Morocco and Algeria",
        ),
        (
            "Tunis (AFP) – Tunisian officials said on Monday that the border with Libya would reopen soon.",
            "Tunis (AFP)", None, "Tunisian officials",
        ),
    ],
)
def test_datelines(text: str, dateline: str | None, author: str | None, body_start: str) -> None:
    r = clean_text(text)
    assert (r.dateline, r.author) == (dateline, author)
    assert r.body_text.startswith(body_start)


def test_outlet_only_from_header_or_name_line_never_from_ordinary_text() -> None:
    body = "\n\nThe talks resumed today in Rabat, officials told reporters after the meeting ended."
    assert clean_text("التوتر في الشرق الأوسط يتصاعد" + body).outlet is None  # 'the Middle East', not the paper
    assert clean_text("Talks resume in Rabat | Morocco World News" + body).outlet == "Morocco World News"
    assert clean_text("Hespress\n\nTalks resume in Rabat" + body).outlet == "Hespress"
    assert clean_text("Talks resume" + body, meta_title="Talks resume | Asharq Al-Awsat").outlet == "Asharq Al-Awsat"


def test_navigation_bars_breadcrumbs_and_related_links_removed() -> None:
    text = (
        "Home | World | Sport | Business\n\nHome › News › Politics\n\nTalks resume in Rabat\n\n"
        "The talks resumed today in Rabat, officials said after the meeting.\n\n"
        "See also: Earlier talks collapsed in March\n\nThe next round is due in May, the ministry said."
    )
    r = clean_text(text)
    assert r.title == "Talks resume in Rabat"
    assert r.body_text == (
        "The talks resumed today in Rabat, officials said after the meeting.\n\n"
        "The next round is due in May, the ministry said."
    )


def test_unicode_line_and_paragraph_separators_are_line_ends():
    r = clean_text("Algeria recalled its ambassador.\u2029Morocco regretted the decision.\u2028It said so.")
    assert r.body_text == clean_text("Algeria recalled its ambassador.\n\nMorocco regretted the decision.\n"
                                     "It said so.").body_text
    assert r.body_text.split("\n\n") == ["Algeria recalled its ambassador.", "Morocco regretted the decision.",
                                         "It said so."]
    docs = clean_articles(conform(pl.DataFrame({"article_id": ["a"], "raw_text": ["One.\u2029Two three."]}),
                                  RAW_ARTICLES))
    assert docs["body_text"].to_list() == ["One.\n\nTwo three."]
    assert word_count(r.body_text) == len(r.body_text.split()) == 11


def test_every_unicode_space_separates_words_the_way_str_split_does():
    # Hypothesis found U+2028 and then U+1680 (Ogham space mark): check every whitespace character at once
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert "\u1680" in spaces and "\u3000" in spaces
    for c in spaces:
        body = clean_text(f"Algeria{c}Morocco").body_text
        assert word_count(body) == len(body.split()) == 2, repr(c)
    docs = clean_articles(conform(pl.DataFrame({
        "article_id": [f"a{i}" for i in range(len(spaces))],
        "raw_text": [f"Algeria{c}Morocco" for c in spaces],
    }), RAW_ARTICLES))
    assert docs["word_count"].to_list() == [2] * len(spaces)
