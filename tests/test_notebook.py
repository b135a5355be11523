from __future__ import annotations

import pandas as pd
import pytest

from workbench import config, notebook
from workbench.core.errors import UserError
from workbench.corpus.inputs import EmptyCorpusError


def test_corpus_path_resolves_against_the_project_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert notebook.corpus_path("data/sample") == config.sample_corpus()
    assert notebook.corpus_path(tmp_path / "x.csv") == tmp_path / "x.csv"


def _corpus() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source": pd.array(["BBC", "CNN", None, "BBC"], dtype="string"),
            "date": pd.to_datetime(["2022-02-23", "2022-02-24", "2022-02-25", None], utc=True),
        }
    )


@pytest.mark.parametrize(
    ("options", "kept"),
    [
        ({}, [True, True, True, True]),
        ({"source": "BBC"}, [True, False, False, True]),
        ({"start": "2022-02-24"}, [False, True, True, False]),
        ({"end": "2022-02-24"}, [True, True, False, False]),
        ({"source": "BBC", "end": "2022-03-01"}, [True, False, False, False]),
    ],
)
def test_select(options, kept):
    assert notebook.select(_corpus(), **options).tolist() == kept


def test_select_explains_a_wrong_source_or_date():
    with pytest.raises(ValueError, match="source 'ABC' is not an outlet.*BBC, CNN"):
        notebook.select(_corpus(), source="ABC")
    with pytest.raises(ValueError, match="start 'soon' is not a date"):
        notebook.select(_corpus(), start="soon")


def test_load_keeps_one_source(sample_ingest):
    source = sample_ingest.corpus["source"].dropna().iloc[0]
    result = notebook.load("data/sample", source=source)
    assert set(result.corpus["source"]) == {source}
    assert len(notebook.load("data/sample").corpus) == len(sample_ingest.corpus)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("*bold* [link](x)", "\\*bold\\* \\[link\\](x)"),
        ("a & b", "a &amp; b"),
    ],
)
def test_md_escape(text, expected):
    assert notebook.md_escape(text) == expected


def test_table_escapes_cuts_and_counts():
    df = pd.DataFrame(
        {"title": ["<img src=x onerror=alert(1)>", "x" * 300, "c"], "n": [1234, 5, 6]}
    )
    html = notebook.table(df, max_rows=2, max_chars=50).data
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "1,234" in html and "x" * 49 + "…" in html
    assert "1 more rows" in html
    assert "(no rows)" in notebook.table(df.iloc[:0]).data


def test_table_shows_markup_in_cells_as_text_in_the_structure_reports_sort():
    df = pd.DataFrame({"title": ["<script>window.__xss = 1</script>", "<img src=x onerror=f()>"]})
    html = notebook.table(df).data
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=f()&gt;" in html
    assert html.startswith("<table class='wb-table'><thead><tr><th ")  # what report.js enhances
    assert html.count("<tbody><tr>") == 1 and html.count("<tr>") == 3


def test_table_shows_a_list_cell_as_its_items():
    df = pd.DataFrame({"actor": ["Kyiv"], "aliases": [["Kyiv", "Kiev", "<Kyjiw>"]]})
    html = notebook.table(df).data
    assert "<td class='wb-text' style='text-align:left'>Kyiv; Kiev; &lt;Kyjiw&gt;</td>" in html


def test_setup_embeds_plotly_for_reports(monkeypatch):
    import plotly.graph_objects as go
    import plotly.io as pio

    from workbench.core import pool

    monkeypatch.setenv(pool.REPORT_ENV, "1")  # what `workbench report` sets for its kernels
    notebook.setup()
    assert pio.renderers.default == notebook.RENDERER
    bundle = pio.renderers[notebook.RENDERER].to_mimebundle(go.Figure().to_dict())
    html = bundle["text/html"]
    assert "<div" in html and "mathjax" not in html.lower() and "cdn" not in html.lower()
    notebook.setup(renderer="offline")
    assert pio.renderers.default == notebook.RENDERER


def test_setup_uses_jupyterlab_s_renderer_outside_reports(monkeypatch):
    import plotly.graph_objects as go
    import plotly.io as pio

    from workbench.core import pool

    monkeypatch.delenv(pool.REPORT_ENV, raising=False)
    monkeypatch.setattr(pool, "in_report", lambda: False)
    try:
        notebook.setup()
        assert pio.renderers.default == notebook.LAB_RENDERER
        bundle = pio.renderers[notebook.LAB_RENDERER].to_mimebundle(go.Figure().to_dict())
        assert set(bundle) == {"application/vnd.plotly.v1+json"}  # data only: no plotly.js
        notebook.setup(renderer="offline")
        assert pio.renderers.default == notebook.RENDERER
        notebook.setup(renderer="lab")
        assert pio.renderers.default == notebook.LAB_RENDERER
        with pytest.raises(ValueError, match="renderer='html': give 'auto', 'lab' or 'offline'"):
            notebook.setup(renderer="html")
    finally:
        pio.renderers.default = notebook.RENDERER


# ----------------------------------------------------------------------------- forgiving select


def _dated() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": list("abcde"),
            "source": ["Fox News", "Daily Mirror", "BBC", "BBC", "CNN"],
            "date": pd.to_datetime(
                ["2022-01-03", "2022-03-01", "2022-06-30", "2022-12-31", None], utc=True
            ),
        }
    )


def test_select_takes_a_list_of_outlets():
    kept = notebook.select(_dated(), source=["Fox News", "Daily Mirror"])
    assert kept.tolist() == [True, True, False, False, False]
    assert notebook.select(_dated(), source=("CNN",)).tolist() == [False] * 4 + [True]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("Fox", r"source 'Fox' is not an outlet of this corpus; for 'Fox' did you mean 'Fox News'"),
        ("bbc", r"for 'bbc' did you mean 'BBC'\?"),
        (["BBC", "Dialy Mirror"], r"source 'Dialy Mirror' is not an outlet.*'Daily Mirror'"),
        (["Reuters", "AP"], r"source 'Reuters', 'AP' are not outlets.*outlets: BBC, CNN"),
        (42, r"source=42: give an outlet's name"),
    ],
)
def test_select_names_an_unknown_outlet_and_the_closest(source, message):
    with pytest.raises(ValueError, match=message) as err:
        notebook.select(_dated(), source=source)
    assert isinstance(err.value, UserError)


def test_select_refuses_dates_the_wrong_way_round():
    with pytest.raises(UserError, match="start 2022-08-01 is after end 2022-02-01.*swap them"):
        notebook.select(_dated(), start="2022-08-01", end="2022-02-01")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"start": "2030-01-01"},
            "no articles dated 2030-01-01 or later; the corpus runs from 2022-01-03 to "
            "2022-12-31 (5 articles from BBC, ",
        ),
        (
            {"start": "2022-04-01", "end": "2022-05-01"},
            "no articles between 2022-04-01 and 2022-05-01; the corpus runs from 2022-01-03",
        ),
        (
            {"source": "Fox News", "end": "2021-12-31"},
            "no articles from Fox News dated 2021-12-31 or earlier; their articles run from "
            "2022-01-03 to 2022-01-03",
        ),
        (
            {"source": "CNN", "start": "2022-01-01"},
            "no articles from CNN dated 2022-01-01 or later; their articles have no "
            "publication dates",
        ),
    ],
)
def test_a_selection_that_keeps_nothing_says_what_the_corpus_holds(options, message):
    with pytest.raises(notebook.EmptySelectionError) as err:
        notebook.select(_dated(), **options)
    assert str(err.value).startswith(message)
    assert isinstance(err.value, EmptyCorpusError) and isinstance(err.value, UserError)


def test_select_takes_dates_and_timestamps():
    start = pd.Timestamp("2022-06-30", tz="Europe/Berlin")  # a zone: compared in UTC
    assert notebook.select(_dated(), start=start).tolist() == [False, False, True, True, False]
    import datetime

    assert notebook.select(_dated(), end=datetime.date(2022, 1, 3)).tolist()[0] is True


def test_select_of_an_empty_corpus_says_so():
    with pytest.raises(EmptyCorpusError, match="the corpus has no articles; check the filter"):
        notebook.select(_dated().iloc[:0], source="BBC")


def test_load_keeps_several_outlets_and_explains_an_empty_range(sample_ingest):
    sources = sorted(sample_ingest.corpus["source"].dropna().unique())[:2]
    result = notebook.load("data/sample", source=sources)
    assert set(result.corpus["source"]) == set(sources)
    assert len(result.corpus) == sample_ingest.corpus["source"].isin(sources).sum()
    last = sample_ingest.corpus["date"].max().date().isoformat()
    with pytest.raises(notebook.EmptySelectionError, match=f"to {last}"):
        notebook.load("data/sample", start="2030-01-01")
