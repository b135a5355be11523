"""Keyword in context and the article view, on a three-article invented corpus."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from workbench import notebook
from workbench.core.errors import UserError
from workbench.evidence import KWIC_COLUMNS, ArticleView, kwic, show_article
from workbench.evidence.article import COLORS, ArticleNotFoundError

TEXTS = {
    "d1": "Sergei Lavrov met Antony Blinken for peace\ntalks in Riyadh. Lavrov said the talks "
    "went well.",
    "d2": "Talks resumed. The talkshow host asked about Russia & Ukraine.",
    "d3": "<script>alert(1)</script> Lavrov & Blinken spoke again about talks.",
}
CORPUS = pd.DataFrame(
    {
        "doc_id": ["d1", "d2", "d3"],
        "title": ["Talks in Riyadh", "Back to the table", "Evil <b>title</b> & more"],
        "source": ["BBC", "CNN", "AP"],
        # not in date order: results come out by date
        "date": pd.to_datetime(["2022-03-05", "2022-03-01", "2022-03-09"], utc=True),
        "text": [TEXTS[d] for d in ("d1", "d2", "d3")],
    }
)


def _mention(doc: str, surface: str, actor: str, kind: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = TEXTS[doc].index(surface, start + 1)
    return {
        "doc_id": doc,
        "start": start,
        "end": start + len(surface),
        "surface": surface,
        "actor": actor,
        "actor_type": kind,
    }


MENTIONS = pd.DataFrame(
    [
        _mention("d1", "Sergei Lavrov", "Sergey Lavrov", "PERSON"),
        _mention("d1", "Antony Blinken", "Antony Blinken", "PERSON"),
        _mention("d1", "Riyadh", "Riyadh", "GPE"),
        _mention("d1", "Lavrov", "Sergey Lavrov", "PERSON", nth=1),
        _mention("d2", "Russia", "Russia", "GPE"),
        _mention("d2", "Ukraine", "Ukraine", "GPE"),
        _mention("d3", "Lavrov", "Sergey Lavrov", "PERSON"),
        _mention("d3", "Blinken", "<img src=x onerror=alert(2)>", "PERSON"),
    ]
)
ACTORS = pd.DataFrame(
    {
        "actor": ["Sergey Lavrov", "Antony Blinken", "Riyadh", "Russia", "Ukraine"],
        "actor_type": ["PERSON", "PERSON", "GPE", "GPE", "GPE"],
        "n_mentions": [3, 1, 1, 1, 1],
        "n_docs": [2, 1, 1, 1, 1],
        "aliases": [
            ["Sergei Lavrov", "Lavrov"],
            ["Antony Blinken"],
            ["Riyadh"],
            ["Russia"],
            ["Ukraine"],
        ],
    }
)
TABLES = SimpleNamespace(actors=ACTORS, mentions=MENTIONS)


# ----------------------------------------------------------------------------- kwic


def test_kwic_finds_whole_words_in_any_case_sorted_by_date():
    k = kwic(CORPUS, "talks", window=12)
    assert list(k.columns) == KWIC_COLUMNS
    # d2 (1 March) first; "talkshow" is not the word "talks"
    assert k["doc_id"].tolist() == ["d2", "d1", "d1", "d3"]
    assert k["match"].tolist() == ["Talks", "talks", "talks", "talks"]
    assert k["source"].tolist() == ["CNN", "BBC", "BBC", "AP"]
    first_d1 = k.iloc[1]
    assert (first_d1["left"], first_d1["right"]) == ("n for peace ", " in Riyadh. ")  # newline flat
    assert TEXTS["d1"][first_d1["start"] : first_d1["end"]] == "talks"
    assert k["date"].is_monotonic_increasing


def test_kwic_phrase_spans_line_breaks_and_case_can_be_exact():
    assert kwic(CORPUS, "peace talks")["match"].tolist() == ["peace talks"]
    assert kwic(CORPUS, "Talks", case=True)["doc_id"].tolist() == ["d2"]


def test_kwic_regex_when_asked():
    k = kwic(CORPUS, r"talk\w*", regex=True)
    assert sorted(k["match"]) == ["Talks", "talks", "talks", "talks", "talkshow"]
    with pytest.raises(UserError, match=r"not a regular expression .*regex=False"):
        kwic(CORPUS, "talks(", regex=True)
    assert kwic(CORPUS, "talks(")["match"].tolist() == []  # as written: no such text


def test_kwic_of_an_actor_finds_every_spelling_of_its_mentions():
    k = kwic(CORPUS, "Sergei Lavrov", actors=TABLES, window=10)
    assert k["match"].tolist() == ["Sergei Lavrov", "Lavrov", "Lavrov"]
    assert k["doc_id"].tolist() == ["d1", "d1", "d3"]
    assert k.iloc[2]["left"] == "</script> "  # plain text: the page escapes it
    # without the actors tables it is a text search: only the one spelling
    assert kwic(CORPUS, "Sergei Lavrov")["match"].tolist() == ["Sergei Lavrov"]


def test_kwic_searches_the_text_when_the_query_names_no_actor():
    k = kwic(CORPUS, "talks", actors=TABLES)
    assert len(k) == 4 and set(k["match"].str.lower()) == {"talks"}


def test_kwic_limit_and_source():
    assert kwic(CORPUS, "talks", limit=2)["doc_id"].tolist() == ["d2", "d1"]
    assert kwic(CORPUS, "talks", source="AP")["doc_id"].tolist() == ["d3"]
    assert kwic(CORPUS, "talks", source=["AP", "CNN"])["doc_id"].tolist() == ["d2", "d3"]
    with pytest.raises(UserError, match=r"no document from 'Reuters'; the outlets are 'AP', 'BBC'"):
        kwic(CORPUS, "talks", source="Reuters")


def test_kwic_with_nothing_found_is_an_empty_table_with_the_columns():
    k = kwic(CORPUS, "ceasefire")
    assert k.empty and list(k.columns) == KWIC_COLUMNS


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"query": " "}, "pass a word"),
        ({"query": "talks", "window": -1}, "window=-1"),
        ({"query": "talks", "limit": 0}, "limit=0"),
    ],
)
def test_kwic_bad_arguments_say_what_to_do(kwargs, message):
    with pytest.raises(UserError, match=message):
        kwic(CORPUS, **kwargs)


def test_kwic_table_shows_escaped_in_the_notebook():
    page = notebook.table(kwic(CORPUS, "Lavrov", actors=TABLES)).data
    assert "<script>" not in page and "&lt;/script&gt;" in page


# ----------------------------------------------------------------------------- article


def test_article_escapes_text_title_and_actor_names():
    view = show_article(CORPUS, "d3", MENTIONS)
    html = str(view)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "</mark> &amp; <mark" in html and " & " not in html
    assert "Evil &lt;b&gt;title&lt;/b&gt; &amp; more" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html


def test_article_header_spans_and_colours():
    html = show_article(CORPUS, "d1", TABLES).data
    assert "Talks in Riyadh" in html and "BBC · 2022-03-05 · doc_id d1" in html
    # every mention is a span, coloured by its type, the canonical actor in its tooltip
    assert html.count('<mark class="entity"') == 4
    assert html.count(f"background: {COLORS['PERSON']}") == 3 + 1  # 3 spans + the legend key
    assert 'title="Sergey Lavrov (PERSON)"' in html
    # the canonical name is in the label where the text spells it otherwise
    assert "PERSON · Sergey Lavrov" in html and "PERSON · Antony Blinken" not in html


def test_article_view_displays_in_jupyter():
    view = show_article(CORPUS, "d2", MENTIONS)
    assert isinstance(view, ArticleView) and view._repr_html_() == view.data == str(view)
    assert view.doc_id == "d2"


def test_article_without_mentions_says_so():
    html = show_article(CORPUS, "d2", MENTIONS.iloc[:0]).data
    assert "No actor is named in this article." in html and "Back to the table" in html


def test_overlapping_spans_keep_the_longer():
    overlap = pd.concat(
        [MENTIONS, pd.DataFrame([_mention("d1", "Lavrov", "Lavrov", "ORG")])], ignore_index=True
    )
    html = show_article(CORPUS, "d1", overlap).data
    assert html.count('<mark class="entity"') == 4 and "ORG" not in html


def test_article_runs_no_model(monkeypatch):
    import spacy

    def refuse(*args, **kwargs):
        raise AssertionError("show_article loaded a spaCy model")

    monkeypatch.setattr(spacy, "load", refuse)
    monkeypatch.setattr(spacy, "blank", refuse)
    assert "Sergei Lavrov" in show_article(CORPUS, "d1", MENTIONS).data


def test_unknown_doc_id_names_the_closest():
    with pytest.raises(ArticleNotFoundError, match=r"doc_id='d4': no document .*closest: 'd"):
        show_article(CORPUS, "d4", MENTIONS)


def test_displacy_itself_escapes_text_but_not_labels():
    """Why the labels and titles are escaped here: displaCy escapes only the text."""
    from spacy import displacy

    doc = {"text": "<b>x</b> & y", "ents": [{"start": 0, "end": 8, "label": "<i>L</i>"}]}
    html = displacy.render(doc, style="ent", manual=True, jupyter=False)
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "&amp; y" in html
    assert "<i>L</i>" in html
