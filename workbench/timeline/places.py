"""Places in a timeline: where in a sentence an event happens, and the places table.

:func:`is_scene` reads the words before a place name: "in", "at", "near" + the
place is where something happens, and so is the place behind modifiers and a
place noun ("in the Russia-controlled city of Enerhodar", "near the besieged
port of Mariupol", "Russia-held Kherson", "the town of Olenivka") or an owner ("at
NATO's Brussels headquarters"); a journey's destination is where a gathering joined
to it happens ("travelled to Avalon and met", "visits the base 'Camp Avalon' to meet"),
and violence lands "into" a place; "the war in Ukraine" names the subject of the
coverage instead, and "officials in Kherson" where someone is; where people are is
no gathering's place ("honoured Ukrainians in the U.S."). A visit's place may be its
object ("visited Kyiv"), and violence's the place just after it ("shelled Kharkiv",
"attack on Kharkiv", "the shelling of Mykolaiv", "was hit over the Donetsk region"),
the subject of its passive verb ("Kharkiv was shelled", "Odesa came under attack",
"the Avalon airbase in Ruritania region was hit"), or the place it sets out to take
("an offensive to seize the Donbas region").
"The city" (town, village) with no name is the city named last before it, when no other
place competes (:func:`definite_scene`, :func:`antecedent`: "Ann Jones lives in Kharkiv.
Strikes on the outskirts of the city ..."). :func:`places_table` counts the place
mentions and resolves each place once.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from workbench.core.places import resolve_place
from workbench.timeline.clauses import OTHER_CLAUSE

# Words that may stand between a preposition and a place: "the Russia-controlled (city of)".
_MODIFIER = (
    r"(?:[\w.'’]+-(?:controlled|held|occupied|backed|annexed|installed|run)|occupied|besieged"
    r"|embattled|annexed|liberated|recaptured|front-?line|(?:north|south)?-?(?:east|west)ern"
    r"|(?:north|south)-?(?:east|west)"
    r"|northern|southern|central|nearby|neighbou?ring|key|strategic|coastal|industrial|capital"
    r"|port|small)"
)
_PLACE_NOUN = (
    r"(?:city|cities|town|towns|village|villages|region|regions|district|districts|province"
    r"|provinces|port|capital|oblast|area|outskirts|suburbs?|settlement|state)"
)
# An owner before the place: "at NATO's Brussels headquarters", "in Avalon's Kharkiv region".
_OWNER = r"(?:(?-i:[A-Z])[\w.-]*['’]s\s+)?"
_APPROACH = (
    rf"(?:the\s+|a\s+)?{_OWNER}(?:{_MODIFIER}\s+){{0,2}}"
    rf"(?:{_PLACE_NOUN}\s+of\s+(?:the\s+)?)?$"
)
_LOCATIVE = re.compile(rf"\b(?:in|at|near|outside|inside|across)\s+{_APPROACH}", re.I)
_DESTINATION = re.compile(rf"\b(?:to|in|at)\s+{_APPROACH}", re.I)
# "the town of Olenivka", "Russia-held Kherson": a place whatever comes before.
_NAMED_PLACE = re.compile(
    rf"(?:\b{_PLACE_NOUN}\s+of\s+(?:the\s+)?|[\w.'’]+-(?:controlled|held|occupied)\s+"
    r"|\b(?:occupied|besieged|liberated|recaptured)\s+)$",
    re.I,
)
# The target of violence: "attack on the port city of Odesa", "shelled Kharkiv".
_TARGET = re.compile(
    rf"\b(?:on|against)\s+(?:the\s+|a\s+)?(?:{_MODIFIER}\s+){{0,2}}{_PLACE_NOUN}\s+of\s+$", re.I
)
_OBJECT = re.compile(r"^\s+(?:the\s+)?$")
# "attack on Kharkiv", "strikes against the port of Odesa", "shelling of Mykolaiv": the
# place just after violence and "on", "against" or "of" is its target.
_TARGET_AFTER = re.compile(
    rf"^\s+(?:on|upon|against|of)\s+(?:the\s+)?(?:{_MODIFIER}\s+){{0,2}}"
    rf"(?:{_PLACE_NOUN}\s+of\s+(?:the\s+)?)?$",
    re.I,
)
# "an offensive to seize the Donbas region": the place violence sets out to take.
_TO_TAKE = re.compile(
    r"^\s+(?:aimed\s+at\s+|in\s+order\s+)?to\s+(?:seize|capture|take|retake|recapture"
    r"|encircle|surround|storm|take\s+control\s+of|gain\s+control\s+of)\s+"
    rf"(?:the\s+)?(?:{_MODIFIER}\s+){{0,2}}(?:{_PLACE_NOUN}\s+of\s+(?:the\s+)?)?$",
    re.I,
)
# "missiles were fired into Ukraine": where violence lands.
_INTO = re.compile(rf"\binto\s+{_APPROACH}", re.I)
# "travelled to Avalon and met": the destination of the journey joined to a gathering.
# "visits the Italian-run military base 'Camp Avalon' to meet": a visit's object.
_TRAVEL = re.compile(
    rf"\b(?:(?:travel+ed|travels|flew|flies|went|goes|came|comes|arrived|arrives|headed)\s+"
    rf"(?:to|in)\s+{_APPROACH}|visit(?:s|ed|ing)?\s+(?:the\s+|a\s+)?{_OWNER}"
    rf"(?:{_MODIFIER}\s+|military\s+|air\s+|naval\s+){{0,3}}"
    r"(?:(?:base|camp|plant|station|site|facility|hospital|school)\s+)?[\"“]?)$",
    re.I,
)
# "... and met", "... to meet": the gathering the journey was for.
_JOINED_VERB = re.compile(r"^[\"”]?\s+(?:and\s+(?:then\s+|later\s+)?|to\s+)$", re.I)
# "was hit over the Donetsk region", "shot down over Ukraine": just after the trigger.
_OVER = re.compile(rf"\bover\s+{_APPROACH}", re.I)
#: Characters between a violence trigger and a place after "over", at most.
OVER_WINDOW = 30
# "officials in Ukraine's east", "an institute based in Washington": where someone is.
_RESIDENT = re.compile(
    r"\b(?:officials?|governor|mayor|authorities|residents?|spokes(?:man|woman|person)"
    rf"|ambassador|envoy|embassy|consulate|correspondent|reporters?|based)\s+(?:in|at)\s+{_APPROACH}",
    re.I,
)
# "the war in Ukraine" names the subject of the coverage, not where an event took place.
_TOPICAL = re.compile(
    r"\b(?:war|conflict|crisis|peace|situation|violence|aggression|fighting|invasion"
    r"|interests?|role|sovereignty|security|stability|future|people|involvement"
    r"|devastation|destruction|damage|suffering|tensions?)\s+"
    r"(?:in|at|to|from|across)\s+(?:the\s+)?$",
    re.I,
)


# "Kharkiv was shelled", "Odesa, a port city, came under heavy attack": the subject of a
# passive violence verb is its target.
_PASSIVE_SUBJECT = re.compile(
    r"^(?:['’]s\s+[\w-]+\s+)?\s*(?:,[^,]{1,60},\s*)?"
    r"(?:\s+(?:in|near|outside)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]+\s+){1,2}"
    r"(?:(?:region|oblast|province|district)\s+)?)?(?:was|were|is|are|has been|have been"
    r"|had been|is being|are being|was being|were being|came under|comes? under|got|get)"
    r"\s+(?:[\w-]+\s+)?$",
    re.I,
)


# "Ukrainians in the U.S.", "forces in Europe": where people are, not where a gathering is.
_PEOPLE_IN = re.compile(
    r"\b(?:(?-i:[A-Z])[a-z]+(?:ians|ans|ese)|people|citizens|nationals|refugees|diaspora"
    r"|communit(?:y|ies)|families|troops|soldiers|forces|civilians)\s+(?:in|across)\s+"
    rf"(?:the\s+)?(?:{_MODIFIER}\s+)?$",
    re.I,
)


def is_locative(before: str) -> bool:
    """Whether the words before a place make it a location ("in", "at", "near" + place)."""
    return bool(_LOCATIVE.search(before))


def is_scene(
    before: str,
    *,
    visit: bool = False,
    violence: bool = False,
    from_trigger: str | None = None,
    to_trigger: str | None = None,
) -> bool:
    """Whether the place a sentence names after ``before`` is where its event happens.

    Not, for a gathering, where people are ("honoured Ukrainians in the U.S.").

    Args:
        before: The sentence's words just before the place name (40 characters suffice).
        visit: The event is a visit, whose place follows "to" ("a trip to Kyiv").
        violence: The event is an attack or strike, whose target is its place.
        from_trigger: The words between the trigger word and the place, when the place
            comes after it: "shelled Kharkiv" (nothing between) puts the shelling there.
        to_trigger: The words between the place and the trigger word, when the place comes
            before it: "Kharkiv was shelled" puts the shelling there.
    """
    if _TOPICAL.search(before) or _RESIDENT.search(before):
        return False
    if not violence and _PEOPLE_IN.search(before):
        return False
    if (_DESTINATION if visit else _LOCATIVE).search(before) or _NAMED_PLACE.search(before):
        return True
    if visit and from_trigger is not None and _OBJECT.match(from_trigger):
        return True  # "visited Kyiv"
    if to_trigger is not None and _TRAVEL.search(before) and _JOINED_VERB.match(to_trigger):
        return True  # "travelled to Avalon and met", "flew to Avalon to meet"
    if not violence:
        return False
    if _INTO.search(before):
        return True
    if to_trigger is not None and _PASSIVE_SUBJECT.match(to_trigger):
        return True
    if from_trigger is not None and len(from_trigger) <= OVER_WINDOW and _OVER.search(before):
        return True
    return bool(_TARGET.search(before)) or (
        from_trigger is not None
        and bool(
            _OBJECT.match(from_trigger)
            or _TARGET_AFTER.match(from_trigger)
            or _TO_TAKE.match(from_trigger)
        )
    )


# A scene told by a definite place noun with no name, "the city" of a city named before:
# "attacks on the outskirts of the city", "fighting in the town", "just outside of the rural
# village" (not "the nearby village", another one).
_DEFINITE_SCENE = re.compile(
    r"\b(?:(?:in|at|near|outside|inside|across|on|upon|against|of)\s+the\s+"
    r"(?:(?:north|south|east|west)(?:ern)?\s+)?(?:outskirts|suburbs?|centre|center|edge)"
    r"\s+of\s+|(?:in|at|near|outside|inside|across)\s+(?:of\s+)?)the\s+"
    r"(?:(?!(?:other|nearby|neighbou?ring|next|adjacent|same)\b)[a-z-]+\s+){0,2}?"
    r"(?:city|town|village)\b(?!\s+of\b)",
    re.I,
)
# Only the trigger's own words before such a noun: "attacks on (the outskirts of) the city".
_DEFINITE_TARGET = re.compile(
    r"^\s+(?:on|upon|against|of)\s+the\s+(?:city|town|village)\b(?!\s+of\b)", re.I
)


def definite_scene(text: str, trigger: tuple[int, int], window: int) -> bool:
    """Whether an event's scene is "the city" (or town, village), named only by its noun.

    In the trigger's clause and within ``window`` characters after the trigger, or told
    as violence's target just after it ("strikes on the city"); the city meant is one
    named before it (:func:`antecedent`).
    """
    after = text[trigger[1] : trigger[1] + window]
    m = _DEFINITE_SCENE.search(after)
    return bool(_DEFINITE_TARGET.match(after)) or (
        m is not None and not OTHER_CLAUSE.search(after[: m.start()])
    )


def antecedent(places: list[tuple[int, str]], before: int) -> str | None:
    """The city that "the city" at offset ``before`` stands for: the last place named, a city.

    ``places`` are ``(offset, place)`` in text order. Countries are passed over ("in
    Sloviansk, Ukraine"); another kind of place, none, or two cities named together
    ("officials in Kharkiv and Odesa", within :data:`RIVAL_WINDOW` characters) leave it
    unknown.
    """
    cities = [(o, p) for o, p in places if o < before and _kind(p) != "country"]
    if not cities or _kind(cities[-1][1]) != "city":
        return None
    offset, place = cities[-1]
    if any(p != place and offset - o <= RIVAL_WINDOW for o, p in cities[:-1]):
        return None
    return place


#: Characters before the city "the city" stands for in which another place makes it unsure.
RIVAL_WINDOW = 60


def named_places(mentions: pd.DataFrame) -> dict[str, list[tuple[int, str]]]:
    """Each document's place mentions (``place`` set) as ``(start, place)`` in text order."""
    if not {"doc_id", "start", "place"} <= set(mentions.columns):
        return {}
    placed = mentions.loc[mentions["place"].map(lambda p: isinstance(p, str)).astype(bool)]
    out: dict[str, list[tuple[int, str]]] = {}
    for doc_id, start, place in zip(
        placed["doc_id"], placed["start"], placed["place"], strict=True
    ):
        out.setdefault(doc_id, []).append((int(start), place))
    return {d: sorted(v) for d, v in out.items()}


@lru_cache(maxsize=8192)
def _kind(place: str) -> str:
    return resolve_place(place).kind


PLACE_COLUMNS = [
    "place",
    "kind",
    "country",
    "lat",
    "lon",
    "n_mentions",
    "n_docs",
    "surfaces",
    "ambiguous",
    "alternatives",
]


def places_table(place_mentions: pd.DataFrame) -> pd.DataFrame:
    """Count place mentions and resolve each place once.

    Args:
        place_mentions: One row per mention with ``doc_id``, ``surface`` and ``place``
            (the canonical name).

    Returns:
        :data:`PLACE_COLUMNS`, most mentioned first; ``lat``/``lon`` missing where the
        place could not be resolved; ``surfaces`` (the spellings seen, commonest first) and
        ``alternatives`` (other places of the name) are lists.
    """
    if place_mentions.empty:
        return pd.DataFrame(columns=PLACE_COLUMNS)
    grouped = place_mentions.groupby("place", sort=False)
    counts = grouped.agg(n_mentions=("doc_id", "size"), n_docs=("doc_id", "nunique"))
    surfaces = {place: list(s.value_counts().index[:8]) for place, s in grouped["surface"]}
    counts["surfaces"] = counts.index.map(surfaces)
    rows = []
    for place, row in counts.iterrows():
        p = resolve_place(place)
        rows.append(
            (
                place,
                p.kind,
                p.country,
                p.lat,
                p.lon,
                int(row.n_mentions),
                int(row.n_docs),
                row.surfaces,
                p.ambiguous,
                list(p.alternatives),
            )
        )
    out = pd.DataFrame(rows, columns=PLACE_COLUMNS)
    return out.sort_values(["n_mentions", "place"], ascending=[False, True]).reset_index(drop=True)
