"""Checking the tables a function is given: one error, naming the table and its missing columns.

Every layer's entry points call :func:`require_columns` on the tables they read, so a
researcher who passes the wrong table (or a table read from a CSV with renamed columns)
gets one sentence saying which table lacks which column, which columns it has, and what
to do, instead of a ``KeyError`` from deep inside pandas. Turning a path or an ingest
into a corpus table is the corpus layer's job (:func:`workbench.corpus.inputs.as_corpus`);
this module only checks.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from workbench.core.errors import InputError

#: What to do when the corpus table lacks a column.
CORPUS_HINT = (
    "load the corpus with workbench.load_corpus(path) (or ingest(path).corpus), "
    "or name your columns with load_corpus(path, columns={'text': 'body', ...})"
)


class MissingColumnError(InputError):
    """A table lacks a column that a function needs.

    Attributes:
        table: What the table is (``"corpus"``, ``"mentions"`` ...).
        missing: The columns it lacks, in the order they were asked for.
        columns: The columns it has.
    """

    def __init__(self, table: str, missing: list[str], columns: list[str], hint: str) -> None:
        self.table, self.missing, self.columns = table, missing, columns
        super().__init__(_message(table, missing, columns, hint))


def require_columns(
    frame: object,
    columns: Iterable[str],
    *,
    table: str = "corpus",
    hint: str | None = None,
) -> pd.DataFrame:
    """Return ``frame`` when it is a DataFrame with every one of ``columns``.

    Args:
        frame: The table a function was given.
        columns: The columns it needs.
        table: What the table is, as the message names it (``"corpus"``, ``"mentions"``).
        hint: What to do about it; default: how to load a corpus for ``table="corpus"``,
            else to pass the table as the workbench computes it.

    Returns:
        ``frame``, unchanged.

    Raises:
        MissingColumnError: Naming the table, the missing columns, those it has, and
            ``hint``.
        TypeError: ``frame`` is not a DataFrame (naming what it is).
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(
            f"the {table} table should be a pandas DataFrame, not {type(frame).__name__}; "
            + _hint(table, hint)
        )
    have = [str(c) for c in frame.columns]
    missing = [c for c in dict.fromkeys(columns) if c not in frame.columns]
    if missing:
        raise MissingColumnError(table, missing, have, _hint(table, hint))
    return frame


def _hint(table: str, hint: str | None) -> str:
    if hint is not None:
        return hint
    if table == "corpus":
        return CORPUS_HINT
    return f"pass the {table} table as the workbench computes it"


def _message(table: str, missing: list[str], columns: list[str], hint: str) -> str:
    names = ", ".join(repr(c) for c in missing)
    noun = "column" if len(missing) == 1 else "columns"
    shown = ", ".join(columns[:20])
    if len(columns) > 20:
        shown += f", ... ({len(columns)} in all)"
    return f"the {table} table has no {names} {noun} (its columns: {shown or 'none'}); {hint}"


__all__ = ["CORPUS_HINT", "MissingColumnError", "require_columns"]
