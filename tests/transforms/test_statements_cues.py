"""Statements beyond plain speech verbs: `''` quote marks, thought and document cues (cue_type), naming
cues, headline `Speaker: content` lines, appositive subjects, relative `who say`, poll respondents."""

from __future__ import annotations

import polars as pl

from transforms.schemas import ACTOR_MENTIONS, ACTORS, SENTENCES, STATEMENTS, empty
from transforms.statements import extract_statements, find_quotes, load_speech_verbs, quote_view


class _NoLexicon:
    """No anonymous-source lexicon: these cases name their speakers."""

    def lookup(self, text: str, language: str) -> None:
        return None

    def actor(self, actor_id: str) -> None:
        return None


def _run(text: str) -> list[dict]:
    docs = pl.DataFrame([{"article_id": "t", "body_text": text, "language": "en"}])
    out = extract_statements(docs, empty(SENTENCES), empty(ACTOR_MENTIONS), empty(ACTORS), lexicon=_NoLexicon())
    assert list(out.schema) == list(STATEMENTS)
    for r in out.iter_rows(named=True):
        assert text[r["char_start"]:r["char_end"]] == r["statement_text"]
        if r["speaker_char_start"] is not None:
            assert text[r["speaker_char_start"]:r["speaker_char_end"]] == r["speaker_text"]
    return out.to_dicts()


def test_two_apostrophes_are_a_double_quote_mark():
    text = "''I do think that Trump is a threat,'' said Mike Lux, a progressive activist.\n"
    assert len(quote_view(text)) == len(text)
    inner = [text[q.inner[0]:q.inner[1]] for q in find_quotes(text)]
    assert inner == ["I do think that Trump is a threat,"]
    rows = _run(text)
    assert [(r["speaker_text"], r["is_direct_quote"], r["statement_text"]) for r in rows] == [
        ("Mike Lux", True, "I do think that Trump is a threat")]
    # an apostrophe inside a word is not a mark
    assert find_quotes("Freddy's friend said it's over.") == []


def test_thought_and_document_cues_carry_their_cue_type():
    rows = _run("Trump believes that the election is rigged against him. "
                "A new Quinnipiac poll found that 55 percent of voters distrust Clinton. "
                "Mrs. Fiorina said she doubted voters would care.")
    got = {(r["speaker_text"], r["speech_verb_lemma"], r["cue_type"], r["statement_text"]) for r in rows}
    assert ("Trump", "believe", "thought", "the election is rigged against him") in got
    assert ("A new Quinnipiac poll", "find", "document", "55 percent of voters distrust Clinton") in got
    assert ("Mrs. Fiorina", "say", "speech", "she doubted voters would care") in got


def test_thought_cue_needs_a_clause_and_document_cue_needs_that():
    assert _run("He thought about it for a while and then left the room.") == []
    assert _run("He believes in God and goes to church every week.") == []
    assert _run("He hosts the popular show “Last Week Tonight” on Sunday nights.") == []


def test_cue_types_in_reference_data_are_known():
    table = load_speech_verbs()
    assert set(table.cue_types.values()) <= {"speech", "thought", "document"}
    assert table.cue_types[("en", "say")] == "speech"
    assert table.cue_types[("en", "show")] == "document"


def test_naming_cue():
    rows = _run("Sen. Marco Rubio called the statement “offensive and outlandish.” "
                "They called him a political opportunist who has neglected his duties.")
    texts = [(r["speaker_text"], r["speech_verb"], r["statement_text"]) for r in rows]
    assert ("They", "called", "him a political opportunist who has neglected his duties") in texts
    assert any(t[1] == "called" and "offensive and outlandish" in t[2] for t in texts)
    # phoning, passives, "so-called", "called on" (an address cue) are not naming
    assert _run("Obama called Clinton on Monday to congratulate her.") == []
    assert _run("The group is called the We The People Foundation by its members.") == []


def test_headline_speaker_colon():
    rows = _run("Trump: Cruz Has ‘To Come a Long Way’ On Ethanol\n\nThe rally was held in Iowa.\n")
    assert [(r["speaker_text"], r["speech_verb"], r["statement_text"]) for r in rows] == [
        ("Trump", None, "Cruz Has ‘To Come a Long Way’ On Ethanol")]
    assert _run("The Ninth Circle: The Hellish View from Inside the Beltway\n\nText follows here.\n") == []
    assert _run("Updated: Trump wins the nomination in Indiana\n\nText follows here.\n") == []


def test_appositive_subject_relative_who_and_respondents():
    rows = _run("Nicole Hargrove, a 14-year Carrier worker, said she was an undecided voter.")
    assert [(r["speaker_text"], r["statement_text"]) for r in rows] == [
        ("Nicole Hargrove", "she was an undecided voter")]
    rows = _run("Opponents, who say the law unfairly targets gay and lesbian people, rallied on Monday.")
    assert [(r["speaker_text"], r["statement_text"]) for r in rows] == [
        ("Opponents", "the law unfairly targets gay and lesbian people")]
    rows = _run("About 4 in 10 say they want the next president to have more liberal policies.")
    assert [r["statement_text"] for r in rows] == ["they want the next president to have more liberal policies"]
    assert _run("He had the final say on the matter of the budget.") == []


def test_reported_questions_and_according_to_sources():
    rows = _run("A reporter asked whether he would issue a quarantine for people traveling from Brazil.")
    assert [(r["speaker_text"], r["speech_verb"], r["statement_text"]) for r in rows] == [
        ("A reporter", "asked", "whether he would issue a quarantine for people traveling from Brazil")]
    assert _run("He was asked whether he would run again for the Senate.") == []
    rows = _run("Sanders trails Clinton in California by 4 percentage points, according to HuffPost Pollster’s "
                "polling average.")
    assert [(r["speaker_text"], r["statement_text"]) for r in rows] == [
        ("HuffPost Pollster’s polling average", "Sanders trails Clinton in California by 4 percentage points")]
    assert _run("The team will play the game on Sunday, according to the plan they agreed.") == []


def test_reported_content_stops_before_trailing_clauses_and_told_takes_a_pronoun_clause():
    rows = _run("Chris Christie said he would quarantine people over fears of the Zika virus, which is spread "
                "primarily by mosquitoes.")
    assert [r["statement_text"] for r in rows] == ["he would quarantine people over fears of the Zika virus"]
    rows = _run("He said that he would offer “a prayer” for the eventual Republican nominee but did not suggest "
                "it would be Trump.")
    assert [r["statement_text"] for r in rows] == ["he would offer “a prayer” for the eventual Republican nominee"]
    rows = _run("Calabrese told HuffPost he’s already received hundreds of emails from Americans.")
    assert [(r["speaker_text"], r["statement_text"]) for r in rows] == [
        ("Calabrese", "he’s already received hundreds of emails from Americans")]
    assert _run("He told her to leave the room at once.") == []


def test_intent_cues_are_thoughts_and_negated_contractions_are_not_statements():
    rows = _run("Republicans wanted Congress to pass the bill before the recess.")
    assert [(r["speaker_text"], r["cue_type"], r["statement_text"]) for r in rows] == [
        ("Republicans", "thought", "Congress to pass the bill before the recess")]
    assert _run("The plans to expand the program were scrapped by the board.") == []
    assert _run("I didn’t want to give my ill-wishers the relish of it.") == []
    assert _run("He didn't say that he would run for the Senate again.") == []
