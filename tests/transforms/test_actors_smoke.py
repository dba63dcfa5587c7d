"""First actor tests: dictionary lookups and extraction from a small hand-made document."""

from __future__ import annotations

import polars as pl

from transforms.actors import extract_actors, load_lexicon
from transforms.schemas import ACTOR_MENTIONS, ACTORS, DOCUMENTS, conform


def _docs(*texts_langs: tuple[str, str]) -> pl.DataFrame:
    rows = [{"article_id": f"a{i}", "language": lang, "body_text": t} for i, (t, lang) in enumerate(texts_langs)]
    return conform(pl.DataFrame(rows), DOCUMENTS)


def test_lookup_countries_across_languages_and_forms():
    lex = load_lexicon()
    dza = lex.lookup("Algeria", "en")
    assert dza is not None
    assert lex.lookup("الجزائر", "ar") == dza
    assert lex.lookup("Algerian", "en") == dza
    assert lex.lookup("an Algerian government source", "en") == dza
    assert lex.lookup("مصدر أمني جزائري", "ar") == dza
    assert lex.actor(dza)["country_iso3"] == "DZA"
    assert lex.actor(dza)["actor_type"] == "COUNTRY"
    assert lex.lookup("NATO", "en") == lex.lookup("الناتو", "ar") is not None


def test_extract_contract_and_offsets():
    text = "Algerian Prime Minister Karim Benhaddou met officials of the African Union in Addis Ababa."
    m, a = extract_actors(_docs((text, "en")), pl.DataFrame())
    assert m.schema == pl.Schema(ACTOR_MENTIONS)
    assert a.schema == pl.Schema(ACTORS)
    for r in m.iter_rows(named=True):
        assert text[r["char_start"]:r["char_end"]] == r["surface_text"]
    person = m.filter(pl.col("surface_text") == "Karim Benhaddou").join(a, on="actor_id").row(0, named=True)
    assert person["actor_type"] == "PERSON"
    assert person["country_iso3"] == "DZA"
    assert person["role"] == "Prime Minister"
    assert person["cameo_code"] == "DZAGOV"
