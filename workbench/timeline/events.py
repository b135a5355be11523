"""Reported events: who met, talked, called, visited, agreed, struck or attacked, where and when.

:func:`event_reports` reads sentences that report an event (a trigger word such as
"met", "talks", "phone call", "summit", "ceasefire", "strike") and takes from the
actors layer's mentions in the same sentence the participants (people,
organisations, governments) and the place (a place name after "in", "at",
"near" ...), and from the sentence's temporal expressions the date, falling back
on the article's publication date (``date_source`` says which). A sentence counts
only when it names a place or at least two participants, so "peace talks" in the
abstract is not an event. Questions are skipped; future or modal wording marks a
report ``planned``.

:func:`merge_events` then merges the reports of one event across sentences and
articles: same kind of event, a shared person (or, without people, two shared
participants), the same place or none, and dates at most ``max_days`` apart.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from workbench.core.tables import split_cell

#: Event types with their trigger words, in order of precedence within a sentence.
TRIGGERS: dict[str, re.Pattern[str]] = {
    "summit": re.compile(r"\bsummits?\b", re.I),
    "meeting": re.compile(r"\b(?:met|meet|meets|meeting|meetings|sat down with)\b", re.I),
    "call": re.compile(
        r"\b(?:phone call|telephone call|call with|calls with|spoke by phone|spoke on the phone"
        r"|phone conversation|telephone conversation|talked (?:with|to)|spoke (?:with|to))\b",
        re.I,
    ),
    "visit": re.compile(
        r"\b(?:visit|visits|visited|visiting|trip to|travell?ed to|arrived in)\b", re.I
    ),
    "talks": re.compile(
        r"\b(?:talks|negotiations|negotiated|negotiating|discussions|dialogue)\b", re.I
    ),
    "ceasefire": re.compile(
        r"\b(?:cease-?fire|truce|armistice|halt (?:on|to) (?:the )?strikes)\b", re.I
    ),
    "agreement": re.compile(r"\b(?:agreement|agreed|deal|accord|treaty|signed|memorandum)\b", re.I),
    "attack": re.compile(
        r"\b(?:attack|attacks|attacked|assault|assassination|shooting|bombing|shelled"
        r"|shelling)\b",
        re.I,
    ),
    "strike": re.compile(
        r"\b(?:strike|strikes|struck|airstrikes?|air strikes?|missile strikes?"
        r"|drone strikes?)\b",
        re.I,
    ),
}
# Substrings every trigger contains: a cheap test that rejects most sentences first.
_TRIGGER_STEMS = (
    "summit",
    "met",
    "meet",
    "sat down",
    "call",
    "spoke",
    "phone",
    "talk",
    "visit",
    "trip",
    "travel",
    "arrived",
    "negotiat",
    "discussion",
    "dialogue",
    "cease",
    "truce",
    "armistice",
    "halt",
    "agree",
    "deal",
    "accord",
    "treaty",
    "signed",
    "memorandum",
    "attack",
    "assault",
    "assassin",
    "shooting",
    "bombing",
    "shell",
    "strike",
    "struck",
)
_ANY_TRIGGER = re.compile("|".join(f"(?:{p.pattern})" for p in TRIGGERS.values()), re.I)

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
PARTICIPANT_TYPES = ("PERSON", "ORG", "GPE", "NORP")
#: Participants listed per merged event, the most often named first.
MAX_PARTICIPANTS = 8
PLACE_TYPES = ("GPE", "LOC", "FAC")
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|across)\s+(?:the\s+)?$", re.I)
_DESTINATION = re.compile(r"\b(?:to|in|at)\s+(?:the\s+)?$", re.I)
# "the war in Ukraine" names the subject of the coverage, not where an event took place.
_TOPICAL = re.compile(
    r"\b(?:war|conflict|crisis|peace|situation|violence|aggression|fighting|invasion"
    r"|interests?|role|sovereignty|security|stability|future|people|involvement"
    r"|devastation|destruction|damage|suffering|tensions?)\s+"
    r"(?:in|at|to|from|across)\s+(?:the\s+)?$",
    re.I,
)
#: Characters between an event's trigger word and its place, at most.
PLACE_WINDOW = 90
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
    for sid, prec, start, date in zip(
        dated["sentence_id"], dated["precision"], dated["start"], dated["date"], strict=True
    ):
        when.setdefault(sid, []).append((_PRECISION_RANK[prec], start, date, prec))
    pub = corpus.set_index("doc_id")["date"].to_dict() if "date" in corpus else {}
    src = corpus.set_index("doc_id")["source"].to_dict() if "source" in corpus else {}
    rows = []
    columns = [sentences[c].tolist() for c in ("doc_id", "sentence_id", "start", "text")]
    for doc_id, sid, s_start, text in zip(*columns, strict=True):
        found = _event_type(text)
        if found is None or text.rstrip().endswith("?") or sid not in by_sentence:
            continue
        event_type, trigger = found
        participants, persons, where = _roles(
            by_sentence[sid], text, s_start, trigger, visit=event_type == "visit"
        )
        if where is None and not (persons and len(participants) >= 2):
            continue
        published = pub.get(doc_id, pd.NaT)
        date, precision, date_source = _event_date(when.get(sid), published)
        status = "planned" if _MODAL.search(text) else "reported"
        rows.append(
            (
                doc_id,
                sid,
                event_type,
                participants,
                persons,
                where,
                date,
                precision,
                date_source,
                status,
                src.get(doc_id),
                published,
                text,
            )
        )
    out = pd.DataFrame(rows, columns=REPORT_COLUMNS)
    for col in ("date", "published"):
        out[col] = pd.to_datetime(out[col], utc=True)
    return out


def _event_type(text: str) -> tuple[str, tuple[int, int]] | None:
    low = text.lower()
    if not any(w in low for w in _TRIGGER_STEMS) or not _ANY_TRIGGER.search(text):
        return None
    for event_type, pattern in TRIGGERS.items():
        m = pattern.search(text)
        if m:
            return event_type, m.span()
    return None


def _roles(
    ments: list[tuple], text: str, offset: int, trigger: tuple[int, int], *, visit: bool = False
) -> tuple[list[str], list[str], str | None]:
    """Participants, the persons among them, and the place of one sentence."""
    participants, persons, places = set(), set(), []
    locative_re = _DESTINATION if visit else _LOCATIVE
    for start, end, actor, actor_type, place in ments:
        lo = start - offset
        before = text[max(0, lo - 40) : lo]
        distance = min(abs(lo - trigger[1]), abs(trigger[0] - (end - offset)))
        locative = bool(locative_re.search(before)) and not _TOPICAL.search(before)
        if actor_type in PLACE_TYPES and isinstance(place, str) and locative:
            if distance <= PLACE_WINDOW:
                places.append((distance, place))
        elif actor_type in PARTICIPANT_TYPES:
            participants.add(actor)
            if actor_type == "PERSON":
                persons.add(actor)
    place = min(places)[1] if places else None
    participants.discard(place)
    return sorted(participants), sorted(persons), place


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _event_date(found: list[tuple] | None, published) -> tuple[object, object, str | None]:
    """The most precise day- or week-level date in the sentence, else the publication day."""
    if found:
        rank, _, date, precision = min(found, key=lambda f: f[:2])
        if rank <= 1:
            return date, precision, "text"
    if published is not None and not pd.isna(published):
        return pd.Timestamp(published).normalize(), "day", "article"
    return pd.NaT, None, None


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
        ``participants``, ``sources`` and ``doc_ids`` are lists.
    """
    if reports.empty:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    order = reports.assign(_family=reports["event_type"].map(FAMILIES)).sort_values(
        ["_family", "date", "published", "doc_id", "sentence_id"], na_position="last", kind="stable"
    )
    clusters: list[list[int]] = []
    keys: list[dict] = []
    index: dict[tuple, list[int]] = {}  # (token, date bucket) -> clusters holding that token
    same = equivalents or {}
    common = _common_participants(reports, same)
    width = max_days + 1
    for idx, r in zip(order.index, order.to_dict("records"), strict=True):
        k_r = _key(r, same)
        tokens = _tokens(k_r, common)
        buckets = [None] if k_r["day"] is None else [k_r["day"] // width + d for d in (-1, 0, 1)]
        candidates = {i for t in tokens for b in buckets for i in index.get((t, b), ())}
        target = min(
            (i for i in candidates if _same_event(keys[i], k_r, max_days, common)), default=None
        )
        if target is None:
            clusters.append([idx])
            keys.append(k_r)  # a cluster is compared by its first report: no snowballing
            bucket = None if k_r["day"] is None else k_r["day"] // width
            for t in tokens:
                index.setdefault((t, bucket), []).append(len(keys) - 1)
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

    return {
        "family": FAMILIES[r["event_type"]],
        "persons": names("persons"),
        "participants": names("participants"),
        "place": _place(r["place"]),
        "day": None if pd.isna(r["date"]) else int(r["date"].value // 86_400_000_000_000),
    }


def _tokens(key: dict, common: set[str]) -> set[tuple]:
    """What a report can be looked up by: its distinctive participants and its place."""
    out = {(key["family"], "who", p) for p in key["participants"] - common}
    if key["place"]:
        out.add((key["family"], "where", key["place"]))
    return out


def _common_participants(reports: pd.DataFrame, same: dict[str, str]) -> set[str]:
    """Participants named in so many reports that sharing them says nothing.

    On a large corpus the head of state of every story (Putin, Biden) would otherwise
    chain unrelated events together; a participant named in more than 2% of the reports
    (and at least 20 of them) does not count as evidence that two reports are one event.
    """
    counts: dict[str, int] = {}
    for cell in reports["participants"]:
        for p in {same.get(p, p) for p in split_cell(cell)}:
            counts[p] = counts.get(p, 0) + 1
    limit = max(20, 0.02 * len(reports))
    return {p for p, n in counts.items() if n > limit}


def _same_event(key: dict, other: dict, max_days: int, common: set[str] = frozenset()) -> bool:
    if key["family"] != other["family"]:
        return False
    if key["place"] and other["place"] and key["place"] != other["place"]:
        return False
    a, b = key["day"], other["day"]
    if (a is None) != (b is None) or (a is not None and abs(a - b) > max_days):
        return False
    same_place = key["place"] is not None and key["place"] == other["place"]
    if key["persons"] and other["persons"]:
        shared = key["persons"] & other["persons"]
        return bool(shared - common) or (bool(shared) and same_place)
    if same_place and not (key["participants"] and other["participants"]):
        return True
    shared = (key["participants"] & other["participants"]) - common
    return len(shared) >= 2 or (len(shared) >= 1 and same_place)


def _summarise(group: list[dict]) -> tuple:
    """One merged event from its reports (participants by how many reports name them)."""
    named = Counter(p for r in group for p in split_cell(r["participants"]))
    participants = [p for p, _ in sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))][
        :MAX_PARTICIPANTS
    ]
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
        types.most_common(1)[0][0],
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
    )
