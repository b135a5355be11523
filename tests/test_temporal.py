import pandas as pd
import pytest

from workbench.timeline.temporal import (
    find_temporal,
    future_wording,
    resolve,
    temporal_expressions,
)

THURSDAY = pd.Timestamp("2025-03-20", tz="UTC")


def one(sentence, anchor=THURSDAY):
    found = find_temporal(sentence)
    assert found, sentence
    lo, hi, kind, groups = found[0]
    r = resolve(kind, groups, anchor, sentence)
    return sentence[lo:hi], r.date.strftime("%Y-%m-%d") if r.date is not None else None, r.precision


@pytest.mark.parametrize(
    ("sentence", "expression", "date", "precision"),
    [
        ("Talks could happen on Sunday.", "on Sunday", "2025-03-23", "day"),
        ("The envoys met on Sunday.", "on Sunday", "2025-03-16", "day"),
        ("They met last Tuesday.", "last Tuesday", "2025-03-18", "day"),  # the most recent one
        ("They meet next Monday.", "next Monday", "2025-03-24", "day"),
        ("Talks are possible early next week.", "early next week", "2025-03-24", "week"),
        ("Trump spoke with Putin earlier this week.", "earlier this week", "2025-03-17", "week"),
        ("The deal was signed last month.", "last month", "2025-02-01", "month"),
        # a day without its year: the nearest, but not months ahead unless future wording
        ("Rubio met Lavrov on July 10.", "July 10", "2024-07-10", "day"),
        ("Rubio met Lavrov on 10 July.", "10 July", "2024-07-10", "day"),
        ("Rubio will meet Lavrov on July 10.", "July 10", "2025-07-10", "day"),
        ("The April 2 summit opens talks.", "April 2", "2025-04-02", "day"),
        ("Troops invaded on February 24.", "February 24", "2025-02-24", "day"),
        ("On Jan. 5 the talks began.", "Jan. 5", "2025-01-05", "day"),
        ("It happened yesterday.", "yesterday", "2025-03-19", "day"),
        ("Crimea was annexed in 2014.", "in 2014", "2014-01-01", "year"),
        ("They met on July 10, 2025 in Kuala Lumpur.", "July 10, 2025", "2025-07-10", "day"),
        ("Troops massed in March 2022.", "March 2022", "2022-03-01", "month"),
        ("Sanctions have applied since May.", "since May", "2024-05-01", "month"),
        ("The report is dated 2022-06-16.", "2022-06-16", "2022-06-16", "day"),
    ],
)
def test_expressions_resolve_against_the_publication_date(sentence, expression, date, precision):
    assert one(sentence) == (expression, date, precision)


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("They met on Sunday.", None),
        ("The deal came last month.", None),
        ("Crimea, in 2014.", "2014-01-01"),
    ],
)
def test_without_publication_date_only_absolute_dates_resolve(sentence, date):
    assert one(sentence, anchor=None)[1] == date


def test_no_false_dates():
    assert find_temporal("The May Day parade and 2,014 troops; the 1,991 km border.") == []
    assert find_temporal("Theresa May said so.") == []


def test_temporal_table_has_document_offsets():
    sentences = pd.DataFrame(
        {
            "doc_id": ["d"],
            "sentence_id": ["d:p1:s2"],
            "start": [100],
            "text": ["They met on Sunday in Riyadh."],
        }
    )
    out = temporal_expressions(sentences, pd.Series({"d": THURSDAY}))
    row = out.iloc[0]
    assert (row.expression, row.start, row.end, row.anchor) == ("on Sunday", 109, 118, "article")
    assert row.date == pd.Timestamp("2025-03-16", tz="UTC")


FRIDAY = pd.Timestamp("2025-03-21", tz="UTC")


@pytest.mark.parametrize(
    ("sentence", "anchor", "date", "precision"),
    [
        # the publication weekday is that same day, past or future wording alike
        ("Leaders met Friday morning in Brussels.", FRIDAY, "2025-03-21", "day"),
        ("Leaders will meet on Friday.", FRIDAY, "2025-03-21", "day"),
        ("They met on Thursday.", THURSDAY, "2025-03-20", "day"),
        # future wording only counts in the weekday's own clause
        ("Leaders met on Monday to map out the steps they will take.", FRIDAY, "2025-03-17", "day"),
        ("Biden said Wednesday that NATO would act.", FRIDAY, "2025-03-19", "day"),
        ("The envoys will meet on Monday.", FRIDAY, "2025-03-24", "day"),
        ("The strike came last night.", THURSDAY, "2025-03-19", "day"),
        ("Russia attacked the port at the weekend.", THURSDAY, "2025-03-15", "week"),
        ("He recalled his June meeting with Putin.", THURSDAY, "2024-06-01", "month"),
        ("He recalled his February meeting.", THURSDAY, "2025-02-01", "month"),
    ],
)
def test_weekdays_and_other_relative_dates(sentence, anchor, date, precision):
    assert _resolved(sentence, anchor) == (date, precision)


def test_future_wording_stays_in_its_clause():
    text = "Leaders met on Monday, he said, and will meet again."
    lo = text.index("on Monday")
    assert "will" not in future_wording(text, lo, lo + len("on Monday"))
    text = "The leaders will meet on Monday."
    lo = text.index("on Monday")
    assert "will" in future_wording(text, lo, lo + len("on Monday"))


@pytest.mark.parametrize(
    ("sentence", "published", "date"),
    [
        # told in November, "February 24" is the past one, not next year's
        ("Troops invaded on February 24.", "2022-11-03", "2022-02-24"),
        ("Talks will resume on February 24.", "2022-11-03", "2023-02-24"),
        # a few weeks ahead is still the nearest: "the June 29 summit" in mid-June
        ("The June 29 summit opens talks.", "2022-06-15", "2022-06-29"),
    ],
)
def test_a_day_without_its_year_lies_no_months_ahead_without_future_wording(
    sentence, published, date
):
    assert one(sentence, anchor=pd.Timestamp(published, tz="UTC"))[1] == date


DECEMBER = pd.Timestamp("2025-12-11", tz="UTC")


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        # the future seen from the telling: a month before publication's lies ahead
        ("Ann Lee said the talks would take place in Avalon in January.", "2026-01-01"),
        ("The envoys are to meet in January.", "2026-01-01"),
        ("The summit is to be held in March.", "2026-03-01"),
        # past tense, or what would have been, lies behind
        ("The talks took place in Avalon in January.", "2025-01-01"),
        ("The talks would have taken place in January.", "2025-01-01"),
        ("Ann Lee said the talks were held in March.", "2025-03-01"),
    ],
)
def test_a_month_told_in_the_future_of_the_telling_lies_ahead(sentence, date):
    found = [f for f in find_temporal(sentence) if f[2] == "in_month"]
    lo, hi, kind, groups = found[0]
    r = resolve(kind, groups, DECEMBER, future_wording(sentence, lo, hi))
    assert r.date.strftime("%Y-%m-%d") == date


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        # a weekday before a full date is that date's, not the one before publication
        ("Ann Lee speaks in Avalon, Tuesday, April 13, 2021.", ["month_day_year"]),
        ("Ann Lee speaks in Avalon, Tuesday, 13 April 2021.", ["day_month_year"]),
        ("They met on Tuesday, and again in 2021.", ["weekday", "year"]),
    ],
)
def test_a_weekday_of_a_full_date_is_not_resolved_alone(sentence, kinds):
    assert [f[2] for f in find_temporal(sentence)] == kinds


@pytest.mark.parametrize(
    ("sentence", "anchor", "date", "precision"),
    [
        # the day after publication is that day, not the one six days before
        ("Early Friday, local time, blasts were heard in Avalon.", THURSDAY, "2025-03-21", "day"),
        ("Ann Lee said on Friday that talks went well.", THURSDAY, "2025-03-21", "day"),
        ("Ann Lee spoke last Friday.", THURSDAY, "2025-03-14", "day"),
        ("They met on Wednesday.", THURSDAY, "2025-03-19", "day"),
        ("They met on Tuesday.", THURSDAY, "2025-03-18", "day"),
        # not the weekend: "at the weekend" in a Friday article is the one before
        ("Russia attacked the port at the weekend.", FRIDAY, "2025-03-15", "week"),
        # an opening weekday is read with its main clause's first verb
        ("On Sunday, the chancellor, Ann Lee, will visit Avalon.", THURSDAY, "2025-03-23", "day"),
        ("On Sunday, the chancellor, Ann Lee, visited Avalon.", THURSDAY, "2025-03-16", "day"),
        ("On Sunday, weeks later, Ann Lee was freed.", FRIDAY, "2025-03-16", "day"),
    ],
)
def test_the_next_day_and_opening_weekdays(sentence, anchor, date, precision):
    assert _resolved(sentence, anchor) == (date, precision)


def _resolved(sentence: str, anchor) -> tuple[str, str]:
    """The date and precision one sentence's first temporal expression resolves to."""
    sentences = pd.DataFrame(
        {"doc_id": ["d"], "sentence_id": ["d:p1:s1"], "start": [0], "text": [sentence]}
    )
    row = temporal_expressions(sentences, pd.Series({"d": anchor})).iloc[0]
    return row.date.strftime("%Y-%m-%d"), row.precision
