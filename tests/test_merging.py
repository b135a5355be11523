"""Merging reports of one event: dates of different precision, places, participants."""

import pandas as pd
import pytest

from workbench.timeline.merging import merge_events


def reports(rows):
    """Reports as (event_type, participants, place, date, precision) tuples, one per document."""
    out = []
    for i, (kind, who, place, date, precision) in enumerate(rows):
        out.append(
            {
                "doc_id": f"d{i}",
                "sentence_id": f"d{i}:p1:s1",
                "event_type": kind,
                "participants": who,
                "persons": [],
                "place": place,
                "date": pd.Timestamp(date, tz="UTC"),
                "precision": precision,
                "date_source": "text",
                "status": "reported",
                "source": "AP",
                "published": pd.Timestamp("2022-12-01", tz="UTC"),
                "sentence": f"Report {i}.",
            }
        )
    return pd.DataFrame(out)


def groups(events):
    """The documents of each merged event, as sorted tuples, sorted."""
    return sorted(tuple(sorted(d)) for d in events["doc_ids"])


A = ("attack", ["Wagner"])
M = ("meeting", ["Ann Lee", "Bo Chan"])


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # a year-dated report fits two separate attacks: it joins neither, nor chains them
        (
            [
                (*A, "Kharkiv", "2022-03-01", "day"),
                (*A, "Kharkiv", "2022-09-10", "day"),
                (*A, "Kharkiv", "2022-01-01", "year"),
            ],
            [("d0",), ("d1",), ("d2",)],
        ),
        # ... but joins the only one it fits
        (
            [(*A, "Kharkiv", "2022-03-01", "day"), (*A, "Kharkiv", "2022-01-01", "year")],
            [("d0", "d1")],
        ),
        # a year with no place fits neither of two attacks with places
        (
            [
                (*A, "Kharkiv", "2022-03-01", "day"),
                (*A, "Odesa", "2022-05-01", "day"),
                (*A, None, "2022-01-01", "year"),
            ],
            [("d0",), ("d1",), ("d2",)],
        ),
        # year-dated reports merge with one another at the same place only
        (
            [
                (*A, "Kharkiv", "2022-01-01", "year"),
                (*A, "Kharkiv", "2022-01-01", "year"),
                (*A, None, "2022-01-01", "year"),
                (*A, "Kharkiv", "2022-03-01", "month"),
            ],
            [("d0", "d1"), ("d2",), ("d3",)],
        ),
        # a month joins the one meeting of that month; two meetings: neither
        (
            [(*M, "Geneva", "2022-07-10", "day"), (*M, "Geneva", "2022-07-01", "month")],
            [("d0", "d1")],
        ),
        (
            [
                (*M, "Geneva", "2022-07-03", "day"),
                (*M, "Geneva", "2022-07-20", "day"),
                (*M, "Geneva", "2022-07-01", "month"),
            ],
            [("d0",), ("d1",), ("d2",)],
        ),
        # days a few apart still merge; a year report does not join a later day's cluster
        (
            [
                (*M, "Geneva", "2022-07-10", "day"),
                (*M, "Geneva", "2022-07-12", "day"),
                (*M, None, "2022-07-11", "day"),
            ],
            [("d0", "d1", "d2")],
        ),
    ],
)
def test_coarse_dates_do_not_snowball(rows, expected):
    assert groups(merge_events(reports(rows))) == expected


def test_merged_event_keeps_the_finer_date():
    rows = [(*A, "Kharkiv", "2022-01-01", "year"), (*A, "Kharkiv", "2022-03-01", "day")]
    event = merge_events(reports(rows)).iloc[0]
    assert (event.n_reports, event.precision) == (2, "day")


@pytest.mark.parametrize(
    ("dates", "first"),
    [
        # a summit of 2015 recalled in a 2022 article ranks after the 2022 meeting ...
        (["2015-06-01", "2022-11-20"], "d1"),
        # ... and events of the articles' own time keep the earlier first
        (["2022-11-10", "2022-11-20"], "d0"),
        # ... whatever the order of the documents
        (["2022-11-20", "2015-06-01"], "d0"),
    ],
)
def test_history_ranks_after_news_when_as_often_reported(dates, first):
    rows = [("meeting", [f"P{i}"], None, d, "day") for i, d in enumerate(dates)]
    events = merge_events(reports(rows))
    assert events["doc_ids"].iloc[0] == [first]


def test_history_reported_more_often_still_ranks_first():
    rows = [
        ("summit", ["Ann Lee"], None, "2015-06-01", "day"),
        ("summit", ["Ann Lee"], None, "2015-06-01", "day"),
        ("meeting", ["Bo Chan"], None, "2022-11-20", "day"),
    ]
    events = merge_events(reports(rows))
    assert events["n_docs"].tolist() == [2, 1]


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        # talks held at a summit are not the summit
        (("summit", "talks"), [("d0",), ("d1",)]),
        # a meeting of the same leaders on the day is the summit told otherwise
        (("summit", "meeting"), [("d0", "d1")]),
        (("talks", "meeting"), [("d0", "d1")]),
    ],
)
def test_talks_and_a_summit_are_two_events(kinds, expected):
    rows = [(k, ["Ann Lee", "Bo Chan"], "Avalon", "2022-11-14", "day") for k in kinds]
    assert groups(merge_events(reports(rows))) == expected
