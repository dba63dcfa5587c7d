"""transforms.ner._ner_spans: which parts of an English text the statistical model reads."""

from __future__ import annotations

import pytest

from transforms.actors import load_lexicon
from transforms.ner import NER_WINDOW, _ner_spans

TEXT = ("Officials in the capital said on Tuesday that the long awaited and much delayed programme of economic "
        "and social reforms would finally be presented to parliament by Jean Dupont next week.\n\n"
        "The United States and France said nothing.")


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def parts(lex, text, **kw):
    return [text[s:e] for s, e in _ner_spans(lex, text, [], **kw)]


def test_whole_sentences_without_a_window(lex):
    # the first sentence has a name the dictionary does not know; the second only dictionary countries
    assert parts(lex, TEXT, window=None) == [TEXT.split("\n\n")[0]]


def test_window_leaves_out_the_lower_case_stretch_between_names(lex):
    assert NER_WINDOW == 4
    got = parts(lex, TEXT)
    assert got == ["Officials in the capital said on Tuesday that the long awaited",
                   "presented to parliament by Jean Dupont next week."]
    # four words either side of every capitalised word the dictionary does not cover
    assert "programme of economic and social reforms" not in " ".join(got)


def test_nearby_names_share_one_part(lex):
    text = "The deal was signed by Karim Benali and Youssef Amrani in the presence of Jean Dupont yesterday."
    assert parts(lex, text) == [text]


def test_fallback_sentences_do_not_break_after_abbreviations():
    from transforms.ner import _sentence_spans

    text = "The U.S. Army met Mr. Jean Dupont in Rabat. Then it left."
    assert [text[a:b] for a, b in _sentence_spans(text, [])] == [
        "The U.S. Army met Mr. Jean Dupont in Rabat.", "Then it left."]
