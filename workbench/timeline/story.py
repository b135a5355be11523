"""An article's story: later sentences that go on telling an event reported earlier.

A report is *anchored* when its sentence says where the event happened or when (a date
written in it that is not the day of the telling). :func:`carry_story` goes through
each document's reports in order and links a later report to the nearest earlier
anchored report of the same family (:data:`FAMILIES`) that shares a participant with
it: "an April 7 attack in Syria ..." then "two rounds hitting the base". A linked
report takes the date of that report when it has none of its own (``date_source``
``context``), and an attack or strike also its place. Violence that is neither
anchored nor linked (no place and no date: "the attacks", "the audacious strike" in an
article that reported no strike) is dropped, and so is violence told without a person
or place unless it continues the story; a sentence naming places of its own that are
not where its event happened ("the Odesa and Mykolaiv regions", "an official in
Kherson") is not taken to continue it.
"""

from __future__ import annotations

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


def carry_story(rows: list[dict]) -> list[dict]:
    """Reports with dates and places carried along each article's story (see the notes).

    Args:
        rows: Reports in document and sentence order, each a dict with ``doc_id``,
            ``event_type``, ``participants``, ``place``, ``date``, ``precision``,
            ``date_source``, ``anchored`` (place or own date), ``loose`` (kept only
            when it continues the story) and ``elsewhere`` (it names another place).

    Returns:
        The reports kept, carried dates saying ``date_source`` ``context``.
    """
    out, story = [], {}  # (doc_id, family) -> the latest anchored report
    for row in rows:
        key = (row["doc_id"], FAMILIES[row["event_type"]])
        head = story.get(key)
        linked = head is not None and bool(set(head["participants"]) & set(row["participants"]))
        if row["loose"] and (not linked or row["elsewhere"]):
            continue
        if linked and not row["anchored"]:
            row = _continue(row, head)
        elif linked and row["date_source"] == "article":
            row = {**row, "date": head["date"], "precision": head["precision"]}
            row["date_source"] = "context"
        if row["anchored"] and not row["loose"]:
            story[key] = row
        out.append(row)
    return out


def _continue(row: dict, head: dict) -> dict:
    """A report without place or date of its own, told as part of ``head``'s event."""
    row = {**row, "date": head["date"], "precision": head["precision"], "date_source": "context"}
    if row["place"] is None and FAMILIES[row["event_type"]] == "violence":
        row["place"] = head["place"]
    return row
