"""transforms.parallel: a stage run over chunks of articles in worker processes gives the serial result.

Inputs: the five seeds through the real chain (ingest -> clean -> sentences -> actors), plus 80 copies of
them under other article ids (the copies reuse the seeds' sentence and mention rows with the new id, so
the slow actors stage runs on the five seeds only), in shuffled row order.
"""

from __future__ import annotations

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from transforms import parallel
from transforms.actors import extract_actors
from transforms.clean import clean_articles
from transforms.common import stable_id
from transforms.events import extract_events, extract_events_with_agents
from transforms.ingest import ingest_folder
from transforms.sentences import split_sentences
from transforms.statements import extract_statements

COPIES = 16  # of each seed: 85 articles in all


@pytest.fixture(scope="module")
def seed_frames(sample_dir):
    raw, _ = ingest_folder(sample_dir)
    docs = clean_articles(raw)
    sents = split_sentences(docs)
    mentions, actors = extract_actors(docs, sents)
    return docs, sents, mentions, actors


@pytest.fixture(scope="module")
def many(seed_frames):
    """Seeds + COPIES copies of each under new article ids, rows shuffled (not in article_id order)."""
    docs, sents, mentions, actors = seed_frames
    ids = docs["article_id"].to_list()
    remap = pl.DataFrame({
        "article_id": [a for a in ids for _ in range(COPIES)],
        "_new": [stable_id("copy", a, k) for a in ids for k in range(COPIES)],
    })

    def copies(df: pl.DataFrame) -> pl.DataFrame:
        dup = df.join(remap, on="article_id").with_columns(pl.col("_new").alias("article_id")).drop("_new")
        return pl.concat([df, dup.select(df.columns)])

    all_docs = copies(docs).sample(fraction=1.0, shuffle=True, seed=7)
    yield all_docs, copies(sents), copies(mentions), actors
    parallel.shutdown_pool()


def test_chunks_are_contiguous_and_cover_every_article(many):
    docs = many[0]
    bounds = parallel.chunk_bounds(docs, 8)
    assert len(bounds) == 8
    assert bounds[0][0] == 0 and bounds[-1][1] == docs.height
    assert all(a < b for a, b in bounds)
    assert all(bounds[k][1] == bounds[k + 1][0] for k in range(len(bounds) - 1))
    # rows of one article never straddle two chunks
    doubled = pl.concat([docs.head(20), docs.head(20)]).sort("article_id")
    cuts = [a for a, _b in parallel.chunk_bounds(doubled, 6)[1:]]
    assert len(cuts) == 5
    assert all(doubled["article_id"][a] != doubled["article_id"][a - 1] for a in cuts)


def test_small_inputs_run_serially_in_this_process(seed_frames, monkeypatch):
    def no_pool(n):
        raise AssertionError("a pool was started for 5 articles")

    monkeypatch.setattr(parallel, "get_pool", no_pool)
    out = parallel.extract_statements_parallel(*seed_frames, n_process=2)
    assert_frame_equal(out, extract_statements(*seed_frames))
    assert out.height > 0
    # an article id twice in documents cannot be split by id: serial, whatever the threshold
    docs, sents, mentions, actors = seed_frames
    twice = pl.concat([docs, docs])
    out = parallel.extract_statements_parallel(twice, sents, mentions, actors, n_process=2, min_articles=2)
    assert_frame_equal(out, extract_statements(twice, sents, mentions, actors))


def test_statements_parallel_equals_serial(many):
    serial = extract_statements(*many)
    par = parallel.extract_statements_parallel(*many, n_process=2, min_articles=20)
    assert parallel._POOL is not None  # the pool did run it
    assert serial.height > 80 * 5  # every copy of a seed has the seed's statements
    assert_frame_equal(par, serial)
    king = par.filter(pl.col("statement_text").str.starts_with("the time had come"))
    assert king["article_id"].n_unique() == COPIES + 1


def test_events_parallel_equals_serial(many):
    serial = extract_events(*many)
    par = parallel.extract_events_parallel(*many, n_process=2, min_articles=20)
    assert serial.height >= 80
    assert_frame_equal(par.sort("event_id"), serial.sort("event_id"))
    assert par["article_id"].to_list() == sorted(par["article_id"].to_list())  # the serial walk's order


def test_events_with_agents_parallel_equals_serial(many):
    ev, agents = extract_events_with_agents(*many)
    pev, pagents = parallel.extract_events_with_agents_parallel(*many, n_process=2, min_articles=20)
    assert_frame_equal(pev.sort("event_id"), ev.sort("event_id"))
    assert_frame_equal(pagents, agents.sort("actor_id"))
    assert pagents["actor_id"].is_unique().all()
    assert agents.height > 0  # the seeds have generic agents (protesters, police)


def test_actor_rows_do_not_depend_on_the_number_of_workers():
    """A person's role is the latest one in input order, with 1 worker or 2: an Arabic article gives Bourita
    one role, an English article in the next chunk of CHUNK_ARTICLES another. Serial runs used to take all English
    articles before all Arabic ones, so the Arabic role won there and the English one in a parallel run."""
    from transforms.schemas import DOCUMENTS

    ar = "قال وزير الخارجية المغربي ناصر بوريطة إن الحدود ستبقى مغلقة."
    en = "Moroccan Prime Minister Nasser Bourita said the border would stay closed."
    fill = "استقبل الملك الوفد في الرباط يوم الاثنين."
    rows = [{"article_id": "a000", "language": "ar", "body_text": ar}]
    from transforms.actors import CHUNK_ARTICLES

    rows += [{"article_id": f"f{k:03d}", "language": "ar", "body_text": fill} for k in range(CHUNK_ARTICLES + 6)]
    rows += [{"article_id": "z000", "language": "en", "body_text": en}]
    docs = pl.DataFrame(rows).with_columns(
        [pl.lit(None, dtype=t).alias(n) for n, t in DOCUMENTS.items() if n not in ("article_id", "language", "body_text")]
    ).select([pl.col(n).cast(t) for n, t in DOCUMENTS.items()])
    sents = split_sentences(docs)
    m1, a1 = extract_actors(docs, sents, n_process=1)
    m2, a2 = extract_actors(docs, sents, n_process=2, min_articles=1)
    parallel.shutdown_pool()
    assert_frame_equal(m1, m2)
    assert_frame_equal(a1, a2)
    bourita = a1.filter(pl.col("canonical_name") == "Nasser Bourita").to_dicts()
    assert [(r["role"], r["country_iso3"]) for r in bourita] == [("Prime Minister", "MAR")]
