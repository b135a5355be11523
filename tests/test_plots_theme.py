"""The shared figure helpers: a result object passed instead of a table is named, not drawn."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench.actors.extract import ActorTables
from workbench.corpus.load import Ingest
from workbench.plots import actors as pa
from workbench.plots import corpus as pc
from workbench.plots import timeline as pt
from workbench.plots import topics as pp
from workbench.plots.theme import require_table
from workbench.timeline.build import TimelineTables
from workbench.topics.models import choose_settings
from workbench.topics.result import TopicResult

EMPTY = pd.DataFrame()
ACTOR_TABLES = ActorTables(EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, sentences=EMPTY)
TOPICS = TopicResult(
    model=None,
    units=EMPTY,
    doc_topics=EMPTY,
    topic_info=EMPTY,
    topic_words=EMPTY,
    representatives=EMPTY,
    centroids=None,
    settings=choose_settings(6, unit="paragraph", embedding="tfidf"),
)
TIMELINE = TimelineTables(EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, dated=1.0)
INGEST = Ingest(corpus=EMPTY)


def test_a_table_passes_through():
    assert require_table(EMPTY, "edges", "actor_network") is EMPTY


@pytest.mark.parametrize(
    ("value", "name", "made_by", "message"),
    [
        (
            ACTOR_TABLES,
            "edges",
            None,
            "actor_network() takes the edges table: pass tables.edges (this ActorTables holds "
            "the tables mentions, actors, edges, quotes, citations, audit, sentences)",
        ),
        (
            TOPICS,
            "edges",
            None,
            "actor_network() takes the edges table, not a TopicResult (which holds units, "
            "doc_topics, topic_info, topic_words, representatives)",
        ),
        (
            INGEST,
            "edges",
            "workbench.actors.extract_actors(corpus)",
            "actor_network() takes the edges table, not an Ingest (which holds corpus, reuse); "
            "make it with workbench.actors.extract_actors(corpus)",
        ),
        (
            "edges.csv",
            "edges",
            None,
            "actor_network() takes the edges table (a pandas DataFrame), not str",
        ),
    ],
)
def test_require_table_says_which_table_to_pass(value, name, made_by, message):
    with pytest.raises(TypeError) as err:
        require_table(value, name, "actor_network", made_by=made_by)
    assert str(err.value) == message


@pytest.mark.parametrize(
    ("figure", "result", "message"),
    [
        (pa.actor_network, ACTOR_TABLES, r"actor_network\(\) takes the edges table: pass tables"),
        (pa.cooccurrence_heatmap, ACTOR_TABLES, "pass tables.edges"),
        (pa.top_pairs, ACTOR_TABLES, "pass tables.edges"),
        (pa.top_speakers, ACTOR_TABLES, "pass tables.quotes"),
        (pp.topic_sizes, TOPICS, r"topic_sizes\(\) takes the topic_info table: pass result"),
        (pp.topic_words, TOPICS, "pass result.topic_words"),
        (pp.topics_over_time, TOPICS, r"make it with workbench.topics.tables.topics_over_time"),
        (pp.topics_per_source, TOPICS, "make it with workbench.topics.tables.topics_per_source"),
        (pp.document_map, TOPICS, "make it with workbench.topics.tables.document_map"),
        (pp.topic_similarity, TOPICS, "make it with workbench.topics.tables.topic_similarity"),
        (pt.coverage_volume, TIMELINE, "pass tables.volume"),
        (pt.actor_mentions_over_time, TIMELINE, "pass tables.actor_timeline"),
        (pt.event_timeline, TIMELINE, "pass tables.events"),
        (pt.places_map, TIMELINE, "pass tables.places"),
        (pc.sources_figure, INGEST, r"not an Ingest \(which holds corpus, reuse\); make it with"),
        (pc.coverage_figure, INGEST, "make it with workbench.corpus.overview.coverage"),
        (pc.words_figure, INGEST, "make it with workbench.corpus.overview.word_counts"),
        (pc.rules_figure, INGEST, "make it with workbench.corpus.overview.rules_table"),
        (pc.duplicates_figure, INGEST, "make it with workbench.corpus.overview.duplicates_by"),
        (pc.reuse_figure, INGEST, "make it with workbench.corpus.overview.reuse_by_source"),
    ],
)
def test_every_figure_names_the_table_it_takes(figure, result, message):
    args = (result, EMPTY) if figure is pa.actor_network else (result,)
    with pytest.raises(TypeError, match=message):
        figure(*args)


def test_the_second_table_and_the_examples_are_checked_too():
    edges = pd.DataFrame(columns=["source", "target", "count"])
    with pytest.raises(TypeError, match="takes the actors table: pass tables.actors"):
        pa.actor_network(edges, ACTOR_TABLES)
    with pytest.raises(TypeError, match="takes the examples table.*pair_examples"):
        pa.top_pairs(edges, examples=ACTOR_TABLES)
