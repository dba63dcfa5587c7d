"""Run every extraction scorer in turn (`make score`): actors, statements, events.

Each scorer prints its own figures; corpus-based ones say so and skip when ../shared is absent.
"""

from __future__ import annotations

import sys

from scoring import score_actors, score_events, score_statements, score_statements_ar


def main() -> int:
    print("== actors (Wojood Arabic NER test split, PolNeAR dev sources)", flush=True)
    sys.argv = [sys.argv[0]]
    score_actors.main()
    print("\n== statements (PolNeAR dev: speaker + content pairs)", flush=True)
    score_statements.main(["--split", "dev"])
    print("\n== statements, Arabic (own development gold: 15 bulk articles, tests/fixtures/statements_gold_ar)",
          flush=True)
    score_statements_ar.main([])
    print("\n== statements, Arabic (own blind held-out gold: 12 bulk articles, heldout.jsonl)", flush=True)
    score_statements_ar.main(["--gold", str(score_statements_ar.GOLD.with_name("heldout.jsonl"))])
    print("\n== events (annotated fixtures, tests/fixtures/events: source, CAMEO root, target)", flush=True)
    for split in ("dev", "heldout"):
        score_events.main(["--split", split])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
