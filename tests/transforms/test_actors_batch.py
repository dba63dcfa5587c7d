"""A large batch: a role first seen after a hundred mentions without one still loads (column types are the
contract's, not guessed from the first rows)."""

import polars as pl

from transforms.actors import extract_actors
from transforms.schemas import DOCUMENTS, conform
from transforms.sentences import split_sentences


def test_a_role_after_many_mentions_without_one():
    bodies = [f"Morocco held talks in city number {i} on Monday." for i in range(150)]
    bodies.append("Secretary of State John Kerry said the talks would continue.")
    docs = conform(pl.DataFrame({"article_id": [f"a{i:03d}" for i in range(len(bodies))],
                                 "language": ["en"] * len(bodies), "body_text": bodies}), DOCUMENTS)
    mentions, _ = extract_actors(docs, split_sentences(docs), use_spacy=False)
    assert mentions.filter(pl.col("surface_text") == "Morocco").height == 150
    roles = mentions.filter(pl.col("role").is_not_null()).select("surface_text", "role").to_dicts()
    assert roles == [{"surface_text": "John Kerry", "role": "Secretary of State"}]


def test_no_name_resolves_through_an_empty_key():
    from transforms.actors import load_lexicon, person_key

    lex = load_lexicon()
    assert person_key("Yu Ay") == "yuay"  # all vowels: the key keeps them rather than be empty
    assert person_key("Bourita") == person_key("Burita") == "b*r*t"
    assert "" not in lex.person_keys
    # a hashtag or a bare cue verb is no dictionary person (both used to hit 'Yu Ay' through the key '')
    assert lex.lookup("#شيرين", "ar") is None
    assert lex.lookup("وأضافت", "ar") is None
    assert lex.actor(lex.lookup("Yu Ay", "en"))["canonical_name"] == "Yu Ay"
