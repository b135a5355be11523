"""Sentences that read the actors notebook's figures, written as Markdown from its tables.

Like the figures, the sentences leave out actors named fewer than ``min_mentions`` times
(by default a threshold that follows the corpus size) and say how many they left out.
"""

from __future__ import annotations

import pandas as pd

from workbench.core.escape import md_escape
from workbench.core.names import frequent_actors, min_mentions_for
from workbench.core.prose import plural as _n

#: An actor type in words: (one, many).
_KINDS = {
    "PERSON": ("person", "people"),
    "GPE": ("place or government", "places or governments"),
    "ORG": ("organisation", "organisations"),
    "MEDIA": ("outlet or agency", "outlets and agencies"),
    "LOC": ("place", "places"),
    "FAC": ("building or site", "buildings or sites"),
    "NORP": ("group", "groups"),
}


def _kind(count: int, actor_type: str) -> str:
    """``_kind(10, "GPE")`` is "10 places or governments"."""
    one, many = _KINDS.get(actor_type, (actor_type.lower(), actor_type.lower() + "s"))
    return f"{count:,} {one if count == 1 else many}"


def describe_actors(
    actors: pd.DataFrame, *, min_mentions: int | None = None, n_docs: int | None = None
) -> str:
    """How many actors of which types, who leads, and how many rarely named ones are hidden.

    Args:
        actors: The actors table, most mentioned first.
        min_mentions: Actors named fewer times are counted but not described (1: all);
            default by corpus size (:func:`workbench.actors.default_min_mentions`).
        n_docs: Documents in the corpus, for the default threshold.
    """
    if actors.empty:
        return "No actors were found in these documents."
    kept, note = frequent_actors(actors, min_mentions=min_mentions, n_docs=n_docs)
    shown = kept if len(kept) else actors
    types = shown["actor_type"].value_counts()
    kinds = ", ".join(_kind(int(n), t) for t, n in types.head(4).items())
    if note:
        threshold = min_mentions_for(actors, min_mentions=min_mentions, n_docs=n_docs)
        kinds = f"the {len(kept):,} named at least {threshold} times: {kinds}"
    top = actors.iloc[0]
    people = actors[actors["actor_type"] == "PERSON"]
    person = ""
    if len(people):
        p = people.iloc[0]
        person = (
            f" The most named person is **{md_escape(p.actor)}** "
            f"({_n(int(p.n_mentions), 'mention')} in {_n(int(p.n_docs), 'document')})."
        )
    return (
        f"{_n(len(actors), 'actor')} ({kinds}). The most named is **{md_escape(top.actor)}** "
        f"({_n(int(top.n_mentions), 'mention')} in {_n(int(top.n_docs), 'document')}).{person}"
        + (f" {note}" if note else "")
    )


def describe_pairs(
    edges: pd.DataFrame,
    weight: str,
    *,
    actors: pd.DataFrame | None = None,
    min_mentions: int | None = None,
    n_docs: int | None = None,
) -> str:
    """The strongest pair by the chosen weight.

    Args:
        edges: Co-occurrence edges.
        weight: count, n_docs, pmi, npmi or jaccard.
        actors: The actors table; with it, pairs with an actor named fewer than
            ``min_mentions`` times are passed over (by pmi, npmi or jaccard two actors
            named once, together, would lead).
        min_mentions: The threshold (1: all); default by corpus size.
        n_docs: Documents in the corpus, for the default threshold.
    """
    note = ""
    if actors is not None and not edges.empty:
        kept, note = frequent_actors(actors, min_mentions=min_mentions, n_docs=n_docs)
        names = set(kept["actor"])
        edges = edges[edges["source"].isin(names) & edges["target"].isin(names)]
    if edges.empty:
        return "No two actors are named together in this window." + (f" {note}" if note else "")
    best = edges.sort_values(weight, ascending=False).iloc[0]
    return (
        f"{_n(len(edges), 'pair')} of actors are named together. The strongest by {weight} is "
        f"**{md_escape(best.source)}** and **{md_escape(best.target)}** "
        f"({_n(int(best['count']), 'time')}, in {_n(int(best.n_docs), 'document')})."
        + (f" {note}" if note else "")
    )


def describe_quotes(quotes: pd.DataFrame) -> str:
    """Who is quoted most, and how."""
    if quotes.empty:
        return "No quotes with a speaker were found."
    named = quotes.dropna(subset=["speaker"])
    kinds = ", ".join(
        _n(int(n), k) if k == "interview turn" else f"{int(n):,} {k}"
        for k, n in quotes["kind"].value_counts().items()
    )
    lead = (
        f" The most quoted speaker is **{md_escape(named['speaker'].value_counts().index[0])}**."
        if len(named)
        else ""
    )
    return f"{_n(len(quotes), 'quote')} ({kinds}).{lead}"


def describe_citations(citations: pd.DataFrame) -> str:
    """Which outlets and agencies the articles cite."""
    if citations.empty:
        return "No article cites another outlet or agency by name."
    counts = citations.groupby("cited")["doc_id"].nunique().sort_values(ascending=False)
    top = ", ".join(f"{md_escape(c)} ({n})" for c, n in counts.head(5).items())
    return f"Outlets and agencies cited, with the number of articles citing them: {top}."
