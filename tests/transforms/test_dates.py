"""Date expressions (English and Arabic, incl. Maghreb month names) resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.dates import find_dates, resolve_date

PUB = date(2022, 7, 20)  # a Wednesday


def one(text: str, lang: str, pub: date | None = PUB) -> tuple[str, date, str]:
    found = find_dates(text, pub, lang)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start : d.end] == d.text
    return d.text, d.value, d.precision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Since August 2021, there has been no contact", ("August 2021", date(2021, 8, 1), "month")),
        ("a news conference in Algiers January 21, 2013.", ("January 21, 2013", date(2013, 1, 21), "day")),
        ("talks on 5 October 2019 in Rabat", ("5 October 2019", date(2019, 10, 5), "day")),
        ("Morocco left the AU in 1984 after", ("in 1984", date(1984, 1, 1), "year")),
        ("after the invasion (2003)", ("(2003)", date(2003, 1, 1), "year")),
    ],
)
def test_english_explicit_dates(text, expected):
    assert one(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Algeria announced on Sunday an agreement", ("on Sunday", date(2022, 7, 17), "day")),
        ("the minister arrived on Wednesday", ("on Wednesday", date(2022, 7, 20), "day")),
        ("they met last Tuesday", ("last Tuesday", date(2022, 7, 19), "day")),
        ("the Forum on Terrorism last month", ("last month", date(2022, 6, 1), "month")),
        ("Earlier this year, the government informed Rabat", ("Earlier this year", date(2022, 1, 1), "year")),
        ("talks held last year", ("last year", date(2021, 1, 1), "year")),
        ("the embassy was closed yesterday", ("yesterday", date(2022, 7, 19), "day")),
        ("he visited three days ago", ("three days ago", date(2022, 7, 17), "day")),
        ("the summit in March", ("in March", date(2022, 3, 1), "month")),
        ("the summit in September", ("in September", date(2021, 9, 1), "month")),
        ("a visit over the weekend", ("over the weekend", date(2022, 7, 16), "day")),
    ],
)
def test_english_relative_dates(text, expected):
    assert one(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بعد هجمات 11 شتنبر 2001", ("11 شتنبر 2001", date(2001, 9, 11), "day")),
        ("بعد تفجيرات الدار البيضاء في ماي 2003", ("ماي 2003", date(2003, 5, 1), "month")),
        ("في 3 نونبر 2015 بالرباط", ("3 نونبر 2015", date(2015, 11, 3), "day")),
        ("منذ دجنبر 2020", ("دجنبر 2020", date(2020, 12, 1), "month")),
        ("في غشت 2021", ("غشت 2021", date(2021, 8, 1), "month")),
        ("وقعت في 14 جويلية 2019", ("14 جويلية 2019", date(2019, 7, 14), "day")),
        ("في آب 2020", ("آب 2020", date(2020, 8, 1), "month")),
        ("في عام 2006 أعلنت", ("عام 2006", date(2006, 1, 1), "year")),
        ("بعد غزو العراق (في 2003)", ("في 2003", date(2003, 1, 1), "year")),
        ("في ١٥ أغسطس ٢٠٢١", ("١٥ أغسطس ٢٠٢١", date(2021, 8, 15), "day")),
    ],
)
def test_arabic_explicit_dates_including_maghreb_months(text, expected):
    assert one(text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("شهدت شهر نونبر الماضي أزمة", ("شهر نونبر الماضي", date(2021, 11, 1), "month")),
        ("في شهر ماي الماضي", ("شهر ماي الماضي", date(2022, 5, 1), "month")),
        ("استقبل الأحد الماضي الوزير", ("الأحد الماضي", date(2022, 7, 17), "day")),
        ("وصل يوم الخميس إلى الرباط", ("يوم الخميس", date(2022, 7, 14), "day")),
        ("زار أمس الجزائر", ("أمس", date(2022, 7, 19), "day")),
        ("في الشهر الماضي", ("الشهر الماضي", date(2022, 6, 1), "month")),
        ("بداية العام الجاري", ("العام الجاري", date(2022, 1, 1), "year")),
        ("خلال العام الماضي", ("العام الماضي", date(2021, 1, 1), "year")),
        ("الأسبوع الماضي", ("الأسبوع الماضي", date(2022, 7, 1), "month")),
    ],
)
def test_arabic_relative_dates(text, expected):
    assert one(text, "ar") == expected


def test_relative_dates_need_a_publication_date():
    assert find_dates("Algeria announced on Sunday an agreement", None, "en") == []
    assert find_dates("شهدت شهر نونبر الماضي أزمة", None, "ar") == []
    # explicit dates do not
    assert one("Since August 2021", "en", None)[1:] == (date(2021, 8, 1), "month")


def test_resolve_date_falls_back_to_publication():
    assert resolve_date("Algeria recalled its ambassador", PUB, "en") == (PUB, "publication")
    assert resolve_date("Algeria recalled its ambassador", None, "en") == (None, None)
    assert resolve_date("Algeria recalled its ambassador in August 2021", PUB, "en") == (date(2021, 8, 1), "month")


def test_several_dates_in_order_without_overlap():
    found = find_dates("He met them on 5 October 2019 and again last Tuesday.", PUB, "en")
    assert [(d.text, d.value) for d in found] == [("5 October 2019", date(2019, 10, 5)), ("last Tuesday", date(2022, 7, 19))]
