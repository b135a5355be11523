"""Sentences that read the timeline notebook's figures, written as Markdown from its tables.

Each function takes a table of :class:`workbench.timeline.TimelineTables` and returns a
short paragraph for :func:`workbench.notebook.say`; corpus text is escaped.
"""

from __future__ import annotations

import pandas as pd

from workbench.core.bins import label
from workbench.core.escape import md_escape
from workbench.core.names import resolve_names
from workbench.core.prose import plural as _n
from workbench.core.tables import split_cell


def describe_volume(volume: pd.DataFrame, dated: float, bin: str) -> str:
    """When the coverage peaked, and how much of the corpus is dated.

    ``bin`` is the bin the volume was counted by, in any spelling (``"M"`` reads month).
    """
    if volume.empty:
        return (
            "**No document has a publication date**, so coverage over time cannot be drawn. "
            "The events below carry the dates their sentences give, and the table of years "
            "shows which years the texts talk about."
        )
    per_bin = volume.groupby("bin")["n_docs"].sum()
    peak = per_bin.idxmax()
    bin = label(bin)
    undated = (
        f" {1 - dated:.0%} of the documents have no date and are left out." if dated < 1 else ""
    )
    return (
        f"Coverage per {bin}: the busiest {bin} starts **{peak:%Y-%m-%d}** with "
        f"{_n(int(per_bin.max()), 'document')}, over {_n(len(per_bin), bin)} with coverage."
        f"{undated}"
    )


def describe_actors(actor_timeline: pd.DataFrame, chosen: list[str]) -> str:
    """The most mentioned actor and the bin where each of the chosen actors peaks."""
    if actor_timeline.empty:
        return "No actor mentions fall in dated documents."
    peaks = []
    for actor in resolve_names(chosen[:4], actor_timeline):
        part = actor_timeline[actor_timeline["actor"] == actor].groupby("bin")["n_mentions"].sum()
        if len(part):
            peaks.append(f"{md_escape(actor)} peaks in the bin of {part.idxmax():%Y-%m-%d}")
    totals = actor_timeline.groupby("actor")["n_mentions"].sum().sort_values(ascending=False)
    return (
        f"The most mentioned actor over the period is **{md_escape(totals.index[0])}** "
        f"({_n(int(totals.iloc[0]), 'mention')}). " + ("; ".join(peaks) + "." if peaks else "")
    )


def describe_events(events: pd.DataFrame) -> str:
    """How many events, and the most reported one in words."""
    if events.empty:
        return (
            "No sentence reports an event with a place or two named participants "
            "(meetings, talks, calls, visits, agreements, ceasefires, strikes, attacks)."
        )
    top = events.iloc[0]
    where = f" in {md_escape(top.place)}" if isinstance(top.place, str) else ""
    when = f" on {top.date:%Y-%m-%d}" if pd.notna(top.date) else ""
    who = ", ".join(md_escape(p) for p in split_cell(top.participants)[:4])
    planned = (events["status"] == "planned").sum()
    return (
        f"{_n(len(events), 'event')} reported, {planned:,} of them planned rather than held. "
        f"The most reported is a **{md_escape(top.event_type)}{where}**{when} "
        f"({_n(int(top.n_docs), 'article')}, {_n(int(top.n_reports), 'sentence')})"
        + (f" with {who}." if who else ".")
    )


def describe_places(places: pd.DataFrame) -> str:
    """The most named places, and what could not be placed or is ambiguous."""
    if places.empty:
        return "No place names were found."
    top = ", ".join(
        f"{md_escape(p)} ({n:,})"
        for p, n in zip(places["place"][:5], places["n_mentions"][:5], strict=True)
    )
    unresolved = places["lat"].isna().sum()
    ambiguous = places["ambiguous"].sum()
    return (
        f"The most named places: {top}. {_n(int(unresolved), 'place')} could not be located "
        f"(regions and buildings, listed in the table), {int(ambiguous):,} "
        f"{'is' if ambiguous == 1 else 'are'} ambiguous (another place of the same name is at "
        "least a tenth as large; the table names the alternatives)."
    )
