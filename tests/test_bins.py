from __future__ import annotations

import pandas as pd
import pytest

from workbench.core import bins


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("day", "day"),
        ("week", "week"),
        ("month", "month"),
        ("quarter", "quarter"),
        ("year", "year"),
        ("Day", "day"),
        ("WEEK", "week"),
        (" Month ", "month"),
        ("D", "day"),
        ("W", "week"),
        ("M", "month"),
        ("Q", "quarter"),
        ("Y", "year"),
        ("MS", "month"),
        ("QS", "quarter"),
        ("YS", "year"),
        ("W-MON", "week"),
        ("W-SUN", "week"),
        ("auto", "auto"),
        ("Auto", "auto"),
    ],
)
def test_normalise_bin(spelling, canonical):
    assert bins.normalise_bin(spelling) == canonical


@pytest.mark.parametrize(
    ("value", "name"),
    [("fortnight", "date_bin"), ("ms", "freq"), ("", "bin"), (None, "time_bin"), (7, "bin")],
)
def test_normalise_bin_names_the_parameter_value_and_choices(value, name):
    with pytest.raises(ValueError) as err:
        bins.normalise_bin(value, name=name)
    assert str(err.value) == (
        f"{name}={value!r}: use one of 'day', 'week', 'month', 'quarter', 'year' "
        "(or D, W, M, Q, Y), or 'auto'"
    )


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (0, "day"),
        (45, "day"),
        (46, "week"),
        (366, "week"),
        (367, "month"),
        (3 * 366, "month"),
        (3 * 366 + 1, "quarter"),
        (10 * 366, "quarter"),
        (10 * 366 + 1, "year"),
    ],
)
def test_auto_bin_by_span(days, expected):
    first = pd.Timestamp("2020-01-01", tz="UTC")
    assert bins.auto_bin(pd.Series([first, first + pd.Timedelta(days=days), pd.NaT])) == expected


def test_auto_bin_without_dates_is_month():
    assert bins.auto_bin(pd.Series([pd.NaT, pd.NaT])) == "month"
    assert bins.auto_bin(pd.Series([], dtype="datetime64[us, UTC]")) == "month"


def test_resolve_bin_decides_auto_on_the_dates():
    dates = pd.Series(pd.to_datetime(["2022-01-01", "2022-01-10"], utc=True))
    assert bins.resolve_bin("auto", dates) == "day"
    assert bins.resolve_bin("Q", dates) == "quarter"
    with pytest.raises(ValueError, match="freq='H'"):
        bins.resolve_bin("H", dates, name="freq")


@pytest.mark.parametrize(
    ("bin", "date", "start"),
    [
        ("week", "2022-02-27", "2022-02-21"),  # a Sunday: the week of the Monday before
        ("week", "2022-02-28", "2022-02-28"),  # a Monday: itself
        ("week", "2022-03-02 18:30", "2022-02-28"),
        ("W", "2022-03-06 23:59", "2022-02-28"),
        ("W-MON", "2022-03-07", "2022-03-07"),
        ("day", "2022-02-27 23:59", "2022-02-27"),
        ("month", "2022-02-27", "2022-02-01"),
        ("MS", "2022-12-31 23:00", "2022-12-01"),
        ("quarter", "2022-02-27", "2022-01-01"),
        ("Q", "2022-05-17", "2022-04-01"),
        ("quarter", "2022-12-31", "2022-10-01"),
        ("year", "2022-02-27", "2022-01-01"),
        ("Y", "2021-12-31 23:59", "2021-01-01"),
    ],
)
def test_bin_start(bin, date, start):
    out = bins.bin_start(pd.Series([pd.Timestamp(date, tz="UTC")]), bin)
    assert out.tolist() == [pd.Timestamp(start, tz="UTC")]


def test_bin_start_is_utc_keeps_nat_and_the_index():
    dates = pd.Series(
        [pd.Timestamp("2022-02-28 00:30", tz="Europe/Kyiv"), pd.NaT, pd.Timestamp("2022-03-01")],
        index=["a", "b", "c"],
    )
    out = bins.bin_start(dates, "week")
    assert str(out.dtype) == bins.DTYPE
    assert out.index.tolist() == ["a", "b", "c"]
    # 00:30 in Kyiv is 22:30 UTC on Sunday; a naive date is read as UTC
    assert out["a"] == pd.Timestamp("2022-02-21", tz="UTC")
    assert pd.isna(out["b"])
    assert out["c"] == pd.Timestamp("2022-02-28", tz="UTC")


def test_bin_start_of_nothing_is_an_empty_utc_series():
    out = bins.bin_start(pd.Series([], dtype=object), "month")
    assert out.empty and str(out.dtype) == bins.DTYPE


def test_bin_start_auto_and_a_bad_bin():
    dates = pd.Series(pd.to_datetime(["2022-01-05", "2022-06-01"], utc=True))
    assert bins.bin_start(dates, "auto").tolist() == bins.bin_start(dates, "week").tolist()
    with pytest.raises(ValueError, match="bin='fortnight'"):
        bins.bin_start(dates, "fortnight")


@pytest.mark.parametrize(
    ("bin", "expected"),
    [
        ("week", ["2022-02-21", "2022-02-28", "2022-03-07"]),
        ("M", ["2022-02-01", "2022-03-01"]),
        ("quarter", ["2022-01-01"]),
    ],
)
def test_bin_range_includes_empty_bins(bin, expected):
    dates = pd.Series(pd.to_datetime(["2022-02-27", "2022-03-08", pd.NaT], utc=True))
    out = bins.bin_range(dates, bin)
    assert out.tolist() == [pd.Timestamp(d, tz="UTC") for d in expected]
    assert str(out.dtype) == bins.DTYPE


def test_bin_range_of_no_dates_is_empty():
    assert bins.bin_range(pd.Series([pd.NaT]), "week").empty


@pytest.mark.parametrize(
    ("bin", "word"),
    [("M", "month"), ("week", "week"), ("QS", "quarter"), ("auto", "bin"), (None, "bin")],
)
def test_label(bin, word):
    assert bins.label(bin) == word
