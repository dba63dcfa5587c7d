"""End to end on the five seeds plus the hostile folder (tests/fixtures/hostile/make_hostile.py): one run of
the whole pipeline completes and publishes; every bad file is in ops.rejected_files with its reason or was
ingested as an article; no ingested article is missing from the published marts; the five seeds are all
there, with their own ids. (Repeatability and incremental runs: test_e2e_crash_concurrency.py.)
"""

from __future__ import annotations

import shutil
import sys

import polars as pl
import pytest
from e2e_helpers import SAMPLE, run_summary_or_fail, seed_article_ids, snapshot, workspace

from orchestration import cli
from orchestration.settings import REPO

pytestmark = pytest.mark.e2e

sys.path.insert(0, str(REPO / "tests" / "fixtures" / "hostile"))
from make_hostile import check_outcome, make_hostile  # noqa: E402


@pytest.fixture(scope="module")
def ws(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("hostile_ws")
    shutil.copytree(SAMPLE, root / "in")
    expected = make_hostile(root / "in")  # valid/, feeds/, bad/ next to the seeds
    return {"settings": workspace(root), "expected": expected}


LONG = "valid/long_paragraph.txt"  # 2 MB of words without punctuation


@pytest.fixture(scope="module")
def first(ws) -> dict:
    """The run on the whole folder, its 2 MB paragraph included."""
    s = ws["settings"]
    summary = cli.run_pipeline(s)
    run_summary_or_fail(summary)
    return {
        "summary": summary,
        "raw": pl.read_parquet(s.parquet_path("articles")),
        "rejected": pl.read_parquet(s.parquet_path("rejected_files")),
        **snapshot(s.warehouse),
    }


# ------------------------------------------------------------------------------------------------ hostile input


def test_the_whole_folder_with_its_2mb_paragraph_runs(first):
    """spaCy sees sentences (cut at 5,000 characters), never a whole 2 MB body (E088 above nlp.max_length)."""
    assert first["summary"].published
    assert LONG in set(first["raw"]["source_file"].to_list())


def test_hostile_run_completes_and_every_input_is_accounted_for(first, ws):
    assert first["summary"].published
    assert check_outcome(ws["expected"], first["raw"], first["rejected"]) == []


def test_every_rejection_reaches_the_published_warehouse_with_a_reason(first, ws):
    published = {r["source_file"]: r["reason"] for r in first["rows"]["ops.rejected_files"]}
    for name, e in ws["expected"].items():
        if e.status != "rejected":
            continue
        if name.endswith("#truncated"):  # named by the line where the gzip stream breaks
            name = next(k for k in published if k.startswith(name.removesuffix("#truncated") + "#"))
        assert name in published, name
        assert e.reason.lower() in published[name].lower(), (name, published[name])


def test_no_ingested_article_is_lost_on_the_way_to_the_published_marts(first):
    raw_ids = set(first["raw"]["article_id"])
    assert raw_ids, "the hostile folder has valid articles"
    assert raw_ids - first["ids"]["marts.dim_articles"] == set()
    assert first["summary"].table_counts["marts.dim_articles"] == len(raw_ids)


def test_all_five_seeds_survive_their_hostile_neighbours(first):
    by_file = {r["source_file"]: r for r in first["rows"]["marts.dim_articles"]}
    for source_file, article_id in seed_article_ids().items():
        assert by_file[source_file]["article_id"] == article_id
        assert by_file[source_file]["body_text"].strip()
    assert (
        by_file["001_1dccee4823061a04.txt"]["title"]
        == "Algeria and Morocco to Boost Joint Security Cooperation"
    )
    assert by_file["003_2ca05f1750cdc00a.txt"]["language"] == "ar"
