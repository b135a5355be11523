"""Inputs: the required-columns check (core) and a corpus from a table, an ingest or a path."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench import config
from workbench.core.errors import UserError
from workbench.core.inputs import MissingColumnError, require_columns
from workbench.corpus import overview
from workbench.corpus.inputs import EmptyCorpusError, as_corpus
from workbench.corpus.load import CorpusError, Ingest, save_corpus

# ----------------------------------------------------------------------------- require_columns

TABLE = pd.DataFrame({"doc_id": ["a"], "body": ["text"], "date": [None]})


def test_require_columns_returns_the_same_table():
    assert require_columns(TABLE, ["doc_id", "date"]) is TABLE


@pytest.mark.parametrize(
    ("columns", "table", "hint", "expected"),
    [
        (
            ["doc_id", "text"],
            "corpus",
            None,
            "the corpus table has no 'text' column (its columns: doc_id, body, date); "
            "load the corpus with workbench.load_corpus(path)",
        ),
        (
            ["text", "source"],
            "corpus",
            None,
            "the corpus table has no 'text', 'source' columns (its columns: doc_id, body, date)",
        ),
        (
            ["actor"],
            "mentions",
            None,
            "the mentions table has no 'actor' column (its columns: doc_id, body, date); "
            "pass the mentions table as the workbench computes it",
        ),
        (
            ["topic"],
            "doc_topics",
            "pass result.doc_topics",
            "the doc_topics table has no 'topic' column (its columns: doc_id, body, date); "
            "pass result.doc_topics",
        ),
    ],
)
def test_missing_columns_are_named_with_the_table_and_what_to_do(columns, table, hint, expected):
    with pytest.raises(MissingColumnError) as err:
        require_columns(TABLE, columns, table=table, hint=hint)
    assert str(err.value).startswith(expected)
    assert err.value.table == table and err.value.columns == ["doc_id", "body", "date"]
    assert isinstance(err.value, ValueError)


def test_a_table_that_is_not_a_dataframe_is_named():
    with pytest.raises(TypeError, match="the corpus table should be a pandas DataFrame, not str"):
        require_columns("subset.csv", ["text"])


# ----------------------------------------------------------------------------- as_corpus


def test_as_corpus_keeps_a_dataframe_as_it_is():
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Some words."]})
    assert as_corpus(corpus) is corpus


def test_as_corpus_takes_an_ingest_s_corpus(sample_ingest):
    assert as_corpus(sample_ingest) is sample_ingest.corpus


def test_as_corpus_loads_a_folder(sample_corpus):
    corpus = as_corpus(config.sample_corpus())
    assert corpus["doc_id"].tolist() == sample_corpus["doc_id"].tolist()


def test_as_corpus_loads_a_file_given_as_a_string(tmp_path):
    path = tmp_path / "subset.csv"
    path.write_text("id,body,outlet\nx1,The talks resumed in Geneva on Monday.,AP\n")
    corpus = as_corpus(str(path))
    assert corpus[["doc_id", "text", "source"]].values.tolist() == [
        ["x1", "The talks resumed in Geneva on Monday.", "AP"]
    ]


def test_as_corpus_names_the_missing_text_column():
    with pytest.raises(MissingColumnError, match=r"no 'text' column \(its columns: doc_id, body\)"):
        as_corpus(pd.DataFrame({"doc_id": ["a"], "body": ["words"]}))


def test_as_corpus_checks_the_columns_asked_for(sample_ingest):
    with pytest.raises(MissingColumnError, match="no 'sentiment' column"):
        as_corpus(sample_ingest, columns=["doc_id", "sentiment"])


@pytest.mark.parametrize("value", [None, 42, ["a.csv"]])
def test_as_corpus_rejects_what_is_not_a_corpus(value):
    with pytest.raises(TypeError, match="a corpus is a table, an ingest or a path"):
        as_corpus(value)


# ----------------------------------------------------------------------------- overview entry


def test_overview_tables_take_a_path_or_an_ingest(sample_ingest):
    by_path = overview.sources_table(config.sample_corpus())
    by_ingest = overview.sources_table(sample_ingest)
    pd.testing.assert_frame_equal(by_path, by_ingest)
    assert by_path["documents"].sum() == len(sample_ingest.corpus)
    assert overview.word_counts(Ingest(sample_ingest.corpus))["n_words"].gt(0).all()


@pytest.mark.parametrize(
    ("function", "missing"),
    [
        (overview.sources_table, "'n_words', 'date', 'duplicate_of'"),
        (overview.coverage, "'n_words', 'date', 'duplicate_of'"),
        (overview.word_counts, "'title', 'n_words'"),
        (overview.duplicates_by_source, "'duplicate_kind'"),
    ],
)
def test_overview_tables_name_the_missing_column(function, missing):
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["words"], "source": ["AP"]})
    with pytest.raises(MissingColumnError, match=f"the corpus table has no {missing} column"):
        function(corpus)


# ----------------------------------------------------------------------------- empty corpora

EMPTY = pd.DataFrame(
    {
        "doc_id": pd.Series([], dtype="str"),
        "text": pd.Series([], dtype="str"),
        "title": pd.Series([], dtype="str"),
        "source": pd.Series([], dtype="str"),
        "date": pd.Series([], dtype="datetime64[ns, UTC]"),
        "n_words": pd.Series([], dtype="int64"),
        "duplicate_of": pd.Series([], dtype="str"),
        "duplicate_kind": pd.Series([], dtype="str"),
    }
)


def test_as_corpus_stops_an_empty_corpus_with_what_to_check(sample_ingest):
    for empty in (EMPTY, Ingest(EMPTY), pd.DataFrame()):
        with pytest.raises(EmptyCorpusError, match="the corpus has no articles; check the filter"):
            as_corpus(empty)
    assert issubclass(EmptyCorpusError, UserError) and issubclass(EmptyCorpusError, ValueError)


def _empty_entry_points():
    from workbench.actors import extract_actors
    from workbench.timeline import build_timeline
    from workbench.topics import fit_topics

    return [
        extract_actors,
        build_timeline,
        fit_topics,
        overview.sources_table,
        overview.coverage,
        overview.word_counts,
        overview.duplicates_table,
        overview.duplicates_by_source,
    ]


@pytest.mark.parametrize("function", _empty_entry_points(), ids=lambda f: f.__name__)
def test_every_entry_point_stops_an_empty_selection_before_pandas(function):
    with pytest.raises(EmptyCorpusError, match="the corpus has no articles"):
        function(EMPTY)


def test_an_empty_selection_of_the_sample_stops_extract_actors(sample_ingest):
    from workbench.actors import extract_actors

    corpus = sample_ingest.corpus
    with pytest.raises(EmptyCorpusError):
        extract_actors(corpus[corpus["date"] > pd.Timestamp("2030-01-01", tz="UTC")])


def test_a_file_with_no_article_stops_with_a_user_error(tmp_path):
    path = tmp_path / "nothing.csv"
    path.write_text("id,body\n")  # a header, no article
    with pytest.raises((EmptyCorpusError, CorpusError), match="no article could be read"):
        as_corpus(path)


# ----------------------------------------------------------------------------- paths


@pytest.mark.parametrize("writer", ["save_corpus", "to_csv"])
def test_a_subset_written_to_csv_loads_back_as_a_corpus(sample_ingest, tmp_path, writer):
    corpus = sample_ingest.corpus.iloc[:3]
    path = tmp_path / "subset.csv"
    if writer == "save_corpus":
        save_corpus(corpus, path)
    else:
        corpus.to_csv(path, index=False)
    loaded = as_corpus(str(path))
    assert loaded["doc_id"].tolist() == corpus["doc_id"].tolist()
    assert loaded["text"].tolist() == corpus["text"].tolist()
    assert loaded["source"].tolist() == corpus["source"].tolist()
