"""An article's story: later sentences that go on telling an event reported earlier.

A report is *anchored* when its sentence says where the event happened or when (a date
written in it that is not the day of the telling). :func:`carry_story` goes through
each document's reports in order and links a later report to the nearest earlier
anchored report of the same family (:data:`FAMILIES`) that shares a participant with
it: "an April 7 attack in Syria ..." then "two rounds hitting the base". A linked
report takes the date of that report when it has none of its own (``date_source``
``context``), and its place when it names none: an attack or strike always, a gathering
when told as the one already known ("the talks", "those meetings"), as an article tells
of several meetings of the same people. A linked report dated by its own sentence at the
time of that report (:func:`same_time`: "the first drone strikes Monday" after strikes
on Monday, "the meeting this week" after one on Wednesday) is the same event: it takes
the place the same way, and the finer day. A report before the first anchored one (an
article's opening, "Moscow and Kyiv accused each other of a missile strike on a
prison") links to that first one the same way. Violence that is neither
anchored nor linked (no place and no date: "the attacks", "the audacious strike" in an
article that reported no strike) is dropped, and so is violence told without a person
or place unless it continues the story; a sentence naming places of its own that are
not where its event happened ("the Odesa and Mykolaiv regions", "an official in
Kherson") is not taken to continue it. A participant counts as shared under the
name it stands for ("the Kremlin's forces" go on with a story of Russia's), and a
trigger told as a definite noun phrase ("the attack", "such a strike", "the apparent
deadly strike", "Saturday's attack") refers back to the story's event whoever it
names. A meeting that goes on with a summit's story is that summit. A report dated by
its own sentence a year or more before the article (:func:`history`: "a nuclear
explosion in 1986") is no opening's event, and only reports that share a participant
with it go on with it; a campaign as a whole ("the invasion ... on Feb. 24") is no
story's event either ("the strike" after it is not part of it). A photo caption
(``caption``: "Ann Jones attends a meeting in Avalon, Ruritania, Friday, Nov. 26, 2021.")
shows a moment of its own, apart from the story: it neither opens nor goes on with one.
"""

from __future__ import annotations

import re

import pandas as pd

#: Types that describe the same kind of encounter and may merge with one another.
FAMILIES = {
    "summit": "meeting",
    "meeting": "meeting",
    "talks": "meeting",
    "call": "call",
    "visit": "visit",
    "ceasefire": "ceasefire",
    "agreement": "agreement",
    "attack": "violence",
    "strike": "violence",
}


# Words before a trigger noun that refer back to an event already told: "the attack",
# "any such strike", "the apparent deadly strike", "Saturday's attack", "last night's".
_DEFINITE = re.compile(
    r"\b(?:the|this|that|these|those|such|such an?|[a-z]+day['’]s|night['’]s|yesterday['’]s"
    r"|today['’]s)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
#: Characters before a trigger read for a definite reference.
DEFINITE_WINDOW = 40


def refers_back(text: str, trigger: tuple[int, int]) -> bool:
    """Whether the trigger word is told as an event already known ("the attack")."""
    return bool(_DEFINITE.search(text[max(0, trigger[0] - DEFINITE_WINDOW) : trigger[0]]))


def carry_story(rows: list[dict], equivalents: dict[str, str] | None = None) -> list[dict]:
    """Reports with dates and places carried along each article's story (see the notes).

    Args:
        rows: Reports in document and sentence order, each a dict with ``doc_id``,
            ``event_type``, ``participants``, ``place``, ``date``, ``precision``,
            ``date_source``, ``anchored`` (place or own date), ``loose`` (kept only
            when it continues the story), ``elsewhere`` (it names another place) and
            ``refers`` (its trigger refers back to an event already told); optionally
            ``campaign`` (its trigger names a campaign as a whole, "the invasion").
        equivalents: Participant -> the actor it stands for ("Kremlin" -> "Russia").

    Returns:
        The reports kept, carried dates saying ``date_source`` ``context``.
    """
    same = equivalents or {}
    first = {}  # (doc_id, family) -> the first anchored report: what an opening tells of
    for row in rows:
        if _head(row) and not history(row):
            first.setdefault((row["doc_id"], FAMILIES[row["event_type"]]), row)
    out, story = [], {}  # (doc_id, family) -> the latest anchored report
    for row in rows:
        key = (row["doc_id"], FAMILIES[row["event_type"]])
        head = story.get(key) or (first.get(key) if first.get(key) is not row else None)
        shared = head is not None and bool(_names(head, same) & _names(row, same))
        # "the strike" after an explosion of 1986 is no part of that history
        linked = shared or (head is not None and row.get("refers", False) and not history(head))
        linked = linked and not row.get("caption", False)
        if row["loose"] and (not linked or row["elsewhere"]):
            continue
        if linked and head["event_type"] == "summit" and row["event_type"] == "meeting":
            row = {**row, "event_type": "summit"}
        if linked and not row["anchored"]:
            row = _continue(row, head)
        elif linked and row["place"] is None and same_time(row, head):
            row = _same_event(row, head)  # "the first drone strikes Monday": Monday's strikes
        elif linked and row["date_source"] == "article":
            row = {**row, "date": head["date"], "precision": head["precision"]}
            row["date_source"] = "context"
        if _head(row):
            story[key] = row
        out.append(row)
    return out


#: Days before publication past which a report's own date makes it history.
HISTORY_DAYS = 365


def history(row: dict) -> bool:
    """Whether a report tells of history: dated by its own sentence a year before the article.

    "In 1986", "in July 2014": a story of its own, which only reports naming one of its
    participants go on with.
    """
    published = row.get("published")
    if row["date_source"] != "text" or published is None or pd.isna(published):
        return False
    if pd.isna(row["date"]):
        return False
    return (pd.Timestamp(published) - pd.Timestamp(row["date"])).days >= HISTORY_DAYS


def _head(row: dict) -> bool:
    """Whether later reports may go on with a report: anchored, not loose, not a campaign."""
    return (
        row["anchored"]
        and not row["loose"]
        and not row.get("campaign", False)
        and not row.get("caption", False)
    )


def _continue(row: dict, head: dict) -> dict:
    """A report without place or date of its own, told as part of ``head``'s event."""
    row = {**row, "date": head["date"], "precision": head["precision"], "date_source": "context"}
    if row["place"] is None and _same_place(row):
        row["place"] = head["place"]
    return row


def _same_place(row: dict) -> bool:
    """Whether a report linked to a story's event happened where that event did.

    Violence goes on where the story's violence was; a gathering only when told as the one
    already known ("the talks", "those meetings"): an article tells of several meetings of
    the same people, at different places.
    """
    return FAMILIES[row["event_type"]] == "violence" or bool(row.get("refers", False))


_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}


def same_time(row: dict, head: dict) -> bool:
    """Whether a report dated by its own sentence tells the time of ``head``'s event.

    Two days at most one apart ("Monday's strikes" after "strikes on Monday"), or a
    period holding the other's day ("this week" after "on Wednesday"); neither undated.
    """
    a, b = row.get("date"), head.get("date")
    if a is None or b is None or pd.isna(a) or pd.isna(b):
        return False
    a, b = pd.Timestamp(a), pd.Timestamp(b)
    if row["precision"] == head["precision"] == "day":
        return abs((a - b).days) <= 1
    a_end = a + pd.Timedelta(days=_DAYS.get(row["precision"], 1))
    b_end = b + pd.Timedelta(days=_DAYS.get(head["precision"], 1))
    return a <= b < a_end or b <= a < b_end


def _same_event(row: dict, head: dict) -> dict:
    """A dated report of ``head``'s event: its place, and its day when finer than its own."""
    if _same_place(row):
        row = {**row, "place": head["place"]}
    if _PRECISION[head["precision"]] < _PRECISION[row["precision"]]:
        row.update(date=head["date"], precision=head["precision"], date_source="context")
    return row


_PRECISION = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}


def _names(row: dict, same: dict[str, str]) -> set[str]:
    """A report's participants under the names they stand for."""
    return {same.get(p, p) for p in row["participants"]}
