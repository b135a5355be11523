"""Actor figures: DataFrame in, plotly figure out, article text escaped."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from workbench.plots import actors as plots

EVIL = "<img src=x onerror=alert(1)>"

ACTORS = pd.DataFrame(
    {
        "actor": ["A", "B", EVIL, "D"],
        "actor_type": ["PERSON", "PERSON", "ORG", "GPE"],
        "n_mentions": [10, 6, 4, 2],
        "affiliation": ["X", None, "Y", None],
    }
)
EDGES = pd.DataFrame(
    {
        "source": ["A", "A", "B", "A"],
        "target": ["B", EVIL, EVIL, "D"],
        "window": "sentence",
        "count": [5, 2, 1, 1],
        "n_docs": [3, 2, 1, 1],
        "pmi": [1.0, 0.5, 0.1, -0.2],
        "npmi": [0.5, 0.2, 0.05, -0.1],
        "jaccard": [0.5, 0.2, 0.1, 0.1],
    }
)
EXAMPLES = pd.DataFrame(
    {
        "source": ["A"],
        "target": ["B"],
        "doc_id": ["d"],
        "sentence_id": ["d:p1:s1"],
        "text": [f"A met B {EVIL}"],
    }
)
QUOTES = pd.DataFrame(
    {
        "doc_id": ["d"] * 4,
        "speaker": ["A", "A", EVIL, "B"],
        "cue": ["said"] * 4,
        "quote": [f"We go {EVIL}", "Again", "Hi", "Bye"],
        "kind": ["direct", "reported", "direct", "interview turn"],
        "start": 0,
        "end": 1,
    }
)


def _all_text(fig: go.Figure) -> str:
    return fig.to_json()


FIGURES = [
    lambda: plots.actor_network(EDGES, ACTORS, examples=EXAMPLES),
    lambda: plots.actor_network(EDGES, ACTORS, color_by="affiliation", weight="npmi"),
    lambda: plots.ego_network(EDGES, ACTORS, "A", examples=EXAMPLES),
    lambda: plots.cooccurrence_heatmap(EDGES, value="jaccard"),
    lambda: plots.top_pairs(EDGES, examples=EXAMPLES),
    lambda: plots.top_speakers(QUOTES),
]


@pytest.mark.parametrize("make", FIGURES)
def test_figures_escape_article_text(make):
    fig = make()
    assert isinstance(fig, go.Figure)
    text = _all_text(fig)
    assert "<img" not in text and "&lt;img src=x" in text


def test_network_nodes_sized_by_mentions_and_coloured_by_type():
    fig = plots.actor_network(EDGES, ACTORS)
    nodes = [t for t in fig.data if t.mode == "markers+text"]
    assert sorted(t.name for t in nodes) == ["GPE", "ORG", "PERSON"]
    person = next(t for t in nodes if t.name == "PERSON")
    assert list(person.text) == ["A", "B"] and person.marker.size[0] > person.marker.size[1]


def test_ego_network_pins_the_actor_at_the_centre():
    fig = plots.ego_network(EDGES, ACTORS, "A")
    person = next(t for t in fig.data if t.name == "PERSON")
    i = list(person.text).index("A")
    assert (person.x[i], person.y[i]) == (0.0, 0.0)


def test_heatmap_is_symmetric():
    fig = plots.cooccurrence_heatmap(EDGES)
    z = pd.DataFrame(fig.data[0].z)
    assert z.equals(z.T)


def test_top_pairs_hover_shows_example():
    fig = plots.top_pairs(EDGES, examples=EXAMPLES, n=2)
    assert list(fig.data[0].y) == [f"A – {plots.hover_text(EVIL)}", "A – B"]
    assert "A met B" in fig.data[0].customdata[-1]


def test_top_speakers_stacks_kinds():
    fig = plots.top_speakers(QUOTES)
    assert {t.name for t in fig.data} == {"direct", "reported", "interview turn"}
    assert fig.layout.barmode == "stack"


@pytest.mark.parametrize(
    "make",
    [
        lambda: plots.actor_network(EDGES.iloc[:0], ACTORS),
        lambda: plots.ego_network(EDGES, ACTORS, "Z"),
        lambda: plots.cooccurrence_heatmap(EDGES.iloc[:0]),
        lambda: plots.top_pairs(EDGES.iloc[:0]),
        lambda: plots.top_speakers(QUOTES.iloc[:0]),
    ],
)
def test_empty_inputs_explain_themselves(make):
    fig = make()
    assert fig.layout.annotations and fig.layout.annotations[0].text.startswith("No ")


def test_bad_weight_is_refused():
    with pytest.raises(ValueError, match="choose one of count"):
        plots.top_pairs(EDGES, value="size")


def test_layout_is_seeded():
    a = plots.spring_layout(["A", "B", "D"], EDGES, seed=1)
    assert a == plots.spring_layout(["A", "B", "D"], EDGES, seed=1)
