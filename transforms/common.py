"""Small shared helpers: stable ids and text normalisation used by every stage."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_ID_LEN = 16


def stable_id(*parts: object) -> str:
    """A short, stable hex id from content parts (never from row numbers or run times)."""
    h = hashlib.sha256()
    for p in parts:
        h.update(b"\x1f")
        h.update(("" if p is None else str(p)).encode("utf-8"))
    return h.hexdigest()[:_ID_LEN]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# Arabic normalisation for matching (never for stored text): diacritics and tatweel out,
# alef variants to bare alef, alef maqsura to yaa, taa marbuta to haa.
_AR_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_AR_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def normalize_arabic(text: str) -> str:
    """Matching key for Arabic text; offsets are NOT preserved (diacritics are removed)."""
    return _AR_DIACRITICS.sub("", text).translate(_AR_MAP)


_ARABIC_CHAR = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def arabic_share(text: str) -> float:
    """Share of letters that are Arabic script (0..1)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if _ARABIC_CHAR.match(c)) / len(letters)
