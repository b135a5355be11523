"""What a result object shows when a notebook cell ends with it: a few lines, not its tables.

Typing ``tables`` in a cell used to print every table the object holds, tens of thousands
of characters. :func:`summarised` gives a result class a short ``__repr__`` (its name, a
line or two about it, the tables it holds with their row counts, and what to call next:
under 15 lines) and a ``_repr_html_`` that JupyterLab shows instead (the same, with the
first rows of the main table, every cell escaped with :func:`html.escape`).

Example:
    >>> @summarised(tables=("mentions", "actors"), next_step="build_timeline(corpus, actors=t)")
    ... @dataclass
    ... class Tables:
    ...     mentions: pd.DataFrame
    ...     actors: pd.DataFrame
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from workbench.core.prose import plural
from workbench.core.tables import cell_text

#: Rows of the main table shown in the HTML view.
HEAD_ROWS = 5
#: Columns of the main table shown in the HTML view.
HEAD_COLUMNS = 8
#: Longest cell text shown in the HTML view.
CELL_CHARS = 80
#: At most this many tables are listed; the rest are counted.
MAX_TABLES = 9


def summarised(
    *,
    tables: Sequence[str],
    next_step: str = "",
    about: Callable[[Any], Sequence[str]] | None = None,
):
    """A class decorator: a short ``__repr__`` and ``_repr_html_`` for a result object.

    Put it above ``@dataclass`` (it replaces the dataclass's ``__repr__``).

    Args:
        tables: The attributes holding DataFrames, the main one first (its first rows are
            shown in the HTML view).
        next_step: What to call next, as one line (``"build_timeline(corpus, actors=tables)"``).
        about: A function of the object giving a line or two about it (``"5 documents"``).
    """

    def decorate(cls: type) -> type:
        def frames(self) -> list[tuple[str, pd.DataFrame]]:
            found = [(n, getattr(self, n, None)) for n in tables]
            return [(n, f) for n, f in found if isinstance(f, pd.DataFrame)]

        def lines(self) -> list[str]:
            return [str(x) for x in (about(self) if about else [])]

        def __repr__(self) -> str:
            return text_view(type(self).__name__, frames(self), lines(self), next_step)

        def _repr_html_(self) -> str:
            return html_view(type(self).__name__, frames(self), lines(self), next_step)

        cls.__repr__ = __repr__
        cls._repr_html_ = _repr_html_
        return cls

    return decorate


def _shape(frame: pd.DataFrame) -> str:
    return f"{plural(len(frame), 'row')} × {plural(frame.shape[1], 'column')}"


def text_view(
    title: str,
    frames: Sequence[tuple[str, pd.DataFrame]],
    lines: Sequence[str] = (),
    next_step: str = "",
) -> str:
    """The plain view: the title, the lines, one line per table, and what to call next."""
    out = [title + (f": {lines[0]}" if lines else "")]
    out += [f"  {line}" for line in lines[1:3]]
    width = max((len(n) for n, _ in frames), default=0)
    for name, frame in frames[:MAX_TABLES]:
        out.append(f"  .{name.ljust(width)}  {_shape(frame)}")
    if len(frames) > MAX_TABLES:
        out.append(f"  ... and {len(frames) - MAX_TABLES} more tables")
    if next_step:
        out.append(f"  next: {next_step}")
    return "\n".join(line if len(line) <= 160 else line[:159] + "…" for line in out)


def html_view(
    title: str,
    frames: Sequence[tuple[str, pd.DataFrame]],
    lines: Sequence[str] = (),
    next_step: str = "",
) -> str:
    """The notebook view: the plain view's parts, and the first rows of the main table."""
    esc = html.escape
    parts = [f"<div class='wb-result'><p><b>{esc(title)}</b>"]
    parts += [f"<br>{esc(line)}" for line in lines[:3]]
    parts.append("</p><ul>")
    for name, frame in frames[:MAX_TABLES]:
        parts.append(f"<li><code>.{esc(name)}</code>: {esc(_shape(frame))}</li>")
    if len(frames) > MAX_TABLES:
        parts.append(f"<li>… and {len(frames) - MAX_TABLES} more tables</li>")
    parts.append("</ul>")
    if frames and len(frames[0][1]):
        name, frame = frames[0]
        parts.append(f"<p>First rows of <code>.{esc(name)}</code>:</p>")
        parts.append(head_table(frame))
    if next_step:
        parts.append(f"<p>next: <code>{esc(next_step)}</code></p>")
    parts.append("</div>")
    return "".join(parts)


def head_table(frame: pd.DataFrame, rows: int = HEAD_ROWS, columns: int = HEAD_COLUMNS) -> str:
    """The first ``rows`` rows and ``columns`` columns of ``frame`` as an escaped HTML table."""
    shown = frame.iloc[:rows, :columns]
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown.columns)
    if frame.shape[1] > columns:
        head += f"<th>… {frame.shape[1] - columns} more</th>"
    body = []
    for record in shown.itertuples(index=False):
        cells = "".join(f"<td>{html.escape(_cell(v))}</td>" for v in record)
        body.append(f"<tr>{cells}</tr>")
    return (
        f"<table class='wb-table'><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _cell(value: object) -> str:
    text = " ".join(cell_text(value).split())
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1].rstrip() + "…"


__all__ = ["head_table", "html_view", "summarised", "text_view"]
