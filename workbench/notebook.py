"""What every notebook calls: setup, finding and filtering the corpus, tables and prose.

A notebook runs the same from JupyterLab (working folder ``notebooks/``) and from
``workbench report`` (papermill): paths are resolved against the project root by
:func:`corpus_path`, never against the working folder. :func:`setup` makes every
plotly figure embed itself for offline reading (plotly.js once per notebook, no
CDN, no MathJax). :func:`table` and :func:`say` put article text on the page
escaped, so a title holding ``<script>`` shows as text.
"""

from __future__ import annotations

import html
import numbers
import warnings
from pathlib import Path

import pandas as pd

from workbench import config
from workbench.core.escape import md_escape
from workbench.core.imports import IRI_CHECK, without
from workbench.core.tables import cell_text, is_list_cell
from workbench.corpus.load import Ingest, ingest

#: The plotly renderer registered by :func:`setup`.
RENDERER = "workbench"


def setup() -> None:
    """Prepare a notebook: offline plotly figures, pandas display, short warnings.

    Registers a plotly renderer like ``"notebook"`` (plotly.js embedded once, with
    the first figure) that leaves out the MathJax CDN script plotly adds to each
    figure, and makes it the default.
    """
    # plotly's renderers import nbformat, and nbformat jsonschema, whose optional IRI
    # check builds a grammar parser on import: seconds in every kernel, for a check
    # nothing here makes.
    with without(IRI_CHECK):
        import nbformat  # noqa: F401
    import plotly.io as pio

    if RENDERER not in pio.renderers:
        pio.renderers[RENDERER] = _offline_renderer()
    pio.renderers.default = RENDERER
    pd.set_option("display.max_colwidth", 120)
    warnings.formatwarning = _short_warning


def _offline_renderer():
    from plotly.io import to_html
    from plotly.io._base_renderers import NotebookRenderer

    class OfflineNotebookRenderer(NotebookRenderer):
        """plotly's notebook renderer without the per-figure MathJax CDN script."""

        def to_mimebundle(self, fig_dict):
            div = to_html(
                fig_dict,
                config=self.config,
                include_plotlyjs=False,
                include_mathjax=False,
                full_html=False,
                default_width="100%",
                default_height=480,
                validate=False,
            )
            return {"text/html": div}

    return OfflineNotebookRenderer(config={"displaylogo": False, "responsive": True})


def _short_warning(message, category, filename, lineno, line=None) -> str:
    """A warning without the file path of the code that raised it."""
    return f"{category.__name__}: {message}\n"


# ----------------------------------------------------------------------------- corpus


def corpus_path(corpus: str | Path) -> Path:
    """A corpus path as a notebook parameter gives it, resolved against the project root.

    Example:
        ``corpus_path("data/sample")`` is the sample corpus whether the notebook runs
        in ``notebooks/`` (JupyterLab) or anywhere else (papermill).
    """
    return config.resolve_path(corpus)


def load(
    corpus: str | Path,
    *,
    source: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> Ingest:
    """Ingest a corpus (cached) and keep one outlet and/or a date range.

    Args:
        corpus: Folder or file, relative to the project root or absolute.
        source: Keep only this outlet (exact name); None keeps all.
        start: First day kept, ISO date (``"2022-02-24"``); None: no limit.
        end: Last day kept, ISO date; None: no limit.

    Returns:
        The ingest, its corpus and text-reuse tables cut to the documents kept. The
        normalisation report still covers the whole corpus.

    Raises:
        ValueError: ``source`` names no outlet of the corpus, or a date is not ISO.
    """
    result = ingest(corpus_path(corpus), warn=False)
    if source is None and start is None and end is None:
        return result
    keep = select(result.corpus, source=source, start=start, end=end)
    ids = set(result.corpus.loc[keep, "doc_id"])
    reuse = result.reuse
    if len(reuse):
        reuse = reuse[reuse["doc_id"].isin(ids) & reuse["other_doc_id"].isin(ids)]
    return Ingest(
        result.corpus[keep].reset_index(drop=True),
        result.report,
        reuse.reset_index(drop=True),
        result.sources,
    )


def select(
    corpus: pd.DataFrame,
    *,
    source: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> pd.Series:
    """A boolean mask of the documents from ``source`` dated ``start`` to ``end`` (inclusive)."""
    keep = pd.Series(True, index=corpus.index)
    if source is not None:
        known = corpus["source"].dropna().unique()
        if source not in set(known):
            shown = ", ".join(sorted(map(str, known))[:15]) or "none"
            raise ValueError(f"source {source!r} is not an outlet of this corpus; outlets: {shown}")
        keep &= corpus["source"].eq(source).fillna(False)
    if start is not None:
        keep &= corpus["date"] >= _day(start, "start")
    if end is not None:
        keep &= corpus["date"] < _day(end, "end") + pd.Timedelta(days=1)
    return keep.fillna(False).astype(bool)


def _day(text: str, name: str) -> pd.Timestamp:
    try:
        return pd.Timestamp(text, tz="UTC").normalize()
    except ValueError:
        raise ValueError(f"{name} {text!r} is not a date; write it as 2022-02-24") from None


# ----------------------------------------------------------------------------- display


def say(markdown: str) -> None:
    """Display Markdown built by the workbench (values already escaped with :func:`md_escape`)."""
    from IPython.display import Markdown, display

    display(Markdown(markdown))


def table(
    df: pd.DataFrame,
    *,
    max_rows: int = 20,
    max_chars: int = 160,
    caption: str | None = None,
    percent: tuple[str, ...] = ("share", "share_of_docs"),
):
    """A table for the page: long text cut, numbers with thousands separators, all escaped.

    A list cell (an actor's aliases, an event's participants) shows as ``a; b; c``. In a
    rendered report the table gets a filter box and sorts by a column when its head is
    clicked (``workbench/assets/report.js``, put in every page at export).

    Args:
        df: Any DataFrame; its index is not shown.
        max_rows: Rows shown; a note says how many more there are.
        max_chars: Longest cell text shown.
        caption: A line above the table.
        percent: Columns of fractions shown as percentages.

    Returns:
        An ``IPython.display.HTML`` object (the last expression of a cell shows it).
    """
    from IPython.display import HTML

    parts = [f"<p class='wb-caption'>{html.escape(caption)}</p>" if caption else ""]
    if df.empty:
        return HTML(parts[0] + "<p class='wb-more'>(no rows)</p>")
    shown = df.head(max_rows)
    numeric = [pd.api.types.is_numeric_dtype(shown[c]) for c in shown.columns]
    head = "".join(
        f"<th {_align(n)}>{html.escape(str(c))}</th>"
        for c, n in zip(shown.columns, numeric, strict=True)
    )
    rows = []
    for record in shown.itertuples(index=False):
        cells = "".join(
            f"<td {_align(n)}>{html.escape(_cell(v, max_chars, c in percent))}</td>"
            for v, c, n in zip(record, shown.columns, numeric, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    parts.append(
        f"<table class='wb-table'><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    if len(df) > max_rows:
        parts.append(f"<p class='wb-more'>… {len(df) - max_rows:,} more rows</p>")
    return HTML("".join(parts))


def _align(numeric: bool) -> str:
    """A cell's class and alignment; inline, so that JupyterLab shows it too."""
    side = "right" if numeric else "left"
    return f"class='wb-{'num' if numeric else 'text'}' style='text-align:{side}'"


def _cell(value: object, max_chars: int, percent: bool = False) -> str:
    if is_list_cell(value):
        value = cell_text(value)
    if value is None or pd.isna(value):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if percent and isinstance(value, numbers.Real):
        return f"{value:.1%}"
    if isinstance(value, numbers.Integral):
        return f"{value:,}"
    if isinstance(value, numbers.Real):
        return f"{value:,.2f}"
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    text = " ".join(str(value).split())
    return text if len(text) <= max_chars else text[: max_chars - 1].rstrip() + "…"


__all__ = ["RENDERER", "corpus_path", "load", "md_escape", "say", "select", "setup", "table"]
