"""Merging the reports of one event across sentences and articles.

:func:`merge_events` merges the reports of one event across sentences and
articles: same kind of event, places that agree (the same, or one not given),
dates that agree (at most ``max_days`` apart; a month or year agrees with the days
inside it), not talks and a summit (talks are held at a summit, "the leaders held talks
at the summit"), and a shared participant that is not named across the corpus (see
:func:`_common_participants`). A report dated only to a month or a year joins a
finer event only when exactly one fits, else reports of its own precision and place,
so that "in 2022" does not chain the year's separate attacks together. A report that
agrees with a cluster's first report still stays out when it contradicts any report
already in it (:func:`_apart`): places that cannot both hold (Brussels and Germany;
a city agrees with its country), days or weeks the texts give more than a day apart for what
happens on one day (a meeting, a call, a strike), or other counterparts met (A with B,
A with C). A report whose text gives no date (dated by its publication) is merged
last, and joins an event dated to the day or week only. Events are
ranked by the documents, then the reports, that tell of them; among equals, those
dated a year or more before their reports (history the articles recall) come last. A merged
event is a summit when any report calls it one, takes the date most of its texts give at
the finest precision, and lists the participants most of its reports agree on
(:mod:`workbench.timeline.consensus`).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import pandas as pd

from workbench.core.places import resolve_place
from workbench.core.tables import split_cell
from workbench.timeline.consensus import agreed_participants, event_date_report
from workbench.timeline.story import FAMILIES, HISTORY_DAYS

#: Participants listed per merged event, the most often named first.
MAX_PARTICIPANTS = 8

EVENT_COLUMNS = [
    "event_id",
    "event_type",
    "participants",
    "place",
    "date",
    "precision",
    "status",
    "n_reports",
    "n_docs",
    "sources",
    "first_report",
    "doc_ids",
    "example",
    "sentence_ids",
]


def merge_events(
    reports: pd.DataFrame, *, max_days: int = 3, equivalents: dict[str, str] | None = None
) -> pd.DataFrame:
    """Merge the reports of one event into one row (see the module notes).

    Args:
        reports: From :func:`event_reports` (list cells, or ``"; "``-joined text as a CSV
            file holds them).
        max_days: Largest gap between two reports' dates for them to be one event.
        equivalents: Participant -> the actor it stands for when comparing reports
            ("Kyiv" -> "Ukraine"), e.g. the gazetteer's metonymy list.

    Returns:
        :data:`EVENT_COLUMNS`, most reported first; ``event_id`` is stable for the same input;
        ``participants``, ``sources``, ``doc_ids`` and ``sentence_ids`` (the reports merged, to
        trace an event to its sentences) are lists.
    """
    if reports.empty:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    order = reports.assign(_family=reports["event_type"].map(FAMILIES)).sort_values(
        ["_family", "date", "published", "doc_id", "sentence_id"], na_position="last", kind="stable"
    )
    same = equivalents or {}
    common = _common_participants(reports, same)
    clusters: list[list[int]] = []
    keys: list[dict] = []
    members: list[list[dict]] = []  # the keys of each cluster's reports, for vetoes
    index: dict[tuple, list[int]] = {}  # (token, year) -> clusters holding that token
    keyed = [(i, _key(r, same)) for i, r in zip(order.index, order.to_dict("records"), strict=True)]
    fine = [(i, k) for i, k in keyed if k["precision"] not in _PERIOD_WIDTH and k["own"]]
    coarse = [(i, k) for i, k in keyed if k["precision"] in _PERIOD_WIDTH]
    undated = [(i, k) for i, k in keyed if k["precision"] not in _PERIOD_WIDTH and not k["own"]]
    # days the texts give first: a month or a year, then a report the text gives no date
    # (dated by its publication), finds the day of the event
    for idx, k_r in fine + coarse + undated:
        tokens = _tokens(k_r, common)
        years = _years(k_r["day"], max_days)
        candidates = sorted({i for t in tokens for y in years for i in index.get((t, y), ())})
        fits = [
            i
            for i in candidates
            if _same_event(keys[i], k_r, max_days, common) and not _contradicts(members[i], k_r)
        ]
        target = _target(fits, keys, k_r)
        if target is None:
            clusters.append([idx])
            keys.append(k_r)  # a cluster is compared by its first report: no snowballing
            members.append([k_r])
            for t in tokens:
                index.setdefault((t, years[0]), []).append(len(keys) - 1)
        else:
            clusters[target].append(idx)
            members[target].append(k_r)
    records = reports.to_dict("index")
    rows = [_summarise([records[i] for i in members]) for members in clusters]
    out = pd.DataFrame(rows, columns=EVENT_COLUMNS[1:])
    out = out.assign(_past=_past(out)).sort_values(
        ["n_docs", "n_reports", "_past", "date"],
        ascending=[False, False, True, True],
        kind="stable",
    )
    out.insert(0, "event_id", [f"e{i:04d}" for i in range(1, len(out) + 1)])
    return out.drop(columns="_past").reset_index(drop=True)


def _past(events: pd.DataFrame) -> pd.Series:
    """Whether each event lies in the past of its reports: dated a year or more before them.

    "The 1986 explosion at Chernobyl", "the summit in Bucharest in 2008": what the articles
    recall as context ranks after what they report as news, when as many report each.
    """
    date = pd.to_datetime(events["date"], utc=True)
    first = pd.to_datetime(events["first_report"], utc=True)
    return ((first - date).dt.days >= HISTORY_DAYS).fillna(False).astype(bool)


def _target(fits: list[int], keys: list[dict], key: dict) -> int | None:
    """The cluster a report joins among those it agrees with, or None for a new one.

    A report dated to the day joins the earliest (one the text gives no date, dated by its
    publication, only a cluster dated to the day or week). A report dated only to a month or a
    year ("in 2022") agrees with every day inside it, so it would pull unrelated reports
    together: it joins a finer cluster only when exactly one fits, else the first
    cluster of its own precision, period and place.
    """
    if key["precision"] not in _PERIOD_WIDTH:
        if not key["own"]:  # a publication day says nothing of a month or year told
            fits = [i for i in fits if keys[i]["precision"] not in _PERIOD_WIDTH]
        return min(fits, default=None)
    finer = [i for i in fits if keys[i]["precision"] not in _PERIOD_WIDTH]
    if len(finer) == 1:
        return finer[0]
    return min(
        (
            i
            for i in fits
            if keys[i]["precision"] == key["precision"] and keys[i]["place"] == key["place"]
        ),
        default=None,
    )


def _place(value) -> str | None:
    return value if isinstance(value, str) and value else None


def _key(r, same: dict[str, str]) -> dict:
    def names(field: str) -> set[str]:
        return {same.get(p, p) for p in split_cell(r[field])}

    dated = not pd.isna(r["date"])
    return {
        "family": FAMILIES[r["event_type"]],
        "type": r["event_type"],
        "persons": names("persons"),
        "participants": names("participants"),
        "place": _place(r["place"]),
        "day": int(r["date"].value // 86_400_000_000_000) if dated else None,
        "precision": r.get("precision") if dated else None,
        "own": dated and r.get("date_source") in _OWN_DATES,
    }


#: Where a report's date comes from its text: its own sentence, or the story it goes on.
_OWN_DATES = frozenset({"text", "context"})
#: Events that happen on one day: two days the texts give apart are two events.
_ONE_DAY = frozenset({"meeting", "call", "attack", "strike"})
#: Events between a few people: the same person meeting someone else is another event.
_ONE_ON_ONE = frozenset({"meeting", "talks", "call"})


def _contradicts(members: list[dict], key: dict) -> bool:
    """Whether a report tells another event than any report already in a cluster."""
    return any(_apart(m, key) for m in members)


def _apart(member: dict, other: dict) -> bool:
    """Whether two reports that may look alike tell different events.

    - places that cannot both hold (:func:`_places_agree`);
    - a meeting, call, attack or strike on days (or weeks) the texts give more than a
      day apart (an overnight strike may be told on either day);
    - a meeting, talks or a call of someone with others, each report naming a person
      the other does not ("A met B", "A met C"; not "A met B" and "A and D met B").
    """
    if member["place"] and other["place"] and not _places_agree(member["place"], other["place"]):
        return True
    if member["type"] in _ONE_DAY and other["type"] in _ONE_DAY and _other_days(member, other):
        return True
    return _other_counterparts(member, other)


def _other_days(a: dict, b: dict) -> bool:
    """Days (or weeks) both texts give that cannot hold one day's event, a day's slack aside.

    A week ("this week", "at the weekend") holds the seven days from its first.
    """
    if not (a["own"] and b["own"]) or a["day"] is None or b["day"] is None:
        return False
    spans = []
    for k in (a, b):
        if k["precision"] not in _SPAN:
            return False
        spans.append((k["day"], k["day"] + _SPAN[k["precision"]] - 1))
    (a0, a1), (b0, b1) = spans
    return b0 - a1 > 1 or a0 - b1 > 1


#: Days a report's date spans, for the precisions a one-day event is compared at.
_SPAN = {"day": 1, "week": 7}


def _other_counterparts(a: dict, b: dict) -> bool:
    """A meeting, talks or a call of someone with others: each names a person the other lacks."""
    if a["type"] not in _ONE_ON_ONE or b["type"] not in _ONE_ON_ONE:
        return False
    p, q = a["persons"], b["persons"]
    return len(p) > 1 and len(q) > 1 and bool(p & q) and bool(p - q) and bool(q - p)


@lru_cache(maxsize=4096)
def _places_agree(a: str, b: str) -> bool:
    """Whether two places may both hold: the same, a city and its country, or one unknown.

    A place the place index does not resolve ("Europe", "Schloss Elmau", "Crimea") may
    hold or lie in any other, so it contradicts none.
    """
    if a == b:
        return True
    pa, pb = resolve_place(a), resolve_place(b)
    if "unresolved" in (pa.kind, pb.kind):
        return True
    return (pa.kind == "country" and pb.country == pa.name) or (
        pb.kind == "country" and pa.country == pb.name
    )


def _years(day: int | None, max_days: int) -> list[int | None]:
    """The year of a day (first), and the neighbouring one when ``max_days`` reach into it.

    Reports are looked up by year, so that a month or a year agrees with the days inside it.
    """
    if day is None:
        return [None]
    years = [int(_day_text(day)[:4])]
    years += [int(_day_text(d)[:4]) for d in (day - max_days, day + max_days)]
    return list(dict.fromkeys(years))


def _tokens(key: dict, common: set[str]) -> set[tuple]:
    """What a report can be looked up by: its distinctive participants."""
    return {(key["family"], "who", p) for p in key["participants"] - common}


def _common_participants(reports: pd.DataFrame, same: dict[str, str]) -> set[str]:
    """Participants named in so many documents that sharing them says nothing.

    The head of state of every story (Putin, Biden), or the countries at war, would
    otherwise chain unrelated events together; a participant named in the events of
    more than 2% of the documents (and at least :data:`COMMON_MIN_DOCS` of them) does
    not count as evidence that two reports are one event.
    """
    docs: dict[str, set] = {}
    for doc, cell in zip(reports["doc_id"], reports["participants"], strict=True):
        for p in {same.get(p, p) for p in split_cell(cell)}:
            docs.setdefault(p, set()).add(doc)
    limit = max(COMMON_MIN_DOCS, 0.02 * reports["doc_id"].nunique())
    return {p for p, d in docs.items() if len(d) > limit}


#: A participant is too common to tie two reports together past this many documents.
COMMON_MIN_DOCS = 4


#: Types of one family that are never one event: talks are held at a summit, not the summit.
_HELD_AT_SUMMIT = {"summit", "talks"}


def _same_event(key: dict, other: dict, max_days: int, common: set[str] = frozenset()) -> bool:
    """One event: same family, places that agree, dates that agree, a distinctive participant."""
    if key["family"] != other["family"] or {key.get("type"), other.get("type")} == _HELD_AT_SUMMIT:
        return False
    if key["place"] and other["place"] and key["place"] != other["place"]:
        return False
    if not _dates_agree(key, other, max_days):
        return False
    return bool((key["participants"] & other["participants"]) - common)


def _dates_agree(key: dict, other: dict, max_days: int) -> bool:
    """Days at most ``max_days`` apart; a month or year agrees with the days inside it."""
    a, b = key["day"], other["day"]
    if a is None or b is None:
        return a is None and b is None
    widths = {_PERIOD_WIDTH.get(k["precision"]) for k in (key, other)} - {None}
    if not widths:
        return abs(a - b) <= max_days
    width = min(widths)  # the coarser period: 4 characters for a year, 7 for a month
    return _day_text(a)[:width] == _day_text(b)[:width]


_PERIOD_WIDTH = {"month": 7, "year": 4}


def _day_text(day: int) -> str:
    return pd.Timestamp(day * 86_400_000_000_000).strftime("%Y-%m-%d")


def _summarise(group: list[dict]) -> tuple:
    """One merged event from its reports (participants by how many reports name them).

    The date is the one most texts give at the finest precision, the participants those
    most reports agree on (:mod:`workbench.timeline.consensus`); a summit stays a
    summit when the other reports call it a meeting.
    """
    participants = agreed_participants(group, MAX_PARTICIPANTS)
    places = Counter(r["place"] for r in group if _place(r["place"]))
    types = Counter(r["event_type"] for r in group)
    first = event_date_report(group)
    status = "reported" if any(r["status"] == "reported" for r in group) else "planned"
    example = max(group, key=lambda r: min(len(r["sentence"]), 300))
    docs = sorted({r["doc_id"] for r in group})
    sources = sorted({str(r["source"]) for r in group if isinstance(r["source"], str)})
    published = [r["published"] for r in group if not pd.isna(r["published"])]
    return (
        "summit" if "summit" in types else types.most_common(1)[0][0],
        participants,
        places.most_common(1)[0][0] if places else None,
        first["date"],
        first["precision"],
        status,
        len(group),
        len(docs),
        sources,
        min(published) if published else pd.NaT,
        docs,
        example["sentence"],
        [r["sentence_id"] for r in group],
    )
