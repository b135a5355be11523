"""Table conventions: list cells (lists in tables, "; " in CSV) and the document columns."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from workbench.core import cache
from workbench.core.escape import hover_text, md_escape
from workbench.core.tables import (
    as_lists,
    cell_text,
    join_lists,
    list_columns,
    split_cell,
    with_doc_columns,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (["Kyiv", "Kiev"], "Kyiv; Kiev"),
        (("AP",), "AP"),
        (np.array(["a", "b", "c"]), "a; b; c"),
        ([], ""),
        (["a", None, ""], "a"),
        ([0.1234, 2], "0.1234; 2"),
        ("already text", "already text"),
        (None, ""),
        (float("nan"), ""),
        (pd.NA, ""),
        (3, "3"),
    ],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


@pytest.mark.parametrize(
    ("value", "items"),
    [
        ("Kyiv; Kiev", ["Kyiv", "Kiev"]),
        ("Kyiv;Kiev; ", ["Kyiv", "Kiev"]),
        ("", []),
        (None, []),
        (float("nan"), []),
        (["already", "a list"], ["already", "a list"]),
        (np.array(["x"]), ["x"]),
    ],
)
def test_split_cell(value, items):
    assert split_cell(value) == items


def test_join_lists_joins_list_cells_only():
    table = pd.DataFrame({"actor": ["A", "B"], "aliases": [["A", "Mr A"], []], "n": [2, 0]})
    assert list_columns(table) == ["aliases"]
    assert join_lists(table).to_dict("list") == {
        "actor": ["A", "B"],
        "aliases": ["A; Mr A", ""],
        "n": [2, 0],
    }
    assert table.loc[0, "aliases"] == ["A", "Mr A"]  # the table itself keeps its lists
    plain = pd.DataFrame({"n": [1]})
    assert join_lists(plain) is plain


def test_as_lists_turns_parquet_arrays_back_into_lists():
    read_back = pd.DataFrame({"aliases": [np.array(["A", "Mr A"]), np.array([]), None]})
    assert as_lists(read_back)["aliases"].tolist() == [["A", "Mr A"], [], None]


def test_write_table_joins_lists_in_csv_and_keeps_them_in_parquet(tmp_path):
    table = pd.DataFrame(
        {
            "event_id": ["e0001", "e0002"],
            "participants": [["Marco Rubio", "Sergey Lavrov"], ["Emmanuel Macron"]],
            "sources": [["AP", "CNN"], []],
        }
    )
    cache.write_table(table, tmp_path / "events.csv")
    assert (tmp_path / "events.csv").read_text().splitlines() == [
        "event_id,participants,sources",
        "e0001,Marco Rubio; Sergey Lavrov,AP; CNN",
        "e0002,Emmanuel Macron,",
    ]
    cache.write_table(table, tmp_path / "events.tsv")
    assert "e0001\tMarco Rubio; Sergey Lavrov\tAP; CNN" in (tmp_path / "events.tsv").read_text()
    cache.write_table(table, tmp_path / "events.parquet")
    assert_frame_equal(as_lists(pd.read_parquet(tmp_path / "events.parquet")), table)


def test_hovers_and_prose_show_a_list_as_its_items():
    assert hover_text(["A <b>", "B"]) == "A &lt;b&gt;; B"
    assert md_escape(["Kuala_Lumpur", "Riyadh"]) == r"Kuala\_Lumpur; Riyadh"


# ----------------------------------------------------------------------------- document columns

CORPUS = pd.DataFrame(
    {
        "doc_id": ["a", "b"],
        "text": ["long text a", "long text b"],
        "source": ["AP", None],
        "date": pd.to_datetime(["2022-03-01", None], utc=True),
    }
)


def test_with_doc_columns_puts_source_and_date_beside_doc_id():
    found = pd.DataFrame({"doc_id": ["b", "a", "zz"], "speaker": ["X", "Y", "Z"]})
    out = with_doc_columns(found, CORPUS)
    expected = pd.DataFrame(
        {
            "doc_id": ["b", "a", "zz"],
            "source": [None, "AP", None],
            "date": pd.to_datetime([None, "2022-03-01", None], utc=True),
            "speaker": ["X", "Y", "Z"],
        }
    )
    assert_frame_equal(out, expected, check_dtype=False)
    assert "text" not in out


def test_with_doc_columns_adds_empty_columns_when_the_corpus_has_none():
    found = pd.DataFrame({"doc_id": ["a"], "source": ["stale"], "cited": ["BBC"]})
    out = with_doc_columns(found, CORPUS[["doc_id", "text"]])
    assert out.columns.tolist() == ["doc_id", "source", "date", "cited"]
    assert out["source"].isna().all() and out["date"].isna().all()
    assert str(out["date"].dtype).startswith("datetime64")
