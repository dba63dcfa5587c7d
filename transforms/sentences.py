"""Sentences: raw.documents -> raw.sentences with code-point offsets into body_text.

Rules (English and Arabic):
- A sentence ends after `.`, `!`, `?`, `؟`, `…` / `...` (plus any closing quotes or brackets right after
  them) when whitespace or the end of the text follows; the Arabic comma `،` and `;` never end one.
- A newline always ends a sentence (paragraph breaks, headings, list items).
- Glued sentences (`Algeria.In his`, `region.”Referring`) split when a lowercase/Arabic letter or a
  closing quote precedes the stop and an uppercase/Arabic letter or opening quote follows it directly.
- No split after abbreviations (`Mr.`, `Dr.`, `Gen.`, `Jan.`, `U.S.`, `e.g.`), single-letter initials
  (`J. Smith`, Arabic `د. أحمد`), inside numbers (`3.5`), or before a lowercase word.
- Inside an open quotation (“…”, «…», "…") a sentence end does not split until the quote closes. An
  unclosed quote stops counting at the next newline or after 1,500 characters.
- A "sentence" longer than MAX_SENTENCE_CHARS (e.g. a 2 MB paragraph with no punctuation) is cut at the
  last whitespace before the limit so downstream stages never see a runaway span.
Every row satisfies `text == body_text[char_start:char_end]`, with no surrounding whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from transforms.schemas import SENTENCES, empty

MAX_SENTENCE_CHARS = 5000
_QUOTE_SPAN_LIMIT = 1500

ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof sr jr st gen lt col maj capt cpt sgt cmdr adm brig gov sen rep pres amb hon rev
    fr msgr supt insp det cpl pvt gens sens reps messrs mmes mme mlle
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd plc llc bros dept univ assn est approx appt apt no nos vol vols fig figs p pp ed eds
    vs v etc al cf ca e.g i.e viz ft mt pt ave blvd rd hwy sq km kg cm mm mln bln dlrs pct
    u.s u.k u.n e.u u.a.e u.s.a d.c a.m p.m
    """.split()
)
# After these the next capitalised word often starts a new sentence ('in the U.S. The ...').
_SENTENCE_STARTERS = frozenset(
    "The A An He She It They We I But And In On At This That These Those There His Her Its Their "
    "However Meanwhile Also Yet So Still After Before When While If As For".split()
)

_CAND = re.compile(r"(?:\.{2,}|…|[.!?؟]+)[”\"’'»)\]]*|\n")
_QUOTE = re.compile("[“”«»\"]")
_WORD_BEFORE = re.compile(r"([\w.’'-]+)$")
_OPENERS = "“«\"‘('["
_CLOSERS = "”\"’'»)]"


def _is_upper_start(c: str) -> bool:
    return c.isupper() or ("\u0600" <= c <= "\u06ff" and c.isalpha()) or c in "“«\"‘"


def _boundaries(text: str) -> Iterator[int]:
    """End offsets (exclusive) of sentence-ending punctuation runs, in order."""
    quotes = [(m.start(), m.group(0)) for m in _QUOTE.finditer(text)]
    qi = 0
    open_at = -1  # offset of the opening quote currently open, -1 when none
    open_char = ""
    n = len(text)
    for m in _CAND.finditer(text):
        s, e = m.start(), m.end()
        # advance quote state up to e (closing quotes inside the match count)
        while qi < len(quotes) and quotes[qi][0] < e:
            pos, q = quotes[qi]
            qi += 1
            if open_at >= 0:
                if (open_char == "“" and q == "”") or (open_char == "«" and q == "»") or (
                    open_char == '"' and q == '"'
                ):
                    open_at = -1
            elif q in "“«\"":
                open_at, open_char = pos, q
        if m.group(0) == "\n":
            open_at = -1
            yield s
            continue
        if open_at >= 0 and e - open_at <= _QUOTE_SPAN_LIMIT:
            continue  # inside an open quotation
        if open_at >= 0:
            open_at = -1  # unclosed for too long: stop honouring it
        if e >= n:
            yield e
            continue
        punct = m.group(0).rstrip(_CLOSERS)
        has_closer = len(punct) < len(m.group(0))
        nxt = text[e]
        before = text[s - 1] if s > 0 else ""
        if nxt.isspace():
            # first non-space character after the gap
            j = e
            while j < n and text[j] in " \t":
                j += 1
            if j >= n or text[j] == "\n":
                yield e
                continue
            c2 = text[j]
            if punct == "." and not has_closer:
                wm = _WORD_BEFORE.search(text, max(0, s - 40), s)
                word = wm.group(1) if wm else ""
                low = word.lower().strip("’'-")
                initial = len(word) == 1 and (word.isupper() or "\u0600" <= word <= "\u06ff")  # J. / د.
                if low in ABBREVIATIONS or low.rsplit("-", 1)[-1] in ABBREVIATIONS or initial:  # "then-Sen."
                    nxt_word = text[j : j + 20].split(" ", 1)[0]
                    if not ("." in low and nxt_word in _SENTENCE_STARTERS):
                        continue
                if "." in word.strip(".") and all(len(p) <= 2 for p in word.strip(".").split(".")):
                    # dotted acronym not in the list (e.g. 'A.B.C.')
                    nxt_word = text[j : j + 20].split(" ", 1)[0]
                    if nxt_word not in _SENTENCE_STARTERS:
                        continue
            if c2.isalpha() and c2.islower() and punct in (".", "..."):
                continue
            if c2.isdigit() and punct == "." and before.isdigit():
                continue
            yield e
            continue
        # glued: no whitespace after the stop
        if nxt.isdigit():
            continue
        if not _is_upper_start(nxt):
            continue
        if has_closer or (before.isalpha() and (before.islower() or "\u0600" <= before <= "\u06ff")):
            # 'Algeria.In' but not 'U.S.A' / 'J.R.R.'
            bb = text[s - 2] if s > 1 else ""
            if not has_closer and not (bb.isalpha() or "\u0600" <= bb <= "\u06ff"):
                continue
            yield e


def sentence_spans(text: str, max_chars: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """(start, end) code-point spans of the sentences of text, stripped of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    if not text:
        return spans
    prev = 0
    cuts = list(_boundaries(text))
    cuts.append(len(text))
    for cut in cuts:
        if cut <= prev:
            continue
        a, b = prev, cut
        prev = cut
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a >= b:
            continue
        while b - a > max_chars:
            k = a + max_chars
            ws = max(text.rfind(" ", a + 1, k), text.rfind("\n", a + 1, k))
            k = ws if ws > a else k
            e2 = k
            while e2 > a and text[e2 - 1].isspace():
                e2 -= 1
            if e2 > a:
                spans.append((a, e2))
            a = k
            while a < b and text[a].isspace():
                a += 1
        if a < b:
            spans.append((a, b))
    return spans


def split_sentences(documents: pl.DataFrame) -> pl.DataFrame:
    """raw.documents -> raw.sentences (SENTENCES contract)."""
    if documents is None or documents.height == 0:
        return empty(SENTENCES)
    ids: list[str] = []
    idx: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    for aid, body in documents.select("article_id", "body_text").iter_rows():
        if not body:
            continue
        for k, (a, b) in enumerate(sentence_spans(body)):
            ids.append(aid)
            idx.append(k)
            starts.append(a)
            ends.append(b)
            texts.append(body[a:b])
    if not ids:
        return empty(SENTENCES)
    return pl.DataFrame(
        {"article_id": ids, "sentence_index": idx, "char_start": starts, "char_end": ends, "text": texts},
        schema=SENTENCES,
    )
