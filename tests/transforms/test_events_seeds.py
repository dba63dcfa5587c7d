"""The events a careful reader lists in the five seeds, through the real chain:
ingest_folder(data/sample) -> clean_articles -> split_sentences -> extract_actors -> extract_events."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from transforms.actors import extract_actors
from transforms.clean import clean_articles
from transforms.events import agent_actor_id, event_clusters, extract_events, extract_events_with_agents
from transforms.ingest import ingest_folder
from transforms.schemas import EVENTS
from transforms.sentences import split_sentences


@pytest.fixture(scope="module")
def seed_inputs(sample_dir):
    raw, _ = ingest_folder(sample_dir)
    docs = clean_articles(raw)
    sents = split_sentences(docs)
    mentions, named = extract_actors(docs, sents)
    return docs, sents, mentions, named


@pytest.fixture(scope="module")
def seed_agents(seed_inputs):
    return extract_events_with_agents(*seed_inputs)


@pytest.fixture(scope="module")
def seed_events(seed_inputs, seed_agents):
    docs, _sents, _mentions, named = seed_inputs
    events, agents = seed_agents
    actors = pl.concat([named, agents])  # raw.actors: the named actors and the agent rows events use
    seed = {r["article_id"]: r["source_file"][:3] for r in docs.iter_rows(named=True)}
    a = actors.select("actor_id", "canonical_name", "country_iso3")
    ev = (
        events.with_columns(pl.col("article_id").replace_strict(seed).alias("seed"))
        .join(a.rename({"actor_id": "source_actor_id", "canonical_name": "source", "country_iso3": "source_country"}),
              on="source_actor_id", how="left")
        .join(a.rename({"actor_id": "target_actor_id", "canonical_name": "target", "country_iso3": "target_country"}),
              on="target_actor_id", how="left")
    )
    return docs, events, ev


def find(ev: pl.DataFrame, seed: str, **cond) -> pl.DataFrame:
    out = ev.filter(pl.col("seed") == seed)
    for col, val in cond.items():
        if col == "evidence":
            out = out.filter(pl.col("evidence_text").str.contains(val, literal=True))
        elif col == "source_name":
            out = out.filter(pl.col("source").str.contains(val, literal=True))
        elif col == "target_name":
            out = out.filter(pl.col("target").str.contains(val, literal=True))
        else:
            out = out.filter(pl.col(col) == val)
    return out


def test_contract_and_spans(seed_events):
    docs, events, _ = seed_events
    assert events.columns == list(EVENTS)
    assert events.height >= 20
    body = dict(zip(docs["article_id"], docs["body_text"], strict=True))
    for r in events.iter_rows(named=True):
        assert body[r["article_id"]][r["char_start"] : r["char_end"]] == r["evidence_text"]
    assert events["event_id"].n_unique() == events.height


def test_000_algeria_cut_relations_and_recalled_its_ambassador_in_august_2021(seed_events):
    _, _, ev = seed_events
    recall = find(ev, "000", source_country="DZA", target_country="MAR", event_code="161",
                  evidence="Algeria recalled its ambassador in Rabat")
    assert recall.height == 1
    r = recall.row(0, named=True)
    assert (r["event_date"], r["event_date_precision"]) == (date(2021, 8, 1), "month")
    assert (r["is_negated"], r["modality"], r["quad_class"]) == (False, "asserted", 4)
    cut = find(ev, "000", source_country="DZA", target_country="MAR", event_root_code="16",
               evidence="the decision to cut diplomatic relations")
    assert cut.height == 1
    # the two reports of the rupture in 000 are one cluster per dated bucket; airspace closure is 16 too
    assert find(ev, "000", source_country="DZA", target_country="MAR", event_code="163",
                evidence="from flying over Algerian airspace").height == 1


def test_000_del_re_did_not_visit_morocco(seed_events):
    _, _, ev = seed_events
    visits_to_morocco = find(ev, "000", event_root_code="04", target_country="MAR", source_name="Del Re")
    assert visits_to_morocco.height == 1
    assert visits_to_morocco["is_negated"].to_list() == [True]
    assert visits_to_morocco["evidence_text"].str.starts_with("The European official did not visit Morocco").all()
    # her visit to Algeria did happen
    assert find(ev, "000", event_code="042", target_country="DZA", source_name="Del Re", is_negated=False).height >= 1


def test_000_cherkaoui_called_on_algeria_to_cooperate(seed_events):
    _, _, ev = seed_events
    call = find(ev, "000", event_root_code="02", source_name="Cherkaoui", target_country="DZA")
    assert call["modality"].to_list() == ["asserted"]
    coop = find(ev, "000", source_country="DZA", target_country="MAR", event_code="060", evidence="called on Algeria")
    assert coop["modality"].to_list() == ["demanded"]


def test_001_bourita_and_mansouri_visited_algeria_and_sellal_received_bourita(seed_events):
    _, _, ev = seed_events
    visit = find(ev, "001", event_code="042", target_country="DZA", evidence="conducted a visit to Algeria")
    assert {n for n in visit["source"].to_list() if n} >= {"Nasser Bourita", "Yassin Mansouri"}
    host = find(ev, "001", event_root_code="04", source_name="Sellal", target_name="Bourita")
    assert set(host["event_code"].to_list()) == {"043", "040"}  # received Bourita; talks between Sellal and Bourita
    assert host.filter(pl.col("event_code") == "043")["evidence_text"].str.contains("received Bourita on Friday").all()
    assert find(ev, "001", event_code="040", source_name="Tartag", target_name="Mansouri").height == 1
    # the Moroccan delegation's visit, the ministers' visits: one cluster of Moroccan visits to Algeria
    assert find(ev, "001", event_code="042", source_country="MAR", target_country="DZA")["event_cluster_id"].n_unique() == 1


def test_001_algeria_announced_an_agreement_with_morocco(seed_events):
    _, _, ev = seed_events
    assert find(ev, "001", source_country="DZA", target_country="MAR", event_root_code="05").height == 1


def test_004_us_morocco_exercises_and_recognition(seed_events):
    _, _, ev = seed_events
    ex = find(ev, "004", event_code="062", evidence="African Lion")
    pairs = set(ex.select("source_country", "target_country").iter_rows())
    assert {("USA", "MAR"), ("MAR", "USA")} <= pairs
    rec = find(ev, "004", event_code="054", target_country="MAR", evidence="recognized Morocco’s sovereignty")
    assert rec["source_country"].to_list() == ["USA"]
    assert find(ev, "004", event_code="042", source_name="Hammouchi", target_country="USA").height == 1


def test_003_arabic_recall_summon_and_storming(seed_events):
    _, _, ev = seed_events
    recall = find(ev, "003", evidence="استدعاء المغرب لسفيره بالجزائر", event_root_code="16")
    assert recall.select("source_country", "target_country", "event_code").rows() == [("MAR", "DZA", "161")]
    summon = find(ev, "003", evidence="استدعت الجزائر السفير المغربي", event_root_code="16")
    assert summon.select("source_country", "target_country").rows() == [("DZA", "MAR")]
    storm = find(ev, "003", event_code="145")
    assert storm["target_country"].to_list() == ["DZA"]
    # `من قبل أحد المتظاهرين` in Casablanca: Moroccan protesters (CAMEO MAROPP), an actor row of raw.actors
    assert storm["source_actor_id"].to_list() == [agent_actor_id("MAR", "OPP")]
    assert storm["source_country"].to_list() == ["MAR"]
    assert storm["evidence_text"].str.contains("اقتحام مقر قنصليتها").all()
    # the 2002 agreement between Algeria and Morocco, dated by `عام 2002`
    agreement = find(ev, "003", event_code="057", source_country="DZA", target_country="MAR", event_date=date(2002, 1, 1))
    assert agreement["event_date_precision"].to_list() == ["year"]


def test_every_seed_event_has_a_source_that_is_an_actor(seed_events):
    _, events, ev = seed_events
    assert events["source_actor_id"].null_count() == 0
    assert ev.filter(pl.col("source").is_null()).height == 0


def test_seed_clusters_table(seed_events):
    docs, events, _ = seed_events
    cl = event_clusters(events, docs)
    assert cl.height == events["event_cluster_id"].n_unique()
    assert cl["num_mentions"].sum() == events.height
    assert (cl["num_articles"] >= 1).all()


def test_single_pass_actor_rows_cover_every_event_actor_and_are_a_fixpoint(seed_inputs, seed_agents):
    docs, sents, mentions, named = seed_inputs
    events, agents = seed_agents
    used = set(events["source_actor_id"].to_list()) | set(events["target_actor_id"].drop_nulls().to_list())
    extra = set(agents["actor_id"].to_list())
    assert used <= set(named["actor_id"].to_list()) | extra
    assert extra <= used and not extra & set(named["actor_id"].to_list())  # only rows events use, none twice
    # seed 003's Moroccan protesters are among them, with their CAMEO agent code
    assert agents.filter(pl.col("actor_id") == agent_actor_id("MAR", "OPP"))["cameo_code"].to_list() == ["MAROPP"]
    # the old two-pass way (agent rows first, then extract_events over all actors) gives the same events,
    # and a second pass finds no further rows
    again, more = extract_events_with_agents(docs, sents, mentions, pl.concat([named, agents]))
    assert more.is_empty()
    assert again.equals(events)
    assert extract_events(docs, sents, mentions, pl.concat([named, agents])).equals(events)
