"""Whom a national description stands for: "the Russian leader", "Ukraine's president".

A news article names a person once with the country they act for ("Ruritanian President
Mira Tal", "Ruritania's envoy, Dan Ek") and goes on with a description that repeats only
the country and a role: "the Ruritanian leader added", "Ruritania's president said". When
the text gives no one that role as a title (:func:`workbench.actors.descriptions.
titled_person` finds no holder), the description stands for the person in the focus of
the last few sentences who acts for that country: the last one who spoke or acted there
whom the text (or the gazetteer) ties to that country. Never meant are someone tied to no
country or to another one ("the Ruritanian leader" is not the last speaker when the text
ties them to no place), someone the text gives another title ("the Ruritanian general"
is not Senator Tal; "leader" fits any title), anyone for a description with more title
words than its role ("Ruritania's general chief of staff": an office, which only its
holder's title names), or anyone for a place that is a city ("the mayor of Port Vell"
is not whoever the text ties to Port Vell).

A role usually left unnamed ("the Ruritanian official") is left to
:mod:`workbench.actors.references`: it may be anyone.
"""

from __future__ import annotations

from workbench.actors import descriptions
from workbench.actors.document import Document
from workbench.actors.gazetteer import fold
from workbench.actors.names import DEMONYMS
from workbench.actors.nationalities import places_agree
from workbench.core.places import resolve_place

#: Role nouns that fit whatever title the person holds ("the Ruritanian leader").
ANY_ROLE = frozenset({"leader"})


def compatriot(doc: Document, desc: descriptions.Description, pos: int) -> str | None:
    """The person a description naming a country stands for, or None.

    The caller reads it where the description is definite or possessed ("the Ruritanian
    leader", "Ruritania's leader") and names no one as a title does.

    Args:
        doc: The document being read.
        desc: The description ("the Ruritanian leader": noun "leader", places "ruritanian").
        pos: Where the description's verb is.

    Returns:
        The last person who spoke or acted within :data:`descriptions.RECENT` sentences
        before ``pos``, whom the text ties to the description's country and gives no other
        title, else None.
    """
    if not desc.places or desc.titles or not _country(doc, desc):
        return None  # "the Ruritanian general chief": an office, not just a country's role
    ties = descriptions.person_ties(doc)
    held: dict[str, set[str]] = {}
    for _, actor, titles, _ in descriptions.mention_titles(doc):
        held.setdefault(actor, set()).update(titles)
    here = doc.sentence_index(pos)
    acted = [
        (s[0], s[2])
        for s in doc.subjects
        if s[1] <= pos and s[3] == "PERSON" and doc.acts(s) and not doc.in_caption(s[0])
    ]
    spoke = [
        (r[5], r[1])
        for r in doc.found
        if r[5] < pos and isinstance(r[1], str) and doc.types.get(r[1]) == "PERSON"
    ]
    near = [
        (at, actor)
        for at, actor in acted + spoke
        if here - doc.sentence_index(at) <= descriptions.RECENT
        and places_agree(desc.places, ties.get(actor, frozenset()), strict=True)
        and (desc.noun in ANY_ROLE or not held.get(actor) or desc.noun in held[actor])
    ]
    return max(near)[1] if near else None


def _country(doc: Document, desc: descriptions.Description) -> bool:
    """Whether the description's place words name a nation.

    A nationality, or a place the text names that is no city: a country, or one the place
    index does not know.
    """
    if any(p in DEMONYMS for p in desc.places):
        return True
    return any(
        s[3] == "GPE"
        and places_agree(desc.places, frozenset(fold(s[2]).split()), strict=True)
        and resolve_place(s[2]).kind != "city"
        for s in doc.named
    )
