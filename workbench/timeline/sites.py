"""Sites: a building named as where something happens is a place, whatever its tag.

A name whose last word is a building or an installation ("the White House", "the Kerch
Bridge", "St Volodymyr's Cathedral", "Hostomel Airport") is often tagged as an
organisation, and "the White House said" is one: the people inside it. After a
preposition of place ("met at the White House", "an attack on the Kerch Bridge", "a
visit to the Elysee Palace") it is the building itself, where the event happened.
:func:`as_sites` retypes such mentions as facilities (``FAC``), places of their own, for
the events read from the sentences.
"""

from __future__ import annotations

import re

import pandas as pd

# The last word of a building's or installation's name: "White House", "Kerch Bridge".
_BUILDING = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+)+(?:House|Palace|Church|Cathedral|Chapel|Mosque|Monastery|Bridge"
    r"|Base|Airbase|Airport|Airfield|Station|Plant|Square|Stadium|Arena|Hotel|Building"
    r"|Embassy|Hall|Theat(?:re|er)|Dam|Port)$"
    r"|^(?:Kremlin|Pentagon)$"
)
# A preposition of place just before the name: "at the", "inside the", "on the".
_AT = re.compile(
    r"\b(?:at|inside|outside|near|in|into|on|onto|to|toward|towards|over|from)\s+the\s+$",
    re.I,
)
#: Characters before a mention read for the preposition.
WINDOW = 20


def is_site(surface: str, before: str) -> bool:
    """Whether a name told after ``before`` is a building where something happens."""
    return bool(_BUILDING.search(surface.strip()) and _AT.search(before))


def as_sites(mentions: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """``mentions`` with the organisations named as buildings after "at the" retyped.

    Args:
        mentions: The actors layer's mentions (``doc_id``, ``start``, ``surface``,
            ``actor``, ``actor_type``) with a ``place`` column naming places.
        texts: Each document's text by ``doc_id`` (the mentions' offsets are into it).

    Returns:
        A copy where such mentions have ``actor_type`` ``FAC`` and their actor as ``place``.
    """
    if mentions.empty:
        return mentions
    orgs = mentions["actor_type"] == "ORG"
    hits = [
        i
        for i, doc_id, start, surface in zip(
            mentions.index[orgs],
            mentions.loc[orgs, "doc_id"],
            mentions.loc[orgs, "start"],
            mentions.loc[orgs, "surface"],
            strict=True,
        )
        if isinstance(surface, str)
        and is_site(surface, texts.get(doc_id, "")[max(0, int(start) - WINDOW) : int(start)])
    ]
    if not hits:
        return mentions
    out = mentions.copy()
    out.loc[hits, "actor_type"] = "FAC"
    out.loc[hits, "place"] = out.loc[hits, "actor"]
    return out
