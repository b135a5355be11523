"""Timeline figures: coverage volume, actors over time, the event timeline, the map of places.

Each function takes a table from :mod:`workbench.timeline` and returns a
``go.Figure``. The map uses plotly's world outline, which plotly.js would fetch
from the web; :func:`offline_map_assets` returns a ``<script>`` that hands it the
bundled outline instead, so a rendered report draws its map with no network.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from workbench.core.escape import hover_text
from workbench.core.names import resolve_names
from workbench.core.tables import cell_text
from workbench.plots.theme import PALETTE, empty_figure, require_table, style

_ASSETS = Path(__file__).resolve().parents[1] / "assets"
_EVENT_SYMBOLS = {
    "meeting": "circle",
    "summit": "star",
    "talks": "diamond",
    "call": "triangle-up",
    "visit": "square",
    "agreement": "pentagon",
    "ceasefire": "cross",
    "strike": "x",
    "attack": "x",
}


def focus_range(dates: pd.Series, weights: pd.Series | None = None, *, share: float = 0.98):
    """The date span holding the central ``share`` of the weight, padded a little.

    Scraped corpora often have a thin tail of old articles; the figures open on the span
    where the coverage is (the rest stays a zoom-out away) and say so.
    """
    d = pd.Series(pd.to_datetime(dates)).reset_index(drop=True)
    w = (
        pd.Series(1.0, index=d.index)
        if weights is None
        else pd.Series(weights).reset_index(drop=True)
    )
    order = d.argsort()
    d, w = d.iloc[order].reset_index(drop=True), w.iloc[order].reset_index(drop=True)
    cum = w.cumsum() / w.sum()
    lo = d[cum >= (1 - share) / 2].iloc[0]
    hi = d[cum >= 1 - (1 - share) / 2].iloc[0]
    if lo == d.iloc[0] and hi == d.iloc[-1]:
        return None
    pad = max((hi - lo) * 0.03, pd.Timedelta(days=3))
    return [lo - pad, hi + pad]


def _focus(fig: go.Figure, dates: pd.Series, weights: pd.Series | None = None) -> go.Figure:
    span = focus_range(dates, weights)
    if span is not None:
        fig.update_xaxes(range=span)
        fig.add_annotation(
            text="zoomed to where 98% of it falls; double-click to see all",
            showarrow=False,
            xref="paper",
            yref="paper",
            x=1,
            y=1.06,
            xanchor="right",
            font=dict(size=11, color="#666"),
        )
    return fig


def coverage_volume(
    volume: pd.DataFrame,
    *,
    top_sources: int = 12,
    measure: str = "n_docs",
    title: str = "Coverage over time",
) -> go.Figure:
    """Stacked bars of documents (or words) per date bin, one colour per source.

    Sources beyond the ``top_sources`` largest are summed as "other sources".
    """
    volume = require_table(volume, "volume", "coverage_volume")
    if volume.empty:
        return empty_figure("No dated documents: coverage over time cannot be drawn.", title=title)
    totals = volume.groupby("source")[measure].sum().sort_values(ascending=False)
    keep = set(totals.index[:top_sources])
    v = volume.assign(source=volume["source"].where(volume["source"].isin(keep), "other sources"))
    v = v.groupby(["bin", "source"], as_index=False)[measure].sum()
    fig = go.Figure()
    order = [s for s in totals.index if s in keep] + (
        ["other sources"] if len(totals) > top_sources else []
    )
    for i, source in enumerate(order):
        part = v[v["source"] == source]
        fig.add_bar(
            x=part["bin"],
            y=part[measure],
            name=hover_text(source, limit=40),
            marker_color=PALETTE[i % len(PALETTE)],
            hovertemplate=f"{hover_text(source, limit=60)}<br>%{{x|%Y-%m-%d}}: %{{y:,}}"
            "<extra></extra>",
        )
    _focus(fig, volume["bin"], volume[measure])
    fig.update_layout(
        barmode="stack",
        xaxis_title="date",
        legend_title_text="source",
        yaxis_title="documents" if measure == "n_docs" else "words",
    )
    return style(fig, title=title, height=420)


def actor_mentions_over_time(
    actor_timeline: pd.DataFrame,
    *,
    top_n: int = 8,
    actors: list[str] | None = None,
    title: str = "Actor mentions over time",
) -> go.Figure:
    """Lines of mentions per date bin for the ``top_n`` most mentioned actors, or a chosen list."""
    actor_timeline = require_table(actor_timeline, "actor_timeline", "actor_mentions_over_time")
    if actor_timeline.empty:
        return empty_figure("No dated actor mentions to draw.", title=title)
    totals = actor_timeline.groupby("actor")["n_mentions"].sum().sort_values(ascending=False)
    chosen = resolve_names(actors, actor_timeline) if actors else list(totals.index[:top_n])
    missing = [a for a in chosen if a not in totals.index]
    fig = go.Figure()
    for i, actor in enumerate(a for a in chosen if a in totals.index):
        part = (
            actor_timeline[actor_timeline["actor"] == actor]
            .groupby("bin", as_index=False)["n_mentions"]
            .sum()
        )
        fig.add_scatter(
            x=part["bin"],
            y=part["n_mentions"],
            mode="lines+markers",
            name=hover_text(actor, limit=40),
            line_color=PALETTE[i % len(PALETTE)],
            hovertemplate=f"{hover_text(actor, limit=60)}<br>%{{x|%Y-%m-%d}}: %{{y:,}} mentions"
            "<extra></extra>",
        )
    if missing:
        fig.add_annotation(
            text=hover_text("not found: " + ", ".join(missing), limit=200),
            showarrow=False,
            xref="paper",
            yref="paper",
            x=0,
            y=1.08,
            xanchor="left",
        )
    _focus(fig, actor_timeline["bin"], actor_timeline["n_mentions"])
    fig.update_layout(xaxis_title="date", yaxis_title="mentions", legend_title_text="actor")
    return style(fig, title=title, height=420)


def event_timeline(
    events: pd.DataFrame, *, top_n: int = 40, title: str = "Reported events"
) -> go.Figure:
    """The ``top_n`` most reported events on a time axis, one row per event type.

    Marker size grows with the number of articles reporting the event; hovering shows
    participants, place, sources and an example sentence.
    """
    events = require_table(events, "events", "event_timeline")
    dated = events.dropna(subset=["date"]) if len(events) else events
    if dated.empty:
        return empty_figure("No dated events found in the texts.", title=title)
    top = dated.nlargest(top_n, ["n_docs", "n_reports"])
    fig = go.Figure()
    for i, (event_type, part) in enumerate(top.groupby("event_type", sort=True)):
        hover = [_event_hover(r) for r in part.itertuples()]
        fig.add_scatter(
            x=part["date"],
            y=[event_type] * len(part),
            mode="markers",
            name=hover_text(event_type),
            marker=dict(
                size=8 + 16 * (part["n_docs"] / top["n_docs"].max()) ** 0.5,
                color=PALETTE[i % len(PALETTE)],
                symbol=_EVENT_SYMBOLS.get(event_type, "circle"),
                opacity=0.8,
                line=dict(width=1, color="white"),
            ),
            text=hover,
            hovertemplate="%{text}<extra></extra>",
        )
    fig.update_layout(xaxis_title="date of the event", yaxis_title="", showlegend=False)
    return style(fig, title=title, height=max(320, 70 * top["event_type"].nunique() + 160))


def _event_hover(r) -> str:
    place = f" in {hover_text(r.place)}" if isinstance(r.place, str) else ""
    status = " (planned)" if r.status == "planned" else ""
    return (
        f"<b>{hover_text(r.event_type)}{place}{status}</b>"
        f"<br>{r.date:%Y-%m-%d} ({hover_text(r.precision)})"
        f"<br>{hover_text(r.participants, width=70, limit=200)}"
        f"<br>{r.n_reports} reports in {r.n_docs} articles: "
        f"{hover_text(r.sources, limit=120) or 'no source'}"
        f"<br><i>{hover_text(r.example, width=70, limit=300)}</i>"
    )


def places_map(
    places: pd.DataFrame, *, top_n: int = 60, title: str = "Places named in the coverage"
) -> go.Figure:
    """Bubbles on a world map, sized by mentions, for the ``top_n`` most mentioned places.

    Unresolved places are left off the map (they are listed in the table); an
    ambiguous name's hover says which other places it could be.
    """
    places = require_table(places, "places", "places_map")
    located = places.dropna(subset=["lat", "lon"]) if len(places) else places
    if located.empty:
        return empty_figure("No place in the texts could be located.", title=title)
    top = located.nlargest(top_n, "n_mentions")
    size = 8 + 40 * (top["n_mentions"] / top["n_mentions"].max()) ** 0.5
    hover = [
        f"<b>{hover_text(r.place)}</b> ({hover_text(r.kind)}, {hover_text(r.country)})"
        f"<br>{r.n_mentions:,} mentions in {r.n_docs:,} articles"
        + (
            f"<br>could also be: {hover_text(r.alternatives, limit=150)}"
            if cell_text(r.alternatives)
            else ""
        )
        for r in top.itertuples()
    ]
    fig = go.Figure(
        go.Scattergeo(
            lon=top["lon"],
            lat=top["lat"],
            text=hover,
            hovertemplate="%{text}<extra></extra>",
            marker=dict(
                size=size,
                color=[PALETTE[3] if a else PALETTE[0] for a in top["ambiguous"]],
                opacity=0.7,
                line=dict(width=0.5, color="white"),
            ),
        )
    )
    fig.update_geos(
        resolution=110,
        scope="world",
        projection_type="natural earth",
        showcountries=True,
        countrycolor="#bbb",
        showland=True,
        landcolor="#f2f2f2",
        showocean=True,
        oceancolor="#e8f0f8",
        fitbounds="locations",
    )
    fig.update_layout(margin=dict(l=10, r=10, t=60, b=10))
    return style(fig, title=title, height=480)


@lru_cache(maxsize=1)
def offline_map_assets() -> str:
    """A ``<script>`` giving plotly.js the bundled world outline, so maps need no network.

    Display it once in a notebook before any map (``IPython.display.HTML``).
    """
    topo = json.loads((_ASSETS / "world_110m.json").read_text())
    payload = json.dumps(topo, separators=(",", ":")).replace("</", "<\\/")
    return (
        "<script>window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};"
        f"window.PlotlyGeoAssets.topojson['world_110m'] = {payload};</script>"
    )
