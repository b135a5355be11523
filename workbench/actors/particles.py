"""A surname that opens with a particle is a surname, not a full name ("Le Pen", "Van Dorn").

Name resolution takes a person's name of two words for a full name (a first name and
a surname), so "Le Pen" after "Marine Le Pen" would stay a person of its own. A name
whose first word is a surname particle ("le", "de", "van", "von" ...) written as the
name's first word is a surname with its particle: it resolves to the one full name of
its document that ends in it, as a one-word surname does.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from workbench.actors.gazetteer import fold
from workbench.actors.people import chain

#: Particles that open a surname. "Al", "El" and "Ben" are left out: they open first
#: names too ("Al Gore", "Ben Wallace").
PARTICLES = frozenset("de da di du del della dos das van von der den le la ter".split())


def is_particle_surname(name: str) -> bool:
    """Whether a name is a surname with its particle: a particle, then capitalised words.

    Example:
        >>> is_particle_surname("Le Pen"), is_particle_surname("Marine Le Pen")
        (True, False)
    """
    words = name.split(" ")
    return (
        len(words) >= 2
        and words[0].casefold() in PARTICLES
        and all(w[:1].isupper() for w in words[1:])
    )


def particle_surnames(work: pd.DataFrame) -> None:
    """Resolve "Le Pen" to the one full name of its document that ends in it ("Marine Le Pen").

    Only people the gazetteer does not know are resolved; a surname two full names of
    the document end in stays as it is.
    """
    live = ~work["dropped"] & (work["atype"] == "PERSON")
    part = work.loc[live, ["doc_id", "actor"]]
    maybe = [i for i, a in zip(part.index, part["actor"], strict=True) if is_particle_surname(a)]
    if not maybe:
        return
    docs = {work.at[i, "doc_id"] for i in maybe}
    full: dict[tuple[str, str], set[str]] = defaultdict(set)
    for doc, actor in part[part["doc_id"].isin(docs)].drop_duplicates().itertuples(index=False):
        words = fold(actor).split(" ")
        for k in range(1, len(words) - 1):
            if words[k] in PARTICLES:
                full[(doc, " ".join(words[k:]))].add(actor)
    for i in maybe:
        if work.at[i, "gaz_id"]:
            continue
        found = full.get((work.at[i, "doc_id"], fold(work.at[i, "actor"])), set())
        if len(found) == 1:
            work.at[i, "actor"] = next(iter(found))
            work.at[i, "rule"] = chain(work.at[i, "rule"], "surname in document")
