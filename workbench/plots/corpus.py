"""Figures of the corpus overview: each takes a table from :mod:`workbench.corpus.overview`.

Outlet names, titles and passages come from the corpus, so every one of them is
escaped (:func:`~workbench.core.escape.hover_text`) before it reaches a label, a
legend or a hover.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from workbench.core.bins import label
from workbench.core.escape import hover_text
from workbench.plots.theme import PALETTE, empty_figure, require_table, style

_KIND_COLOURS = {"unique": "#BBBBBB", "exact": "#D55E00", "near": "#E69F00"}


def sources_figure(sources: pd.DataFrame, *, top: int = 12) -> go.Figure:
    """Documents per outlet, the ``top`` largest as horizontal bars (from ``sources_table``)."""
    sources = require_table(
        sources,
        "sources",
        "sources_figure",
        made_by="workbench.corpus.overview.sources_table(corpus)",
    )
    if sources.empty:
        return empty_figure("No documents.", title="Documents per outlet")
    shown = sources.head(top).iloc[::-1]
    names = [hover_text(s, limit=60) for s in shown["source"]]
    fig = go.Figure(
        go.Bar(
            x=shown["documents"],
            y=names,
            orientation="h",
            marker_color=PALETTE[0],
            customdata=list(zip(shown["words"], shown["share"], strict=True)),
            hovertemplate="%{y}<br>%{x:,} documents (%{customdata[1]:.0%})"
            "<br>%{customdata[0]:,} words<extra></extra>",
        )
    )
    fig.update_xaxes(title="documents")
    fig.update_yaxes(automargin=True)
    rest = len(sources) - len(shown)
    title = "Documents per outlet" + (f" (largest {top} of {len(sources)})" if rest > 0 else "")
    return style(fig, title=title, height=max(260, 60 + 28 * len(shown)))


def coverage_figure(cov: pd.DataFrame, *, metric: str = "documents") -> go.Figure:
    """Coverage over time: stacked bars per date bin, one colour per outlet (from ``coverage``).

    Args:
        cov: Columns ``period``, ``source``, ``documents``, ``words``; ``attrs["date_bin"]``.
        metric: ``"documents"`` or ``"words"``.

    Raises:
        ValueError: ``metric`` is neither.
    """
    cov = require_table(
        cov,
        "coverage",
        "coverage_figure",
        made_by="workbench.corpus.overview.coverage(corpus)",
    )
    if metric not in ("documents", "words"):
        raise ValueError(f"metric {metric!r}: use 'documents' or 'words'")
    unit = label(cov.attrs.get("date_bin"))
    title = f"{metric.capitalize()} per {unit}, by outlet"
    if cov.empty:
        return empty_figure("No dated documents.", title=title)
    fig = go.Figure()
    for i, (source, part) in enumerate(cov.groupby("source", sort=False)):
        fig.add_trace(
            go.Bar(
                x=part["period"],
                y=part[metric],
                name=hover_text(source, limit=60),
                marker_color=PALETTE[i % len(PALETTE)],
                hovertemplate=f"%{{fullData.name}}<br>{unit} of %{{x|%Y-%m-%d}}"
                f"<br>%{{y:,}} {metric}"
                "<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack", bargap=0.1, legend_title_text="outlet")
    fig.update_xaxes(title=f"{unit} (start)")
    fig.update_yaxes(title=metric)
    return style(fig, title=title, height=440)


def words_figure(lengths: pd.DataFrame, *, max_points: int = 300) -> go.Figure:
    """Words per document, one box per outlet (from ``word_counts``).

    Every document is a hoverable point (with its title) when there are at most
    ``max_points``; beyond that only the boxes are drawn, to keep the page small.
    """
    lengths = require_table(
        lengths,
        "word counts",
        "words_figure",
        made_by="workbench.corpus.overview.word_counts(corpus)",
    )
    if lengths.empty:
        return empty_figure("No documents.", title="Words per document")
    order = lengths.groupby("source")["n_words"].median().sort_values().index
    points = len(lengths) <= max_points
    fig = go.Figure()
    for i, source in enumerate(order):
        part = lengths[lengths["source"] == source]
        name = hover_text(source, limit=60)
        box = dict(
            x=part["n_words"],
            name=name,
            marker_color=PALETTE[i % len(PALETTE)],
            orientation="h",
            showlegend=False,
            boxmean=True,
        )
        if points:
            hover = [
                f"{hover_text(t, width=60, limit=160)}<br>{hover_text(d)}"
                for t, d in zip(part["title"].fillna("(no title)"), part["doc_id"], strict=True)
            ]
            box.update(
                boxpoints="all",
                jitter=0.4,
                pointpos=0,
                hovertext=hover,
                hovertemplate="%{hovertext}<br>%{x:,} words<extra></extra>",
            )
        else:
            box.update(boxpoints=False)
        fig.add_trace(go.Box(**box))
    fig.update_xaxes(
        title="words per document", type="log" if lengths["n_words"].max() > 5000 else None
    )
    fig.update_yaxes(automargin=True)
    return style(fig, title="Words per document, by outlet", height=max(260, 80 + 36 * len(order)))


def rules_figure(rules: pd.DataFrame) -> go.Figure:
    """What normalising removed: pieces per rule, an example in the hover (from ``rules_table``)."""
    rules = require_table(
        rules,
        "rules",
        "rules_figure",
        made_by="workbench.corpus.overview.rules_table(ingest)",
    )
    title = "What normalising removed or moved"
    if rules.empty:
        return empty_figure("Normalising removed nothing.", title=title)
    shown = rules.iloc[::-1]
    hover = [
        f"{hover_text(r.rule)}: {r.n_items:,} pieces in {r.n_docs:,} documents, "
        f"{r.n_chars:,} characters<br>e.g. {hover_text(r.example, width=70, limit=140)}"
        for r in shown.itertuples()
    ]
    fig = go.Figure(
        go.Bar(
            x=shown["n_items"],
            y=[hover_text(r) for r in shown["rule"]],
            orientation="h",
            marker_color=PALETTE[3],
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    fig.update_xaxes(title="pieces removed or moved")
    fig.update_yaxes(automargin=True)
    return style(fig, title=title, height=max(240, 60 + 28 * len(shown)))


def duplicates_figure(by_source: pd.DataFrame) -> go.Figure:
    """Unique documents and exact/near copies per outlet (from ``duplicates_by_source``)."""
    by_source = require_table(
        by_source,
        "duplicates by source",
        "duplicates_figure",
        made_by="workbench.corpus.overview.duplicates_by_source(corpus)",
    )
    title = "Copies per outlet"
    if by_source.empty:
        return empty_figure("No documents.", title=title)
    wide = by_source.pivot_table(index="source", columns="kind", values="documents", fill_value=0)
    wide = wide.loc[wide.sum(axis=1).sort_values().index]
    fig = go.Figure()
    for kind in ("unique", "near", "exact"):
        if kind in wide:
            fig.add_trace(
                go.Bar(
                    x=wide[kind],
                    y=[hover_text(s, limit=60) for s in wide.index],
                    name=kind,
                    orientation="h",
                    marker_color=_KIND_COLOURS[kind],
                    hovertemplate=f"%{{y}}<br>%{{x:,}} {kind}<extra></extra>",
                )
            )
    fig.update_layout(barmode="stack", legend_title_text="document")
    fig.update_xaxes(title="documents")
    fig.update_yaxes(automargin=True)
    return style(fig, title=title, height=max(240, 80 + 28 * len(wide)))


def reuse_figure(by_source: pd.DataFrame, *, within: bool = False) -> go.Figure:
    """Words in passages shared between outlets, as a heatmap (from ``reuse_by_source``).

    Args:
        by_source: Columns ``source``, ``other_source``, ``words``.
        within: Also colour the diagonal (an outlet re-running its own text), which
            otherwise drowns the reuse between outlets.
    """
    by_source = require_table(
        by_source,
        "reuse by source",
        "reuse_figure",
        made_by="workbench.corpus.overview.reuse_by_source(pairs)",
    )
    title = "Text shared between outlets (words in shared passages)"
    if by_source.empty:
        return empty_figure("No passages are shared between documents.", title=title)
    wide = by_source.pivot_table(
        index="source", columns="other_source", values="words", fill_value=0
    )
    names = sorted(set(wide.index) | set(wide.columns))
    z = wide.reindex(index=names, columns=names, fill_value=0).to_numpy(dtype=float, copy=True)
    if not within:
        np.fill_diagonal(z, np.nan)
        title += "; same outlet left blank"
    labels = [hover_text(n, limit=40) for n in names]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=labels,
            y=labels,
            colorscale="Blues",
            colorbar_title="words",
            hoverongaps=False,
            hovertemplate="%{y} and %{x}<br>%{z:,} words shared<extra></extra>",
        )
    )
    fig.update_xaxes(showgrid=False, tickangle=-45, automargin=True)
    fig.update_yaxes(showgrid=False, autorange="reversed", automargin=True)
    return style(fig, title=title, height=max(320, 140 + 30 * len(names)))
