"""The actors layer: who is named, under one name each, with whom, who said what, who is cited.

Entity spans from spaCy (:mod:`~workbench.actors.ner`), the curated gazetteer
(:mod:`~workbench.actors.gazetteer`), name rules (:mod:`~workbench.actors.names`,
:mod:`~workbench.actors.people`), resolution to canonical actors
(:mod:`~workbench.actors.resolve`; people's mentions the model missed,
:mod:`~workbench.actors.recovery`), co-occurrence (:mod:`~workbench.actors.network`),
quotes and citations (:mod:`~workbench.actors.quotes`), all put together by
:func:`extract_actors` (:mod:`~workbench.actors.extract`). :func:`find_actor`
(:mod:`~workbench.actors.lookup`) finds an actor by any spelling or alias;
:func:`frequent_actors` keeps the ones displays show by default.
"""

from workbench.actors.extract import ActorTables, extract_actors
from workbench.actors.gazetteer import (
    Gazetteer,
    GazetteerError,
    load_gazetteer,
    write_gazetteer,
)
from workbench.actors.lookup import (
    AmbiguousNameError,
    NameNotFoundError,
    default_min_mentions,
    find_actor,
    frequent_actors,
    min_mentions_for,
)
from workbench.actors.ner import ModelNotFoundError
from workbench.actors.network import cooccurrence, pair_examples, pair_table

__all__ = [
    "ActorTables",
    "AmbiguousNameError",
    "Gazetteer",
    "GazetteerError",
    "ModelNotFoundError",
    "NameNotFoundError",
    "cooccurrence",
    "default_min_mentions",
    "extract_actors",
    "find_actor",
    "frequent_actors",
    "load_gazetteer",
    "min_mentions_for",
    "pair_examples",
    "pair_table",
    "write_gazetteer",
]
