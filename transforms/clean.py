"""Clean: raw.articles -> raw.documents (body without furniture, metadata, language).

What happens to each article, in order:
1. Text hygiene: HTML entities decoded, control/zero-width characters dropped, tabs, no-break spaces and
   runs of spaces become one space, lines stripped. Hard-wrapped newswire text (Reuters style: ~70-character lines, indented
   paragraph starts) is unwrapped into paragraphs.
2. Outlet: the record's own field (JSON `source`/`outlet`, HTML og:site_name), else a known outlet named in
   the page header or the title's " | suffix" (data/reference/furniture_outlets.csv). Never invented.
3. Furniture out, line by line, from data/reference/furniture_{common,en,ar}.csv (menus, share counters,
   comment forms, read-also links, photo captions and the caption line above them, reading time, credits).
   All languages' rules apply to every article (they are specific phrases; the page language is unknown
   until the body is clean). Inline "Read Also: <headline>" glued into a paragraph is cut out too.
4. Header: the title (record title, else the first headline-like line; a " | Site" suffix is cut), the
   byline ("Name / English version: Translator" -> author, translator) and a standalone date line are read
   from the top lines and removed from the body; later lines repeating the title are removed.
5. Dateline ("Rabat –", "Algiers, Rabat-", "الرباط -", Arabic credit lines "author- agency- city:") at
   the start of the first body paragraph goes to `dateline` (the place only; an author named in an
   Arabic credit line goes to `author`) and is REMOVED from body_text, so the first sentence starts with
   its subject. Known places and agencies: data/reference/furniture_datelines.csv; an unknown multi-word
   name before a dash needs a comma list, capitals or an agency to count as a dateline.
   Seed 002 has no headline line: its title is null (we do not invent one from the first sentence).
6. Repeated paragraphs are dropped (exact repeats keep the first copy; a long run-together paragraph
   whose content reappears later as separate paragraphs is dropped in favour of the cleaner later copy).
7. body_text = paragraphs joined by a blank line. Language of the BODY: Arabic-script share, then py3langid
   on a prefix. published_date from record metadata (fast explicit formats in Polars first, dateparser only
   for what is left, languages restricted), else a date line in the header. word_count in Polars.
"""

from __future__ import annotations

import csv
import html
import itertools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import polars as pl

from transforms.schemas import DOCUMENTS, RAW_ARTICLES, conform, empty

REFERENCE_DIR = Path(__file__).resolve().parents[1] / "data" / "reference"
FURNITURE_FILES = ("furniture_common.csv", "furniture_en.csv", "furniture_ar.csv")
# Furniture lines are short: longer lines (paragraphs) are never tested against the line patterns.
MAX_FURNITURE_LINE = 400

# --------------------------------------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Furniture:
    lines: frozenset[str]  # casefolded exact lines
    line_re: re.Pattern | None  # full-line patterns
    caption_re: re.Pattern | None  # captions: the short line above goes too
    inline_re: re.Pattern | None  # removed anywhere inside a line
    outlets: tuple[tuple[str, str], ...]  # (casefolded pattern, outlet name)
    max_line_len: int = 0  # longest exact line (longer lines skip the set lookup)
    places: frozenset[str] = frozenset()  # dateline places (casefolded), furniture_datelines.csv
    agencies: frozenset[str] = frozenset()  # news agencies named in datelines / credit lines


def _combine(patterns: list[str]) -> re.Pattern | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@lru_cache(maxsize=4)
def load_furniture(reference_dir: Path = REFERENCE_DIR) -> Furniture:
    lines: set[str] = set()
    line_pats: list[str] = []
    cap_pats: list[str] = []
    inline_pats: list[str] = []
    for name in FURNITURE_FILES:
        path = reference_dir / name
        if not path.exists():
            continue
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                kind, pat = (row.get("kind") or "").strip(), row.get("pattern") or ""
                if not pat:
                    continue
                if kind == "line":
                    lines.add(unicodedata.normalize("NFC", pat.strip()).casefold())
                elif kind == "line_regex":
                    line_pats.append(pat)
                elif kind == "caption_regex":
                    cap_pats.append(pat)
                elif kind == "inline_regex":
                    inline_pats.append(pat)
                else:
                    raise ValueError(f"{path}: unknown furniture kind {kind!r}")
    outlets: list[tuple[str, str]] = []
    opath = reference_dir / "furniture_outlets.csv"
    if opath.exists():
        with open(opath, encoding="utf-8", newline="") as fh:
            outlets = [(r["pattern"].strip().casefold(), r["outlet"].strip()) for r in csv.DictReader(fh)]
    places: set[str] = set()
    agencies: set[str] = set()
    dpath = reference_dir / "furniture_datelines.csv"
    if dpath.exists():
        with open(dpath, encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                (places if r["kind"] == "place" else agencies).add(r["name"].strip().casefold())
    inline = re.compile("|".join(f"(?:{p})" for p in inline_pats)) if inline_pats else None
    return Furniture(
        frozenset(lines),
        _combine(line_pats),
        _combine(cap_pats),
        inline,
        tuple(outlets),
        max((len(x) for x in lines), default=0),
        frozenset(places),
        frozenset(agencies),
    )


# --------------------------------------------------------------------------------------------------------
# Per-article text work
# --------------------------------------------------------------------------------------------------------

_LINE_ENDS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028]")  # vertical tab, form feed, separators, NEL: line ends
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
_SPACES = re.compile("[ \t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TERMINAL = tuple(".!?؟…:\"”’»)")
_BYLINE_TRANSLATED = re.compile(
    r"^(?P<author>[^/\n]{3,80}?)\s*/\s*(?:English version|Translated by|Translation|ترجمة)\s*:?\s*(?P<tr>[^\n]{3,80})$",
    re.IGNORECASE,
)
_BYLINE_BY = re.compile(r"^(?:By|Written by|بقلم|كتب|كتبت)\s*:?\s+(?P<author>[^\n]{3,80})$", re.IGNORECASE)
_MONTHS_EN = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_MONTHS_AR = (
    "يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|نونبر|ديسمبر|"
    "كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول"
)
_DATE_LINE = re.compile(
    r"^(?:(?:Published|Updated|Posted|Last updated|نشر في|نشر|تاريخ النشر|آخر تحديث)\s*:?\s*(?:on\s+)?)?"
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+|(?:الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد)\s*,?\s*)?"
    r"(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4}"
    rf"|\d{{1,2}}\s+(?:{_MONTHS_EN})\.?,?\s+\d{{4}}|(?:{_MONTHS_EN})\.?\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{_MONTHS_AR})\s+\d{{4}})"
    r"(?:\s*(?:[-–|,]|at)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?|GMT|UTC)?)?\s*$",
    re.IGNORECASE,
)
# Dateline: capitalised place names (1-3 words each, comma-separated) before a dash at paragraph start.
_PLACE = r"[A-Z][A-Za-z’'.]+(?: [A-Z][A-Za-z’'.]+){0,2}"
_DATELINE_SPACED = re.compile(
    rf"^(?P<dl>{_PLACE}(?:, ?{_PLACE}){{0,3}}(?: \((?P<agency>[A-Za-z ]+)\))?)\s+[–—-]{{1,2}}\s+(?=[A-Z“\"(])"
)
_DATELINE_GLUED = re.compile(rf"^(?P<dl>{_PLACE}(?:, ?{_PLACE}){{1,3}})\s*[–—-](?=[A-Z])")
_DATELINE_CAPS = re.compile(r"^(?P<dl>[A-Z][A-Z’']{2,}(?: [A-Z][A-Z’']+){0,2}(?:, [A-Za-z .]{2,30})?)\s*[–—-]{1,2}\s+(?=[A-Z“\"])")
# Arabic: "[author- ]agency- city:" credit lines, or "city - " for a known city.
_AR_SEG = r"[\u0621-\u064a][\u0621-\u064a.]*(?: [\u0621-\u064a.]+){0,2}"
_DATELINE_AR_CREDIT = re.compile(rf"^(?P<dl>{_AR_SEG}(?:\s*[-–—]\s*{_AR_SEG}){{0,2}})\s*:\s*(?=\S)")
_DATELINE_AR_PLAIN = re.compile(rf"^(?P<dl>{_AR_SEG})\s*[-–—]\s+(?=\S)")
_DASH_SPLIT = re.compile(r"\s*[-–—]\s*")
_BAR = re.compile(r"\s+\|\s+")


def _key(s: str) -> str:
    """Comparison key: casefolded, all whitespace removed (fast; C-level split/join)."""
    return "".join(s.casefold().split())


def _dkey(s: str) -> str:
    """Cheaper key for paragraph dedupe: whitespace removed (case kept)."""
    return "".join(s.split())


# The same two rules in Rust regex syntax, applied to whole columns in Polars (see clean_articles).
_LINE_ENDS_RS = r"[\x0b\x0c\x1c-\x1e\x{85}\x{2028}]"
_CONTROL_RS = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\x{200b}\x{200e}\x{200f}\x{202a}-\x{202e}\x{2066}-\x{2069}\x{feff}]"
_SPACES_RS = (r"[ \t\xa0\x{1680}\x{2000}-\x{200a}\x{202f}\x{205f}\x{3000}]{2,}"
              r"|[\t\xa0\x{1680}\x{2000}-\x{200a}\x{202f}\x{205f}\x{3000}]")


def _hygiene(text: str, *, pre_cleaned: bool = False) -> str:
    """Entities decoded, control/zero-width characters out, odd spaces to ' ', \\n line ends, NFC."""
    changed = False
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
        changed = True
    if not pre_cleaned or changed:
        text = _LINE_ENDS.sub("\n", text).replace("\x1f", " ")  # before the control characters go
        text = _CONTROL.sub("", text)
        text = _SPACES.sub(" ", text)
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if "\u2029" in text:  # the Unicode paragraph separator
            text = text.replace("\u2029", "\n\n")
    if (changed or not pre_cleaned) and not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def _unwrap(lines: list[str]) -> list[str]:
    """Lines as paragraphs. Hard-wrapped text (many ~70-char lines continuing on the next line) is joined;
    an indented line or a blank line starts a new paragraph."""
    nonempty = [ln for ln in lines if ln.strip()]
    if len(nonempty) >= 4:
        cont = 0
        for a, b in itertools.pairwise(lines):
            if 35 <= len(a.strip()) <= 90 and b.strip() and not b[:1].isspace():
                cont += 1
        wrapped = cont >= 0.5 * (len(nonempty) - 1)
    else:
        wrapped = False
    if not wrapped:
        return [ln.strip() for ln in lines]
    out: list[str] = []
    buf: list[str] = []
    for ln in lines:
        if not ln.strip():
            if buf:
                out.append(" ".join(buf))
                buf = []
            out.append("")
            continue
        if ln[:1].isspace() and buf:
            out.append(" ".join(buf))
            buf = []
        buf.append(ln.strip())
    if buf:
        out.append(" ".join(buf))
    return out


def _strip_title_suffix(title: str) -> str:
    parts = [p.strip() for p in _BAR.split(title) if p.strip()]
    if not parts:
        return title.strip()
    if len(parts[0]) >= 10 or len(parts) == 1:
        return parts[0]
    return max(parts, key=len)


def _headline_like(line: str) -> bool:
    n = len(line.split())
    if not (2 <= n <= 30) or len(line) > 250:
        return False
    if line.endswith((".", ",", ";", "،")) and not line.endswith("..."):
        return False
    first = line[0]
    return not (first.isalpha() and first.islower())


def _find_outlet(lines: list[str], fur: Furniture, *, skip: str | None = None) -> str | None:
    """A known outlet named in a ' | '-separated page header/title suffix, or a line that is just its name.

    Plain substrings of ordinary lines do not count ('الشرق الأوسط' is also 'the Middle East')."""
    for line in lines:
        if " | " in line:
            parts = [p.casefold() for p in _BAR.split(line) if p.strip() and p.strip() != skip]
            for pat, name in fur.outlets:
                if any(pat in p for p in parts):
                    return name
        else:
            low = line.strip().casefold()
            for pat, name in fur.outlets:
                if low == pat:
                    return name
    return None


def _dedupe(paras: list[str]) -> list[str]:
    """Drop repeated paragraphs: exact repeats keep the first copy; a long run-together paragraph whose
    content reappears later as two or more separate paragraphs is dropped (the later copy is cleaner)."""
    n = len(paras)
    if n < 2:
        return paras
    check_run_together = n <= 2000  # the run-together check is quadratic; huge documents skip it
    keep = [True] * n
    seen: set[str] = set()
    for i, p in enumerate(paras):
        if len(p) >= 20:
            if p in seen:
                keep[i] = False
                continue
            seen.add(p)
    lengths = sorted(len(p) for p in paras)
    min_len = max(150, 2 * lengths[len(lengths) // 2])  # a run-together copy is much longer than most
    for i, p in enumerate(paras):
        if not check_run_together or not keep[i] or len(p) < min_len:
            continue
        # cheap pre-check on raw heads before computing whitespace-free keys
        later = [j for j in range(i + 1, n) if keep[j] and len(paras[j]) >= 30 and paras[j][:25] in p]
        if len(later) < 2:
            continue
        k = _dkey(p)
        covered = parts = 0
        for j in later:
            kj = _dkey(paras[j])
            if kj in k:
                covered += len(kj)
                parts += 1
        if parts >= 2 and covered >= 0.8 * len(k):
            keep[i] = False
    return [p for p, k in zip(paras, keep, strict=True) if k]


def _dateline(paragraph: str, fur: Furniture) -> tuple[str | None, str, str | None]:
    """(dateline, paragraph without it, author named in an Arabic credit line) for the first paragraph."""
    head = paragraph[:100]
    if len(paragraph) < 60:
        return None, paragraph, None
    m = _DATELINE_SPACED.match(head)
    if m:
        dl = m.group("dl")
        first = dl.split(",")[0].split(" (")[0].strip()
        if " " not in first or first.casefold() in fur.places or "," in dl or m.group("agency"):
            return dl.strip(), paragraph[m.end() :], None
    for rx in (_DATELINE_GLUED, _DATELINE_CAPS):
        m = rx.match(head)
        if m:
            return m.group("dl").strip(), paragraph[m.end() :], None
    m = _DATELINE_AR_CREDIT.match(head)
    if m:
        segs = [x.strip() for x in _DASH_SPLIT.split(m.group("dl")) if x.strip()]
        places = [x for x in segs if x in fur.places]
        non_agency = [x for x in segs if x not in fur.agencies]
        if len(segs) >= 2 or places:
            # forms: "city - agency", "agency - city", "author - agency", "author - agency - city"
            if places:
                city = places[-1]
            elif len(segs) == 2 and segs[1] in fur.agencies and " " in segs[0]:
                city = None  # "author - agency:" (a one-word first part is read as a city)
            else:
                city = non_agency[-1] if non_agency else None
            rest = [x for x in non_agency if x != city]
            author = rest[0] if rest and segs[0] == rest[0] else None
            return city, paragraph[m.end() :], author
    m = _DATELINE_AR_PLAIN.match(head)
    if m and m.group("dl").strip() in fur.places:
        return m.group("dl").strip(), paragraph[m.end() :], None
    return None, paragraph, None


@dataclass
class CleanResult:
    title: str | None
    outlet: str | None
    author: str | None
    translator: str | None
    dateline: str | None
    body_text: str
    text_date: str | None


def clean_text(
    raw_text: str,
    *,
    meta_title: str | None = None,
    meta_outlet: str | None = None,
    furniture: Furniture | None = None,
    pre_cleaned: bool = False,
) -> CleanResult:
    """Clean one article's text (the per-article part of clean_articles).

    pre_cleaned=True: control characters, odd spaces and line ends were already handled (in Polars)."""
    fur = furniture or load_furniture()
    text = _hygiene(raw_text or "", pre_cleaned=pre_cleaned)
    raw_lines = text.split("\n")
    lines = _unwrap([ln.rstrip() for ln in raw_lines])

    top = [ln for ln in lines[:12] if ln]
    outlet = meta_outlet
    title = _strip_title_suffix(_hygiene(meta_title)) if meta_title and meta_title.strip() else None

    # Furniture, line by line.
    kept: list[str] = []
    drop_next_caption = False
    for ln in lines:
        if not ln:
            kept.append("")
            continue
        low = ln.casefold() if len(ln) <= fur.max_line_len else ""
        if drop_next_caption:
            drop_next_caption = False
            if len(ln) <= 300:
                continue
        short = len(ln) <= MAX_FURNITURE_LINE
        if (low and low in fur.lines) or (short and fur.line_re is not None and fur.line_re.fullmatch(ln)):
            if ln[:8].casefold() == "media id":
                drop_next_caption = True
            continue
        if short and fur.caption_re is not None and fur.caption_re.fullmatch(ln):
            # the caption-title line right above a credit line is part of the caption
            j = len(kept) - 1
            if j >= 0 and kept[j] and len(kept[j]) <= 150 and not kept[j].endswith((".", "!", "?", "؟")):
                kept.pop()
            continue
        if fur.inline_re is not None and ("Read" in ln or "read" in ln):
            ln = _cut_inline(ln, fur.inline_re)
            if not ln:
                continue
        kept.append(ln)

    # Header: title, byline, date line among the first lines.
    author = translator = text_date = None
    paras = [ln for ln in kept if ln]
    i = 0
    header_budget = 6
    while i < len(paras) and header_budget > 0:
        ln = paras[i]
        short = len(ln) <= 200
        m = _BYLINE_TRANSLATED.match(ln) if short else None
        if m and author is None:
            author, translator = m.group("author").strip(), m.group("tr").strip()
            paras.pop(i)
            continue
        m = _BYLINE_BY.match(ln) if short else None
        if m and author is None and len(m.group("author").split()) <= 6:
            author = m.group("author").strip()
            paras.pop(i)
            continue
        m = _DATE_LINE.match(ln) if len(ln) <= 80 else None
        if m and text_date is None:
            text_date = m.group("date")
            paras.pop(i)
            continue
        if title is None and i == 0 and _headline_like(ln) and len(paras) > 1:
            title = _strip_title_suffix(ln)
            if outlet is None and " | " in ln:
                outlet = _find_outlet([ln], fur, skip=title)
            paras.pop(i)
            continue
        if title is not None and len(ln) <= 2 * len(title) + 20 and _key(ln) == _key(title):
            paras.pop(i)
            continue
        header_budget -= 1
        i += 1
    if outlet is None:
        outlet = _find_outlet(([meta_title] if meta_title else []) + [t for t in top if len(t) <= 120], fur, skip=title)

    if title is not None:
        tkey = _key(title)
        if tkey:
            limit = 2 * len(title) + 20
            paras = [p for p in paras if len(p) > limit or _key(p) != tkey]

    paras = _dedupe(paras)

    dateline = None
    if paras:
        dl, rest, credit_author = _dateline(paras[0], fur)
        if dl or rest != paras[0]:
            dateline = dl
            paras[0] = rest
            author = author or credit_author

    body = "\n\n".join(p.strip() for p in paras if p.strip())
    if not body.isascii() and not unicodedata.is_normalized("NFC", body):
        body = unicodedata.normalize("NFC", body).strip()  # cuts can bring a base and a mark together
    return CleanResult(title or None, outlet, author, translator, dateline, body, text_date)


def _cut_inline(line: str, rx: re.Pattern) -> str:
    def repl(m: re.Match) -> str:
        s = m.group(0)
        # keep the sentence that follows glued on (the lookahead is not consumed); keep a space
        start, end = m.start(), m.end()
        before = line[start - 1] if start > 0 else ""
        after = line[end] if end < len(line) else ""
        del s
        return " " if before and after and not before.isspace() and not after.isspace() else ""

    return rx.sub(repl, line).strip()


# --------------------------------------------------------------------------------------------------------
# Language
# --------------------------------------------------------------------------------------------------------



_NOT_NEWS_LANGUAGES = frozenset({"vo", "eo", "la", "sa", "zxx"})


@lru_cache(maxsize=1)
def _langid():
    """py3langid restricted to ISO 639-1 (two-letter) languages, minus constructed/dead ones."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE)
    keep = sorted({c for c in ident.nb_classes if len(c) == 2 and c not in _NOT_NEWS_LANGUAGES})
    ident.set_languages(keep)
    return ident


def _langid_only(sample: str) -> str:
    return _langid().classify(sample)[0]


# English function words (and newswire table words): 15% of the first words being these means English.
_EN_FUNCTION_WORDS = frozenset(
    "the of and to in is that for with was said it by at from he she has have be are this were will not an "
    "its his her which would they their but had been vs mln dlrs cts pct shr shrs revs net loss profit billion "
    "million year qtr mths".split()
)
_TOKEN_STRIP = ".,;:!?\"'()[]“”‘’«»"
_ARABIC_LEAD_BYTES = (b"\xd8", b"\xd9", b"\xda", b"\xdb")  # UTF-8 lead bytes of U+0600..U+06FF


def detect_language(body: str | None, prefix: int = 600) -> str | None:
    """ISO 639-1 language of the body (None when it has almost no letters).

    Arabic-script share of the first characters decides Arabic (byte counting, fast); a body whose first
    words are 15% English function words is English; py3langid decides the rest (on a prefix).
    """
    if not body:
        return None
    sample = body[:prefix]
    compact = "".join(sample.split())
    if len(compact) < 3 or not any(c.isalpha() for c in compact[:200]):
        return None
    enc = compact.encode("utf-8")
    ar = sum(enc.count(b) for b in _ARABIC_LEAD_BYTES)
    if ar >= 0.5 * len(compact):
        return "ar"
    head = sample[:400]
    words = len(head.split())
    if words >= 8:
        tokens = head.lower().split()
        hits = sum(1 for t in tokens if t.strip(_TOKEN_STRIP) in _EN_FUNCTION_WORDS)
    if words >= 8 and hits >= 0.15 * words:
        return "en"
    return _langid_only(head)


def detect_languages(bodies: pl.Series) -> pl.Series:
    """detect_language over a column."""
    return pl.Series("language", [detect_language(b) for b in bodies.to_list()], dtype=pl.String)


# --------------------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------------------

# Fast explicit formats, tried in order (vectorised in Polars). Everything else goes to dateparser.
# The date is read as written (local to the source): a trailing time zone is dropped, not converted,
# so "Sun, 18 Feb 2018 01:35:43 +0400" is 18 February, not 17 February UTC.
_NAIVE_FORMATS = (
    "%a, %d %b %Y %H:%M:%S",
    "%d %b %Y %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%d-%b-%Y %H:%M:%S%.f",
    "%d-%b-%Y %H:%M:%S",
    "%Y-%m-%dT%H:%M",
)
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y", "%d/%m/%Y", "%Y/%m/%d")
_TZ_SUFFIX = r"\s*(?:[+-]\d{2}:?\d{2}|Z|GMT|UTC|[A-Z]{3,4})$"


def _fast_dates(col: pl.Expr) -> pl.Expr:
    s = col.str.strip_chars()
    naive = s.str.replace(_TZ_SUFFIX, "").str.to_titlecase()  # '26-FEB-1987' -> '26-Feb-1987'
    cands = [naive.str.to_datetime(f, strict=False).dt.date() for f in _NAIVE_FORMATS]
    cands += [s.str.to_date(f, strict=False) for f in _DATE_FORMATS]
    # dirty strings: a date at the start followed by junk ('27-MAR-1987 11:43:51.46&#5;&#5;F')
    cands.append(s.str.extract(r"^(\d{4}-\d{2}-\d{2})").str.to_date("%Y-%m-%d", strict=False))
    cands.append(
        s.str.extract(r"^(\d{1,2}-[A-Za-z]{3}-\d{4})").str.to_titlecase().str.to_date("%d-%b-%Y", strict=False)
    )
    return pl.coalesce(cands)


@lru_cache(maxsize=20000)
def _dateparser_one(s: str) -> date | None:
    try:
        import dateparser

        d = dateparser.parse(
            s,
            languages=["en", "ar", "fr"],
            settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": False},
        )
    except Exception:
        return None
    if d is None or not (1900 <= d.year <= 2100):
        return None
    return d.date()


def parse_dates(values: pl.Series) -> pl.Series:
    """Parse date strings of varied formats to Date (fast formats first, dateparser for the rest)."""
    df = pl.DataFrame({"s": values.cast(pl.String)})
    df = df.with_columns(_fast_dates(pl.col("s")).alias("d"))
    todo = df.filter(pl.col("d").is_null() & pl.col("s").str.strip_chars().str.len_chars().gt(3))["s"].unique()
    if todo.len():
        mapping = {s: _dateparser_one(s.strip()) for s in todo.to_list()}
        df = df.with_columns(
            pl.coalesce(
                "d", pl.col("s").replace_strict(mapping, default=None, return_dtype=pl.Date)
            ).alias("d")
        )
    return df["d"].rename(values.name)


# --------------------------------------------------------------------------------------------------------
# Frame API
# --------------------------------------------------------------------------------------------------------

_LONE_PUNCT_TOKENS = (" – ", " - ", " — ", " • ", " | ", " / ")


def word_count(body: str) -> int:
    """Whitespace-separated tokens, not counting lone dashes, bullets, bars and slashes between spaces."""
    if not body:
        return 0
    if (
        "  " not in body
        and "\t" not in body
        and " \n" not in body
        and "\n " not in body
        and not body[0].isspace()
        and not body[-1].isspace()
        and body.count("\n") == 2 * body.count("\n\n")
    ):
        # clean bodies: single spaces, paragraphs joined by one blank line -> count separators (fast)
        n = body.count(" ") + body.count("\n\n") + 1
    else:
        n = len(body.split())
    for dash in _LONE_PUNCT_TOKENS:
        if dash in body:
            n -= body.count(dash)
    return n


def clean_articles(raw_articles: pl.DataFrame) -> pl.DataFrame:
    """raw.articles -> raw.documents (DOCUMENTS contract)."""
    if raw_articles is None or raw_articles.height == 0:
        return empty(DOCUMENTS)
    fur = load_furniture()
    raw_articles = conform(raw_articles, RAW_ARTICLES)
    pre = raw_articles.select(
        pl.col("raw_text")
        .fill_null("")
        .str.replace_all(_LINE_ENDS_RS, "\n")
        .str.replace_all("\x1f", " ")
        .str.replace_all(_CONTROL_RS, "")
        .str.replace_all(_SPACES_RS, " ")
        .str.replace_all("\r\n?", "\n")
        .str.replace_all("\u2029", "\n\n"),
        "meta_title",
        "meta_outlet",
    )
    results = [
        clean_text(t, meta_title=mt, meta_outlet=mo, furniture=fur, pre_cleaned=True)
        for t, mt, mo in pre.iter_rows()
    ]
    bodies = [r.body_text for r in results]
    extra = pl.DataFrame(
        {
            "title": [r.title for r in results],
            "outlet": [r.outlet for r in results],
            "author": [r.author for r in results],
            "translator": [r.translator for r in results],
            "dateline": [r.dateline for r in results],
            "body_text": bodies,
            "_text_date": [r.text_date for r in results],
        },
        schema={
            "title": pl.String,
            "outlet": pl.String,
            "author": pl.String,
            "translator": pl.String,
            "dateline": pl.String,
            "body_text": pl.String,
            "_text_date": pl.String,
        },
    )
    extra = extra.with_columns(detect_languages(extra["body_text"]))
    df = pl.concat(
        [raw_articles.select("article_id", "source_file", "content_sha256", "meta_date", "ingested_at"), extra],
        how="horizontal",
    )
    meta_d = parse_dates(df["meta_date"])
    text_d = parse_dates(df["_text_date"])
    df = df.with_columns(
        pl.coalesce(meta_d, text_d).alias("published_date"),
        pl.Series("word_count", [word_count(b) for b in bodies], dtype=pl.Int32),
    )
    return conform(df, DOCUMENTS)
