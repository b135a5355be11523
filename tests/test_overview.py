from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from workbench.corpus import overview
from workbench.corpus.load import Ingest
from workbench.corpus.report import IngestReport


def _corpus() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d", "e", "f"],
            "title": ["A", "B", "C", "D", "E", "F"],
            "source": pd.array(["BBC", "BBC", "CNN", None, "BBC", "Fox"], dtype="string"),
            "date": pd.to_datetime(
                ["2022-03-01", "2022-03-02", "2022-03-09", "2022-03-10", None, "2022-03-20"],
                utc=True,
            ),
            "n_words": [100, 200, 300, 400, 500, 600],
            "duplicate_of": pd.array([None, "a", None, None, None, None], dtype="string"),
            "duplicate_kind": pd.array([None, "exact", None, None, None, None], dtype="string"),
            "similarity": [None, 1.0, None, None, None, None],
        }
    )


def test_source_labels_fill_unknown_and_group_beyond_top():
    labels = overview.source_labels(_corpus(), top=1)
    assert labels.tolist() == ["BBC", "BBC", "other", "other", "BBC", "other"]
    assert overview.source_labels(_corpus()).iloc[3] == overview.NO_SOURCE


def test_sources_table():
    table = overview.sources_table(_corpus())
    assert table["source"].tolist() == ["BBC", "(no source)", "CNN", "Fox"]
    bbc = table.iloc[0]
    assert (bbc["documents"], bbc["words"], bbc["duplicates"]) == (3, 800, 1)
    assert bbc["share"] == pytest.approx(0.5)
    assert (bbc["first_date"], bbc["last_date"]) == ("2022-03-01", "2022-03-02")


@pytest.mark.parametrize("date_bin", ["W", "week", "Week", "W-MON"])
def test_coverage_fills_every_bin_and_leaves_out_copies_and_undated(date_bin):
    cov = overview.coverage(_corpus(), date_bin=date_bin, top=2)
    assert cov.attrs["date_bin"] == "week"
    weeks = pd.to_datetime(["2022-02-28", "2022-03-07", "2022-03-14"], utc=True)
    expected = pd.DataFrame(
        {
            "period": weeks.repeat(3),
            "source": ["BBC", "CNN", "other"] * 3,
            "documents": [1, 0, 0, 0, 1, 1, 0, 0, 1],
            "words": [100, 0, 0, 0, 300, 400, 0, 0, 600],
        }
    )
    assert_frame_equal(cov.reset_index(drop=True), expected, check_dtype=False)
    assert str(cov["period"].dtype) == "datetime64[us, UTC]"


@pytest.mark.parametrize(
    ("date_bin", "unit", "periods", "first"),
    [
        ("auto", "day", 20, "2022-03-01"),  # 19 days apart: a bin a day, empty days included
        ("M", "month", 1, "2022-03-01"),
        ("quarter", "quarter", 1, "2022-01-01"),
        ("Y", "year", 1, "2022-01-01"),
    ],
)
def test_coverage_bins(date_bin, unit, periods, first):
    cov = overview.coverage(_corpus(), date_bin=date_bin)
    assert cov.attrs["date_bin"] == unit
    assert cov["period"].nunique() == periods
    assert cov["period"].min() == pd.Timestamp(first, tz="UTC")


def test_coverage_rejects_an_unknown_bin_naming_the_parameter():
    with pytest.raises(ValueError, match=r"date_bin='fortnight': use one of 'day', 'week'"):
        overview.coverage(_corpus(), date_bin="fortnight")


def test_coverage_with_duplicates_counts_them():
    cov = overview.coverage(_corpus(), date_bin="M", include_duplicates=True)
    assert cov["documents"].sum() == 5  # six documents, one undated


def test_coverage_of_an_undated_corpus_is_empty():
    corpus = _corpus().assign(date=pd.NaT)
    assert overview.coverage(corpus).empty


def test_duplicates_tables():
    dups = overview.duplicates_table(_corpus())
    assert dups[["doc_id", "kind", "copy_of", "copy_of_title"]].values.tolist() == [
        ["b", "exact", "a", "A"]
    ]
    by_source = overview.duplicates_by_source(_corpus(), top=12)
    bbc = by_source[by_source["source"] == "BBC"].set_index("kind")["documents"].to_dict()
    assert bbc == {"exact": 1, "unique": 2}


def _reuse() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": ["c", "c", "f"],
            "other_doc_id": ["a", "a", "a"],
            "n_words": [30, 40, 25],
            "passage": ["short one", "the longest passage", "another"],
        }
    )


def test_reuse_pairs_and_by_source():
    pairs = overview.reuse_pairs(_reuse(), _corpus())
    assert pairs[
        ["doc_id", "other_doc_id", "passages", "words", "longest_passage"]
    ].values.tolist() == [["c", "a", 2, 70, "the longest passage"], ["f", "a", 1, 25, "another"]]
    assert pairs.loc[0, "source"] == "CNN" and pairs.loc[0, "other_source"] == "BBC"
    by_source = overview.reuse_by_source(pairs)
    cell = by_source.set_index(["source", "other_source"])["words"]
    assert cell[("CNN", "BBC")] == cell[("BBC", "CNN")] == 70
    assert overview.reuse_pairs(_reuse().iloc[:0], _corpus()).empty


def test_top_pairs_leaves_out_an_outlet_reusing_itself():
    pairs = pd.DataFrame(
        {
            "source": ["BBC", "BBC", "(no source)"],
            "other_source": ["BBC", "CNN", "(no source)"],
            "words": [90, 50, 30],
        }
    )
    assert overview.top_pairs(pairs)["words"].tolist() == [50, 30]
    assert len(overview.top_pairs(pairs, between_outlets=False)) == 3


def test_word_counts_leave_out_empty_documents():
    lengths = overview.word_counts(_corpus().assign(n_words=[0, 10, 20, 30, 40, 50]))
    assert lengths["doc_id"].tolist() == ["b", "c", "d", "e", "f"]
    assert lengths.attrs["empty"] == 1


def test_rules_and_problems_tables():
    report = IngestReport(n_records_read=4)
    report.tally([("byline", "By Jo"), ("byline", "By Al"), ("teaser", "Read more")])
    report.add("a.csv", "empty_text", "no body", "kept", line=3)
    result = Ingest(_corpus(), report)
    rules = overview.rules_table(result)
    assert rules[["rule", "n_items", "n_docs"]].values.tolist() == [
        ["byline", 2, 1],
        ["teaser", 1, 1],
    ]
    assert rules["share_of_docs"].tolist() == [0.25, 0.25]
    problems = overview.problems_table(report)
    assert problems.values.tolist() == [["empty_text", 1, "a.csv, line 3: no body", "kept"]]
