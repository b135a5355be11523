"""Finding actors in the tables: by any name a researcher types, and the ones worth showing.

:func:`find_actor` turns "Sergei Lavrov", "lavrov" or "Zelenskyy" into the canonical name
the tables use, from the actors table, its ``aliases`` (the surfaces seen in the corpus)
and the gazetteer's aliases (:mod:`workbench.actors.gazetteer`); the matching itself is
:class:`workbench.core.names.NameIndex`, which the figures use too.

:func:`frequent_actors` (from :mod:`workbench.core.names`, so that figures apply the same
rule) is what displays show by default: actors named at least ``min_mentions`` times, the
threshold chosen by corpus size (:func:`default_min_mentions`), with the sentence that
says how many it hid. The full ``ActorTables.actors`` keeps every actor.
"""

from __future__ import annotations

import os

import pandas as pd

from workbench.actors.gazetteer import Gazetteer, load_gazetteer
from workbench.core.names import (
    AmbiguousNameError,
    NameIndex,
    NameNotFoundError,
    default_min_mentions,
    frequent_actors,
    min_mentions_for,
)

__all__ = [
    "AmbiguousNameError",
    "NameNotFoundError",
    "default_min_mentions",
    "find_actor",
    "frequent_actors",
    "min_mentions_for",
]


def find_actor(
    name: str,
    actors: pd.DataFrame | object,
    gazetteer: Gazetteer | str | os.PathLike[str] | None = None,
) -> str:
    """The canonical name of the actor ``name`` stands for.

    Tried in order: the exact canonical name; the name or an alias with case, accents,
    full stops and apostrophes ignored (canonical names first, then the gazetteer's
    aliases, then the surfaces seen in the corpus); a bare surname that belongs to exactly
    one person. Near misses are not guessed: they are suggested in the error.

    Args:
        name: What the researcher typed: "Sergey Lavrov", "Sergei Lavrov", "lavrov".
        actors: The actors table (``actor``, ``actor_type``, ``aliases``), or the
            ``ActorTables`` holding it.
        gazetteer: A :class:`Gazetteer` or a path to one; default ``data/actors.yml``.

    Returns:
        The actor's name as the tables write it.

    Raises:
        AmbiguousNameError: A bare surname that belongs to several people (all named).
        NameNotFoundError: Nothing answers to ``name`` (the closest names are suggested), or
            the gazetteer knows the actor but these documents never name it.

    Example:
        >>> find_actor("Sergei Lavrov", tables.actors)  # doctest: +SKIP
        'Sergey Lavrov'
    """
    table = _actors_table(actors)
    gaz = gazetteer if isinstance(gazetteer, Gazetteer) else load_gazetteer(gazetteer)
    index = NameIndex()
    kinds = table["actor_type"] if "actor_type" in table else [None] * len(table)
    for actor, kind in zip(table["actor"], kinds, strict=True):
        index.add(actor, kind if isinstance(kind, str) else None)
    for entry in gaz.entries.values():
        if entry.name in index.names:
            index.add(entry.name, aliases=entry.surfaces)
    index.add_table(table)
    try:
        return index.find(name)
    except NameNotFoundError as err:
        entry = gaz.lookup(str(name))
        if entry is None or type(err) is not NameNotFoundError:
            raise
        raise NameNotFoundError(
            f"actor={name!r} is {entry.name!r} in the gazetteer, but these documents never name it",
            str(name),
            [entry.name],
        ) from None


def _actors_table(actors: object) -> pd.DataFrame:
    table = getattr(actors, "actors", actors)
    if not isinstance(table, pd.DataFrame) or "actor" not in table:
        raise TypeError(
            "find_actor() takes the actors table (tables.actors from extract_actors) or the "
            f"ActorTables holding it, not {type(actors).__name__}"
        )
    return table
