"""Reported events: who met, talked, called, visited, agreed, struck or attacked, where and when.

:func:`event_reports` reads sentences that report an event (a trigger word such as
"met", "talks", "phone call", "summit", "ceasefire", "strike", "shelled": see
:mod:`workbench.timeline.triggers`, which also types violence and drops the violence
that did not happen, "systems that can strike") and takes from the actors layer's
mentions in the same sentence the participants and the place
(:mod:`workbench.timeline.roles`: those acting in the trigger's clause, and where it
happened, "in", "at", "near" + place; "the city" is the city named before it:
:func:`workbench.timeline.places.antecedent`), and from the sentence's temporal
expressions the date (:mod:`workbench.timeline.dating`): the one nearest the trigger
at any precision ("in November", "in 2015", "last week"), the day of the telling
("said Monday", "early Friday said") only when there is no other, else the
article's publication date (``date_source`` says which). A sentence counts only
when it names a place, or a person and another actor, or gives the event a date of
its own with someone taking part ("OPEC ministers meet on Wednesday"), so "peace
talks" in the abstract is not an event; a visit needs its
visitor. An attack or strike needs a place (a whole country attacked, "Russia's
attack on Ukraine", is the war's background) or a date of its own, or to go on with
the article's story (:mod:`workbench.timeline.story`, which also carries a date to
a later report of the same event: ``date_source`` ``context``); an invasion ("Russia
invaded Ukraine", "the invasion") needs a date of its own finer than a year ("on Feb.
24", "in February") and at most :data:`NAMED_EVENT_DAYS` before the article, being
otherwise the background of the coverage, and an
offensive as a whole ("the counteroffensive, which is gaining momentum") a date or a
place of its own, told beside the trigger (within :data:`CAMPAIGN_DATE_GAP`
characters: not "shut down in March amid ... Russia's invasion"); neither continues a
story. A trigger word inside the name of an organisation or outlet
("the North Atlantic Treaty Organization") is none. Questions, negated or
conditional events ("there was no call", "if there was an attack") and events named
by a day without its year well before the article ("the Jan. 6 attack") are
skipped, and so are "speaking to" a news outlet (an interview) and what is done
repeatedly ("meets every month") unless dated; violence placed only in a whole country
("the bombing campaign in Ukraine") needs a date in its sentence, if only the day of
the telling; future or modal wording marks a report ``planned``.

A sentence may report events of several kinds, each in its own clause ("Leaders met in
Rome as missiles struck Kyiv": a meeting and a strike; "a visit for talks" is one visit),
at most one of each family (:data:`workbench.timeline.story.FAMILIES`), and a campaign
beside another event is only that event's time ("talks ... before Russia's invasion").

Reports of one event are merged by :func:`workbench.timeline.merging.merge_events`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from workbench.actors.document import CAPTION
from workbench.core.places import resolve_place
from workbench.timeline.clauses import in_other_clause
from workbench.timeline.dating import event_date, gap
from workbench.timeline.merging import EVENT_COLUMNS, merge_events  # noqa: F401 (the face)
from workbench.timeline.places import antecedent, definite_scene, named_places
from workbench.timeline.roles import (  # noqa: F401 (the types are read by build)
    PARTICIPANT_TYPES,
    PLACE_TYPES,
    PLACE_WINDOW,
    Demonyms,
    sentence_roles,
)
from workbench.timeline.story import FAMILIES, carry_story, refers_back
from workbench.timeline.triggers import (  # noqa: F401 (TRIGGERS is the documented list)
    TRIGGERS,
    VIOLENCE,
    arrival,
    background,
    campaign,
    cyber,
    find_trigger,
    find_triggers,
    hypothetical,
    in_quotation,
    named_by_date,
)

_MODAL = re.compile(
    r"\b(?:will|would|could|may|might|shall|planned|plans? to|scheduled|expected"
    r"|set to|going to|possible|possibly|upcoming|proposed|preparing for|prepare for"
    r"|to hold|to meet)\b"
)

# What is done repeatedly or as a rule: "meets every month", "attacks 15 million times a
# day", "routinely shells": no one event (unless the sentence dates one).
_HABITUAL = re.compile(
    r"\b(?:every|each)\s+(?:single\s+)?(?:day|night|week|month|year|morning|evening|time)\b"
    r"|\b(?:regularly|routinely|usually|typically|habitually)\b"
    r"|\btimes\s+(?:a|per|each)\s+(?:day|week|month|year)\b",
    re.I,
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


def event_reports(
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    temporal: pd.DataFrame,
    corpus: pd.DataFrame,
    equivalents: dict[str, str] | None = None,
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
        equivalents: Participant -> the actor it stands for ("Kremlin" -> "Russia"), so
            that an article's story goes on whichever of the two a sentence names.

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
    seats = frozenset(equivalents or ())  # cities that stand for a government may act
    named = named_places(mentions)
    demonyms = Demonyms.of(mentions.loc[mentions["actor_type"] == "GPE", "actor"].unique())
    pub = corpus.set_index("doc_id")["date"].to_dict() if "date" in corpus else {}
    src = corpus.set_index("doc_id")["source"].to_dict() if "source" in corpus else {}
    rows = []
    columns = [sentences[c].tolist() for c in ("doc_id", "sentence_id", "start", "text")]
    for doc_id, sid, s_start, text in zip(*columns, strict=True):
        if text.rstrip().endswith("?") or sid not in by_sentence:
            continue
        context = _Context(
            doc_id,
            sid,
            text,
            s_start,
            by_sentence[sid],
            when.get(sid, ()),
            demonyms,
            pub.get(doc_id, pd.NaT),
            src.get(doc_id),
            seats,
            named.get(doc_id, ()),
        )
        taken: dict[str, tuple[int, int]] = {}  # family -> its trigger
        for event_type, trigger in _triggers(text, s_start, by_sentence[sid]):
            if FAMILIES[event_type] in taken:
                continue  # "a meeting ... held talks": one encounter of a kind to a sentence
            if taken and campaign(text, trigger):
                continue  # "talks in Geneva ... before Russia's invasion": the time of the talks
            if any(not in_other_clause(text, trigger, t) for t in taken.values()):
                continue  # "a visit for talks": one event of the clause
            row = _report(context, event_type, trigger)
            if row is not None:
                rows.append(row)
                taken[FAMILIES[event_type]] = trigger
    out = pd.DataFrame(carry_story(rows, equivalents), columns=REPORT_COLUMNS)
    for col in ("date", "published"):
        out[col] = pd.to_datetime(out[col], utc=True)
    return out


#: Mention types whose names hold no trigger: "North Atlantic Treaty Organization".
NAME_TYPES = ("ORG", "MEDIA")


def _triggers(text: str, offset: int, ments: list[tuple]) -> list[tuple[str, tuple[int, int]]]:
    """:func:`find_triggers` of a sentence, none inside the name of an organisation or outlet.

    A word inside a name is part of the name, no event: "Treaty" in "the North Atlantic
    Treaty Organization"; such names are blanked (offsets kept) and the sentence read again.
    """
    found = find_triggers(text)
    names = [
        (max(0, start - offset), end - offset)
        for start, end, _actor, actor_type, _place in ments
        if actor_type in NAME_TYPES
    ]
    holding = [(lo, hi) for lo, hi in names if any(lo <= t[0] < hi for _, t in found)]
    if not holding:
        return found
    chars = list(text)
    for lo, hi in holding:
        chars[lo:hi] = "_" * (len(chars[lo:hi]))
    return find_triggers("".join(chars))


class _Context(NamedTuple):
    """A sentence with what its reports read: mentions and dates with document offsets."""

    doc_id: str
    sentence_id: str
    text: str
    start: int
    mentions: list[tuple]
    dates: tuple | list
    demonyms: Demonyms
    published: object
    source: object
    seats: frozenset = frozenset()
    places: tuple | list = ()  # the document's places named, (offset, place) in text order


def _report(c: _Context, event_type: str, trigger: tuple[int, int]) -> dict | None:
    """The report a trigger makes of its sentence, or None when it reports no event."""
    doc_id, sid, text, s_start, demonyms = c.doc_id, c.sentence_id, c.text, c.start, c.demonyms
    violence = event_type in VIOLENCE
    if hypothetical(text, trigger, violence=violence):
        return None
    if event_type == "attack" and cyber(text, trigger):
        return None  # "a ransomware attack": no physical violence
    if event_type == "call" and _to_outlet(c.mentions, text, s_start, trigger):
        return None  # "speaking to the Washington Post": an interview, not a call
    roles = sentence_roles(c.mentions, text, s_start, trigger, event_type, demonyms, c.seats)
    if roles.place is None and definite_scene(text, trigger, PLACE_WINDOW):
        city = antecedent(c.places, s_start + trigger[0])  # "the city": one named before
        if city is not None:
            kept = [p for p in roles.participants if p != city]
            roles = replace(roles, place=city, participants=kept)
    published = c.published
    dates = [(lo - s_start, hi - s_start, d, p) for lo, hi, d, p in c.dates]
    if campaign(text, trigger):
        # a campaign's own date is told beside it ("the invasion that started Feb. 24")
        dates = [f for f in dates if gap(f, trigger) <= CAMPAIGN_DATE_GAP]
    date, precision, date_source, told = event_date(dates, text, trigger, published)
    own_date = date_source == "text" and not told
    dated = own_date and precision != "year"
    if not _is_event(roles, text, trigger, event_type, dated) and not violence:
        return None
    if _HABITUAL.search(text) and not dated:
        return None  # "OPEC+ meets every month in Vienna": what is done repeatedly, no event
    if named_by_date(text, trigger) and not (own_date and not _long_before(date, published)):
        return None  # "the Jan. 6 attack": a past event's name, its year not told
    if background(text, trigger) and not (
        own_date and precision != "year" and not _long_before(date, published)
    ):
        # the invasion as the background ("since Russia invaded", "this year"), and so is
        # one told months later ("since Russia invaded on 24 February" in May)
        return None
    # a whole country attacked is the war, no place of its own: "Russia's attack on
    # Ukraine"; and so is violence "in" a country that the sentence does not date, not even
    # by its telling ("the bombing campaign in Ukraine"; not "shelling killed three in
    # Ukraine, the office said Tuesday")
    at_war = (
        violence
        and _country(roles.place or "")
        and (bool(_ON_NAME.match(text, trigger[1])) or date_source != "text")
    )
    anchored = own_date or (roles.place is not None and not at_war)
    if campaign(text, trigger) and not anchored:
        return None  # "the counteroffensive, which is gaining momentum": the war's course
    # violence with no place or date of its own, or no one named: only as part of a story
    loose = violence and not (
        anchored and (roles.participants or _is_event(roles, text, trigger, event_type, dated))
    )
    return {
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
        "source": c.source,
        "published": published,
        "sentence": text,
        "anchored": anchored,
        "loose": loose,
        "elsewhere": roles.elsewhere > 0,
        "refers": refers_back(text, trigger) and not in_quotation(text, trigger),
        "campaign": campaign(text, trigger),
        "caption": caption(text),
    }


# What lies between a call's trigger and the one it addresses: "spoke to (the) X".
_TO_ADDRESSEE = re.compile(r"\s*(?:the\s+)?$", re.I)


def _to_outlet(ments: list[tuple], text: str, offset: int, trigger: tuple[int, int]) -> bool:
    """Whether the one a call's trigger addresses is a news outlet ("speaking to the Post").

    ``ments`` are the sentence's mentions as ``(start, end, actor, actor_type, place)``
    with offsets into the document; ``offset`` is where the sentence starts.
    """
    for start, _end, _actor, actor_type, _place in ments:
        lo = start - offset
        if lo >= trigger[1] and _TO_ADDRESSEE.match(text[trigger[1] : lo]):
            return actor_type == "MEDIA"
    return False


# Offices and bodies of government: who makes an agreement that is news of the war.
_OFFICIAL = re.compile(
    r"\b(?:[Pp]resident|[Pp]rime [Mm]inister|[Mm]inisters?|[Cc]hancellor|[Ss]ecretary|[Pp]remier"
    r"|[Aa]mbassadors?|[Ee]nvoys?|[Dd]iplomats?|[Oo]fficials|[Gg]overnments?|[Ll]eaders"
    r"|[Nn]egotiators|[Dd]elegations?|[Kk]remlin|[Pp]arliament|[Mm]inistry|[Aa]uthorities)\b"
)


def _is_event(
    roles, text: str, trigger: tuple[int, int], event_type: str, dated: bool = False
) -> bool:
    """Whether a sentence's roles make it an event.

    Concrete (see :class:`workbench.timeline.roles.Roles`) or, when the sentence gives the
    event a date of its own finer than a year (``dated``: "met on Monday", "Tuesday's
    meeting", "a visit in August"), someone named taking part; a visit with its visitor (a
    person when it only "arrived in"), an agreement with a government among its parties (a
    country, or officials named by their office: a yacht sold in a "deal" is none), and a
    quoted trigger with someone taking part (not a caption's "today's shelling").
    """
    if not (roles.concrete or (dated and roles.participants)):
        return False
    if not roles.participants:
        return event_type != "visit" and not in_quotation(text, trigger)
    if event_type == "visit" and arrival(text, trigger):
        return bool(roles.persons)  # someone arrived, not a ship or a shipment
    if event_type == "agreement":  # between governments, not a business deal
        return roles.governments > 0 or bool(_OFFICIAL.search(text))
    return True


def caption(text: str) -> bool:
    """Whether a sentence is a photo caption run into the text (what a picture shows).

    A present-tense verb of what it shows, then a date with its year: "Ann Jones attends a
    meeting in Avalon, Ruritania, Friday, Nov. 26, 2021." (see
    :data:`workbench.actors.document.CAPTION`).
    """
    m = CAPTION.match(text)
    return m is not None and bool(_CAPTION_DATE.search(m.group()))


# The day a caption's picture was taken ends it: "Friday, Nov. 26, 2021." (not "in 2019.").
_CAPTION_DATE = re.compile(r"\b[A-Z][a-z]{2,8}\.? [0-3]?\d, (?:19|20)\d\d\.$")


@lru_cache(maxsize=8192)
def _country(place: str) -> bool:
    """Whether a place is a whole country (the war's background when attacked, not a scene)."""
    return resolve_place(place).kind == "country"


#: Characters between a campaign's trigger and a date it is told with, a few words ("the
#: invasion that started Feb. 24"; not "the invasion of Ukraine appeared to falter tonight").
CAMPAIGN_DATE_GAP = 25

#: Days before publication past which a day named without its year names a past event.
NAMED_EVENT_DAYS = 30


# The trigger's target named just after it: "attack on Ukraine", "the shelling of Kharkiv".
_ON_NAME = re.compile(r"\s+(?:on|upon|against|of)\s+(?:the\s+)?[A-Z]")


def _long_before(date, published) -> bool:
    """Whether ``date`` lies more than :data:`NAMED_EVENT_DAYS` before the publication day."""
    if pd.isna(date) or published is None or pd.isna(published):
        return False
    return (pd.Timestamp(published) - pd.Timestamp(date)).days > NAMED_EVENT_DAYS
