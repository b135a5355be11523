"""Who a description stands for: "Ukraine's president", "the foreign secretary", "the ministry".

A news article names an actor once ("Foreign Secretary Mira Tal", "the Defence Ministry")
and then describes it ("the foreign secretary said", "the ministry said"). These rules
resolve such a description within the article:

- a **title** ("the president", "Ukraine's president", "the foreign secretary"): the
  person whose name the text puts that title before or beside ("President Tal", "Tal, the
  president of ..."), with every title word of the description ("foreign") and no
  conflicting place ("Ukraine's" is not "Russian President ...", nor a "President Biden"
  the text or the gazetteer ties to the US elsewhere); the one such person, else the last
  one named before within a few sentences;
- a **body** ("the ministry", "the British military", "the German government"): the
  organisation named in the article whose name holds that kind of word ("Defence Ministry"
  for "the ministry"; "defence", "army" or "command" for "the military"), and every word of
  its field ("defence" in "the defence ministry", "president" in "the president's office"),
  or for a government the country its place word names; the one such body, else the last
  one before.

:func:`parse` reads a description; :func:`titled_person` and :func:`named_body` find
whom it stands for. Pronoun-like fallbacks live in :mod:`workbench.actors.references`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.actors.cues import PREPOSITIONS
from workbench.actors.document import Document
from workbench.actors.gazetteer import fold
from workbench.actors.names import DEMONYMS, TITLE_WORDS
from workbench.actors.nationalities import places_agree

#: Title words that are no head noun of a description ("the first", "the state").
_NOT_HEADS = frozenset(
    """first state of for the affairs former acting top late then-president ex-president
    press national security special vice deputy foreign defence defense interior finance
    economy economic health energy kremlin white house pentagon un nato eu presidential mr
    mrs ms miss dr sir dame lord lady sen rep gov gen lt col maj adm capt sgt prof""".split()
)
#: Person nouns a description may end in beyond the titles ("the musician", "the analyst").
_PERSON_SUFFIXES = ("ist", "er", "or", "ian", "ant")
#: Nouns with a person's ending that are no person ("the paper said").
_NOT_PEOPLE = frozenset(
    "paper newspaper letter order monitor center centre chapter tracker poster number member "
    "water power border quarter matter government".split()
)
#: Person nouns without a person's ending ("the billionaire said", "the scholar explained").
_PERSON_NOUNS = frozenset(
    """billionaire millionaire tycoon oligarch mogul magnate scholar academic veteran pastor
    priest bishop cleric imam rabbi surgeon chef executive entrepreneur expert pundit critic
    host star actress poet celebrity athlete champion coach attorney candidate nominee
    monarch strongman boss chief colonel captain sergeant""".split()
)
#: Nouns with a person's ending that name bodies: "the operator said" (the body named before).
AGENT_BODIES = frozenset(
    """operator regulator broadcaster provider carrier manufacturer producer supplier
    exporter importer lender insurer retailer developer contractor distributor""".split()
)
#: Roles usually left unnamed: "the spokesperson said" names no one unless titled so.
ANONYMOUS = frozenset(
    "spokesperson spokesman spokeswoman official officer agent adviser advisor aide source "
    "diplomat worker employee resident witness person".split()
)
#: Kinds of body and the words their names hold ("the military": "Defence Ministry").
BODY_KINDS = {
    "ministry": ("ministry", "mod", "department"),
    "department": ("department", "ministry"),
    "military": ("military", "defence", "defense", "army", "forces", "command", "staff", "mod"),
    "army": ("army", "military", "forces"),
    "forces": ("forces", "army", "military"),
    "agency": ("agency",),
    "office": ("office",),
    "council": ("council",),
    "command": ("command",),
    "commission": ("commission",),
    "court": ("court",),
    "administration": ("administration",),
    "company": ("company", "corporation", "group"),
    "group": ("group",),
    "firm": ("firm", "company", "group"),
    "organisation": ("organisation", "organization"),
    "organization": ("organization", "organisation"),
}
#: Kinds of body whose own name seldom holds the kind's word ("the company" for Energoatom,
#: "the agency" for a ministry): with no body of the kind named, the body that spoke or
#: acted last stands for it (:func:`workbench.actors.references.described`).
GENERIC_BODIES = frozenset({"company", "group", "firm", "organisation", "organization", "agency"})
#: Words that tell bodies of one kind apart by their field ("the defence ministry", "the
#: president's office"): a body described with one is named with it, or a word it starts.
FIELDS = frozenset(
    """foreign defence defense interior internal home finance economy economic health energy
    justice emergency emergencies education culture agriculture transport trade environment
    president presidential prosecutor""".split()
)
#: Sentences back a description may reach for the last holder of its title.
RECENT = 3

_DESCRIPTION = re.compile(
    r"(?:^|(?<=[\s,(]))(?P<det>[Tt]he|(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['\u2019]s)"
    r"\s+(?P<mods>(?:[\w.'\u2019-]+\s+){0,5}?)(?P<noun>[A-Za-z][a-z-]+)"
    r"(?P<of>\s+of\s+(?:the\s+)?[\w' -]{1,30}?)?\s*$"
)
_TOKEN = re.compile(r"[\w.'\u2019-]+")


@dataclass(frozen=True)
class Description:
    """A description's head noun, the title words it requires, and the places it names."""

    noun: str
    titles: frozenset[str]
    places: frozenset[str]
    definite: bool
    owner: str = ""  # the body's own name when a place owns it: "Ukraine Foreign Ministry"
    fields: frozenset[str] = frozenset()  # words of :data:`FIELDS`: "defence", "president"

    @property
    def kind(self) -> str | None:
        """``"title"``, ``"body"``, ``"agent"`` (a body's noun), ``"person"``, or None."""
        if self.noun in BODY_KINDS or self.noun == "government":
            return "body"
        if self.noun in AGENT_BODIES:
            return "agent"
        if self.noun in TITLE_WORDS and self.noun not in _NOT_HEADS:
            return "title"
        if self.noun in ANONYMOUS:
            return "title"
        if self.noun in _PERSON_NOUNS:
            return "person"
        if self.noun.endswith(_PERSON_SUFFIXES) and self.noun not in _NOT_PEOPLE:
            return "person"
        return None


def parse(head: str) -> Description | None:
    """The description a subject ends in, or None.

    Example:
        >>> d = parse("Later, the foreign secretary")
        >>> d.noun, sorted(d.titles), d.kind
        ('secretary', ['foreign'], 'title')
        >>> sorted(parse("Ukraine's president").places)
        ['ukraine']
    """
    m = _DESCRIPTION.search(head)
    if m is None:
        return None
    words = _TOKEN.findall(m.group("mods") + " " + (m.group("of") or ""))
    owner = _TOKEN.findall(m.group("owner") or "")
    titles, places = set(), set()
    for word in words:
        key = _plain(word)
        if key in TITLE_WORDS and key not in DEMONYMS and key not in ("of", "the", "for"):
            titles.add(key)
        elif (word[:1].isupper() and not key.endswith("-based")) or key in DEMONYMS:
            places.add(key)
    places.update(_plain(w) for w in owner)
    definite = m.group("det").lower() == "the"
    noun = m.group("noun")
    if noun[0].isupper() and noun.lower() not in TITLE_WORDS:  # "the Red Cross": a name
        return None
    own = ""
    governed = head[: m.start()].split()[-1:] in ([p] for p in PREPOSITIONS)
    lead = words[:1] if words and words[0][:1].isupper() else []  # "the Kharkiv council"
    placed, rest = (owner, words) if owner else (lead, words[1:])
    if placed and not m.group("of") and not governed:
        own = " ".join([*placed, *(w[:1].upper() + w[1:] for w in rest), noun.capitalize()])
    fields = frozenset(_plain(w) for w in words) & FIELDS
    return Description(noun.lower(), frozenset(titles), frozenset(places), definite, own, fields)


def titled_person(doc: Document, desc: Description, pos: int) -> str | None:
    """The person the text gives the description's title: the only one, else the last one.

    A holder named only inside words another speaker reported counts where no holder is
    named elsewhere. A title a country owns ("Ukraine's president", "the Ukrainian
    president") is no one the article or the gazetteer ties to another country only: a
    holder whose mention names no place must have no other (:func:`_ties`).
    """
    people = mention_titles(doc)
    ties = person_ties(doc) if names_country(doc, desc) else {}
    holders = [
        (start, actor)
        for start, actor, titles, places in people
        if desc.noun in titles
        and desc.titles <= titles
        and places_agree(desc.places, places or ties.get(actor, frozenset()))
    ]
    free = [(start, actor) for start, actor in holders if not _reported(doc, start, actor, pos)]
    return _pick(doc, free or holders, pos)


def names_country(doc: Document, desc: Description) -> bool:
    """Whether a description names a country: a nationality word or a country the text names."""
    countries = {w for s in doc.named if s[3] == "GPE" for w in _name_words(s[2])}
    return any(p in DEMONYMS or p in countries for p in desc.places)


def person_ties(doc: Document) -> dict[str, frozenset[str]]:
    """The places the text gives each person anywhere, and the country the gazetteer gives.

    "U.S. President Joe Biden ... Mr. Biden": Biden is tied to the US in every mention.
    """
    if "ties" not in doc.memo:
        ties: dict[str, set[str]] = {}
        for _, actor, _, places in mention_titles(doc):
            ties.setdefault(actor, set()).update(places)
        for actor, country in (doc.memo.get("countries") or {}).items():
            if actor in ties:
                ties[actor].update({fold(country), *_name_words(country)})
        doc.memo["ties"] = {a: frozenset(p) for a, p in ties.items()}
    return doc.memo["ties"]


def named_next(doc: Document, desc: Description, pos: int) -> str | None:
    """The person given the title of an indefinite description right after ``pos``.

    "A defence minister said ... . Defence Minister Mira Tal said": a news report names
    the one it introduced that way in the next sentence or the one after, with every word
    of the title; a person named later, or without it, may be someone else.
    """
    here = doc.sentence_index(pos)
    holders = [
        (start, actor)
        for start, actor, titles, places in mention_titles(doc)
        if start > pos
        and doc.sentence_index(start) - here <= 2
        and desc.noun in titles
        and desc.titles <= titles
        and places_agree(desc.places, places)
    ]
    return min(holders)[1] if holders else None


def _reported(doc: Document, start: int, actor: str, pos: int) -> bool:
    """Whether a mention stands inside words another speaker reported before ``pos``.

    "President Tal said the plan would fail if President Ek attacked. '...,' the president
    told reporters": the holder of the title who speaks is Tal, who reported Ek's part.
    """
    return any(r[5] <= start < r[6] <= pos and r[1] != actor for r in doc.found)


def named_body(doc: Document, desc: Description, pos: int) -> str | None:
    """The body of the description's kind the article names: the only one, else the last."""
    if desc.noun == "government":
        if not desc.places:
            return None
        places = [
            (s[0], s[2])
            for s in doc.mentions
            if s[3] == "GPE" and places_agree(desc.places, _name_words(s[2]), strict=True)
        ]
        return _pick(doc, places, pos)  # one country's government, wherever it is named
    words = BODY_KINDS[desc.noun]
    bodies = [
        (s[0], s[2])
        for s in doc.mentions
        if s[3] == "ORG"
        and any(w in words for w in _name_words(s[2]))
        and _fields_agree(desc.fields, _name_words(s[2]))
        and places_agree(desc.places, _name_words(s[2]) | _words_before(doc, s[0]))
    ]
    # A body described with its country ("Ukraine's military") is that country's body of
    # its kind wherever the article names it ("the Armed Forces of Ukraine", later).
    owned = [
        (s[0], s[2])
        for s in doc.named
        if s[3] == "ORG"
        and desc.places
        and any(w in words for w in _name_words(s[2]))
        and _fields_agree(desc.fields, _name_words(s[2]))
        and places_agree(desc.places, _name_words(s[2]), strict=True)
    ]
    if owned:
        return _pick(doc, owned, pos)
    return _pick(doc, bodies, pos, later=False) or _own_name(doc, desc)


def placed_in(doc: Document, actor: str, places: frozenset[str]) -> bool:
    """Whether the text gives a body no place but ``places`` (by its name or a word before it).

    "the Ruritanian group" may be Harbour Gas, which the text gives no country, but not
    "Elbonia's Harbour Gas".
    """
    if not places:
        return True
    known = {w for s in doc.named if s[3] == "GPE" for w in _name_words(s[2])} | DEMONYMS
    own = {w for w in _name_words(actor) if w in known}
    return all(
        places_agree(places, own | _words_before(doc, s[0])) for s in doc.named if s[2] == actor
    )


def _own_name(doc: Document, desc: Description) -> str | None:
    """A body no name stands for, named after the place that owns it ("Ukraine Military").

    Not a generic body ("the Ruritanian company"): that is no body of the state.
    """
    if (
        not desc.owner
        or desc.noun in GENERIC_BODIES
        or not any(
            s[3] == "GPE" and places_agree(desc.places, _name_words(s[2]), strict=True)
            for s in doc.named
        )
    ):
        return None
    return desc.owner


def _pick(
    doc: Document, found: list[tuple[int, str]], pos: int, *, later: bool = True
) -> str | None:
    """The one actor found, else the last one before ``pos`` within :data:`RECENT` sentences.

    With none before, the first one after (if ``later``): a lede describes a person the
    article names later; a body described first ("the military said") may be another.
    """
    actors = {a for _, a in found}
    if len(actors) == 1 and (later or found[0][0] < pos):
        return actors.pop()
    before = [(start, a) for start, a in found if start < pos]
    if not before:  # named only later ("Ukraine's president said ... said President Tal")
        return min(found)[1] if found and later else None
    start, actor = max(before)
    recent = doc.sentence_index(pos) - doc.sentence_index(start) <= RECENT
    return actor if recent else None


def mention_titles(doc: Document) -> list[tuple[int, str, frozenset[str], frozenset[str]]]:
    """Each person mention with the title words and place words the text gives it."""
    if "titles" not in doc.memo:
        doc.memo["titles"] = [
            (s[0], s[2], *_title_words(doc.text, s[0], s[1]))
            for s in doc.mentions
            if s[3] == "PERSON"
        ]
    return doc.memo["titles"]


def _title_words(text: str, start: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
    """Title and place words before a name, inside its span, and in an apposition beside it."""
    before = _TOKEN.findall(text[max(0, start - 60) : start])
    titles, places = set(), set()
    inside = _TOKEN.findall(text[start:end])
    while inside and _plain(inside[0]) in TITLE_WORDS:  # a span that holds its title
        titles.add(_plain(inside.pop(0)))
    for word in reversed(before):
        key = _plain(word)
        if _ends_sentence(word) and key not in TITLE_WORDS:
            break  # "aid to Ukraine. Mr. Biden": a word of the sentence before
        if key in TITLE_WORDS:
            titles.add(key)
        elif word[:1].isupper() or key in DEMONYMS:
            places.add(key)
        else:
            break
    beside = re.match(
        r",\s+(?:(?:the|a|an|[A-Z][\w.-]*['\u2019]s)\s+)?([^,.;()\"]{1,60})", text[end:]
    )
    lead = re.search(r"\b([a-z]+),\s*$", text[max(0, start - 30) : start])
    for word in _TOKEN.findall(beside.group(1) if beside else "") + (
        [lead.group(1)] if lead else []
    ):
        key = _plain(word)
        if key in TITLE_WORDS and key not in _NOT_HEADS or word[:1].isupper() or key in DEMONYMS:
            (titles if key in TITLE_WORDS else places).add(key)
    return frozenset(titles - {"of", "the", "for"}), frozenset(places)


def _ends_sentence(word: str) -> bool:
    """Whether a word before a name closes the sentence before ("Ukraine." not "U.S." or "Mr.")."""
    return word.endswith(".") and "." not in word[:-1] and len(word) > 3


def _fields_agree(fields: frozenset[str], words: frozenset[str]) -> bool:
    """Whether a body's name words hold every field word of its description.

    A word agrees with one it shares its first five letters with ("defence", "defense";
    "president", "presidential"), or that it is (a short word: "home").
    """
    return all(any(f == w or (len(f) >= 5 and w[:5] == f[:5]) for w in words) for f in fields)


def _name_words(name: str) -> frozenset[str]:
    return frozenset(_plain(w) for w in fold(name).split())


def _words_before(doc: Document, start: int) -> frozenset[str]:
    """Place words right before a mention ("Ukraine's Operational Command")."""
    words = _TOKEN.findall(doc.text[max(0, start - 25) : start])
    return frozenset(_plain(w) for w in words[-2:] if w[:1].isupper() or _plain(w) in DEMONYMS)


def _plain(word: str) -> str:
    """A word folded, without its possessive or full stop: ``Ukraine's`` -> ``ukraine``."""
    return re.sub(r"['\u2019]s?$", "", word.casefold().rstrip("."))
