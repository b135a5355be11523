from __future__ import annotations

import pandas as pd
import pytest

from workbench import config, notebook


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


def test_setup_registers_an_offline_renderer():
    import plotly.graph_objects as go
    import plotly.io as pio

    notebook.setup()
    assert pio.renderers.default == notebook.RENDERER
    bundle = pio.renderers[notebook.RENDERER].to_mimebundle(go.Figure().to_dict())
    html = bundle["text/html"]
    assert "<div" in html and "mathjax" not in html.lower() and "cdn" not in html.lower()
