"""Arabic helpers for actor matching: tokens with offsets, clitic stripping and matching keys.

Stored text is never changed; these functions give *matching keys* and the offsets of the part of a
token that belongs to a name (a conjunction or preposition glued to the front is not part of the name).
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.common import normalize_arabic

# An Arabic word (letters, diacritics, tatweel), a Latin/digit word, or one other non-space character.
_TOKEN = re.compile(
    r"[\u0621-\u063a\u0641-\u064a\u064b-\u065f\u0670\u0671-\u06d3\u0640]+"
    r"|[A-Za-z0-9\u00c0-\u024f]+(?:[+'\-][A-Za-z0-9]+)*"
    r"|[0-9\u0660-\u0669]+(?:\+[0-9\u0660-\u0669]+)*"
    r"|\S"
)
_IS_ARABIC_WORD = re.compile(r"^[\u0621-\u064a\u064b-\u065f\u0670\u0671-\u06d3\u0640]+$")

# Proclitics glued to a word: conjunctions (و ف), prepositions (ب ل ك), in combinations, before an
# optional article (ال). "لل" is ل + ال with the alef dropped.
_PROCLITICS = ("وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "وك", "فب", "فل",
               "و", "ف", "ب", "ل", "ك")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) code-point spans."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=262144)
def is_arabic_word(token: str) -> bool:
    return bool(_IS_ARABIC_WORD.match(token))


@lru_cache(maxsize=262144)
def norm(token: str) -> str:
    """Matching key of one token: diacritics out, alef/yaa/taa-marbuta folded (see normalize_arabic)."""
    return normalize_arabic(token)


def strip_article(key: str) -> str:
    """`الجزائر` -> `جزائر` (on a normalised key); keeps very short words whole."""
    if key.startswith("ال") and len(key) > 3:
        return key[2:]
    return key


@lru_cache(maxsize=262144)
def candidates(token: str) -> tuple[tuple[str, int], ...]:
    """Possible matching keys of a token with proclitics removed, with how many characters of the
    *surface* token precede the name part (so `والمغرب` -> (('والمغرب',0), ('مغرب',1), ...)).

    The name part keeps its article: for `والمغرب` the name starts after `و`, at `المغرب`.
    Keys are article-less (`مغرب`), which is how the dictionary stores them. Cached: news vocabularies
    repeat, so each distinct token is analysed once.
    """
    key = norm(token)
    out: list[tuple[str, int]] = [(strip_article(key), 0)]
    if key[:1] in _CLITIC_FIRST:
        for p in _PROCLITICS:
            if key.startswith(p) and len(key) - len(p) >= 2:
                if token[:len(p)] != key[:len(p)]:
                    continue  # diacritics inside the clitic: do not guess offsets
                rest = key[len(p):]
                if p.endswith("ال"):
                    out.append((rest, len(p) - 2))  # the name part starts at the article
                elif p.endswith("لل"):
                    out.append((rest, len(p)))  # `للجزائر` (ل + ال, alef dropped): the name part is `جزائر`
                else:
                    out.append((strip_article(rest), len(p)))
    seen = set()
    res = []
    for k, s in out:
        if k not in seen and len(k) >= 2:
            seen.add(k)
            res.append((k, s))
    return tuple(res)


_CLITIC_FIRST = {p[0] for p in _PROCLITICS}


@lru_cache(maxsize=262144)
def inner_key(token: str) -> str:
    """Key of a non-first word of a multi-word name: normalised, article-less (no clitic stripping)."""
    return strip_article(norm(token))


def phrase_key(text: str) -> tuple[str, ...]:
    """Dictionary side: the key of a multi-word Arabic name, each word normalised and article-less.

    `الولايات المتحدة` -> ('ولايات', 'متحده'); `جبهة البوليساريو` -> ('جبهه', 'بوليساريو').
    """
    toks = [t for t, _, _ in tokenize(text.replace("_", " "))]
    return tuple(strip_article(norm(t)) for t in toks if t.strip())


_ANY_ARABIC = re.compile("[\u0621-\u064a]")
_ANY_LATIN = re.compile("[A-Za-z]")


def arabic_share_quick(text: str) -> bool:
    """True when the text has Arabic letters and more of them than Latin ones (cheap check)."""
    a = len(_ANY_ARABIC.findall(text))
    return a > 0 and a >= len(_ANY_LATIN.findall(text))
