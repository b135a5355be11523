"""Reported events: who met, talked, called, visited, agreed, struck or attacked, where and when.

:func:`event_reports` reads sentences that report an event (a trigger word such as
"met", "talks", "phone call", "summit", "ceasefire", "strike", "shelled": see
:mod:`workbench.timeline.triggers`, which also types violence and drops the violence
that did not happen, "systems that can strike") and takes from the actors layer's
mentions in the same sentence the participants and the place
(:mod:`workbench.timeline.roles`: those acting in the trigger's clause, and where it
happened, "in", "at", "near" + place), and from the sentence's temporal
expressions the date: the one nearest the trigger at any precision ("in
November", "in 2015", "last week"), the day of the telling ("said Monday") only
when there is no other, else the article's publication date (``date_source``
says which). A sentence counts only when it names a place, or a person and
another actor, so "peace talks" in the abstract is not an event; a visit needs its
visitor. An attack or strike needs a place or a date of its own, or to go on with
the article's story (:mod:`workbench.timeline.story`, which also carries a date to
a later report of the same event: ``date_source`` ``context``). Questions are
skipped; future or modal wording marks a report ``planned``.

:func:`merge_events` then merges the reports of one event across sentences and
articles: same kind of event, places that agree (the same, or one not given),
dates that agree (at most ``max_days`` apart; a month or year agrees with the days
inside it), and a shared participant that is not named across the corpus (see
:func:`_common_participants`). A merged event is a summit when any report calls it
one, and lists the participants several reports agree on when there are such.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from workbench.core.tables import split_cell
from workbench.timeline.roles import (  # noqa: F401 (the types are read by build)
    PARTICIPANT_TYPES,
    PLACE_TYPES,
    Demonyms,
    sentence_roles,
)
from workbench.timeline.story import FAMILIES, carry_story
from workbench.timeline.triggers import (  # noqa: F401 (TRIGGERS is the documented list)
    TRIGGERS,
    VIOLENCE,
    find_trigger,
    hypothetical,
    in_quotation,
)

#: Participants listed per merged event, the most often named first.
MAX_PARTICIPANTS = 8
_MODAL = re.compile(
    r"\b(?:will|would|could|may|might|shall|planned|plans? to|scheduled|expected"
    r"|set to|going to|possible|possibly|upcoming|proposed|preparing for|prepare for"
    r"|to hold|to meet)\b"
)

REPORT_COLUMNS = [
    "doc_id",
    "sentence_id",
    "event_type",
    "participants",
    "persons",
    "place",
    "date",
    "precision",
    "date_source",
    "status",
    "source",
    "published",
    "sentence",
]
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


def event_reports(
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    temporal: pd.DataFrame,
    corpus: pd.DataFrame,
) -> pd.DataFrame:
    """One row per sentence that reports an event (see the module notes).

    Args:
        sentences: Sentence table (:func:`workbench.corpus.segments.segment`).
        mentions: The actors layer's mentions (``doc_id``, ``sentence_id``, ``start``,
            ``end``, ``actor``, ``actor_type``), places included, plus a ``place``
            column naming the place for place mentions (see :func:`workbench.timeline`).
        temporal: Resolved temporal expressions
            (:func:`workbench.timeline.temporal.temporal_expressions`).
        corpus: The corpus table (``doc_id``, ``date``, ``source``).

    Returns:
        :data:`REPORT_COLUMNS`: the document's ``doc_id``, ``source`` and publication date
        (``published``), the event's ``date`` (from the sentence, else the publication
        day), and ``participants`` and ``persons`` as sorted lists of actor names.
    """
    by_sentence: dict[str, list[tuple]] = {}
    place = mentions["place"] if "place" in mentions else pd.Series(None, index=mentions.index)
    place = place.tolist()
    cols = [mentions[c].tolist() for c in ("sentence_id", "start", "end", "actor", "actor_type")]
    for row in zip(*cols, place, strict=True):
        by_sentence.setdefault(row[0], []).append(row[1:])
    when: dict[str, list[tuple]] = {}
    dated = temporal.dropna(subset=["date"])
    cols = [dated[c].tolist() for c in ("sentence_id", "start", "end", "date", "precision")]
    for sid, start, end, date, prec in zip(*cols, strict=True):
        when.setdefault(sid, []).append((start, end, date, prec))
    demonyms = Demonyms.of(mentions.loc[mentions["actor_type"] == "GPE", "actor"].unique())
    pub = corpus.set_index("doc_id")["date"].to_dict() if "date" in corpus else {}
    src = corpus.set_index("doc_id")["source"].to_dict() if "source" in corpus else {}
    rows = []
    columns = [sentences[c].tolist() for c in ("doc_id", "sentence_id", "start", "text")]
    for doc_id, sid, s_start, text in zip(*columns, strict=True):
        found = find_trigger(text)
        if found is None or text.rstrip().endswith("?") or sid not in by_sentence:
            continue
        event_type, trigger = found
        if event_type in VIOLENCE and hypothetical(text, trigger):
            continue
        roles = sentence_roles(by_sentence[sid], text, s_start, trigger, event_type, demonyms)
        violence = event_type in VIOLENCE
        if not _is_event(roles, text, trigger, event_type) and not violence:
            continue
        published = pub.get(doc_id, pd.NaT)
        dates = [(lo - s_start, hi - s_start, d, p) for lo, hi, d, p in when.get(sid, ())]
        date, precision, date_source, told = _event_date(dates, text, trigger, published)
        anchored = roles.place is not None or (date_source == "text" and not told)
        # violence with no place or date, or no one named: only as part of a story
        loose = violence and not (anchored and _is_event(roles, text, trigger, event_type))
        rows.append(
            {
                "doc_id": doc_id,
                "sentence_id": sid,
                "event_type": event_type,
                "participants": roles.participants,
                "persons": roles.persons,
                "place": roles.place,
                "date": date,
                "precision": precision,
                "date_source": date_source,
                "status": "planned" if _MODAL.search(text) else "reported",
                "source": src.get(doc_id),
                "published": published,
                "sentence": text,
                "anchored": anchored,
                "loose": loose,
                "elsewhere": roles.elsewhere > 0,
            }
        )
    out = pd.DataFrame(carry_story(rows), columns=REPORT_COLUMNS)
    for col in ("date", "published"):
        out[col] = pd.to_datetime(out[col], utc=True)
    return out


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# "said Monday", "told reporters on Friday", "said in a video address Thursday": the day of
# the telling, not of the event.
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told(?: \w+){0,2}|announced|revealed|reported|confirmed|stated|added"
    r"|wrote|posted|tweeted|read|claimed|warned|accused \w+)"
    r"(?: in (?:a|an|his|her|its|their) [\w-]+(?: [\w-]+){0,3})?(?: on)?\s*$",
    re.I,
)
# "since 2014", "until May": the edge of a period, not when an event happened.
_BOUNDARY = re.compile(r"^(?:since|by|until|before|after|from)\b", re.I)


def _is_event(roles, text: str, trigger: tuple[int, int], event_type: str) -> bool:
    """Whether a sentence's roles make it an event.

    Concrete (see :class:`workbench.timeline.roles.Roles`), a visit with its visitor, and
    a quoted trigger with someone taking part (not a caption's "today's shelling").
    """
    if not roles.concrete:
        return False
    if not roles.participants:
        return event_type != "visit" and not in_quotation(text, trigger)
    return True


def _event_date(
    found: list[tuple], text: str, trigger: tuple[int, int], published
) -> tuple[object, object, str | None, bool]:
    """The date the sentence gives its event, else the publication day.

    ``found`` holds the sentence's dated expressions as ``(start, end, date, precision)``
    with offsets into ``text``. A date the sentence gives wins at any precision ("in
    November", "in 2015", "last week"); the one nearest the trigger word is taken, and
    dates of the telling ("said Monday") only when the sentence gives no other (the last
    value says so).
    """
    usable = [f for f in found if not _BOUNDARY.match(text[f[0] : f[1]])]
    told = [f for f in usable if _SPEECH_BEFORE.search(text[max(0, f[0] - 60) : f[0]])]
    events = [f for f in usable if f not in told] or told
    if events:
        start, end, date, precision = min(
            events, key=lambda f: (_gap(f, trigger), _PRECISION_RANK[f[3]])
        )
        return date, precision, "text", not [f for f in usable if f not in told]
    if published is not None and not pd.isna(published):
        return pd.Timestamp(published).normalize(), "day", "article", False
    return pd.NaT, None, None, False


def _gap(span: tuple, trigger: tuple[int, int]) -> int:
    """Characters between a span and the trigger word (0 when they touch or overlap)."""
    return max(0, span[0] - trigger[1], trigger[0] - span[1])


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
    clusters: list[list[int]] = []
    keys: list[dict] = []
    index: dict[tuple, list[int]] = {}  # (token, year) -> clusters holding that token
    same = equivalents or {}
    common = _common_participants(reports, same)
    for idx, r in zip(order.index, order.to_dict("records"), strict=True):
        k_r = _key(r, same)
        tokens = _tokens(k_r, common)
        years = _years(k_r["day"], max_days)
        candidates = {i for t in tokens for y in years for i in index.get((t, y), ())}
        target = min(
            (i for i in candidates if _same_event(keys[i], k_r, max_days, common)), default=None
        )
        if target is None:
            clusters.append([idx])
            keys.append(k_r)  # a cluster is compared by its first report: no snowballing
            for t in tokens:
                index.setdefault((t, years[0]), []).append(len(keys) - 1)
        else:
            clusters[target].append(idx)
    records = reports.to_dict("index")
    rows = [_summarise([records[i] for i in members]) for members in clusters]
    out = pd.DataFrame(rows, columns=EVENT_COLUMNS[1:])
    out = out.sort_values(
        ["n_docs", "n_reports", "date"], ascending=[False, False, True], kind="stable"
    )
    out.insert(0, "event_id", [f"e{i:04d}" for i in range(1, len(out) + 1)])
    return out.reset_index(drop=True)


def _place(value) -> str | None:
    return value if isinstance(value, str) and value else None


def _key(r, same: dict[str, str]) -> dict:
    def names(field: str) -> set[str]:
        return {same.get(p, p) for p in split_cell(r[field])}

    dated = not pd.isna(r["date"])
    return {
        "family": FAMILIES[r["event_type"]],
        "persons": names("persons"),
        "participants": names("participants"),
        "place": _place(r["place"]),
        "day": int(r["date"].value // 86_400_000_000_000) if dated else None,
        "precision": r.get("precision") if dated else None,
    }


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


def _same_event(key: dict, other: dict, max_days: int, common: set[str] = frozenset()) -> bool:
    """One event: same family, places that agree, dates that agree, a distinctive participant."""
    if key["family"] != other["family"]:
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

    Where some participants are named by several reports, those only one report names are
    left out; a summit stays a summit when the other reports call it a meeting.
    """
    named = Counter(p for r in group for p in split_cell(r["participants"]))
    agreed = max(named.values(), default=0) > 1
    participants = [
        p for p, n in sorted(named.items(), key=lambda kv: (-kv[1], kv[0])) if n > 1 or not agreed
    ][:MAX_PARTICIPANTS]
    places = Counter(r["place"] for r in group if _place(r["place"]))
    types = Counter(r["event_type"] for r in group)
    dated = [r for r in group if not pd.isna(r["date"])]
    first = min(dated, key=lambda r: (r["date_source"] != "text", r["date"])) if dated else group[0]
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
