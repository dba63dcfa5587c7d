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


def test_the_worker_pool_gives_the_serial_mentions_and_actors(sample_dir):
    from polars.testing import assert_frame_equal

    from transforms import parallel
    from transforms.clean import clean_articles
    from transforms.ingest import ingest_folder

    docs = clean_articles(ingest_folder(sample_dir)[0])
    sents = split_sentences(docs)
    serial = extract_actors(docs, sents)
    try:
        pooled = extract_actors(docs, sents, n_process=2, min_articles=1)  # 5 chunks, costliest first
    finally:
        parallel.shutdown_pool()
    assert serial[0].height > 200  # the seeds' mentions, not an empty comparison
    for a, b in zip(serial, pooled, strict=True):
        assert_frame_equal(a, b)
