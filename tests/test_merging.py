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
T = ("talks", ["Ann Lee", "Bo Chan"])


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
        # talks days a few apart still merge; a year report does not join a later day's cluster
        (
            [
                (*T, "Geneva", "2022-07-10", "day"),
                (*T, "Geneva", "2022-07-12", "day"),
                (*T, None, "2022-07-11", "day"),
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


def report(
    doc,
    kind,
    who,
    date,
    *,
    persons=(),
    place=None,
    precision="day",
    source="text",
    published="2022-12-01",
):
    """One invented report, every field given or defaulted."""
    return {
        "doc_id": doc,
        "sentence_id": f"{doc}:p1:s1",
        "event_type": kind,
        "participants": list(who),
        "persons": list(persons),
        "place": place,
        "date": pd.Timestamp(date, tz="UTC"),
        "precision": precision,
        "date_source": source,
        "status": "reported",
        "source": "AP",
        "published": pd.Timestamp(published, tz="UTC"),
        "sentence": f"Report of {doc}.",
    }


AB = {"who": ["Ann Lee", "Bo Chan"], "persons": ["Ann Lee", "Bo Chan"]}
AC = {"who": ["Ann Lee", "Cy Park"], "persons": ["Ann Lee", "Cy Park"]}
ABD = {"who": ["Ann Lee", "Bo Chan", "Di Ray"], "persons": ["Ann Lee", "Bo Chan", "Di Ray"]}
W = {"who": ["Wagner"]}


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Ann Lee met Bo Chan, and Ann Lee met Cy Park: two meetings, talks or calls
        ([("a", "meeting", AB, "2022-07-10"), ("b", "meeting", AC, "2022-07-10")], 2),
        ([("a", "talks", AB, "2022-07-10"), ("b", "call", AC, "2022-07-11")], 2),
        # one report names all of the other's people: one meeting
        ([("a", "meeting", AB, "2022-07-10"), ("b", "meeting", ABD, "2022-07-10")], 1),
        # a summit of many leaders is told with different ones
        ([("a", "summit", AB, "2022-07-10"), ("b", "summit", AC, "2022-07-10")], 1),
        # a strike on days the texts give two apart: two strikes; a day apart: one
        ([("a", "strike", W, "2022-07-10"), ("b", "strike", W, "2022-07-12")], 2),
        ([("a", "strike", W, "2022-07-10"), ("b", "attack", W, "2022-07-11")], 1),
        # talks go on for days
        ([("a", "talks", AB, "2022-07-10"), ("b", "talks", AB, "2022-07-12")], 1),
        # a week ("earlier this week") that does not hold the day
        (
            [
                ("a", "strike", W, "2022-10-08"),
                ("b", "strike", {**W, "precision": "week"}, "2022-10-10"),
            ],
            2,
        ),
        (
            [
                ("a", "strike", W, "2022-10-12"),
                ("b", "strike", {**W, "precision": "week"}, "2022-10-10"),
            ],
            1,
        ),
        # ... the day is not compared when one of them is a publication day
        (
            [
                ("a", "strike", W, "2022-07-10"),
                ("b", "strike", {**W, "source": "article"}, "2022-07-12"),
            ],
            1,
        ),
        # no date in either text: the same sentence in two articles a day apart is one
        (
            [
                (
                    "a",
                    "meeting",
                    {**AB, "source": "article", "published": "2022-07-10"},
                    "2022-07-10",
                ),
                (
                    "b",
                    "meeting",
                    {**AB, "source": "article", "published": "2022-07-11"},
                    "2022-07-11",
                ),
            ],
            1,
        ),
        # ... but either joins the event a text dates
        (
            [
                ("a", "meeting", AB, "2022-07-10"),
                (
                    "b",
                    "meeting",
                    {**AB, "source": "article", "published": "2022-07-11"},
                    "2022-07-11",
                ),
                (
                    "c",
                    "meeting",
                    {**AB, "source": "article", "published": "2022-07-12"},
                    "2022-07-12",
                ),
            ],
            1,
        ),
        # places that cannot both hold, though the first report gives none
        (
            [
                ("a", "summit", AB, "2022-07-10"),
                ("b", "summit", {**AB, "place": "Germany"}, "2022-07-10"),
                ("c", "summit", {**AB, "place": "Brussels"}, "2022-07-10"),
            ],
            2,
        ),
        # a city and its country hold together; so does a place the index does not know
        (
            [
                ("a", "summit", AB, "2022-07-10"),
                ("b", "summit", {**AB, "place": "Germany"}, "2022-07-10"),
                ("c", "summit", {**AB, "place": "Munich"}, "2022-07-10"),
                ("d", "summit", {**AB, "place": "Elmau Castle Grounds"}, "2022-07-10"),
            ],
            1,
        ),
    ],
)
def test_a_report_contradicting_a_member_stays_apart(rows, expected):
    table = pd.DataFrame([report(d, k, date=day, **spec) for d, k, spec, day in rows])
    assert len(merge_events(table)) == expected


@pytest.mark.parametrize(
    ("dated", "expected"),
    [
        # most texts give the Friday; one says Thursday
        (
            [
                ("2022-02-24", "day", "text"),
                ("2022-02-25", "day", "text"),
                ("2022-02-25", "day", "text"),
            ],
            ("2022-02-25", "day"),
        ),
        # a week ("this week") counts for the day inside it, and the day is finer
        (
            [
                ("2022-04-25", "week", "text"),
                ("2022-04-25", "week", "text"),
                ("2022-04-26", "day", "text"),
            ],
            ("2022-04-26", "day"),
        ),
        # the text's date before the publication day, the sentence's before the story's
        ([("2022-03-01", "day", "article"), ("2022-02-26", "day", "text")], ("2022-02-26", "day")),
        ([("2022-02-27", "day", "context"), ("2022-02-26", "day", "text")], ("2022-02-26", "day")),
        # a day before a month, whatever the votes
        (
            [
                ("2022-08-01", "month", "text"),
                ("2022-08-01", "month", "text"),
                ("2022-08-02", "day", "text"),
            ],
            ("2022-08-02", "day"),
        ),
        # a tie: the earlier
        ([("2022-06-27", "day", "text"), ("2022-06-26", "day", "text")], ("2022-06-26", "day")),
    ],
)
def test_the_event_takes_the_date_most_texts_give(dated, expected):
    rows = [
        report(f"d{i}", "summit", ["G7"], day, precision=p, source=s)
        for i, (day, p, s) in enumerate(dated)
    ]
    event = merge_events(pd.DataFrame(rows)).iloc[0]
    assert event.n_reports == len(rows)
    assert (str(event.date)[:10], event.precision) == expected


@pytest.mark.parametrize(
    ("named", "expected"),
    [
        # a commentator one report of three names took no part
        ([["Ann Lee"], ["Ann Lee"], ["Ann Lee", "Eve Ross"]], ["Ann Lee"]),
        # named by two of three: kept
        ([["Ann Lee", "Eve Ross"], ["Ann Lee"], ["Ann Lee", "Eve Ross"]], ["Ann Lee", "Eve Ross"]),
        # two reports: those both name
        ([["Ann Lee", "Bo Chan"], ["Ann Lee"]], ["Ann Lee"]),
        # two reports agreeing on no one: one each... (none agreed: every one)
        ([["Ann Lee", "Bo Chan"], ["Ann Lee", "Cy Park"]], ["Ann Lee"]),
    ],
)
def test_participants_most_reports_agree_on(named, expected):
    rows = [report(f"d{i}", "summit", who, "2022-07-10") for i, who in enumerate(named)]
    event = merge_events(pd.DataFrame(rows)).iloc[0]
    assert list(event.participants) == expected


def test_a_publication_day_does_not_join_a_year():
    rows = [
        report("a", "meeting", ["Ann Lee", "Bo Chan"], "2022-01-01", precision="year"),
        report("b", "meeting", ["Ann Lee", "Bo Chan"], "2022-05-24", source="article"),
    ]
    assert len(merge_events(pd.DataFrame(rows))) == 2
