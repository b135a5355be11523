"""A corpus from whatever a researcher has at hand: the table, an ingest, or a path.

Every layer's entry point (:func:`workbench.extract_actors`, :func:`workbench.fit_topics`,
:func:`workbench.build_timeline`, the overview tables) starts with :func:`as_corpus`, so
each accepts the same things and fails the same way when a column is missing
(:class:`workbench.core.inputs.MissingColumnError`) or when there is no article at all
(:class:`EmptyCorpusError`, before any step reaches pandas with zero rows).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from workbench import config
from workbench.core.errors import InputError
from workbench.core.inputs import CORPUS_HINT, require_columns
from workbench.corpus.load import Ingest, load_corpus

#: The columns every layer reads.
CORPUS_COLUMNS = ("doc_id", "text")

CorpusLike = pd.DataFrame | Ingest | str | os.PathLike[str]


class EmptyCorpusError(InputError):
    """A corpus with no article: an empty file, or a filter that kept nothing."""


def as_corpus(corpus: CorpusLike, *, columns: Iterable[str] = CORPUS_COLUMNS) -> pd.DataFrame:
    """The corpus table of ``corpus``, checked for ``columns``.

    Args:
        corpus: A corpus table, an :class:`~workbench.corpus.load.Ingest` (its ``corpus``),
            or a file or folder, loaded with :func:`~workbench.corpus.load.load_corpus`
            (cached).
        columns: The columns the caller needs (default ``doc_id`` and ``text``).

    Returns:
        The corpus table (the same object when a DataFrame is given).

    Raises:
        EmptyCorpusError: The corpus has no article (a filter that kept nothing).
        MissingColumnError: The table lacks one of ``columns`` (the message names it).
        TypeError: ``corpus`` is none of the above.
        CorpusError: A path that does not exist or holds nothing readable.
    """
    path = None
    if isinstance(corpus, Ingest):
        corpus = corpus.corpus
    elif isinstance(corpus, str | os.PathLike):
        path = Path(corpus)
        corpus = load_corpus(path)
    elif not isinstance(corpus, pd.DataFrame):
        raise TypeError(
            f"a corpus is a table, an ingest or a path, not {type(corpus).__name__}; " + CORPUS_HINT
        )
    if len(corpus) == 0:
        raise EmptyCorpusError(_empty_message(path))
    return require_columns(corpus, columns, table="corpus")


def _empty_message(path: Path | None) -> str:
    if path is not None:
        return (
            f"{config.display_path(path)}: no article could be read from it; "
            "workbench.ingest(path).report says why each record was skipped"
        )
    return (
        "the corpus has no articles; check the filter that produced it (notebook.load or "
        "notebook.select with source, start and end, or your own selection of rows)"
    )


__all__ = ["CORPUS_COLUMNS", "CorpusLike", "EmptyCorpusError", "as_corpus"]
