"""Every quality suite passes on a good warehouse and fails, on exactly the expected checks, on a bad one.

Each bad case breaks one row of the good fixture (tests/quality/conftest.py) in its own way. All cases of a
suite go into one bad warehouse (GX costs about a second per suite run, so one run per suite, not per case),
written to DuckDB in tmp_path and checked through the public interface `run_suite`. Then, both ways:
- the set of failed checks (with severity) is exactly the union of what the cases expect;
- a case's row is named in the details of a failed check if and only if that case expects the check.
Cases that break a whole table (distributions, shares, row counts) run on a warehouse of their own.
"""

from __future__ import annotations

import copy

import pytest
from quality_fixture import GOOD, write_warehouse

from expectations import SUITES, blocking_failures, check_names, run_suite, summarize
from expectations.config import load_config
from expectations.runner import run_frames

B, W = "blocking", "warning"
N_ARTICLES = len(GOOD["dim_articles"])  # 16 English + 1 Arabic
N_MENTIONS = len(GOOD["fct_actor_mentions"])  # 50
N_STATEMENTS = len(GOOD["fct_statements"])  # 34
N_EVENTS = len(GOOD["fct_events"])  # 48


def failed(outcomes) -> dict[str, str]:
    return {o.check_name: o.severity for o in outcomes if not o.passed}


def outcome(outcomes, name):
    (o,) = [o for o in outcomes if o.check_name == name]
    return o


def test_fixture_sizes():
    assert (N_ARTICLES, N_MENTIONS, N_STATEMENTS, N_EVENTS) == (17, 50, 34, 48)


def test_good_warehouse_passes_every_check(good, open_warehouse):
    con = open_warehouse(good)
    counts = {f"marts.{t}": len(rows) for t, rows in good.items()}
    for suite in SUITES:
        outcomes = run_suite(suite, con, previous_counts=counts)
        assert [o.check_name for o in outcomes] == check_names(suite)
        assert failed(outcomes) == {}, summarize(outcomes)
        assert {o.severity for o in outcomes} == {B, W}
        if suite == "statements":
            assert outcome(outcomes, "speaker_resolved_share_min").observed_value == "1"
            assert outcome(outcomes, "span_resolves").observed_value == "0 of 34 rows"
            assert outcome(outcomes, "fct_statements_row_count_not_collapsed").observed_value == "34"


# Each case: (break(tables), {failed check: severity}, row index). Row indexes are distinct within a suite;
# "partner" rows (duplicates) are rows near the end of the table that no case touches.


def _a(t, i):
    return t["dim_articles"][i]


ARTICLE_CASES = {
    "empty body (newlines only)": (
        lambda t, i: _a(t, i).update(body_text="  \n \u00a0"),
        {"body_not_empty": B},
        0,
    ),
    "null body": (lambda t, i: _a(t, i).update(body_text=None), {"body_not_empty": B}, 1),
    "unknown language code": (
        lambda t, i: _a(t, i).update(language="xx"),
        {"language_is_iso639_1": B, "language_supported": W},
        2,
    ),
    "language missing": (lambda t, i: _a(t, i).update(language=None), {"language_not_null": W}, 3),
    "valid but unsupported language": (
        lambda t, i: _a(t, i).update(language="de"),
        {"language_supported": W},
        4,
    ),
    "duplicate content hash": (
        lambda t, i: _a(t, i).update(content_sha256=_a(t, 15)["content_sha256"]),
        {"content_sha256_unique": B},
        5,
    ),
    "content hash not lower-case hex": (
        lambda t, i: _a(t, i).update(content_sha256=_a(t, i)["content_sha256"].upper()),
        {"content_sha256_is_hex64": B},
        6,
    ),
    "duplicate article id": (
        lambda t, i: _a(t, i).update(article_id=_a(t, 14)["article_id"]),
        {"article_id_unique": B},
        7,
    ),
    "english comment form left in body": (
        lambda t, i: _a(t, i).update(body_text=_a(t, i)["body_text"] + "\n\nLeave a Reply"),
        {"no_furniture_in_body": B},
        8,
    ),
    "related link left in body": (
        lambda t, i: _a(t, i).update(
            body_text=_a(t, i)["body_text"] + " Read Also: Morocco Explains Its Strategy"
        ),
        {"no_likely_furniture_in_body": W},
        9,
    ),
    "word count zero": (
        lambda t, i: _a(t, i).update(word_count=0),
        {"word_count_positive": B, "word_count_consistent": W},
        10,
    ),
    "word count inconsistent": (
        lambda t, i: _a(t, i).update(word_count=900),
        {"word_count_consistent": W},
        11,
    ),
    "title is the body": (
        lambda t, i: _a(t, i).update(title=" " + _a(t, i)["body_text"] + "\n"),
        {"title_differs_from_body": W},
        12,
    ),
    "publication date in the future": (
        lambda t, i: _a(t, i).update(published_date=_a(t, i)["published_date"].replace(year=2099)),
        {"published_date_plausible": W},
        13,
    ),
    "arabic comment form left in body": (
        lambda t, i: _a(t, i).update(
            body_text=_a(t, i)["body_text"] + "\n\nكن أول من يضيف تعليق على هذا المقال"
        ),
        {"no_furniture_in_body": B, "no_likely_furniture_in_body": W},
        16,
    ),
}


def _m(t, i):
    return t["fct_actor_mentions"][i]


MENTION_CASES = {
    # UTF-16 offsets: the emoji at the start of every English body counts 2, so every span is off by one.
    "utf-16 offsets": (
        lambda t, i: _m(t, i).update(
            char_start=_m(t, i)["char_start"] + 1, char_end=_m(t, i)["char_end"] + 1
        ),
        {"span_resolves": B},
        0,
    ),
    "span past the end of the body": (
        lambda t, i: _m(t, i).update(char_end=10_000),
        {"span_in_bounds": B, "span_resolves": B},
        1,
    ),
    "empty span": (
        lambda t, i: _m(t, i).update(char_end=_m(t, i)["char_start"], surface_text=""),
        {"span_in_bounds": B, "surface_text_not_blank": B},
        2,
    ),
    "unknown actor": (lambda t, i: _m(t, i).update(actor_id="nobody"), {"actor_exists": B}, 3),
    "unknown article": (
        lambda t, i: _m(t, i).update(article_id="no-such-article"),
        {"article_exists": B, "span_in_bounds": B, "span_resolves": B},
        4,
    ),
    "duplicate mention id": (
        lambda t, i: _m(t, i).update(mention_id=_m(t, -1)["mention_id"]),
        {"mention_id_unique": B},
        5,
    ),
    "no sentence index": (lambda t, i: _m(t, i).update(sentence_index=None), {"sentence_index_set": W}, 6),
}


def _actor(t, i):
    return t["dim_actors"][i]


ACTOR_CASES = {
    "actor type outside the enum": (
        lambda t, i: _actor(t, i).update(actor_type="POLITICIAN"),
        {"actor_type_valid": B},
        0,
    ),
    "alpha-2 country code": (
        lambda t, i: _actor(t, i).update(country_iso3="MA"),
        {"country_iso3_valid": B},
        1,
    ),
    "made-up country code": (
        lambda t, i: _actor(t, i).update(country_iso3="MOR"),
        {"country_iso3_valid": B},
        2,
    ),
    "actor without a name": (
        lambda t, i: _actor(t, i).update(canonical_name=None),
        {"canonical_name_not_null": B},
        3,
    ),
    "actor without a type": (
        lambda t, i: _actor(t, i).update(actor_type=None),
        {"actor_type_not_null": B},
        4,
    ),
    "cameo actor code malformed": (
        lambda t, i: _actor(t, i).update(cameo_code="mar-gov"),
        {"cameo_code_shape": W},
        5,
    ),
    "duplicate actor id": (
        lambda t, i: t["dim_actors"].append(dict(_actor(t, i), canonical_name="Copy")),
        {"actor_id_unique": B},
        6,
    ),
}


def _s(t, i):
    return t["fct_statements"][i]


STATEMENT_CASES = {
    "empty statement text": (
        lambda t, i: _s(t, i).update(statement_text="", char_end=_s(t, i)["char_start"]),
        {"statement_text_not_empty": B, "span_in_bounds": B},
        0,
    ),
    "span off by one": (
        lambda t, i: _s(t, i).update(char_start=_s(t, i)["char_start"] - 1),
        {"span_resolves": B},
        1,
    ),
    "arabic span off by one (diacritic)": (
        lambda t, i: _s(t, i).update(char_start=_s(t, i)["char_start"] + 1),
        {"span_resolves": B},
        32,
    ),
    "direct or reported unknown": (
        lambda t, i: _s(t, i).update(is_direct_quote=None),
        {"is_direct_quote_not_null": B},
        2,
    ),
    "no speech verb": (lambda t, i: _s(t, i).update(speech_verb=None), {"speech_verb_not_empty": W}, 3),
    "blank speech verb": (lambda t, i: _s(t, i).update(speech_verb=" \t"), {"speech_verb_not_empty": W}, 5),
    "speaker not in dim_actors": (
        lambda t, i: _s(t, i).update(speaker_actor_id="ghost"),
        {"speaker_exists": B},
        7,
    ),
    "duplicate statement id": (
        lambda t, i: _s(t, i).update(statement_id=_s(t, -1)["statement_id"]),
        {"statement_id_unique": B},
        9,
    ),
    "quote marks kept": (
        lambda t, i: _s(t, i).update(
            statement_text="“" + _s(t, i)["statement_text"] + ".”",
            char_start=_s(t, i)["char_start"] - 1,
            char_end=_s(t, i)["char_end"] + 2,
        ),
        {"statement_text_unquoted": W},
        10,
    ),
    "language not ISO 639-1": (
        lambda t, i: _s(t, i).update(language="english"),
        {"language_is_iso639_1": B},
        11,
    ),
}


def _e(t, i):
    return t["fct_events"][i]


# Events come three per English article: 043 Host a visit (root 04), 036 (root 03), 112 Accuse (root 11).
EVENT_CASES = {
    "code does not begin with its root": (
        lambda t, i: _e(t, i).update(event_root_code="03"),
        {"event_code_starts_with_root": B},
        0,
    ),
    "root outside 01..20": (
        lambda t, i: _e(t, i).update(event_root_code="21", event_code="211"),
        {"event_root_code_valid": B, "quad_class_matches_root": B, "event_code_in_codebook": B},
        3,
    ),
    "code read as a number (leading zero lost)": (
        lambda t, i: _e(t, i).update(event_code="36", event_root_code="3"),
        {"event_root_code_valid": B, "quad_class_matches_root": B, "event_code_in_codebook": B},
        4,
    ),
    "quad class of another root": (
        lambda t, i: _e(t, i).update(quad_class=4),
        {"quad_class_matches_root": B},
        5,
    ),
    "goldstein out of range": (
        lambda t, i: _e(t, i).update(goldstein=12.0),
        {"goldstein_in_range": B, "goldstein_matches_codebook": B},
        6,
    ),
    "goldstein not the codebook's": (
        lambda t, i: _e(t, i).update(goldstein=3.0),
        {"goldstein_matches_codebook": B},
        9,
    ),
    "code not in the codebook": (
        lambda t, i: _e(t, i).update(event_code="049"),
        {"event_code_in_codebook": B},
        12,
    ),
    "goldstein missing": (
        lambda t, i: _e(t, i).update(goldstein=None),
        {"goldstein_not_null": B, "goldstein_matches_codebook": B},
        15,
    ),
    "confidence above 1": (lambda t, i: _e(t, i).update(confidence=1.5), {"confidence_in_range": B}, 16),
    "confidence missing": (lambda t, i: _e(t, i).update(confidence=None), {"confidence_not_null": B}, 17),
    "precision outside the enum": (
        lambda t, i: _e(t, i).update(event_date_precision="week"),
        {"event_date_precision_valid": B},
        18,
    ),
    "modality outside the enum": (
        lambda t, i: _e(t, i).update(modality="rumoured"),
        {"modality_valid": W},
        19,
    ),
    "evidence span cut short": (
        lambda t, i: _e(t, i).update(char_end=_e(t, i)["char_end"] - 1),
        {"span_resolves": B},
        20,
    ),
    "source actor missing": (
        lambda t, i: _e(t, i).update(source_actor_id=None),
        {"source_actor_id_not_null": B},
        21,
    ),
    "source actor unknown": (
        lambda t, i: _e(t, i).update(source_actor_id="ghost"),
        {"source_actor_exists": B},
        22,
    ),
    "target actor unknown": (
        lambda t, i: _e(t, i).update(target_actor_id="ghost"),
        {"target_actor_exists": B},
        23,
    ),
    "negation unknown": (lambda t, i: _e(t, i).update(is_negated=None), {"is_negated_not_null": B}, 24),
    "no label": (lambda t, i: _e(t, i).update(event_label=None), {"event_label_not_null": W}, 25),
    "duplicate event id": (
        lambda t, i: _e(t, i).update(event_id=_e(t, -1)["event_id"]),
        {"event_id_unique": B},
        26,
    ),
}

# suite -> [(table, id column shown in details, cases)]
PLAN = {
    "articles": [("dim_articles", "source_file", ARTICLE_CASES)],
    "actor_mentions": [
        ("fct_actor_mentions", "mention_id", MENTION_CASES),
        ("dim_actors", "actor_id", ACTOR_CASES),
    ],
    "statements": [("fct_statements", "statement_id", STATEMENT_CASES)],
    "events": [("fct_events", "event_id", EVENT_CASES)],
}


@pytest.fixture(scope="module")
def bad_runs(tmp_path_factory):
    """suite -> (outcomes, [(case, row id, expected)]) for one bad warehouse holding all of the suite's cases."""
    runs = {}
    for suite, plan in PLAN.items():
        tables = copy.deepcopy(GOOD)
        rows = []
        for table, id_col, cases in plan:
            indexes = [i for _, _, i in cases.values()]
            assert len(set(indexes)) == len(indexes), f"{suite}: two cases on one row"
            for case, (break_it, expected, i) in cases.items():
                break_it(tables, i)
                rows.append((case, f"{id_col}={tables[table][i][id_col]}", expected))
        path = write_warehouse(tmp_path_factory.mktemp(suite) / "bad.duckdb", tables)
        import duckdb

        with duckdb.connect(str(path), read_only=True) as con:
            runs[suite] = (run_suite(suite, con), rows)
    return runs


@pytest.mark.parametrize("suite", SUITES)
def test_bad_warehouse_fails_exactly_the_expected_checks(suite, bad_runs):
    outcomes, rows = bad_runs[suite]
    expected = {}
    for _, _, exp in rows:
        expected.update(exp)
    assert failed(outcomes) == expected, summarize(outcomes)
    assert blocking_failures(outcomes), "every suite's bad fixture must stop publication"


CASES = [(suite, case) for suite, plan in PLAN.items() for _, _, cases in plan for case in cases]


@pytest.mark.parametrize(("suite", "case"), CASES, ids=[f"{s}: {c}" for s, c in CASES])
def test_each_bad_row_is_named_by_exactly_its_checks(suite, case, bad_runs):
    outcomes, rows = bad_runs[suite]
    ((row_id, expected),) = [(r, e) for c, r, e in rows if c == case]
    named_by = {o.check_name for o in outcomes if not o.passed and row_id in o.details}
    assert named_by == set(expected), summarize(outcomes)


def test_furniture_check_names_the_phrase(good, open_warehouse):
    _a(good, 4)["body_text"] += " Your email address will not be published."
    o = outcome(run_suite("articles", open_warehouse(good)), "no_furniture_in_body")
    assert (o.passed, o.severity, o.observed_value) == (False, B, f"1 of {N_ARTICLES} rows")
    assert "furniture_blocking=your email address will not be published" in o.details
    assert f"source_file={_a(good, 4)['source_file']}" in o.details


def test_bodies_that_are_all_the_same_warn(good, open_warehouse):
    for a in good["dim_articles"]:
        a["body_text"] = "Subscribe to our channel for more news and videos"
        a["word_count"] = 9
    outcomes = run_suite("articles", open_warehouse(good))
    assert failed(outcomes) == {"bodies_mostly_distinct": W}
    assert outcome(outcomes, "bodies_mostly_distinct").observed_value == "0.05882"  # 1 distinct of 17


def test_everything_negated_warns(good, open_warehouse):
    for e in good["fct_events"]:
        e["is_negated"] = True
    outcomes = run_suite("events", open_warehouse(good))
    assert failed(outcomes) == {"negated_share_plausible": W}
    assert outcome(outcomes, "negated_share_plausible").observed_value == "1"


def test_speaker_resolution_share_thresholds(good, open_warehouse):
    statements = good["fct_statements"]
    for s in statements[:10]:
        s["speaker_actor_id"] = None  # 24/34 = 0.706: below the 0.8 target, above the 0.5 floor
    outcomes = run_suite("statements", open_warehouse(good))
    assert failed(outcomes) == {"speaker_resolved_share_target": W}
    assert outcome(outcomes, "speaker_resolved_share_target").observed_value == "0.7059"
    for s in statements[:20]:
        s["speaker_actor_id"] = None  # 14/34 = 0.412
    outcomes = run_suite("statements", open_warehouse(good))
    assert failed(outcomes) == {"speaker_resolved_share_min": B, "speaker_resolved_share_target": W}
    assert "at least 50% of statements have a resolved speaker" in summarize(outcomes)


def test_statements_without_speech_cue_block_when_systematic(good, open_warehouse):
    for s in good["fct_statements"][:4]:
        s["speech_verb"] = None  # 30/34 = 0.882 < 0.9
    outcomes = run_suite("statements", open_warehouse(good))
    assert failed(outcomes) == {"speech_verb_not_empty": W, "speech_verb_share_min": B}
    assert outcome(outcomes, "speech_verb_share_min").observed_value == "0.8824"
    assert outcome(outcomes, "speech_verb_not_empty").observed_value == "4 of 34 rows"


def test_events_without_source_actor_block(good, open_warehouse):
    for e in good["fct_events"][:10]:
        e["source_actor_id"] = None  # 38/48 = 0.79 < 0.8
    outcomes = run_suite("events", open_warehouse(good))
    assert failed(outcomes) == {"source_actor_id_not_null": B, "source_actor_share_min": B}
    assert outcome(outcomes, "source_actor_share_min").observed_value == "0.7917"


def test_reported_speech_with_a_quoted_phrase_inside_is_not_flagged(good, open_warehouse):
    body = _a(good, 0)["body_text"]
    _a(good, 0)["body_text"] = body = body + " He said it was “a political motive.”"
    text = "it was “a political motive.”"
    start = body.index(text)
    good["fct_statements"].append(
        dict(
            _s(good, 0),
            statement_id="extra",
            statement_text=text,
            char_start=start,
            char_end=start + len(text),
        )
    )
    _a(good, 0)["word_count"] = len(body.split())
    outcomes = run_suite("statements", open_warehouse(good))
    assert failed(outcomes) == {}
    assert outcome(outcomes, "statement_text_unquoted").observed_value == "0 of 35 rows"


def test_quad_class_mapping_agrees_with_the_codebook():
    import csv

    cfg = load_config()
    mapping = {k: v for k, v in cfg.thresholds["quad_class_by_root"].items() if not k.startswith("_")}
    assert sorted(mapping) == [f"{i:02d}" for i in range(1, 21)]
    with cfg.codebook.path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) > 250
    for r in rows:
        assert r["event_code"].startswith(r["event_root_code"]), r
        assert int(r["quad_class"]) == mapping[r["event_root_code"]], r
        assert -10 <= float(r["goldstein"]) <= 10, r


def test_speaker_share_not_judged_on_a_handful_of_statements(good, open_warehouse):
    good["fct_statements"] = good["fct_statements"][:3]
    for s in good["fct_statements"]:
        s["speaker_actor_id"] = None
    outcomes = run_suite("statements", open_warehouse(good))
    assert failed(outcomes) == {}
    assert outcome(outcomes, "speaker_resolved_share_min").observed_value == "not evaluated: 3 rows < 10"


def test_null_country_is_allowed(good, open_warehouse):
    _actor(good, 0)["country_iso3"] = None
    outcomes = run_suite("actor_mentions", open_warehouse(good))
    assert failed(outcomes) == {}
    assert outcome(outcomes, "country_iso3_valid").observed_value == "0 of 22 rows (1 null, not applicable)"


# ---------------------------------------------------------------- row counts against the last published run


def test_row_count_collapse_is_blocking(good, open_warehouse):
    con = open_warehouse(good)  # 17 articles
    outcomes = run_suite("articles", con, previous_counts={"marts.dim_articles": 40})
    o = outcome(outcomes, "dim_articles_row_count_not_collapsed")
    assert (o.passed, o.severity, o.observed_value) == (False, B, "17")
    assert "previous published count: 40" in o.details
    assert blocking_failures(outcomes) == [o]
    # 17 of 34 is within the bound (>= 50%); a small previous count (< 20) may shrink freely
    assert failed(run_suite("articles", con, previous_counts={"marts.dim_articles": 34})) == {}
    assert failed(run_suite("articles", con, previous_counts={"dim_articles": 19})) == {}


def test_table_that_empties_is_blocking_even_when_small(good, open_warehouse):
    good["fct_events"] = []
    con = open_warehouse(good)
    outcomes = run_suite("events", con, previous_counts={"marts.fct_events": 3})
    assert failed(outcomes) == {"fct_events_row_count_not_collapsed": B}
    # on a first run (no previous warehouse) an empty table is fine
    assert failed(run_suite("events", con, previous_counts=None)) == {}


def test_row_count_jump_warns(good, open_warehouse):
    outcomes = run_suite("actor_mentions", open_warehouse(good), previous_counts={"fct_actor_mentions": 2})
    assert failed(outcomes) == {}  # previous below min_previous: no bound
    for k in range(10):  # 50 -> 550 mentions, more than 10 x 50
        good["fct_actor_mentions"] += [
            dict(m, mention_id=f"{m['mention_id']}-{k}") for m in GOOD["fct_actor_mentions"]
        ]
    outcomes = run_suite("actor_mentions", open_warehouse(good), previous_counts={"fct_actor_mentions": 50})
    assert failed(outcomes) == {"fct_actor_mentions_row_count_not_jumped": W}
    assert outcome(outcomes, "fct_actor_mentions_row_count_not_jumped").observed_value == "550"


# ---------------------------------------------------------------- broken warehouse, missing codebook, CLI text


def test_missing_table_fails_every_check_with_the_reason(good, open_warehouse):
    outcomes = run_suite("statements", open_warehouse(good, skip=("fct_statements",)))
    assert [o.check_name for o in outcomes] == check_names("statements")
    assert all(not o.passed for o in outcomes)
    assert outcomes[0].details.startswith("could not read marts.fct_statements: CatalogException")
    assert "fct_statements does not exist" in outcomes[0].details


def test_without_codebook_the_codebook_checks_warn_that_they_did_not_run(good, open_warehouse, tmp_path):
    cfg = load_config(codebook_path=str(tmp_path / "absent.csv"))
    _e(good, 3)["goldstein"] = 3.0  # not caught without a codebook
    outcomes = run_frames("events", open_warehouse(good), None, cfg)
    assert failed(outcomes) == {"event_code_in_codebook": W, "goldstein_matches_codebook": W}
    assert "absent" in outcome(outcomes, "event_code_in_codebook").details


def test_summary_puts_blocking_failures_first(good, open_warehouse):
    _e(good, 0)["confidence"] = 2.0
    _e(good, 1)["modality"] = "rumoured"
    lines = summarize(run_suite("events", open_warehouse(good))).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(
        f"[blocking] events.confidence_in_range: 1 of {N_EVENTS} rows: confidence in [0, 1]"
    )
    assert f"event_id={_e(good, 0)['event_id']}" in lines[0]
    assert lines[1].startswith(f"[warning] events.modality_valid: 1 of {N_EVENTS} rows")
