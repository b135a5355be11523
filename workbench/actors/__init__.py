"""The actors layer: who is named, under one name each, with whom, who said what, who is cited.

Entity spans from spaCy (:mod:`~workbench.actors.ner`), the curated gazetteer
(:mod:`~workbench.actors.gazetteer`), name rules (:mod:`~workbench.actors.names`,
:mod:`~workbench.actors.people`), resolution to canonical actors
(:mod:`~workbench.actors.resolve`), co-occurrence (:mod:`~workbench.actors.network`),
quotes and citations (:mod:`~workbench.actors.quotes`), all put together by
:func:`extract_actors` (:mod:`~workbench.actors.extract`).
"""

from workbench.actors.extract import ActorTables, extract_actors
from workbench.actors.gazetteer import Gazetteer, GazetteerError, load_gazetteer
from workbench.actors.ner import ModelNotFoundError
from workbench.actors.network import cooccurrence, pair_examples

__all__ = [
    "ActorTables",
    "Gazetteer",
    "GazetteerError",
    "ModelNotFoundError",
    "cooccurrence",
    "extract_actors",
    "load_gazetteer",
    "pair_examples",
]
