import pandas as pd
import pytest

from workbench.corpus.dates import lacks_year, parse_date, parse_dates


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


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Friday, July 8, 2022", "2022-07-08T00:00:00+00:00"),
        ("July 2022", "2022-07-01T00:00:00+00:00"),
        ("Jul 8 2022 10:30 AM", "2022-07-08T10:30:00+00:00"),
        ("1657274400000", "2022-07-08T10:00:00+00:00"),
    ],
)
def test_parse_date_with_a_year_in_other_forms(raw, expected):
    assert parse_date(raw) == pd.Timestamp(expected)


YEARLESS = [
    "July 8",
    "8 July",
    "Friday",
    "Jul 8, 10:30 AM",
    "Fri, 08 Jul 10:00:00 +0300",
    "08/07",
    "8. Juli",
    "8 июля",
]


@pytest.mark.parametrize("raw", YEARLESS)
def test_a_date_without_a_year_is_not_a_date(raw):
    assert parse_date(raw) is None
    assert parse_date(raw, dayfirst=True) is None


def test_parse_dates_leaves_yearless_dates_missing():
    out = parse_dates(pd.Series(["July 8", "July 8, 2022", "Friday", "8 July 2022"]))
    assert out.isna().tolist() == [True, False, True, False]
    assert out[1] == out[3] == pd.Timestamp("2022-07-08", tz="UTC")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("July 8", True),
        ("8 July", True),
        ("Friday", True),
        ("Fri, 08 Jul 10:00:00 +0300", True),
        ("July 8, 2022", False),
        ("2022-07-08", False),
        ("July 2022", False),
        ("garbage", False),
        ("", False),
        (None, False),
    ],
)
def test_lacks_year(raw, expected):
    assert lacks_year(raw) is expected


def test_a_yearless_date_is_reported_with_what_to_do():
    from workbench.corpus.records import report_dates
    from workbench.corpus.report import IngestReport

    corpus = pd.DataFrame(
        {
            "file": ["a.csv"] * 3,
            "line": [2, 3, 4],
            "doc_id": ["a", "b", "c"],
            "date_raw": ["July 8, 2022", "July 8", "the other day"],
        }
    )
    corpus["date"] = parse_dates(corpus["date_raw"])
    report = IngestReport()
    report_dates(corpus, report)
    yearless, garbled = report.problems
    assert (yearless.kind, yearless.line, yearless.doc_id) == ("unparsed_date", 3, "b")
    assert yearless.message == "date 'July 8' has no year"
    assert "kept in date_raw" in yearless.action
    assert "July 8, 2022" in yearless.action and "metadata.csv" in yearless.action
    assert (garbled.kind, garbled.line) == ("unparsed_date", 4)
    assert garbled.message == "date 'the other day' could not be read"


def test_load_keeps_a_yearless_date_raw_and_counts_it(tmp_path):
    from workbench.corpus import ingest

    body = "Officials in Kyiv said the talks would resume next week, according to a statement."
    pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "text": [body, body + " Two.", body + " Three."],
            "date": ["July 8, 2022", "July 8", "Friday"],
        }
    ).to_csv(tmp_path / "a.csv", index=False)
    r = ingest(tmp_path / "a.csv", use_cache=False, warn=False)
    c = r.corpus
    assert c["date"].isna().tolist() == [False, True, True]
    assert c["date_raw"].tolist() == ["July 8, 2022", "July 8", "Friday"]
    assert r.summary()["unparsed_dates"] == 2
    assert [(p.kind, p.line, p.message) for p in r.report.problems] == [
        ("unparsed_date", 3, "date 'July 8' has no year"),
        ("unparsed_date", 4, "date 'Friday' has no year"),
    ]
