"""Arabic helpers for actor matching: tokens with offsets, clitic stripping and matching keys.

Stored text is never changed; these functions give *matching keys* and the offsets of the part of a
token that belongs to a name (a conjunction or preposition glued to the front is not part of the name).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

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


def has_article(key: str) -> bool:
    """True when a normalised word starts with the article that `strip_article` removes (`الجزائر`)."""
    return key.startswith("ال") and len(key) > 3


def strip_article(key: str) -> str:
    """`الجزائر` -> `جزائر` (on a normalised key); keeps very short words whole."""
    if has_article(key):
        return key[2:]
    return key


def phrase_definite(text: str) -> bool:
    """True when the first word of a name carries the article (`الكاميرون`, `الأمم المتحدة`, also `ألمانيا`
    once normalised). Keys drop it (`كاميرون`), so the key alone cannot tell the country from the bare word, which
    can be another name or word (`كاميرون` is Cameron, `هند` Hind, `أسد` a lion): see `candidates`."""
    for t, _, _ in tokenize(text.replace("_", " ")):
        if t.strip():
            return has_article(norm(t))
    return False


@lru_cache(maxsize=262144)
def candidates(token: str) -> tuple[tuple[str, int, bool], ...]:
    """Possible matching keys of a token with proclitics removed, with how many characters of the
    *surface* token precede the name part, and whether the name part carries the article
    (so `والمغرب` -> (('والمغرب',0,False), ('مغرب',1,True), ...)).

    The name part keeps its article: for `والمغرب` the name starts after `و`, at `المغرب`.
    Keys are article-less (`مغرب`), which is how the dictionary stores them; the flag says whether the
    article was there (`الكاميرون`, `بالكاميرون`, `للكاميرون`: yes; `كاميرون`, `لكاميرون`: no), for entries
    only ever written with it. Cached: news vocabularies repeat, so each distinct token is analysed once.
    """
    key = norm(token)
    out: list[tuple[str, int, bool]] = [(strip_article(key), 0, has_article(key))]
    if key[:1] in _CLITIC_FIRST:
        for p in _PROCLITICS:
            if key.startswith(p) and len(key) - len(p) >= 2:
                if token[:len(p)] != key[:len(p)]:
                    continue  # diacritics inside the clitic: do not guess offsets
                rest = key[len(p):]
                if p.endswith("ال"):
                    out.append((rest, len(p) - 2, True))  # the name part starts at the article
                elif p.endswith("لل"):
                    out.append((rest, len(p), True))  # `للجزائر` (ل + ال, alef dropped): the name part is `جزائر`
                else:
                    out.append((strip_article(rest), len(p), has_article(rest)))
    # the article before a word whose own first letters normalise like it (`الألماني` = ال + ألماني, keyed
    # `ماني` like `ألماني`): the name part still starts at the article
    out += [(strip_article(k), s, True) for k, s, d in out if d and has_article(k)]
    seen = set()
    res = []
    for k, s, d in out:
        if k not in seen and len(k) >= 2:
            seen.add(k)
            res.append((k, s, d))
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
# cross-script name keys: consonant skeletons both scripts can compute, checked with the long vowels Arabic
# writes (and their quality: و is o/u, ي is i/e, ا is a/e) and the short vowels Latin adds where Arabic writes none

_SKEL_LATIN = (("tch", "S"), ("kh", "k"), ("gh", "k"), ("ch", "S"), ("sh", "S"), ("th", "t"), ("dh", "d"),
               ("dj", "j"), ("ph", "f"), ("q", "k"), ("c", "k"), ("g", "k"), ("x", "ks"))
_SKEL_AR = {"ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r", "ز": "z", "س": "s",
            "ش": "S", "ص": "s", "ض": "d", "ط": "t", "ظ": "d", "غ": "k", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m",
            "ن": "n", "ه": "h", "پ": "b", "چ": "S", "ڤ": "f", "گ": "k", "ک": "k",
            "ا": "A", "و": "U", "ي": "I", "ى": "Y"}
_SKEL_REPEAT = re.compile(r"([bdfhjklmnprstvzS])\1+")
_LAT_VOWELS = re.compile(r"[aeiouyw]+")


def _vowel_class(run: str) -> str:
    """`U` o/u/w, `I` i/y, `E` e, `A` a; lower case for a run of two letters or more (`ou`, `ee`, `ai`), which
    writes a long vowel: it must stand where the Arabic writes one (`Mahmoud` is not `محمد`)."""
    if "o" in run or "u" in run or "w" in run:
        c = "U"
    elif "i" in run or "y" in run:
        c = "I"
    else:
        c = "E" if set(run) == {"e"} else "A"
    return c.lower() if len(run) >= 2 else c


def latin_vowel_skeleton(name: str) -> str:
    """A Latin-script name as consonants and one class letter per vowel run (`U` o/u/w, `I` i/y, `E` e, `A`
    a): digraphs folded (`kh`, `ch`/`sh` -> S, `dj`), q/g/c -> k, doubled letters collapsed.
    `Abdelaziz Bouteflika` -> `AbdElAzIzbUtEflIkA`."""
    import unicodedata

    s = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z]", "", s)
    for a, b in _SKEL_LATIN:
        s = s.replace(a, b)
    s = _LAT_VOWELS.sub(lambda m: _vowel_class(m.group()), s)
    return _SKEL_REPEAT.sub(r"\1", s)


def latin_skeleton(name: str) -> str:
    """Consonants only (`bdlzbtflk`): the index key; `arabic_name_matches` checks the vowels."""
    return _SKEL_REPEAT.sub(r"\1", re.sub(r"[AEIUaeiu]", "", latin_vowel_skeleton(name)))


@lru_cache(maxsize=65536)
def arabic_vowel_skeletons(name: str, limit: int = 16) -> tuple[str, ...]:
    """An Arabic-script name as consonants and the long vowels it writes (`A` ا, `U` و, `I` ي, `Y` final ى); ع,
    hamza and a word-final taa marbuta dropped; the article of a word both kept and dropped (Latin spellings
    write `Abdelaziz` for `عبد العزيز` but `Cherkaoui` for `الشرقاوي`)."""
    outs = [""]
    for w in norm(name).split():
        if not is_arabic_word(w):
            return ()
        if w.endswith("ه") and len(w) > 2:
            w = w[:-1]  # taa marbuta (folded to ه by the normaliser)
        w = w.replace("تش", "چ")
        if w.startswith("ال") and len(w) > 3:
            base = "".join(_SKEL_AR.get(c, "") for c in w[2:])
            forms = ["Al" + base, base]
        else:
            forms = ["".join(_SKEL_AR.get(c, "") for c in w)]
        outs = [o + f for o in outs for f in forms][:limit]
    return tuple(dict.fromkeys(_SKEL_REPEAT.sub(r"\1", o) for o in outs))


@lru_cache(maxsize=65536)
def arabic_skeletons(name: str) -> frozenset[str]:
    """Consonant-only skeletons of an Arabic name (the index keys matching `latin_skeleton`)."""
    return frozenset(_SKEL_REPEAT.sub(r"\1", re.sub(r"[AUIY]", "", v)) for v in arabic_vowel_skeletons(name))


_LONG = {"A": "AE", "U": "U", "I": "IE", "Y": "AIE"}


@lru_cache(maxsize=4096)
def _vowel_pattern(vskel: str) -> re.Pattern:
    # a run of long vowels needs a Latin vowel of a matching quality; between consonants Latin may add a short
    # vowel; after a final consonant only a/e (taa marbuta, French silent e), not i/o/u (Arabic writes those)
    out, i = ["[AEIU]?"], 0
    while i < len(vskel):
        c = vskel[i]
        if c in _LONG:
            allowed = set()
            while i < len(vskel) and vskel[i] in _LONG:
                allowed |= set(_LONG[vskel[i]])
                i += 1
            out[-1] = "[" + "".join(sorted(allowed)) + "".join(sorted(allowed)).lower() + "]"
            continue
        out.append(re.escape(c))
        out.append("[AEIU]?")
        i += 1
    if out[-1] == "[AEIU]?":
        out[-1] = "[AE]?"
    return re.compile("".join(out))


def arabic_name_matches(arabic_name: str, latin_name: str) -> bool:
    """True when a Latin spelling can be a transliteration of an Arabic name: same consonants in the same
    order (ش is sh/ch, not s), and a vowel of the right quality wherever the Arabic writes a long one
    (`عبد الحميد عبداوي` ~ `Abdelhamid Abdaoui`, not `Abdelhamid Abad`; `محمود` is not `Mohammad`)."""
    lat = latin_vowel_skeleton(latin_name)
    return any(_vowel_pattern(v).fullmatch(lat) for v in arabic_vowel_skeletons(arabic_name))


CURATED_GIVEN_NAMES_CSV = Path(__file__).resolve().parents[1] / "data" / "reference" / "actors_first_names_ar_curated.csv"


@lru_cache(maxsize=4)
def curated_given_names(gender: str) -> frozenset[str]:
    """Normalised given names of the curated Arabic list with this gender (`m`: `محمد`; `f`: `ليلى`, `سارة`); a
    name given to both (`نور`, gender `u`) is in neither."""
    if not CURATED_GIVEN_NAMES_CSV.exists():
        return frozenset()
    with open(CURATED_GIVEN_NAMES_CSV, encoding="utf-8", newline="") as f:
        return frozenset(norm(r["name"].strip()) for r in csv.DictReader(f) if r.get("name") and r.get("gender") == gender)
