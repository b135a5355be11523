"""Actor figures: DataFrame in, plotly figure out, article text escaped."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from workbench.core.errors import UserError
from workbench.core.names import NameNotFoundError
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


#: Three sentences for A and B from three outlets, one of them hostile.
EXAMPLES3 = pd.DataFrame(
    {
        "source": ["A", "A", "A", "A"],
        "target": ["B", "B", "B", "B"],
        "doc_id": ["d2", "d1", "d3", "d1"],
        "outlet": ["CNN", EVIL, "AP", EVIL],
        "date": pd.to_datetime(["2022-03-01", "2022-03-02", "2022-03-05", "2022-03-02"], utc=True),
        "sentence_id": ["d2:p1:s1", "d1:p1:s1", "d3:p1:s1", "d1:p1:s2"],
        "text": ["A called B.", f"A met B {EVIL}", "A and B again.", "A and B once more."],
    }
)

FIGURES = [
    lambda: plots.actor_network(EDGES, ACTORS, examples=EXAMPLES),
    lambda: plots.top_pairs(EDGES, examples=EXAMPLES3),
    lambda: plots.ego_network(EDGES, ACTORS, "A", examples=EXAMPLES3),
    lambda: plots.actor_network(EDGES, ACTORS.assign(actor_type=EVIL), min_mentions=3),
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
        lambda: plots.ego_network(EDGES[EDGES["target"] != "D"], ACTORS, "D"),
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


# ----------------------------------------------------------------------------- names


LAVROV_ACTORS = pd.DataFrame(
    {
        "actor": ["Sergey Lavrov", "Antony Blinken", "Russia"],
        "actor_type": ["PERSON", "PERSON", "GPE"],
        "n_mentions": [8, 6, 20],
        "n_docs": [3, 3, 4],
        "aliases": [["Lavrov", "Sergey Lavrov"], ["Blinken"], ["Russia"]],
    }
)
LAVROV_EDGES = EDGES.iloc[:2].assign(
    source=["Antony Blinken", "Russia"], target=["Sergey Lavrov", "Sergey Lavrov"]
)


@pytest.mark.parametrize("name", ["Sergey Lavrov", "Lavrov", "sergey  lavrov", "Sergei Lavrov"])
def test_ego_network_takes_any_name_the_table_knows(name):
    fig = plots.ego_network(LAVROV_EDGES, LAVROV_ACTORS, name)
    assert fig.layout.title.text == "Named with Sergey Lavrov"
    person = next(t for t in fig.data if t.name == "PERSON")
    i = list(person.text).index("Sergey Lavrov")
    assert (person.x[i], person.y[i]) == (0.0, 0.0)
    assert sorted(a for t in fig.data if t.mode == "markers+text" for a in t.text) == [
        "Antony Blinken",
        "Russia",
        "Sergey Lavrov",
    ]


def test_ego_network_refuses_an_unknown_actor_and_suggests():
    with pytest.raises(NameNotFoundError, match="closest: 'Sergey Lavrov'") as err:
        plots.ego_network(LAVROV_EDGES, LAVROV_ACTORS, "Sergei Lavrow")
    assert isinstance(err.value, UserError)


# ----------------------------------------------------------------------------- less noise


def _names(fig: go.Figure) -> list[str]:
    return sorted(a for t in fig.data if t.mode == "markers+text" for a in t.text)


def test_network_hides_rarely_named_actors_and_says_so():
    fig = plots.actor_network(EDGES, ACTORS, min_mentions=3)
    assert "D" not in _names(fig) and "A" in _names(fig)
    assert fig.layout.title.subtitle.text == (
        "Actors named fewer than 3 times are hidden (1 of 4); pass min_mentions=1 to see all."
    )
    everyone = plots.actor_network(EDGES, ACTORS, min_mentions=1)
    assert "D" in _names(everyone) and not everyone.layout.title.subtitle.text


def test_network_threshold_follows_corpus_size():
    assert "D" in _names(plots.actor_network(EDGES, ACTORS, n_docs=40))  # 1 below 50 documents
    assert "D" not in _names(plots.actor_network(EDGES, ACTORS, n_docs=4_000))  # 3 up to 5,000


def test_ego_network_hides_rare_neighbours_but_never_the_centre():
    fig = plots.ego_network(EDGES, ACTORS, "A", min_mentions=5)
    assert _names(fig) == ["A", "B"]
    assert "hidden (2 of 4)" in fig.layout.title.subtitle.text
    rare = plots.ego_network(EDGES, ACTORS, "D", min_mentions=5)
    assert _names(rare) == ["A", "D"]


def test_top_pairs_with_the_actors_table_leave_out_rare_actors():
    assert len(plots.top_pairs(EDGES).data[0].y) == 4
    fig = plots.top_pairs(EDGES, actors=ACTORS, min_mentions=5, value="npmi")
    assert list(fig.data[0].y) == ["A – B"]
    assert "hidden (2 of 4)" in fig.layout.title.subtitle.text


def test_top_pairs_hover_shows_three_examples_with_outlet_and_date():
    fig = plots.top_pairs(EDGES, examples=EXAMPLES3, n=4)
    hover = fig.data[0].customdata[list(fig.data[0].y).index("A – B")]
    assert [hover.find(t) >= 0 for t in ("A called B.", "A met B", "A and B again.")] == [True] * 3
    assert "A and B once more." not in hover  # three at most
    assert "CNN, 2022-03-01" in hover and "AP, 2022-03-05" in hover
    assert "<img" not in hover and f"{plots.hover_text(EVIL)}, 2022-03-02" in hover
