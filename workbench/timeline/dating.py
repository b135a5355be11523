"""When a reported event happened: the date its sentence gives it, else the article's.

:func:`event_date` takes, of a sentence's dated expressions, the one nearest the event's
trigger word at any precision ("in November", "in 2015", "last week"); dates of the
telling ("said Monday", "told reporters on Friday", "early Friday said") only when the
sentence gives no other; never the edge of a period ("since 2014") nor a date in another
clause than the trigger's. Without any, the publication day.
"""

from __future__ import annotations

import re

import pandas as pd

from workbench.timeline.clauses import in_other_clause

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

# "said Monday", "told reporters on Friday", "said in a video address Thursday": the day of
# the telling, not of the event.
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told(?: \w+){0,2}|announced|revealed|reported|confirmed|stated|added"
    r"|wrote|posted|tweeted|read|claimed|warned|accused \w+)"
    r"(?: in (?:a|an|his|her|its|their) [\w-]+(?: [\w-]+){0,3})?(?: on)?\s*$",
    re.I,
)
# "Zelenskyy early Friday said", "the ministry on Monday announced": a date right before
# the speech verb is the day of the telling too.
_SPEECH_AFTER = re.compile(
    r"\s+(?:said|says|told|announced|revealed|reported|confirmed|stated|added|wrote|posted"
    r"|tweeted|claimed|warned)\b",
    re.I,
)
# "since 2014", "until May": the edge of a period, not when an event happened.
_BOUNDARY = re.compile(r"^(?:since|by|until|before|after|from)\b", re.I)


def event_date(
    found: list[tuple], text: str, trigger: tuple[int, int], published
) -> tuple[object, object, str | None, bool]:
    """The date the sentence gives its event, else the publication day.

    ``found`` holds the sentence's dated expressions as ``(start, end, date, precision)``
    with offsets into ``text``. A date the sentence gives wins at any precision ("in
    November", "in 2015", "last week"); the one nearest the trigger word is taken, and
    dates of the telling ("said Monday", "early Friday said") only when the sentence gives
    no other (the last value says so). A date in another clause than the trigger's
    ("captured after the fall of Mariupol in late May", "who was elected in 2019") is
    another event's.
    """
    usable = [f for f in found if not _BOUNDARY.match(text[f[0] : f[1]])]
    told = [
        f
        for f in usable
        if _SPEECH_BEFORE.search(text[max(0, f[0] - 60) : f[0]]) or _SPEECH_AFTER.match(text, f[1])
    ]
    own = [f for f in usable if f not in told and not in_other_clause(text, f, trigger)]
    events = own or told
    if events:
        start, end, date, precision = min(
            events, key=lambda f: (gap(f, trigger), _PRECISION_RANK[f[3]])
        )
        return date, precision, "text", not own
    if published is not None and not pd.isna(published):
        return pd.Timestamp(published).normalize(), "day", "article", False
    return pd.NaT, None, None, False


def gap(span: tuple, trigger: tuple[int, int]) -> int:
    """Characters between a span and the trigger word (0 when they touch or overlap)."""
    return max(0, span[0] - trigger[1], trigger[0] - span[1])
