"""A small, hand-made warehouse (the marts tables of the contract) that passes every quality check, and a
writer that puts it, or a deliberately broken copy of it, into a DuckDB file."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

import duckdb

from transforms.common import stable_id

DDL = {
    "dim_articles": """article_id VARCHAR, source_file VARCHAR, content_sha256 VARCHAR, title VARCHAR,
        outlet VARCHAR, author VARCHAR, published_date DATE, language VARCHAR, body_text VARCHAR,
        word_count INTEGER, ingested_at TIMESTAMP""",
    "dim_actors": """actor_id VARCHAR, canonical_name VARCHAR, canonical_name_ar VARCHAR, actor_type VARCHAR,
        country_iso3 VARCHAR, cameo_code VARCHAR, role VARCHAR, first_seen_date DATE, last_seen_date DATE,
        article_count INTEGER, mention_count INTEGER""",
    "fct_actor_mentions": """mention_id VARCHAR, article_id VARCHAR, actor_id VARCHAR, surface_text VARCHAR,
        char_start INTEGER, char_end INTEGER, sentence_index INTEGER""",
    "fct_statements": """statement_id VARCHAR, article_id VARCHAR, speaker_actor_id VARCHAR, speaker_text VARCHAR,
        speech_verb VARCHAR, statement_text VARCHAR, is_direct_quote BOOLEAN, language VARCHAR,
        char_start INTEGER, char_end INTEGER""",
    "fct_events": """event_id VARCHAR, article_id VARCHAR, source_actor_id VARCHAR, target_actor_id VARCHAR,
        event_code VARCHAR, event_root_code VARCHAR, event_label VARCHAR, quad_class INTEGER, goldstein DOUBLE,
        event_date DATE, event_date_precision VARCHAR, location_text VARCHAR, is_negated BOOLEAN,
        modality VARCHAR, evidence_text VARCHAR, char_start INTEGER, char_end INTEGER, confidence DOUBLE,
        event_cluster_id VARCHAR""",
}

# (person, role, their country, the other country): one English article each.
_PEOPLE = [
    ("Nasser Bourita", "foreign minister", "Morocco", "Algeria"),
    ("Ahmed Attaf", "foreign minister", "Algeria", "Morocco"),
    ("Abdelhak Khiame", "head of the BCIJ", "Morocco", "Algeria"),
    ("Kais Saied", "president", "Tunisia", "Libya"),
    ("Abdelmadjid Tebboune", "president", "Algeria", "Tunisia"),
    ("Aziz Akhannouch", "prime minister", "Morocco", "Mauritania"),
    ("Nabil Ammar", "foreign minister", "Tunisia", "Algeria"),
    ("Mohamed Ould Ghazouani", "president", "Mauritania", "Morocco"),
    ("Abdellatif Hammouchi", "security chief", "Morocco", "Tunisia"),
    ("Said Chanegriha", "army chief of staff", "Algeria", "Mali"),
    ("Abdoulaye Diop", "foreign minister", "Mali", "Algeria"),
    ("Mohamed Menfi", "presidential council head", "Libya", "Tunisia"),
    ("Yassine Mansouri", "intelligence chief", "Morocco", "Mauritania"),
    ("Nadir Larbaoui", "prime minister", "Algeria", "Libya"),
    ("Ahmed Hachani", "prime minister", "Tunisia", "Morocco"),
    ("Abdelhamid Dbeibah", "prime minister", "Libya", "Mali"),
]
_ISO3 = {
    "Morocco": "MAR",
    "Algeria": "DZA",
    "Tunisia": "TUN",
    "Libya": "LBY",
    "Mauritania": "MRT",
    "Mali": "MLI",
}
# CAMEO rows as in data/reference/cameo_codebook.csv: code -> (root, label, quad_class, goldstein)
CAMEO = {
    "043": ("04", "Host a visit", 1, 2.8),
    "036": ("03", "Express intent to meet or negotiate", 1, 4.0),
    "112": ("11", "Accuse", 3, -2.0),
}


def _span(body: str, text: str, after: int = 0) -> tuple[int, int]:
    start = body.index(text, after)
    return start, start + len(text)


def good_tables() -> dict[str, list[dict]]:
    """Rows for the five marts tables: every span resolves, every key and code is right."""
    actors: dict[str, dict] = {}

    def actor(name: str, kind: str, iso3: str | None, cameo: str | None) -> str:
        aid = stable_id("actor", name)
        actors.setdefault(
            aid,
            {
                "actor_id": aid, "canonical_name": name, "canonical_name_ar": None, "actor_type": kind,
                "country_iso3": iso3, "cameo_code": cameo, "role": None, "first_seen_date": date(2024, 3, 1),
                "last_seen_date": date(2024, 3, 9), "article_count": 1, "mention_count": 1,
            },
        )  # fmt: skip
        return aid

    articles, mentions, statements, events = [], [], [], []

    def add_article(i: int, title: str, body: str, language: str) -> str:
        raw = f"{title}\n\n{body}".encode()
        sha = hashlib.sha256(raw).hexdigest()
        aid = stable_id(sha)
        articles.append(
            {
                "article_id": aid, "source_file": f"{i:03d}.txt", "content_sha256": sha, "title": title,
                "outlet": "Fixture News", "author": None, "published_date": date(2024, 3, 1 + i),
                "language": language, "body_text": body, "word_count": len(body.split()),
                "ingested_at": datetime(2024, 3, 10, 12, 0, 0),
            },
        )  # fmt: skip
        return aid

    def mention(aid: str, body: str, actor_id: str, surface: str, after: int = 0, sentence: int = 0) -> None:
        s, e = _span(body, surface, after)
        mentions.append(
            {
                "mention_id": stable_id(aid, s, e), "article_id": aid, "actor_id": actor_id,
                "surface_text": surface, "char_start": s, "char_end": e, "sentence_index": sentence,
            },
        )  # fmt: skip

    for i, (person, role, home, other) in enumerate(_PEOPLE):
        # An astral character (emoji) before every span: offsets must be code points, not UTF-16 or bytes.
        quote = f"cooperation with {other} is necessary for the whole region"
        reported = "talks would continue next month"
        body = (
            f"📰 RABAT – {person}, the {role} of {home}, said on Sunday that “{quote}.” "
            f"{home} hosted a delegation from {other} to discuss border security. "
            f"A spokesman for {home} told reporters that {reported}. "
            f"{home} accused smugglers of exploiting the border."
        )
        aid = add_article(i, f"{home} and {other} talk security ({person})", body, "en")
        p = actor(person, "PERSON", _ISO3[home], f"{_ISO3[home]}GOV")
        h = actor(home, "COUNTRY", _ISO3[home], _ISO3[home])
        o = actor(other, "COUNTRY", _ISO3[other], _ISO3[other])
        mention(aid, body, p, person)
        mention(aid, body, h, home)
        mention(aid, body, o, other, after=body.index("hosted"), sentence=1)
        for text, speaker, verb, direct in ((quote, p, "said", True), (reported, h, "told", False)):
            s, e = _span(body, text)
            statements.append(
                {
                    "statement_id": stable_id(aid, s, e), "article_id": aid, "speaker_actor_id": speaker,
                    "speaker_text": person if speaker == p else f"A spokesman for {home}", "speech_verb": verb,
                    "statement_text": text, "is_direct_quote": direct, "language": "en",
                    "char_start": s, "char_end": e,
                },
            )  # fmt: skip
        for code, evidence, target, negated in (
            ("043", f"{home} hosted a delegation from {other} to discuss border security.", o, False),
            ("036", f"“{quote}.”", o, False),
            ("112", f"{home} accused smugglers of exploiting the border.", None, False),
        ):
            root, label, quad, gold = CAMEO[code]
            s, e = _span(body, evidence)
            events.append(
                {
                    "event_id": stable_id(aid, code, s, e), "article_id": aid, "source_actor_id": h,
                    "target_actor_id": target, "event_code": code, "event_root_code": root,
                    "event_label": label, "quad_class": quad, "goldstein": gold,
                    "event_date": date(2024, 3, 1 + i), "event_date_precision": "publication",
                    "location_text": None, "is_negated": negated, "modality": "asserted",
                    "evidence_text": evidence, "char_start": s, "char_end": e, "confidence": 0.8,
                    "event_cluster_id": stable_id("cluster", aid, code),
                },
            )  # fmt: skip

    # One Arabic article with diacritics (combining marks are code points too).
    body_ar = (
        "قالَ وزير الخارجية الجزائري أحمد عطاف إن الحوار مع المغرب متوقف. وأضاف أن الجزائر لن تقبل الوساطة."
    )
    aid = add_article(len(_PEOPLE), "الجزائر والمغرب", body_ar, "ar")
    attaf = actor("Ahmed Attaf", "PERSON", "DZA", "DZAGOV")
    mention(aid, body_ar, attaf, "أحمد عطاف")
    mention(aid, body_ar, actor("Morocco", "COUNTRY", "MAR", "MAR"), "المغرب")
    for text, verb in (("الحوار مع المغرب متوقف", "قالَ"), ("الجزائر لن تقبل الوساطة", "وأضاف")):
        s, e = _span(body_ar, text)
        statements.append(
            {
                "statement_id": stable_id(aid, s, e), "article_id": aid, "speaker_actor_id": attaf,
                "speaker_text": "أحمد عطاف", "speech_verb": verb, "statement_text": text,
                "is_direct_quote": False, "language": "ar", "char_start": s, "char_end": e,
            },
        )  # fmt: skip
    return {
        "dim_articles": articles,
        "dim_actors": list(actors.values()),
        "fct_actor_mentions": mentions,
        "fct_statements": statements,
        "fct_events": events,
    }


def write_warehouse(path: Path, tables: dict[str, list[dict]], skip: tuple[str, ...] = ()) -> Path:
    """Write the marts tables to a new DuckDB file (tables named in `skip` are not created)."""
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    for name, ddl in DDL.items():
        if name in skip:
            continue
        con.execute(f"create table marts.{name} ({ddl})")
        rows = tables.get(name, [])
        if rows:
            cols = list(rows[0])
            con.executemany(
                f"insert into marts.{name} ({', '.join(cols)}) values ({', '.join('?' for _ in cols)})",
                [[r[c] for c in cols] for r in rows],
            )
    con.close()
    return path


GOOD = good_tables()
