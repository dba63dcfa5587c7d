"""Arabic helpers for actor matching: tokens with offsets, clitic stripping and matching keys.

Stored text is never changed; these functions give *matching keys* and the offsets of the part of a
token that belongs to a name (a conjunction or preposition glued to the front is not part of the name).
"""

from __future__ import annotations

import re

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


def is_arabic_word(token: str) -> bool:
    return bool(_IS_ARABIC_WORD.match(token))


def norm(token: str) -> str:
    """Matching key of one token: diacritics out, alef/yaa/taa-marbuta folded (see normalize_arabic)."""
    return normalize_arabic(token)


def strip_article(key: str) -> str:
    """`الجزائر` -> `جزائر` (on a normalised key); keeps very short words whole."""
    if key.startswith("ال") and len(key) > 3:
        return key[2:]
    return key


def candidates(token: str) -> list[tuple[str, int]]:
    """Possible matching keys of a token with proclitics removed, with how many characters of the
    *surface* token precede the name part (so `والمغرب` -> [('والمغرب',0), ('مغرب',1), ...]).

    The name part keeps its article: for `والمغرب` the name starts after `و`, at `المغرب`.
    Keys are article-less (`مغرب`), which is how the dictionary stores them.
    """
    key = norm(token)
    out: list[tuple[str, int]] = [(strip_article(key), 0)]
    # Surface prefix length: diacritics are rare inside proclitics, so the normalised key and the
    # surface agree on the first characters for almost every token; we verify below.
    for p in _PROCLITICS:
        if key.startswith(p) and len(key) - len(p) >= 2:
            rest = key[len(p):]
            has_article = p.endswith("ال") or p.endswith("لل")
            if p.endswith("ال"):
                skip = len(p) - 2  # name part starts at the article
            elif p.endswith("لل"):
                skip = len(p)  # `للجزائر` (ل + ال, alef dropped): the name part is `جزائر`
            else:
                skip = len(p)
            stem = rest if has_article else strip_article(rest)
            if token[:len(p)] != key[:len(p)]:
                continue  # diacritics inside the clitic: do not guess offsets
            out.append((stem, skip))
    # de-duplicate, keep order
    seen = set()
    res = []
    for k, s in out:
        if k not in seen and len(k) >= 2:
            seen.add(k)
            res.append((k, s))
    return res


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
