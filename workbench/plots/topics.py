"""Topic figures: sizes and words, over time, per class (outlet or any column), a map, similarity.

Each function takes one of the tables of :mod:`workbench.topics` /
:mod:`workbench.topics.tables` and returns a ``go.Figure``; none shows or saves
it. Labels, words and passages come from articles, so all of them are escaped
with :func:`workbench.core.escape.hover_text`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from workbench.core.errors import InputError
from workbench.core.escape import hover_text
from workbench.plots.theme import PALETTE, empty_figure, require_table, style


def _colour(topic: int) -> str:
    return "#bbbbbb" if topic == -1 else PALETTE[int(topic) % len(PALETTE)]


def topic_sizes(topic_info: pd.DataFrame, *, top: int = 20) -> go.Figure:
    """Horizontal bars: units per topic, largest first, the topic words in the hover.

    Args:
        topic_info: ``TopicResult.topic_info`` (of the whole corpus or of a view; topics
            with no unit in a view are left out).
        top: Topics shown.
    """
    topic_info = require_table(topic_info, "topic_info", "topic_sizes")
    real = topic_info[(topic_info["topic"] != -1) & (topic_info["size"] > 0)].head(top)
    if real.empty:
        return empty_figure("No topics were found.", title="Topic sizes")
    real = real.iloc[::-1]
    fig = go.Figure(
        go.Bar(
            x=real["size"],
            y=[
                f"{t}: {hover_text(lab, limit=60)}"
                for t, lab in zip(real["topic"], real["label"], strict=True)
            ],
            orientation="h",
            marker_color=[_colour(t) for t in real["topic"]],
            customdata=[hover_text(w, width=60) for w in real["words"]],
            hovertemplate="%{y}<br>%{x} units<br>%{customdata}<extra></extra>",
        )
    )
    fig.update_xaxes(title="units")
    return style(fig, title="Topic sizes", height=max(300, 28 * len(real) + 120))


def topic_words(
    topic_words: pd.DataFrame,
    *,
    topics: list[int] | None = None,
    n_words: int = 8,
    columns: int = 3,
    labels: Mapping[int, str] | None = None,
) -> go.Figure:
    """Bars of each topic's top words by weight, one small panel per topic.

    Args:
        topic_words: ``TopicResult.topic_words`` (``topic, rank, word, weight``).
        topics: Topics to show (default: the first nine that are not outliers).
        n_words: Words per topic.
        columns: Panels per row.
        labels: Topic -> label (``result.labels()``), for the panel titles; without it
            they read "Topic 3".
    """
    topic_words = require_table(topic_words, "topic_words", "topic_words")
    frame = topic_words[topic_words["topic"] != -1]
    topics = topics if topics is not None else list(dict.fromkeys(frame["topic"]))[:9]
    if not topics:
        return empty_figure("No topics were found.", title="Topic words")
    rows = -(-len(topics) // columns)
    fig = make_subplots(
        rows=rows,
        cols=columns,
        subplot_titles=[
            hover_text(f"{t}: {labels[t]}", limit=40) if labels and t in labels else f"Topic {t}"
            for t in topics
        ],
        horizontal_spacing=0.12,
        vertical_spacing=0.12,
    )
    for i, t in enumerate(topics):
        words = frame[frame["topic"] == t].sort_values("rank").head(n_words).iloc[::-1]
        fig.add_trace(
            go.Bar(
                x=words["weight"],
                y=[hover_text(w, limit=30) for w in words["word"]],
                orientation="h",
                marker_color=_colour(t),
                showlegend=False,
                hovertemplate="%{y}: %{x:.4f}<extra></extra>",
            ),
            row=i // columns + 1,
            col=i % columns + 1,
        )
    return style(fig, title="Topic words (c-TF-IDF weight)", height=260 * rows + 60)


def topics_over_time(table: pd.DataFrame, *, measure: str = "share", top: int = 8) -> go.Figure:
    """Lines of each topic's units (or share of units) per date bin.

    Args:
        table: From :func:`workbench.topics.tables.topics_over_time`.
        measure: ``"share"`` or ``"units"``.
        top: The largest topics drawn.
    """
    table = require_table(
        table,
        "topics over time",
        "topics_over_time",
        made_by="workbench.topics.tables.topics_over_time(result)",
    )
    if table.empty:
        return empty_figure(
            "No dated units: topics over time need a date column.", title="Topics over time"
        )
    keep = table.groupby("topic")["units"].sum().sort_values(ascending=False).head(top).index
    fig = go.Figure()
    for t in keep:
        part = table[table["topic"] == t].sort_values("date")
        name = hover_text(f"{t}: {part['label'].iloc[0]}", limit=50)
        fig.add_trace(
            go.Scatter(
                x=part["date"],
                y=part[measure],
                mode="lines+markers",
                name=name,
                line_color=_colour(t),
                hovertemplate=f"{name}<br>%{{x|%Y-%m-%d}}: %{{y}}<extra></extra>",
            )
        )
    per = table.attrs.get("freq_name", "bin")
    fig.update_yaxes(title="share of units" if measure == "share" else "units", rangemode="tozero")
    return style(fig, title=f"Topics over time (per {per})", height=420)


def topics_per_source(table: pd.DataFrame, *, top: int = 8) -> go.Figure:
    """Stacked bars: each source's share of units in each topic (:func:`topics_per_class`).

    Args:
        table: From :func:`workbench.topics.tables.topics_per_source`.
        top: The largest topics drawn; the rest are summed as "other topics".
    """
    table = require_table(
        table,
        "topics per source",
        "topics_per_source",
        made_by="workbench.topics.tables.topics_per_source(result)",
    )
    return topics_per_class(table, by="source", top=top)


def topics_per_class(table: pd.DataFrame, *, by: str | None = None, top: int = 8) -> go.Figure:
    """Stacked bars: each class's share of units in each topic (outlets, text kinds, ...).

    Args:
        table: From :func:`workbench.topics.tables.topics_per_class`.
        by: The class column; default: the one the table was made by (``attrs["by"]``),
            else its first column.
        top: The largest topics drawn; the rest are summed as "other topics".
    """
    table = require_table(
        table,
        "topics per class",
        "topics_per_class",
        made_by="workbench.topics.tables.topics_per_class(result, by='source')",
    )
    by = by or table.attrs.get("by") or (str(table.columns[0]) if len(table.columns) else "class")
    title = f"Topics per {by}"
    if table.empty:
        return empty_figure(f"No topics to compare across {by} values.", title=title)
    if by not in table.columns:
        raise InputError(
            f"topics_per_class(by={by!r}): the table has no such column "
            f"(its columns: {', '.join(map(str, table.columns))})"
        )
    keep = set(table.groupby("topic")["units"].sum().sort_values(ascending=False).head(top).index)
    fig = go.Figure()
    for t in sorted(keep):
        part = table[table["topic"] == t]
        name = hover_text(f"{t}: {part['label'].iloc[0]}", limit=50)
        fig.add_trace(
            go.Bar(
                x=[hover_text(s, limit=40) for s in part[by]],
                y=part["share"],
                name=name,
                marker_color=_colour(t),
                hovertemplate=f"{name}<br>%{{x}}: %{{y:.1%}}<extra></extra>",
            )
        )
    rest = table[~table["topic"].isin(keep)].groupby(by)["share"].sum()
    if not rest.empty:
        fig.add_trace(
            go.Bar(
                x=[hover_text(s, limit=40) for s in rest.index],
                y=rest.values,
                name="other topics",
                marker_color="#dddddd",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title=f"share of the {by}'s units", tickformat=".0%")
    return style(fig, title=title, height=440)


def document_map(
    table: pd.DataFrame, *, show_outliers: bool = True, max_points: int = 1500, seed: int = 42
) -> go.Figure:
    """A scatter of the units in two dimensions, coloured by topic, the passage in the hover.

    Args:
        table: From :func:`workbench.topics.tables.document_map`.
        show_outliers: Draw topic -1 in grey.
        max_points: Draw at most this many units, a seeded sample (the same share of each
            topic), so the page stays small on large corpora; the title says so.
        seed: Seed of the sample.
    """
    table = require_table(
        table,
        "document map",
        "document_map",
        made_by="workbench.topics.tables.document_map(result)",
    )
    if table.empty:
        return empty_figure("No units to map.", title="Document map")
    title = "Document map (similar passages lie close together)"
    if len(table) > max_points:
        table = table.sample(n=max_points, random_state=seed).sort_index()
        title += f": a sample of {max_points:,} units"
    fig = go.Figure()
    for t in sorted(table["topic"].unique(), key=lambda t: (t == -1, t)):
        if t == -1 and not show_outliers:
            continue
        part = table[table["topic"] == t]
        fig.add_trace(
            go.Scatter(  # SVG, not WebGL: reports must draw on machines without a GPU
                x=part["x"],
                y=part["y"],
                mode="markers",
                name=hover_text(f"{t}: {part['label'].iloc[0]}", limit=50),
                marker=dict(color=_colour(t), size=6, opacity=0.5 if t == -1 else 0.8),
                customdata=[
                    hover_text(f"{u}: {x}", width=70, limit=160)
                    for u, x in zip(part["unit_id"], part["text"], strict=True)
                ],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return style(fig, title=title, height=560)


def topic_similarity(table: pd.DataFrame) -> go.Figure:
    """A heat map of the cosine similarity between topics.

    Args:
        table: From :func:`workbench.topics.tables.topic_similarity`.
    """
    table = require_table(
        table,
        "topic similarity",
        "topic_similarity",
        made_by="workbench.topics.tables.topic_similarity(result)",
    )
    if table.empty:
        return empty_figure("No topics to compare.", title="Topic similarity")
    order = list(dict.fromkeys(table["topic_a"]))
    names = {
        t: hover_text(f"{t}: {lab}", limit=40)
        for t, lab in zip(table["topic_a"], table["label_a"], strict=True)
    }
    matrix = table.pivot(index="topic_a", columns="topic_b", values="similarity").loc[order, order]
    fig = go.Figure(
        go.Heatmap(
            z=matrix.values,
            x=[names[t] for t in order],
            y=[names[t] for t in order],
            colorscale="Blues",
            zmin=0,
            zmax=1,
            hovertemplate="%{y}<br>%{x}<br>similarity %{z:.2f}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    return style(
        fig,
        title="Topic similarity (cosine of mean embeddings)",
        height=max(400, 24 * len(order) + 200),
    )


__all__ = [
    "document_map",
    "topic_similarity",
    "topic_sizes",
    "topic_words",
    "topics_over_time",
    "topics_per_class",
    "topics_per_source",
]
