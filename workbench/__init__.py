"""The news-corpus research workbench.

``import workbench`` stays light: pandas and the corpus layer only. spaCy, torch,
sentence-transformers and BERTopic are imported by the functions that need them.
The layers live in their modules: :mod:`workbench.actors`, :mod:`workbench.topics`,
:mod:`workbench.timeline`, :mod:`workbench.reports`.
"""

from workbench.corpus.load import CorpusError, Ingest, ingest, load_corpus, save_corpus
from workbench.corpus.segments import segment

__all__ = ["CorpusError", "Ingest", "ingest", "load_corpus", "save_corpus", "segment"]
__version__ = "0.1.0"
