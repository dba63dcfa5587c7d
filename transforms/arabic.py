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


# ----------------------------------------------------------------------------------------------------------
# cross-script name keys: consonant skeletons both scripts can compute, with the long vowels Arabic writes

_SKEL_LATIN = (("kh", "k"), ("gh", "k"), ("ch", "s"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("dj", "j"), ("ph", "f"),
               ("q", "k"), ("c", "k"), ("g", "k"), ("x", "ks"))
_SKEL_AR = {"ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r", "ز": "z", "س": "s",
            "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "d", "غ": "k", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m",
            "ن": "n", "ه": "h", "پ": "b", "چ": "s", "ڤ": "f", "گ": "k", "ک": "k",
            "ا": "V", "و": "V", "ي": "V", "ى": "V"}
_SKEL_REPEAT = re.compile(r"(.)\1+")


def latin_vowel_skeleton(name: str) -> str:
    """A Latin-script name as consonants and `V` (a run of vowels, w and y included): digraphs folded (`kh`,
    `ch`/`sh`, `dj`), q/g/c -> k, doubled letters collapsed. `Abdelaziz Bouteflika` -> `VbdVlVzVzbVtVflVkV`."""
    import unicodedata

    s = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z]", "", s)
    for a, b in _SKEL_LATIN:
        s = s.replace(a, b)
    s = re.sub(r"[aeiouyw]+", "V", s)
    return _SKEL_REPEAT.sub(r"\1", s)


def latin_skeleton(name: str) -> str:
    """Consonants only (`bdlzbtflk`): the index key; `arabic_name_matches` checks the vowels."""
    return _SKEL_REPEAT.sub(r"\1", latin_vowel_skeleton(name).replace("V", ""))


def arabic_vowel_skeletons(name: str, limit: int = 16) -> tuple[str, ...]:
    """An Arabic-script name as consonants and `V` for the long vowels it writes (ا و ي ى); ع, hamza and a
    word-final taa marbuta dropped; the article of a word both kept and dropped (Latin spellings write
    `Abdelaziz` for `عبد العزيز` but `Cherkaoui` for `الشرقاوي`)."""
    outs = [""]
    for w in norm(name).split():
        if not is_arabic_word(w):
            return ()
        if w.endswith("ه") and len(w) > 2:
            w = w[:-1]  # taa marbuta (folded to ه by the normaliser)
        if w.startswith("ال") and len(w) > 3:
            base = "".join(_SKEL_AR.get(c, "") for c in w[2:])
            forms = ["Vl" + base, base]
        else:
            forms = ["".join(_SKEL_AR.get(c, "") for c in w)]
        outs = [o + f for o in outs for f in forms][:limit]
    return tuple(dict.fromkeys(_SKEL_REPEAT.sub(r"\1", o) for o in outs))


def arabic_skeletons(name: str) -> frozenset[str]:
    """Consonant-only skeletons of an Arabic name (the index keys matching `latin_skeleton`)."""
    return frozenset(_SKEL_REPEAT.sub(r"\1", v.replace("V", "")) for v in arabic_vowel_skeletons(name))


@lru_cache(maxsize=4096)
def _vowel_pattern(vskel: str) -> re.Pattern:
    # a long vowel written in Arabic needs a vowel in the Latin spelling; elsewhere a short vowel may be there
    out = ["V?"]
    for c in vskel:
        if c == "V":
            out[-1] = "V"
            continue
        out.append(re.escape(c))
        out.append("V?")
    return re.compile("".join(out))


def arabic_name_matches(arabic_name: str, latin_name: str) -> bool:
    """True when a Latin spelling can be a transliteration of an Arabic name: same consonants in the same
    order, and a vowel wherever the Arabic writes a long one (`عبد الحميد عبداوي` ~ `Abdelhamid Abdaoui`, not
    `Abdelhamid Abad`; `حبوب الشرقاوي` ~ `Haboub Cherkaoui`)."""
    lat = latin_vowel_skeleton(latin_name)
    return any(_vowel_pattern(v).fullmatch(lat) for v in arabic_vowel_skeletons(arabic_name))
