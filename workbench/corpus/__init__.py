"""The corpus layer: reading any pile of articles into one clean, normalised table.

Reading (:mod:`~workbench.corpus.readers`), records and columns
(:mod:`~workbench.corpus.records`, :mod:`~workbench.corpus.schema`), normalising
(:mod:`~workbench.corpus.normalise` with the pure cleaners of
:mod:`~workbench.corpus.textclean`), dates (:mod:`~workbench.corpus.dates`), duplicates and
reused passages (:mod:`~workbench.corpus.dedupe`), streaming to Parquet
(:mod:`~workbench.corpus.stream`), the ingest report (:mod:`~workbench.corpus.report`,
:mod:`~workbench.corpus.summary`), segments (:mod:`~workbench.corpus.segments`) and the
overview tables (:mod:`~workbench.corpus.overview`, :mod:`~workbench.corpus.prose`).
Every layer's entry point takes a corpus through :func:`as_corpus`
(:mod:`~workbench.corpus.inputs`): a table, an ingest or a path; a corpus without
articles stops there with :class:`EmptyCorpusError`.
"""

from workbench.corpus.inputs import EmptyCorpusError, as_corpus
from workbench.corpus.load import Ingest, ingest, load_corpus, save_corpus
from workbench.corpus.report import IngestReport, WorkbenchWarning
from workbench.corpus.schema import SCHEMA, CorpusError, detect_columns
from workbench.corpus.segments import segment

__all__ = [
    "SCHEMA",
    "CorpusError",
    "EmptyCorpusError",
    "Ingest",
    "IngestReport",
    "WorkbenchWarning",
    "as_corpus",
    "detect_columns",
    "ingest",
    "load_corpus",
    "save_corpus",
    "segment",
]
