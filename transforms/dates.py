"""Date expressions in English and Arabic news text, resolved against the publication date.

`find_dates(text, published, language)` returns every date expression in a piece of text (a sentence or a
clause) with its span, the resolved date and a precision:

- explicit: `January 21, 2013`, `21 January 2013`, `August 2021`, `in 2003`, `11 شتنبر 2001`, `ماي 2003`,
  `عام 2002`; Arabic month names in their Levantine (`آب`), Egyptian/Gulf (`أغسطس`), Maghreb (`غشت`,
  `شتنبر`, `نونبر`, `دجنبر`, `ماي`, `يوليوز`) and Algerian/Tunisian (`أوت`, `جانفي`, `جوان`) forms;
- relative (needs `published`): `yesterday`, `on Sunday`, `last Tuesday`, `last week`, `last month`,
  `this year`, `earlier this year`, `last year`, `in March` (the latest March not after publication),
  `three days ago`, `over the weekend`, `أمس`, `يوم الأحد`, `الأحد الماضي`, `الشهر الماضي`,
  `شهر نونبر الماضي`, `العام الماضي`, `العام الجاري`, `الأسبوع الماضي`.

Precision is `day`, `month` or `year`; a month or year is represented by its first day. Expressions that
need the publication date resolve to nothing when it is unknown. Pure functions, regexes compiled once.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from transforms.common import normalize_arabic


@dataclass(frozen=True)
class DateMention:
    start: int  # code-point offsets into the text given to find_dates, end exclusive
    end: int
    value: date
    precision: str  # day | month | year
    text: str


_AR_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Length-preserving Arabic matching key (one char in, one char out), so offsets survive.
_AR_KEY = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def _ar_key(text: str) -> str:
    return text.translate(_AR_KEY).translate(_AR_DIGITS)


def _en_key(text: str) -> str:
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# ---------------------------------------------------------------- month and weekday names
EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
EN_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

# Keys are in normalize_arabic form (alef variants -> ا, ى -> ي, ة -> ه).
_AR_MONTH_NAMES = {
    1: ["يناير", "كانون الثاني", "جانفي", "جانفييه", "ينار"],
    2: ["فبراير", "شباط", "فيفري", "فبراير"],
    3: ["مارس", "آذار", "اذار"],
    4: ["أبريل", "إبريل", "ابريل", "نيسان", "أفريل", "افريل"],
    5: ["مايو", "أيار", "ايار", "ماي"],
    6: ["يونيو", "يونيه", "حزيران", "جوان"],
    7: ["يوليو", "يوليه", "تموز", "يوليوز", "جويلية", "جويليه"],
    8: ["أغسطس", "اغسطس", "آب", "غشت", "أوت", "اوت"],
    9: ["سبتمبر", "أيلول", "ايلول", "شتنبر"],
    10: ["أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول"],
    11: ["نوفمبر", "تشرين الثاني", "نونبر"],
    12: ["ديسمبر", "كانون الأول", "كانون الاول", "دجنبر", "دسمبر"],
}
AR_MONTHS = {normalize_arabic(name): m for m, names in _AR_MONTH_NAMES.items() for name in names}
AR_WEEKDAYS = {
    _ar_key(k): v
    for k, v in {
        "الإثنين": 0, "الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3,
        "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6,
    }.items()
}

# ---------------------------------------------------------------- regexes
_EN_MON = r"(?P<mon>" + "|".join(sorted(EN_MONTHS, key=len, reverse=True)) + r")\.?"
_EN_WD = r"(?P<wd>" + "|".join(EN_WEEKDAYS) + r")"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_EN_NUM = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "a": 1, "an": 1, "several": None, "few": None,
}

EN_RULES: list[tuple[str, re.Pattern]] = [
    ("mdy", re.compile(rf"\b{_EN_MON}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_EN_MON}\s*,?\s+{_YEAR}\b")),
    ("my", re.compile(rf"\b{_EN_MON}\s*,?\s+(?:of\s+)?{_YEAR}\b")),
    ("md", re.compile(rf"\b(?:on\s+)?{_EN_MON}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:1[89]|20)\d\d)")),
    ("ago", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+"
                       r"(?P<unit>day|week|month|year)s?\s+ago\b")),
    ("yesterday", re.compile(r"\b(?:yesterday|the day before)\b")),
    ("today", re.compile(r"\b(?:today|tonight|this morning|this afternoon|this evening)\b")),
    ("tomorrow", re.compile(r"\btomorrow\b")),
    ("last_wd", re.compile(rf"\blast\s+{_EN_WD}\b")),
    ("next_wd", re.compile(rf"\bnext\s+{_EN_WD}\b")),
    ("on_wd", re.compile(rf"\b(?:on|this|since|from|late|early)\s+{_EN_WD}\b")),
    ("on_wd", re.compile(rf"\b{_EN_WD}(?=\s*(?:'s|’s)?\s*(?:morning|afternoon|evening|night))")),
    ("weekend", re.compile(r"\b(?:over|during|at)\s+the\s+(?:past\s+|last\s+)?weekend\b|\blast\s+weekend\b")),
    ("last_week", re.compile(r"\b(?:last|past|previous)\s+week\b|\bearlier\s+this\s+week\b")),
    ("this_week", re.compile(r"\bthis\s+week\b")),
    ("next_week", re.compile(r"\bnext\s+week\b")),
    ("last_month", re.compile(r"\b(?:last|past|previous)\s+month\b")),
    ("this_month", re.compile(r"\b(?:this|earlier\s+this|later\s+this)\s+month\b")),
    ("next_month", re.compile(r"\bnext\s+month\b")),
    ("last_year", re.compile(r"\b(?:last|past|previous)\s+year\b")),
    ("this_year", re.compile(r"\b(?:this|earlier\s+this|later\s+this)\s+year\b")),
    ("next_year", re.compile(r"\bnext\s+year\b")),
    ("in_month", re.compile(rf"\b(?:in|since|during|until|last|early|late|mid-?)\s+{_EN_MON}\b"
                            r"(?!\s*[0-3]?\d\b)(?!\s*,?\s*(?:of\s+)?(?:1[89]|20)\d\d)")),
    ("year", re.compile(rf"\b(?:in|since|of|during|by|until|from|year|early|late|mid-?)\s+{_YEAR}\b")),
    ("year", re.compile(rf"\({_YEAR}\)")),
]

_AR_MONTHS_KEYED = {_ar_key(name): m for m, names in _AR_MONTH_NAMES.items() for name in names}
_AR_MON = "(?P<mon>" + "|".join(sorted(map(re.escape, _AR_MONTHS_KEYED), key=len, reverse=True)) + ")"
_AR_WD = "(?P<wd>" + "|".join(sorted((re.escape(k) for k in AR_WEEKDAYS), key=len, reverse=True)) + ")"
_AR_B = r"(?<![\w])"  # Arabic has no \b-friendly clitics: allow و/ف/ب/ل/ك prefixes explicitly where needed
_AR_P = r"(?:[وفبلك]|ل?ل)?"  # clitic prefixes before a word
_AR_E = r"(?![\w])"

AR_RULES: list[tuple[str, re.Pattern]] = [
    ("dmy", re.compile(rf"{_AR_B}(?P<day>[0-3]?\d)\s*(?:من\s+)?(?:شهر\s+)?{_AR_MON}\s*(?:من\s+)?(?:عام\s+|سنه\s+)?{_YEAR}")),
    ("my", re.compile(rf"{_AR_B}{_AR_P}(?:شهر\s+)?{_AR_MON}\s*(?:من\s+)?(?:عام\s+|سنه\s+|العام\s+)?{_YEAR}")),
    ("dm", re.compile(rf"{_AR_B}(?P<day>[0-3]?\d)\s*(?:من\s+)?(?:شهر\s+)?{_AR_MON}{_AR_E}(?!\s*(?:من\s+)?(?:عام\s+|سنه\s+)?\d)")),
    ("last_month_named", re.compile(rf"{_AR_B}{_AR_P}(?:شهر\s+)?{_AR_MON}\s+(?:الماضي|المنصرم|الفائت|السابق)")),
    ("next_month_named", re.compile(rf"{_AR_B}{_AR_P}(?:شهر\s+)?{_AR_MON}\s+(?:المقبل|القادم)")),
    ("in_month", re.compile(rf"{_AR_B}(?:في|خلال|منذ|مطلع|اواخر|اوايل|منتصف)\s+(?:شهر\s+)?{_AR_MON}{_AR_E}")),
    ("year", re.compile(rf"{_AR_B}{_AR_P}(?:عام|سنه|العام|في|منذ|خلال|مطلع|اواخر|ربيع|صيف|خريف|شتاء)\s+{_YEAR}")),
    ("year", re.compile(rf"\(\s*(?:في\s+)?{_YEAR}\s*\)")),
    ("last_wd", re.compile(rf"{_AR_B}{_AR_P}(?:يوم\s+)?{_AR_WD}\s+(?:الماضي|المنصرم|الفائت)")),
    ("next_wd", re.compile(rf"{_AR_B}{_AR_P}(?:يوم\s+)?{_AR_WD}\s+(?:المقبل|القادم)")),
    ("on_wd", re.compile(rf"{_AR_B}{_AR_P}يوم\s+{_AR_WD}{_AR_E}")),
    ("on_wd", re.compile(rf"{_AR_B}{_AR_P}{_AR_WD}{_AR_E}")),
    ("yesterday", re.compile(rf"{_AR_B}{_AR_P}(?:امس|البارحه)(?:\s+الاول)?{_AR_E}")),
    ("tomorrow", re.compile(rf"{_AR_B}{_AR_P}(?:غدا|غد){_AR_E}")),
    ("last_week", re.compile(rf"{_AR_B}{_AR_P}(?:الاسبوع|الأسبوع)\s+(?:الماضي|المنصرم|الفائت)")),
    ("this_week", re.compile(rf"{_AR_B}{_AR_P}(?:الاسبوع)\s+(?:الجاري|الحالي)|هذا\s+الاسبوع")),
    ("next_week", re.compile(rf"{_AR_B}{_AR_P}(?:الاسبوع)\s+(?:المقبل|القادم)")),
    ("last_month", re.compile(rf"{_AR_B}{_AR_P}الشهر\s+(?:الماضي|المنصرم|الفائت)")),
    ("this_month", re.compile(rf"{_AR_B}{_AR_P}الشهر\s+(?:الجاري|الحالي)|هذا\s+الشهر")),
    ("next_month", re.compile(rf"{_AR_B}{_AR_P}الشهر\s+(?:المقبل|القادم)")),
    ("last_year", re.compile(rf"{_AR_B}{_AR_P}(?:العام|السنه)\s+(?:الماضي|الماضيه|المنصرم|المنصرمه|الفائت|الفائته)")),
    ("this_year", re.compile(rf"{_AR_B}{_AR_P}(?:العام|السنه)\s+(?:الجاري|الجاريه|الحالي|الحاليه)|هذا\s+العام|هذه\s+السنه")),
    ("next_year", re.compile(rf"{_AR_B}{_AR_P}(?:العام|السنه)\s+(?:المقبل|المقبله|القادم|القادمه)")),
    ("today", re.compile(rf"{_AR_B}{_AR_P}(?:اليوم|الليله){_AR_E}(?!\s+(?:ال|[0-9]))")),
]


# ---------------------------------------------------------------- resolution helpers
def _first_of_month(y: int, m: int) -> date:
    return date(y, m, 1)


def _shift_month(d: date, months: int) -> date:
    idx = d.year * 12 + (d.month - 1) + months
    return date(idx // 12, idx % 12 + 1, 1)


def _latest_weekday(pub: date, wd: int, strictly_before: bool) -> date:
    delta = (pub.weekday() - wd) % 7
    if strictly_before and delta == 0:
        delta = 7
    return pub - timedelta(days=delta)


def _next_weekday(pub: date, wd: int) -> date:
    delta = (wd - pub.weekday()) % 7
    return pub + timedelta(days=delta or 7)


def _latest_month(pub: date, month: int, strictly_before: bool) -> date:
    year = pub.year if (month < pub.month or (month == pub.month and not strictly_before)) else pub.year - 1
    return date(year, month, 1)


def _safe_date(y: int, m: int, d: int) -> date | None:
    if not (1 <= m <= 12) or not (1 <= d <= calendar.monthrange(y, m)[1]):
        return None
    return date(y, m, d)


def _resolve(kind: str, g: dict, pub: date | None, months: dict, weekdays: dict) -> tuple[date, str] | None:
    year = int(g["year"]) if g.get("year") else None
    mon = months.get(g["mon"].rstrip(".")) if g.get("mon") else None
    wd = weekdays.get(g["wd"]) if g.get("wd") else None
    if kind in ("mdy", "dmy"):
        d = _safe_date(year, mon, int(g["day"]))
        return (d, "day") if d else None
    if kind == "my":
        return _first_of_month(year, mon), "month"
    if kind == "year":
        return date(year, 1, 1), "year"
    if pub is None:
        return None
    if kind in ("md", "dm"):
        y = pub.year if (mon, int(g["day"])) <= (pub.month, pub.day) else pub.year - 1
        d = _safe_date(y, mon, int(g["day"]))
        return (d, "day") if d else None
    if kind == "in_month":
        return _latest_month(pub, mon, strictly_before=False), "month"
    if kind == "last_month_named":
        return _latest_month(pub, mon, strictly_before=True), "month"
    if kind == "next_month_named":
        y = pub.year if mon > pub.month else pub.year + 1
        return date(y, mon, 1), "month"
    if kind == "ago":
        n = g["n"]
        n = int(n) if n.isdigit() else _EN_NUM.get(n)
        if not n:
            return None
        unit = g["unit"]
        if unit == "day":
            return pub - timedelta(days=n), "day"
        if unit == "week":
            return _first_of_month((d := pub - timedelta(days=7 * n)).year, d.month), "month"
        if unit == "month":
            return _shift_month(pub, -n), "month"
        return date(pub.year - n, 1, 1), "year"
    simple = {
        "yesterday": (pub - timedelta(days=1), "day"),
        "today": (pub, "day"),
        "tomorrow": (pub + timedelta(days=1), "day"),
        "weekend": (_latest_weekday(pub, 5, strictly_before=False), "day"),
        "last_week": (_first_of_month((d7 := pub - timedelta(days=7)).year, d7.month), "month"),
        "this_week": (_first_of_month(pub.year, pub.month), "month"),
        "next_week": (_first_of_month((n7 := pub + timedelta(days=7)).year, n7.month), "month"),
        "last_month": (_shift_month(pub, -1), "month"),
        "this_month": (_first_of_month(pub.year, pub.month), "month"),
        "next_month": (_shift_month(pub, 1), "month"),
        "last_year": (date(pub.year - 1, 1, 1), "year"),
        "this_year": (date(pub.year, 1, 1), "year"),
        "next_year": (date(pub.year + 1, 1, 1), "year"),
    }
    if kind in simple:
        return simple[kind]
    if wd is None:
        return None
    if kind == "last_wd":
        return _latest_weekday(pub, wd, strictly_before=True), "day"
    if kind == "next_wd":
        return _next_weekday(pub, wd), "day"
    if kind == "on_wd":
        return _latest_weekday(pub, wd, strictly_before=False), "day"
    return None


# Substrings one of which every match of a rule contains: a rule whose guard is absent from the text is not run
# (most sentences name no date; the regexes cost far more than these tests).
_EN_YEAR_GUARD = ("18", "19", "20")
_EN_GUARD = {
    "mdy": tuple(EN_MONTHS), "dmy": tuple(EN_MONTHS), "my": tuple(EN_MONTHS), "md": tuple(EN_MONTHS),
    "in_month": tuple(EN_MONTHS), "ago": ("ago",), "yesterday": ("yesterday", "the day before"),
    "today": ("today", "tonight", "this "), "tomorrow": ("tomorrow",), "last_wd": ("day",), "next_wd": ("day",),
    "on_wd": ("day",), "weekend": ("weekend",), "last_week": ("week",), "this_week": ("week",),
    "next_week": ("week",), "last_month": ("month",), "this_month": ("month",), "next_month": ("month",),
    "last_year": ("year",), "this_year": ("year",), "next_year": ("year",), "year": _EN_YEAR_GUARD,
}
_AR_MON_GUARD = tuple(_AR_MONTHS_KEYED)
_AR_GUARD = {
    "dmy": _AR_MON_GUARD, "my": _AR_MON_GUARD, "dm": _AR_MON_GUARD, "last_month_named": _AR_MON_GUARD,
    "next_month_named": _AR_MON_GUARD, "in_month": _AR_MON_GUARD, "year": _EN_YEAR_GUARD,
    "last_wd": tuple(AR_WEEKDAYS), "next_wd": tuple(AR_WEEKDAYS), "on_wd": tuple(AR_WEEKDAYS),
    "yesterday": ("امس", "البارحه"), "tomorrow": ("غد",), "last_week": ("الاسبوع", "الأسبوع"),
    "this_week": ("الاسبوع",), "next_week": ("الاسبوع",), "last_month": ("الشهر",), "this_month": ("الشهر",),
    "next_month": ("الشهر",), "last_year": ("العام", "السنه"), "this_year": ("العام", "السنه"),
    "next_year": ("العام", "السنه"), "today": ("اليوم", "الليله"),
}


def find_dates(text: str, published: date | None, language: str) -> list[DateMention]:
    """Every date expression in `text`, left to right, non-overlapping (longer, earlier rules win)."""
    if not text:
        return []
    if language == "ar":
        key, rules, months, weekdays, guards = _ar_key(text), AR_RULES, _AR_MONTHS_KEYED, AR_WEEKDAYS, _AR_GUARD
    else:
        key, rules, months, weekdays, guards = _en_key(text), EN_RULES, EN_MONTHS, EN_WEEKDAYS, _EN_GUARD
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    present: dict[tuple[str, ...], bool] = {}
    for kind, rx in rules:
        guard = guards[kind]
        ok = present.get(guard)
        if ok is None:
            ok = present[guard] = any(g in key for g in guard)
        if not ok:
            continue
        for m in rx.finditer(key):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            res = _resolve(kind, m.groupdict(), published, months, weekdays)
            if res is None or res[0] is None:
                continue
            taken.append((s, e))
            out.append(DateMention(s, e, res[0], res[1], text[s:e]))
    out.sort(key=lambda d: d.start)
    return out


def resolve_date(text: str, published: date | None, language: str) -> tuple[date | None, str | None]:
    """The first date expression in `text`, else the publication date ('publication'), else (None, None)."""
    found = find_dates(text, published, language)
    if found:
        return found[0].value, found[0].precision
    if published is not None:
        return published, "publication"
    return None, None
