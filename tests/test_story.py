"""An article's story: definite references, equivalent names, openings, summits."""

import pandas as pd
import pytest

from workbench.timeline.story import carry_story, history, refers_back, same_time

DAY = pd.Timestamp("2025-07-10", tz="UTC")
PUB = pd.Timestamp("2025-07-11", tz="UTC")


def row(kind, parts, *, anchored, loose=False, place=None, refers=False, date=PUB):
    return {
        "published": PUB,
        "doc_id": "d0",
        "event_type": kind,
        "participants": parts,
        "place": place,
        "date": date,
        "precision": "day",
        "date_source": "text" if anchored else "article",
        "anchored": anchored,
        "loose": loose,
        "elsewhere": False,
        "refers": refers,
    }


@pytest.mark.parametrize(
    ("text", "word", "refers"),
    [
        ("No one claimed the attack.", "attack", True),
        ("Kyiv denied any such strike.", "strike", True),
        ("A girl lost an eye in Saturday's attack.", "attack", True),
        ("The apparent deadly strike shocked the town.", "strike", True),
        ("Drones are used for surveillance and attack.", "attack", False),
        ("Rebels launched an attack.", "attack", False),
    ],
)
def test_refers_back(text, word, refers):
    start = text.index(word)
    assert refers_back(text, (start, start + len(word))) is refers


def test_a_definite_reference_goes_on_with_the_story_whoever_it_names():
    head = row("strike", ["Russia"], anchored=True, place="Odesa", date=DAY)
    later = row("attack", ["Ukraine"], anchored=False, loose=True, refers=True)
    out = carry_story([head, later])
    assert len(out) == 2 and (out[1]["place"], out[1]["date"]) == ("Odesa", DAY)


def test_a_participant_is_shared_under_the_name_it_stands_for():
    head = row("strike", ["Russia"], anchored=True, place="Odesa", date=DAY)
    later = row("strike", ["Kremlin"], anchored=False, loose=True)
    assert len(carry_story([head, later])) == 1
    assert len(carry_story([head, later], {"Kremlin": "Russia"})) == 2


def test_an_opening_report_goes_on_with_the_first_anchored_one():
    opening = row("strike", ["Ukraine"], anchored=False, loose=True)
    head = row("strike", ["Ukraine"], anchored=True, place="Olenivka", date=DAY)
    out = carry_story([opening, head])
    assert [r["place"] for r in out] == ["Olenivka", "Olenivka"]


def test_a_meeting_in_a_summits_story_is_that_summit():
    head = row("summit", ["NATO"], anchored=True, date=DAY)
    later = row("meeting", ["NATO"], anchored=False)
    assert carry_story([head, later])[1]["event_type"] == "summit"


OLD = pd.Timestamp("1990-04-01", tz="UTC")


def test_history_is_dated_by_its_own_sentence_a_year_before():
    assert history(row("attack", [], anchored=True, date=OLD))
    assert not history(row("attack", [], anchored=True, date=DAY))
    assert not history(row("attack", [], anchored=False, date=OLD))  # a carried date


def test_history_takes_no_definite_reference_and_opens_no_story():
    past = row("attack", [], anchored=True, place="Avalon", date=OLD)
    later = row("strike", [], anchored=False, loose=True, refers=True)
    assert carry_story([past, later]) == [past]
    opening = row("strike", ["Ruritania"], anchored=False, loose=True)
    past = row("strike", ["Ruritania"], anchored=True, place="Avalon", date=OLD)
    assert carry_story([opening, past]) == [past]


def test_history_goes_on_with_a_report_that_shares_a_participant():
    past = row("strike", ["Ruritania"], anchored=True, place="Avalon", date=OLD)
    later = row("strike", ["Ruritania"], anchored=False, loose=True)
    out = carry_story([past, later])
    assert len(out) == 2 and (out[1]["place"], out[1]["date"]) == ("Avalon", OLD)


def test_a_campaign_heads_no_story():
    invasion = {**row("attack", ["Ruritania"], anchored=True, date=DAY), "campaign": True}
    later = row("strike", ["Ruritania"], anchored=False, loose=True, refers=True)
    assert carry_story([invasion, later]) == [invasion]


def test_a_photo_caption_neither_opens_nor_goes_on_with_a_story():
    caption = {**row("meeting", ["Ann Lee"], anchored=True, place="Avalon", date=DAY)}
    caption["caption"] = True
    later = row("meeting", ["Ann Lee"], anchored=False)
    out = carry_story([caption, later])
    assert out[1]["date_source"] == "article"
    head = row("meeting", ["Ann Lee"], anchored=True, place="Avalon", date=DAY)
    shown = {**row("meeting", ["Ann Lee"], anchored=False), "caption": True}
    assert carry_story([head, shown])[1]["date_source"] == "article"
    assert carry_story([head, later])[1]["date_source"] == "context"


WEEK = pd.Timestamp("2025-07-07", tz="UTC")  # a Monday


@pytest.mark.parametrize(
    ("kind", "refers", "carried"),
    [
        ("strike", False, "Avalon"),  # violence goes on where the story's violence was
        ("talks", True, "Avalon"),  # "the talks": the ones already told
        ("talks", False, None),  # other talks of the same people may be elsewhere
    ],
)
def test_a_place_is_carried_to_a_report_of_the_same_event(kind, refers, carried):
    head = row(kind, ["Ann Lee"], anchored=True, place="Avalon", date=DAY)
    later = row(kind, ["Ann Lee"], anchored=False, refers=refers)
    assert carry_story([head, later])[1]["place"] == carried


def test_a_dated_report_of_the_same_day_takes_the_story_place():
    head = row("strike", ["Ruritania"], anchored=True, place="Avalon", date=DAY)
    same = row("strike", ["Ruritania"], anchored=True, date=DAY + pd.Timedelta(days=1))
    other = row("strike", ["Ruritania"], anchored=True, date=DAY - pd.Timedelta(days=5))
    out = carry_story([head, same, other])
    assert [r["place"] for r in out] == ["Avalon", "Avalon", None]


def test_a_week_is_refined_to_the_story_day_within_it():
    head = row("meeting", ["Ann Lee"], anchored=True, place="Avalon", date=DAY)
    week = {**row("meeting", ["Ann Lee"], anchored=True, refers=True, date=WEEK)}
    week["precision"] = "week"
    out = carry_story([head, week])[1]
    assert (out["place"], out["date"], out["precision"]) == ("Avalon", DAY, "day")


@pytest.mark.parametrize(
    ("a", "pa", "b", "pb", "same"),
    [
        (DAY, "day", DAY + pd.Timedelta(days=1), "day", True),
        (DAY, "day", DAY + pd.Timedelta(days=2), "day", False),
        (WEEK, "week", DAY, "day", True),
        (DAY, "day", WEEK, "week", True),
        (WEEK - pd.Timedelta(days=7), "week", DAY, "day", False),
        (pd.NaT, "day", DAY, "day", False),
    ],
)
def test_same_time(a, pa, b, pb, same):
    assert same_time({"date": a, "precision": pa}, {"date": b, "precision": pb}) is same
