"""Dates inside the text: temporal expressions resolved against the publication date.

News writes time relative to the day it appears: "on Sunday", "earlier this week",
"early next week", "last month", "July 10", "in 2014". :func:`find_temporal`
finds such expressions with a small set of rules, and :func:`resolve` turns each
into a date with its precision (``day``, ``week``, ``month`` or ``year``),
anchored on the article's publication date where the expression is relative. A
relative expression in an undated article stays as text with no date; absolute
ones ("July 10, 2025", "in 2014") resolve anyway.

A weekday without "last" or "next" is the publication day itself when it falls on
that weekday ("on Friday" in a Friday article), else read from the wording around
it: news reports what happened, so "met on Sunday" is the Sunday before
publication, and only future wording in the same clause ("will meet on Sunday",
"could meet on Sunday") makes it the one after; the day after publication is that day
whatever the wording (a week-old day is told "last Friday", while "early Friday, Ukraine
time" in an article dated Thursday in the Americas is the next day). "Last night" is the day before
publication; "at the weekend" the most recent (or, in future wording, the coming)
Saturday, with week precision. A day named without its year ("February 24") is the
nearest such day, but no more than :data:`AHEAD_DAYS` after publication unless future
wording says so. A weekday followed by a full date ("Tuesday, April 13, 2021") is that
date's; future-in-the-past wording ("said the talks would take place in January", "is to")
puts a month named without its year ahead of publication.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import pandas as pd

Precision = Literal["day", "week", "month", "year"]

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES.split(), 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_WEEKDAYS = {
    d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Lower case only: "May" the month is not "may" the modal. Not "would": news uses it for
# the future seen from a past day ("said Thursday that NATO would meet").
_FUTURE = re.compile(
    r"\b(?:will|could|can|may|might|shall|planned|plans?|scheduled|expected|"
    r"set to|going to|possible|possibly|upcoming|later)\b|'ll\b"
)
# The future seen from the telling, about the day of publication: "said the talks would take
# place in January" (not "would have"), "the summit is to be held in June". A month it names
# lies ahead; a weekday is left to :data:`_FUTURE` ("said Thursday that NATO would meet
# Friday" may be a Friday before publication).
_FUTURE_IN_PAST = re.compile(r"\b(?:would(?!\s+have\b)|(?:is|are)\s+to)\b")
#: Expressions naming a month without its year or day ("in January", "their March").
_MONTH_ONLY = ("in_month", "possessive_month")
# Where a clause ends: future wording beyond it does not speak of this expression.
_CLAUSE_END = re.compile(r"[.;:!?\"“”()]|\b(?:that|said|says|when|after|before|while)\b")
#: Characters before an expression searched for future wording (half as many after it).
FUTURE_WINDOW = 50

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    (
        "month_day_year",
        re.compile(
            rf"\b(?P<mon>{_MONTH}) (?P<d>[0-3]?\d)(?:st|nd|rd|th)?,? (?P<y>(?:19|20)\d\d)\b"
        ),
    ),
    (
        "day_month_year",
        re.compile(rf"\b(?P<d>[0-3]?\d) (?P<mon>{_MONTH}),? (?P<y>(?:19|20)\d\d)\b"),
    ),
    (
        "month_day",
        re.compile(
            rf"\b(?P<mon>{_MONTH}) (?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!,? (?:19|20)\d\d)(?!:)"
        ),
    ),
    ("day_month", re.compile(rf"\b(?P<d>[0-3]?\d) (?P<mon>{_MONTH})\b(?!,? (?:19|20)\d\d)")),
    ("month_year", re.compile(rf"\b(?P<mon>{_MONTH}) (?:of )?(?P<y>(?:19|20)\d\d)\b")),
    (
        "in_month",
        re.compile(
            rf"\b(?:in|since|by|until|during|early|late|mid-?) (?P<mon>{_MONTH})\b"
            r"(?! [0-3]?\d\b)(?!,? (?:19|20)\d\d)"
        ),
    ),
    (
        "year",
        re.compile(
            r"\b(?:in|since|by|until|before|after|during|from|of|early|late|mid-?) "
            r"(?P<y>(?:19|20)\d\d)\b(?!-)"
        ),
    ),
    (
        "possessive_month",
        re.compile(
            rf"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he|[Ll]ast|[Tt]his) (?P<mon>{_MONTH})\b"
            r"(?! [0-3]?\d\b)(?!,? (?:19|20)\d\d)(?! Day\b)"
        ),
    ),
    ("weekday", re.compile(rf"\b(?:(?P<rel>last|next|this|on|early|late) )?(?P<wd>{_WEEKDAY})\b")),
    (
        "relative_day",
        re.compile(
            r"\b(?P<word>yesterday|today|tomorrow|tonight|last night|this morning"
            r"|this afternoon|this evening)\b",
            re.I,
        ),
    ),
    (
        "weekend",
        re.compile(r"\b(?P<when>last|this|next|at the|over the|during the) weekend\b", re.I),
    ),
    (
        "relative_week",
        re.compile(
            r"\b(?P<when>earlier this|later this|early next|late next|last|next|this|the past"
            r"|the coming) week\b",
            re.I,
        ),
    ),
    (
        "relative_month",
        re.compile(r"\b(?P<when>last|next|this|earlier this|later this) month\b", re.I),
    ),
    (
        "relative_year",
        re.compile(r"\b(?P<when>last|next|this|earlier this|later this) year\b", re.I),
    ),
)

COLUMNS = [
    "doc_id",
    "sentence_id",
    "start",
    "end",
    "expression",
    "kind",
    "date",
    "precision",
    "anchor",
]


@dataclass(frozen=True)
class Resolved:
    """A resolved date: the first day of the period and how precise it is."""

    date: pd.Timestamp | None
    precision: Precision | None
    anchor: Literal["absolute", "article"] | None


def _combine(patterns) -> re.Pattern[str]:
    """One regex for every kind, tried in the order of :data:`_PATTERNS` at each position.

    A single scan of the text replaces one scan per kind; inner groups are renamed
    ``<kind>__<name>`` and each kind keeps its own case rule.
    """
    parts = []
    for kind, pattern in patterns:
        body = re.sub(r"\(\?P<(\w+)>", rf"(?P<{kind}__\1>", pattern.pattern)
        flags = "i" if pattern.flags & re.I else ""
        parts.append(f"(?P<{kind}>(?{flags}:{body}))" if flags else f"(?P<{kind}>{body})")
    return re.compile("|".join(parts))


_ANY = _combine(_PATTERNS)
_DIGIT = re.compile(r"\d")
_TIME_WORDS = (
    *(m[:3] for m in _MONTH_NAMES.split()),
    *_WEEKDAYS,
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "night",
    "morning",
    "afternoon",
    "evening",
    "week",
    "month",
    "year",
)
_KINDS = [kind for kind, _ in _PATTERNS]
# A full date right after a weekday names the same day: "Tuesday, April 13, 2021" (a photo
# caption's) is 2021's, not the Tuesday before publication.
_FULL_DATE_AFTER = re.compile(
    rf",?\s+(?:{_MONTH}\s+[0-3]?\d|[0-3]?\d\s+{_MONTH}),?\s+(?:19|20)\d\d\b"
)


def find_temporal(text: str) -> list[tuple[int, int, str, dict[str, str]]]:
    """Temporal expressions in ``text``: ``(start, end, kind, groups)``, in text order.

    ``groups`` holds the pattern's named parts (``mon``, ``d``, ``y``, ``wd`` ...) and
    ``"text"``, the expression itself.
    """
    found = []
    low = text.lower()
    if not (_DIGIT.search(text) or any(k in low for k in _TIME_WORDS)):
        return found  # six sentences in ten name no time: cheap string tests reject them
    for m in _ANY.finditer(text):
        kind = next(k for k in _KINDS if m.group(k) is not None)
        if kind == "weekday" and _FULL_DATE_AFTER.match(text, m.end()):
            continue  # "Tuesday, April 13, 2021": the weekday of the full date that follows
        prefix = kind + "__"
        groups = {n[len(prefix) :]: v for n, v in m.groupdict().items() if n.startswith(prefix)}
        groups["text"] = m.group(0)
        found.append((m.start(), m.end(), kind, groups))
    return found


def resolve(
    kind: str, g: dict[str, str], anchor: pd.Timestamp | None, sentence: str = ""
) -> Resolved:
    """The date an expression names, anchored on the publication date ``anchor`` where needed.

    Args:
        kind: The expression's kind, from :func:`find_temporal`.
        g: Its named parts, from :func:`find_temporal`.
        anchor: The article's publication date (None: relative expressions stay unresolved).
        sentence: The sentence, or the clause around the expression, whose wording ("will",
            "could") sets the direction of a weekday (see :func:`future_wording`).
    """
    if kind in ("iso", "month_day_year", "day_month_year"):
        month = int(g["m"]) if kind == "iso" else _MONTHS[g["mon"].lower().rstrip(".")]
        return _absolute(int(g["y"]), month, int(g["d"]), "day")
    if kind == "month_year":
        return _absolute(int(g["y"]), _MONTHS[g["mon"].lower().rstrip(".")], 1, "month")
    if kind == "year":
        return _absolute(int(g["y"]), 1, 1, "year")
    if anchor is None or pd.isna(anchor):
        return Resolved(None, None, None)
    day = pd.Timestamp(anchor)
    day = (day.tz_convert("UTC") if day.tzinfo else day.tz_localize("UTC")).normalize()
    future = bool(_FUTURE.search(sentence))
    if kind in _MONTH_ONLY:
        future = future or bool(_FUTURE_IN_PAST.search(sentence))
    return _relative(kind, g, day, future)


def _absolute(year: int, month: int, day: int, precision: Precision) -> Resolved:
    try:
        return Resolved(
            pd.Timestamp(year=year, month=month, day=day, tz="UTC"), precision, "absolute"
        )
    except ValueError:
        return Resolved(None, None, None)


def future_wording(text: str, start: int, end: int) -> str:
    """The words of ``text`` around ``text[start:end]`` inside its clause.

    What decides whether a weekday lies ahead: "will meet on Monday" does, "met on
    Monday to map out next steps we will take" (the future is another clause's) does not.
    An expression opening the sentence before a comma is read with its main clause's first
    verb ("On Thursday, the chancellor, Ann Jones, will visit"; not "Sunday's blast could").
    """
    before = text[max(0, start - FUTURE_WINDOW) : start]
    cuts = list(_CLAUSE_END.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    if _OPENING.match(text[:start]) and text[end : end + 1] == ",":
        return before + " " + _main_verb(text[end : end + FRONTED_WINDOW])
    after = text[end : end + FUTURE_WINDOW // 2]
    cut = _CLAUSE_END.search(after)
    return before + " " + (after[: cut.start()] if cut else after)


# The words an expression opening its sentence may follow: "On (Thursday), ...".
_OPENING = re.compile(r"^\W*(?:(?:on|early|late|by|this|last|next)\s+)?$", re.I)
#: Characters after an expression opening its sentence read for the main clause's verb.
FRONTED_WINDOW = 100
# The first verb of a clause: a modal, an auxiliary, or a verb in the past tense.
_VERB = re.compile(
    r"\b(?:will|would|could|can|may|might|shall|must|is|are|was|were|has|have|had|did|does"
    r"|do|said|says|struck|hit|met|told|spoke|held|began|fired|shot|took|sent|came|went|made"
    r"|gave|flew|led|fell|saw|won|lost|left|broke|brought|fought|found|got|heard|kept|put"
    r"|ran|sat|stood|wrote|[a-z]+ed)\b|'ll\b"
)


def _main_verb(after: str) -> str:
    """The first verb of the main clause after an opening expression ("will"), or "".

    "On Thursday, the German chancellor, Ann Jones, will visit Avalon": a sentence opening
    with its time tells it of the main clause, whose verb may come well after it.
    """
    cut = _CLAUSE_END.search(after)
    verb = _VERB.search(after[: cut.start()] if cut else after)
    return verb.group() if verb else ""


#: Days after publication a day named without its year may lie, without future wording
#: ("the June 29-30 summit" two weeks ahead; not "on February 24" in November).
AHEAD_DAYS = 45


def _relative(kind: str, g: dict, day: pd.Timestamp, future: bool) -> Resolved:
    if kind in ("month_day", "day_month", "in_month", "possessive_month"):
        month = _MONTHS[g["mon"].lower().rstrip(".")]
        if kind in _MONTH_ONLY:
            year = (
                day.year
                + (1 if future and month < day.month else 0)
                - (0 if future or month <= day.month else 1)
            )
            return Resolved(
                pd.Timestamp(year=year, month=month, day=1, tz="UTC"), "month", "article"
            )
        candidates = [_safe_date(day.year + dy, month, int(g["d"])) for dy in (-1, 0, 1)]
        valid = [c for c in candidates if c is not None]
        if not future:  # news reports what happened: "invaded on February 24" in November
            valid = [c for c in valid if (c - day).days <= AHEAD_DAYS] or valid
        if not valid:
            return Resolved(None, None, None)
        best = min(valid, key=lambda c: abs((c - day).days))
        return Resolved(best, "day", "article")
    if kind == "weekday":
        return Resolved(
            _weekday(day, _WEEKDAYS[g["wd"].lower()], (g.get("rel") or "").lower(), future),
            "day",
            "article",
        )
    if kind == "relative_day":
        word = g["word"].lower()
        shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
        return Resolved(day + pd.Timedelta(days=shift), "day", "article")
    when = g["when"].lower()
    if kind == "weekend":
        rel = {"last": "last", "next": "next"}.get(when, "")
        saturday = _weekday(day, _WEEKDAYS["saturday"], rel, future, next_day=False)
        return Resolved(saturday, "week", "article")
    step = (
        -1
        if when in ("last", "the past")
        else 1
        if when.endswith("next") or when in ("next", "the coming")
        else 0
    )
    if kind == "relative_week":
        monday = day - pd.Timedelta(days=day.weekday()) + pd.Timedelta(weeks=step)
        return Resolved(monday, "week", "article")
    if kind == "relative_month":
        first = (day.replace(day=1) + pd.DateOffset(months=step)).normalize()
        return Resolved(first, "month", "article")
    return Resolved(pd.Timestamp(year=day.year + step, month=1, day=1, tz="UTC"), "year", "article")


def _safe_date(year: int, month: int, day: int) -> pd.Timestamp | None:
    try:
        return pd.Timestamp(year=year, month=month, day=day, tz="UTC")
    except ValueError:
        return None


def _weekday(
    day: pd.Timestamp, target: int, rel: str, future: bool, *, next_day: bool = True
) -> pd.Timestamp:
    """The day a weekday names: publication day itself, else the last one unless ``future``.

    With ``next_day``, the day after publication is that day, not the one six days before.
    """
    ahead = (target - day.weekday()) % 7
    behind = (day.weekday() - target) % 7
    if rel == "next":
        return day + pd.Timedelta(days=ahead or 7)
    if rel == "last":
        return day - pd.Timedelta(days=behind or 7)
    if next_day and ahead == 1:  # "early Friday, Ukraine time" in a Thursday article: the next day
        return day + pd.Timedelta(days=1)
    return day + pd.Timedelta(days=ahead) if future else day - pd.Timedelta(days=behind)


def temporal_expressions(sentences: pd.DataFrame, dates: pd.Series | None = None) -> pd.DataFrame:
    """Every temporal expression in a sentence table, resolved.

    Args:
        sentences: From :func:`workbench.corpus.segments.segment` at sentence level.
        dates: Publication date per ``doc_id`` (a Series indexed by doc_id), if any.

    Returns:
        :data:`COLUMNS`: the expression with offsets into the document text, its kind,
        the resolved ``date`` (first day of the period, UTC), its ``precision``, and
        ``anchor`` (``absolute`` or ``article``); unresolvable ones have no date.
    """
    anchors = dates.to_dict() if dates is not None else {}
    rows = []
    columns = [sentences[c].tolist() for c in ("doc_id", "sentence_id", "start", "text")]
    for doc_id, sid, start, text in zip(*columns, strict=True):
        for lo, hi, kind, g in find_temporal(text):
            r = resolve(kind, g, anchors.get(doc_id), future_wording(text, lo, hi))
            rows.append(
                (
                    doc_id,
                    sid,
                    start + lo,
                    start + hi,
                    g["text"],
                    kind,
                    r.date,
                    r.precision,
                    r.anchor,
                )
            )
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["date"] = pd.to_datetime(out["date"], utc=True)
    return out
