"""The topics layer: BERTopic, offline, at any corpus size, and its tables.

Embeddings (:mod:`~workbench.topics.embeddings`; the default static model distilled
from MiniLM in :mod:`~workbench.topics.static`) and their cache
(:mod:`~workbench.topics.vectors`), model settings (:mod:`~workbench.topics.models`),
fitting (:mod:`~workbench.topics.fit`), the result and its saving
(:mod:`~workbench.topics.result`), labels and representatives
(:mod:`~workbench.topics.summary`), views of some documents without refitting
(:mod:`~workbench.topics.views`: ``result.subset(...)``), editing in sync
(:mod:`~workbench.topics.edit`: ``result.relabel``, ``result.merge``, ``result.find``) and
the tables researchers read (:mod:`~workbench.topics.tables`).
"""

from workbench.topics.edit import TopicSyncWarning
from workbench.topics.fit import fit_topics
from workbench.topics.result import TopicResult, load_topics, save_topics
from workbench.topics.tables import (
    document_map,
    topic_similarity,
    topics_by_actor,
    topics_over_time,
    topics_per_class,
    topics_per_source,
)
from workbench.topics.views import EmptySubsetWarning

__all__ = [
    "EmptySubsetWarning",
    "TopicResult",
    "TopicSyncWarning",
    "document_map",
    "fit_topics",
    "load_topics",
    "save_topics",
    "topic_similarity",
    "topics_by_actor",
    "topics_over_time",
    "topics_per_class",
    "topics_per_source",
]
