"""What a merged event takes from its reports: the date most texts give, agreed participants."""

import pandas as pd
import pytest

from workbench.timeline.consensus import agreed_participants, event_date_report


def dated(day, precision="day", source="text", doc="d"):
    return {
        "doc_id": doc,
        "date": pd.Timestamp(day, tz="UTC"),
        "precision": precision,
        "date_source": source,
    }


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        (
            [
                ("2022-02-24", "day", "text"),
                ("2022-02-25", "day", "text"),
                ("2022-02-25", "day", "text"),
            ],
            "2022-02-25",
        ),
        ([("2022-04-25", "week", "text"), ("2022-04-26", "day", "text")], "2022-04-26"),
        ([("2022-03-01", "day", "article"), ("2022-02-26", "day", "context")], "2022-02-26"),
        ([("2022-08-01", "month", "text"), ("2022-08-02", "day", "text")], "2022-08-02"),
        ([("2022-06-27", "day", "text"), ("2022-06-26", "day", "text")], "2022-06-26"),
    ],
)
def test_event_date_report(reports, expected):
    group = [dated(d, p, s, doc=f"d{i}") for i, (d, p, s) in enumerate(reports)]
    assert str(event_date_report(group)["date"])[:10] == expected


@pytest.mark.parametrize(
    ("named", "expected"),
    [
        ([["A"], ["A"], ["A", "Z"]], ["A"]),
        ([["A", "Z"], ["A"], ["A", "Z"]], ["A", "Z"]),
        ([["A", "B"], ["A"]], ["A"]),
        ([["A"], ["B"]], ["A", "B"]),
    ],
)
def test_agreed_participants(named, expected):
    assert agreed_participants([{"participants": n} for n in named], 8) == expected
