"""Sentences that read the actors notebook's figures, written as Markdown from its tables."""

from __future__ import annotations

import pandas as pd

from workbench.core.escape import md_escape
from workbench.core.prose import plural as _n


def describe_actors(actors: pd.DataFrame) -> str:
    """How many actors of which types, and who leads."""
    if actors.empty:
        return "No actors were found in these documents."
    types = actors["actor_type"].value_counts()
    kinds = ", ".join(
        f"{_n(int(n), t.lower() if t != 'GPE' else 'place or government')}"
        for t, n in types.head(4).items()
    )
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
    )


def describe_pairs(edges: pd.DataFrame, weight: str) -> str:
    """The strongest pair by the chosen weight."""
    if edges.empty:
        return "No two actors are named together in this window."
    best = edges.sort_values(weight, ascending=False).iloc[0]
    return (
        f"{_n(len(edges), 'pair')} of actors are named together. The strongest by {weight} is "
        f"**{md_escape(best.source)}** and **{md_escape(best.target)}** "
        f"({_n(int(best['count']), 'time')}, in {_n(int(best.n_docs), 'document')})."
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
