"""Speakers resolved through the dictionary become actor rows, so every speaker id is a dim_actors row."""

import polars as pl

from transforms.actors import load_lexicon
from transforms.referenced import referenced_actors
from transforms.schemas import ACTORS, conform


def test_dictionary_speakers_not_in_the_batch_get_their_dictionary_row():
    lex = load_lexicon()
    algeria = lex.lookup("الجزائر", "ar")
    assert algeria and lex.actor(algeria)["country_iso3"] == "DZA"
    morocco = lex.lookup("Morocco", "en")
    actors = conform(pl.DataFrame([lex.actor(morocco)], schema={k: pl.String for k in ACTORS}), ACTORS)
    rows, unknown = referenced_actors([algeria, morocco, None, algeria, "no-such-id"], actors, lex)
    assert rows["actor_id"].to_list() == [algeria]  # Morocco is in the batch already; duplicates once
    assert rows.row(0, named=True)["canonical_name"] == "Algeria"
    assert rows.row(0, named=True)["actor_type"] == "COUNTRY"
    assert unknown == ["no-such-id"]


def test_nothing_to_add_when_every_speaker_is_listed():
    rows, unknown = referenced_actors([None], conform(pl.DataFrame(schema={k: pl.String for k in ACTORS}), ACTORS))
    assert rows.is_empty() and unknown == []
