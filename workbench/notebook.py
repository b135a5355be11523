"""What every notebook calls: setup, finding and filtering the corpus, tables and prose.

A notebook runs the same from JupyterLab (working folder ``notebooks/``) and from
``workbench report`` (papermill): paths are resolved against the project root by
:func:`corpus_path`, never against the working folder. :func:`setup` chooses how
plotly figures reach the page: in JupyterLab, JupyterLab's own plotly renderer (the
figure's data only, nothing to trust); in a report (papermill), figures that embed
themselves for offline reading (plotly.js once per notebook, no CDN, no MathJax).
:func:`load` and :func:`select` keep an outlet (or several) and a date range, and say
what went wrong in the researcher's terms: an outlet that does not exist (with the
closest names), dates the wrong way round, a filter that keeps nothing (with the
corpus's own range). :func:`table` and :func:`say` put article text on the page
escaped, so a title holding ``<script>`` shows as text.
"""

from __future__ import annotations

import difflib
import html
import numbers
import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import pandas as pd

from workbench import config
from workbench.core import pool
from workbench.core.errors import InputError
from workbench.core.escape import md_escape
from workbench.core.imports import IRI_CHECK, without
from workbench.core.inputs import require_columns
from workbench.core.tables import cell_text, is_list_cell
from workbench.corpus.inputs import CorpusLike, EmptyCorpusError, as_corpus
from workbench.corpus.load import Ingest, ingest

#: The plotly renderer registered by :func:`setup` for reports (plotly.js embedded).
RENDERER = "workbench"
#: JupyterLab's own plotly renderer: the figure's JSON, drawn by the lab extension.
LAB_RENDERER = "plotly_mimetype"


def setup(*, renderer: Literal["auto", "lab", "offline"] = "auto") -> None:
    """Prepare a notebook: plotly figures, pandas display, short warnings.

    Args:
        renderer: How figures reach the page. ``"lab"``: JupyterLab's own plotly renderer
            (``plotly_mimetype``: the saved notebook holds each figure's data, no plotly.js,
            and a reopened notebook draws its figures without being trusted). ``"offline"``:
            a renderer like plotly's ``"notebook"`` (plotly.js embedded once, with the first
            figure) without the MathJax CDN script, for pages that must open anywhere (the
            reports, or a notebook you will export to HTML yourself). ``"auto"``: offline
            in a report (papermill, ``workbench report``:
            :func:`workbench.core.pool.in_report`), else lab.

    ``plotly.io.renderers.default`` names the renderer chosen (nothing is returned, so
    that a cell ending with ``setup()`` shows nothing).

    Raises:
        InputError: ``renderer`` is none of the three.
    """
    if renderer not in ("auto", "lab", "offline"):
        raise InputError(f"renderer={renderer!r}: give 'auto', 'lab' or 'offline'")
    # plotly's renderers import nbformat, and nbformat jsonschema, whose optional IRI
    # check builds a grammar parser on import: seconds in every kernel, for a check
    # nothing here makes.
    with without(IRI_CHECK):
        import nbformat  # noqa: F401
    import plotly.io as pio

    offline = renderer == "offline" or (renderer == "auto" and pool.in_report())
    if offline and RENDERER not in pio.renderers:
        pio.renderers[RENDERER] = _offline_renderer()
    pio.renderers.default = RENDERER if offline else LAB_RENDERER
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
    corpus: str | Path | pd.DataFrame | Ingest,
    *,
    source: str | Sequence[str] | None = None,
    start: str | None = None,
    end: str | None = None,
) -> Ingest:
    """Ingest a corpus (cached) and keep some outlets and/or a date range.

    Args:
        corpus: Folder or file, relative to the project root or absolute (or a corpus
            table or an ingest already loaded, to filter).
        source: Keep only this outlet (``"BBC"``) or these (``["BBC", "CNN"]``), exact
            names; None keeps all.
        start: First day kept, ISO date (``"2022-02-24"``); None: no limit.
        end: Last day kept, ISO date; None: no limit.

    Returns:
        The ingest, its corpus and text-reuse tables cut to the documents kept. The
        normalisation report still covers the whole corpus.

    Raises:
        InputError: ``source`` names no outlet of the corpus (the message gives the
            closest names), a date is not a date, or ``start`` is after ``end``.
        EmptySelectionError: The filter keeps no article (the message gives the
            corpus's dates and outlets).
    """
    if isinstance(corpus, Ingest):
        result = corpus
    elif isinstance(corpus, pd.DataFrame):
        result = Ingest(as_corpus(corpus, columns=()))
    else:
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


class EmptySelectionError(EmptyCorpusError):
    """A selection (outlets, dates) that keeps no article of the corpus."""


def select(
    corpus: CorpusLike,
    *,
    source: str | Sequence[str] | None = None,
    start: str | None = None,
    end: str | None = None,
) -> pd.Series:
    """A boolean mask of the documents from ``source`` dated ``start`` to ``end`` (inclusive).

    Args:
        corpus: The corpus table (or an ingest, or a path: the mask is then of its table).
        source: An outlet or a list of outlets (exact names); None keeps all.
        start: First day kept (``"2022-02-24"``, a date or a timestamp); None: no limit.
        end: Last day kept; None: no limit.

    Returns:
        True for each document kept, on the corpus's index.

    Raises:
        InputError: An outlet the corpus does not have (with the closest names), a value
            that is not a date, or ``start`` after ``end``.
        EmptySelectionError: Nothing is kept; the message names the filter and the
            corpus's dates and outlets.
        MissingColumnError: ``source`` or a date is given and the table has no ``source``
            or ``date`` column.
    """
    if isinstance(corpus, str | os.PathLike):
        corpus = corpus_path(corpus)
    corpus = as_corpus(corpus, columns=())
    sources = _sources(source)
    keep = pd.Series(True, index=corpus.index)
    if sources:
        require_columns(corpus, ["source"])
        _check_sources(corpus, sources)
        keep &= corpus["source"].isin(sources).fillna(False)
    first = _day(start, "start") if start is not None else None
    last = _day(end, "end") if end is not None else None
    if first is not None and last is not None and first > last:
        raise InputError(
            f"start {_iso(first)} is after end {_iso(last)}: nothing can fall between them; "
            "swap them (start is the first day kept, end the last)"
        )
    if first is not None or last is not None:
        require_columns(corpus, ["date"])
    if first is not None:
        keep &= corpus["date"] >= first
    if last is not None:
        keep &= corpus["date"] < last + pd.Timedelta(days=1)
    keep = keep.fillna(False).astype(bool)
    if not keep.any():
        raise EmptySelectionError(_nothing_kept(corpus, sources, first, last))
    return keep


def _sources(source: str | Sequence[str] | None) -> list[str]:
    """The outlets asked for, as a list (a string is one outlet)."""
    if source is None:
        return []
    if isinstance(source, str):
        return [source]
    if isinstance(source, Sequence | pd.Series | pd.Index | set | frozenset):
        names = list(source)
        if all(isinstance(n, str) for n in names):
            return names
    raise InputError(
        f"source={source!r}: give an outlet's name (source='BBC') or a list of them "
        "(source=['BBC', 'CNN'])"
    )


def _check_sources(corpus: pd.DataFrame, sources: list[str]) -> None:
    known = sorted(map(str, corpus["source"].dropna().unique()))
    unknown = [s for s in sources if s not in set(known)]
    if not unknown:
        return
    by_fold = {k.casefold(): k for k in known}
    hints = []
    for name in unknown:
        folded = name.casefold()
        # the same name in another case, names holding it ("Fox" -> "Fox News"), near spellings
        found = [f for f in by_fold if f == folded]
        found += [f for f in by_fold if folded and folded in f and f != folded]
        found += difflib.get_close_matches(folded, by_fold, n=3)
        close = list(dict.fromkeys(by_fold[f] for f in found))[:3]
        if close:
            hints.append(f"for {name!r} did you mean {' or '.join(map(repr, close))}?")
    shown = ", ".join(known[:15]) + (f", ... ({len(known)} in all)" if len(known) > 15 else "")
    names = ", ".join(map(repr, unknown))
    verb = "is not an outlet" if len(unknown) == 1 else "are not outlets"
    raise InputError(
        f"source {names} {verb} of this corpus; "
        + (" ".join(hints) + " " if hints else "")
        + f"outlets: {shown or 'none'}"
    )


def _day(value: object, name: str) -> pd.Timestamp:
    try:
        day = pd.Timestamp(value)
    except (TypeError, ValueError):
        day = pd.NaT
    if pd.isna(day):
        raise InputError(f"{name} {value!r} is not a date; write it as 2022-02-24")
    day = day.tz_localize("UTC") if day.tzinfo is None else day.tz_convert("UTC")
    return day.normalize()


def _iso(day: pd.Timestamp) -> str:
    return day.date().isoformat()


def _nothing_kept(
    corpus: pd.DataFrame,
    sources: list[str],
    first: pd.Timestamp | None,
    last: pd.Timestamp | None,
) -> str:
    """Why a selection is empty: the filter, and what the corpus (or those outlets) holds."""
    what = ["no articles"]
    if sources:
        what.append("from " + ", ".join(sources))
    if first is not None and last is not None:
        what.append(f"between {_iso(first)} and {_iso(last)}")
    elif first is not None:
        what.append(f"dated {_iso(first)} or later")
    elif last is not None:
        what.append(f"dated {_iso(last)} or earlier")
    if first is None and last is None:
        return " ".join(what)  # outlets that exist always keep something: an empty corpus
    scope = corpus[corpus["source"].isin(sources)] if sources else corpus
    whose = "their articles run" if sources else "the corpus runs"
    dates = scope["date"].dropna()
    if dates.empty:
        span = f"{'their articles have' if sources else 'the corpus has'} no publication dates"
    else:
        span = f"{whose} from {_iso(dates.min())} to {_iso(dates.max())}"
    outlets = ""
    if not sources and "source" in corpus:
        names = corpus["source"].dropna().value_counts().index[:8].tolist()
        more = corpus["source"].nunique() - len(names)
        outlets = f" ({len(corpus):,} articles from {', '.join(map(str, names))}"
        outlets += f" and {more} more)" if more > 0 else ")"
    return f"{' '.join(what)}; {span}{outlets}; change start or end"


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


__all__ = [
    "LAB_RENDERER",
    "RENDERER",
    "EmptySelectionError",
    "corpus_path",
    "load",
    "md_escape",
    "say",
    "select",
    "setup",
    "table",
]
