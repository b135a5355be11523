"""Result objects show a few lines in a notebook: their tables, the first rows, what next."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

import workbench
from workbench.core.display import summarised

XSS = "<script>alert(1)</script>"


@summarised(tables=("main", "other"), next_step="plots.thing(r.main)", about=lambda r: ["a line"])
@dataclass
class Result:
    main: pd.DataFrame
    other: pd.DataFrame


def _big(rows: int = 20_000) -> pd.DataFrame:
    return pd.DataFrame(
        {"doc_id": [f"d{i}" for i in range(rows)], "text": ["word " * 200] * rows, "n": 1}
    )


def test_the_plain_view_names_each_table_with_its_rows_and_what_next():
    r = Result(_big(), pd.DataFrame({"x": [1]}))
    text = repr(r)
    assert text.splitlines() == [
        "Result: a line",
        "  .main   20,000 rows × 3 columns",
        "  .other  1 row × 1 column",
        "  next: plots.thing(r.main)",
    ]


def test_the_html_view_shows_five_rows_escaped():
    main = pd.DataFrame(
        {"title": [XSS] + [f"t{i}" for i in range(9)], "aliases": [["a", "b"]] * 10}
    )
    page = Result(main, pd.DataFrame())._repr_html_()
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("<tr>") == 6  # the head and five rows
    assert "<td>a; b</td>" in page and "<td>t3</td>" in page and "t4" not in page
    assert "<code>.main</code>: 10 rows × 2 columns" in page
    assert "next: <code>plots.thing(r.main)</code>" in page


def _short(obj) -> str:
    text = repr(obj)
    assert len(text.splitlines()) <= 15 and len(text) <= 1500, text
    assert len(obj._repr_html_()) < 20_000
    return text


def test_an_ingest_shows_its_numbers_not_its_corpus(sample_ingest):
    text = _short(sample_ingest)
    n = len(sample_ingest.corpus)
    assert text.startswith(f"Ingest: {n} documents, ")
    assert f".corpus  {n} rows × {sample_ingest.corpus.shape[1]} columns" in text
    assert "next: extract_actors(result)" in text
    assert sample_ingest.corpus["text"].iloc[0][:60] not in text


def test_actor_tables_show_their_tables():
    from workbench.actors.extract import ActorTables

    mentions = pd.DataFrame({"doc_id": ["a", "a", "b"], "actor": ["X", "Y", "X"]})
    actors = pd.DataFrame({"actor": ["X", "Y"], "n_mentions": [2, 1]})
    empty = pd.DataFrame()
    tables = ActorTables(mentions, actors, empty, empty, empty, empty, sentences=empty)
    text = _short(tables)
    assert text.splitlines()[0] == "ActorTables: 2 actors, 3 mentions in 2 documents"
    for name in ("mentions", "actors", "edges", "quotes", "citations", "audit", "sentences"):
        assert f".{name}" in text
    assert "build_timeline(corpus, actors=t)" in text


def test_timeline_tables_show_their_tables():
    from workbench.timeline.build import TimelineTables

    volume = pd.DataFrame({"bin": pd.to_datetime(["2022-03-07"], utc=True), "n_docs": [4]})
    empty = pd.DataFrame()
    tl = TimelineTables(volume, empty, empty, empty, empty, empty, empty, empty, 0.5, "week")
    text = _short(tl)
    assert text.splitlines()[0] == "TimelineTables: week bins, 50% of documents dated"
    assert ".volume          1 row × 2 columns" in text and ".dates_in_text" in text
    assert "plots.event_timeline(t.events)" in text
    assert "2022-03-07" in tl._repr_html_()


def test_a_topic_result_shows_its_tables_without_loading_its_model():
    from workbench.topics.result import TopicResult

    info = pd.DataFrame({"topic": [-1, 0, 1], "label": ["outliers", XSS, "talks"]})
    doc_topics = pd.DataFrame({"doc_id": list("abcd"), "topic": [0, 1, 1, -1]})
    result = TopicResult(
        model=None,
        units=doc_topics[["doc_id"]],
        doc_topics=doc_topics,
        topic_info=info,
        topic_words=pd.DataFrame(),
        representatives=pd.DataFrame(),
        centroids=np.zeros((3, 2)),
        settings=SimpleNamespace(unit="paragraph"),
        notes=["k-means with 2 topics is used instead"],
    )
    text = _short(result)
    assert text.splitlines()[:2] == [
        "TopicResult: 2 topics over 4 paragraphs, 25% outliers (topic -1)",
        "  k-means with 2 topics is used instead",
    ]
    assert ".topic_info" in text and "topics_over_time(r)" in text
    assert "&lt;script&gt;" in result._repr_html_() and "<script" not in result._repr_html_()


def test_dir_of_the_package_lists_the_layers_and_the_entry_points():
    names = dir(workbench)
    for layer in ("corpus", "actors", "topics", "timeline", "notebook", "plots", "reports"):
        assert layer in names
    assert {"ingest", "load_corpus", "extract_actors", "fit_topics", "build_timeline"} <= set(names)
    assert workbench.timeline.build_timeline is workbench.build_timeline
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        _ = workbench.nothing


def test_dir_of_plots_lists_every_figure_and_each_one_is_there():
    import importlib
    import inspect

    import workbench.plots as plots

    for name in ("event_timeline", "topic_sizes", "actor_network", "coverage_figure"):
        assert name in dir(plots)
    for name, module in plots.FIGURES.items():
        assert getattr(plots, name) is getattr(
            importlib.import_module(f"{plots.__name__}.{module}"), name
        )
    # every public figure of a module is listed (helpers of the reports are not figures)
    helpers = {"spring_layout", "focus_range", "offline_map_assets", "require_table"}
    for module in ("actors", "corpus", "timeline", "topics"):
        mod = importlib.import_module(f"workbench.plots.{module}")
        public = {
            n
            for n, f in inspect.getmembers(mod, inspect.isfunction)
            if f.__module__ == mod.__name__ and not n.startswith("_")
        }
        assert public - helpers <= set(plots.FIGURES), module
