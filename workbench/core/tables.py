"""Conventions every returned table follows: list cells and the document columns.

- A cell holding several values (an actor's aliases, an event's participants) is a
  Python ``list``, so ``explode``, ``len`` and ``in`` work on it. It becomes text only
  where text is wanted: a CSV file (:func:`join_lists`, applied by
  :func:`workbench.core.cache.write_table`), a page or a hover (:func:`cell_text`).
  Parquet keeps the lists; :func:`as_lists` turns what it reads back (NumPy arrays)
  into lists again.
- A table with one row per thing found in a document (mentions, quotes, citations,
  event reports) carries the document's ``doc_id``, ``source`` and ``date``, so a
  researcher can group it by outlet or by date without a join
  (:func:`with_doc_columns`).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

#: How a list cell is written in a CSV file and shown on a page.
LIST_SEPARATOR = "; "
#: The columns joined from the corpus onto every per-document table.
DOC_COLUMNS = ("source", "date")


def is_list_cell(value: object) -> bool:
    """True for a list-valued cell: a list, tuple or NumPy array (as Parquet reads lists)."""
    return isinstance(value, list | tuple | np.ndarray)


def cell_text(value: object, sep: str = LIST_SEPARATOR) -> str:
    """A cell as text: list items joined with ``sep`` (``["a", "b"]`` -> ``"a; b"``).

    ``None`` and missing values (and such list items) become ``""``; anything else is
    ``str(value)``.
    """
    if is_list_cell(value):
        return sep.join(t for t in (cell_text(v, sep) for v in value) if t)
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    return str(value)


def list_columns(df: pd.DataFrame) -> list[str]:
    """The columns holding at least one list-valued cell."""
    return [c for c in df.columns if df[c].dtype == object and df[c].map(is_list_cell).any()]


def join_lists(df: pd.DataFrame, sep: str = LIST_SEPARATOR) -> pd.DataFrame:
    """``df`` with every list cell joined into text (for a CSV file); other cells unchanged."""
    cols = list_columns(df)
    if not cols:
        return df
    joined = {c: df[c].map(lambda v: cell_text(v, sep) if is_list_cell(v) else v) for c in cols}
    return df.assign(**joined)


def as_lists(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with array cells (how Parquet reads list columns back) as Python lists."""
    cols = [c for c in list_columns(df) if df[c].map(lambda v: isinstance(v, np.ndarray)).any()]
    if not cols:
        return df
    fixed = {c: df[c].map(lambda v: v.tolist() if isinstance(v, np.ndarray) else v) for c in cols}
    return df.assign(**fixed)


def split_cell(value: object, sep: str = ";") -> list[str]:
    """A list cell read back from a CSV file: ``"a; b"`` -> ``["a", "b"]``, empty -> ``[]``."""
    if is_list_cell(value):
        return [str(v) for v in value]
    text = cell_text(value)
    return [part.strip() for part in text.split(sep) if part.strip()]


def with_doc_columns(
    table: pd.DataFrame, corpus: pd.DataFrame, columns: Iterable[str] = DOC_COLUMNS
) -> pd.DataFrame:
    """``table`` with each document's ``source`` and ``date`` beside its ``doc_id``.

    The values are looked up by ``doc_id`` (a map, not a merge: no text is copied). A
    column the corpus lacks is added empty (``None``, or ``NaT`` for ``date``); one the
    table already has is replaced.

    Args:
        table: Has a ``doc_id`` column.
        corpus: The corpus table (``doc_id`` and the ``columns`` it has), or any table whose
            rows carry their document's columns (the mentions, for the citations).
        columns: The corpus columns to add.
    """
    meta = corpus.drop_duplicates("doc_id").set_index("doc_id") if "doc_id" in corpus else None
    out = table.drop(columns=[c for c in columns if c in table.columns])
    at = out.columns.get_loc("doc_id") + 1
    for offset, col in enumerate(columns):
        if meta is not None and col in meta.columns and out.empty:
            values = pd.Series(index=out.index, dtype=meta[col].dtype)
        elif meta is not None and col in meta.columns:
            values = out["doc_id"].map(meta[col])
        elif col == "date":
            values = pd.Series(pd.NaT, index=out.index, dtype="datetime64[ns, UTC]")
        else:
            values = pd.Series(None, index=out.index, dtype=object)
        out.insert(at + offset, col, values)
    return out


__all__ = [
    "DOC_COLUMNS",
    "LIST_SEPARATOR",
    "as_lists",
    "cell_text",
    "is_list_cell",
    "join_lists",
    "list_columns",
    "split_cell",
    "with_doc_columns",
]
