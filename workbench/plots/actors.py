"""Figures of the actors layer: each takes tables from :mod:`workbench.actors` and returns a figure.

Actor names, quotes and example sentences come from the articles, so every one of
them is escaped (:func:`~workbench.core.escape.hover_text`) before it reaches a label,
a legend or a hover. Network layouts are computed here (a seeded spring layout),
so the same tables always draw the same picture.

Actors named fewer than ``min_mentions`` times are left out of every figure that is
given the actors table; by default the threshold follows the corpus size
(:func:`workbench.core.names.default_min_mentions`), and the figure's subtitle says how
many actors it hid. An actor argument takes any name or alias the actors table knows
(:func:`workbench.core.names.find_name`; :func:`workbench.actors.find_actor` also knows
the gazetteer's).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from workbench.config import DEFAULT_SEED
from workbench.core.escape import hover_text
from workbench.core.names import find_name, frequent_actors
from workbench.plots.theme import PALETTE, empty_figure, require_table, style

_WEIGHTS = ("count", "n_docs", "pmi", "npmi", "jaccard")


def actor_network(
    edges: pd.DataFrame,
    actors: pd.DataFrame,
    *,
    examples: pd.DataFrame | None = None,
    top: int = 40,
    weight: str = "count",
    color_by: str = "actor_type",
    seed: int = DEFAULT_SEED,
    min_mentions: int | None = None,
    n_docs: int | None = None,
) -> go.Figure:
    """The co-occurrence network of the ``top`` most mentioned actors.

    Args:
        edges: From :func:`workbench.actors.network.cooccurrence`.
        actors: The actors table (``actor``, ``actor_type``, ``n_mentions``, ``affiliation``).
        examples: From :func:`workbench.actors.network.pair_examples`; shown when hovering an edge.
        top: Actors drawn, by mentions.
        weight: Edge column setting edge width: count, n_docs, pmi, npmi or jaccard.
        color_by: ``"actor_type"`` or ``"affiliation"``.
        seed: Seed of the layout.
        min_mentions: Leave out actors named fewer times (1 shows all); default by corpus size.
        n_docs: Documents in the corpus, for the default ``min_mentions`` (estimated from
            the actors table when not given).
    """
    edges = require_table(edges, "edges", "actor_network")
    actors = require_table(actors, "actors", "actor_network")
    if examples is not None:
        examples = require_table(
            examples,
            "examples",
            "actor_network",
            made_by="workbench.actors.network.pair_examples(edges, mentions, sentences)",
        )
    _check_weight(weight)
    kept, note = frequent_actors(actors, min_mentions=min_mentions, n_docs=n_docs)
    nodes = kept.sort_values("n_mentions", ascending=False).head(top)
    shown = edges[edges["source"].isin(nodes["actor"]) & edges["target"].isin(nodes["actor"])]
    title = f"Who is named with whom: the {len(nodes)} most mentioned actors"
    if nodes.empty or shown.empty:
        return _subtitled(empty_figure("No actors named together.", title="Actor network"), note)
    pos = spring_layout(nodes["actor"].tolist(), shown, weight=weight, seed=seed)
    fig = go.Figure(_edge_traces(shown, pos, weight, examples))
    for trace in _node_traces(nodes, pos, color_by):
        fig.add_trace(trace)
    _hide_axes(fig)
    return _subtitled(style(fig, title=title, height=650), note)


def ego_network(
    edges: pd.DataFrame,
    actors: pd.DataFrame,
    actor: str,
    *,
    examples: pd.DataFrame | None = None,
    top: int = 20,
    weight: str = "count",
    seed: int = DEFAULT_SEED,
    min_mentions: int | None = None,
    n_docs: int | None = None,
) -> go.Figure:
    """One actor at the centre with the ``top`` actors most often named with it.

    Args:
        edges: Co-occurrence edges.
        actors: The actors table.
        actor: The actor at the centre: its name, any spelling or alias the actors table
            lists, or a surname only one person has ("Lavrov").
        examples: Example sentences per pair (optional).
        top: Neighbours drawn, by ``weight``.
        weight: Edge column ranking and sizing the neighbours.
        seed: Seed of the layout.
        min_mentions: Leave out neighbours named fewer times (1 shows all); default by
            corpus size. The actor at the centre is always drawn.
        n_docs: Documents in the corpus, for the default ``min_mentions``.

    Raises:
        NameNotFoundError: No actor answers to ``actor``; the closest names are suggested.
    """
    edges = require_table(edges, "edges", "ego_network")
    actors = require_table(actors, "actors", "ego_network")
    if examples is not None:
        examples = require_table(
            examples,
            "examples",
            "ego_network",
            made_by="workbench.actors.network.pair_examples(edges, mentions, sentences)",
        )
    _check_weight(weight)
    actor = find_name(actor, actors)
    kept, note = frequent_actors(actors, min_mentions=min_mentions, n_docs=n_docs)
    allowed = set(kept["actor"]) | {actor}
    edges = edges[edges["source"].isin(allowed) & edges["target"].isin(allowed)]
    touching = edges[(edges["source"] == actor) | (edges["target"] == actor)]
    title = f"Named with {actor}"
    if touching.empty:
        return _subtitled(empty_figure(f"No co-occurrences of {actor}.", title=title), note)
    near = touching.sort_values(weight, ascending=False).head(top)
    others = set(near["source"]) | set(near["target"])
    nodes = actors[actors["actor"].isin(others)]
    sub = edges[edges["source"].isin(others) & edges["target"].isin(others)]
    pos = spring_layout(nodes["actor"].tolist(), sub, weight=weight, seed=seed, fixed=actor)
    fig = go.Figure(_edge_traces(sub, pos, weight, examples))
    for trace in _node_traces(nodes, pos, "actor_type"):
        fig.add_trace(trace)
    _hide_axes(fig)
    return _subtitled(style(fig, title=title, height=600), note)


def cooccurrence_heatmap(edges: pd.DataFrame, *, top: int = 25, value: str = "count") -> go.Figure:
    """A matrix of the ``top`` best-connected actors, cells coloured by ``value``.

    Args:
        edges: Co-occurrence edges.
        top: Actors shown, by summed ``count`` of their edges.
        value: count, n_docs, pmi, npmi or jaccard.
    """
    edges = require_table(edges, "edges", "cooccurrence_heatmap")
    _check_weight(value)
    if edges.empty:
        return empty_figure("No actors named together.", title="Co-occurrence")
    strength = (
        pd.concat([edges.groupby("source")["count"].sum(), edges.groupby("target")["count"].sum()])
        .groupby(level=0)
        .sum()
    )
    names = strength.sort_values(ascending=False).head(top).index.tolist()
    matrix = pd.DataFrame(np.nan, index=names, columns=names)
    for s, t, v in zip(edges["source"], edges["target"], edges[value], strict=True):
        if s in matrix.index and t in matrix.index:
            matrix.loc[s, t] = matrix.loc[t, s] = v
    labels = [hover_text(n, limit=40) for n in names]
    fig = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy(),
            x=labels,
            y=labels,
            colorscale="Blues",
            colorbar=dict(title=value),
            hovertemplate="%{y} & %{x}<br>" + value + ": %{z:.3g}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(tickangle=-45, automargin=True)
    return style(
        fig,
        title=f"Co-occurrence of the {len(names)} best-connected actors ({value})",
        height=max(400, 120 + 22 * len(names)),
    )


def top_pairs(
    edges: pd.DataFrame,
    *,
    examples: pd.DataFrame | None = None,
    n: int = 20,
    value: str = "count",
    actors: pd.DataFrame | None = None,
    min_mentions: int | None = None,
    n_docs: int | None = None,
) -> go.Figure:
    """The ``n`` strongest pairs as bars, with example sentences in the hover.

    Args:
        edges: Co-occurrence edges.
        examples: From :func:`workbench.actors.network.pair_examples`; up to three
            sentences per pair, with outlet and date, shown when hovering a bar.
        n: Pairs drawn.
        value: count, n_docs, pmi, npmi or jaccard: the ranking and the bar length.
        actors: The actors table; with it, pairs with an actor named fewer than
            ``min_mentions`` times are left out (by pmi, npmi or jaccard such pairs, named
            together once, would lead).
        min_mentions: The threshold (1 shows all); default by corpus size.
        n_docs: Documents in the corpus, for the default ``min_mentions``.
    """
    edges = require_table(edges, "edges", "top_pairs")
    if examples is not None:
        examples = require_table(
            examples,
            "examples",
            "top_pairs",
            made_by="workbench.actors.network.pair_examples(edges, mentions, sentences)",
        )
    _check_weight(value)
    note = ""
    if actors is not None:
        actors = require_table(actors, "actors", "top_pairs")
        kept, note = frequent_actors(actors, min_mentions=min_mentions, n_docs=n_docs)
        edges = edges[edges["source"].isin(kept["actor"]) & edges["target"].isin(kept["actor"])]
    if edges.empty:
        return _subtitled(empty_figure("No actors named together.", title="Top pairs"), note)
    best = edges.sort_values(value, ascending=False).head(n).iloc[::-1]
    hover = [_example(examples, s, t) for s, t in zip(best["source"], best["target"], strict=True)]
    labels = [
        f"{hover_text(s, limit=40)} – {hover_text(t, limit=40)}"
        for s, t in zip(best["source"], best["target"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=best[value],
            y=labels,
            orientation="h",
            marker_color=PALETTE[0],
            customdata=hover,
            hovertemplate="%{y}<br>" + value + ": %{x:.3g}<br>%{customdata}<extra></extra>",
        )
    )
    fig.update_xaxes(title=value)
    fig.update_yaxes(automargin=True)
    fig = style(
        fig,
        title=f"The {len(best)} pairs most often named together",
        height=max(300, 80 + 26 * len(best)),
    )
    return _subtitled(fig, note)


def top_speakers(quotes: pd.DataFrame, *, n: int = 20) -> go.Figure:
    """The ``n`` most quoted speakers, bars split by kind of quote, a sample quote in the hover."""
    quotes = require_table(quotes, "quotes", "top_speakers")
    if quotes.empty:
        return empty_figure("No quotes found.", title="Top quoted speakers")
    order = quotes["speaker"].value_counts().head(n).index[::-1]
    sample = quotes.drop_duplicates("speaker").set_index("speaker")["quote"]
    fig = go.Figure()
    for i, (kind, part) in enumerate(quotes[quotes["speaker"].isin(order)].groupby("kind")):
        counts = part["speaker"].value_counts().reindex(order, fill_value=0)
        fig.add_trace(
            go.Bar(
                x=counts.to_numpy(),
                y=[hover_text(s, limit=40) for s in order],
                orientation="h",
                name=hover_text(kind),
                marker_color=PALETTE[i % len(PALETTE)],
                customdata=[hover_text(sample.get(s, ""), width=60, limit=240) for s in order],
                hovertemplate="%{y}: %{x} " + hover_text(kind) + "<br>%{customdata}<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title="quotes")
    fig.update_yaxes(automargin=True)
    return style(
        fig, title=f"The {len(order)} most quoted speakers", height=max(300, 80 + 26 * len(order))
    )


#: Pull of every node towards the centre, so that actors with few links stay near the rest.
GRAVITY = 0.05


def spring_layout(
    nodes: list[str],
    edges: pd.DataFrame,
    *,
    weight: str = "count",
    seed: int = DEFAULT_SEED,
    iterations: int = 200,
    fixed: str | None = None,
) -> dict[str, tuple[float, float]]:
    """Node positions by a seeded Fruchterman–Reingold layout (heavier edges pull closer).

    Args:
        nodes: Node names.
        edges: ``source``, ``target`` and the ``weight`` column.
        weight: Column scaling attraction (made positive, then divided by its maximum).
        seed: Seed of the starting positions.
        iterations: Steps of the simulation.
        fixed: A node pinned at the centre (the ego of an ego network).
    """
    index = {name: i for i, name in enumerate(nodes)}
    n = len(nodes)
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1, 1, size=(n, 2))
    sub = edges[edges["source"].isin(index) & edges["target"].isin(index)]
    a = np.array([index[s] for s in sub["source"]], dtype=int)
    b = np.array([index[t] for t in sub["target"]], dtype=int)
    w = sub[weight].to_numpy(dtype=float) if len(sub) else np.zeros(0)
    w = np.sqrt(w - w.min() + 1e-3) if len(w) else w  # heavy hubs should not swallow the rest
    w = w / w.max() if len(w) else w
    k = 1.0 / np.sqrt(max(n, 1))
    for step in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 1e-3)
        move = (delta * (k * k / dist**2)[..., None]).sum(axis=1)
        pull = (pos[a] - pos[b]) * (dist[a, b] * w / k)[:, None]
        np.add.at(move, a, -pull)
        np.add.at(move, b, pull)
        move -= GRAVITY * pos * np.linalg.norm(pos, axis=1, keepdims=True)  # keep loners in view
        length = np.maximum(np.linalg.norm(move, axis=1), 1e-9)
        temperature = 0.1 * (1 - step / iterations) + 1e-3
        pos += move / length[:, None] * np.minimum(length, temperature)[:, None]
        if fixed in index:
            pos[index[fixed]] = 0.0
    return {name: (float(pos[i, 0]), float(pos[i, 1])) for name, i in index.items()}


# ----------------------------------------------------------------------------- helpers


def _check_weight(weight: str) -> None:
    if weight not in _WEIGHTS:
        raise ValueError(f"weight {weight!r}: choose one of {', '.join(_WEIGHTS)}")


def _edge_traces(edges: pd.DataFrame, pos: dict, weight: str, examples) -> list[go.Scatter]:
    """One line trace per width class (plotly lines have one width per trace) + hover points."""
    values = edges[weight].to_numpy(dtype=float)
    lo, hi = (values.min(), values.max()) if len(values) else (0.0, 1.0)
    widths = 1 + 7 * (values - lo) / (hi - lo) if hi > lo else np.full(len(values), 2.0)
    traces: list[go.Scatter] = []
    for width in np.unique(np.round(widths)):
        part = edges[np.round(widths) == width]
        xs, ys = [], []
        for s, t in zip(part["source"], part["target"], strict=True):
            xs += [pos[s][0], pos[t][0], None]
            ys += [pos[s][1], pos[t][1], None]
        traces.append(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                hoverinfo="skip",
                showlegend=False,
                line=dict(width=float(width), color="rgba(120,120,120,0.45)"),
            )
        )
    mid = [
        ((pos[s][0] + pos[t][0]) / 2, (pos[s][1] + pos[t][1]) / 2)
        for s, t in zip(edges["source"], edges["target"], strict=True)
    ]
    text = [
        f"{hover_text(s, limit=40)} – {hover_text(t, limit=40)}<br>{weight}: {v:.3g}<br>"
        f"{_example(examples, s, t)}"
        for s, t, v in zip(edges["source"], edges["target"], values, strict=True)
    ]
    traces.append(
        go.Scatter(
            x=[m[0] for m in mid],
            y=[m[1] for m in mid],
            mode="markers",
            marker=dict(size=6, opacity=0),
            text=text,
            showlegend=False,
            hovertemplate="%{text}<extra></extra>",
        )
    )
    return traces


def _node_traces(nodes: pd.DataFrame, pos: dict, color_by: str) -> list[go.Scatter]:
    groups = (
        nodes[color_by].fillna("unknown")
        if color_by in nodes
        else pd.Series("actor", index=nodes.index)
    )
    size = np.sqrt(nodes["n_mentions"].to_numpy(dtype=float))
    size = 10 + 30 * size / size.max() if len(size) and size.max() > 0 else size
    traces = []
    for i, group in enumerate(sorted(groups.unique(), key=str)):
        part = nodes[groups == group]
        sizes = size[(groups == group).to_numpy()]
        traces.append(
            go.Scatter(
                x=[pos[a][0] for a in part["actor"]],
                y=[pos[a][1] for a in part["actor"]],
                mode="markers+text",
                name=hover_text(group),
                text=[hover_text(a, limit=30) for a in part["actor"]],
                textposition="top center",
                marker=dict(
                    size=sizes, color=PALETTE[i % len(PALETTE)], line=dict(width=1, color="white")
                ),
                customdata=part["n_mentions"].to_numpy(),
                hovertemplate="%{text}<br>%{customdata} mentions<extra>"
                + hover_text(group)
                + "</extra>",
            )
        )
    return traces


def _example(examples: pd.DataFrame | None, source: str, target: str, n: int = 3) -> str:
    """Up to ``n`` example sentences of a pair, each with its outlet and date, escaped."""
    if examples is None or examples.empty:
        return ""
    hit = examples[(examples["source"] == source) & (examples["target"] == target)].head(n)
    lines = []
    for _, row in hit.iterrows():
        where = [str(row[c]) for c in ("outlet",) if c in row and isinstance(row[c], str)]
        if "date" in row and pd.notna(row["date"]):
            where.append(f"{pd.Timestamp(row['date']):%Y-%m-%d}")
        cite = f"<br>  <i>{hover_text(', '.join(where), limit=60)}</i>" if where else ""
        lines.append(hover_text(row["text"], width=70, limit=200 if n > 1 else 280) + cite)
    return "<br>".join(lines)


def _subtitled(fig: go.Figure, note: str) -> go.Figure:
    """The figure with ``note`` (what it leaves out) as its subtitle."""
    if note:
        fig.update_layout(title=dict(subtitle=dict(text=hover_text(note), font=dict(size=12))))
        fig.update_layout(margin=dict(t=max(fig.layout.margin.t or 60, 80)))
    return fig


def _hide_axes(fig: go.Figure) -> None:
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.update_layout(legend=dict(title="type"))
