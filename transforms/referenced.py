"""Actors a later stage refers to that the actors stage did not list.

The statements stage resolves anonymous sources to the actor they stand for (`مصدر أمني جزائري` -> Algeria)
through the dictionary, so a speaker may be a dictionary actor that no mention in the batch names. Every
`speaker_actor_id` must still be a row of `dim_actors`: `referenced_actors` gives the ACTORS rows of such
ids from the dictionary, and says which ids it cannot describe (a bug upstream; the quality gate blocks them).
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from transforms.schemas import ACTORS, conform, empty


def referenced_actors(ids: Iterable[str | None], actors: pl.DataFrame, lexicon=None
                      ) -> tuple[pl.DataFrame, list[str]]:
    """(ACTORS rows for the ids not in `actors`, found in the dictionary; ids found nowhere), both sorted."""
    have = set(actors["actor_id"].to_list()) if not actors.is_empty() else set()
    wanted = sorted({i for i in ids if i and i not in have})
    if not wanted:
        return empty(ACTORS), []
    if lexicon is None:
        from transforms.actors import load_lexicon

        lexicon = load_lexicon()
    rows, unknown = [], []
    for aid in wanted:
        row = lexicon.actor(aid)
        if row:
            rows.append({k: row.get(k) for k in ACTORS})
        else:
            unknown.append(aid)
    frame = conform(pl.DataFrame(rows, schema={k: pl.String for k in ACTORS}), ACTORS) if rows else empty(ACTORS)
    return frame, unknown
