"""Sentences that read the topics notebook's figures, written as Markdown from its tables."""

from __future__ import annotations

import pandas as pd

from workbench.core.escape import md_escape
from workbench.core.prose import plural as _n


def describe_fit(result) -> str:
    """What was modelled, how many topics came out, and the notes of the fit."""
    s = result.settings
    real = result.topic_info[(result.topic_info["topic"] != -1) & (result.topic_info["size"] > 0)]
    lead = ""
    if result.scope and result.doc_topics.empty:
        return (
            f"Nothing to show: {md_escape(result.notes[0])}."
            if result.notes
            else "Nothing to show."
        )
    if len(real):
        top = real.iloc[0]
        lead = (
            f" The largest topic, **{md_escape(top.label)}**, holds {_n(int(top['size']), 'unit')} "
            f"({top.share:.0%})."
        )
    notes = "".join(f"\n\n*Note:* {md_escape(n)}" for n in result.notes)
    if result.scope:
        return (
            f"{_n(len(result.doc_topics), s.unit)} selected ({md_escape(result.scope)}) of a model "
            f"fitted on {_n(s.n_units, s.unit)}: **{_n(len(real), 'topic')}** of its "
            f"{result.n_topics} present, {result.outlier_share:.0%} of the units outliers "
            f"(topic -1).{lead}{notes}"
        )
    return (
        f"{_n(s.n_units, s.unit)} modelled with {md_escape(s.embedding)} embeddings: "
        f"**{_n(result.n_topics, 'topic')}**, {result.outlier_share:.0%} of units left as outliers "
        f"(topic -1).{lead}{notes}"
    )


def describe_over_time(table: pd.DataFrame) -> str:
    """The topic with the sharpest peak over time."""
    if table.empty:
        return "The units carry no dates, so topics cannot be followed over time."
    real = table[table["topic"] != -1]
    if real.empty:
        return "Every dated unit is an outlier."
    # A bin of one or two stray units (an article dated years early) is not a peak: only
    # bins holding at least a quarter of the median bin's units (and 5) are compared.
    totals = (real["documents"] / real["share"]).where(real["share"] > 0)
    per_bin = totals.groupby(real["date"]).max()
    floor = max(5.0, float(per_bin.median()) / 4) if len(per_bin) else 5.0
    solid = real[real["date"].map(per_bin).fillna(0) >= floor]
    best = (solid if len(solid) else real).loc[(solid if len(solid) else real)["share"].idxmax()]
    return (
        f"The sharpest peak: **{md_escape(best.label)}** takes {best.share:.0%} of the units "
        f"in the bin starting {best.date:%Y-%m-%d} ({_n(int(best.documents), 'document')})."
    )


def describe_actors(by_actor: pd.DataFrame, *, min_mentions: int | None = None) -> str:
    """The actor most over-represented in a topic (named ``min_mentions`` times or more in it).

    The default grows with the table (3 on a small corpus, a tenth of the square root of
    all the mentions counted on a large one: 70 for half a million), so a name seen three
    times in a topic of three units does not top the list with a lift in the thousands.
    """
    if min_mentions is None:
        min_mentions = max(3, round(float(by_actor["mentions"].sum()) ** 0.5 / 10))
    solid = by_actor[(by_actor["mentions"] >= min_mentions) & (by_actor["topic"] != -1)]
    if solid.empty:
        return "No actor is named often enough in one topic to compare."
    best = solid.sort_values("lift", ascending=False).iloc[0]
    return (
        f"The strongest tie: **{md_escape(best.actor)}** is named {best.lift:.1f} times as often "
        f"in **{md_escape(best.label)}** as across all modelled units."
    )
