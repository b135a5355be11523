import pandas as pd
import pytest

from workbench.corpus.dates import parse_date, parse_dates


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2022-06-16", "2022-06-16T00:00:00+00:00"),
        ("2022-06-11T00:57:56", "2022-06-11T00:57:56+00:00"),
        ("2022-06-16T15:16:27Z", "2022-06-16T15:16:27+00:00"),
        ("2022-02-01T00:11:05+0000", "2022-02-01T00:11:05+00:00"),
        ("2022-02-01T03:11:05+03:00", "2022-02-01T00:11:05+00:00"),
        ("July 8, 2022", "2022-07-08T00:00:00+00:00"),
        ("8 July 2022", "2022-07-08T00:00:00+00:00"),
        ("Fri, 08 Jul 2022 10:00:00 +0300", "2022-07-08T07:00:00+00:00"),
        ("07/08/2022", "2022-07-08T00:00:00+00:00"),
        ("1657274400", "2022-07-08T10:00:00+00:00"),
        ("Jul. 10, 2025 4:30 PM EDT", "2025-07-10T20:30:00+00:00"),
    ],
)
def test_parse_date_forms(raw, expected):
    assert parse_date(raw) == pd.Timestamp(expected)


@pytest.mark.parametrize(
    "raw", ["", "not a date", "n/a", None, "3 days ago", "yesterday", "Sometime soon"]
)
def test_parse_date_refuses_what_is_not_a_date(raw):
    assert parse_date(raw) is None


def test_dayfirst():
    assert parse_date("08/07/2022", dayfirst=True) == pd.Timestamp("2022-07-08", tz="UTC")
    assert parse_date("08/07/2022") == pd.Timestamp("2022-08-07", tz="UTC")


def test_parse_dates_vectorised_keeps_order_and_marks_failures():
    s = pd.Series(["2022-06-16", "July 8, 2022", "garbage", None, "2022-06-16T15:16:27Z"])
    out = parse_dates(s)
    assert str(out.dtype) == "datetime64[ns, UTC]"
    assert out.tolist()[0] == pd.Timestamp("2022-06-16", tz="UTC")
    assert out.tolist()[1] == pd.Timestamp("2022-07-08", tz="UTC")
    assert out.isna().tolist() == [False, False, True, True, False]
