"""The workbench's one look for every figure, the escaping of article text, and table checks.

Plotly renders hover text and labels as HTML, so any article text that reaches
a figure goes through :func:`workbench.core.escape.hover_text` first: a corpus
holding ``<script>`` or ``<img onerror=...>`` then shows it as text.

Every figure takes one table; :func:`require_table` turns a result object passed by
mistake (``ActorTables``, ``TopicResult``, ``TimelineTables``, ``Ingest``) into a message
naming the table to pass.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

#: Qualitative colours, colour-blind safe (Okabe-Ito, then Tol's muted).
PALETTE = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#F0E442",
    "#000000",
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
]

TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font=dict(family="Helvetica, Arial, sans-serif", size=13, color="#222"),
        colorway=PALETTE,
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin=dict(l=60, r=30, t=60, b=50),
        hoverlabel=dict(align="left", bgcolor="white", font_size=12),
        xaxis=dict(
            showgrid=True, gridcolor="#eee", zeroline=False, linecolor="#999", automargin=True
        ),
        yaxis=dict(
            showgrid=True, gridcolor="#eee", zeroline=False, linecolor="#999", automargin=True
        ),
        legend=dict(bgcolor="rgba(255,255,255,0.8)"),
    )
)
pio.templates["workbench"] = TEMPLATE


def style(fig: go.Figure, *, title: str | None = None, height: int | None = None) -> go.Figure:
    """Apply the workbench template (and a title and height) to a figure; returns it."""
    fig.update_layout(template="workbench")
    if title is not None:
        fig.update_layout(title=dict(text=html.escape(title), x=0.01, xanchor="left"))
    if height is not None:
        fig.update_layout(height=height)
    return fig


def require_table(
    table: object, name: str, function: str, *, made_by: str | None = None
) -> pd.DataFrame:
    """Return ``table`` when it is a DataFrame; else say which table ``function`` takes.

    A result object is recognised by its DataFrame attributes (plots import no other
    layer, so the check is by shape, not by class): when it holds a table called
    ``name`` the message says to pass that one (``tables.edges``), else it lists the
    tables it holds and says how to make the right one.

    Args:
        table: What the figure was given.
        name: The table the figure draws (``"edges"``, ``"topic_info"``).
        function: The figure function's name, for the message.
        made_by: The call that makes the table, when no result object holds it
            (``"workbench.corpus.overview.sources_table(corpus)"``).

    Raises:
        TypeError: ``table`` is not a DataFrame.
    """
    if isinstance(table, pd.DataFrame):
        return table
    kind = type(table).__name__
    held = [k for k, v in getattr(table, "__dict__", {}).items() if isinstance(v, pd.DataFrame)]
    lead = f"{function}() takes the {name} table"
    if name in held:
        var = "tables" if kind.endswith("Tables") else "result"
        raise TypeError(
            f"{lead}: pass {var}.{name} (this {kind} holds the tables {', '.join(held)})"
        )
    make = f"; make it with {made_by}" if made_by else ""
    article = "an" if kind[:1] in "AEIOU" else "a"
    if held:
        raise TypeError(f"{lead}, not {article} {kind} (which holds {', '.join(held)}){make}")
    raise TypeError(f"{lead} (a pandas DataFrame), not {kind}{make}")


def empty_figure(message: str, *, title: str | None = None) -> go.Figure:
    """A figure that says, in words, why there is nothing to draw."""
    fig = go.Figure()
    fig.add_annotation(
        text=html.escape(message),
        showarrow=False,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        font=dict(size=15, color="#555"),
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return style(fig, title=title, height=260)
