"""The places table of a timeline: place mentions counted, each place resolved once."""

from __future__ import annotations

import pandas as pd

from workbench.core.places import resolve_place

PLACE_COLUMNS = [
    "place",
    "kind",
    "country",
    "lat",
    "lon",
    "n_mentions",
    "n_docs",
    "surfaces",
    "ambiguous",
    "alternatives",
]


def places_table(place_mentions: pd.DataFrame) -> pd.DataFrame:
    """Count place mentions and resolve each place once.

    Args:
        place_mentions: One row per mention with ``doc_id``, ``surface`` and ``place``
            (the canonical name).

    Returns:
        :data:`PLACE_COLUMNS`, most mentioned first; ``lat``/``lon`` missing where the
        place could not be resolved; ``surfaces`` (the spellings seen, commonest first) and
        ``alternatives`` (other places of the name) are lists.
    """
    if place_mentions.empty:
        return pd.DataFrame(columns=PLACE_COLUMNS)
    grouped = place_mentions.groupby("place", sort=False)
    counts = grouped.agg(n_mentions=("doc_id", "size"), n_docs=("doc_id", "nunique"))
    surfaces = {place: list(s.value_counts().index[:8]) for place, s in grouped["surface"]}
    counts["surfaces"] = counts.index.map(surfaces)
    rows = []
    for place, row in counts.iterrows():
        p = resolve_place(place)
        rows.append(
            (
                place,
                p.kind,
                p.country,
                p.lat,
                p.lon,
                int(row.n_mentions),
                int(row.n_docs),
                row.surfaces,
                p.ambiguous,
                list(p.alternatives),
            )
        )
    out = pd.DataFrame(rows, columns=PLACE_COLUMNS)
    return out.sort_values(["n_mentions", "place"], ascending=[False, True]).reset_index(drop=True)
