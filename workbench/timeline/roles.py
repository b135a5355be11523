"""Who takes part in a sentence's event, and where it happens.

:func:`sentence_roles` sorts the actors layer's mentions in a sentence that reports
an event into the place (where the event happens: :func:`workbench.timeline.places.is_scene`,
or in apposition to such a place: "in Sloviansk, Ukraine"; violence "on the city"
names the one place the sentence names, "the Kharkiv governor said strikes on the
city") and the participants:
the people, organisations and governments acting in the trigger word's clause.
Left out are names that only qualify another word ("Moscow-backed", "Kharkiv
governor", "the UK defence secretary", "the fall of Lysychansk"), names inside a
quotation when the trigger is outside it, names in another clause ("..., as
Putin wages war", "released imagery indicating that ...", "spoke a day after leaders
held a summit": :mod:`workbench.timeline.clauses`; in a complement clause the trigger
is outside of, "said at the meeting that Avalon would grow":
:mod:`workbench.timeline.complements`; the subject of another predicate
governing the trigger noun, "Ann Jones addressed the attack", "speaks ahead of a
meeting": :mod:`workbench.timeline.governors`; not the name a
relative pronoun stands for, "Ann Jones, who visited Avalon", which acts in the
clause the pronoun opens), and those who only tell
of or comment on the event ("X said", "according to X", "X condemned", "footage
shared by X": :mod:`workbench.timeline.tellers`): a teller takes part only when no one
else does and the telling says it was their own deed ("X said he met", '"We met," X
said'). The people violence killed or wounded take no part in it
(:mod:`workbench.timeline.casualties`). A nationality next to the
trigger, to armed forces or to a government's people ("Russian shelling", "Ukrainian
troops", "Russian officials visited") names its country, telling of the event when a
speech verb follows ("Ukrainian officials said") (:class:`Demonyms`, derived from the
corpus's own country names). A place before a trigger noun that another predicate
governs ("tried in the Netherlands over the downing") is that predicate's, and a
place after "in", "at" or "near" is a location, never a participant, and so is a
dateline's ("KYIV, Ukraine — ..."). A city qualifying a gathering's noun is where it met
("the Madrid summit"). Places named
but neither the scene nor taking part are counted (``elsewhere``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from workbench.core.places import resolve_place
from workbench.timeline.casualties import casualty
from workbench.timeline.clauses import PLACE_CLAUSE, apart, between, relative_subject
from workbench.timeline.complements import outside_complement
from workbench.timeline.governors import governed_elsewhere, in_aftermath
from workbench.timeline.places import is_locative, is_scene
from workbench.timeline.tellers import (
    SPEAKER_AFTER,
    SPEAKER_BEFORE,
    SPEAKER_WINDOW,
    TELLER_WINDOW,
    names_it,
    present_at,
    tells_own_deed,
)

PARTICIPANT_TYPES = ("PERSON", "ORG", "GPE", "NORP")
PLACE_TYPES = ("GPE", "LOC", "FAC")
VIOLENCE = ("attack", "strike")
#: Characters between an event's trigger word and its place, at most.
PLACE_WINDOW = 90

_TITLE = (
    r"(?:governor|mayor|defen[cs]e|foreign|prime|president|ambassador|envoy|secretary|minister"
    r"|spokes(?:man|woman|person)|chancellor|chief|head)"
)
# A name joined to what follows ("Moscow-backed", "U.S.-supplied").
_JOINED = re.compile(r"^-\w")
# A place heading a title or a place noun ("Kharkiv governor", "the Kharkiv region").
_QUALIFIER = re.compile(
    rf"^(?:(?:'s?|’s?)?\s+(?:region(?:al)?\s+|oblast\s+)?{_TITLE}\b"
    r"|(?:\s+and\s+[A-Z][\w'’-]+)?\s+(?:regions?|oblasts?|provinces?|districts?)\b)",
    re.I,
)
# "ambassador to the UK", "the fall of Lysychansk": a name completing another noun.
_QUALIFIED = re.compile(rf"(?:\b{_TITLE}\s+(?:to|of|for)\s+(?:the\s+)?|\bof\s+(?:the\s+)?)$", re.I)
# "Ukraine's Black Sea regions of Odesa": a country owning the place, not acting.
_OWNER = re.compile(
    r"^(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?(?:region|regions|city|cities|port|ports|capital|coast"
    r"|territory|border|east|west|north|south|grid|infrastructure|economy|energy)\b",
    re.I,
)
# "from the White House Situation Room": an organisation's building, not the organisation.
_SITE = re.compile(r"\b(?:at|in|inside|outside|from)\s+the\s+$", re.I)
# "in Odesa and Mykolaiv", "in Bezruky, near Derhachi", "the Millerovo airbase in Rostov
# region": more places, or where the first is.
_LIST = re.compile(
    r"^(?:,\s*(?:and\s+|or\s+|near\s+|outside\s+)?(?:the\s+)?|\s+(?:and|or|in)\s+(?:the\s+)?)$"
)
_BY = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
# A gathering's partners named by their nationality right after its trigger: "talks with
# Russian officials", "talks between Ukrainian and Russian negotiators" (not "conflict with
# the Ukrainian army" further on, nor violence "with Iranian drones", its weapon).
_PARTNERS = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,2}?(?:with|between)\s+(?:the\s+)?(?:(?-i:[A-Z])[a-z]+\s+(?:and|or)\s+)?",
    re.I,
)
# A trigger noun another predicate governs ("tried in the Netherlands over the downing",
# "blamed in Kyiv for the attack"): a place before it is that predicate's.
_EMBEDDED = re.compile(
    r"\b(?:over|for|about|to)\s+(?:(?:the|a|an|this|that|such|its|their|his|her|[\w'’]+['’]s)"
    r"\s+)?(?:(?!(?:and|or)\s)[\w-]+\s+){0,2}$",
    re.I,
)
# A trigger in the active voice ("has been shelling"): no passive subject before it.
_ACTIVE = re.compile(r"ing$", re.I)
_FORCES = (
    r"(?:forces|troops|army|military|navy|soldiers|units|missiles?|drones?|jets?"
    r"|warplanes?|artillery|shelling|bombardment|strikes?|airstrikes?|air strikes?|attacks?"
    r"|officials|diplomats|delegations?|leaders|authorities|government|negotiators)"
)
# The rest of a nationality's noun phrase, to read what follows it: "(Russian) officials said".
_NOUN_AFTER = re.compile(rf"(?:\s+(?:and|or)\s+[A-Z][a-z]+)?\s+(?:[\w-]+\s+)?{_FORCES}\b")
# A capitalised word before armed forces or violence: "Russian troops", "Ukrainian drone
# strikes", and one joined to such a word: "(Ukrainian) and Russian negotiators".
_BEFORE_FORCES = re.compile(
    rf"\b([A-Z][a-z]+)(?=(?:\s+(?:and|or)\s+[A-Z][a-z]+)?\s+(?:[\w-]+\s+)?{_FORCES}\b)"
)


@dataclass(frozen=True)
class Demonyms:
    """Nationality words and the countries they name ("Russian" -> Russia)."""

    country: dict[str, str]

    @classmethod
    def of(cls, names: Iterable[str]) -> Demonyms:
        """Derived from one-word country names by English suffixes (Ukraine -> Ukrainian)."""
        country = {}
        for name in names:
            if not isinstance(name, str) or not name.isalpha() or len(name) < 4:
                continue
            for form in (name + "n", name + "ian", name[:-1] + "ian", name + "i", name + "ese"):
                country.setdefault(form, name)
        return cls(country)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, country)`` of nationality words before armed forces or violence."""
        if not self.country:
            return []
        return [
            (m.start(), m.end(), self.country[m.group(1)])
            for m in _BEFORE_FORCES.finditer(text)
            if m.group(1) in self.country
        ]


@dataclass(frozen=True)
class Roles:
    """Who takes part in one sentence's event and where."""

    participants: list[str]
    persons: list[str]  # the persons among the participants
    place: str | None
    people: int  # persons named as taking part or telling of it
    named: int  # actors named as taking part or telling of it
    elsewhere: int = 0  # places named that are neither the scene nor taking part
    governments: int = 0  # countries (and their governments) among the participants

    @property
    def concrete(self) -> bool:
        """A place, or two actors one of them a person: not "peace talks" in the abstract."""
        return self.place is not None or (self.people > 0 and self.named >= 2)


def sentence_roles(
    ments: list[tuple],
    text: str,
    offset: int,
    trigger: tuple[int, int],
    event_type: str,
    demonyms: Demonyms | None = None,
    seats: Iterable[str] = (),
) -> Roles:
    """Participants, the persons among them, and the place of one sentence.

    Args:
        ments: The sentence's mentions as ``(start, end, actor, actor_type, place)``, in
            text order, offsets into the document.
        text: The sentence.
        offset: Where the sentence starts in the document.
        trigger: The trigger word's span in ``text``.
        event_type: The event's type (see :data:`workbench.timeline.events.TRIGGERS`).
        demonyms: Nationality words to read as their countries.
        seats: Cities that stand for a government ("Kyiv", "Moscow": the gazetteer's
            metonymy list), which may take part; other cities are only places.
    """
    acting, speakers, places = [], [], []
    named_places = set()  # every place the sentence names, whatever its role
    elsewhere = 0
    quoted, inner = _quotes(text, trigger)
    chain_end = None  # where the last place that is no actor ends: "in Odesa and Mykolaiv"
    for start, end, actor, actor_type, place in ments:
        lo, hi = start - offset, end - offset
        before = text[max(0, lo - 40) : lo]
        is_place = actor_type in PLACE_TYPES and isinstance(place, str)
        if is_place:
            named_places.add(place)
        if is_place and chain_end is not None and _LIST.match(text[chain_end:lo]):
            chain_end = hi
            continue
        in_trigger_quote = _inside(lo, [inner] if inner else quoted) == bool(inner)
        if (
            is_place
            and in_trigger_quote
            and (
                _is_scene(text, lo, hi, before, trigger, event_type)
                or _venue(text, hi, trigger, event_type, place)
            )
            and not PLACE_CLAUSE.search(between(text, lo, hi, trigger))
            and not outside_complement(text, lo, hi, trigger)
        ):
            chain_end = hi
            if _distance(lo, hi, trigger) <= PLACE_WINDOW:
                places.append((_distance(lo, hi, trigger), place))
            else:
                elsewhere += 1
            continue
        if (
            (is_place and is_locative(before))
            or (is_place and actor not in seats and _city(actor))
            or not _may_act(text, lo, hi, before, actor_type, trigger, quoted, event_type)
        ):
            chain_end = hi if is_place else None
            elsewhere += is_place
            continue
        chain_end = None
        after = SPEAKER_AFTER.match(text[hi : hi + SPEAKER_WINDOW])
        # "Ann Jones, who visited Avalon in May, said": the visitor, whoever tells of it
        relative = relative_subject(text, hi, trigger)
        told_by = SPEAKER_BEFORE.search(text[max(0, lo - TELLER_WINDOW) : lo]) or names_it(
            text, lo, hi
        )
        # "Ann Jones said during a visit": there, taking part; "the ministry said after the
        # call": there, telling of it
        there = bool(after) and present_at(text, hi + after.end(), trigger)
        speaking = not relative and (after or told_by) and not (there and actor_type == "PERSON")
        if not speaking:
            acting.append((actor, actor_type))
        else:
            own = there or tells_own_deed(text, hi + after.end() if after else None, trigger, inner)
            speakers.append((actor, actor_type, own and (own != "it" or actor_type != "PERSON")))
    for lo, hi, country in demonyms.find(text) if demonyms else ():
        agent = (
            lo < trigger[1]
            or _BY.search(text[max(0, lo - 20) : lo])
            or (event_type not in VIOLENCE and _PARTNERS.fullmatch(text, trigger[1], lo))
        )
        if (
            agent
            and not _inside(lo, quoted)
            and not apart(text, lo, hi, trigger)
            and not governed_elsewhere(text, lo, hi, trigger)
        ):
            noun = _NOUN_AFTER.match(text, hi)
            end = noun.end() if noun else hi
            telling = end <= trigger[0] and SPEAKER_AFTER.match(text[end : end + SPEAKER_WINDOW])
            if telling:
                own = present_at(text, end + telling.end(), trigger) or tells_own_deed(
                    text, end + telling.end(), trigger, inner
                )
                speakers.append((country, "GPE", own))
            else:
                acting.append((country, "GPE"))
    place = min(places)[1] if places else None
    if place is None and len(named_places) == 1 and _target_noun(text, trigger, event_type):
        place = next(iter(named_places))  # "Kharkiv's governor said strikes on the city ..."
    # the teller takes part only when telling of their own deed and no one else acts
    named = [a for a in acting if a[0] != place] or [
        a[:2] for a in speakers if a[0] != place and a[2]
    ]
    persons = sorted({actor for actor, kind in named if kind == "PERSON"})
    everyone = {a for a in acting + [s[:2] for s in speakers] if a[0] != place}
    people = sum(kind == "PERSON" for _, kind in everyone)
    governments = len({actor for actor, kind in named if kind in ("GPE", "NORP")})
    return Roles(
        sorted({actor for actor, _ in named}),
        persons,
        place,
        people,
        len(everyone),
        elsewhere,
        governments,
    )


@lru_cache(maxsize=8192)
def _city(actor: str) -> bool:
    """Whether an actor is a city, which does not act (a seat of government aside).

    "the bridge linking Crimea", "the shelling of the (Zaporizhzhia plant)", "speaking from
    Brussels": a city named in the sentence is where something is, not who does it.
    """
    return resolve_place(actor).kind == "city"


# "strikes on the city", "the shelling of the town": a target told by its place noun.
_TARGET_NOUN = re.compile(
    r"\s+(?:on|upon|against|of)\s+the\s+(?:city|town|village|port|capital|region|district)\b"
    r"(?!\s+of\b)",
    re.I,
)


def _target_noun(text: str, trigger: tuple[int, int], event_type: str) -> bool:
    """Whether violence targets a place named only by its noun ("strikes on the city")."""
    return event_type in VIOLENCE and bool(_TARGET_NOUN.match(text, trigger[1]))


# A place naming what the noun after it belongs to, not where anything happens: "in the
# Ukraine war", "near the Ukraine capital Kyiv", "the Kremlin said ... the Russia crisis".
_ATTRIBUTIVE = re.compile(
    r"(?:['’]s)?\s+(?:war|conflict|crisis|capital|government|leadership|president|leaders?"
    r"|forces|army|military|troops|authorities|officials|embassy|counterparts?)\b",
    re.I,
)


# A place owning the name after it: "in Avalon's Kharkiv region" (there, Kharkiv).
_OWNS_NAME = re.compile(r"['’]s\s+(?-i:[A-Z])[\w-]+\s+(?:region|oblast|province|headquarters)\b")


def _is_scene(text, lo, hi, before, trigger, event_type) -> bool:
    """Whether a place mention is where the event happens."""
    if hi <= trigger[0] and _EMBEDDED.search(text[max(0, trigger[0] - 40) : trigger[0]]):
        return False
    if _ATTRIBUTIVE.match(text, hi) or _OWNS_NAME.match(text, hi):
        return False
    word = text[trigger[0] : trigger[1]]
    return is_scene(
        before,
        visit=event_type == "visit",
        violence=event_type in VIOLENCE,
        from_trigger=text[trigger[1] : lo] if lo >= trigger[1] else None,
        to_trigger=text[hi : trigger[0]] if hi <= trigger[0] and not _ACTIVE.search(word) else None,
    )


#: Gatherings, whose place may be named before their noun ("the Avalon summit").
GATHERINGS = ("summit", "meeting", "talks")
# Only the gathering's own words between a city and its noun: "the Avalon (peace) talks".
_MODIFYING = re.compile(r"\s+(?:(?:peace|leaders['’]?|NATO|EU|G\d+)\s+)?$", re.I)


def _venue(text: str, hi: int, trigger: tuple[int, int], event_type: str, place) -> bool:
    """Whether a city qualifying a gathering's noun is where it met ("the Avalon summit")."""
    return (
        event_type in GATHERINGS
        and hi <= trigger[0]
        and bool(_MODIFYING.match(text[hi : trigger[0]]))
        and _city(place)
    )


# A story's dateline: "KYIV, Ukraine —", "WASHINGTON (AP) --" (not "Avalon — which ...").
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{1,30}|[A-Z][\w.'’ -]{1,30}?,\s*[A-Z][\w.'’ -]{1,30}?)"
    r"\s*(?:\([^)]{1,30}\)\s*)?(?:—|–|--)\s"
)


def _may_act(text, lo, hi, before, actor_type, trigger, quoted, event_type="") -> bool:
    """Whether a mention can be a participant: its type, its words around, its clause.

    A name in the sentence's dateline ("KYIV, Ukraine — ...") says where the story was filed.
    The people violence killed or wounded suffered it ("Ann Jones was among those killed").
    """
    if actor_type not in PARTICIPANT_TYPES or _JOINED.match(text[hi:]):
        return False
    dateline = _DATELINE.match(text)
    if dateline and lo < dateline.end():
        return False  # "WASHINGTON — ...": where the story was filed, not who acts
    if event_type in VIOLENCE and actor_type == "PERSON" and casualty(text, lo, hi):
        return False
    if event_type in VIOLENCE and in_aftermath(text, hi, trigger):
        return False  # "Ann Jones spoke after the attack": another deed, after it
    after = text[hi : hi + 60]
    if actor_type in PLACE_TYPES and (
        _QUALIFIED.search(before) or _OWNER.match(after) or _QUALIFIER.match(after)
    ):
        return False
    if actor_type == "ORG" and _SITE.search(before):
        return False
    if governed_elsewhere(text, lo, hi, trigger) and not SPEAKER_AFTER.match(text[hi:]):
        return False  # "Ann Jones addressed the attack" (not "denied the attack": a teller)
    if relative_subject(text, hi, trigger):
        return not _inside(lo, quoted)
    return not _inside(lo, quoted) and not apart(text, lo, hi, trigger)


def _distance(lo: int, hi: int, trigger: tuple[int, int]) -> int:
    """Characters from the trigger; a place before it counts double (the teller's place)."""
    return max(0, lo - trigger[1], 2 * (trigger[0] - hi))


def _quotes(text: str, trigger: tuple[int, int]) -> tuple[list[tuple[int, int]], tuple | None]:
    """Quotations in ``text`` that do not hold the trigger word, and the one that does."""
    spans = [m.span() for m in re.finditer(r"[\"“][^\"“”]*[\"”]", text)]
    inner = next(((a, b) for a, b in spans if a <= trigger[0] < b), None)
    return [span for span in spans if span != inner], inner


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)
