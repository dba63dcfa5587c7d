"""Actors: documents + sentences -> raw.actor_mentions + raw.actors. (STUB: owner replaces this.)"""

from __future__ import annotations

import polars as pl

from transforms.schemas import ACTOR_MENTIONS, ACTORS, empty


class ActorLexicon:
    """Resolves a piece of text (a name, acronym, demonym, description) to an actor_id."""

    def lookup(self, text: str, language: str) -> str | None:
        """`Algeria`, `الجزائر`, `an Algerian government source`, `مصدر أمني جزائري` -> Algeria's actor_id."""
        return None

    def actor(self, actor_id: str) -> dict | None:
        """The ACTORS row for an id, as a dict, or None."""
        return None


def load_lexicon() -> ActorLexicon:
    return ActorLexicon()


def extract_actors(documents: pl.DataFrame, sentences: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Returns (actor_mentions, actors) conforming to ACTOR_MENTIONS and ACTORS."""
    return empty(ACTOR_MENTIONS), empty(ACTORS)
