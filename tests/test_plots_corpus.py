from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from workbench.corpus import overview
from workbench.plots import corpus as plots

EVIL = "<img src=x onerror=alert(1)>"


def _corpus(n: int = 4) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            "title": [f"{EVIL} title {i}" for i in range(n)],
            "source": pd.array([EVIL, "BBC"] * (n // 2), dtype="string"),
            "date": pd.date_range("2022-03-01", periods=n, freq="5D", tz="UTC"),
            "n_words": [100 * (i + 1) for i in range(n)],
            "duplicate_of": pd.array([None] * (n - 1) + ["d0"], dtype="string"),
            "duplicate_kind": pd.array([None] * (n - 1) + ["near"], dtype="string"),
            "similarity": [None] * (n - 1) + [0.9],
        }
    )


def _strings(fig: go.Figure) -> str:
    return fig.to_json()


def test_figures_escape_every_corpus_string():
    corpus = _corpus()
    figs = [
        plots.sources_figure(overview.sources_table(corpus)),
        plots.coverage_figure(overview.coverage(corpus, date_bin="W")),
        plots.words_figure(overview.word_counts(corpus)),
        plots.duplicates_figure(overview.duplicates_by_source(corpus)),
    ]
    for fig in figs:
        text = _strings(fig)
        assert "<img" not in text and "\\u003cimg" not in text, fig.layout.title.text
        assert "&lt;img" in text or "\\u0026lt;img" in text


def test_coverage_figure_stacks_one_trace_per_source():
    fig = plots.coverage_figure(overview.coverage(_corpus(), date_bin="W"), metric="words")
    assert fig.layout.barmode == "stack"
    assert len(fig.data) == 2
    assert "Words per week" in fig.layout.title.text
    with pytest.raises(ValueError, match="metric 'pages'"):
        plots.coverage_figure(overview.coverage(_corpus()), metric="pages")


def test_words_figure_drops_points_on_a_large_corpus():
    small = plots.words_figure(overview.word_counts(_corpus()))
    large = plots.words_figure(overview.word_counts(_corpus()), max_points=2)
    assert small.data[0].boxpoints == "all" and small.data[0].hovertext
    assert large.data[0].boxpoints is False and not large.data[0].hovertext


def test_rules_and_reuse_figures():
    rules = pd.DataFrame(
        {
            "rule": ["byline"],
            "n_items": [3],
            "n_docs": [2],
            "share_of_docs": [0.5],
            "n_chars": [30],
            "example": [EVIL],
        }
    )
    fig = plots.rules_figure(rules)
    assert "&lt;img" in fig.data[0].hovertext[0]
    pairs = pd.DataFrame({"source": ["BBC"], "other_source": ["CNN"], "pairs": [1], "words": [40]})
    heat = plots.reuse_figure(pairs, within=True)
    assert list(heat.data[0].x) == ["BBC", "CNN"]
    assert heat.data[0].z.tolist() == [[0, 40], [0, 0]]
    blank = plots.reuse_figure(pairs).data[0].z
    assert blank[0][1] == 40 and blank[0][0] != blank[0][0]  # NaN on the diagonal


@pytest.mark.parametrize(
    "figure",
    [
        lambda: plots.sources_figure(overview.sources_table(_corpus()).iloc[:0]),
        lambda: plots.coverage_figure(overview.coverage(_corpus().assign(date=pd.NaT))),
        lambda: plots.words_figure(overview.word_counts(_corpus()).iloc[:0]),
        lambda: plots.rules_figure(pd.DataFrame(columns=["rule", "n_items"])),
        lambda: plots.duplicates_figure(overview.duplicates_by_source(_corpus()).iloc[:0]),
        lambda: plots.reuse_figure(overview.reuse_by_source(pd.DataFrame())),
    ],
)
def test_empty_tables_give_a_figure_that_says_why(figure):
    fig = figure()
    assert len(fig.data) == 0 and fig.layout.annotations
