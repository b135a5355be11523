from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from workbench.plots import topics as plots

EVIL = "<script>alert(1)</script>"


@pytest.fixture
def topic_info():
    return pd.DataFrame(
        {
            "topic": [0, 1, -1],
            "label": ["talks, geneva", EVIL, "(outliers)"],
            "size": [12, 5, 3],
            "words": [["talks", "geneva", "envoy"], [EVIL, "oil"], ["misc"]],
        }
    )


@pytest.fixture
def topic_words():
    return pd.DataFrame(
        {
            "topic": [0, 0, 1, 1, -1],
            "rank": [1, 2, 1, 2, 1],
            "word": ["talks", "geneva", EVIL, "oil", "misc"],
            "weight": [0.4, 0.3, 0.5, 0.2, 0.1],
        }
    )


def _all_text(fig: go.Figure) -> str:
    return fig.to_json()


def test_topic_sizes_bars_largest_at_top_and_escaped(topic_info):
    fig = plots.topic_sizes(topic_info)
    bar = fig.data[0]
    assert list(bar.x) == [5, 12]  # drawn bottom-up: the largest topic ends on top
    assert bar.y[1] == "0: talks, geneva"
    assert "<script>" not in _all_text(fig) and "&lt;script&gt;" in bar.y[0]
    assert bar.customdata[1] == "talks; geneva; envoy"


def test_topic_sizes_without_topics_says_so():
    fig = plots.topic_sizes(
        pd.DataFrame({"topic": [-1], "label": ["x"], "size": [3], "words": ["x"]})
    )
    assert fig.layout.annotations[0].text == "No topics were found."


def test_topic_words_one_panel_per_topic(topic_words):
    fig = plots.topic_words(topic_words)
    assert len(fig.data) == 2
    assert list(fig.data[0].y) == ["geneva", "talks"] and list(fig.data[0].x) == [0.3, 0.4]
    assert "<script>" not in _all_text(fig)


def test_topics_over_time_lines_per_topic():
    table = pd.DataFrame(
        {
            "date": pd.to_datetime(["2022-03-01", "2022-03-08", "2022-03-01"], utc=True),
            "topic": [0, 0, 1],
            "label": ["talks", "talks", EVIL],
            "units": [3, 1, 2],
            "documents": [2, 1, 1],
            "share": [0.6, 1.0, 0.4],
        }
    )
    table.attrs["freq_name"] = "week"
    fig = plots.topics_over_time(table)
    assert [len(t.x) for t in fig.data] == [2, 1]
    assert list(fig.data[0].y) == [0.6, 1.0]
    assert "per week" in fig.layout.title.text
    assert "<script>" not in _all_text(fig)


def test_topics_over_time_without_dates_says_so():
    fig = plots.topics_over_time(pd.DataFrame(columns=["date", "topic", "label", "units", "share"]))
    assert "No dated units" in fig.layout.annotations[0].text


def test_topics_per_source_stacks_shares():
    table = pd.DataFrame(
        {
            "source": ["BBC", "BBC", "CNN"],
            "topic": [0, 1, 0],
            "label": ["a", "b", "a"],
            "units": [2, 2, 1],
            "documents": [1, 1, 1],
            "share": [0.5, 0.5, 1.0],
        }
    )
    fig = plots.topics_per_source(table, top=1)
    assert fig.layout.barmode == "stack"
    assert [t.name for t in fig.data] == ["0: a", "other topics"]
    assert list(fig.data[1].y) == [0.5]


def test_document_map_hover_is_escaped_and_outliers_grey():
    table = pd.DataFrame(
        {
            "unit_id": ["a:p1", "b:p1"],
            "doc_id": ["a", "b"],
            "x": [0.0, 1.0],
            "y": [1.0, 0.0],
            "topic": [0, -1],
            "label": ["talks", "(outliers)"],
            "text": [EVIL, "plain passage"],
        }
    )
    fig = plots.document_map(table)
    assert [t.marker.color for t in fig.data] == [plots.PALETTE[0], "#bbbbbb"]
    assert "&lt;script&gt;" in fig.data[0].customdata[0]
    assert "<script>" not in _all_text(fig)
    assert len(plots.document_map(table, show_outliers=False).data) == 1


def test_topic_similarity_heatmap():
    table = pd.DataFrame(
        {
            "topic_a": [0, 0, 1, 1],
            "label_a": ["a", "a", EVIL, EVIL],
            "topic_b": [0, 1, 0, 1],
            "label_b": ["a", EVIL, "a", EVIL],
            "similarity": [1.0, 0.3, 0.3, 1.0],
        }
    )
    fig = plots.topic_similarity(table)
    assert fig.data[0].z.tolist() == [[1.0, 0.3], [0.3, 1.0]]
    assert "<script>" not in _all_text(fig)


@pytest.mark.slow
def test_figures_from_a_real_fit(sample_corpus):
    from workbench.topics import tables as topic_tables
    from workbench.topics.fit import fit_topics

    result = fit_topics(sample_corpus)
    figures = [
        plots.topic_sizes(result.topic_info),
        plots.topic_words(result.topic_words),
        plots.topics_over_time(topic_tables.topics_over_time(result)),
        plots.topics_per_source(topic_tables.topics_per_source(result)),
        plots.document_map(topic_tables.document_map(result)),
        plots.topic_similarity(topic_tables.topic_similarity(result)),
    ]
    assert all(isinstance(f, go.Figure) and f.data for f in figures)
    assert sum(len(t.x) for t in figures[4].data) == len(result.units)
