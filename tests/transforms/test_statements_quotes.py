"""Straight quote marks in real bulk text: a source that lost a closing mark, apostrophes typed as `"`,
quotes running over several paragraphs (each re-opened, the last one closed)."""

from __future__ import annotations

import polars as pl

from transforms.schemas import ACTOR_MENTIONS, ACTORS, SENTENCES, STATEMENTS, empty
from transforms.statements import extract_statements, find_quotes

# BBC business style: the first quote never closes; the next straight mark opens a new quote
LOST_CLOSE = (
    'Consumer demand will remain fragile. "In view of the fragility of domestic growth, monetary policy is '
    "likely to continue to 'wait and see', the organisation said in its report. Global growth is expected to "
    'fall. The UNECE warned that attempts to reduce the US deficit could cause difficulties. "The orderly '
    'reversal of the deficit is a major challenge for policy makers," it noted.'
)


class _NoLexicon:
    def lookup(self, text: str, language: str) -> None:
        return None

    def actor(self, actor_id: str) -> None:
        return None


def _run(text: str, sentence_starts: list[int] | None = None) -> list[dict]:
    docs = pl.DataFrame([{"article_id": "q", "body_text": text, "language": "en"}])
    sents = empty(SENTENCES)
    if sentence_starts is not None:
        ends = [*sentence_starts[1:], len(text)]
        sents = pl.DataFrame({
            "article_id": ["q"] * len(sentence_starts), "sentence_index": list(range(len(sentence_starts))),
            "char_start": sentence_starts, "char_end": ends,
            "text": [text[a:b] for a, b in zip(sentence_starts, ends, strict=True)]}, schema=SENTENCES)
    out = extract_statements(docs, sents, empty(ACTOR_MENTIONS), empty(ACTORS), lexicon=_NoLexicon())
    assert list(out.schema) == list(STATEMENTS)
    for r in out.iter_rows(named=True):
        assert text[r["char_start"]:r["char_end"]] == r["statement_text"]
    return out.to_dicts()


def test_an_opening_straight_mark_does_not_close_an_earlier_quote():
    inner = [LOST_CLOSE[q.inner[0]:q.inner[1]] for q in find_quotes(LOST_CLOSE)]
    assert inner == ["The orderly reversal of the deficit is a major challenge for policy makers,"]
    # a closing mark after a space but before punctuation still closes
    t = 'He said "we will win ," and left.'
    assert [t[q.inner[0]:q.inner[1]] for q in find_quotes(t)] == ["we will win ,"]


def test_lost_closing_mark_statements():
    # the sentence splitter, misled by the unbalanced mark, gives one sentence from the first mark on
    for starts in (None, [0, LOST_CLOSE.index('"In view')]):
        rows = _run(LOST_CLOSE, starts)
        got = {(r["speaker_text"], r["speech_verb"], r["is_direct_quote"], r["statement_text"]) for r in rows}
        assert ("it", "noted", True,
                "The orderly reversal of the deficit is a major challenge for policy makers") in got
        assert ("The UNECE", "warned", False, "attempts to reduce the US deficit could cause difficulties") in got
        org = [r for r in rows if r["speaker_text"] == "the organisation"]
        assert len(org) == 1 and org[0]["is_direct_quote"]
        assert org[0]["statement_text"].startswith("In view of the fragility")
        assert org[0]["statement_text"].endswith("'wait and see'")
        assert not any('"' in r["statement_text"] for r in rows)


def test_straight_mark_typed_for_an_apostrophe():
    t = 'Ongpin said "we don"t believe there is a problem," adding that Britain"s rules "are clear".'
    inner = [t[q.inner[0]:q.inner[1]] for q in find_quotes(t)]
    assert inner == ['we don"t believe there is a problem,', "are clear"]


def test_multi_paragraph_quote_reopened_in_each_paragraph():
    text = ('Officials met on Monday.\n\n'
            '"The first paragraph of the quote runs on and ends here without a closing mark.\n\n'
            '"The second paragraph goes on and then closes," said Anna Berg, the minister.\n\n'
            'Markets rose.')
    qs = find_quotes(text)
    assert len(qs) == 2 and not qs[0].closed and qs[1].closed and qs[0].chain == qs[1].chain >= 0
    rows = _run(text)
    got = [(r["speaker_text"], r["is_direct_quote"], r["statement_text"]) for r in rows]
    assert ("Anna Berg", True, "The first paragraph of the quote runs on and ends here without a closing mark.") \
        in got
    assert ("Anna Berg", True, "The second paragraph goes on and then closes") in got
    assert len(got) == 2


def test_participle_naming_and_dash_aside():
    rows = _run("Trump attacked Bush on Monday, calling him “a total stiff.” "
                "He said that Clinton’s call to “make America whole again” — itself a rebuttal to Trump’s "
                "slogan — was an inferior slogan. Bush said the plan was bad — and left. "
                "The senator is calling for reform.")
    got = {(r["speaker_text"], r["speech_verb"], r["statement_text"]) for r in rows}
    assert ("Trump", "calling", "him “a total stiff.”") in got
    assert ("He", "said", "Clinton’s call to “make America whole again” — itself a rebuttal to Trump’s slogan — "
            "was an inferior slogan") in got
    assert ("Bush", "said", "the plan was bad") in got
    assert not any(r["speech_verb"] == "calling" and r["speaker_text"] != "Trump" for r in rows)


def test_day_name_is_no_part_of_the_speaker():
    rows = _run("On Wednesday Prime Minister Yulia Tymoshenko said the government was planning to act.")
    assert [(r["speaker_text"], r["statement_text"]) for r in rows] == [
        ("Prime Minister Yulia Tymoshenko", "the government was planning to act")]


def test_transcript_labels_and_according_to_left_content():
    rows = _run("TAPPER: Do you think Donald Trump has campaigned as a racial healer?\n\n"
                "FALLIN: I think he is trying to campaign as a racial healer.\n\n"
                "BREAKING: nothing here counts.\n")
    got = [(r["speaker_text"], r["statement_text"]) for r in rows if r["speech_verb"] is None]
    assert ("TAPPER", "Do you think Donald Trump has campaigned as a racial healer?") in got
    assert ("FALLIN", "I think he is trying to campaign as a racial healer") in got
    assert not any(sp == "BREAKING" for sp, _ in got)
    # one upper-case label alone is a title, not a transcript
    assert not [r for r in _run("UPDATE: The senator said nothing more today.\n") if r["speech_verb"] is None]
    rows = _run("WASHINGTON (AP) — Donald Trump has invested in some of the companies he attacks, according to "
                "new financial documents he submitted. At the same time, the tax has not made the U.K. less "
                "attractive: London was the financial capital of the world in 2015, according to one global index.")
    got = {(r["speaker_text"], r["statement_text"]) for r in rows}
    assert ("new financial documents he submitted", "Donald Trump has invested in some of the companies he attacks") \
        in got
    assert ("one global index", "London was the financial capital of the world in 2015") in got


def test_second_predicates_cut_reported_and_naming_content():
    rows = _run("He says he respects Clinton and calls her “an extremely intelligent woman.” "
                "Romney went after Trump over his taxes, calling it “disqualifying” and asserting that the only "
                "explanation must be “a bombshell.” "
                "Kasich jokingly offered the man a job, then says he will welcome advice from anyone.")
    got = {(r["speaker_text"], r["speech_verb"], r["statement_text"]) for r in rows}
    assert ("He", "says", "he respects Clinton") in got
    assert ("Romney", "calling", "it “disqualifying”") in got
    assert ("Kasich", "says", "he will welcome advice from anyone") in got


def test_quote_with_a_nested_title_in_the_same_straight_mark_arabic():
    text = 'وقال الفنان "كنت أعمل على ألحان أغنيتي "مدرسة الحب" عندما انتهت الحرب ولم أندم أبدا".'
    docs = pl.DataFrame([{"article_id": "a", "body_text": text, "language": "ar"}])
    out = extract_statements(docs, empty(SENTENCES), empty(ACTOR_MENTIONS), empty(ACTORS), lexicon=_NoLexicon())
    rows = [(r["speaker_text"], r["is_direct_quote"], r["statement_text"]) for r in out.iter_rows(named=True)]
    assert rows == [("الفنان", True, 'كنت أعمل على ألحان أغنيتي "مدرسة الحب" عندما انتهت الحرب ولم أندم أبدا')]


def test_dash_signed_quotes_and_quoted_transcript_paragraphs():
    rows = _run("Readers answered.\n\n“He is ignorant of our culture and lives.”― Pamela Padilla\n\n"
                "“The most unqualified child to ever run for president.” — Francisco Herrero\n")
    got = [(r["speaker_text"], r["is_direct_quote"], r["statement_text"]) for r in rows]
    assert ("Pamela Padilla", True, "He is ignorant of our culture and lives.") in got
    assert ("Francisco Herrero", True, "The most unqualified child to ever run for president.") in got
    rows = _run('The interview went on.\n\n"WALLACE: Will Gennifer Flowers be there?\n\n'
                '"PENCE: Gennifer Flowers will not be attending the debate tomorrow night."\n')
    got = [(r["speaker_text"], r["is_direct_quote"], r["statement_text"]) for r in rows]
    assert got == [("WALLACE", True, "Will Gennifer Flowers be there?"),
                   ("PENCE", True, "Gennifer Flowers will not be attending the debate tomorrow night")]


def _inner(text: str) -> list[str]:
    return [text[q.open + 1:q.close] for q in find_quotes(text)]


def test_reversed_and_repeated_marks_in_arabic_sources():
    # a closing-shaped ” after the prefix لـ opens the quote; ” closes it
    assert _inner("معظم النساء اللاتي انضممن لـ”داعش” أردن أن") == ["داعش"]
    # the reversed pair ”...“
    assert _inner("وقال: ”هذا هو الحل“ ثم غادر") == ["هذا هو الحل"]
    # reversed guillemets after a colon, and « typed again to close
    assert _inner("فقال:»إنَّ الأعمال الإجرامية «.") == ["إنَّ الأعمال الإجرامية "]
    assert _inner("وقال « المكان يعكس الماضي الجميل «، بينما قدّم") == [" المكان يعكس الماضي الجميل "]
    # a double prime closing “ (WordPress sources), but not an inch mark outside a quote
    assert _inner("لنظام “ويندوز 10″، وبدء") == ["ويندوز 10"]
    assert _inner("a 5″ screen and “a quote” here") == ["a quote"]
    # a nested opening guillemet before a word does not close the outer quote
    assert _inner("وقال «الأمن «المحافظين» مهم» ثم") == ["الأمن «المحافظين"]


def test_reversed_marks_give_the_whole_arabic_quote_as_one_direct_statement():
    text = "وقال الوزير:»إن الحدود ستبقى مغلقة أمام الجميع «."
    docs = pl.DataFrame([{"article_id": "r", "body_text": text, "language": "ar"}])
    out = extract_statements(docs, empty(SENTENCES), empty(ACTOR_MENTIONS), empty(ACTORS), lexicon=_NoLexicon())
    assert [(r["speaker_text"], r["speech_verb"], r["is_direct_quote"], r["statement_text"]) for r in out.to_dicts()] \
        == [("الوزير", "قال", True, "إن الحدود ستبقى مغلقة أمام الجميع")]


def test_a_stray_reversed_mark_does_not_swallow_the_quotes_after_it():
    assert _inner('قال ”الوزير وأضاف: "إن الحدود مغلقة" ثم غادر') == ["إن الحدود مغلقة"]
