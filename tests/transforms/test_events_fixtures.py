"""The annotated event fixtures are well-formed and the extractor keeps its score on them
(the figures themselves are printed by `python -m scoring.score_events`)."""

from __future__ import annotations

from collections import Counter

from scoring.score_events import load_gold, score
from transforms.events import load_codebook


def test_gold_file_is_well_formed():
    items = load_gold()
    assert len({i["id"] for i in items}) == len(items)
    per = Counter((i["language"], i["split"]) for i in items)
    assert per[("en", "dev")] + per[("en", "heldout")] >= 30
    assert per[("ar", "dev")] + per[("ar", "heldout")] >= 20
    assert per[("en", "heldout")] >= 10 and per[("ar", "heldout")] >= 10
    roots = {c.event_root_code for c in load_codebook().values()}
    statuses = {"asserted", "negated", "future", "hypothetical", "demanded", "intended"}
    for it in items:
        assert it["text"] and it["language"] in ("en", "ar")
        for e in it["events"]:
            assert e["root"] in roots and e["root"] != "01"
            assert e["status"] in statuses


def test_extraction_scores_at_least_075_f1_on_dev_and_heldout():
    res = score(load_gold())
    assert res["all/dev"].f1 >= 0.75, res["all/dev"].line("all/dev")
    assert res["all/heldout"].f1 >= 0.75, res["all/heldout"].line("all/heldout")
    assert res["en"].f1 >= 0.75 and res["ar"].f1 >= 0.7
