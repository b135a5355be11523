"""Co-occurrence edges on tiny inline mention tables."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from workbench.actors.network import (
    EDGE_COLUMNS,
    EXAMPLE_COLUMNS,
    cooccurrence,
    pair_examples,
    pair_table,
)
from workbench.core.errors import UserError


def _mentions(rows):
    """rows: (doc_id, paragraph, sentence, actor[, type])."""
    out = []
    for doc, p, s, actor, *kind in rows:
        out.append(
            {
                "doc_id": doc,
                "paragraph_id": f"{doc}:p{p}",
                "sentence_id": f"{doc}:p{p}:s{s}",
                "actor": actor,
                "actor_type": kind[0] if kind else "PERSON",
            }
        )
    return pd.DataFrame(out)


MENTIONS = _mentions(
    [
        ("d1", 1, 1, "A"),
        ("d1", 1, 1, "B"),
        ("d1", 1, 1, "B"),
        ("d1", 1, 2, "C"),
        ("d1", 2, 1, "A"),
        ("d1", 2, 1, "C"),
        ("d2", 1, 1, "A"),
        ("d2", 1, 1, "B"),
        ("d2", 1, 2, "D"),
        ("d2", 1, 2, "CNN", "MEDIA"),
        ("d2", 1, 2, "A"),
    ]
)


def test_sentence_edges_count_pmi_npmi_jaccard():
    edges = cooccurrence(MENTIONS, window="sentence")
    assert list(edges.columns) == EDGE_COLUMNS
    ab = edges.set_index(["source", "target"]).loc[("A", "B")]
    # windows with any actor: d1 s1, d1 s2, d1 p2s1, d2 s1, d2 s2 -> N = 5
    # A in 4 windows, B in 2, together in 2
    assert (ab["count"], ab["n_docs"]) == (2, 2)
    assert ab["pmi"] == pytest.approx(math.log((2 / 5) / ((4 / 5) * (2 / 5))))
    assert ab["npmi"] == pytest.approx(ab["pmi"] / -math.log(2 / 5))
    assert ab["jaccard"] == pytest.approx(2 / (4 + 2 - 2))
    assert "CNN" not in set(edges["source"]) | set(edges["target"])
    assert edges["count"].is_monotonic_decreasing


@pytest.mark.parametrize(
    ("window", "pair", "count"),
    [
        ("sentence", ("A", "C"), 1),
        ("paragraph", ("A", "C"), 2),
        ("document", ("A", "C"), 1),
        ("document", ("A", "D"), 1),
        ("paragraph", ("B", "C"), 1),
    ],
)
def test_windows(window, pair, count):
    edges = cooccurrence(MENTIONS, window=window).set_index(["source", "target"])
    assert edges.loc[pair, "count"] == count
    assert set(edges["window"]) == {window}


def test_types_none_keeps_outlets():
    edges = cooccurrence(MENTIONS, types=None)
    assert ("CNN", "D") in set(zip(edges["source"], edges["target"], strict=True))


def test_time_bins_split_counts():
    dates = pd.Series(pd.to_datetime(["2022-03-01", "2022-04-15"], utc=True), index=["d1", "d2"])
    edges = cooccurrence(MENTIONS, time_bin="month", dates=dates)
    ab = edges[(edges["source"] == "A") & (edges["target"] == "B")]
    assert ab["period"].dt.strftime("%Y-%m").tolist() == ["2022-03", "2022-04"]
    assert ab["count"].tolist() == [1, 1]
    assert ab["npmi"].tolist()[1] == pytest.approx(
        math.log((1 / 2) / ((2 / 2) * (1 / 2))) / -math.log(1 / 2)
    )


@pytest.mark.parametrize(
    ("time_bin", "periods"),
    [
        # d1 on Sunday 2022-02-27, d2 on Monday 2022-02-28 (W-MON weeks once split them wrongly)
        ("week", ["2022-02-21", "2022-02-28"]),
        ("W", ["2022-02-21", "2022-02-28"]),
        ("W-MON", ["2022-02-21", "2022-02-28"]),
        ("day", ["2022-02-27", "2022-02-28"]),
        ("month", ["2022-02-01"]),
        ("M", ["2022-02-01"]),
        ("quarter", ["2022-01-01"]),
        ("Y", ["2022-01-01"]),
        ("auto", ["2022-02-27", "2022-02-28"]),
    ],
)
def test_time_bins_start_weeks_on_monday_in_utc(time_bin, periods):
    dates = pd.Series(pd.to_datetime(["2022-02-27", "2022-02-28"], utc=True), index=["d1", "d2"])
    edges = cooccurrence(MENTIONS, time_bin=time_bin, dates=dates)
    ab = edges[(edges["source"] == "A") & (edges["target"] == "B")]
    assert ab["period"].tolist() == [pd.Timestamp(p, tz="UTC") for p in periods]
    assert ab["count"].sum() == 2


def test_bad_arguments_say_what_to_do():
    with pytest.raises(ValueError, match="choose 'sentence', 'paragraph' or 'document'"):
        cooccurrence(MENTIONS, window="page")
    with pytest.raises(ValueError, match="time_bin needs dates"):
        cooccurrence(MENTIONS, time_bin="week")
    with pytest.raises(ValueError, match="time_bin='fortnight': use one of 'day', 'week'"):
        cooccurrence(MENTIONS, time_bin="fortnight")


def test_empty_mentions_give_empty_edges():
    assert list(cooccurrence(MENTIONS.iloc[:0]).columns) == EDGE_COLUMNS
    lonely = _mentions([("d1", 1, 1, "A"), ("d1", 1, 2, "B")])
    assert cooccurrence(lonely).empty


def test_pair_examples_give_the_shared_sentences():
    sentences = pd.DataFrame(
        {"unit_id": ["d1:p1:s1", "d2:p1:s1"], "text": ["A met B.", "A and B again."]}
    )
    edges = cooccurrence(MENTIONS)
    ex = pair_examples(edges, MENTIONS, sentences)
    assert list(ex.columns) == EXAMPLE_COLUMNS
    ab = ex[(ex["source"] == "A") & (ex["target"] == "B")]
    assert ab["text"].tolist() == ["A met B.", "A and B again."]
    assert ab["doc_id"].tolist() == ["d1", "d2"]
    # the mentions here carry no outlet or date: the columns are there, empty
    assert ab["outlet"].isna().all() and ab["date"].isna().all()
    assert pair_examples(edges, MENTIONS, sentences, n=1)["text"].tolist()[:1] == ["A met B."]


def _dated(rows):
    """rows: (doc_id, sentence, actor, outlet, date)."""
    out = _mentions([(d, 1, s, a) for d, s, a, *_ in rows])
    return out.assign(
        source=[r[3] for r in rows], date=pd.to_datetime([r[4] for r in rows], utc=True)
    )


DATED = _dated(
    [
        ("d1", 1, "A", "BBC", "2022-03-02"),
        ("d1", 1, "B", "BBC", "2022-03-02"),
        ("d1", 2, "A", "BBC", "2022-03-02"),
        ("d1", 2, "B", "BBC", "2022-03-02"),
        ("d2", 1, "B", "CNN", "2022-03-01"),
        ("d2", 1, "A", "CNN", "2022-03-01"),
        ("d3", 1, "A", "AP", "2022-03-05"),
        ("d3", 1, "B", "AP", "2022-03-05"),
        ("d3", 1, "C", "AP", "2022-03-05"),
    ]
)
DATED_SENTENCES = pd.DataFrame(
    {
        "unit_id": ["d1:p1:s1", "d1:p1:s2", "d2:p1:s1", "d3:p1:s1"],
        "text": ["d1 first.", "d1 second.", "d2 only.", "d3 only."],
    }
)


def test_pair_examples_come_from_different_articles_first():
    edges = cooccurrence(DATED)
    ex = pair_examples(edges, DATED, DATED_SENTENCES)
    ab = ex[(ex["source"] == "A") & (ex["target"] == "B")]
    # one sentence from each article, earliest article first; d1's second sentence waits
    assert ab["text"].tolist() == ["d2 only.", "d1 first.", "d3 only."]
    assert ab["outlet"].tolist() == ["CNN", "BBC", "AP"]
    assert ab["date"].dt.strftime("%Y-%m-%d").tolist() == ["2022-03-01", "2022-03-02", "2022-03-05"]
    more = pair_examples(edges, DATED, DATED_SENTENCES, n=10)
    ab = more[(more["source"] == "A") & (more["target"] == "B")]
    assert ab["text"].tolist() == ["d2 only.", "d1 first.", "d3 only.", "d1 second."]
    ac = more[(more["source"] == "A") & (more["target"] == "C")]
    assert ac["text"].tolist() == ["d3 only."]


def test_pair_examples_follow_the_order_of_the_edges():
    edges = cooccurrence(DATED)
    ex = pair_examples(edges, DATED, DATED_SENTENCES, n=1)
    pairs = list(dict.fromkeys(zip(ex["source"], ex["target"], strict=True)))
    assert pairs == list(zip(edges["source"], edges["target"], strict=True))


@pytest.mark.parametrize("bad", [0, -2, 1.5, None])
def test_pair_examples_want_a_count(bad):
    with pytest.raises(UserError, match=r"pair_examples\(n="):
        pair_examples(cooccurrence(DATED), DATED, DATED_SENTENCES, n=bad)


def test_pair_examples_of_nothing_have_the_columns():
    ex = pair_examples(cooccurrence(DATED).iloc[:0], DATED, DATED_SENTENCES)
    assert ex.empty and list(ex.columns) == EXAMPLE_COLUMNS


def test_pair_table_lists_each_pairs_examples_with_outlet_and_date():
    edges = cooccurrence(DATED)
    table = pair_table(edges, pair_examples(edges, DATED, DATED_SENTENCES), n=2, value="npmi")
    assert list(table.columns) == ["source", "target", "count", "n_docs", "npmi", "examples"]
    assert len(table) == 2 and table["npmi"].is_monotonic_decreasing
    ab = table[(table["source"] == "A") & (table["target"] == "B")].iloc[0]
    assert ab["examples"] == [
        "d2 only. (CNN, 2022-03-01)",
        "d1 first. (BBC, 2022-03-02)",
        "d3 only. (AP, 2022-03-05)",
    ]


def test_pair_table_leaves_out_rarely_named_actors():
    edges = cooccurrence(DATED)
    actors = pd.DataFrame({"actor": ["A", "B", "C"], "n_mentions": [4, 4, 1], "n_docs": [3, 3, 1]})
    table = pair_table(edges, actors=actors, min_mentions=2)
    assert table[["source", "target"]].values.tolist() == [["A", "B"]]
    assert table["examples"].tolist() == [[]]
    with pytest.raises(UserError, match="value='size'"):
        pair_table(edges, value="size")


def test_pair_counts_count_units_and_documents_of_each_pair():
    import numpy as np

    from workbench.actors.network import _pair_counts

    # units 0 and 1 in document 0 name actors 0, 1, 2 and 0, 1; unit 2 (document 1)
    # names 1 and 2; unit 3 names one actor only
    units = np.array([0, 0, 0, 1, 1, 2, 2, 3])
    docs = np.array([0, 0, 0, 0, 0, 1, 1, 1])
    codes = np.array([2, 0, 1, 1, 0, 2, 1, 0])
    a, b, count, n_docs = _pair_counts(units, docs, codes, 3)
    assert list(zip(a.tolist(), b.tolist(), count.tolist(), n_docs.tolist(), strict=True)) == [
        (0, 1, 2, 1),
        (0, 2, 1, 1),
        (1, 2, 2, 2),
    ]
    empty = _pair_counts(np.array([0, 1]), np.array([0, 0]), np.array([0, 1]), 2)
    assert all(len(x) == 0 for x in empty)
