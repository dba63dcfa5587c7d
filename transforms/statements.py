"""Statements: direct and reported speech with resolved speakers -> raw.statements.

Cue-driven, no parsing: one lean regex pass per document and language.

1. Quotes are paired per paragraph (“ ”, " ", « », „ “); a quote left open at a paragraph end continues
   when the next paragraph opens with a quote mark (news convention for multi-paragraph quotes).
   Two apostrophes used as a double quote (`''...''`, New York Times style) count as one mark: the regex
   pass reads a same-length view of the text (`quote_view`); statement text is sliced from the original.
2. Cues come from `data/reference/speech_verbs.csv` (language, cue, lemma, kind, gender, cue_type). The
   `cue_type` column says what is attributed and is copied to the output: `speech` (said, told, according
   to, called X Y), `thought` (believes, thinks, fears, doubts: the cue needs "that" or a clause after it)
   or `document` (the poll shows / a study found that ...: the cue needs "that"; polls may be speakers).
   Kinds:
   `speech` (X said (that) ...; ..., X said), `speech_weak` (needs a that-clause, a colon or a quote after
   it, or a quote before it), `speech_trailing` (only after the content: "...," he asked), `address`
   (X told/urged/called on Y (that|to) ...), `participle` (..., saying ...; the speaker is the clause's
   subject), `source_prep` (according to X, ...; بحسب X ...), `naming` (X called Trump “unhinged”,
   called him a liar, accused X of Y, described X as Y: the content is the object and its label),
   `intent` (wants/plans/intends to ..., is hoping to, declined/refused/sought to, eager to: cue_type thought,
   the content is the infinitive), `object` (X endorsed/criticized/praised/supports Y, X reported Y: the
   object is the content, a that-clause or a to-infinitive too; a real subject right before the verb, no
   passive or noun use; cut before a second predicate or a time adjunct), `noun` (Trump's claim that ...,
   his insistence that ..., Clinton's promise to ...: the possessor speaks; as the sentence subject the
   that-clause ends before the main verb). A document cue (show/find) takes an object when its subject is
   a poll, report, records...: "a poll shows Sanders leading".
   A verb the table does not list followed by a that-clause ("speculated that") is a cue when a real subject
   stands right before it (`speech_verb_lemma` is a rough lemma of the form).
   Also: reported questions (X asked (Y) whether/if/what ...; "Asked if ..., X said": the asker is not
   named, no speaker), requests (X asked Y to ...), headline lines "Trump Says He ...", a `speech_weak` cue or `told Y` followed
   by a subject pronoun and a verb ("announced he will step down"), a headline first line `Speaker:
   content` (a short proper name; no cue word), poll respondents as speakers of say ("4 in 10 say").
   Reported content stops before a trailing relative/contrast clause (", which ...", ", but for ...")
   or a second predicate of the speaker ("... but did not suggest ...").
3. For each cue: the speaker is the noun phrase next to the cue (English: before it, or after it when
   inverted, "said Trump"; Arabic: after the verb, or the pro-dropped subject of `وأضاف`/`وأضافت`); the
   content is the text on the other side up to the sentence end (or the quote end).
4. One statement, one row. A cue that falls inside the content of another statement is not a statement
   of its own (nested cues such as "what he called ..."). A reported statement whose content is mostly
   (>= 50% of its characters) quoted words becomes the direct-quote row of those words (`Khiame said that
   security cooperation “would benefit ...”` -> one direct row "would benefit ..."); a reported statement
   with a shorter partial quote stays one reported row whose text includes the quoted words. An
   interrupted quote (`“A,” he said, “B.”`) yields one row per quoted piece, same speaker and cue. A
   full-sentence quote with no cue of its own continues the statement just before it (same speaker, no
   cue) when it follows in the same or the next paragraph; a quote introduced by a colon ("Cruz called
   them on it: “...”") belongs to the subject of the clause before the colon (no cue); short quotes with
   no cue, and quoted titles after a preposition or possessive ("told ABC's “This Week”"), are not
   statements. "X said A but added B" is two statements. Cues inside a quote, negated cues ("did not
   say") and headline title-case cues are not statements.
5. Speakers: a mention (from the actors stage) overlapping the speaker span gives the actor; pronouns,
   Arabic implicit subjects and definite descriptions ("the source", "the Moroccan official", "المصدر
   ذاته", "الصحيفة ذاتها") take the most recent compatible speaker or person of the article; anonymous
   sources ("an Algerian government source") resolve through the actor lexicon to what they stand for.
   Arabic implicit subjects keep the verb itself as `speaker_text` (the subject is inflected in it).
"""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import polars as pl

from transforms.arabic import curated_given_names
from transforms.common import normalize_arabic, stable_id
from transforms.schemas import STATEMENTS, conform, empty

SPEECH_VERBS_CSV = Path(__file__).resolve().parents[1] / "data" / "reference" / "speech_verbs.csv"

# ----------------------------------------------------------------------------------------------------------
# Reference data


@dataclass(frozen=True)
class Cue:
    language: str
    cue: str
    lemma: str
    kind: str
    gender: str
    cue_type: str = "speech"  # speech | thought | document


@dataclass(frozen=True)
class CueTable:
    by_form: dict[tuple[str, str], Cue]
    regex: dict[str, re.Pattern]
    cue_types: dict[tuple[str, str], str] = field(default_factory=dict)  # (language, lemma) -> cue_type


@lru_cache(maxsize=4)
def load_speech_verbs(path: str | None = None) -> CueTable:
    """Read the cue table (language, cue, lemma, kind, gender, cue_type) and compile one regex per language."""
    p = Path(path) if path else SPEECH_VERBS_CSV
    by_form: dict[tuple[str, str], Cue] = {}
    with p.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            c = Cue(row["language"], row["cue"].strip(), row["lemma"].strip(), row["kind"].strip(),
                    (row.get("gender") or "").strip(), (row.get("cue_type") or "").strip() or "speech")
            key = (c.language, c.cue.lower() if c.language == "en" else c.cue)
            by_form.setdefault(key, c)
    regex: dict[str, re.Pattern] = {}
    for lang in sorted({k[0] for k in by_form}):
        forms = [k[1] for k in by_form if k[0] == lang]
        if lang == "en":
            alt = _trie_pattern(forms + [f[:1].upper() + f[1:] for f in forms])
        else:  # the conjunctions و / ف glued to the cue are folded into the trie (no optional group)
            alt = _trie_pattern(forms + ["و" + f for f in forms] + ["ف" + f for f in forms])
        # `\b` in front is cheap to test at every position (a lookbehind is not); apostrophes and hyphens
        # before a match are checked by the caller (`_starts_word`)
        if lang == "ar":
            regex[lang] = re.compile(rf"\b(?P<cue>{alt})(?![\w\u064b-\u065f\u0670])")
        else:
            regex[lang] = re.compile(rf"\b(?P<cue>{alt})(?![\w’'-])")
    cue_types = {(c.language, c.lemma): c.cue_type for c in by_form.values()}
    return CueTable(by_form, regex, cue_types)



def _starts_word(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_’'-")


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation shaped as a trie (fast to match; longest alternatives first)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            piece = (r"\s+" if ch == " " else re.escape(ch)) + build(node[ch])
            alts.append(piece)
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


# ----------------------------------------------------------------------------------------------------------
# Quotes

_OPENERS = {"“": "”", "«": "»", "„": "“", '"': '"', "‹": "›"}
_CLOSE_MARKS = set("”»“\"›")
_ALL_MARKS = set("“”«»„\"‹›")


@dataclass
class Quote:
    open: int  # index of the opening mark
    close: int  # index of the closing mark (== paragraph end when the quote continues into the next one)
    closed: bool = True  # False when the quote runs on into the next paragraph
    chain: int = -1  # id shared by the pieces of one multi-paragraph quote

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


_REVERSED_CLOSERS = {"”": "”“″", "»": "«»"}


def _reversed_opener(text: str, i: int) -> bool:
    """A closing-shaped mark (`”`, `»`) that opens a quote: after a space, a line start, a colon, a bracket or a
    tatweel (`لـ”داعش”`), and before a letter (or one space and a letter)."""
    before = text[i - 1] if i > 0 else "\n"
    if not (before.isspace() or before in ":(ـ[" or (before == "ل" and i > 1 and text[i - 2].isspace())):
        return False
    j = i + 1
    if text[j:j + 1] == " ":
        j += 1
    return text[j:j + 1].isalpha()


def _closing_position(text: str, i: int) -> bool:
    """A mark right after a word or a punctuation mark (not after a space, unless one space after the last
    word: `الأهالي «،`) and before a space, a punctuation mark or the end: it closes."""
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if after.isalnum():
        return False
    k = i - 1
    if k >= 0 and text[k] == " ":
        k -= 1
    return k >= 0 and not text[k].isspace() and text[k] not in "«»“”\""


_MARK_RX = re.compile("[“”«»„\"‹›″\n]")  # ″ (double prime) closes “ in some sources: “ويندوز 10″


_RX_TWO_APOS = re.compile(r"''(?!')")
_RX_APOS_AFTER = re.compile(r"(?:s|t|re|ve|ll|d|m)\b")
_APOS_NEXT = frozenset("strvldm")


def quote_view(text: str) -> str:
    """The text with typewriter double quotes written as two apostrophes (`''...''`, New York Times style)
    turned into one `"` mark, same length: an opening `''` becomes ` "`, a closing one `" `.

    Opening or closing is read from the character before: a space, line start or bracket opens. Offsets are
    unchanged, so statement text is still sliced from the original body text.
    """
    if "''" not in text:
        return text
    out = list(text)
    for m in _RX_TWO_APOS.finditer(text):
        i = m.start()
        opening = i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-:"
        if opening:
            out[i], out[i + 1] = " ", '"'
        else:
            out[i], out[i + 1] = '"', " "
    return "".join(out)


def find_quotes(text: str) -> list[Quote]:
    """Pair quote marks paragraph by paragraph; code-point offsets into text.

    Two apostrophes used as a double quote mark (`''...''`) count as one mark (see `quote_view`).

    A quote still open at a paragraph end continues when the next paragraph opens with the same mark
    (the pieces share a `chain` id); otherwise the unbalanced mark is ignored.
    """
    text = quote_view(text)
    quotes: list[Quote] = []
    opener: str | None = None
    start = -1
    pending: Quote | None = None  # open quote carried over from the previous paragraph
    chain_id = 0
    para_first = _first_nonspace(text, 0)  # first non-space character of the current paragraph
    for m in _MARK_RX.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == "\n":
            has_text = para_first < i
            if opener is not None:
                j = _first_nonspace(text, i)
                if text[j:j + 1] == opener:
                    end = i
                    while end > start and text[end - 1].isspace():
                        end -= 1
                    q = Quote(start, end, closed=False)
                    if pending is not None and pending.chain >= 0 and start == para_first:
                        q.chain = pending.chain
                    else:
                        q.chain = chain_id
                        chain_id += 1
                    quotes.append(q)
                    pending = q
                else:
                    pending = None
                opener = None
            elif has_text:
                pending = None
            para_first = _first_nonspace(text, i + 1)
            continue
        if ch == '"' and text[i + 1:i + 2] in _APOS_NEXT and i > 0 and text[i - 1].isalpha() \
                and _RX_APOS_AFTER.match(text, i + 1):
            continue  # `don"t`, `Britain"s`: a straight double mark typed for an apostrophe
        if opener is None:
            if ch in _OPENERS or (ch in "”»" and _reversed_opener(text, i)):
                opener, start = ch, i
                if pending is not None and i != para_first:
                    pending = None
            continue
        if opener in "”»":
            # a reversed pair, common in Arabic text: `لـ”داعش”`, `”...“`, `:»إن ...«`, `»...»`
            if ch in _REVERSED_CLOSERS[opener] and _closing_position(text, i):
                quotes.append(Quote(start, i))
                opener = None
                pending = None
            elif ch in _OPENERS and (i == 0 or text[i - 1].isspace()) and text[i + 1:i + 2].isalpha():
                opener, start = ch, i  # the reversed mark was a stray one: a regular quote opens here
            continue
        if opener == "«" and ch == "«" and _closing_position(text, i):
            # `«... الأهالي «،`: the source typed the opening guillemet again to close the quote
            quotes.append(Quote(start, i))
            opener = None
            pending = None
            continue
        closer = _OPENERS[opener]
        if ch == '"' and (i == 0 or text[i - 1].isspace()) and text[i + 1:i + 2].isalpha():
            # ` "Word`: a straight mark after a space and before a letter opens a quote; it cannot close the
            # earlier one (the source lost that quote's closing mark), so the earlier mark is unbalanced
            start = i
            if opener != '"':
                opener = '"'
            continue
        if ch == closer or (opener == "„" and ch == "”") or (opener == '"' and ch == "”") \
                or (opener == "“" and ch in '"″'):
            q = Quote(start, i)
            if pending is not None and pending.chain >= 0 and start == para_first:
                q.chain = pending.chain
            quotes.append(q)
            opener = None
            pending = None
        elif ch == opener == "“":
            start = i  # re-opened: the earlier mark was unbalanced
    return [q for q in quotes if q.close - q.open > 1]


_RX_SPACES = re.compile(r"\s*")


def _first_nonspace(text: str, i: int) -> int:
    return _RX_SPACES.match(text, i).end()


# ----------------------------------------------------------------------------------------------------------
# Word lists (grammar, not lexicon: these stay in code)

_DETERMINERS = {"the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your",
                "another", "one", "two", "three", "several", "many", "some", "both", "other", "no", "each",
                "every", "all", "most", "senior", "top", "former"}
_NP_INTERNAL_PREPS = {"of", "for", "at", "in"}
# heads that take "to" inside their noun phrase: "aides to Clinton", "an adviser to Mr. Sanders", "people close to
# the vice president", "Chad's ambassador to France"
_TO_HEADS = {"aide", "aides", "adviser", "advisers", "advisor", "advisors", "counselor", "counselors", "counsel",
             "spokesman", "spokeswoman", "spokesperson", "consultant", "consultants", "ambassador", "ambassadors",
             "envoy", "envoys", "close", "closest", "successor", "heir", "assistant", "assistants", "deputy",
             "secretary", "attorney", "attorneys", "lawyer", "lawyers", "representative", "delegate", "delegates"}
# words that keep an NP going across "the" / "a" before them ("one of the brothers behind the group")
_NP_BEFORE_ARTICLE = _NP_INTERNAL_PREPS | _DETERMINERS | {
    "and", "half", "only", "even", "behind", "from", "with", "on", "to", "by", "near", "about", "under", "over", "among",
    "within", "across", "against", "outside", "inside", "without", "like", "including", "than", "nearly", "almost",
    "around", "roughly", "approximately", "just", "barely"}
_NP_STOP = {
    # verbs and auxiliaries
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will",
    "would", "shall", "should", "can", "could", "may", "might", "must", "came", "come", "went", "go",
    "spoke", "speak", "made", "make", "took", "take", "gave", "give", "got", "get", "met", "held",
    # prepositions and conjunctions that open a new phrase
    "from", "to", "by", "with", "on", "into", "onto", "after", "before", "during", "about", "over", "under",
    "than", "as", "like", "since", "because", "while", "when", "where", "whether", "if", "although",
    "though", "despite", "through", "against", "between", "among", "without", "within", "upon", "toward",
    "towards", "and", "or", "but", "nor", "so", "yet", "that", "which", "who", "whom", "whose", "what",
    "why", "how", "there", "here", "then", "also", "not", "never", "even", "just", "only", "still",
    "however", "meanwhile", "moreover", "instead", "too", "again", "once", "now", "earlier", "later",
    "previously", "today", "yesterday", "tomorrow", "said", "says", "say", "told", "added", "it’s", "it's",
    "began", "ran", "won", "lost", "left", "kept", "brought", "thought", "felt", "found", "became",
    "sent", "stood", "saw", "knew", "put", "set", "let", "wrote", "spent", "sat", "paid", "led", "heard",
    "meant", "seemed", "appeared", "tried", "wanted", "needed", "hoped", "begins", "seems",
}
_AUX_SKIP = {"has", "have", "had", "also", "now", "only", "here", "always", "sometimes", "however", "later", "twice", "thrice", "openly", "initially", "then", "previously", "repeatedly", "further", "again",
             "once", "recently", "publicly", "privately", "reportedly", "would", "will", "did", "does", "do",
             "not", "never", "often", "even", "first", "last", "finally", "already", "just", "simply", "long", "since", "still", "has been", "been", "both", "all", "too", "soon",
             "subsequently", "separately", "earlier", "yesterday", "today", "tonight", "originally", "on",
             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "night", "morning",
             "afternoon", "evening", "late", "early"}
_PLURAL_PERSON_HEADS = {"officials"}
_PRONOUNS_EN = {"he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": "s", "you": "s"}
_OBJ_PRONOUNS = {"him", "her", "them", "us", "me", "reporters", "journalists", "it"}
_DESC_HEADS_EN = {
    "source": "source", "sources": "source", "official": "person", "officials": "person",
    "minister": "person", "spokesman": "person", "spokeswoman": "person", "spokesperson": "person",
    "president": "person", "king": "person", "diplomat": "person", "envoy": "person", "ambassador": "person",
    "director": "person", "chief": "person", "head": "person", "leader": "person", "candidate": "person",
    "nominee": "person", "senator": "person", "governor": "person", "secretary": "person",
    "researcher": "person", "analyst": "person", "expert": "person", "man": "person", "woman": "person",
    "statement": "statement", "communiqué": "statement", "communique": "statement", "report": "statement",
    "newspaper": "media", "paper": "media", "daily": "media", "agency": "media", "channel": "media",
    "ministry": "org", "government": "org", "campaign": "org", "organization": "org",
    "organisation": "org", "group": "org", "company": "org", "committee": "org", "office": "org",
    "bureau": "org",
}
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_WEEKDAYS = _DAYS.title()  # "Monday|Tuesday|...", as written in running text
_MONTHS_DAYS = (_DAYS + "|january|february|march|april|may|"
                "june|july|august|september|october|november|december")
# Adjunct after a cue ("said on Sunday", "told CNN in an interview", "said in a statement") -- only
# preposition-led chunks; used to find where the content (or the end of a trailing attribution) begins.
_MONTHS_DAYS_SET = set(_MONTHS_DAYS.split("|"))
_DAY_WORDS = set(_MONTHS_DAYS_SET) - {"may", "june", "april", "august"}  # not first names
_CHUNK = r"(?:(?!\bthat\b)[^,.;:“”\"«»!?])*+"
_ADJUNCT = re.compile(
    rf"(?:\s*+,?\s*+(?:(?:on|in|at|during|last|this|late|early|earlier|later|via|from|to|before|after|with|"
    rf"through|over|by|when|while|of|for)\b{_CHUNK}|(?:{_MONTHS_DAYS})\b|"
    r"(?:yesterday|today|tonight|recently|repeatedly|again|then|also|privately|publicly|earlier|later|"
    r"\w+ly)\b))*+",
    re.IGNORECASE,
)
_THAT = re.compile(r"\s*,?\s*(?:that|:)\s*", re.IGNORECASE)
# "concluded this month that ...", "continues that ...": a trailing-only verb with a that-clause after it
_RX_ADJUNCT_THAT = re.compile(rf"(?:{_ADJUNCT.pattern})\s*\bthat\s+(?!(?:is|was|are|were|has|had|would|will)\b)")

_RX_INITIALS = re.compile(r"(?:\w\.)+")
_RX_NP_TAIL = re.compile(r"\s+(?:of|for|at|in|the|a|an)$", re.IGNORECASE)
_RX_RELATIVE = re.compile(r"(?:(?:,|\s[—–-])\s*)?\b(who|which)\s+(?:(?:has|had|have|also|later|then|once|long|"
                          r"already|never|often|always|in\s+the\s+past|at\s+times|for\s+(?:years|months|decades)|"
                          r"\w+ly)\s+)*$",
                          re.IGNORECASE)
_RX_ED_BY = re.compile(r"(?:^|\s)(\w+ed)\s+by\s+$")
_RX_WS = re.compile(r"\s+")
_RX_TO_BE = re.compile(r"\s+(?:to\s+be|to\s+have)\b")
_AND_ADVERBS = r"also|then|later|now|still|again|even|instead|\w+ly"
_RX_AND_END = re.compile(rf"\b(?:(?:and|but)\s+(?:(?:{_AND_ADVERBS})\s+)?|(?<=,\s)then\s+)$", re.IGNORECASE)
# "He went on to say ...", "Trump took to Twitter to call ...": the cue is the infinitive of a verb that carries on
# the subject's own speech
_RX_GOES_ON_TO = re.compile(
    r"\b(?:(?:went|goes|go|going|continued|continues|continuing)\s+on|took\s+to\s+(?:Twitter|Facebook|Instagram|the\s+"
    r"airwaves|social\s+media|the\s+floor|the\s+stage|the\s+podium)|took\s+the\s+(?:opportunity|occasion|time)|"
    r"used\s+(?:the|his|her|their)\s+(?:speech|remarks|appearance|address|interview|statement|post|tweet|time))"
    r"\s+to\s+$")
# the same with auxiliaries before the cue: "He describes himself as ... and has said that ...", "... and would
# later say ..."
_RX_AND_AUX_END = re.compile(
    rf"\b(?:(?:and|but)\s+(?:(?:{_AND_ADVERBS}|has|have|had|will|would|did|does|do|not|never)\s+){{0,3}}|(?<=,\s)then\s+)$",
    re.IGNORECASE)
_RX_NXT = re.compile(r"(?:that\b|:|,|[“\"«])", re.IGNORECASE)
_HAS_AR = re.compile("[\u0600-\u06ff]")
_HAS_LATIN = re.compile("[A-Za-z]")
_RX_PARTICIPLE_CUT = re.compile(
    r"(?:,\s*(?:and\s+)?|\s[-–—]\s*(?:and\s+)?|\s+and\s+(?=\w+ing\s+(?:that|he|she|they|it|we)\b))"
    r"(?:saying|adding|noting|explaining|arguing|insisting|warning|stressing|claiming|telling|"
    r"emphasi[sz]ing|asserting|declaring|urging|calling|implying|suggesting|acknowledging|admitting|alleging|"
    r"contending|predicting|conceding)\b")
# a quote right after these is a title or a name ("told ABC's “Good Morning America”"), not speech
_RX_TITLE_BEFORE = re.compile(
    r"(?:\b(?:on|in|of|to|from|at|with|during|called|titled|named|dubbed|for|the|a|an|his|her|their|its)"
    r"|[’']s)\s*$", re.IGNORECASE)
_RX_NONSPACE = re.compile(r"\S+")
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+\b|[\w’'\-\.&]+|[^\w\s]")  # "1,409" is one token
_AR_COMP_WORD = r"ب?[أإا]ن(?:ه|ها|هم|هما)?"  # أن / إن / بأن, with a pronoun: the complementiser
_AR_COMP = re.compile(rf"(?<!\w)(?:[وف])?(?:{_AR_COMP_WORD})(?!\w)")
_AR_STOP_PREP = {"في", "خلال", "عقب", "إثر", "اثر", "أمام", "امام", "عبر", "على", "لدى", "عن", "إلى", "الى", "مع", "بعد", "قبل",
                 "حول", "وفي", "منذ", "ضمن", "اليوم", "أمس", "امس", "الأحد", "الاثنين", "الثلاثاء",
                 "الأربعاء", "الخميس", "الجمعة", "السبت", "يوم"}
_AR_AUX = {"كان", "كانت", "وكان", "وكانت", "قد", "وقد", "لقد", "كما", "ثم"}
# words that end a speaker NP after the verb: the main clause after a fronted "according to X" (فقد), a date
_AR_NP_END = {"فقد", "قد", "وقد", "لقد", "بتاريخ"}
_AR_ABBREV_TITLES = {"د", "أ", "م", "أ.د", "د.م"}  # د. (Dr), أ. (Prof), م. (Eng), written with a period
# "لـ«الشرق الأوسط»", "ل"العربية"": a quoted outlet the speaker told
_RX_AR_TO_OUTLET = re.compile(r"لـ?\s?[\"«“]")
_AR_LAM_APART = {"ل", "لـ"}  # the preposition "to" written apart from its noun ("وفقاً لـ CNBC")
_AR_DESC_HEADS = {"مصدر": "source", "مصادر": "source", "مسؤول": "person", "وزير": "person",
                  "متحدث": "person", "ناطق": "person", "رئيس": "person", "صحيفه": "media", "جريده": "media",
                  "وكاله": "media", "بيان": "statement", "تقرير": "statement", "حكومه": "org", "وزاره": "org"}
_AR_DEMONSTRATIVE_TAIL = re.compile(r"\s+(?:ذاته|ذاتها|نفسه|نفسها|ذاتهم|نفسهم|نفسهما|المذكور|المذكورة)$")
_SENT_END = re.compile(r"[.!?؟](?:[”\"»’]+)?(?=[^\S\n]*$|[^\S\n]*\n|[^\S\n]+(?![a-z]))|(?<=[a-z\u0600-\u06ff%\d])[.!?؟][”\"»]?(?=[A-Z“\"«])|\n")


# ----------------------------------------------------------------------------------------------------------
# Per-document state


@dataclass
class _Stmt:
    speaker_actor_id: str | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    lemma: str | None
    start: int
    end: int
    direct: bool
    cue_start: int
    cue_end: int
    gender: str = ""
    content_left: bool = False


@dataclass
class _Doc:
    article_id: str
    text: str
    language: str
    bounds: list[int]  # sentence start offsets (sorted), for sentence_index
    sub_bounds: list[int]  # finer boundaries: sentence starts + run-together cut points + paragraphs
    quotes: list[Quote]
    mentions: list[tuple[int, int, str, str, str]]  # (start, end, actor_id, kind, surface)
    actors: dict[str, dict]
    lexicon: object | None
    stmts: list[_Stmt] = field(default_factory=list)
    quote_opens: list[int] = field(default_factory=list)
    mention_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.quote_opens = [q.open for q in self.quotes]
        self.mention_starts = [m[0] for m in self.mentions]  # mentions come sorted by start

    def mentions_starting(self, lo: int, hi: int) -> list[tuple[int, int, str, str, str]]:
        """The mentions whose start is in [lo, hi], in text order."""
        return self.mentions[bisect.bisect_left(self.mention_starts, lo):bisect.bisect_right(self.mention_starts, hi)]

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.bounds, pos) - 1)

    def clause_span(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.sub_bounds, pos) - 1)
        s = self.sub_bounds[i] if self.sub_bounds else 0
        e = self.sub_bounds[i + 1] if i + 1 < len(self.sub_bounds) else len(self.text)
        return s, e


_ABBREV = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gov", "sen", "rep", "gen", "lt", "col", "sgt", "capt",
           "prof", "rev", "mt", "no", "pres", "adm", "cmdr", "maj", "gens", "sens", "reps", "govs", "u.s", "u.n",
           "u.k", "d.c", "inc", "corp", "co", "ltd", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec",
           "vs", "v", "ft", "ave", "e.g", "i.e", "etc", "approx"}


_ABBREV_RX = re.compile(
    r"(?:^|[^A-Za-z.])(?:(?i:" + "|".join(sorted((re.escape(a) for a in _ABBREV), key=len, reverse=True))
    + r")|[A-Z])$"
    # Arabic one-letter titles (د. Dr, م. Eng, أ. Prof) as a word of their own
    + r"|(?:^|\s)[" + "".join(sorted(a for a in _AR_ABBREV_TITLES if len(a) == 1)) + r"]$"
)
_SENT_END_WS = re.compile(r"(?:" + _SENT_END.pattern + r")\s*")


_RUN_TOGETHER = re.compile(r"[.!?؟][”\"»]?(?=[A-Z“\"«])|\n\s*")
_RUN_TOGETHER_Q = re.compile(r"[.!?؟](?:[”\"»]?(?=[A-Z“\"«])|[^\S\n]+(?=\"[A-Z]))|\n\s*")


def _new_sentence_in(gap: str) -> bool:
    """Whether a gap of text holds the start of a sentence (words after a sentence end)."""
    g = gap.rstrip()
    for m in _SENT_END_WS.finditer(g):
        if m.end() >= len(g):
            continue
        if g[m.start()] == "." and _ABBREV_RX.search(g, 0, m.start()):
            continue
        if re.search(r"\w", g[m.end():]):
            return True
    return False


def _sub_bounds(text: str, starts: Iterable[int], *, full: bool = True) -> list[int]:
    """Clause boundaries: the given sentence starts, paragraph breaks and run-together sentence ends
    ("region.”Referring"), a sentence end before an opening straight quote (`difficulties. "The`: the
    sentence splitter does not cut there when an earlier quote lost its closing mark); with `full`, every
    sentence-final punctuation mark too (fallback splitter)."""
    b = set(starts)
    b.add(0)
    rx = _SENT_END_WS if full else (_RUN_TOGETHER_Q if '"' in text else _RUN_TOGETHER)
    for m in rx.finditer(text):
        i = m.start()
        if not full and text[i] != "\n" and not (i > 0 and (text[i - 1].islower() or text[i - 1].isdigit()
                                                          or text[i - 1] == "%")):
            continue
        if text[i] == "." and _ABBREV_RX.search(text, max(0, i - 7), i):
            continue
        b.add(m.end())
    n = len(text)
    return sorted(x for x in b if x < n) or [0]


# ----------------------------------------------------------------------------------------------------------
# Noun phrases (speaker spans) without a parser


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    out = []
    for m in _TOKEN.finditer(text, lo, hi):
        s, e, w = m.start(), m.end(), m.group()
        # a sentence-final period is not part of the word (abbreviations like "U.S." and "Mr." keep it)
        if len(w) > 1 and w.endswith(".") and not _RX_INITIALS.fullmatch(w) and w[:-1].lower() not in _ABBREV:
            out.append((s, e - 1, w[:-1]))
            out.append((e - 1, e, "."))
        else:
            out.append((s, e, w))
    return out


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or tok[:1].isdigit()


_MULTIWORD_ADJUNCTS = [("in", "the", "past"), ("for", "years"), ("for", "months"), ("for", "weeks"),
                       ("for", "decades"), ("at", "times"), ("at", "the", "time"), ("in", "recent", "days"),
                       ("in", "recent", "weeks"), ("in", "recent", "months"), ("in", "recent", "years")]


def _multiword_adjunct_end(toks: list[tuple[int, int, str]], j: int) -> int:
    """How many tokens ending at j form a time adjunct between a subject and its cue (0 if none)."""
    for words in _MULTIWORD_ADJUNCTS:
        n = len(words)
        if j - n + 1 > 0 and tuple(t[2].lower() for t in toks[j - n + 1:j + 1]) == words:
            return n
    return 0


def _np_left(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase that ends at hi (skipping auxiliaries/adverbs just before it), within [lo, hi)."""
    if hi - lo > 160:
        toks = _tokens(text, hi - 160, hi)[1:]  # the first token may be cut
    else:
        toks = _tokens(text, lo, hi)
    # skip auxiliaries / adverbs between the subject and the cue ("he has also said")
    j = len(toks) - 1
    while j >= 0:
        w = toks[j][2]
        wl = w.lower()
        if (wl in _AUX_SKIP or (wl.endswith("ly") and w.islower() and len(w) > 4)) and j > 0:
            j -= 1
            continue
        back = _multiword_adjunct_end(toks, j)
        if back:  # "have in the past said", "has for years argued", "at times said"
            j -= back
            continue
        if wl == "to" and j > 0 and toks[j - 1][2].lower() in {"continued", "went", "on", "began", "proceeded"}:
            j -= 2
            if j >= 0 and toks[j][2].lower() == "on":
                j -= 1
            continue
        break
    if j >= 0 and toks[j][2] == ")":
        k = j
        while k >= 0 and toks[k][2] != "(":
            k -= 1
        if k > 0 and j - k <= 12:  # "Kasich (who has 25 delegates to date) said"
            j = k - 1
    if j < 0:
        return None
    end_j = j
    start_j = None
    n = 0
    while j >= 0 and n < 12:
        w = toks[j][2]
        wl = w.lower()
        if len(w) == 1 and not w.isalnum():
            if w in {"’", "'"} and j > 0:  # possessive split oddly
                j -= 1
                continue
            break
        if wl == "to" and start_j is not None and j > 0 and toks[j - 1][2].lower() in _TO_HEADS:
            start_j = j  # "Aides to Clinton say", "people close to the vice president said"
            j -= 1
            n += 1
            continue
        if wl in _NP_STOP and not (_is_cap(w) and j != 0 and wl not in {"and", "but", "or", "that"}):
            # 'and' joining two names ("Bourita and Mansouri said") stays inside
            if wl == "and" and start_j is not None and j > 0 and _is_cap(toks[j - 1][2]) \
                    and _is_cap(toks[start_j][2]):
                start_j = j
                j -= 1
                n += 1
                continue
            break
        if not _is_cap(w) and wl.endswith("ed") and wl not in {"unnamed", "well-informed", "informed",
                                                                  "retired", "elected", "concerned", "united",
                                                                  "appointed", "designated", "qualified"}:
            break
        start_j = j
        j -= 1
        n += 1
        if w in {"the", "a", "an"} and j >= 0 and toks[j][2].isalpha() \
                and toks[j][2].lower() not in _NP_BEFORE_ARTICLE \
                and not (toks[j][2].endswith(("ing", "ed")) and j > 0 and toks[j - 1][2].isalnum()):
            # "told Reuters the government now saw", "the truck story suggests the Mexican government", ", indicating
            # the Fed": the article opens the subject; the word before it belongs to another phrase (not "one of
            # the brothers behind the group", "NGOs organising the play")
            break
    if start_j is None:
        return None
    # trim leading prepositions / adverbs
    while start_j <= end_j and (toks[start_j][2].lower() in _NP_INTERNAL_PREPS | {"and", "of"}
                                or (toks[start_j][2].lower() in _DAY_WORDS and start_j < end_j)):
        start_j += 1  # "On Wednesday Prime Minister X said": the day is no part of the speaker
    if start_j > end_j:
        return None
    if start_j < end_j and toks[end_j][2].lower() in {"he", "she", "they", "we", "i"} \
            and toks[end_j - 1][2].lower() not in {"and", "or", "nor"} \
            and not (toks[end_j][2] == "I" and _is_cap(toks[end_j - 1][2])):  # (not "Title I supports")
        start_j = end_j  # "Asked if he would welcome BNP voters he told the BBC": the pronoun is the subject
    return toks[start_j][0], toks[end_j][1]


def _np_right(text: str, lo: int, hi: int, *, allow_preps: bool = True) -> tuple[int, int] | None:
    """The noun phrase that starts at lo (after spaces), up to punctuation or a clause word."""
    toks = _tokens(text, lo, min(hi, lo + 200))
    out_s = out_e = None
    n = 0
    for s, e, w in toks:
        wl = w.lower()
        if len(w) == 1 and not w.isalnum():
            break
        if n > 0 and wl in {"that", "who", "which", "whose", "on", "to", "after", "before", "during", "when",
                            "while", "because", "as", "and", "but", "if", "said", "says", "told", "added"}:
            break
        if n > 0 and (wl in _MONTHS_DAYS_SET or (wl in _NP_STOP and wl not in _DETERMINERS
                                                 and not w[:1].isupper())):
            break
        if n > 0 and not allow_preps and wl in _NP_INTERNAL_PREPS:
            break
        if n == 0 and ((wl in _NP_STOP and wl not in _DETERMINERS and not w[:1].isupper())
                       or wl in _NP_INTERNAL_PREPS):
            return None
        if out_s is None:
            out_s = s
        out_e = e
        n += 1
        if n >= 12:
            break
    if out_s is None:
        return None
    # do not end on a preposition/determiner
    seg = text[out_s:out_e]
    while True:
        m = _RX_NP_TAIL.search(seg)
        if not m:
            break
        seg = seg[: m.start()]
    return out_s, out_s + len(seg)


_REFLEXIVES = {"himself", "herself", "themselves", "itself"}


def _appositive_head(text: str, lo: int, comma: int, *, subject: bool = False) -> tuple[int, int] | None:
    """`Nabil Andalusi, a researcher ..., highlighted` / `Clinton, 35, the daughter of ..., said`: the name
    before the appositive(s) that end at `comma`. With `subject` (the cue's subject, not a relative pronoun's
    antecedent) a name after a preposition is taken only when nothing else is: in "two members of Congress
    from Florida, Ileana Ros-Lehtinen and Carlos Curbelo, have said" the names are the appositive."""
    end = comma
    found: list[tuple[int, int]] = []
    after_prep: list[tuple[int, int]] = []
    det_head: list[tuple[int, int]] = []
    last = text.rfind(",", lo, comma)  # the comma that opens the last appositive
    if last > lo and _RX_SHARE_APPOSITIVE.fullmatch(text, last + 1, comma):
        return _np_left(text, lo, last)  # "A third of independents, 33%, say"
    for _ in range(4):
        prev = text.rfind(",", lo, end)
        if prev < 0:
            break
        np = _np_left(text, lo, prev)
        if np is not None:
            words = text[np[0]:np[1]].split()
            if len(words) == 1 and _RX_LEAD_ADVERB.fullmatch(text, np[0], prev + 1):
                pass  # "Somehow, it appears that ...", "Finally, ...": a sentence adverb, not a name
            elif words[0][:1].isalpha() and words[0][:1].isupper() and (words[-1][:1].isupper() or (
                    len(words) > 1 and words[-1] in _REFLEXIVES and words[-2][:1].isupper())):
                prep = subject and _RX_PREP_BEFORE.search(text, max(lo, np[0] - 9), np[0]) is not None
                (after_prep if prep else found).append(np)  # (and "Mrs. Clinton herself, as well as ...")
            elif subject and np[0] == _first_nonspace(text, lo) and words[0].lower() in _DETERMINERS - {"one"} \
                    and 2 <= len(words) <= 4 and (words[-1].lower() in _DESC_HEADS_EN
                                                  or words[-1].lower() in _PERSON_NOUNS
                                                  or _doc_subject(words[-1].lower())):
                det_head.append(np)  # "The survey, conducted for ..., also found", "The group, founded in 2010, said"
            elif re.match(r",\s*(?:who|whose)\s", text[prev:prev + 8]) and np[0] == _first_nonspace(text, lo) \
                    and words[-1].lower() not in _PRONOUNS_EN and words[-1].isalpha():
                found.append(np)  # "One attendee, who like others spoke on condition of anonymity, said"
        end = prev
    if not found:
        # "One of the authors of that report, Ari Fleischer, said": a name as the appositive itself
        seg = text[last + 1:comma].strip() if last >= 0 else ""
        words = seg.split()
        head = text[lo:last].split()[-1].lower() if last > lo and text[lo:last].split() else ""
        names = [w for w in words if w != "and"]
        if (1 < len(words) <= 4 or (len(words) == 1 and head in _DESC_HEADS_EN)
            or (len(names) <= 6 and len(words) == len(names) + 1 and words[0] != "and" != words[-1])) \
                and all(w[:1].isupper() for w in names):  # "The minister, Tebboune, said"; "X and Y"
            s0 = text.index(seg, last + 1)
            return s0, s0 + len(seg)
        if not after_prep:
            return det_head[0] if det_head else None
        found = after_prep
    # "Christopher Harvey, a delegate from Houston, Texas, said": the name opening the clause, not the place
    # inside the appositive
    first = _first_nonspace(text, lo)
    while first < comma and text[first] in "\"“”'‘":
        first += 1
    return found[-1] if found[-1][0] == first else found[0]


# auxiliaries and adverbs that end the text before a cue ("..., has long argued", "— have also said")
_RX_AUX_TAIL = re.compile(r"(?:\s+(?:has|have|had|also|long|since|would|will|did|does|do|not|never|often|again|"
                          r"already|always|now|still|once|later|then|\w+ly))+\s*$", re.IGNORECASE)
# a connective set off by commas between a subject and its verb ("The two lawmakers, however, argue")
# ", which ... ,", ", who ... ,", ", including ... ,", ", prepared for ... ," with no comma inside, right before a cue
_RX_COMMA_RELATIVE = re.compile(r",\s+(?:who|which|including|such\s+as|like|especially|\w+ed\s+(?:by|for|in|at|on|with|from))"
                                r"\s[^,;:.!?“”\"()]+$")
_RX_CONNECTIVE_ASIDE = re.compile(r",\s*(?:however|though|too|meanwhile|moreover|instead|in\s+turn|in\s+fact|of\s+course|"
                                  r"for\s+(?:instance|example)|in\s+particular|likewise|also|"
                                  r"for\s+(?:their|his|her|its|our)\s+part|\w+ly),\s*$", re.IGNORECASE)
_RX_SHARE_APPOSITIVE = re.compile(r"\s*\d[\d.,]*\s*(?:%|percent|per\s+cent)\s*")
_RX_PREP_BEFORE = re.compile(r"\b(?:of|from|in|at|for|with|by|to|on|about|against|than)\s+$", re.IGNORECASE)
_RX_RESTRICTIVE_WHO = re.compile(
    r"(?<=[a-z])\s+who\s+(?!(?:he|she|they|we|i|you)\b)(?:\w+ly\s+)?(?:\w+ed|wrote|spoke|met|ran|went|took|saw|"
    r"gave|came|left|lost|won|signed|attended|are|were|have|had|live|work)\b[^,;:.!?“”\"«»]{0,60}\s+$")


# a time phrase that opens the sentence without a comma is no part of the subject ("Last week Grammy producers
# said", "On Monday the minister had announced")
_TIME_PHRASE = (
    rf"(?:(?:(?:late|early)\s+)?(?:last|this|earlier\s+this|later\s+that)\s+(?:week|weekend|month|year|spring|summer|"
    rf"autumn|fall|winter|night|morning|afternoon|evening|{_DAYS})|next\s+(?:week|month|year|{_DAYS})|"
    rf"(?:on\s+)?(?:{_DAYS})|yesterday|today|earlier|later|meanwhile)")
_RX_LEAD_TIME = re.compile(rf"{_TIME_PHRASE}\s+(?=\S)", re.IGNORECASE)
# "Rep. Brad Sherman (D-Calif.) last month joked", "... over the past few days -- said": no speaker by itself
_RX_TIME_ONLY = re.compile(rf"(?:{_TIME_PHRASE}|(?:over\s+|in\s+)?the\s+(?:past|last)\s+(?:\w+\s+)?(?:days|weeks|"
                           r"months|years))\s*(?:--|[—–-])?", re.IGNORECASE)


def _aside_opener(text: str, lo: int, hi: int, dashes: tuple[str, ...]) -> int:
    """Position of the last spaced dash (one of `dashes`) in [lo, hi) that opens an aside, or -1."""
    return max(text.rfind(" " + d + " ", lo, hi) for d in dashes)


def _speaker_left(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Speaker span ending just before a cue at hi (subject position), handling appositives/relatives; a time
    phrase opening it is left out."""
    sp = _speaker_left_inner(text, lo, hi)
    if sp is not None and _RX_TIME_ONLY.fullmatch(text, sp[0], sp[1]):
        k = sp[0]
        if text[sp[0]:sp[1]].rstrip().endswith(("--", "—", "–", "-")):
            # "The justice -- who has been ... over the past few days -- said": the phrase ends an aside
            opener = _aside_opener(text, lo, sp[0], ("--", "—", "–", "-"))
            k = opener if opener > lo else lo
        sp = _speaker_left_inner(text, lo, k) if k > lo else None
    if sp is not None:
        m = _RX_LEAD_TIME.match(text, sp[0], sp[1])
        if m is not None and m.end() < sp[1]:
            return m.end(), sp[1]
    return sp


def _speaker_left_inner(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    k = hi
    while k > lo and text[k - 1].isspace():
        k -= 1
    cm = _RX_CONNECTIVE_ASIDE.search(text, max(lo, k - 40), k)
    if cm is not None and cm.start() > lo:
        # "The two lawmakers, however, argue"; "Brian Murphy, the chairman of ..., for example, said"
        return _appositive_head(text, lo, cm.start(), subject=True) or _speaker_left_inner(text, lo, cm.start())
    # relative "who" / "which"
    base = max(lo, hi - 80)
    m = _RX_RELATIVE.search(text[base:hi])
    if m:
        before = base + m.start()
        if text[base + m.start():base + m.end()].lstrip().startswith(("—", "–", "-")):
            return _np_left(text, lo, before)  # "Tebboune — who has long said ..."
        if text[base + m.start():base + m.end()].lstrip().startswith(","):
            # "Finally, there's the table in the front: Mark Zuckerberg, who announced": not across a colon
            lo = max(lo, text.rfind(":", lo, before) + 1, text.rfind(";", lo, before) + 1)
            head = _appositive_head(text, lo, before)
            if head:
                return head
            return _np_left(text, lo, before)
        return _np_left(text, lo, before)
    if k > lo and text[k - 1] not in ",-—–":
        # "Clinton, who held three events on Friday, has encouraged", "officials — including X — have long
        # argued": auxiliaries and adverbs between the aside and the cue
        am = _RX_AUX_TAIL.search(text, max(lo, k - 60), k)
        if am is not None and am.start() > lo and text[am.start() - 1] in ",-—–":
            k = am.start()
    if k > lo and text[k - 1] == ",":
        head = _appositive_head(text, lo, k - 1, subject=True)
        if head is None:
            rm = _RX_COMMA_RELATIVE.search(text, max(lo, k - 260), k - 1)
            if rm is not None and rm.start() > lo:
                # "The complaint, which was filed in federal district court in Washington, alleged", "Gen. John
                # Allen, who led United States forces in Afghanistan and later ..., said": a long relative clause
                head = _np_left(text, lo, rm.start())
            elif text[:k - 1].rstrip().endswith(")"):
                # "Sen. Jack Reed (D-R.I.), said"
                head = _np_left(text, lo, k - 1)
        return head
    if k - 2 > lo and text[k - 1] in "-—–" and text[k - 2] == " ":
        # "Donald Trump - who previously said he would ... - said at a rally that ...": an aside set between
        # dashes stands between the subject and its verb
        opener = _aside_opener(text, lo, k - 2, ("-", "—", "–"))
        if opener > lo:
            return _np_left(text, lo, opener)
    m = _RX_RESTRICTIVE_WHO.search(text, base, hi)
    if m is not None:
        # "the groups who wrote to her on Thursday say ...": the subject is the noun the relative clause restricts
        head = _np_left(text, lo, m.start())
        if head is not None:
            return head
    np = _np_left(text, lo, hi)
    if np is None:
        m = _RX_ED_DAY.search(text, max(lo, hi - 80), hi)
        head = _np_left(text, lo, m.start(1)) if m is not None else None
        if head is not None and (text[head[0]:head[1]].split()[0].lower() in _DETERMINERS
                                 or text[head[1] - 1:head[1]] == "s"):
            return head[0], _trim(text, head[0], hi)[1]
        return None
    # "An official statement issued by the Algerian government said": extend over "<participle> by"
    base = max(lo, np[0] - 40)
    m = _RX_ED_BY.search(text[base:np[0]])
    if m:
        head = _np_left(text, lo, base + m.start(1))
        if head is not None and text[head[0]:head[1]].split()[0].lower() in _DETERMINERS:
            return head[0], np[1]
    return np


# "New polls released Sunday showed", "A court document filed Thursday says": a participle and a day after the
# subject's noun
_RX_ED_DAY = re.compile(rf"\s(\w+ed)\s+(?:on\s+)?(?:(?:{_MONTHS_DAYS}|morning|afternoon|evening|night|last|this|"
                        r"week|month|year|yesterday|today|earlier)\s+){1,3}\Z", re.IGNORECASE)


_LY_NOUNS = {"family", "assembly", "monopoly", "anomaly", "homily", "butterfly", "bully", "weekly", "monthly",
             "quarterly", "daily", "elderly", "friendly", "lily", "supply", "rally", "italy", "folly", "jelly"}


# lower-case words after an inverted cue that open an adjunct, not a title ("..., said in Paris")
_NOT_TITLES = {"in", "at", "of", "for", "last", "this", "next", "late", "early", "monday", "tuesday", "wednesday",
               "thursday", "friday", "saturday", "sunday", "recently", "a", "an", "the", "his", "her", "their"}
_NOT_NAMES = {"it", "this", "that", "these", "those", "there", "therefore", "thus", "the", "a", "an", "such",
              "its", "their", "his", "her", "our", "my", "your", "some", "many", "most", "all", "both", "each"}


_PERSON_NOUNS = {
    "voters", "supporters", "critics", "members", "leaders", "lawmakers", "legislators", "delegates", "residents",
    "protesters", "protestors", "activists", "officials", "aides", "advisers", "advisors", "people", "analysts",
    "experts", "observers", "economists", "strategists", "donors", "conservatives", "liberals", "progressives",
    "candidates", "rivals", "opponents", "allies", "friends", "colleagues", "staff", "staffers", "workers",
    "fans", "politicians", "diplomats", "ministers", "generals", "commanders", "troops", "police", "lawyers",
    "attorneys", "prosecutors", "investigators", "judges", "justices", "senators", "governors", "mayors",
    "parents", "students", "women", "men", "citizens", "immigrants", "refugees", "employees", "owners",
    "executives", "scholars", "researchers", "scientists", "journalists", "reporters", "editors", "writers",
    "administration", "party", "court", "board", "council", "parliament", "congress", "senate", "house",
    "authorities", "army", "military", "union", "unions", "network", "newspaper", "magazine",
    "nurses", "doctors", "teachers", "pastors", "priests", "officers", "agents", "soldiers", "veterans",
    "professors", "authors", "columnists", "commentators", "hosts", "billionaires", "founders", "chairman",
    "chairwoman", "businessman", "businesswoman", "businessmen", "congressman", "congresswoman", "publications",
    "departments", "agencies", "ministries", "companies", "firms", "groups", "campaigns", "committees",
    "commissions", "organizations", "organisations", "outlets", "town", "city", "government", "governments",
}


# "Police say ...", "People say ...": a plural person noun without -s right before a bare "say"
_RX_PERSON_NOUN_BEFORE = re.compile(r"\b(?:police|people|staff|personnel|military|clergy|media|public|youth)\s+$",
                                    re.IGNORECASE)


_HEAD_END_PREPS = {"of", "at", "in", "from", "for", "with", "on"}


def _speakerish(doc: _Doc, sp: tuple[int, int]) -> bool:
    """Whether a subject can be the source of a statement: a personal pronoun, an actor mention, a
    person/organisation description ("the minister", "officials") or a proper name."""
    words = doc.text[sp[0]:sp[1]].split()
    if not words:
        return False
    w0 = words[0].lower()
    if w0 in _PRONOUNS_EN:
        return w0 not in {"it", "you"}
    if any(ms < sp[1] and me > sp[0] for ms, me, *_rest in doc.mentions):
        return True
    head = words[-1].lower().strip("’'s") if len(words[-1]) > 3 else words[-1].lower()
    if words[-1].lower() in _DESC_HEADS_EN or head in _DESC_HEADS_EN or words[-1].lower() in _PERSON_NOUNS \
            or words[-1].lower() + "s" in _PERSON_NOUNS or _RX_GROUP_PLURAL.fullmatch(words[-1]):
        return True  # (and "Many liberal Democrats")
    k = next((i for i, w in enumerate(words) if w in _HEAD_END_PREPS), 0)
    if 0 < k <= 3 and (_DESC_HEADS_EN.get(words[k - 1].lower()) == "person"
                       or words[k - 1].lower() + "s" in _PERSON_NOUNS):
        return True  # "One employee at a software firm": a person noun before the preposition
    return w0 not in _NOT_NAMES and all(w[:1].isupper() for w in words)


# past tenses without -ed that end a subject ("The Florida senator sought to calm ..., saying")
_IRREGULAR_PAST = {"sought", "thought", "brought", "bought", "began", "became", "won", "kept", "found", "knew",
                   "wrote", "ran", "saw", "sent", "spent", "told", "said", "stood", "heard", "built", "led",
                   "paid", "fought", "struck", "drew", "threw", "chose", "rose", "broke", "spoke", "took"}


_IRREGULAR_PAST_ALT = "|".join(sorted(_IRREGULAR_PAST))  # (as a regex alternation)


def _sentence_subject(text: str, lo: int, hi: int, doc: _Doc) -> tuple[int, int] | None:
    """Subject of the main clause before a participle/coordinated cue at hi: the first noun phrase of the
    last comma-separated segment that starts with one (`Hours later, Trump returned ..., telling`)."""
    bounds = [lo] + [lo + m.end() for m in re.finditer(r"[,;:—–(]\s*|\s[-–—]\s", text[lo:hi])]
    for b in reversed(bounds):
        b = _first_nonspace(text, b)
        if b >= hi:
            continue
        possessor = None
        for ms, me, _aid, _kind, _surf in doc.mentions_starting(b, b + 2):
            if text[me:me + 2] not in ("'s", "’s"):
                return ms, me
            possessor = (ms, me)  # "Japan's central bank ..., announcing": the bank, unless nothing follows
            break
        toks = _tokens(text, b, hi)
        if not toks:
            continue
        w0 = toks[0][2]
        if w0.lower() in _PRONOUNS_EN and w0.lower() not in {"it", "you"}:
            return toks[0][0], toks[0][1]
        if not (_is_cap(w0) or w0.lower() in _DETERMINERS) or w0.lower() in _NP_STOP \
                or _FRONTED.fullmatch(w0) or w0[:1].isdigit():
            continue  # (not "70" in "Suu Kyi, 70, said ...": an age)
        end = None
        for k, (_s, e, w) in enumerate(toks):
            wl = w.lower()
            if len(w) == 1 and not w.isalnum() and w not in "’'":
                break
            after_det = k > 0 and toks[k - 1][2].lower() in _DETERMINERS
            if wl in _NP_STOP or wl in _IRREGULAR_PAST or (not _is_cap(w) and wl not in _DETERMINERS and (
                    (wl.endswith("ed") and not after_det) or (k > 0 and wl.endswith("ly") and len(wl) > 6
                                             and wl not in _LY_NOUNS)
                    or (wl.endswith("s") and k > 0 and toks[k - 1][2][:1].isupper() and not after_det))):
                break
            end = e
        if end is not None and _words(text[toks[0][0]:end]) <= 8 and not (
                possessor is not None and text[end - 2:end] in ("'s", "’s")):
            return toks[0][0], end
        if possessor is not None:
            return possessor
    return None


# ----------------------------------------------------------------------------------------------------------
# Speaker resolution


def _actor_type(doc: _Doc, actor_id: str | None) -> str | None:
    if actor_id is None:
        return None
    a = doc.actors.get(actor_id)
    if a is None and doc.lexicon is not None:
        try:
            a = doc.lexicon.actor(actor_id)  # type: ignore[attr-defined]
        except Exception:
            a = None
        if a:
            doc.actors[actor_id] = a
    return (a or {}).get("actor_type")


def _actor_country(doc: _Doc, actor_id: str | None) -> str | None:
    if actor_id is None:
        return None
    _actor_type(doc, actor_id)
    return (doc.actors.get(actor_id) or {}).get("country_iso3")


_LOOKUP_CACHE: dict[tuple[int, str, str], str | None] = {}


def _lookup(doc: _Doc, text: str, language: str) -> str | None:
    """The lexicon's answer for a speaker text, memoised (speaker texts repeat a lot across articles)."""
    if doc.lexicon is None or not text:
        return None
    key = (id(doc.lexicon), text, language)
    if key in _LOOKUP_CACHE:
        return _LOOKUP_CACHE[key]
    try:
        aid = doc.lexicon.lookup(text, language)  # type: ignore[attr-defined]
    except Exception:  # a lexicon that cannot read this text resolves nothing
        aid = None
    if len(_LOOKUP_CACHE) > 200_000:
        _LOOKUP_CACHE.clear()
    _LOOKUP_CACHE[key] = aid
    return aid


def _mention_in(doc: _Doc, s: int, e: int, language: str) -> str | None:
    """Actor of the mention(s) overlapping [s, e): persons first, then the head-most mention."""
    hits = [m for m in doc.mentions if m[0] < e and m[1] > s]
    if not hits:
        return None
    persons = [m for m in hits if _actor_type(doc, m[2]) == "PERSON"]
    pool = persons or hits
    if language == "ar":
        return min(pool, key=lambda m: m[0])[2]
    # English: head is to the right, but before "of" ("the head of Algeria's intelligence agency")
    seg = doc.text[s:e]
    cut = re.search(r"\s(?:of|for|at)\s", seg)
    if cut and not persons:
        left = [m for m in pool if m[0] < s + cut.start()]
        if left:
            return max(left, key=lambda m: m[1])[2]
    return max(pool, key=lambda m: m[1])[2]


def _prior_persons(doc: _Doc, before: int) -> list[tuple[int, str, str]]:
    """(position, actor_id, surface) of PERSON mentions before a position, most recent first."""
    out = [(m[0], m[2], m[4]) for m in doc.mentions if m[1] <= before and _actor_type(doc, m[2]) == "PERSON"]
    return sorted(out, reverse=True)


def _ar_male_named(doc: _Doc, aid: str | None, surf: str, male: frozenset[str]) -> bool:
    """Whether the actor's Arabic name (else the text as written) opens with a man's given name."""
    name = (doc.actors.get(aid) or {}).get("canonical_name") or surf
    name = name if _HAS_AR.search(name) else surf
    words = normalize_arabic(name).split()
    first = words[0] if words else ""
    return first in male or (first[:1] == "و" and first[1:] in male)


def _antecedent(doc: _Doc, pos: int, *, want: str, gender: str = "", head: str = "",
                country: str | None = None, language: str = "en") -> str | None:
    """Most recent compatible speaker (or person mention) before pos."""
    cands: list[tuple[int, str | None, str, str]] = []  # (position, actor_id, text, gender)
    # "ولكنها قالت": a feminine verb does not refer back to "محمد حماقي" (a man's given name)
    male = curated_given_names("m") if language == "ar" and gender == "f" else frozenset()
    for st in doc.stmts:
        if st.cue_start < pos and st.speaker_actor_id:
            g = st.gender
            if male and not g and _ar_male_named(doc, st.speaker_actor_id, st.speaker_text or "", male):
                g = "m"
            cands.append((st.speaker_start if st.speaker_start is not None else st.cue_start,
                          st.speaker_actor_id, st.speaker_text or "", g))
    if want == "person":
        # an actor some earlier masculine verb stood for is a man
        known_m = {c[1] for c in cands if c[3] == "m"} if male else set()
        for p, aid, surf in _prior_persons(doc, pos):
            is_m = male and (aid in known_m or _ar_male_named(doc, aid, surf, male))
            cands.append((p, aid, surf, "m" if is_m else ""))
    cands.sort(key=lambda c: c[0], reverse=True)
    for _p, aid, txt, g in cands:
        t = _actor_type(doc, aid)
        if want == "person" and t not in (None, "PERSON"):
            continue
        if want == "person" and t is None and not _looks_personal(txt):
            continue
        if want == "nonperson" and t == "PERSON":
            continue
        if gender and g and g != gender:
            continue
        if head:
            key = normalize_arabic(txt) if language == "ar" else txt.lower()
            if head not in key and not (want == "media" and t == "MEDIA"):
                continue
        if country and aid != country and _actor_country(doc, aid) not in (None, country) \
                and _actor_country(doc, country) != _actor_country(doc, aid):
            continue
        return aid
    return None


_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}


def _looks_personal(txt: str) -> bool:
    words = txt.split()
    return bool(words) and all(w[:1].isupper() for w in words) and len(words) <= 4


def _resolve(doc: _Doc, s: int | None, e: int | None, language: str, *, gender: str = "") -> str | None:
    if s is None or e is None:
        return None
    txt = doc.text[s:e]
    low = txt.lower().strip()
    if language == "en":
        low = _POSSESSIVE_PRONOUNS.get(low, low)
        if low in _PRONOUNS_EN:
            g = _PRONOUNS_EN[low]
            if g in ("m", "f"):
                return _antecedent(doc, s, want="person", gender=g)
            if g == "n":
                return _antecedent(doc, s, want="nonperson")
            if g == "p":
                return _antecedent(doc, s, want="any")
            return None
        words = low.split()
        if words and words[0] in {"the", "this", "that", "these", "those"} and words[-1] in _DESC_HEADS_EN:
            cls = _DESC_HEADS_EN[words[-1]]
            country = _lookup(doc, " ".join(txt.split()[1:-1]), language) if len(words) > 2 else None
            if cls == "source":
                aid = _antecedent(doc, s, want="any", head="source")
            elif cls == "person" and words[-1] in _PLURAL_PERSON_HEADS:
                # "the Moroccan officials" stand for their country; "the officials" for an earlier speaker so
                # described, never for one person named before
                aid = country or _antecedent(doc, s, want="any", head=words[-1])
            elif cls == "person":
                aid = _antecedent(doc, s, want="person", country=country)
            elif cls == "media":
                aid = _antecedent(doc, s, want="media", head=words[-1])
            else:
                aid = _antecedent(doc, s, want="any", head=words[-1])
            if aid:
                return aid
        aid = _mention_in(doc, s, e, language)
        if aid:
            return aid
        # surname alone: an earlier person whose name ends with it
        if len(words) == 1 and txt[:1].isupper():
            for _p, pid, surf in _prior_persons(doc, s):
                if surf.split()[-1].lower() == low:
                    return pid
        return _lookup(doc, txt, language)
    # Arabic
    norm = normalize_arabic(txt)
    norm = _AR_DEMONSTRATIVE_TAIL.sub("", norm)
    first = norm.split()[0] if norm.split() else ""
    if first.startswith("لل"):
        first = "ال" + first[2:]
    definite = first.startswith("ال")
    headw = first[2:] if definite else first
    if definite and headw in _AR_DESC_HEADS:
        cls = _AR_DESC_HEADS[headw]
        if cls in ("source", "statement", "org"):
            aid = _antecedent(doc, s, want="any", head=headw, language="ar")
        elif cls == "media":
            aid = _antecedent(doc, s, want="media", head=headw, language="ar")
        else:
            aid = _antecedent(doc, s, want="person", language="ar")
        if aid:
            return aid
    aid = _mention_in(doc, s, e, language)
    if aid:
        return aid
    return _lookup(doc, txt, language)


def _ar_gender_of(txt: str) -> str:
    w = normalize_arabic(txt).split()
    if not w:
        return ""
    head = w[0]
    if head.startswith("لل"):
        head = head[2:]
    elif head.startswith("ال"):
        head = head[2:]
    return "f" if head.endswith("ه") and len(head) > 2 else "m"


# ----------------------------------------------------------------------------------------------------------
# Candidate building


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip spaces, quote marks at the edges (when unbalanced inside) and trailing commas/colons."""
    while s < e and (text[s].isspace() or text[s] in ",:;،"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",:;،"):
        e -= 1
    return s, e


def _strip_final_period(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in " .\n":
        e -= 1
    return s, e


def _quote_around(doc: _Doc, pos: int) -> Quote | None:
    """The quote whose inside contains pos (quotes do not overlap; sorted by opening mark)."""
    i = bisect.bisect_left(doc.quote_opens, pos) - 1
    if i >= 0 and doc.quotes[i].open < pos < doc.quotes[i].close:
        return doc.quotes[i]
    return None


def _title_before(text: str, q: Quote) -> bool:
    """Whether a word that introduces a title or a name (`on`, `titled`, `the`, `ABC's`) stands right before the
    opening mark of quote q (`told ABC's “Good Morning America”`)."""
    return _RX_TITLE_BEFORE.search(text, max(0, q.open - 30), q.open) is not None


def _quotes_between(doc: _Doc, lo: int, hi: int) -> list[Quote]:
    """Quotes whose opening mark lies in [lo, hi)."""
    i = bisect.bisect_left(doc.quote_opens, lo)
    j = bisect.bisect_left(doc.quote_opens, hi)
    return doc.quotes[i:j]


def _quote_pieces(doc: _Doc, q: Quote, *, upto: bool) -> list[tuple[int, int]]:
    """Inner spans of the quote `q` with the other paragraphs of its multi-paragraph quote: the pieces up to and
    including `q` (`upto`, `q` closes the statement) or `q` and the pieces after it (`q` opens it)."""
    if q.chain < 0:
        return [q.inner]
    if upto:
        return [p.inner for p in doc.quotes if p.chain == q.chain and p.open <= q.open]
    return [q.inner] + [p.inner for p in doc.quotes if p.chain == q.chain and p.open > q.open]


def _quote_starting(doc: _Doc, pos: int, limit: int) -> Quote | None:
    qs = _quotes_between(doc, pos, limit)
    return qs[0] if qs else None


def _extend_to_quote_close(doc: _Doc, s: int, e: int) -> int:
    q = _quote_around(doc, e)
    if q is not None and q.open >= s:
        return q.close + 1
    q = _quote_around(doc, e - 1)
    if q is not None and q.open >= s and q.close + 1 > e:
        return q.close + 1
    return e


def _widen(doc: _Doc, ss: int, se: int, *, arabic: bool = False) -> tuple[int, int]:
    """A quote may run over sentence boundaries: widen the clause to the quote around its edges."""
    text = doc.text
    q = _quote_around(doc, ss)
    if q is not None:
        ss = q.open
    q = _quote_around(doc, se)
    if q is not None:
        se = min(len(text), q.close + 1)
        if arabic:
            ends = [x for x in (text.find("\n", se), text.find(".", se)) if x >= 0]
            se = min(ends) + 1 if ends else len(text)
        else:
            while se < len(text) and text[se] not in ".!?\n":
                se += 1
            se = min(len(text), se + 1)
    return ss, se


def _words(text: str) -> int:
    return len(text.split())


class _Cand:
    __slots__ = (
        "ce",
        "content_left",
        "coord",
        "cs",
        "cue",
        "cue_e",
        "cue_s",
        "gender",
        "lemma",
        "min_words",
        "quotes_direct",
        "sp",
        "speaker_hint",
    )

    def __init__(self, cue_s, cue_e, cue, lemma, sp, cs, ce, quotes_direct, content_left=False, gender="",
                 speaker_hint=None):
        self.cue_s, self.cue_e, self.cue, self.lemma = cue_s, cue_e, cue, lemma
        self.sp, self.cs, self.ce = sp, cs, ce
        self.quotes_direct = quotes_direct  # list of (start, end) direct-quote spans, or None for reported
        self.content_left = content_left
        self.gender = gender
        self.speaker_hint = speaker_hint  # "implicit" (Arabic pro-drop) / "subject" (participle)
        self.coord = None  # start of "and"/"but" when the cue is the second verb of its subject
        self.min_words = 3  # shortest reported content kept (2 for an object or a label: "called Trump “unhinged”")


_BASE_FORMS = {"say", "add", "claim", "stress", "emphasise", "emphasize", "insist", "argue", "assert", "tell",
               "call on"}
_BASE_OK = re.compile(
    rf"(?:\b(?:they|we|i|you|who|will|would|could|should|can|may|might|must|did|does|do|to|not|n[’']t|{_DAYS})|\w\ws|"
    r"\b\d+)"
    r"\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"(?:\bnot|\bnever|n[’']t|\bdeclined\s+to|\brefused\s+to)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_FRONTED = re.compile(
    r"(?:on|in|at|after|before|during|with|as|when|while|despite|although|if|since|asked|speaking|"
    r"writing|referring|responding|pressed|courted|having|\w+ing|\w+ed)\b",
    re.IGNORECASE,
)
# finite auxiliaries: a clause has one of these (or a past form) where a noun phrase has none
_FINITE = (r"is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|does|did|isn[’']t|"
           r"wasn[’']t|won[’']t|doesn[’']t|didn[’']t")
_RX_FINITE = re.compile(rf"\b(?:{_FINITE})\b")
_RX_FINITE_OR_ED = re.compile(rf"\b(?:{_FINITE}|\w+ed)\b")
# an -ing/-ed noun as a subject: "Fundraising was ...", "Spending has ..." (not a fronted participle clause)
_RX_ING_SUBJECT = re.compile(r"(?!(?:speaking|writing|referring|responding|having|asked|pressed|courted)\b)"
                             rf"[A-Za-z]+(?:ing|ed)\s+(?:\w+\s+)?(?:{_FINITE})\b", re.IGNORECASE)
_NONSPEAKER = re.compile(r"\b(?:percent|per\s+cent|%|poll|polls|survey|data|figures|numbers)\b|^\W*\d",
                         re.IGNORECASE)

# a body named "Survey" or "Data" speaks ("The U.S. Geological Survey said"); a poll does not
_RX_NAMED_BODY = re.compile(r"\b[A-Z][\w.’'-]*\s+(?:Survey|Data)\b")

# "to" opens an attribution tail before a noun phrase ("said to reporters", "told to the BBC"), not before an
# infinitive ("agreed to republish the book", "vows to impose a tax"): a lower-case word without -s after it
_TO_TAIL = (r"to(?!\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|him|them|me|us)\b)"
            r"[a-z]+(?<!s)\b)")

# a programme or publication title in quote marks inside a tail: words in title case ("on MSNBC’s “Morning
# Joe.”", "on “Meet the Press”")
_TITLE_Q = (r"(?-i:[“\"][A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|the|of|and|a|in|on|with|for|to)){0,5}[.!?]?[”\"])")

_TAIL_EN = re.compile(
    rf"(?:\s*+,?\s*+(?:{_TITLE_Q}|"  # on MSNBC’s “Morning Joe.”
    rf"(?:on|in|at(?!\s+(?:least|most)\b)|during|last|this|late|early|earlier|later|via|from|{_TO_TAIL}|"
    rf"before|after|with|through|over|by|of|for|while)\b(?:(?!\bthat\b)[^,.;:“”\"«»!?])*+|"
    rf"(?:{_MONTHS_DAYS})\b(?:(?!\bthat\b)[^,.;:“”\"«»!?])*+|"
    r"(?:yesterday|today|tonight|recently|repeatedly|again|then|also|privately|publicly|earlier|later|"
    r"\w+ly)\b))*+(?:\s+(?:who|whose)\b[^.;!?“”\"«»]*+|\s*+,\s*+(?:a|an|the|who|whose|one\s+of|[A-Z][\w’'-]*[’']s|(?!(?:and|but|while|although|though|"
    r"because|so|yet|which|adding|saying|noting|explaining|arguing|insisting|warning|stressing|claiming|suggesting|"
    r"calling|urging|according)\b)[a-z]+|\d+)\b(?:[^.;!?“”\"«»]|(?<=\b[A-Z])\.(?=\s*[A-Z]))*+)?"
    r"\s*+(?P<end>[.!?]|(?<=[.!?][”\"])|,(?=\s*[“\"«])|,\s*(?=(?:adding|saying|noting|explaining|arguing|"
    r"insisting|warning|stressing|claiming|suggesting|calling|urging|according)\b)|$)",
    re.IGNORECASE,
)


# a finite clause opening without "that": a subject pronoun or a determiner/name followed later by words
_RX_CLAUSE_START = re.compile(
    r"\s*(?:(?:he|she|they|we|i|you|it|there|this|that)(?:[’']\w+)?\s|(?:the|a|an|his|her|their|our|its|"
    r"some|many|most|all|no|[A-Z][\w’'.-]*)\s+\w)",
)


# "Sources close to her campaign say ...": a bare "say" after a noun (not a determiner, "the say")
_RX_SAY_SUBJECT = re.compile(r"(?<![Tt]he )(?<![Aa] )\b(?!(?:the|a|an|final|no|any|more|some|his|her|their|its)\s)"
                             r"[a-z]\w+\s+$")
# poll respondents as speakers: "55 percent of all voters say", "About 4 in 10 say"
_RX_RESPONDENTS = re.compile(r"^(?!.*\b(?:poll|polls|survey|data|figures|numbers)\b).*(?:\d+\s+in\s+\d+|"
                             r"(?:percent|per\s+cent|%)(?:\s+of\s+\w.*)?|"
                             r"^\d[\d,]*\s+(?:[a-z-]+\s+){0,2}(?:[a-z]+(?<!ss)s|people|men|women))$")  # "1,409 teachers"
# a speech_weak cue with a subject pronoun and a verb after it: "announced he will step down"
_RX_PRONOUN_CLAUSE = re.compile(
    r"\s*(?:he|she|they|we|i)(?:[’'](?:d|ll|s|re|ve|m))?\s+(?!(?:on|in|at|to|for|with|by|from|and|or|as)\b)"
    r"[a-z]\w*\b")

# "knows what voters want", "wondered whether ...": a wh-clause after the cue
_RX_WH_CLAUSE = re.compile(r"\s*(?:whether|what|how|why|where|who)\s+(?:\w+\s+){0,4}?\w+")
# "told the AP her group never worked ...": a noun phrase and a finite verb open a that-less clause
_RX_NP_CLAUSE = re.compile(
    r"\s*(?:the|a|an|his|her|their|its|our|this|these|those|[A-Z][\w’'-]*)\s+(?:[\w’'-]+\s+){0,3}?"
    rf"(?:{_FINITE}|never|\w+ed)\b")
# the same with a finite auxiliary only (not "wrote a detailed letter", "maintains a large pledged lead")
_RX_NP_FINITE_CLAUSE = re.compile(_RX_NP_CLAUSE.pattern.replace("|never|\\w+ed)", ")"))
# a cue word after a possessive, a determiner or a number is a noun or an adjective ("Britain's charged
# uprising", "400 pledged delegates")
_RX_NOT_VERB_BEFORE = re.compile(r"(?:[’']s|\d|\b(?:the|a|an|his|her|their|its|our|my|your))\s+$", re.IGNORECASE)
# a that-less clause after a weak cue: a subject of up to five words, none of them a relative or a verb of
# its own, then a finite auxiliary ("suggested Trump hadn’t meant", "insist delegates must heed", "suggests
# any further deals to increase trade should be"); not "wrote an op-ed that was ...", "the remarks in other
# arenas have", "has seen the messages but would"
_RX_WEAK_CLAUSE = re.compile(
    r"\s*(?:(?!(?:that|which|who|whom|whose|where|when|while|if|as|because|and|but|or|in|on|at|about|for|of|"
    r"from|with|by|over|after|before|against|into|than)\b)[\w’'.-]+\s+){1,5}?"
    rf"(?:{_FINITE}|(?:had|has|have|are|were|can|could|would|should|do)n[’']t)\b"
    # or a name and a past tense ("suggested Trump went too far", "implied Clinton lied")
    rf"|\s*(?:[A-Z][\w’'.-]*\s+){{1,3}}(?:[a-z]+ed|went|{_IRREGULAR_PAST_ALT})\b")
# "it could ...", "there is ...": an expletive or `it` subject with a finite verb opens a clause
_RX_IT_CLAUSE = re.compile(rf"\s*(?:it|there)(?:[’']s\s|\s+(?:(?:\w+ly|also|still|never|not)\s+)?(?:{_FINITE})\b)")


# a headline "Trump Says He Never Pledged To ...": Says/Said/Tells with a title-case clause after it, to the
# line end
_RX_HEADLINE_SUBJECT = re.compile(r"[^\S\n]*(?:[A-Z][\w’'.-]*[^\S\n]+){0,4}"
                                  r"(?!(?:Against|On|Of|For|To|About|With|In|By|From|Over|After|Amid)\s)[A-Z][\w’'.-]*[^\S\n]+")
_RX_HEADLINE_SAYS = re.compile(r"[^\S\n]+(?:[A-Z][\w’'.,-]*|[a-z]{1,3}|\d[\w%]*)(?:[^\S\n]+(?:[A-Z‘“\"][\w’'‘“\".,-]*|"
                               r"[a-z]{1,3}|\d[\w%]*)){2,}[.?!’”]*[^\S\n]*(?:\n|$)")


def _headline_cue(text: str, c: Cue, form: str, cs: int, ce: int) -> bool:
    """A title-case cue inside a headline line: `Trump Says He Never Pledged To ...`, and any one-word verb cue
    after a title-case subject that does not end on a preposition (`Bernie Sanders Promises Action On ...`,
    not `... Defends Himself Against Claims He ...`)."""
    if form not in {"says", "said", "tells", "told"} and not (
            " " not in form and form.endswith("s") and c.kind in ("speech", "speech_weak", "object")
            and _RX_HEADLINE_SUBJECT.fullmatch(text, text.rfind("\n", 0, cs) + 1, cs)):
        return False
    return _RX_HEADLINE_SAYS.match(text, ce) is not None


_PLURAL_PRONOUNS = {"others", "many", "some", "both", "few", "several", "most", "all"}
# a quantifier that may speak alone ("Some said they ...", and the singular "Another tweeted", "one suggested")
_QUANTIFIER_SPEAKERS = _PLURAL_PRONOUNS | {"another", "one"}


def _plural_subject(text: str, cs: int) -> bool:
    """`Jeb Bush and Chris Christie say`, `Aides to Clinton say`: a bare `say` after a coordinated or plural
    subject."""
    sp = _speaker_left(text, max(0, cs - 120), cs)
    if sp is None:
        return False
    words = text[sp[0]:sp[1]].split()
    # a capitalised first word is the head when a preposition follows it ("Proponents of the bill")
    first_is_head = len(words) > 1 and words[1] in {"of", "for", "to", "in", "at", "from", "with"}
    return " and " in f" {text[sp[0]:sp[1]]} " or words[0].lower() in _PLURAL_PRONOUNS or any(
        (w.islower() or (i == 0 and first_is_head)) and w.endswith("s") and not w.endswith("ss") and len(w) > 3
        for i, w in enumerate(words)) or (
        # "Democrats say", "Senate Republicans say": a capitalised plural group noun as the head
        len(words) <= 3 and _RX_GROUP_PLURAL.fullmatch(words[-1]) is not None)


_RX_GROUP_PLURAL = re.compile(r"[A-Z][a-z]+(?:ians|icans|eans|ocrats|ists|ites|ics|als|ims|ives)")


# a sentence adverb before a subject ("Even China, Pyongyang's only ally, said it was ...")
_LEAD_CONNECTIVES = "But|And|So|Yet|Still|Meanwhile|However|Now|Later|Earlier|Also"
_RX_LEAD_WORD = re.compile(rf"(?:(?:{_LEAD_CONNECTIVES}|Even|Then|Instead)\b,?)?")
# a finished clause and a conjunction before a subject with an appositive ("The White House contends ..., and
# Brian Deese, the White House climate change adviser, said he ...")
_RX_COORD_LEAD = re.compile(r"\w\s*(?:[,;]\s*(?:and|but|while|whereas|yet)|;)$")
_RX_LEAD_OK = re.compile(rf"(?:(?:{_LEAD_CONNECTIVES})\b,?\s*)?"
                         r"(?:[^,.;:!?“”\"]{1,40},\s*(?:(?:however|though|meanwhile|too|also),\s*)?)?")
_RX_DAY_ADJUNCT = re.compile(
    rf"\s+(?:on\s+)?(?:(?:last|this|next)\s+)?(?:{_WEEKDAYS}|yesterday|"
    r"today|tonight|week|weekend|month|year)(?:\s+(?:night|morning|afternoon|evening))?"
    r"(?=\s+(?:that|he|she|they|it|we|I|the|a|an|his|her|their|its|[A-Z][a-z]+)\s)")
_RX_DASH_ASIDE = re.compile(r"\s*[—–]\s[^—–.;!?\n]{1,60}\s[—–]\s*")


# verb forms that are also nouns: after a possessor they are noun cues ("Trump's claim that ...")
_NOUN_LIKE_FORMS = {"claim", "claims", "promise", "promises", "pledge", "pledges", "warning", "vow", "vows",
                    "view", "views", "belief", "argument", "suggestion", "insistence", "assertion",
                    "accusation", "allegation", "contention", "denial", "admission", "fears"}
# the possessor right before a noun cue: "Trump's", "Mr. Trump's", "Sanders'", his / her / their / its, with
# at most two modifiers between ("his repeated claim that", "Clinton's earlier public assertion that")
_RX_POSSESSOR = re.compile(
    r"(?:(?P<name>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.-]*?)(?:[’']s|(?<=s)[’'])|\b(?P<pron>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts))"
    r"\s+(?:(?:[a-z]+ly|own|latest|new|repeated|earlier|later|false|baseless|controversial|recent|public|"
    r"private|oft-repeated|frequent|initial|previous|central|core|main)\s+){0,2}$")


def _noun_en(doc: _Doc, c: Cue, cue_text: str, cs: int, ce: int, ss: int, se: int) -> _Cand | None:
    """`Trump's claim that Mexico will pay`, `his insistence that ...`: a noun cue after a possessor; the
    possessor speaks, the that-clause (or to-infinitive of a promise/pledge/call) is the content."""
    text = doc.text
    pm = _RX_POSSESSOR.search(text, max(ss, cs - 60), cs)
    if pm is None:
        return None
    after = re.match(r"\s+that\s+", text[ce:ce + 8])
    if after is None and c.lemma in {"promise", "pledge", "vow", "call", "plan", "decision", "refusal", "effort",
                                    "push", "bid", "attempt", "threat"}:
        after = _RX_OBJECT_TO.match(text, ce)
        if after is not None:
            after = re.match(r"\s+", text[ce:ce + 3])  # keep "to ..." in the content
    if after is None:
        return None
    pos = ce + after.end()
    if text[pos:pos + 3] != "to " and not _RX_CLAUSE_START.match(text, pos - 1):
        return None
    sp = (pm.start("name"), pm.end("name")) if pm.group("name") else (pm.start("pron"), pm.end("pron"))
    if _NONSPEAKER.search(text[sp[0]:sp[1]]):
        return None
    c_s, c_e = _content_after_cue(doc, pos, se, cut_clause=True)
    c_e = _cut_second_predicate(doc, c_s, c_e)
    if not re.search(r"\b[a-z]+\s+(?:the\s+)?$", text[max(ss, sp[0] - 30):sp[0]]):
        # as the subject ("Trump's claim that Mexico will pay was rejected") the that-clause ends before the
        # main verb: the last common one in the sentence; without one the end is unknown and nothing is kept
        mains = [m for m in _RX_MAIN_VERB.finditer(text, c_s, c_e) if _words(text[c_s:m.start()]) >= 2]
        if not mains:
            return None
        c_e = mains[-1].start()
    if not 3 <= _words(text[c_s:c_e]) <= 60:
        return None
    return _Cand(cs, ce, cue_text, c.lemma if c.kind == "noun" else _NOUN_LEMMAS.get(c.lemma, c.lemma), sp, c_s, c_e,
                 None)


_NOUN_LEMMAS: dict[str, str] = {}
# noun cues that are also verbs of a plural or pronoun subject, with the kind they take as verbs
_NOUN_AS_VERB = {"hope": "speech", "fear": "speech", "vow": "intent", "pledge": "intent",
                 "promise": "intent"}
_RX_PLURAL_SUBJECT = re.compile(
    r"(?:\b(?:they|we|i|you|who)|(?<![’'])\b[A-Za-z]\w+[^s’'\W]s|\b(?:police|people|staff))\s+(?:(?:also|still|now|\w+ly)\s+)?$")


_RX_MAIN_VERB = re.compile(
    r"\s(?:was|is|were|are|has\s+been|have\s+been|had\s+been|remains|remained|drew|draws|sparked|prompted|"
    r"angered|worried|caused|came|comes|appears|appeared|seems|seemed|proved|proves|became|becomes|led|"
    r"raised|irked|alarmed|infuriated|stunned|shocked|surprised)\b")


# cue forms that are only past participles: a verb only after an auxiliary ("has shown", "had known")
_PARTICIPLE_ONLY = {"shown", "known", "written", "seen"}
_RX_PERFECT_BEFORE = re.compile(r"(?:\b(?:has|have|had|having|is|are|was|were|be|been|being)|[’'](?:s|ve|d))"
                                r"\s+(?:(?:\w+ly|not|also|never|already|long|just|since|now)\s+)*$", re.IGNORECASE)


def _english_candidates(doc: _Doc, table: CueTable) -> list[_Cand]:
    text = doc.text
    out: list[_Cand] = []
    rx = table.regex.get("en")
    if rx is None:
        return out
    for m in rx.finditer(text):
        if not _starts_word(text, m.start()):
            continue
        form = _RX_WS.sub(" ", m.group("cue")).lower()
        c = table.by_form.get(("en", form))
        if c is None:
            continue
        cs, ce = m.start("cue"), m.end("cue")
        if _quote_around(doc, cs) is not None:
            continue  # words inside a quote belong to the quoted speaker's statement
        if c.kind == "noun" or (form in _NOUN_LIKE_FORMS and _RX_POSSESSOR.search(text, max(0, cs - 60), cs)):
            ss, se = _widen(doc, *doc.clause_span(cs))
            cand = _noun_en(doc, c, m.group("cue"), cs, ce, ss, se)
            if cand is None and form in _NOUN_AS_VERB and _RX_PLURAL_SUBJECT.search(text, max(ss, cs - 40), cs) \
                    and not _NEGATED.search(text, max(0, cs - 30), cs):
                # "Democrats hope they will ...", "They fear that ...": the noun form is the verb of a subject
                verb = Cue("en", c.cue, c.lemma, _NOUN_AS_VERB[form], "", c.cue_type)
                cand = _verb_en(doc, verb, m.group("cue"), cs, ce, ss, se)
            if cand is not None:
                out.append(cand)
            continue
        if form in _BASE_FORMS and not _BASE_OK.search(text, max(0, cs - 40), cs) and not (
                form == "say" and (_RX_SAY_SUBJECT.search(text, max(0, cs - 40), cs)
                                   or _RX_PERSON_NOUN_BEFORE.search(text, max(0, cs - 40), cs))) \
                and not ((form == "say" or text[max(0, cs - 40):cs].rstrip().endswith(","))
                         and _plural_subject(text, cs)):
            continue  # "a claim", "the say": a base form needs "they"/"officials"/"will"/"did" before it
        if _NEGATED.search(text, max(0, cs - 30), cs):
            continue  # "did not say", "never claimed"
        if form in _PARTICIPLE_ONLY and not _RX_PERFECT_BEFORE.search(text, max(0, cs - 40), cs):
            continue  # "a level of humour shown in ...": without an auxiliary, a participle qualifies a noun
        if (form == c.lemma or c.kind == "participle") and _RX_DET_BEFORE.search(text, max(0, cs - 30), cs) \
                and not (form in _NOUN_LIKE_FORMS and _RX_ADJUNCT_THAT.match(text, ce, min(len(text), ce + 80))):
            # "the mere mention of", "a call for", "issued a ruling": a noun after a determiner (but "issued a
            # warning earlier in the week that ..." reports what was said)
            continue
        if m.group("cue")[:1].isupper():
            # title-cased cue inside a clause is a headline ("Khiame Explains Morocco's Strategy")
            k = cs
            while k > 0 and text[k - 1] in " \t“\"":
                k -= 1
            if k > 1 and text[k - 1] in "”’»" and text[k - 2] in ".!?":
                k -= 1  # a sentence that ends inside its quote: “... laws.” Said one official: “...”
            if k > 0 and text[k - 1] not in ".!?\n:" and not _headline_cue(text, c, form, cs, ce):
                continue
        if form in {"says", "say", "said"} and _RX_TO_BE.match(text, ce, ce + 12):
            continue  # "is said to be"
        ss, se = _widen(doc, *doc.clause_span(cs))
        k = ss
        while k > 0 and text[k - 1] in " \t":  # not across a paragraph break
            k -= 1
        if k >= 2 and text[k - 1] in "”\"»" and text[k - 2] in ",?!—–-":
            q = _quote_around(doc, k - 2)
            if q is not None and q.close == k - 1 and not _quotes_between(doc, ss, cs):
                ss = q.open  # “Why not?” he asked. -- the splitter ends a sentence at the quote
        cand = None
        if c.kind == "source_prep":
            cand = _according(doc, c, form, cs, ce, ss, se)
        else:
            cand = _verb_en(doc, c, m.group("cue"), cs, ce, ss, se)
        if cand is not None and not (cand.sp is not None and not cand.content_left
                                     and _RX_NEGATIVE_SUBJECT.search(text, max(0, cand.sp[0] - 4), cand.sp[1])):
            out.append(cand)  # not "No one, in fact, is eager to ...", "Not all attendees are eager to ..."
    return out


# a determiner (and an adjective) right before a cue word makes it a noun: "the mere mention of", "a call for"
_RX_DET_BEFORE = re.compile(r"\b(?:the|a|an|this|his|its|their|our|my|your|any|no|every|each)\s+(?:(?:mere|very|only|"
                            r"first|last|latest|new|same|public|formal|brief|quick|final|whole|single|slightest|"
                            r"simple|passing|explicit|direct)\s+)?$", re.IGNORECASE)
# a subject that says nobody spoke: "No one", "Nobody", "None of them", "Not all attendees"
_RX_NEGATIVE_SUBJECT = re.compile(r"\b(?:no\s+one|nobody|none|neither|not\s+(?:all|every|everyone|many))\b",
                                  re.IGNORECASE)


_RX_DATELINE = re.compile(r"[A-Z][A-Z.’' ]+(?:,\s*[A-Z][\w.]*)?\s*(?:\([A-Za-z ]+\)\s*)?(?:—|--|–)\s*")


_RELEASED = ("released|published|issued|compiled|conducted|commissioned|provided|prepared|gathered|collected|obtained|"
             "seen|reviewed|filed|posted")
_RX_RELEASED_BY = re.compile(rf"\s+(?:{_RELEASED})\s+by\s+")
_RX_RELEASED_END = re.compile(rf"\s(?:{_RELEASED})$")
_RX_BY = re.compile(r"\s+by\s+")


def _according(doc, c, form, cs, ce, ss, se) -> _Cand | None:
    text = doc.text
    np = _np_right(text, ce, se)
    if np is None:
        return None
    by = _RX_RELEASED_BY.match(text, np[1], se)
    if by is None and _RX_RELEASED_END.search(text, np[0], np[1]):
        by = _RX_BY.match(text, np[1], se)
    if by is not None:
        # "according to numbers released by Japan's Finance Ministry": the source runs on to who released them
        agent = _np_right(text, by.end(), se)
        if agent is not None:
            np = (np[0], agent[1])
    head_part = re.split(r"\s(?:of|for|at|in|from|with|on|by|to)\s", text[np[0]:np[1]])[0].split()
    head = head_part[-1] if head_part else ""
    if not head or head.lower().strip("’'") in _NOT_SOURCE_HEADS or (
            any(w.lower() in _NOT_SOURCE_HEADS for w in head_part) and not any(w[:1].isupper() for w in head_part)):
        return None  # "according to the postulates of ...", "according to plan"
    after = np[1]
    # "according to X, who ..." - skip the relative clause for the content decision
    rest = text[after:se]
    left_txt = text[ss:cs]
    left_words = _words(left_txt.strip(" ,"))
    rest_m = re.match(r"\s*,\s*", rest)
    if rest_m is None and _words(text[ss:cs].strip(" ,")) <= 2:
        # "According to early results of exit polls conducted by Edison Research for the AP, CONTENT": the
        # source runs on to the first comma
        k = after
        while True:
            k = text.find(",", k, min(se, after + 200))
            if k < 0 or _quote_around(doc, k) is None:
                break
            k += 1
        if k > 0 and _words(text[k:se]) >= 4 and not re.search(r"[.;:!?]", text[after:k]):
            np = (np[0], k)
            after = k
            rest = text[after:se]
            rest_m = re.match(r"\s*,\s*", rest)
    right_words = _words(rest)
    if rest_m and (left_words <= 2 or (left_words <= 5 and right_words >= 3 * left_words)):
        # "According to X, CONTENT" / "In the Sahel, according to Khiame, many ..."
        c_s = after + rest_m.end()
        c_e = _extend_to_quote_close(doc, c_s, se)
        c_s, c_e = _strip_final_period(text, *_trim(text, c_s, c_e))
    else:
        c_s, c_e = _trim(text, ss, cs)
        dm = _RX_DATELINE.match(text, c_s, c_e)
        if dm is not None:
            c_s = dm.end()  # "WASHINGTON (AP) — Trump has invested ..., according to ..."
        k = text.find(":", c_s, c_e)
        while k >= 0 and _quote_around(doc, k) is not None:
            k = text.find(":", k + 1, c_e)
        if k >= 0 and _words(text[k + 1:c_e]) >= 3:
            c_s = _first_nonspace(text, k + 1)  # "At the same time, the tax ...: London was ..., according to"
        if re.search(r"\b(and|but)$", text[c_s:c_e]):
            c_e = c_s + re.search(r"\s*\b(and|but)$", text[c_s:c_e]).start()
    if _words(text[c_s:c_e]) < 3:
        return None
    left_side = c_e <= cs
    return _Cand(cs, ce, text[cs:ce], c.lemma, np, c_s, c_e, None, content_left=left_side)


_RX_CONTENT_CUT = re.compile(
    r",\s+(?:which|while|whereas|although|though|even\s+as|but\s+for|but\s+(?:he|she|they|it|the|a)\s)\b|"
    r"\s+(?:but|and)\s+(?:did|does|do|has|had|was|is|would|will|also|then|later)\s+(?:not\s+|n[’']t\s+)?"
    r"(?:say|said|suggest|suggested|mention|mentioned|add|added|declined|refused|\w+ed)\b",
)
_RX_ASK_Q = re.compile(r"\s+(?:(?:him|her|them|me|us|(?:former\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}|"
                       r"(?:the|a|an|his|her|their|our|its)\s+[\w’'-]+(?:\s+[\w’'-]+)?)\s+)?"
                       r"(?P<q>(?:if|whether|what|who|why|how|when|which|where)\b)")
# "was asked by host John Dickerson whether ...", "Asked by Matt Lauer whether ...": the asker after "by"
_RX_ASKED_BY = re.compile(r"\s+by\s+(?P<sp>(?:[a-z]+\s+){0,2}[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})"
                          r"(?:,[^,]{1,80},)?\s+(?P<q>(?:if|whether|what|who|why|how|when|which|where|about)\b)")
_RX_NAMING_BAD_LEFT = re.compile(r"(?:\b(?:is|are|was|were|be|been|being|so|also|often|sometimes|a|the)|-)\s*$",
                                 re.IGNORECASE)
_RX_NAMING_OBJ = re.compile(
    r"\s+(?!(?:on|for|upon|in|off|out|up|back|to|into|at|from|it\s+quits|him\s+back|her\s+back)\b)"
    r"(?:(?:him|her|them|it|himself|herself|themselves|us|me)\b|(?:[\w’'./-]+\s+){0,10}?[\w’'./-]+)"
    r"\s*,?\s+(?=[“\"«]|(?:a|an)\s+\w|(?:the\s+)?(?:most|best|worst|biggest|greatest)\s|(?:as|of)\s+\w|"
    # a bare adjective as the label, closing the clause: "called the actions lawful", "... unusual."
    r"(?:un|in|il|ir)?[a-z]+(?:ful|ous|ive|al|able|ible|ic|less|ent|ant|ary|ory|ish|ible)\s*(?:[,.;!?]|$|and\s|but\s))",
)


_RX_INTENT_TO = re.compile(r"(?:\s*,\s*\w+ly\s*,)?\s+(?:(?:him|her|them|us|me|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2})\s+)?"
                           r"(?P<to>to\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|be\s+sure\b)[a-z]\w+)")
# "wants voters to know", "want all immigrants in the country illegally to be deported": `want` with a
# lower-case object of up to six words before the infinitive (not "want ready access to firearms")
_RX_WANT_OBJECT_TO = re.compile(r"\s+(?:(?!(?:to|that|which|who|and|but|or|because|if|when)\b)[\w’'-]+\s+){1,6}?"
                                r"(?P<to>to\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|[a-z]+[^s\W]s\b)[a-z]\w+)")


def _named_speaker_left(doc: _Doc, ss: int, cs: int) -> tuple[int, int] | None:
    """The speaker noun phrase left of a cue, unless it is a non-speaker, a determiner or a bare pronoun
    such as `it`/`which` (used by the intent and naming cues, which need a real subject)."""
    sp = _speaker_left(doc.text, ss, cs)
    if sp is None:
        return None
    sp_txt = doc.text[sp[0]:sp[1]].lower()
    if _NONSPEAKER.search(sp_txt) or sp_txt in _DETERMINERS or sp_txt in {"it", "this", "that", "which", "what"}:
        return None
    return sp


def _content_after_cue(doc: _Doc, ce: int, se: int, *, cut_clause: bool) -> tuple[int, int]:
    """Content right of a cue: up to a closing quote or the sentence end, cut before a participle clause
    (outside quotes) and, with `cut_clause`, before a trailing relative/contrast clause."""
    text = doc.text
    c_e = _extend_to_quote_close(doc, ce, se)
    pm = _RX_PARTICIPLE_CUT.search(text, ce, c_e)
    if pm and not _quote_around(doc, pm.start()):
        c_e = pm.start()
    if cut_clause:
        cm = _RX_CONTENT_CUT.search(text, ce, c_e)
        if cm is not None:
            c_e = cm.start()
    return _strip_final_period(text, *_trim(text, ce, c_e))


_INTENT_OBJECT_LEMMAS = {"want", "seek"}
# an object noun phrase right after the verb: a determiner, a possessive or a number, then a noun
_RX_INTENT_OBJECT = re.compile(r"\s+(?:a|an|the|his|her|their|its|our|some|more|new|further|no|\d[\d,.]*)\s+[a-z]")
_INTENT_ADJECTIVES = {"eager", "willing", "determined", "keen", "reluctant", "unwilling"}
_RX_PROGRESSIVE = re.compile(r"(?:\s|\b)(?:is|are|was|were|am|[’']s|[’']re)\s+(?:(?:still|now|also|already|\w+ly)\s+)?$")


_RX_TELL_THAT = re.compile(
    r"[^.;:!?“”\"«»\n]*?(?<=\s)(?=(?:that\s|(?:he|she|they|we|I)(?:[’'](?:d|ll|s|re|ve|m))?\s+"
    r"(?!(?:on|in|at|to|for|with|by|from|and|or|as)\b)[a-z]))(?P<rest>)")


def _intent_en(doc: _Doc, c: Cue, cue_text: str, cs: int, ce: int, ss: int, se: int) -> _Cand | None:
    """`Trump wants to build a wall`, `Clinton plans to visit Ohio`: an intention; the content is the
    infinitive clause (with its subject when one stands between: "wants Congress to act")."""
    text = doc.text
    left_end = cs
    if cue_text.endswith("ing") or c.lemma in _INTENT_ADJECTIVES:
        # "Clinton is planning to ...", "they are hoping to ...": the progressive needs its auxiliary
        am = _RX_PROGRESSIVE.search(text, max(ss, cs - 30), cs)
        if am is None:
            return None
        left_end = am.start()
    elif re.search(r"\b(?:is|are|was|were|be|been|being|the|a|an|his|her|their|its|our)\s+$",
                   text[max(ss, cs - 8):cs]):
        return None  # "the plans to ...", "was wanted"
    m = _RX_INTENT_TO.match(text, ce, se)
    if m is None and c.lemma == "want":
        m = _RX_WANT_OBJECT_TO.match(text, ce, se)
    obj = None
    if m is None and c.lemma in _INTENT_OBJECT_LEMMAS:
        # "Sanders wants a vast expansion of the federal government", "Sanders seeks the ouster of ...": what is
        # wanted is the object
        obj = _RX_INTENT_OBJECT.match(text, ce, se)
    if m is None and obj is None:
        return None
    sp = _named_speaker_left(doc, ss, left_end)
    if sp is None:
        return None
    c_s, c_e = _content_after_cue(doc, ce, se, cut_clause=True)
    if m is not None and "," in text[ce:m.start("to")]:
        c_s = m.start("to")  # "refused, generally, to concede ..."
    c_e = _cut_second_predicate(doc, c_s, c_e)  # "sought to calm his supporters, and took a heckler in stride"
    if obj is not None:
        cm = _RX_OBJECT_CUT.search(text, c_s, c_e)
        if cm is not None and not _quote_around(doc, cm.start()):
            c_e = cm.start()
        if _words(text[c_s:c_e]) > 30:
            return None  # (an object runs shorter than an infinitive clause)
    if _words(text[c_s:c_e]) < 3 or _words(text[c_s:c_e]) > 40:
        return None
    return _Cand(cs, ce, cue_text, c.lemma, sp, c_s, c_e, None)


_RX_PARTICIPLE_LEFT = re.compile(r"(?:,|\bby|\bwhile|\bafter|\bbefore)\s+(?:(?:even|also|openly|once|\w+ly)\s+)?$")


_RX_NAMING_CUT = re.compile(r",?\s+and\s+(?:then\s+|also\s+)?(?:\w+ing|\w+ed|said|says|told|vowed)\b")


def _naming_content(doc: _Doc, ce: int, se: int) -> tuple[int, int]:
    """The object and label of a naming cue, stopping before a second predicate of the speaker (`calling
    them rapists and vowing to ...`, `called it “disqualifying” and asserted ...`)."""
    c_s, c_e = _content_after_cue(doc, ce, se, cut_clause=False)
    for m in _RX_NAMING_CUT.finditer(doc.text, c_s, c_e):
        if _quote_around(doc, m.start()) is None:
            return _trim(doc.text, c_s, m.start())
    c_e = _cut_second_predicate(doc, c_s, c_e)  # "called the assault “an attack,” but he also noted ..."
    am = _RX_NAMING_ADJ.match(doc.text, c_s, c_e)
    if am is not None and not _ALL_MARKS.intersection(doc.text[c_s:am.end()]):
        return c_s, am.end()  # "called the actions lawful, and left": a bare adjective label ends the content
    return c_s, c_e


_RX_NAMING_ADJ = re.compile(r"(?:[\w’'./-]+\s+){0,6}?(?:un|in|il|ir)?[a-z]+(?:ful|ous|ive|al|able|ible|ic|less|ent|ant|"
                            r"ary|ory|ish)(?=\s*(?:[,.;!?]|$|and\s|but\s))")


def _naming_en(doc: _Doc, c: Cue, cue_text: str, cs: int, ce: int, ss: int, se: int) -> _Cand | None:
    """`X called Trump “unhinged”` / `X called him a liar`: the speaker names or labels someone; the
    content is the object and the label, up to the clause end."""
    text = doc.text
    wm = re.search(r"\bwhat\s+(?=\S)", text[max(ss, cs - 120):cs])
    if wm is not None and not cue_text.endswith("ing"):
        # "in what Bay Buchanan, national treasurer for the campaign, called “hand-to-hand combat”": a quoted
        # label is the speaker's words
        k = _first_nonspace(text, ce)
        q = _quote_starting(doc, k, k + 1)
        sp = _speaker_left(text, max(ss, cs - 120) + wm.end(), cs)
        if q is None or not q.closed or sp is None or _NONSPEAKER.search(text[sp[0]:sp[1]]) \
                or text[sp[0]:sp[1]].lower() in _DETERMINERS:
            return None
        return _Cand(cs, ce, cue_text, c.lemma, sp, q.inner[0], q.inner[1], [q.inner])
    if _RX_NAMING_BAD_LEFT.search(text, max(ss, cs - 12), cs):
        return None  # "is called", "so-called", "a call"
    m = _RX_NAMING_OBJ.match(text, ce, se)
    if m is None:
        return None
    if cue_text.endswith("ing"):
        # "Trump lashed out at Cruz, calling him “a liar”": the subject of the main clause names
        if not _RX_PARTICIPLE_LEFT.search(text, max(ss, cs - 12), cs):
            return None
        sp = _sentence_subject(text, ss, cs, doc)
        if sp is None:
            return None
        c_s, c_e = _naming_content(doc, ce, se)
        if not 2 <= _words(text[c_s:c_e]) <= 40:
            return None
        cand = _Cand(cs, ce, cue_text, c.lemma, sp, c_s, c_e, None, speaker_hint="subject")
        cand.min_words = 2
        return cand
    sp = _named_speaker_left(doc, ss, cs)
    if sp is None:
        am = _RX_AND_END.search(text, ss, cs)
        if am is not None and am.end() == cs:
            # "Carson took the stage ... and called the political system “rotten to the core.”"
            sp = _sentence_subject(text, ss, am.start(), doc)
    if sp is None:
        return None
    c_s, c_e = _naming_content(doc, ce, se)
    if _words(text[c_s:c_e]) < 2 or _words(text[c_s:c_e]) > 40:
        return None
    cand = _Cand(cs, ce, cue_text, c.lemma, sp, c_s, c_e, None)
    cand.min_words = 2
    return cand


@lru_cache(maxsize=1)
def _rx_second_predicate() -> re.Pattern:
    """Where reported content ends at a second predicate of the speaker or a participle clause: `..., and he
    added ...`, `... and argued ...`, `..., mocked the party ...`, `..., throwing a wrench in ...`, a dash."""
    table = load_speech_verbs()
    past = sorted({c.cue.lower() for (lang, _f), c in table.by_form.items() if lang == "en" and " " not in c.cue
                   and (c.cue.lower().endswith("ed") or c.cue.lower() in {"said", "told", "wrote", "sought",
                                                                         "knew", "felt", "thought", "made"})},
                  key=len, reverse=True)
    present = {c.cue.lower() for (lang, _f), c in table.by_form.items() if lang == "en" and " " not in c.cue
               and c.kind in ("speech", "naming") and c.cue.lower().endswith("s") and len(c.cue) > 4}
    verbs = "|".join(re.escape(v) for v in past)
    pres = "|".join(re.escape(v) for v in sorted(present, key=len, reverse=True))
    return re.compile(
        rf",?\s+(?:and|but)\s+(?:(?:has|had|also|then|later|\w+ly)\s+)?(?:{verbs})\b|"
        rf"\s+and\s+(?:(?:also|then|later)\s+)?(?:{pres})\b|"
        rf",\s+(?:(?:also|then|later|\w+ly)\s+)?(?:{verbs})\b|"
        r",?\s+and\s+(?:he|she|they|we|i)\s|,\s+(?:and|but)\s+(?!that\b|to\b|not\b|also\b)|"
        r"(?<=,[”\"»])\s+(?:and|but)\s+(?:he|she|they|we|i)\s|"
        r",\s+(?:who|where|according\s+to|compared\s+(?:to|with)|as\s+(?:he|she|they)|even\s+as|when)\b|"
        r",\s+(?:he|she|they|it)\s+(?!said|says|added|argued|noted)\w|"
        r",\s+(?:a|an)\s+(?:\w+\s+)?(?:swipe|reference|nod|jab|dig|shot|apparent\s+\w+)\b|"
        r"\s+(?:—|--|–)\s|\s+on\s+(?:the\s+)?condition\s+(?:of|that)\b")


def _cut_second_predicate(doc: _Doc, c_s: int, c_e: int) -> int:
    """Reported content stops before a second predicate of the speaker (outside quotes; 3 words kept)."""
    rx = _rx_second_predicate()
    text = doc.text
    skip_to = -1
    for m in rx.finditer(text, c_s, c_e):
        if m.start() < skip_to or _quote_around(doc, m.start()) is not None:
            continue
        if text[m.end() - 2] in "—–-":
            # "said that Clinton's call — itself a rebuttal to ... — was an inferior slogan": a dash aside
            # closed by a second dash inside the content is skipped, the content goes on after it
            k = _RX_DASH2.search(text, m.end(), min(c_e, m.end() + 120))
            if k is not None and _words(text[k.end():c_e]) >= 2:
                skip_to = k.end()
                continue
        if re.match(r",\s+(?:he|she|they|it)\s", text[m.start():m.end() + 1]) and (
                not _RX_FINITE_OR_ED.search(text, c_s, m.start())
                or (_RX_SUBORDINATE_OPEN.match(text, c_s) and "," not in text[c_s:m.start()])):
            # "said that on a trip this week, he would ...", "told that if Iran were a stock, he would ...": a
            # fronted adjunct or subordinate clause, then the clause
            continue
        if _words(text[c_s:m.start()]) >= 3:
            return m.start()
    return c_e


_RX_DASH2 = re.compile(r"\s(?:—|--|–)\s")
_RX_SUBORDINATE_OPEN = re.compile(r"(?:that\s+)?(?:if|when|whenever|while|although|though|because|since|once|unless|until|"
                                  r"after|before|as\s+long\s+as|even\s+if|even\s+though|by\s+the\s+time)\s",
                                  re.IGNORECASE)


# objects that are no content: particles and adjuncts right after the verb ("backed down", "attacked on
# Monday"), and the passive agent ("endorsed by")
_RX_OBJECT_BAD = re.compile(
    r"\s*(?!at\s+(?:least|most)\b)(?:down|away|off|up|out|into|in|on|at|to|for|with|from|by|back|over|around|through|about|as|after|"
    r"before|during|since|when|while|because|last|this|that|there|here|it|itself|himself|herself|themselves|"
    r"so|too|very|again|ahead|forward|later|earlier|now|then|and|or|but)\b|\s*[,.;:!?)\]—–-]",
    re.IGNORECASE)
# an object content ends before a second predicate of the subject ("denounced X and warned of ...") or a
# participle clause ("..., calling it absurd")
_RX_OBJECT_CUT = re.compile(
    r",?\s+(?:and|but)\s+(?:(?:has|had|have|was|is|did|does|will|would|also|then|later|\w+ly)\s+)*[a-z]+ed\b|"
    r",?\s+(?:and|but)\s+(?:has|had|have|is|was|will|would|did|does|could|can)\b|,\s+but\b|"
    r",\s*(?:calling|saying|adding|noting|arguing|insisting|warning|telling|claiming|including|while|whose)\b|"
    r"\s+(?:on\s+\w+day|last\s+(?:week|month|year|summer|fall|spring|winter|\w+day)|this\s+(?:week|month|year)|"
    r"earlier|later|yesterday|today|after|before|when|while|because|since|during|(?:in|at|on|during)\s+(?:a|an|the|his|"
    r"her|their|its)\s+(?:\w+\s+)?(?:interview|statement|speech|e-?mail|debate|call|conference|rally|tweet|"
    r"letter|appearance|event|op-ed|post|video|ad|town\s+hall))\b")
_TO_VERB = r"to\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b|him\b|them\b|me\b|us\b)[a-z]\w+"  # an infinitive
_RX_OBJECT_TO = re.compile(rf"\s*{_TO_VERB}")
# a promise with its infinitive, after a day or an adverb ("vowed Saturday to ...", "pledged again to ...")
_PROMISE_LEMMAS = {"pledge", "vow", "promise", "threaten", "swear"}
_RX_PROMISE_TO = re.compile(
    rf"\s*(?:(?:on\s+)?(?:{_WEEKDAYS}|yesterday|today|tonight)(?:\s+night)?\s+"
    rf"|(?:once\s+)?again\s+|also\s+|repeatedly\s+)*(?P<to>{_TO_VERB})")
_RX_OBJECT_BAD_LEFT = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|get|gets|got|the|a|an|his|her|their|its|our|my|your|to|of|"
    r"not)|[’']s|-)\s+$", re.IGNORECASE)
_RX_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that)\s+(?:[^,.;:!?“”\"]{0,30}\s)?$", re.IGNORECASE)
# subjects of a document cue whose object is the content ("a poll shows Sanders leading")
_RX_DOC_SUBJECT = re.compile(
    r"\b(?:polls?|polling|surveys?|data|records?|reports?|study|studies|figures|results|numbers|documents?|emails?|"
    r"video|videos|footage|filings?|analysis|research|review|audit|tally|count|census|memo|letter|"
    r"transcripts?|papers?|investigation|inquiry|probe|assessment|estimates?|statistics|returns|ratings)$")
_RX_DOC_HEAD_END = re.compile(r"\s(?:of|in|from|by|for|on|at|with|among|conducted|released|published|commissioned|"
                              r"taken|carried)\s")


def _doc_subject(sp_txt: str) -> bool:
    """`Polls in New Hampshire`, `A poll from Marquette Law School released Wednesday`: a document noun heads the
    subject (the last word before its first preposition or participle)."""
    return _RX_DOC_SUBJECT.search(sp_txt) is not None or \
        _RX_DOC_SUBJECT.search(_RX_DOC_HEAD_END.split(sp_txt, 1)[0]) is not None


def _object_ok(doc: _Doc, c: Cue, sp: tuple[int, int], sp_txt: str, ss: int, cs: int, ce: int) -> bool:
    """A verb whose object is the content (`Trump endorsed Pence`, `Clinton criticized his plan`) needs a
    real subject right before it: not a passive or noun use ("was endorsed", "the support", "to back"),
    not `it`/`which`, not inside a relative clause of another speaker's subject."""
    text = doc.text
    if _RX_OBJECT_BAD_LEFT.search(text, max(ss, cs - 12), cs):
        return False
    if sp_txt in _DETERMINERS or sp_txt in {"it", "this", "that", "which", "what", "there", "who", "you"}:
        return False
    if c.cue.lower() == c.lemma and not _BASE_OK.search(text, max(0, cs - 40), cs):
        return False  # a base form ("support", "back") needs they/we/will/did/to... before it
    if re.search(r"[’']s$", sp_txt):
        return False
    words = text[sp[0]:sp[1]].split()
    w0 = words[0].lower()
    if w0 in _PRONOUNS_EN:
        return len(words) == 1
    if w0 in _NP_STOP or w0.endswith("ing") or w0 in {"alongside", "along", "amid", "among", "around", "near",
                                                        "nonetheless", "home", "follow-up"}:
        return False
    # a lower-case phrase is a subject only after a determiner ("the campaign", "two of the women") or as the
    # antecedent of "who" naming people ("black voters, who have typically backed her")
    return words[0][:1].isupper() or words[0][:1].isdigit() or w0 in _DETERMINERS or (
        re.search(r"\bwho\b", text[sp[1]:cs]) is not None and words[-1].lower() in _PERSON_NOUNS)


_RX_SUBORDINATOR_LEAD = re.compile(
    r"(?:(?:But|And|Yet|So|Still|Even)\s+)?(?:[Ww]hile|[Aa]lthough|[Tt]hough|[Ww]hen|[Ww]henever|[Aa]fter|[Bb]efore|"
    r"[Bb]ecause|[Ss]ince|[Ii]f|[Oo]nce|[Uu]nless|[Ww]hereas|[Uu]ntil|[Ee]ven\s+though|[Ee]ven\s+if|[Ee]ven\s+as)"
    r"\s*")
_RX_RUNS_ON = re.compile(r"[^\S\n]+(?!(?:he|she|they|it|we|i|when|as|after|before|while|said|says|added|according)\b)"
                        r"(?:[a-z]|\d)")


def _quote_runs_on(text: str, q: Quote, se: int) -> bool:
    """`said that “a wise Latina” can bring ...`: a quote without closing punctuation whose sentence goes on in
    lower case is a partial quote inside reported content, not the statement on its own."""
    return q.closed and q.close < se and text[q.close - 1] not in ",.?!;:…—–-" \
        and _RX_RUNS_ON.match(text, q.close + 1, se) is not None


def _lead_of_quote(doc: _Doc, ss: int, q: Quote) -> int | None:
    """Where a clause that a quote finishes begins (`Gore "made a strategic mistake," he said`), or None when
    the quote opens its clause, follows a colon or an adjunct with its comma, or continues another quote."""
    text = doc.text
    if q.chain >= 0 or not q.closed or q.open <= ss:
        return None
    ls = _first_nonspace(text, ss)
    lead = text[ls:q.open].rstrip()
    if _words(lead) < 2 or _ALL_MARKS.intersection(lead) or lead.endswith((",", ":", ";", "—", "–", "-", "(")) \
            or _RX_LEAD_OK.fullmatch(lead) or _SENT_END.search(lead) or _words(text[q.open + 1:q.close]) < 1 \
            or load_speech_verbs().regex["en"].search(lead):
        return None
    if not _RX_FINITE_OR_ED.search(lead + " " + text[q.open + 1:q.close]) and not re.search(r"\w+s\b", lead):
        return None
    return ls


_RX_ASIDE_VERB = re.compile(rf",\s+(?:(?:also|then|later|\w+ly)\s+)?(?:{_FINITE}|[a-z]+ed|"
                            rf"{_IRREGULAR_PAST_ALT})\b")


_RX_CLAIM_OBJECT_OK = re.compile(r"(?:(?:the|a|an|his|her|their|its|some|full|partial)\s+)?(?:\w+\s+)?"
                                 r"(?:responsibility|credit|victory|victories|win|authorship|ownership)\b",
                                 re.IGNORECASE)


def _claim_clause(text: str, ce: int, c_s: int, c_e: int) -> bool:
    """What `claim` reports: a clause ("claimed (that) the vote was rigged", "claimed it was ...") or a claim of
    responsibility or victory; not a thing won or taken ("claimed the title", "the crash claimed 20 lives")."""
    # (up to a second predicate of the subject: "claimed self-defense and was acquitted")
    first = re.split(r"\s(?:and|but)\s+(?:\w+ly\s+)?(?:was|is|were|are|has|had|did|will|\w+ed)\b|[,;:]",
                     text[c_s:c_e], maxsplit=1)[0]
    return bool(re.search(r"\bthat\b", text[ce:c_s]) or _RX_CLAIM_OBJECT_OK.match(text, c_s)
                or _RX_FINITE_OR_ED.search(first)  # "claimed nearly 400 delegates and alternates participated"
                or _RX_PRONOUN_CLAUSE.match(text, c_s - 1) or _RX_IT_CLAUSE.match(text, c_s - 1)
                or _RX_NP_CLAUSE.match(text, c_s - 1) or _RX_WEAK_CLAUSE.match(text, c_s - 1)
                or text[c_s - 1:c_s + 1].strip()[:1] in "“\"")


def _verb_en(doc: _Doc, c: Cue, cue_text: str, cs: int, ce: int, ss: int, se: int) -> _Cand | None:
    coord: list[int] = []
    cand = _verb_en_inner(doc, c, cue_text, cs, ce, ss, se, coord)
    if cand is not None and c.lemma == "claim" and cand.quotes_direct is None and not cand.content_left \
            and cand.cs >= ce and not _claim_clause(doc.text, ce, cand.cs, cand.ce):
        return None  # "Chelsea claimed the title", "claiming the men's 800m": a claim on something, not a statement
    if cand is not None and c.kind == "participle" and cand.sp is not None and cand.quotes_direct is None \
            and doc.text[cand.sp[1]:cs].strip() == "," and cand.cs > cs:
        # "The attorney general of Texas, claiming the law was unconstitutional, filed a suit": a participle
        # between its subject and the subject's verb is an aside; the content ends where the verb comes
        vm = _RX_ASIDE_VERB.search(doc.text, cand.cs, cand.ce)
        if vm is not None and _words(doc.text[cand.cs:vm.start()]) >= 3:
            cand.ce = vm.start()
    if cand is not None and coord:
        cand.coord = coord[0]
    return cand


_RX_GAP_NOT_NP = re.compile(rf"[;:!?“”\"«»\n]|\b(?:{_FINITE}|that|who|which|after|before|when|while|as|and|but|"
                            r"said|says|told|tells|[a-z]+ed)\b")
_RX_GAP_PERIOD = re.compile(r"([\w.]*)\.(?=\s+[A-Z]|\s*$)")


def _np_gap(gap: str) -> bool:
    """No clause mark in `gap`: no sentence mark (a period only after an abbreviation or an initial), no
    quote mark, no finite verb or relative word."""
    if _RX_GAP_NOT_NP.search(gap):
        return False
    return all(len(m.group(1)) == 1 or m.group(1).lower() in _ABBREV for m in _RX_GAP_PERIOD.finditer(gap))


def _quote_then_speaker(doc: _Doc, ss: int, cs: int) -> tuple[int, tuple[int, int]] | None:
    """(closing mark, speaker span) when a quote closed by a comma or dash is followed by nothing but a speaker noun
    phrase of at most 12 words (a name with its appositive, a title before a name) up to the cue at `cs`."""
    text = doc.text
    qs = [q for q in _quotes_between(doc, max(0, ss - 1), cs) if q.closed and q.close < cs]
    if not qs or text[qs[-1].close - 1] not in ",—–…-":
        return None  # (after "?” or "!” a capital letter may open the next sentence: "a sign that read “15%!” Her father")
    q = qs[-1]
    g0 = _first_nonspace(text, q.close + 1)
    gap = text[g0:cs].rstrip()
    if not gap or not (gap[:1].isupper() or gap.split()[0].lower() in _DETERMINERS) or _words(gap) > 12 \
            or not _np_gap(gap.rstrip(",")) or gap.split()[0].lower() in _PRONOUNS_EN:
        return None
    sp = _speaker_left(text, g0, cs)
    if sp is None or not text[sp[0]:sp[1]].strip():
        return None
    return q.close, sp


_RX_QUOTE_AFTER_CUE = re.compile(r"[^\S\n]*[,:]\s*[“\"«]")
# the text before a cue ends with a quote closed by a comma, ? ! or dash: `“...,” said X`, `“...?” X asked`
_RX_ENDS_QUOTE_COMMA = re.compile(r"[,?!—–…-]\s?[”\"»]$")
_RX_COORD_AFTER_QUOTE = re.compile(r"[,?!—–…-]\s?[”\"»]\s+(?P<np>(?:[\w.’'-]+\s+){1,6}?and)$")


# where something was said, right before the content ("said in a statement the offer was ...")
_RX_LEAD_MEDIUM = re.compile(
    r"\s*(?:in|on|at|during|through|via)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|"
    r"interview|letter|speech|report|filing|note|release|conference|briefing|broadcast|circular|prospectus|memo)\b"
    r"\s*,?\s*(?:that\s+)?", re.IGNORECASE)
_RX_MEDIUM_ONLY = re.compile(r"\s*(?:(?:to|with|on|from|at|for|by|issued|released|published)\b|[.!?]?\s*$)",
                             re.IGNORECASE)


# "Said Comey, “...”": the speaker between a fronted cue and the quote it introduces
_RX_FRONTED_SPEAKER = re.compile(r"[^\S\n]+(?P<sp>(?!(?:if|whether|what|how|why|when|about|to|for|that)\b)"
                                 r"[^,:;.!?“”\"\n]{2,80}?)[^\S\n]*[,:][^\S\n]*(?=[“\"])")


def _verb_en_inner(doc: _Doc, c: Cue, cue_text: str, cs: int, ce: int, ss: int, se: int,
                   coord_out: list[int]) -> _Cand | None:
    text = doc.text
    L = text[ss:cs]
    if c.kind == "naming":
        return _naming_en(doc, c, cue_text, cs, ce, ss, se)
    if c.kind == "intent":
        return _intent_en(doc, c, cue_text, cs, ce, ss, se)
    if cue_text[:1].isupper() and c.kind in ("speech", "speech_weak", "speech_trailing") and c.lemma != "ask" \
            and not L.strip(" \n\"“”‘’'"):
        # -------- fronted: Said Comey, “...” --------
        fm = _RX_FRONTED_SPEAKER.match(text, ce, min(len(text), ce + 100))
        q = _quote_around(doc, fm.end() + 1) if fm is not None else None
        if q is not None and q.open == fm.end() and _words(text[q.open + 1:q.close]) >= 3:
            sp = _trim(text, fm.start("sp"), fm.end("sp"))
            if _speakerish(doc, sp):
                spans = _quote_pieces(doc, q, upto=False)
                return _Cand(cs, ce, cue_text, c.lemma, sp, spans[0][0], spans[-1][1], spans)
    # -------- trailing attribution: CONTENT, X said. / “...,” said X. --------
    left_stripped = L.rstrip()
    sp = None
    inverted = False
    content_end = None
    pre = None
    if c.kind != "participle":
        sp = _speaker_left(text, ss, cs) if left_stripped and left_stripped[-1] not in ",”\"»:;" else None
        if sp is None and left_stripped.endswith(","):
            # "“...,” Jenna Golden, Twitter's director of political advertising, said"
            sp = _speaker_left(text, ss, cs)
            if sp is not None and not _RX_ENDS_QUOTE_COMMA.search(text[ss:sp[0]].rstrip()):
                sp = None
        if sp is not None:
            pre = text[ss:sp[0]].rstrip()
            cm = _RX_COORD_AFTER_QUOTE.search(pre)
            if cm is not None and not _RX_FINITE_OR_ED.search(cm.group("np")):
                # "“...,” GM chairman and chief executive Rick Wagoner said", "“...,” chief executive William
                # Harrison and chief operating officer James Dimon said": the subject runs back to the quote
                sp = (ss + cm.start("np"), sp[1])
                pre = text[ss:sp[0]].rstrip()
            if c.lemma == "put it" and re.search(r"[,”\"»]\s*as$", pre):
                pre = pre[:-2].rstrip()  # "“...,” as Ridge put it."
        else:
            pre = left_stripped
            if pre.endswith((",", "”", "\"", "»")) or (pre and pre[-1] in ",”\"»"):
                np = _np_right(text, ce, se, allow_preps=True)
                if np is not None and all(w.lower().strip(".,") in _MONTHS_DAYS_SET for w in text[np[0]:np[1]].split()):
                    np = None  # "..., Trump, tweeted Sunday": a day is no speaker
                if np is not None:
                    npw = text[np[0]:np[1]].split()
                    w0 = npw[0]
                    if not (w0[:1].isupper() or w0.lower() in _DETERMINERS or w0.lower() in _PRONOUNS_EN or (
                            # “...,” said spokesman John Kirby / retired neurosurgeon Ben Carson / ..., says
                            # political scientist Dossym Satpayev
                            (_RX_ENDS_QUOTE_COMMA.search(pre) or (
                                pre.endswith(",") and w0.isalpha() and w0.islower() and w0 not in _NP_STOP
                                and w0 not in _NOT_TITLES and not w0.endswith("ly")))
                            and any(w[:1].isupper() for w in npw[1:4]))):
                        np = None
                    elif w0.lower() in _PRONOUNS_EN and np[1] - np[0] > len(w0):
                        np = None  # "..., said she turned out": a pronoun with a verb opens the content
                if np is not None and pre.endswith(",") and not pre.endswith((",”", ",\"", ",»")):
                    # "Karimi, executive director of X, said the ...": the name at the clause start with its
                    # appositive is the subject; no quote closes before the cue
                    app = _speaker_left(text, ss, cs)
                    if app is not None and _RX_LEAD_OK.fullmatch(text[ss:app[0]].strip(" \n\"“”")) \
                            and not _quotes_between(doc, ss, cs):
                        np = None
                if np is not None and (c.kind in ("speech", "speech_trailing", "speech_weak") or (
                        c.kind == "object" and _RX_ENDS_QUOTE_COMMA.search(pre))):
                    sp = np
                    inverted = True
        if c.kind != "participle" and not inverted and (pre is None or not _RX_ENDS_QUOTE_COMMA.search(pre)):
            # “...,” Brent Bozell III, founder of the Media Research Center, tells ...; “...,” California Rep.
            # Duncan Hunter’s chief of staff, Joe Kasper, told ...: only a speaker's noun phrase (with its
            # appositive) stands between the quote and the cue
            qg = _quote_then_speaker(doc, ss, cs)
            if qg is not None:
                sp, pre = qg[1], text[ss:qg[0] + 1]
        if sp is not None and pre is not None and (c.kind != "object" or _RX_ENDS_QUOTE_COMMA.search(pre) or (
                # "Rubio's comments came on Sunday, The Hill reported.": nothing but a tail after the verb
                pre.endswith(",") and c.cue_type == "speech" and not inverted and _TAIL_EN.match(text, ce, se))):
            tail_from = sp[1] if inverted else ce
            if c.kind == "address" and not inverted:
                obj = _np_right(text, ce, se, allow_preps=False)
                if obj is not None:
                    tail_from = obj[1]
            tm = _TAIL_EN.match(text, tail_from, se)
            ends_with_quote_or_comma = pre.endswith((",", "”", "\"", "»", ",”", ",\""))
            # `“...,” X told Reuters in Macau when asked ...`: a comma/?/! closing the quote is a strong sign
            qa = _quote_around(doc, ss + len(pre) - 2) if _RX_ENDS_QUOTE_COMMA.search(pre) else None
            # (not a title: `Asked why ... on "CBS This Morning," Sanders said he had not ...`)
            title = qa is not None and tm is None and _title_before(text, qa) \
                and all(w[:1].isupper() for w in text[qa.open + 1:qa.close].split())
            strong = qa is not None and not title
            if (tm or strong) and ends_with_quote_or_comma and len(pre.strip()) > 0:
                cont_end = ss + len(pre)
                content_end = cont_end
                tail_end = tm.end() if tm else _first_nonspace(text, se)
                # direct: the left side ends with a quote
                near = _quotes_between(doc, ss - 1, cs)
                q_left = [q for q in near if content_end - 3 <= q.close < content_end]
                q_left = q_left or [q for q in near if q.closed and q.close < cs
                                    and not text[q.close + 1:sp[0] if not inverted else cs].strip(" ,\n")]
                q_left = q_left or [q for q in near if q.closed and q.close < cs and text[q.close - 1] in ",?!"
                                    and _words(text[q.close + 1:sp[0]]) <= 5
                                    and text[q.close + 1:sp[0]].rstrip().endswith(",")
                                    and not _quotes_between(doc, q.close + 1, cs)]
                # one quoted word is a statement when a comma, ? or ! closes it: `"Technicals," Bob said.`
                q_left = [q for q in q_left if (_words(text[q.open + 1:q.close]) >= 2 or (
                    _words(text[q.open + 1:q.close]) == 1 and text[q.close - 1] in ",?!"))
                          and not _title_before(text, q)]
                if q_left:
                    q = q_left[-1]
                    lead = _lead_of_quote(doc, ss, q)
                    if lead is not None and not q_left[:-1]:
                        # "No Child Left Behind was “very assertive and interventionist,” Orfield said": the
                        # quote finishes a clause the writer began; the whole clause is the (reported) content
                        return _Cand(cs, ce, cue_text, c.lemma, sp, lead, q.close + 1, None, content_left=True)
                    spans = _quote_pieces(doc, q, upto=True)
                    # interrupted quote: `, “B”` right after the attribution tail
                    nq = _quote_starting(doc, tail_end - 1, tail_end + 4) if tm else None
                    if nq is not None and tm is not None and (
                            text[tm.start("end"):tm.end("end")].startswith(",")
                            or (text[tail_end - 1:nq.open].strip() in {",", ":", ""}
                                and text[tm.start("end"):tm.end("end")] != ".")):
                        spans += _quote_pieces(doc, nq, upto=False)
                    return _Cand(cs, ce, cue_text, c.lemma, sp, spans[0][0], spans[-1][1], spans,
                                 content_left=True)
                # reported, content on the left (not a fronted adverbial: "On Israel, Trump added: ...")
                c_s, c_e = _trim(text, ss, cont_end)
                fronted = _FRONTED.match(text, c_s, c_e) is not None and "," not in text[c_s:c_e].rstrip(",") \
                    and not _RX_ING_SUBJECT.match(text, c_s, c_e)  # not "Fundraising was stagnant, he said"
                tq_left = [q for q in _quotes_between(doc, ss, cont_end) if q.close >= cont_end - 3]
                if tq_left and _title_before(text, tq_left[-1]) \
                        and not _RX_FINITE.search(text, c_s, tq_left[-1].open):
                    fronted = True  # "Sunday on Fox News channel’s “Sunday Morning Futures,” Issa said ..."
                quote_right = tm is not None and not inverted \
                    and re.match(r",\s*[“\"«]", text[tm.start("end"):tm.start("end") + 4]) is not None
                if _words(text[c_s:c_e]) >= 4 and not fronted and not quote_right:
                    # not "Less than 30 minutes later, Trump wrote, “...”": a quote after the cue is its content
                    pm = None if inverted else _RX_PREDICATE_GOES_ON.match(text, ce, se)
                    if pm is not None and _quote_around(doc, pm.end()) is None:
                        # "Many of the closures, he said, have involved public courses": the attribution sits
                        # inside the clause, whose predicate goes on after it; the content is the whole clause
                        # (the verb after the comma is the clause's own: "..., Ms. Kostrzewa recalled, asked her")
                        c_e = _cut_second_predicate(doc, pm.start("v"),
                                                    _strip_final_period(text, *_trim(text, pm.end(), se))[1])
                    return _Cand(cs, ce, cue_text, c.lemma, sp, c_s, c_e, None, content_left=True)
                if inverted:
                    return None
        if inverted:
            # "..., said X" with something after that is not a tail: not a statement we can read, unless
            # the left side is a subject with an appositive ("Nicole Hargrove, a Carrier worker, said she
            # was ..."): the pronoun or name after the cue opens the content
            app = _speaker_left(text, ss, cs) if c.kind in ("speech", "speech_weak") else None
            if app is None or re.search(r"[.!?]", text[app[1]:cs]) or not (
                    _RX_LEAD_WORD.fullmatch(text[ss:app[0]].strip(" \n\"“”"))
                    or (_RX_COORD_LEAD.search(text[ss:app[0]].rstrip()) and not _quotes_between(doc, ss, cs))):
                return None
            sp, inverted = app, False
    quote_next = _RX_QUOTE_AFTER_CUE.match(text, ce, ce + 8) is not None  # "asked, “...”", "continued: “...”"
    if c.kind == "speech_trailing" and c.lemma == "ask" and not inverted and not quote_next:
        lead = text[ss:cs].strip(" \n\"“”")
        bm = _RX_ASKED_BY.match(text, ce, se) if cue_text.lower() == "asked" else None
        if bm is not None and (lead in {"", "When", "when", "After being", "after being"}
                               or re.search(r"\b(?:was|were|been|being)\s+$", L)):
            # "Sanders was asked by host John Dickerson whether his aim ...": the asker speaks; the question
            # runs to the comma that ends a fronted clause, or to the sentence end
            k = text.find(",", bm.start("q"), se) if not lead or lead[:1].isupper() else -1
            q_end = k if k > 0 else _strip_final_period(text, *_trim(text, bm.start("q"), se))[1]
            if 3 <= _words(text[bm.start("q"):q_end]) <= 40:
                return _Cand(cs, ce, cue_text, c.lemma, (bm.start("sp"), bm.end("sp")), bm.start("q"), q_end, None)
        if lead in {"", "When", "when", "After being", "after being", "Later", "Also", "And", "But"} \
                and cue_text.lower() == "asked":
            # "Asked if Trump's comments had rattled them, Ryan said ...": a question by someone unnamed,
            # up to the comma that ends the fronted clause
            am = re.match(r"\s+(?:(?:later|again|specifically|directly|repeatedly)\s+)?"
                          r"(?P<q>(?:if|whether|what|who|why|how|when|which|where|about)\b)", text[ce:se])
            k = text.find(",", ce, se)
            qk = _quote_around(doc, k) if k > 0 else None
            if qk is not None and qk.closed:  # `on "CBS This Morning," Sanders said`: the comma inside a title
                k = qk.close + 1
            if am is not None and k > 0 and 3 <= _words(text[ce + am.start("q"):k]) <= 40:
                return _Cand(cs, ce, cue_text, c.lemma, None, ce + am.start("q"), k, None, speaker_hint="none")
            return None
        # a request: "He asked them to reconsider ...", "Stephanopoulos asked Trump to respond ..."
        rm = re.match(r"\s+(?P<obj>(?!(?:about|for|if|whether|to|on|in|at|of|with|by|from|after|why|what|how|when)\b)"
                      r"(?:(?!(?:that|who|which|if|whether|what|why|how|and\s+then)\b)[\w.’'-]+\s+){1,8}?"
                      r"(?:to\s+(?!the\b|a\b|an\b|his\b|her\b|their\b)[“\"]?[a-z]|[“\"])|"
                      # "asked Kasich, who is fourth in the count, to lay out ...": an appositive after the object
                      r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2},\s+(?:who|a|an|the)\s[^,.;]{1,80},\s+to\s+[a-z])",
                      text[ce:se])
        qq = re.match(r"\s+(?:[\w’'-]+\s+){0,3}(?:a|the|one)\s+(?:\w+\s+)?question\s*:\s*", text[ce:se])
        if (rm or qq) and not re.search(r"\b(?:was|were|been|be|is|are|being)\s+$", L):
            sp = _speaker_left(text, ss, cs)
            if sp is not None and not _NONSPEAKER.search(text[sp[0]:sp[1]]) \
                    and text[sp[0]:sp[1]].lower() not in _DETERMINERS:
                c_s = ce + (rm.start("obj") if rm else qq.end())
                c_s, c_e = _content_after_cue(doc, c_s, se, cut_clause=True)
                if _words(text[c_s:c_e]) >= 3:
                    return _Cand(cs, ce, cue_text, c.lemma, sp, c_s, c_e, None)
        # reported question: "A reporter asked (him) whether he would ..." -- content from the wh-word
        qm = _RX_ASK_Q.match(text, ce, se)
        if qm and not re.search(r"\b(?:was|were|been|be|is|are|being)\s+$", L):
            sp = _speaker_left(text, ss, cs)
            if sp is not None and not _NONSPEAKER.search(text[sp[0]:sp[1]]) \
                    and text[sp[0]:sp[1]].lower() not in _DETERMINERS:
                c_e = _extend_to_quote_close(doc, qm.start("q"), se)
                c_s, c_e = _trim(text, qm.start("q"), c_e)
                if text[c_e - 1:c_e] == ".":
                    c_e -= 1
                if _words(text[c_s:c_e]) >= 3:
                    return _Cand(cs, ce, cue_text, c.lemma, sp, c_s, c_e, None)
        return None
    if c.kind == "speech_trailing" and not quote_next \
            and not (c.lemma == "wonder" and _RX_WH_CLAUSE.match(text, ce, se)) \
            and not (c.lemma != "wonder" and _RX_ADJUNCT_THAT.match(text, ce, se)):
        return None
    # -------- speaker before the cue, content after --------
    hint = None
    if c.kind == "participle":
        sub = None
        wm = _RX_WITH_NP_END.search(text, max(ss, cs - 80), cs)
        prior = [m for m in load_speech_verbs().regex["en"].finditer(text, ss, cs)
                 if _starts_word(text, m.start())] if wm is None else []
        if wm is not None:
            # "..., with leader Charles Kennedy saying his party was ...": the noun phrase after `with` speaks
            sub = _np_left(text, wm.end(), _trim(text, wm.end(), cs)[1])
        if prior:
            pm = prior[-1]
            pc = load_speech_verbs().by_form.get(("en", _RX_WS.sub(" ", pm.group("cue")).lower()))
            if pc is not None and pc.kind in ("speech", "speech_weak", "speech_trailing", "address"):
                sub = _speaker_left(text, ss, pm.start())
                if sub is not None and text[sub[0]:sub[1]].lower() in _DETERMINERS:
                    sub = None  # "Rubio pushed back on those claims Thursday, saying": `claims` is a noun here
                if sub is None and re.search(r"[,?!][”\"»]\s*$", text[ss:pm.start()]):
                    sub = _np_right(text, pm.end(), cs)  # “...,” said Skelly, explaining ...
        if sub is None:
            sub = _sentence_subject(text, ss, cs, doc)
        if sub is None or not _speakerish(doc, sub):
            return None  # "The sessions aimed ..., promoting ...": a participle's subject must be able to speak
        sp = sub
        hint = "subject"
    elif sp is None:
        if left_stripped.endswith(",") and c.kind in ("speech", "speech_weak", "address", "object"):
            sp = _speaker_left(text, ss, cs)
        am = _RX_AND_AUX_END.search(L) if sp is None else None
        gm = _RX_GOES_ON_TO.search(L) if sp is None and am is None else None
        if gm:
            sp = _sentence_subject(text, ss, ss + gm.start(), doc)
            hint = "subject"
        if am:
            sp = _sentence_subject(text, ss, ss + am.start(), doc)
            hint = "subject"
            coord_out.append(ss + am.start())
        if sp is None:
            return None
    sp_txt = text[sp[0]:sp[1]].lower()
    if (_NONSPEAKER.search(sp_txt) and c.cue_type != "document" and not (
            c.lemma == "say" and _RX_RESPONDENTS.search(sp_txt)) and not _RX_NAMED_BODY.search(text, sp[0], sp[1])) or (
            sp_txt in _DETERMINERS and not (sp_txt in _QUANTIFIER_SPEAKERS and c.cue_type == "speech"
                                            and c.kind in ("speech", "speech_weak", "address")
                                            and not text[sp[1]:cs].strip())):
        return None  # not "The poll found ...", "the said"; but "Some said they ...", "Another tweeted, “...”"
    if sp_txt in {"it", "this", "that", "which", "what", "there"} and re.search(
            r"\b(?:is|was|been|be)\s+$", text[sp[1]:cs] + " "):
        return None
    if c.kind == "object" and not _object_ok(doc, c, sp, sp_txt, ss, cs, ce):
        return None
    # skip the object of an address verb, adjuncts, 'that', ':' and ','
    pos = ce
    if c.kind == "address":
        if c.lemma in {"tell", "inform", "assure", "remind"}:
            obj = _np_right(text, pos, se, allow_preps=False)
            if obj is None:
                return None
            pm = re.search(r"\s(?:he|she|they|we|I)(?:[’'](?:d|ll|s|re|ve|m))?(?:\s|$)", text[obj[0]:obj[1]])
            if pm:  # "told HuffPost he’s ...": the object ends before the subject pronoun
                obj = (obj[0], obj[0] + pm.start())
            else:
                # "told the AP her group never worked ...": the object ends where a noun phrase with a finite
                # verb after it opens the clause (not right after a determiner: "the AP")
                for wm in re.finditer(r"\s+(?=\S)", text[obj[0]:obj[1]]):
                    k = obj[0] + wm.end()
                    prev = text[obj[0]:obj[0] + wm.start()].split()[-1]
                    if prev[:1].isupper() and text[k:k + 1].isupper():
                        continue  # inside a name: "Fox News"
                    if prev.lower() not in _DETERMINERS and _RX_NP_CLAUSE.match(text, k, se):
                        obj = (obj[0], obj[0] + wm.start())
                        break
            pos = obj[1]
        am = _ADJUNCT.match(text, pos, se)
        if am and c.lemma in {"tell", "inform", "assure", "remind"}:
            tm1 = _RX_TELL_THAT.match(text, pos, min(se, pos + 110))
            if tm1 is not None and tm1.start("rest") < am.end():
                am = None  # "told a gathering in Washington she will ...": the adjunct ends at the pronoun
                pos = tm1.start("rest")
        if am:
            pos = am.end()
        if c.lemma in {"tell", "inform", "assure", "remind"} and not _THAT.match(text, pos, se) \
                and not _RX_PRONOUN_CLAUSE.match(text, pos, se):
            # "told The Post and Courier newspaper of Charleston on Saturday that ...", "told a Planned
            # Parenthood gathering in Washington she will ...": the object and its adjuncts run on to `that`
            # or to a subject pronoun
            tm2 = _RX_TELL_THAT.match(text, pos, min(se, pos + 110))
            if tm2 is not None:
                pos = tm2.start("rest")
    else:
        dm = _RX_DASH_ASIDE.match(text, pos, se) or _RX_DAY_ADJUNCT.match(text, pos, se)
        if dm is not None:
            pos = dm.end()  # "said — on Twitter, as it happens — that ...", "said Wednesday he agrees"
        am = _ADJUNCT.match(text, pos, se)
        if am and am.end() > pos:
            # only skip it when 'that' / ':' / ',' / a quote follows; else the content starts at the cue
            nxt = text[am.end():am.end() + 8].lstrip()
            if _RX_NXT.match(nxt):
                if c.kind == "participle" and nxt.startswith(",") and text[sp[1]:cs].strip() == ",":
                    return None  # "One man, responding to X, interrupted": an aside inside the subject
                pos = am.end()
    tq = _quote_starting(doc, _first_nonspace(text, pos), _first_nonspace(text, pos) + 1)
    if tq is not None and tq.closed and _title_before(text, tq):
        # "told ABC's “Good Morning America” that ...": skip the quoted title
        pos = tq.close + 1
        am = _ADJUNCT.match(text, pos, se)
        if am and am.end() > pos and _RX_NXT.match(text[am.end():am.end() + 8].lstrip()):
            pos = am.end()
    tm = _THAT.match(text, pos, se)
    had_that = False
    if tm and tm.end() > pos:
        had_that = True
        pos = tm.end()
        if text[tm.start():tm.end()].strip() == ":":
            k = _first_nonspace(text, pos)
            nq = _quote_starting(doc, k, k + 1)
            if nq is not None:  # "Cruz continued:\n\n“...”"
                spans = _quote_pieces(doc, nq, upto=False)
                return _Cand(cs, ce, cue_text, c.lemma, sp, spans[0][0], spans[-1][1], spans)
    lm = _RX_LEAD_MEDIUM.match(text, pos, se)
    if lm is not None:
        # "said in a statement the offer was ...": where it was said is no part of what was said, and
        # "said in a statement." or "said in a letter to the Secretary" says nothing
        if _RX_MEDIUM_ONLY.match(text, lm.end(), se):
            return None
        pos = lm.end()
    q0 = _quote_starting(doc, pos, pos + 3)
    if q0 is not None and _title_before(text, q0):
        q0 = None
    if q0 is None and not had_that and c.kind in ("speech", "speech_trailing", "address", "participle"):
        # "said on Twitter on Monday, in reference to her first child, ..., “Next summer ...”"
        far = _quote_starting(doc, pos, min(se, pos + 110))
        if far is not None:
            gap = text[pos:far.open]
            if re.search(r"[,:]\s*$", gap) and not re.search(r"\bthat\b|[.;!?]", gap) \
                    and not _RX_PARTICIPLE_CUT.search(gap) and not _RX_TITLE_BEFORE.search(gap) \
                    and not load_speech_verbs().regex["en"].search(gap):
                pos = far.open
                q0 = far
    if c.lemma in _PROMISE_LEMMAS and not had_that and q0 is None:
        pm = _RX_PROMISE_TO.match(text, pos, se)
        if pm is not None and (c.kind != "object" or pm.start("to") > _first_nonspace(text, pos)):
            # "pledged to relocate the embassy", "vowed Saturday to rid the world of ...": the promise is the
            # infinitive clause (an object cue reads "vowed to ..." itself)
            c_s, c_e = _content_after_cue(doc, pm.start("to"), se, cut_clause=True)
            c_e = _cut_second_predicate(doc, c_s, c_e)
            if 3 <= _words(text[c_s:c_e]) <= 40:
                return _Cand(cs, ce, cue_text, c.lemma, sp, c_s, c_e, None, speaker_hint=hint)
    obj_content = False
    if re.fullmatch(r"\s*(?:[Aa]s|[Jj]ust\s+as)\s*", text[ss:sp[0]]) and re.match(r"\s*,\s*\S", text[pos:pos + 8]):
        # "As The Washington Post reported, even if Sanders ...": the rest of the sentence is the content
        pos = text.index(",", pos) + 1
        had_that = True
    if c.cue_type == "document" and not had_that and q0 is None and _doc_subject(sp_txt) and (
            _RX_PRONOUN_CLAUSE.match(text, pos, se) or _RX_IT_CLAUSE.match(text, pos, se)):
        had_that = True  # "Exit polling shows he won 83% of voters under 30": a clause without "that"
    if c.cue_type == "document" and not had_that and c.kind in ("speech_weak", "object") \
            and _doc_subject(sp_txt) and re.match(r"\s*(?:[A-Z]|\d|a\s|an\s|the\s|his\s|her\s)",
                                                          text[pos:pos + 6]):
        obj_content = True  # "a poll shows Sanders leading Clinton": the object of a document cue
    elif c.kind == "object" and not had_that and q0 is None:
        if _RX_PRONOUN_CLAUSE.match(text, pos, se) or _RX_IT_CLAUSE.match(text, pos, se):
            had_that = True  # "predicts it could offset ...", "expects he will win": a clause, not an object
        elif _RX_OBJECT_BAD.match(text, pos) and not _RX_OBJECT_TO.match(text, pos):
                return None  # "backed down", "attacked on Monday": no object
        else:
            obj_content = True
    # "The breaking point, Ash wrote, came on Friday": the speaker and cue set between commas inside the content
    between_commas = hint is None and text[ss:sp[0]].rstrip().endswith(",") and re.match(r"\s*,", text[ce:se]) is not None
    if not obj_content:
        if c.kind == "speech_weak" and not had_that and q0 is None and not (
                _RX_PRONOUN_CLAUSE.match(text, pos, se) or _RX_IT_CLAUSE.match(text, pos, se)
                or _RX_WH_CLAUSE.match(text, pos, se)
                or (c.cue_type == "speech" and _RX_NP_FINITE_CLAUSE.match(text, pos, se))
                or (c.cue_type in ("speech", "thought") and _RX_WEAK_CLAUSE.match(text, pos, se)
                    and not _RX_NOT_VERB_BEFORE.search(text, max(ss, cs - 30), cs))
                or between_commas):
            return None
        if c.cue_type == "document" and not had_that:
            return None  # "the poll shows that ...", not "his radio show “...”"
        if c.cue_type == "thought" and not had_that and q0 is None \
                and not _RX_CLAUSE_START.match(text, pos, se) and not _RX_WH_CLAUSE.match(text, pos, se):
            return None  # "thinks about it", "believe in God": a thought cue needs a clause after it
    if q0 is not None and not text[pos:q0.open].strip(" ,:") and _words(text[q0.open + 1:q0.close]) >= 3 \
            and not _quote_runs_on(text, q0, se):
        # `said, “We'll see,” when asked ...`: the quote opening right after the cue is the statement
        spans = _quote_pieces(doc, q0, upto=False)
        return _Cand(cs, ce, cue_text, c.lemma, sp, spans[0][0], spans[-1][1], spans, speaker_hint=hint)
    if c.kind == "address" and c.lemma in {"tell", "inform", "assure", "remind"} and not had_that \
            and q0 is None and not _RX_PRONOUN_CLAUSE.match(text, pos, se) and not _RX_NP_CLAUSE.match(text, pos, se):
        return None  # "told HuffPost he’s already received ..." is kept: a subject pronoun opens a clause
    c_e = _extend_to_quote_close(doc, pos, se)
    # "emphasized Morocco's sovereignty, saying, “...”", "saying ... - and arguing that ...": the (next)
    # participle clause is a statement of its own
    pm = _RX_PARTICIPLE_CUT.search(text, pos, c_e)
    if pm and not _quote_around(doc, pm.start()):
        c_e = pm.start()
    c_s, c_e = _strip_final_period(text, *_trim(text, pos, c_e))
    if c_e <= c_s:
        return None
    if not had_that and q0 is None and not obj_content and _RX_SAID_LITTLE.match(text, c_s, c_e):
        return None  # "She said little about the plan", "said the same": no content reported
    if between_commas and not obj_content and c.kind in ("speech", "speech_weak") and not had_that:
        # "This campaign, he says, is different": an attribution set inside the content between commas;
        # the content is the whole clause, the attribution included (one span)
        left = text[ss:sp[0]]
        ls = _first_nonspace(text, ss)
        if _words(left) >= 1 and not _ALL_MARKS.intersection(left) \
                and (not _FRONTED.match(text, ls) or _RX_ING_SUBJECT.match(text, ls, sp[0])) \
                and not _RX_LEAD_ADVERB.match(text, ls) and not load_speech_verbs().regex["en"].search(left):
            c_s = ls
    # stop the content before a following attribution of its own ("..., X added that ...")
    content = text[c_s:c_e]
    if _words(content) < (1 if obj_content else 3) and q0 is None:
        return None
    if obj_content:
        if _RX_RELATIVE_BEFORE.search(text, max(ss, cs - 45), cs):
            # "Sanders, who on Tuesday endorsed Clinton, said ...": the relative clause ends at its comma
            k = re.search(r",|\s[—–]\s|\s--\s", text[c_s:c_e])
            if k is not None:
                c_e = c_s + k.start()
        om = _RX_OBJECT_CUT.search(text, c_s, c_e)
        if om is not None and not _quote_around(doc, om.start()):
            c_e = om.start()
            content = text[c_s:c_e]
        if not (2 if not content[:1].isupper() else 1) <= _words(content) <= 60:
            return None  # a one-word object only when it is a name ("Sanders endorsed Clinton")
    qs = [q for q in _quotes_between(doc, c_s - 1, c_e) if _words(text[q.open + 1:q.close]) >= 3
          and not _title_before(text, q)]
    # direct when the quote marks hold most of the words (PolNeAR's 80%): "said that security cooperation “would
    # benefit the two countries because ...”" is a quote, "says she will fight on her record “as a hard-working
    # constituency MP”" is reported speech with a quoted phrase
    quoted = sum(_words(text[max(q.open + 1, c_s):min(q.close, c_e)]) for q in qs)
    if qs and quoted >= 0.8 * _words(text[c_s:c_e]):
        spans = [q.inner for q in qs]
        first = qs[0]
        if first.chain >= 0:
            spans += [p.inner for p in doc.quotes if p.chain == first.chain and p.open > qs[-1].open]
        return _Cand(cs, ce, cue_text, c.lemma, sp, spans[0][0], spans[-1][1], spans, speaker_hint=hint)
    cm = _RX_CONTENT_CUT.search(text, c_s, c_e)
    while cm is not None and _quote_around(doc, cm.start()) is not None:
        cm = _RX_CONTENT_CUT.search(text, cm.end(), c_e)
    if cm is not None and (_words(text[c_s:cm.start()]) >= 4 or (
            # "expressing their interest, but the striker said he is ...": not over another attribution
            cm.group().startswith(",") and (obj_content or c.kind == "participle")
            and load_speech_verbs().regex["en"].search(text, cm.end(), c_e))):
        # "said he would quarantine people over fears of the Zika virus, which is spread ...": a trailing
        # relative or contrast clause, or a second predicate of the speaker ("but did not suggest"), is not
        # part of what was said
        c_e = cm.start()
    c_e = _cut_second_predicate(doc, c_s, c_e)
    if re.search(r",\s*who\s+(?:\w+ly\s+)?$", text[max(ss, cs - 30):cs]):
        # "Opponents, who say the law targets them, rallied": the relative clause ends at its comma
        k = text.find(",", c_s, c_e)
        if k > c_s and _words(text[c_s:k]) >= 3:
            c_e = k
    if _RX_SUBORDINATOR_LEAD.fullmatch(text, _first_nonspace(text, ss), sp[0]):
        # "While Clinton has condemned the proposal, the groups ... say ...": the attribution sits in a fronted
        # subordinate clause, which ends at its comma
        for k in re.finditer(r",\s", text[c_s:c_e]):
            if _words(text[c_s:c_s + k.start()]) >= 1 and _quote_around(doc, c_s + k.start()) is None:
                c_e = c_s + k.start()
                break
    cand = _Cand(cs, ce, cue_text, c.lemma, sp, c_s, c_e, None, speaker_hint=hint)
    if obj_content:
        cand.min_words = 1 if text[c_s:c_s + 1].isupper() else 2
    return cand


_RX_WITH_NP_END = re.compile(r"(?:^|[,;(]\s*|\s[—–-]\s*)with\s+(?=(?:[\w.’'-]+\s+){1,6}$)")

# after a parenthetical attribution, a comma and a finite verb: the clause before it goes on
_RX_PREDICATE_GOES_ON = re.compile(
    r"\s*,\s+(?P<v>(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|does|do|did)(?:n[’']t)?|"
    r"won[’']t|can[’']t|(?!indeed\b)[a-z]{3,}ed)\s")
_RX_SAID_LITTLE = re.compile(r"(?:little|nothing|much|a\s+lot|as\s+much|so)(?=\s*(?:[,.;:!?]|$|(?:about|over|on|in|at|"
                             r"during|yet|beyond|publicly|since)\b))", re.IGNORECASE)
# sentence adverbs and connectives before a parenthetical attribution are not content ("In particular, Will
# wrote, ...", "Still, he said, ...")
_RX_LEAD_ADVERB = re.compile(
    rf"(?:{_LEAD_CONNECTIVES}|Then|Instead|Indeed|Moreover|Furthermore|"
    r"Nonetheless|Nevertheless|Otherwise|Thus|Therefore|Finally|Again|Overall|Ultimately|Separately|Similarly|"
    r"Likewise|Rather|Of\s+course|In\s+particular|In\s+fact|In\s+addition|At\s+the\s+same\s+time|For\s+example|"
    r"For\s+instance|On\s+the\s+other\s+hand|Even\s+so|After\s+all|First|Second|Third|Last|Yesterday|Today|"
    r"Tonight|Tomorrow|Here|There|Sometimes|Often|Once|Somehow|Perhaps|Maybe|Anyway|Besides|\w+ly|\w+day)\s*,")


# ---------------------------------------------------------------------------------------------- Arabic

_AR_BOUNDARY = re.compile(r"[.،,:;؛!؟\n\"«»“”]")


def _ar_np(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Arabic speaker NP right after a verb/preposition: words up to إن/أن, punctuation or a preposition."""
    out_s = out_e = None
    relative = False
    for n, m in enumerate(_RX_NONSPACE.finditer(text, lo, min(hi, lo + 160))):
        if n >= 14:
            break
        s, e, w = m.start(), m.end(), m.group()
        core = w.strip("،,.:؛;")
        if _AR_COMP.fullmatch(core) or core in _AR_NP_END:
            break  # "وفقاً لـ CNBC فقد أورد", "كشفت صحيفة «...» بتاريخ 31 يناير"
        if core in _AR_STOP_PREP and not relative:
            break
        # "وكشف ياسين لـ«الشرق الأوسط» عن ...": told the paper; "الوزيرة متهكمةً": an adverb (not "45 عاماً")
        if out_s is not None and (_RX_AR_TO_OUTLET.match(w) or (
                _RX_AR_ADVERB.fullmatch(core) and not text[out_e - 1:out_e].isdigit())):
            break
        if core == "من" and _AR_COMP.match(text, _first_nonspace(text, e)):
            break  # "حذر الوزير من أن ...": the complementiser after من opens the content
        if core in {"الذي", "التي", "الذين"}:
            relative = True
        if w[:1] in "\"«“" and out_s is not None:
            # a quoted name inside the NP (صحيفة "الخبر") is kept; a quote opening the content is not
            qm = re.match(r"[\"«“]([^\"«»“”]*)[\"»”]", text[s:hi])
            if not qm or _words(qm.group(1)) > 2 or _AR_COMP.match(qm.group(1)):
                break
        if out_s is None:
            out_s = s
        glued = re.search(r"[،,:؛;](?=.)", w)  # `الوزير:»إن`: punctuation glued to the next word ends the NP
        if glued is not None and glued.start() > 0:
            out_e = s + glued.start()
            break
        stop = w[-1:] in "،,.:؛;" and core not in _AR_ABBREV_TITLES  # "أوضح د. الزهراني": a title, not an end
        out_e = e - (1 if stop else 0)
        if stop:
            break
    if out_s is None or out_e <= out_s:
        return None
    return out_s, out_e


def _arabic_candidates(doc: _Doc, table: CueTable) -> list[_Cand]:
    text = doc.text
    out: list[_Cand] = []
    rx = table.regex.get("ar")
    if rx is None:
        return out
    for m in rx.finditer(text):
        if not _starts_word(text, m.start()):
            continue
        form = m.group("cue")
        cs, ce = m.start("cue"), m.end("cue")
        c = table.by_form.get(("ar", form))
        if c is None and form[:1] in "وف":
            c = table.by_form.get(("ar", form[1:]))
            cs += 1
        if c is None:
            continue
        ws = m.start()
        if _quote_around(doc, cs) is not None:
            continue
        ss, se = _widen(doc, *doc.clause_span(cs), arabic=True)
        if c.kind == "source_prep":
            cand = _ar_prep(doc, c, m, cs, ce, ss, se)
        else:
            cand = _ar_verb(doc, c, m, ws, cs, ce, ss, se)
        if cand is not None:
            out.append(cand)
    out += _ar_quoted_saying(doc)
    return out


def _ar_quoted_saying(doc: _Doc) -> list[_Cand]:
    """`ونقلت وسائل إعلام تركية عن رئيس الوزراء التركي بن علي يلدريم قوله إن ...`: the outlet relays, the
    person after `عن` is the speaker, `قوله` (his saying) is the cue."""
    text = doc.text
    out: list[_Cand] = []
    if "قول" not in text:
        return out
    for m in _RX_AR_QAWL.finditer(text):
        sp_s, sp_e = _trim(text, m.start("sp"), m.end("sp"))
        if not 1 <= _words(text[sp_s:sp_e]) <= 10 or _quote_around(doc, m.start("cue")) is not None:
            continue
        cs, ce = m.start("cue"), m.end("cue")
        _ss, se = _widen(doc, *doc.clause_span(cs), arabic=True)
        pos = _first_nonspace(text, ce)
        cm = _AR_COMP.match(text, pos)
        if cm:
            pos = _first_nonspace(text, cm.end())
        while pos < len(text) and text[pos] in ": ":
            pos += 1
        q = _quote_starting(doc, pos, pos + 2)
        if cm is None and (q is None or _words(text[q.open + 1:q.close]) < 3):
            continue  # neither "قوله إن" nor "قوله: "...""
        cand = _ar_content(doc, cs, ce, "قال", (sp_s, sp_e), pos, se)
        if cand is not None:
            out.append(cand)
    return out


def _ar_prep(doc, c, m, cs, ce, ss, se) -> _Cand | None:
    text = doc.text
    cue_end = ce
    vm = _RX_AR_MA_VERB.match(text, ce)
    if vm is not None and (vm.group("ma") or text[cs:ce].endswith("ما")):
        cue_end = vm.end()  # "وفق ما نقلت "فرانس برس"", "حسبما نشرت صحيفة الأهرام": the source after the verb
    elif text[cs:ce].endswith("ما"):
        return None  # "حسبما" without a verb of reporting: "as much as"
    k = _first_nonspace(text, cue_end)
    if (lam := _RX_NONSPACE.match(text, k)) is not None and lam.group() in _AR_LAM_APART:
        cue_end = lam.end()  # "وفقاً لـ CNBC": the preposition written apart from the source
        k = _first_nonspace(text, cue_end)
    qn = _quote_starting(doc, k, k + 1)
    if qn is not None and 1 <= _words(text[qn.open + 1:qn.close]) <= 4:
        np = (qn.open + 1, qn.close)  # a quoted name as the source: وفق ما نقلت "فرانس برس"
    else:
        np = _ar_np(text, cue_end, se)
    if np is None:
        return None
    if re.search("وفق|طبق", text[cs:ce]) and text[np[0]:np[0] + 1] == "ل" and text[np[0] + 1:np[0] + 2] not in ("ل", "") \
            and len(text[np[0]:np[1]].split()[0]) > 3 and not doc.mentions_starting(np[0], np[0]):
        np = (np[0] + 1, np[1])  # وفقا لموقع "..." -> موقع "..." (not بحسب لاغارد): لـ is no part of the source
    np_end = np[1]  # the content starts after the whole noun phrase, relative clause and all
    np = _ar_speaker_name(doc, np, se)
    np_words = text[np[0]:np[1]].split()
    if not np_words[0][:1].isalpha() or (len(np_words) == 1 and re.search(r"(?:ه|ها|هم|هما)$", np_words[0])):
        return None  # "وفق مفهومه" (by his understanding), not a source
    if normalize_arabic(np_words[0].removeprefix("ل")) in _AR_NOT_SOURCE_HEADS \
            or _ar_bare_head(np_words[0]) in _AR_NOT_SOURCE_STEMS:
        return None  # "حسب التوزيع العرقي", "وفق الخطة": a norm or a measure, not a source
    cue = text[cs:ce]
    left = text[ss:m.start()]
    left_core = left.strip(" ،,")
    if _words(left_core) <= 1 and not re.search(r"[\"«”»]\s*$", left_core):
        # clause-initial: "وبحسب المصدر الأمني فإن ..." -> content after the NP
        pos = _first_nonspace(text, max(np[1], np_end))
        if _RX_AR_TO_OUTLET.match(text, pos):
            pos = _ar_skip_addressee(doc, pos)  # "وحسب مصادر لـ«الشرق الأوسط»، فإن ...": who the sources told
        while pos < len(text) and text[pos] in " ،,":
            pos += 1
        cm = _AR_COMP.match(text, pos) or _RX_AR_FAQAD.match(text, pos)  # "وفقا لـ X فإن ..." / "فقد ..."
        if cm:
            pos = cm.end()
        pos = _first_nonspace(text, pos)
        q = _quote_starting(doc, pos, pos + 2)
        if q is not None:
            return _Cand(cs, ce, cue, c.lemma, np, q.inner[0], q.inner[1], [q.inner])
        c_e = _extend_to_quote_close(doc, pos, se)
        c_s, c_e = _strip_final_period(text, *_trim(text, pos, c_e))
        if _words(text[c_s:c_e]) < 3:
            return None
        return _Cand(cs, ce, cue, c.lemma, np, c_s, c_e, None)
    # content on the left: `... ، وفقا للمصدر ذاته.` / `و"..." بحسب المصدر ذاته`
    c_s, c_e = _trim(text, ss, m.start())
    q = [x for x in _quotes_between(doc, ss - 1, m.start()) if c_e - 1 <= x.close < m.start()]
    if q:
        return _Cand(cs, ce, cue, c.lemma, np, q[-1].inner[0], q[-1].inner[1], [q[-1].inner],
                     content_left=True)
    if text[c_s:c_s + 1] == "و" and text[c_s + 1:c_s + 2] in "\"«":
        c_s += 1
    if _words(text[c_s:c_e]) < 3:
        return None
    return _Cand(cs, ce, cue, c.lemma, np, c_s, c_e, None, content_left=True)


def _ar_skip_adverbs(text: str, pos: int) -> int:
    while (am := _RX_AR_ADVERB.match(text, pos)) is not None:
        pos = _first_nonspace(text, am.end())
    return pos


def _ar_skip_addressee(doc: _Doc, pos: int) -> int:
    """Past what follows a speech verb but is not its subject: the addressee ("قالت لها", "قال للصحفيين",
    "قالت لأحلام", "قال لـ«الشرق الأوسط»") or what it was said in or about ("قالت فيها", "قال عنه").
    Returns where the subject, the colon or the content may start."""
    text = doc.text
    end = None
    am = _RX_AR_ADDRESSEE.match(text, pos)
    if am is not None:
        end = am.end()
    elif text.startswith("ل", pos):
        tok = _RX_NONSPACE.match(text, pos).group()
        if tok in _AR_LAM_APART or _RX_AR_TO_OUTLET.match(tok):
            # "لـ«الشرق الأوسط»", "لـ CNBC": the outlet the speaker told, quoted or written apart
            k = _first_nonspace(text, pos + 1 + (tok[1:2] == "ـ"))
            q = _quote_starting(doc, k, k + 1)
            nt = _RX_NONSPACE.match(text, k)
            end = q.close + 1 if q is not None else (nt.end() if nt is not None else None)
        elif (tok.startswith(("لل", "لـ")) or doc.mentions_starting(pos + 1, pos + 1)
                or (len(tok) >= 4 and not doc.mentions_starting(pos, pos)
                    and _RX_AR_QUOTE_NEXT.match(text, pos + len(tok)))):  # not "أكد لوبيز في تصريح "...
            end = pos + len(tok)  # "قالت للمتسابقة"، "قالت لأحلام": the addressee, not the speaker
    if end is None:
        return pos
    out = _first_nonspace(text, end)  # "قالت لها: ..." said to her: the addressee is not the speaker
    tq = _RX_AR_TO_QUOTE.match(text, end)
    if tq is not None and text[out:out + 1] not in ":\"«“" and not _AR_COMP.search(text, out, tq.end()):
        out = tq.end() - 1  # "قالت لأحلام عقب هذه الجملة "...": an adjunct between addressee and quote
    return out


_AR_MEDIA = "قناة|شبكة|صحيفة|جريدة|مجلة|موقع|وكالة|تلفزيون|إذاعة|راديو"
# a noun that introduces a name in quote marks: قناة "...", لشبكة «...», شركة "...", صحيفة «...»
_RX_AR_NAME_INTRO = re.compile(
    rf"[وفلب]?(?:ال|لل)?(?:{_AR_MEDIA}|التلفزيون|شركة|مصرف|بنك|مؤسسة|منظمة|جمعية|حزب|جبهة|حركة|"
    r"مبادرة|مركز|برنامج|مكتب|مجموعة|هيئة|صندوق|مؤشر|تقرير|كتاب|فيلم|مسلسل)"
    r"(?:ي|ية)?")


# the outlet a speaker spoke to: لشبكة، لقناة، لصحيفة ... (not "الرئيس التنفيذي لشركة": the company he heads)
_RX_AR_TO_MEDIA = re.compile(rf"ل(?:ل)?(?:{_AR_MEDIA})")


_RX_AR_DOCUMENT = re.compile(r"[وف]?(?:ال)?(?:تقرير|دراسة|بيان|تحليل|استطلاع|مقال|مقالة|رسالة|وثيقة|نشرة|مذكرة)")
_RX_AR_SPEAKER_CUT = re.compile(r"(?:الذي|التي|الذين|اللذان|اللتان|اللواتي|قبيل|قبل|بعد|خلال|أثناء|اثناء|عقب|أمس|"
                                r"امس|اليوم|يوم|للصحافة|للصحفيين|للصحافيين|للإعلام|للاعلام|لوسائل|"
                                r"ال(?:أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|سبت)|"
                                rf"{_RX_AR_TO_MEDIA.pattern})")


def _ar_speaker_name(doc: _Doc, sp: tuple[int, int], se: int) -> tuple[int, int]:
    """An Arabic speaker span without what follows the speaker's noun phrase: a relative clause, a time phrase,
    the outlet or press spoken to (قال جون ماكين لشبكة "..." -> جون ماكين); with the quoted name of an outlet
    kept in (ذكرت صحيفة "وول ستريت جورنال" -> صحيفة "وول ستريت جورنال")."""
    text = doc.text
    words = list(re.finditer(r"\S+", text[sp[0]:sp[1]]))
    document = bool(words) and _RX_AR_DOCUMENT.fullmatch(words[0].group()) is not None
    for i, w in enumerate(words[1:], 1):
        if document and w.group().startswith("ل") and not w.group().startswith("لل"):
            continue  # "تقرير لوكالة موديز": the agency's report, not the agency spoken to
        nxt = words[i + 1].group() if i + 1 < len(words) else ""
        if (_RX_AR_SPEAKER_CUT.fullmatch(w.group()) or (w.group() in ("صباح", "مساء") and (
                _RX_AR_SPEAKER_CUT.fullmatch(nxt) or nxt == "أول"))) \
                and _quote_around(doc, sp[0] + w.start()) is None:  # (not "المطوفة صباح بوان": a name)
            # "رونالدينيو الذي سيرتدي القميص رقم 10", "أسيلبورج وزير خارجية لكسمبورج قبيل المحادثات", "لو مير
            # للصحافة": a relative clause, a time phrase or the press spoken to ends the speaker
            sp = (sp[0], _trim(text, sp[0], sp[0] + words[i - 1].end())[1])
            words = words[:i]
            break
    if words and _RX_AR_NAME_INTRO.fullmatch(words[-1].group()) and not words[-1].group().startswith("ل"):
        k = _first_nonspace(text, sp[1])
        q = _quote_starting(doc, k, k + 1) if text[k:k + 1] in "\"«“" else None
        if q is not None and q.closed and _ar_quoted_name(doc, q, se):
            return sp[0], q.close + 1
    return sp


def _ar_quoted_name(doc: _Doc, q: Quote, se: int) -> bool:
    """A quote that names something (an outlet, a party, a firm) rather than quoting speech: up to two words,
    or up to five without punctuation when a complementiser (إن / أن) follows soon after it."""
    text = doc.text
    inner = text[q.open + 1:q.close]
    n = _words(inner)
    if n <= 2:
        return True
    if n > 5 or re.search(r"[.!?،,:؛]", inner) or _AR_COMP.match(inner.strip()):
        return False
    prev = text[max(0, q.open - 30):q.open].split()
    if prev and _RX_AR_NAME_INTRO.fullmatch(prev[-1]):
        return True  # لقناة "سي إن إن"، في شركة "بي دبليو سي"، مصرف "بنك أوف ذا وست"
    cm = _AR_COMP.search(text, q.close + 1, min(se, q.close + 80))
    # the complementiser in the same clause: not "قال فابيوس "..."، إلا انه ...", "كما يقول المثل "..."، فإن"
    return cm is not None and not re.search(r"[.!?،,:؛\"«»“”]", text[q.close + 1:cm.start()])


_RX_AR_WORTH_MENTIONING = re.compile(r"(?:تغير|تغيير|شيء|شيئا|أثر|أثرا|تأثير|تأثيرا|فرق|فرقا|تقدم|تقدما|نجاح|نجاحا|"
                                     r"اهتمام|اهتماما|دور|دورا)[\u064b-\u065f]*\s+$")


def _ar_verb(doc, c, m, ws, cs, ce, ss, se) -> _Cand | None:
    text = doc.text
    cue = text[cs:ce]
    pos = _first_nonspace(text, ce)
    if c.lemma == "ذكر" and cue.startswith("ي") and _AR_COMP.match(text, pos):
        return None  # "يذكر أن ..." (it is worth noting that): the writer's aside, nobody speaks
    if c.lemma == "ذكر" and cue.startswith("ي") and _RX_AR_WORTH_MENTIONING.search(text, max(0, cs - 12), cs):
        return None  # "دون تغير يذكر", "لم يحقق شيئا يذكر": (a change) worth mentioning
    pos = _ar_skip_adverbs(text, pos)  # "وقال أيضاً إن", "قالت متهكمةً:": no subject
    resumptive = _RX_AR_RESUMPTIVE.match(text, pos) is not None
    pos = _ar_skip_adverbs(text, _ar_skip_addressee(doc, pos))  # "أكد عليه أيضًا حجة الإسلام محمود علوي"
    bm = _RX_AR_BY_SAYING.match(text, pos)
    if bm is not None:
        pos = _first_nonspace(text, bm.end())  # "واستطرد بقوله "..."": "by saying" is no speaker
        pos = _ar_skip_addressee(doc, pos)  # "ويوضح قائلا لـ«الشرق الأوسط» إنه ..."
    hint = None
    sp = None
    gender = c.gender
    if c.kind == "participle":
        hint = "subject"
    nxt = text[pos:pos + 1]
    name_q = None
    if nxt in "\"«“":
        nq = _quote_starting(doc, pos, pos + 1)
        if nq is not None and _ar_quoted_name(doc, nq, se):
            # وأوضحت "بلتون" أن ...; قالت «جبهة الوطنيين المتحدة» على موقعها إنها ...: a quoted name is the
            # subject, not the statement
            nxt = " "
            name_q = nq
    cm = _AR_COMP.match(text, pos)
    if cm is None and (pm := _RX_AR_PREP_COMP.match(text, pos)) is not None:
        pos = pm.end("prep")  # "وأشار إلى أن ...", "وشدد على أن ...": pro-drop, the preposition opens the content
        pos = _first_nonspace(text, pos)
        cm = _AR_COMP.match(text, pos)
    if c.kind == "address" and re.match(r"(?:في(?:ه|ها)\s+)?(?:إلى|الى)(?!\w)", text[pos:pos + 12]):
        hint = "implicit"
    elif c.kind == "participle" or nxt in ":\"«“" or cm:
        # pro-drop: the subject is inflected in the verb (وأضاف: "..." / وتابع أن ...)
        left = text[ss:ws]
        left_core = re.sub(r"^(?:و?كان(?:ت)?\s+)", "", left.strip())
        left_core = re.sub(r"\s*(?:قد|لقد)\s*$", "", left_core)
        left_core = _RX_AR_LEAD_PARTICLES.sub("", left_core)  # "كما أكدت أن", "لكنها أكدت أن": no subject
        if resumptive:
            left_core = ""  # "نشرت تغريدة قالت فيها: ...": the tweet is what she said it in, not the speaker
        if c.kind != "participle" and _words(left_core) >= 1 and _words(left_core) <= 6 \
                and not _AR_BOUNDARY.search(left_core.replace("\"", "").replace("«", "").replace("»", "")):
            s0 = ss + left.find(left_core) if left_core else None
            if s0 is not None:
                sp = (s0, s0 + len(left_core))
        elif c.kind != "participle" and 6 < _words(left_core) <= 16 and not _AR_BOUNDARY.search(left_core):
            # "عاصي الحلاني صاحب الخبرة الأكبر في البرنامج أكد أن ...": a long subject that opens the sentence
            # with a name; the name is the speaker
            s0 = ss + left.find(left_core)
            for ms, me, _aid, _k, _sf in doc.mentions_starting(s0, s0 + 2):
                if _actor_type(doc, _aid) != "COUNTRY":
                    sp = (ms, me)
                    break
            words = left_core.split()
            if sp is None and _words(left_core) <= 10 and s0 == _first_nonspace(text, ss) \
                    and (s0 == 0 or text[s0 - 1] == "\n" or text[max(0, s0 - 2):s0].strip() == "") \
                    and words[0] not in _AR_STOP_PREP and words[0] not in _AR_AUX \
                    and not words[0].startswith(("ب", "ل", "ف", "ك")) and not _RX_AR_VERBISH.search(left_core):
                sp = (s0, s0 + len(left_core))  # no name known: the whole subject as written
        hint = hint or ("implicit" if sp is None else None)
    else:
        np = _ar_np(text, pos, se)
        if np is None and name_q is not None:
            np = name_q.inner  # قالت «جبهة الوطنيين المتحدة» ...: the name without its marks
        if np is None:
            # SVO: "وكانت صحيفة "الخبر" الجزائرية قد ذكرت في تقرير ... أن"
            left = text[ss:ws]
            lm = re.match(r"^\s*(?:و?كان(?:ت)?\s+)?(?P<np>.+?)\s+(?:قد|لقد)\s*$", left)
            if lm and _words(lm.group("np")) <= 6:
                sp = (ss + lm.start("np"), ss + lm.end("np"))
            else:
                return None
        else:
            sp = np
        sp_end = sp[1]  # adjuncts are skipped from the end of the whole noun phrase
        sp = _ar_speaker_name(doc, sp, se)
        # a quote just before the verb: «الوضع خطير»، قال المتحدث باسم الحكومة
        ql = _quotes_between(doc, ss - 1, ws) if not (cs > 0 and text[cs - 1] in "وف") else []
        if ql and ql[-1].closed and not text[ql[-1].close + 1:ws].strip(" ،,\u200f") \
                and _words(text[ql[-1].open + 1:ql[-1].close]) >= 3:
            q = ql[-1]
            return _Cand(cs, ce, cue, c.lemma, sp, q.inner[0], q.inner[1], [q.inner], content_left=True,
                         gender=gender)
        # skip adjuncts up to the complementiser / colon / quote (address verbs: up to إلى)
        after = max(sp[1], sp_end, pos)
        if name_q is not None and sp == name_q.inner:
            after = name_q.close + 1
        k = after
        found = None
        skip_to = -1
        for w in re.finditer(r"[^\s]+", text[after:min(se, after + 120)]):
            token = w.group()
            if after + w.start() <= skip_to:
                continue
            if token[:1] in "\"«“»”":
                tq = _quote_starting(doc, after + w.start(), after + w.start() + 1)
                if tq is not None and _ar_quoted_name(doc, tq, se):
                    skip_to = tq.close
                    continue  # a quoted name on the way (في تصريح نقلته "فرانس برس" على أنه ...)
            if _AR_COMP.fullmatch(token.strip("،,")) or token[:1] in ":\"«“»”":
                found = after + w.start()
                break
            if c.kind == "address" and token in {"إلى", "الى"}:
                found = after + w.start()
                break
            if w.start() > 80:
                break
        if found is None:
            # allow `:` glued to the NP's last word
            if text[sp[1]:sp[1] + 1] == ":":
                found = sp[1]
            else:
                return None
        k = found
        cm = _AR_COMP.match(text, k)
        pos = k
    if cm:
        pos = _first_nonspace(text, cm.end())
    while pos < len(text) and text[pos] in ": ":
        pos += 1
    if c.kind == "participle" and text[pos:pos + 3] in {"إلى", "الى"}:
        pos = _first_nonspace(text, pos + 3)
        cm2 = _AR_COMP.match(text, pos)
        if cm2:
            pos = _first_nonspace(text, cm2.end())
    if c.kind == "address":
        am = re.search(r"(?<!\w)(?:إلى|الى)(?!\w)", text[pos:se])
        if am and am.start() < 60:
            pos = _first_nonspace(text, pos + am.end())
    return _ar_content(doc, cs, ce, c.lemma, sp, pos, se, participle=c.kind == "participle", gender=gender,
                       hint=hint)


def _ar_content(doc: _Doc, cs: int, ce: int, lemma: str, sp: tuple[int, int] | None, pos: int, se: int, *,
                participle: bool = False, gender: str = "", hint: str | None = None) -> _Cand | None:
    """An Arabic cue's content from `pos`: a quote opening there (direct), else up to a closing quote or the
    clause end, cut before a participle statement of its own (unless the cue is a participle) and before the
    writer's next fact; content that is mostly quoted is read as its quotes."""
    text = doc.text
    cue = text[cs:ce]
    q = _quote_starting(doc, pos, pos + 2)
    if q is not None and _words(text[q.open + 1:q.close]) >= 3:  # not a quoted name: نقلته "فرانس برس"
        spans = [q.inner]
        return _Cand(cs, ce, cue, lemma, sp, q.inner[0], q.inner[1], spans, gender=gender, speaker_hint=hint)
    c_e = _extend_to_quote_close(doc, pos, se)
    if not participle:
        pm = _RX_AR_PARTICIPLE_CUT.search(text, pos, c_e)
        if pm is not None and not _quote_around(doc, pm.start()) and _words(text[pos:pm.start()]) >= 3:
            c_e = pm.start()  # "قال إنه مستعد ...، مؤكدا أنه ...": the participle is a statement of its own
    wm = _RX_AR_WHILE_CUT.search(text, pos, c_e)
    if wm is not None and not _quote_around(doc, wm.start()) and _words(text[pos:wm.start()]) >= 3:
        c_e = wm.start()  # "أكد أن الضعف يقف وراء التحالف، فيما علق حماقي ...": the writer goes on to another fact
    c_s, c_e = _strip_final_period(text, *_trim(text, pos, c_e))
    if _words(text[c_s:c_e]) < 3:
        return None
    qs = _quotes_between(doc, c_s - 1, c_e)
    quoted = sum(min(x.close, c_e) - max(x.open + 1, c_s) for x in qs)
    if qs and quoted >= 0.5 * (c_e - c_s):
        spans = [x.inner for x in qs]
        return _Cand(cs, ce, cue, lemma, sp, spans[0][0], spans[-1][1], spans, gender=gender,
                     speaker_hint=hint)
    return _Cand(cs, ce, cue, lemma, sp, c_s, c_e, None, gender=gender, speaker_hint=hint)


# an Arabic speech participle after a comma or و opens a statement of its own (مؤكدا أن، مشيرة إلى أن)
_RX_AR_PARTICIPLE_CUT = re.compile(
    r"\s*[،,]?\s*و?(?:مؤكد|مشير|مضيف|موضح|معتبر|قائل)(?:ا|اً|ًا|ة)(?![\w\u064b-\u065f])")
# after "قالت لمتسابق": a few words, then the quote or colon the addressee was told
_RX_AR_TO_QUOTE = re.compile(r"(?:\s+[^\s،,.:\"«“]+){0,4}?\s*[:\"«“]")
_RX_AR_QUOTE_NEXT = re.compile(r"\s*[:\"«“]")
_RX_AR_WHILE_CUT = re.compile(r"\s*[،,]\s*(?:فيما|بينما|في\s+حين|وفي\s+حين|في\s+الوقت\s+الذي|كما|"
                              r"وذلك\s+(?:بعد|قبل|عقب|إثر|اثر)|بعد\s+[أا]ن|بعدما)(?![\w\u064b-\u065f])")
# "وفق ما نقلت"، "بحسب ما ذكرت"، "حسبما نشرت": a verb of reporting between the preposition and its source
_RX_AR_MA_VERB = re.compile(
    r"\s*(?P<ma>ما\s+)?(?:[وف])?(?:نقل|ذكر|أفاد|افاد|أورد|اورد|نشر|قال|أعلن|اعلن|تناقل|أكد|اكد|أوضح|اوضح|كشف|"
    r"أشار|اشار|بث|أظهر|اظهر)(?:ت|تا|وا|ته|تها)?(?![\w\u064b-\u065f])(?:\s+(?:اليوم|أمس|امس))?\s*")
_AR_QAWL = r"قول(?:ه|ها|هم|هما)"  # "his / her / their saying"
_RX_AR_QAWL_CUE = re.compile(_AR_QAWL)
# "عن X قوله": the speaker relayed by an outlet, then "his saying"
_RX_AR_QAWL = re.compile(
    rf"(?<![\w\u064b-\u065f])عن\s+(?P<sp>[^،,.:؛!؟\"«»“”\n]{{2,90}}?)\s+(?P<cue>{_AR_QAWL})(?![\w\u064b-\u065f])")
# a word of the left context that makes it a clause (a verb, a relative or a connective), not a subject
_RX_AR_VERBISH = re.compile(r"(?<!\S)(?:و?(?:الذي|التي|الذين|عندما|حين|بعدما|بينما|فيما|إذ|حيث|لكن|غير|إن|أن|كان|كانت|"
                            r"قد|لقد|ثم|كما)|[يت]\S{2,})(?!\S)")
# "by saying" right after an Arabic speech verb: "واستطرد بقوله "..."", "وختم بالقول إن ..."
_RX_AR_BY_SAYING = re.compile(rf"(?:ب?{_AR_QAWL}|بالقول|قائل(?:ا|اً|ًا|ة|ين))(?![\w\u064b-\u065f])\s*[:،,]?")
# a preposition with the addressee right after an Arabic speech verb: "قالت لها", "قال للصحفيين"
_RX_AR_ADDRESSEE = re.compile(
    r"(?:له|لها|لهم|لهما|لهن|لي|لنا|لك|لكم|للصحفيين|للصحافيين|للصحافة|للإعلاميين|للوكالة|للصحيفة|للتلفزيون|"
    r"للقناة|للإذاعة|فيه|فيها|فيهما|فيهم|عنه|عنها|عنهما|عنهم|عليه|عليها)(?![\w\u064b-\u065f])"
    r"(?!\s+(?:الصلاة|السلام))")  # not "قال عليه السلام" (the formula after a prophet's name)
_RX_AR_PREP_COMP = re.compile(rf"(?P<prep>إلى|الى|على|عن)\s+(?=(?:{_AR_COMP_WORD})(?![\w\u064b-\u065f]))")
_RX_AR_FAQAD = re.compile(r"فقد(?![\w\u064b-\u065f])")
# "فيها" after the verb refers back to a noun before it (a relative clause: "رسالة قالت فيها")
_RX_AR_RESUMPTIVE = re.compile(r"(?:فيه|فيها|فيهما|فيهم)(?![\w\u064b-\u065f])")
# connectives opening a clause before a pro-drop verb, no subject: "كما أكدت أن", "لكنها أكدت أن"
_RX_AR_LEAD_PARTICLES = re.compile(
    r"^(?:[وف]?(?:كما|ثم|لكن|لكنه|لكنها|لكنهم|بينما|فيما|حيث|كذلك|أيضا|أيضاً|بل|إذ|"
    r"(?:إلا|الا|غير)\s+[أا]ن(?:ه|ها|هم))(?:\s+|$))+")
# an adverb right after a speech verb, not its subject: "وقال أيضاً", "قالت متهكمةً" (an indefinite accusative)
_RX_AR_ADVERB = re.compile(r"(?:أيضا|ايضا|كذلك|مجددا|[\u0621-\u064a]+(?:اً|ًا|ةً)|"
                           # a time phrase between the verb and what follows: "قد قالت العام الماضي إن"
                           r"(?:في\s+)?(?:العام|الأسبوع|الاسبوع|الشهر|السنة|الأحد|الاثنين|الثلاثاء|الأربعاء|الخميس|"
                           r"الجمعة|السبت)\s+(?:الماضي|الماضية|المقبل|المقبلة|الجاري|الحالي))"
                           r"(?![\w\u064b-\u065f])\s*[،,]?")
# heads after حسب / وفق that are a norm or a measure, not a source (normalised spelling)
_AR_NOT_SOURCE_HEADS = {normalize_arabic(w) for w in (
    "التوزيع", "السياق", "التركيب", "الترتيب", "النوع", "الحاجة", "الطلب", "الأولوية", "الأولويات", "الظروف",
    "الموسم", "المنطقة", "الفئة", "الحالة", "الخطة", "الجدول", "المعايير", "الأصول", "العادة", "التقاليد",
    "الأهمية", "الموقع", "المكان", "الوقت", "العمر", "الدرجة", "الحجم", "الشروط", "الضوابط", "الآلية",
    "الإمكانيات", "الإمكانات", "القدرة", "الاستطاعة", "رغبة", "رغبته", "ما", "الخطط", "خطط", "مخطط", "المخطط",
    "منهجية", "المنهجية", "النظام", "نظام", "القانون", "قانون", "القوانين", "الأنظمة", "اللوائح", "التعليمات",
    "الإجراءات", "الاتفاق", "اتفاق", "الاتفاقية", "اتفاقية", "المادة", "قرار", "القرار", "الدستور", "الشريعة",
    "معايير", "أحكام", "الأحكام")}


def _ar_bare_head(word: str) -> str:
    """A noun without the preposition لـ, the article and a possessive ending: لقواعدها -> قواعد, للشروط -> شروط."""
    w = normalize_arabic(word)
    w = w[2:] if w.startswith("لل") else w[1:] if w.startswith("ل") and len(w) > 3 else w
    w = w[2:] if w.startswith("ال") and len(w) > 4 else w
    for suf in ("هما", "ها", "هم", "نا", "ه"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[:-len(suf)]
    return w


# (and "حسب نوع المخالفة", "وفقا لقواعدها الدستورية", "بحسب السعر المتوقع"): compared without لـ, the article
# and a possessive. Not the stems of _AR_NOT_SOURCE_HEADS, whose definite forms must stay exact ("الموقع" is a
# location, "وفقا لموقع ..." a website)
_AR_NOT_SOURCE_STEMS = {_ar_bare_head(w) for w in (
    "نوع", "قواعد", "سعر", "أسعار", "نسبة", "مستوى", "طبيعة", "حجم", "عدد", "مدة", "شروط", "شرط", "معايير", "معيار",
    "مبدأ", "مبادئ", "أساس", "قيمة", "ترتيب", "مرحلة", "ظروف", "حاجة", "خطة", "قانون", "نظام", "اتفاق", "اتفاقية",
    "حكم", "ذلك", "هذا", "هذه", "أهداف", "هدف", "رؤية", "برنامج", "أهواء", "هوى", "رغبات", "مصالح", "إرادة")}  # (and "وفقا لذلك": accordingly)


# ----------------------------------------------------------------------------------------------------------
# Assembly


# heads of "according to X" that are a norm or a measure, not somebody or something that tells
_NOT_SOURCE_HEADS = {
    "plan", "plans", "schedule", "script", "tradition", "traditions", "custom", "customs", "design", "protocol",
    "protocols", "procedure", "procedures", "instructions", "postulates", "principles", "principle", "needs",
    "need", "ability", "abilities", "merit", "merits", "rank", "size", "age", "type", "category", "categories",
    "order", "formula", "pattern", "patterns", "wishes", "wish", "will", "taste", "tastes", "preference",
    "preferences", "season", "region", "state", "income", "importance", "priority", "priorities", "scale",
    "standard", "standards", "criteria", "criterion", "way", "ways", "form", "playbook", "value", "values",
    "code", "codes", "rule", "rules", "guidelines", "regulations", "constitution", "it", "this", "that",
    "which", "whom",
}
_RELAY_LEMMAS_EN = {"according to", "as reported by", "as quoted by"}  # ("quoting Z": Z said the inner words)
_PREP_LEMMAS = _RELAY_LEMMAS_EN | {"quoting", "وفق", "بحسب", "نقلا عن", "على لسان"}


def _filter_nested(cands: list[_Cand]) -> list[_Cand]:
    """Drop a candidate whose cue lies inside another candidate's content (it is part of that statement).

    Exceptions: when two candidates hold each other's cue, the trailing (content-left) attribution is the
    outer one ("Both sides stressed X, the sources added"); a trailing `according to` / `as reported by`
    names the outlet that relayed an inner attributed statement: both are kept, the outlet's with the whole
    inner statement, the inner speaker's cut before `according to` ("The witness said X, according to the
    report": the report relayed "The witness said X"; the witness said X). The outlet is dropped when the
    inner content runs past it ("said that, according to its analysis, ..."); the inner statement is dropped
    when its speaker is only the guessed subject of a participle or a coordinated verb. After `quoting Z` or
    an Arabic source (`بحسب`, `وفق`, ..., as often a norm: `وفق هذا القانون`) the inner statement keeps its
    whole content and the trailing one is dropped.
    """
    def relays(b: _Cand, a: _Cand) -> bool:
        """b is a trailing source (`according to Y`) whose content holds a's cue, and a speaks for itself (not a
        participle whose speaker is only a guessed subject)."""
        return b.content_left and b.lemma in _PREP_LEMMAS and a.lemma not in _PREP_LEMMAS \
            and a.speaker_hint != "subject" and b.cs <= a.cue_s < b.ce

    drop: set[int] = set()
    for a in cands:
        for b in cands:
            if relays(b, a) and b.lemma in _RELAY_LEMMAS_EN and a.cs < b.cue_s <= a.ce:
                a.ce = b.cue_s  # "The witness said X, according to the report": X is what the witness said
    for i, a in enumerate(cands):
        for j, b in enumerate(cands):
            if i == j or not (b.cs <= a.cue_s < b.ce):
                continue
            if relays(b, a):
                if a.ce > b.cue_s or b.lemma not in _RELAY_LEMMAS_EN:  # "X said that, according to Y,
                    drop.add(j)  # ...": Y is inside what X said (Arabic: see the docstring)
                continue
            if a.coord is not None and b.quotes_direct is None and b.cs <= a.coord < b.ce and b.cue_s < a.coord:
                # "said it was too early ... but added, “...”": two statements of one subject
                b.ce = a.coord
                continue
            if a.content_left and a.quotes_direct and b.quotes_direct is None and not b.content_left \
                    and b.cs < a.cs:
                # "Trump asserted that France had lost its identity: “France is no longer France,” he
                # claimed." -- the quote has its own attribution; the reported content ends before it
                b.ce = max(b.cs, min(b.ce, a.cs - 1))
                continue
            if a.cs <= b.cue_s < a.ce:
                if a.content_left and not b.content_left:
                    continue
                if a.content_left == b.content_left and a.cue_s > b.cue_s:
                    continue
            drop.add(i)
    # two cues of one subject reading the same content ("the groups who wrote to her on Thursday say they ..."):
    # the cue nearest to it is its verb, the other belongs to a clause of its own. A nearer cue whose own
    # subject follows the farther cue is nested in it ("She says it underscores that ..."): the farther wins
    nearest: dict[tuple[int, int], int] = {}
    for k, c in sorted(enumerate(cands), key=lambda kc: abs(kc[1].cs - kc[1].cue_e), reverse=True):
        if k in drop:
            continue
        j = nearest.get((c.cs, c.ce))
        nested = c.sp is not None and cands[j].cue_e <= c.sp[0] < c.cue_s if j is not None else False
        # (Arabic: the first cue keeps it, "أكد لوبيز في تصريح نقلته "فرانس برس" أنه")
        if j is None or (not nested and not _HAS_AR.search(c.cue)) or _RX_AR_QAWL_CUE.fullmatch(c.cue):
            nearest[(c.cs, c.ce)] = k  # "وذكرت الصحيفة نقلا عن المتحدث قوله إن": the one quoted speaks
    seen: set[int] = set()
    out = []
    for k, c in sorted(enumerate(cands), key=lambda kc: kc[1].cue_s):
        if k in drop or c.cue_s in seen or nearest.get((c.cs, c.ce)) != k:
            continue
        seen.add(c.cue_s)
        out.append(c)
    return out


_RX_HEADLINE_COLON = re.compile(
    r"[^\S\n]*(?P<sp>[A-Z][\w.’'&-]*(?:[^\S\n]+(?:[A-Z][\w.’'&-]*|of|de|al|el)){0,4})[^\S\n]*:[^\S\n]+"
    r"(?P<c>[^\n:]{12,}?)[^\S\n]*(?:\n|$)")
_HEADLINE_NOT_SPEAKER = {
    "menu", "photo", "photos", "video", "videos", "watch", "update", "updated", "posted", "breaking", "exclusive",
    "source", "sources", "by", "related", "opinion", "analysis", "live", "editor", "note", "editor's note",
    "read", "read more", "listen", "audio", "correction", "clarification", "the latest", "latest", "report",
    "factbox", "explainer", "q", "a", "tags", "topics", "share", "comments", "home", "news", "quiz",
}


def _headline_colon(doc: _Doc) -> _Cand | None:
    """`Trump: Cruz Has ‘To Come a Long Way’ On Ethanol` -- a headline line (the article's first line) of
    the form `Speaker: content` attributes the content to a short proper name (no cue word)."""
    text = doc.text
    k = _first_nonspace(text, 0)
    m = _RX_HEADLINE_COLON.match(text, k)
    if m is None or text[k:m.start("sp")].strip():
        return None
    sp_txt = m.group("sp").strip()
    words = sp_txt.split()
    if len(words) > 3 or words[0] in {"The", "A", "An"} or (len(words) > 1 and sp_txt.isupper()):
        return None  # "The Ninth Circle: ...", "FIX IS IN: ...": a title, not a speaker
    if sp_txt.lower() in _HEADLINE_NOT_SPEAKER or sp_txt.split()[-1].lower() in _HEADLINE_NOT_SPEAKER:
        return None
    c_s, c_e = _strip_final_period(text, *_trim(text, m.start("c"), m.end("c")))
    if _words(text[c_s:c_e]) < 3:
        return None
    colon = text.index(":", m.end("sp"))
    q = _quote_starting(doc, c_s - 1, c_s + 1)
    if q is not None and q.close >= c_e - 1 and q.closed:
        return _Cand(colon, colon, "", None, (m.start("sp"), m.end("sp")), q.open + 1, q.close, [q.inner])
    return _Cand(colon, colon, "", None, (m.start("sp"), m.end("sp")), c_s, c_e, None)


_RX_TRANSCRIPT = re.compile(r"(?m)^[^\S\n]*(?P<q>[“\"])?(?P<sp>[A-Z][A-Z.’'-]+(?:[^\S\n]+[A-Z][A-Z.’'-]+){0,3}):[^\S\n]+"
                            r"(?P<c>\S[^\n]*)")
_TRANSCRIPT_NOT_SPEAKER = {"UPDATE", "NOTE", "EDITOR’S NOTE", "EDITOR'S NOTE", "WATCH", "READ", "RELATED", "PHOTOS",
                           "PHOTO", "VIDEO", "CORRECTION", "BREAKING", "EXCLUSIVE", "SOURCE", "SOURCES", "LISTEN",
                           "MORE", "ALSO", "WASHINGTON", "NEW YORK", "UPDATED", "WARNING", "SPOILER", "TRANSCRIPT",
                           "DISCLOSURE", "CLARIFICATION", "AP", "PS", "P.S.", "FACT", "TRUTH", "CLAIM", "VERDICT"}


def _transcript_lines(doc: _Doc) -> list[_Cand]:
    """Interview transcripts: paragraphs `TAPPER: Do you think ...?` / `FALLIN: Well, I think ...`. The
    upper-case label is the speaker of the rest of the paragraph (reported: no quote marks). Only when the
    text has two such paragraphs with different labels (a lone `BREAKING: ...` line is a title)."""
    text = doc.text
    found = [m for m in _RX_TRANSCRIPT.finditer(text)
             if len(m.group("sp")) >= 2 and m.group("sp") not in _TRANSCRIPT_NOT_SPEAKER]
    if len(found) < 2 or len({m.group("sp") for m in found}) < 2:
        return []
    out = []
    for m in found:
        c_s, c_e = _strip_final_period(text, *_trim(text, m.start("c"), m.end("c")))
        quoted = m.group("q") is not None  # `"WALLACE: ...` a transcript quoted paragraph by paragraph
        if quoted and text[c_e - 1:c_e] in _STRAIGHT_OR_CLOSE:
            c_s, c_e = _strip_final_period(text, *_trim(text, c_s, c_e - 1))
        if _words(text[c_s:c_e]) < 3:
            continue
        colon = m.end("sp")
        out.append(_Cand(colon, colon, "", None, (m.start("sp"), m.end("sp")), c_s, c_e,
                         [(c_s, c_e)] if quoted else None))
    return out


# `“He is ignorant of our culture.”― Pamela Padilla`: a quote signed by a name after a dash at the line end
_RX_DASH_SIGNED = re.compile(r"(?m)(?P<mark>[”\"])[^\S\n]*[―—–]{1,2}[^\S\n]*"
                             r"(?P<sp>[A-Z][\w.’'-]*(?:[^\S\n]+[A-Z][\w.’'-]*){0,4})[^\S\n]*$")


def _dash_signed(doc: _Doc) -> list[_Cand]:
    text = doc.text
    out = []
    for m in _RX_DASH_SIGNED.finditer(text):
        k = m.start("mark")
        q = next((q for q in _quotes_between(doc, text.rfind("\n", 0, k) + 1, k) if q.close == k), None)
        if q is None or _words(text[q.open + 1:q.close]) < 3:
            continue
        out.append(_Cand(m.start("sp") - 1, m.start("sp") - 1, "", None, (m.start("sp"), m.end("sp")),
                         q.open + 1, q.close, [q.inner]))
    return out


# "X <verb> that <clause>" with a verb the cue table does not list ("acknowledged that", "swore that",
# "speculated that"): an attribution whenever a real subject stands right before the verb. Verbs whose
# that-clause is no attributed content are left out (grammar, not lexicon).
_RX_GENERIC_THAT = re.compile(r"\b(?P<v>[a-z]{3,}ed)(?:\s+(?:\w+ly|also|again|repeatedly|privately|"
                              r"publicly|later|then|now))?\s+that\s+")
_GENERIC_NOT_CUE = {
    "addressed", "assumed", "caused", "changed", "contained", "dictated", "ensured", "guaranteed", "happened",
    "hated", "helped", "included", "increased", "indicated", "liked", "loved", "mandated", "marked", "needed",
    "passed", "proved", "provided", "raised", "reduced", "reflected", "required", "showed", "signaled", "signalled",
    "stressed", "suggested", "used", "wanted",
}


def _lemma_en(w: str) -> str:
    """A rough lemma of a regular English verb form (the generic cue's `speech_verb_lemma`)."""
    w = w.lower()
    if w.endswith("ied") or w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith("ed"):
        st = w[:-2]
        if len(st) > 2 and st[-1] == st[-2] and st[-1] not in "lsz":
            return st[:-1]
        if re.search(r"(?:[^aeiou][aeiou][cgsvz]|[lr]v|at|iz|ur|[^aeiou]l|[cgu]|ir|ud|ot|as|ob|ar)$", st) \
                and not st.endswith(("ss", "ll")):
            return st + "e"
        return st
    if re.search(r"(?:ss|sh|ch|x|z)es$", w):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def _generic_that_candidates(doc: _Doc, table: CueTable, taken: set[int]) -> list[_Cand]:
    text = doc.text
    out = []
    for m in _RX_GENERIC_THAT.finditer(text):
        v = m.group("v")
        cs, ce = m.start("v"), m.end("v")
        if cs in taken or v in _GENERIC_NOT_CUE or ("en", v) in table.by_form or not _starts_word(text, cs):
            continue
        if _quote_around(doc, cs) is not None or not _RX_CLAUSE_START.match(text, m.end() - 1):
            continue
        if _NEGATED.search(text, max(0, cs - 30), cs):
            continue
        ss, se = _widen(doc, *doc.clause_span(cs))
        if _RX_OBJECT_BAD_LEFT.search(text, max(ss, cs - 12), cs):
            continue
        sp = _named_speaker_left(doc, ss, cs)
        if sp is None:
            continue
        words = text[sp[0]:sp[1]].split()
        w0 = words[0].lower()
        if (w0 in _PRONOUNS_EN and len(words) > 1) or w0 in {"you", "it"} or w0 in _NP_STOP \
                or w0.endswith("ing") or re.search(r"[’']s$", words[-1]) or _NONSPEAKER.search(text[sp[0]:sp[1]]) \
                or not (w0 in _PRONOUNS_EN or words[0][:1].isupper() or w0 in _DETERMINERS):
            continue
        c_s, c_e = _content_after_cue(doc, m.end(), se, cut_clause=True)
        c_e = _cut_second_predicate(doc, c_s, c_e)
        if not 3 <= _words(text[c_s:c_e]) <= 70:
            continue
        out.append(_Cand(cs, ce, v, _lemma_en(v), sp, c_s, c_e, None))
    return out


# `“...,” he surmised.` / `"...," Trump shot back.`: a quote closed by a comma (or ? !) and followed only by a
# speaker and a verb the cue table does not list; the verb is a past form (-ed, or a listed irregular one)
_TRAILING_IRREGULAR_LEMMAS = {"shot": "shoot", "broke": "break", "cut": "cut", "hit": "hit", "fought": "fight",
                              "struck": "strike", "swore": "swear", "began": "begin", "spoke": "speak",
                              "went": "go", "rang": "ring", "bit": "bite", "threw": "throw"}
_TRAILING_IRREGULAR = "|".join(_TRAILING_IRREGULAR_LEMMAS)
_RX_GENERIC_TRAILING = re.compile(
    r"[^\S\n]+(?P<sp>he|she|they|we|I|(?:[A-Z][\w’'.-]*)(?:[^\S\n]+[A-Z][\w’'.-]*){0,3}"
    r"|(?:the|an?)[^\S\n]+(?:[\w’'-]+[^\S\n]+){0,3}[\w’'-]+)"
    rf"[^\S\n]+(?P<v>[a-z]{{2,}}ed|(?:{_TRAILING_IRREGULAR})(?=[^\S\n]+(?:back|in|up|on|out)\b))"
    r"(?:[^\S\n]+(?:back|in|up|on|out|off))?(?P<end>[^\S\n]*(?:[.;!?]|,(?=[^\S\n]*[“\"«])|$))")
_TRAILING_NOT_VERB = {"need", "feed", "seed", "speed", "shed", "fled", "bred", "united", "limited", "related", "based",
                      "tired", "retired", "married", "scared", "excited", "interested", "concerned", "supposed", "used",
                      "pleased", "surprised", "worried", "involved"}
# a capitalised word after the quote that opens a new clause, not a speaker's name
_NOT_NAMES_CAP = {"The", "A", "An", "It", "This", "That", "There", "These", "Those", "But", "And", "So", "Then",
                  "When", "If", "As", "In", "On", "At", "For"}


def _generic_trailing_candidates(doc: _Doc, table: CueTable, taken: set[int]) -> list[_Cand]:
    text = doc.text
    out = []
    for q in doc.quotes:
        if not q.closed or q.close < 1 or text[q.close - 1] not in ",?!—–-":
            continue
        m = _RX_GENERIC_TRAILING.match(text, q.close + 1)
        if m is None:
            continue
        v = m.group("v")
        cs, ce = m.start("v"), m.end(0) - len(m.group("end"))
        if cs in taken or v in _TRAILING_NOT_VERB or ("en", v) in table.by_form or _title_before(text, q):
            continue
        sp = _trim(text, m.start("sp"), m.end("sp"))
        if _words(text[q.open + 1:q.close]) < 1 or _NONSPEAKER.search(text[sp[0]:sp[1]]) \
                or text[sp[0]:sp[1]].split()[0] in _NOT_NAMES_CAP:
            continue
        spans = _quote_pieces(doc, q, upto=True)
        nq = _quote_starting(doc, m.end(), m.end() + 3) if m.group("end").strip() == "," else None
        if nq is not None:
            spans.append(nq.inner)
        lemma = " ".join([_TRAILING_IRREGULAR_LEMMAS.get(v) or _lemma_en(v), *text[m.end("v"):ce].split()])
        out.append(_Cand(cs, ce, text[cs:ce], lemma, sp, spans[0][0], spans[-1][1], spans, content_left=True))
    return out


_STRAIGHT_OR_OPEN = set('"“«„')
_STRAIGHT_OR_CLOSE = set('"”»')


def _unpaired_marks(text: str, a: int, b: int) -> tuple[int, int, bool]:
    """Reported content with a quote mark at an edge whose partner is missing inside it: the mark is not
    part of the statement text. `"In view of ..., the organisation said` (the source lost the closing mark):
    the content is the quote opened there, so it is direct."""
    direct = False
    if text[a] in _STRAIGHT_OR_OPEN and text[b - 1] in _STRAIGHT_OR_CLOSE and b - a > 2:
        # `"... أغنيتي "مدرسة الحب" ..."`: the whole content is one quote with a nested quoted title (same
        # straight mark), which the pairing could not tell from a new quote
        a2, b2 = _trim(text, a + 1, b - 1)
        if b2 > a2:
            return a2, b2, True
    if text[a] in _STRAIGHT_OR_OPEN and not any(ch in _STRAIGHT_OR_CLOSE for ch in text[a + 1:b]):
        a, b = _trim(text, a + 1, b)
        direct = b - a > 0
    if b - a > 1 and text[b - 1] in _STRAIGHT_OR_CLOSE and not any(ch in _STRAIGHT_OR_OPEN for ch in text[a:b - 1]):
        a, b = _trim(text, a, b - 1)
        b = b - 1 if b > a and text[b - 1] == "," else b
    return a, b, direct


def _extract_doc(doc: _Doc, table: CueTable) -> list[_Stmt]:
    text = doc.text
    cands = _english_candidates(doc, table) if _HAS_LATIN.search(text) else []
    if cands is not None and _HAS_LATIN.search(text):
        cands += _generic_that_candidates(doc, table, {c.cue_s for c in cands})
        cands += _generic_trailing_candidates(doc, table, {c.cue_s for c in cands})
    head = _headline_colon(doc) if cands is not None and _HAS_LATIN.search(text, 0, 200) else None
    if head is not None:
        cands.append(head)
    transcript = []
    if ":" in text and _HAS_LATIN.search(text):
        transcript = _transcript_lines(doc)
        cands += transcript
    if "―" in text or "—" in text or "–" in text:
        cands += _dash_signed(doc)
    if _HAS_AR.search(text):
        cands += _arabic_candidates(doc, table)
    cands = _filter_nested(cands)
    cands.sort(key=lambda c: (c.cs, c.cue_s))
    covered: list[tuple[int, int]] = []
    # resolve speakers in text order of the cue so that antecedents come first
    events: list[tuple[int, int, object]] = []
    for c in cands:
        events.append((min(c.cs, c.cue_s), 0, c))
    used_quote_opens: set[int] = set()
    for c in cands:
        for q in _quotes_between(doc, c.cs - 1, c.ce):
            if q.close <= c.ce:
                used_quote_opens.add(q.open)
    # orphan full-sentence quotes continue the statement just before them
    for q in doc.quotes:
        if q.open in used_quote_opens:
            continue
        inner = text[q.open + 1:q.close]
        if _words(inner) < 3:
            continue
        if transcript and _RX_TRANSCRIPT.match(text, text.rfind("\n", 0, q.open) + 1) is not None:
            continue  # `"RAMOS: ...` a transcript paragraph: its label is the speaker
        after = text[q.close + 1:q.close + 4]
        if re.match(r"[^\S\n]*[a-z\u0600-\u06ff]", after):
            continue  # the quote runs on into a clause of its own: not a whole sentence
        k = q.open
        while k > 0 and text[k - 1].isspace():
            k -= 1
        if k > 0 and text[k - 1] == ":" and _HAS_LATIN.search(inner):
            # "Cruz called them on it: “The questions asked ...”" -- a colon introduces the quote; the
            # speaker is the subject of the clause before the colon (no cue word: speech_verb is null)
            cs0, _ce0 = doc.clause_span(k - 1)
            sub = _sentence_subject(text, cs0, k - 1, doc)
            if sub is not None and not _NONSPEAKER.search(text[sub[0]:sub[1]]):
                words = text[sub[0]:sub[1]].split()
                named = words[-1].lower() in _PRONOUNS_EN or (words[-1][:1].isupper() and len(words) <= 5)
                if named or words[-1].lower() in _DESC_HEADS_EN:  # not "the biggest victor: ..."
                    events.append((q.open, 2, (q, sub)))
            continue
        ss, _se = doc.clause_span(q.open)
        lead = text[ss:q.open].strip()
        if lead not in {"", "و"} and not text[max(0, q.open - 2):q.open].endswith(("\n", ". ", ".")):
            continue
        events.append((q.open, 1, q))
    events.sort(key=lambda ev: (ev[0], ev[1]))
    last_para_end = {}
    for _pos, kind, obj in events:
        if kind == 0:
            c = obj
            lang = "ar" if c.cue and _HAS_AR.search(c.cue) else "en"
            sp = c.sp
            st_speaker: str | None = None
            if c.speaker_hint == "none":
                # "Asked if ..., Trump said": the asker is not named
                aid, s_s, s_e, st_gender = None, None, None, ""
            elif c.speaker_hint == "implicit" or sp is None:
                gender = c.gender or "m"
                aid = None
                cl_s, _cl_e = doc.clause_span(c.cue_s)
                for ms, me, maid, _k, _sf in reversed(doc.mentions):
                    if cl_s <= ms and me <= c.cue_s and _actor_type(doc, maid) == "PERSON":
                        aid = maid
                        break
                if aid is None:
                    aid = _antecedent(doc, c.cue_s, want="any", gender=gender, language=lang)
                if aid is None:
                    aid = _antecedent(doc, c.cue_s, want="person", gender=gender, language=lang)
                s_s, s_e = c.cue_s - (1 if c.cue_s > 0 and text[c.cue_s - 1] in "وف" else 0), c.cue_e
                st_gender = gender
            else:
                s_s, s_e = sp
                st_gender = c.gender if lang == "ar" else ""
                if lang == "ar" and c.gender == "":
                    st_gender = _ar_gender_of(text[s_s:s_e])
                if lang == "ar" and c.lemma in {"وفق", "بحسب", "نقلا عن", "على لسان"}:
                    st_gender = _ar_gender_of(text[s_s:s_e])
                aid = _resolve(doc, s_s, s_e, lang)
            spans = c.quotes_direct or [(c.cs, c.ce)]
            for a, b in spans:
                a, b = _trim(text, a, b)
                direct = c.quotes_direct is not None
                if not direct and b - a > 1:
                    a, b, direct = _unpaired_marks(text, a, b)
                if b <= a or (c.quotes_direct is None and _words(text[a:b]) < c.min_words):
                    continue
                st_speaker = text[s_s:s_e] if s_s is not None else None
                st = _Stmt(aid, st_speaker, s_s, s_e, text[c.cue_s:c.cue_e], c.lemma, a, b,
                           direct, c.cue_s, c.cue_e, st_gender, c.content_left)
                doc.stmts.append(st)
                covered.append((a, b))
            last_para_end[0] = c
        elif kind == 2:
            q, (s_s, s_e) = obj
            if any(a <= q.open + 1 and q.close <= b for a, b in covered):
                continue
            a, b = _trim(text, q.open + 1, q.close)
            aid = _resolve(doc, s_s, s_e, "en")
            spans = [(a, b)]
            if q.chain >= 0:
                spans += [_trim(text, p.open + 1, p.close) for p in doc.quotes if p.chain == q.chain and p.open > q.open]
            for a, b in spans:
                st = _Stmt(aid, text[s_s:s_e], s_s, s_e, None, None, a, b, True, q.open, q.open, "", False)
                doc.stmts.append(st)
                covered.append((a, b))
        else:
            q = obj
            if any(a <= q.open + 1 and q.close <= b for a, b in covered):
                continue
            prev = doc.stmts[-1] if doc.stmts else None
            if prev is None:
                continue
            gap = text[max(prev.end, prev.cue_end, prev.speaker_end or 0):q.open]
            if prev.speaker_end is not None and prev.speaker_end > q.open:
                gap = text[prev.end:q.open]
            paras = len(re.findall(r"\n\s*", gap))
            inner_words = _words(text[q.open + 1:q.close])
            if paras and text[text.rfind("\n", 0, q.open) + 1:q.open].strip():
                continue  # the quote does not open its paragraph
            if _new_sentence_in(gap):
                continue  # a sentence of its own stands between the statement and the quote
            if paras == 0:
                if _words(gap) > (40 if prev.direct else 15):
                    continue
            elif paras > 1 or _words(gap) > 25 or not prev.direct or inner_words < 6:
                continue
            a, b = _trim(text, q.open + 1, q.close)
            st = _Stmt(prev.speaker_actor_id, prev.speaker_text, prev.speaker_start, prev.speaker_end, None, None,
                       a, b, True, q.open, q.open, prev.gender, False)
            doc.stmts.append(st)
            covered.append((a, b))
    return doc.stmts


def extract_statements(
    documents: pl.DataFrame,
    sentences: pl.DataFrame,
    mentions: pl.DataFrame,
    actors: pl.DataFrame,
    *,
    lexicon: object | None = None,
) -> pl.DataFrame:
    """Direct and reported speech, one row per statement, conforming to STATEMENTS.

    `lexicon` (an object with `lookup(text, language)` and `actor(actor_id)`) resolves anonymous sources
    and descriptions; by default the actors stage's `load_lexicon()` is used when it can be loaded.
    """
    if documents.is_empty():
        return empty(STATEMENTS)
    table = load_speech_verbs()
    if lexicon is None:
        lexicon = _default_lexicon()
    actor_rows = {r["actor_id"]: r for r in actors.iter_rows(named=True)} if not actors.is_empty() else {}
    sent_by_doc: dict[str, list[int]] = {}
    if not sentences.is_empty():
        srt = sentences.select(["article_id", "sentence_index", "char_start"]).sort(["article_id", "sentence_index"])
        for aid, start in zip(srt["article_id"].to_list(), srt["char_start"].to_list(), strict=True):
            sent_by_doc.setdefault(aid, []).append(start)
    ment_by_doc: dict[str, list[tuple[int, int, str, str, str]]] = {}
    if not mentions.is_empty():
        cols = mentions.select(["article_id", "char_start", "char_end", "actor_id", "mention_kind", "surface_text"])
        for r in cols.sort(["article_id", "char_start"]).iter_rows():
            if r[3] is None:
                continue
            ment_by_doc.setdefault(r[0], []).append((r[1], r[2], r[3], r[4] or "", r[5] or ""))
    rows: list[dict] = []
    for art in documents.select(["article_id", "body_text", "language"]).iter_rows(named=True):
        text = art["body_text"] or ""
        if not text.strip():
            continue
        starts = sent_by_doc.get(art["article_id"])
        if starts:
            sub = _sub_bounds(text, starts, full=False)
        else:
            starts = _fallback_sentence_starts(text)
            sub = starts
        view = quote_view(text)  # same length as text; `''` quote marks read as `"`
        doc = _Doc(art["article_id"], view, art["language"] or "en", starts, sub,
                   find_quotes(view), ment_by_doc.get(art["article_id"], []), actor_rows, lexicon)
        for st in _extract_doc(doc, table):
            st_text = text[st.start:st.end]
            lang = "ar" if _HAS_AR.search(st_text, 0, 200) else (
                "en" if _HAS_LATIN.search(st_text, 0, 200) else doc.language)
            rows.append({
                "statement_id": stable_id(art["article_id"], "statement", st.start, st.end),
                "article_id": art["article_id"],
                "speaker_actor_id": st.speaker_actor_id,
                "speaker_text": _orig_slice(text, view, st.speaker_text, st.speaker_start, st.speaker_end),
                "speaker_char_start": st.speaker_start,
                "speaker_char_end": st.speaker_end,
                "speech_verb": _RX_WS.sub(" ", st.cue) if st.cue else None,
                "speech_verb_lemma": st.lemma,
                "cue_type": table.cue_types.get((lang_cue(st.cue), st.lemma), "speech") if st.lemma else "speech",
                "statement_text": st_text,
                "is_direct_quote": st.direct,
                "language": lang,
                "char_start": st.start,
                "char_end": st.end,
                "sentence_index": doc.sentence_of(st.start),
            })
    if not rows:
        return empty(STATEMENTS)
    df = pl.DataFrame(rows, schema=STATEMENTS)
    return conform(df.unique("statement_id", keep="first", maintain_order=True), STATEMENTS)


def lang_cue(cue: str | None) -> str:
    return "ar" if cue and _HAS_AR.search(cue) else "en"


def _orig_slice(text: str, view: str, s: str | None, a: int | None, b: int | None) -> str | None:
    """`s` as written in the original text when it is the view's slice [a, b) (quote marks restored)."""
    if s is None or text is view or a is None or b is None or view[a:b] != s:
        return s
    return text[a:b]


def _fallback_sentence_starts(text: str) -> list[int]:
    return _sub_bounds(text, [0])


@lru_cache(maxsize=1)
def _default_lexicon():
    try:
        from transforms.actors import load_lexicon

        return load_lexicon()
    except Exception:
        return None
