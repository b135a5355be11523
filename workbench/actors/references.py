"""Whom a pronoun or a description stands for: the antecedents the speaker rules read.

"he" or "she" is the last person named as an acting subject, or the person who spoke
just before, never someone the text marks as the other sex (:mod:`genders`), and no one
when an unnamed person ("a former official") is a nearer subject (:mod:`unnamed`); "it" the
last body that spoke or acted. A description ("the foreign secretary", "the ministry",
"the report") is the title or body the article names (:mod:`descriptions`), else the
person last named as a speaker nearby; a body's noun ("the operator") the body that last
spoke or acted.
"""

from __future__ import annotations

import re

from workbench.actors import compatriots, descriptions, genders, introductions, unnamed
from workbench.actors.cues import ADV, CUES, PREPOSITIONS
from workbench.actors.document import Document

#: Nouns of the texts bodies put out ("the report said": whoever put it out).
DOC_NOUNS = "report|statement|post|release|update|assessment|bulletin|briefing|message"
_DOCUMENT = re.compile(r"\b[Tt]he\s+(?:[a-z]+\s+)?(?:" + DOC_NOUNS + r")\s*$")
_OWNED_DOCUMENT = re.compile(r"['\u2019]s\s+(?:[a-z]+\s+)?(?:website|" + DOC_NOUNS + r")\s*$")
#: A text that a pronoun owns: "his order stated", "its statement said".
_PRONOUN_DOCUMENT = re.compile(
    r"\b(?P<p>[Hh]is|[Hh]er|[Ii]ts)\s+(?:[a-z]+\s+)?"
    r"(?:" + DOC_NOUNS + r"|order|letter|decree|tweet)(?:\s+" + ADV + r")*\s*$"
)
_POSSESSIVES = {"his": "he", "her": "she", "its": "it"}
#: A role noun after a body's name, then a speech verb: "Harbour Aid staff reported".
_VOICE = re.compile(
    r"\s+(?:spokesperson|spokesman|spokeswoman|spokespeople|staff|officials?|sources?)"
    r"(?:\s+" + ADV + r")*\s+(?:" + "|".join(CUES) + r")\b"
)
#: A long aside after a name, then the verb, perhaps after a time ("on Monday", "later").
_ASIDE_VERB = re.compile(
    r",[^;:\"()]{1,140}?,\s+(?:(?:on|last|this|late|early)\s+\w+\s+|(?:also|later|then)\s+)?"
    r"([a-z]+)\b"
)


def antecedent(doc: Document, pos: int, pronoun: str, *, bodies_only: bool = False) -> str | None:
    """Who a pronoun before ``pos`` stands for (never someone a photo caption shows).

    "he" or "she": the last person named as a subject outside quotation marks (else the last
    person named), or the person who spoke after that in the last few sentences
    (:func:`_speaking_person`), or no one when an unnamed person is the subject of a
    clause between that person and the pronoun ("a former official said ... . He added":
    :func:`workbench.actors.unnamed.blocks`); "it": the last body that spoke or acted
    ("Kyiv said"), or whose staff spoke ("Harbour Aid staff reported"), only an
    organisation for a body's noun ("the agency": not a country); "they": no one.
    """
    if pronoun.lower() in ("he", "she"):
        sex = "f" if pronoun.lower() == "she" else "m"
        people = [
            s
            for s in doc.mentions
            if s[1] <= pos
            and s[3] == "PERSON"
            and marked_sex(doc, s[2]) in ("", sex)
            and not doc.in_caption(s[0])
        ]
        subjects = [s for s in people if doc.subject_like(s) and not _reported_in(doc, s, pos)]
        named = [s for s in subjects if doc.acts(s) or _acts_after_aside(doc, s)]
        if (new := _introduced(doc, pos, people)) is not None:
            return _answerer(doc, pos, new, sex)
        named = named or subjects or people
        last = (named[-1][0], named[-1][2]) if named else (-1, None)
        found = max(last, _speaking_person(doc, pos, last[0], sex))
        if found[1] is not None and unnamed.blocks(doc, found[0], pos):
            return None  # "a former official said ... . He added": no one named
        return _answerer(doc, pos, found[1], sex)
    if pronoun.lower() != "it":
        return None
    return max(_bodies(doc, pos, bodies_only=bodies_only), default=(0, None))[1]


#: A question put to someone a pronoun stands for: "Tal asked him if", "Tal then asked her:".
#: Not "asked her staff": the pronoun is the object, and a question or its topic follows.
_ASKED_PRONOUN = re.compile(
    r"\s+(?:[a-z]+\s+)?asked\s+(?P<o>him|her)"
    r"(?:\s+(?:if|whether|about|what|why|how|when|where|who|which)\b|\s*[,.:?])"
)


def _answerer(doc: Document, pos: int, who: str | None, sex: str) -> str | None:
    """Who answers a question: not its asker, but the one asked ("Tal asked him ... he said").

    When the person a pronoun would stand for last asked "him" (or "her", for "she") in
    this sentence or the one before, the pronoun is the one asked: whom "him" stands for,
    the person a pronoun there would stand for before the asker is named.
    """
    if who is None:
        return None
    since = doc.previous_sentence_start(pos)
    asker = [s for s in doc.mentions if s[2] == who and since <= s[0] < pos]
    if not asker:
        return who
    asked = _ASKED_PRONOUN.match(doc.text, asker[-1][1])
    if asked is None or asked.group("o") != ("her" if sex == "f" else "him"):
        return who
    return antecedent(doc, asker[-1][0], "she" if sex == "f" else "he")


def recent_body(doc: Document, pos: int, desc: descriptions.Description) -> str | None:
    """The organisation that spoke last, when it spoke within a few sentences before ``pos``.

    What a generic body noun stands for ("the company", "the Ruritanian group") when the
    article names no body of that kind: it goes on with the body that just spoke ("Harbour
    Gas said ... . The company said"), if the text gives that body no other country than
    the description does. After anyone else's words it is no one the text says.
    """
    before = [r for r in doc.found if r[5] < pos]
    if not before:
        return None
    last = max(before, key=lambda r: r[5])
    if doc.sentence_index(pos) - doc.sentence_index(last[5]) > descriptions.RECENT:
        return None
    who = last[1]
    if doc.types.get(who) != "ORG" or not descriptions.placed_in(doc, who, desc.places):
        return None
    return who


def _bodies(doc: Document, pos: int, *, bodies_only: bool) -> list[tuple[int, str]]:
    """Where a body spoke or acted before ``pos``, and which (``it``'s candidates)."""
    kinds = ("ORG",) if bodies_only else ("ORG", "GPE")
    acted = [
        (s[0], s[2])
        for s in doc.subjects
        if s[1] <= pos
        and s[3] in kinds
        and doc.acts(s)
        and not _reported_in(doc, s, pos)
        and not doc.in_caption(s[0])
    ]
    spoke = [(r[5], r[1]) for r in doc.found if r[5] < pos and doc.types.get(r[1]) in kinds]
    voiced = [  # "Harbour Aid staff reported ...": the body spoke through its staff
        (s[0], s[2])
        for s in doc.mentions
        if s[1] <= pos
        and s[3] == "ORG"  # a body, not a country: "a Ruritanian official" is no one's voice
        and doc.modifier(s)
        and _VOICE.match(doc.text, s[1])
        and not _reported_in(doc, s, pos)
        and not doc.in_caption(s[0])
    ]
    return acted + spoke + voiced


_OPENS_WITH_PRONOUN = re.compile(r"[\s\"']*(?:He|She)\b")


def _introduced(doc: Document, pos: int, people: list[tuple]) -> str | None:
    """The one person the sentence before introduces, for a pronoun opening the next one.

    "The refugees were helped by the local MP, Mira Tal. She said: ...": a person named
    there for the first time (not in words reported there, nor as an owner), and no other
    person, is whom the pronoun that opens the next sentence stands for, not someone who
    spoke before; unless that sentence goes on about someone a pronoun stands for ("He
    spoke to Dan Ek. He said": not Ek).
    """
    here = doc.sentence_index(pos)
    if here == 0 or doc.text[doc.sents[here][0] : pos].strip(" \"'"):
        return None  # the pronoun does not open its sentence
    lo, hi = doc.sents[here - 1]
    if _OPENS_WITH_PRONOUN.match(doc.text, lo, hi):
        return None  # "He spoke to Dan Ek, saying ... . He said": the topic goes on
    before = {s[2] for s in doc.mentions if s[0] < lo and s[3] == "PERSON"}
    there = {s[2] for s in doc.mentions if lo <= s[0] < hi and s[3] == "PERSON"}
    new = {
        s[2]
        for s in people
        if lo <= s[0] < hi
        and s[2] not in before
        and not doc.text.startswith(("'s", "\u2019s"), s[1])  # "on Ek's part"
        and not any(r[5] <= s[0] < r[6] for r in doc.found)  # "Ek must stop, Tal said"
    }
    return new.pop() if len(there) == 1 and len(new) == 1 else None


def _reported_in(doc: Document, span: tuple, pos: int) -> bool:
    """Whether a subject stands inside words reported before ``pos`` ("Tal said Ek left").

    The one who speaks stays the topic: in "The council said Ruritania had left. It added
    ..." "it" is the council, not the subject of the words it reported. So it is in the
    sentence being read ("Tal said Ek had left, as he said ...": Tal), whose reported words
    so far are ``doc.memo["pending"]`` (they run on to ``pos``).
    """
    if any(r[5] <= span[0] < r[6] <= pos and r[1] != span[2] for r in doc.found):
        return True
    for r in doc.memo.get("pending") or ():
        if r[1] == span[2] or not r[5] <= span[0] < pos:
            continue
        edge = _CLAUSE_BREAK.search(doc.text, r[5], pos)  # "..., while Ek heralded ..."
        if edge is None or span[0] < edge.start():
            return True
    return False


#: Where reported words end before a clause of the sentence's own: "Tal said the port was
#: shut, while Ek said ...", "...; Ek said".
_CLAUSE_BREAK = re.compile(r",\s+(?:while|whereas|but)\s|;\s")


def marked_sex(doc: Document, actor: str) -> str:
    """The sex ("f", "m") the document marks a person with (:mod:`genders`), else ""."""
    marks = doc.memo.get("sexes")
    if marks is None:
        found: dict[str, set[str]] = {}
        for s in doc.mentions:
            if s[3] == "PERSON":
                found.setdefault(s[2], set()).add(genders.span_mark(doc.text, s[0], s[1]))
        marks = doc.memo["sexes"] = {
            a: next(iter(v - {""})) for a, v in found.items() if len(v - {""}) == 1
        }
    return marks.get(actor, "")


#: Words that make a title one office ("the foreign secretary", "the deputy mayor"),
#: which no one the text names without that title holds.
_OFFICES = descriptions.FIELDS | frozenset({"vice", "deputy"})
#: A description with an indefinite article, to the end of the subject (a place it is in
#: may follow: "an official in the southern region").
_INDEFINITE = re.compile(
    r"(?:^|[\s,(])[Aa]n?\s+((?:[\w.'\u2019-]+\s+){0,5}[a-z][a-z-]+"
    r"(?:\s+(?:in|of|for|at|from)\s+(?:the\s+)?(?:[\w.'\u2019-]+\s+){0,3}[a-z][a-z-]+)?)\s*$"
)
#: Titles of a group of people, one of whom speaks ("an official": which, the text may
#: never say).
_GROUP_TITLES = frozenset({"official", "source", "officer", "diplomat"})
#: How many sentences back the last speaker is still the one a pronoun continues.
SPEAKER_REACH = 2


def _speaking_person(doc: Document, pos: int, after: int, sex: str) -> tuple[int, str | None]:
    """The person who spoke last before ``pos``, after the mention at ``after``.

    A pronoun continues the speaker of the words just quoted: in '"...," Tal, an analyst
    at the institute, said. He added ...' "he" is Tal even where Tal is a name no mention
    covers and a person named before him acted. The speaker of a row found in the
    sentence of ``pos`` or the :data:`SPEAKER_REACH` before counts ("The president said
    ... . According to reports, ... . He said": the president), unless the text types it
    as no person or marks it with another ``sex`` than the pronoun's.
    """
    here = doc.sentence_index(pos)
    since = doc.sents[max(0, here - SPEAKER_REACH)][0] if doc.sents else 0
    rows = [
        (r[5], r[1])
        for r in doc.found
        if after < r[5] < pos
        and r[5] >= since
        and isinstance(r[1], str)
        and doc.types.get(r[1], "PERSON") == "PERSON"
        and (not sex or marked_sex(doc, r[1]) in ("", sex))
    ]
    return max(rows, default=(-1, None))


def _acts_after_aside(doc: Document, span: tuple) -> bool:
    """A person followed by a long aside and a verb ("Tal, head of the ..., branded")."""
    after = _ASIDE_VERB.match(doc.text, span[1], span[1] + 160)
    return after is not None and (after.group(1).endswith(("ed", "s")) or after.group(1) in CUES)


def _last_speaker(doc: Document, pos: int) -> str | None:
    """The speaker of the last words reported within a few sentences before ``pos``."""
    before = [r for r in doc.found if r[5] < pos and r[1] is not None]
    last = max(before, key=lambda r: r[5], default=None)
    if last is not None and doc.sentence_index(pos) - doc.sentence_index(last[5]) <= 3:
        return last[1]
    return None


def described(doc: Document, head: str, pos: int) -> str | None:
    """Whom a description ending ``head`` stands for ("the foreign secretary", "the ministry").

    A title or body named in the article (:mod:`workbench.actors.descriptions`); else, for
    a person noun ("the musician"), the person last named as a speaker within two sentences
    before, or the person who speaks at the start of the next sentence ("..., the region's
    governor said. Tal wrote"). A role usually left unnamed ("the spokesperson") is no one
    unless the text gives someone that title. An indefinite or possessed description ("a
    soldier", "Ruritania's energy company"), or any in the article's first sentence, that
    stands for no one named before is the actor the next sentence introduces
    (:mod:`workbench.actors.introductions`).
    """
    if owned := _PRONOUN_DOCUMENT.search(head):  # "his statement said": the one he stands for
        return antecedent(doc, pos, _POSSESSIVES[owned.group("p").lower()])
    if _DOCUMENT.search(head):  # "the report said": whoever put out what was last reported
        return _last_speaker(doc, pos)
    head = _OWNED_DOCUMENT.sub("", head)  # "the ministry's website": the ministry
    if (indefinite := _INDEFINITE.search(head)) is not None:
        desc = descriptions.parse("the " + _noun_phrase(indefinite.group(1)))
        if desc is not None and desc.kind is not None:
            return _indefinite(doc, desc, pos)
    desc = descriptions.parse(head)
    if desc is None:
        return None
    # a description nothing named before stands for: "Ruritania's energy company said"
    introducing = not desc.definite or doc.sentence_index(pos) == 0
    if desc.kind is None:  # "the world's nuclear watchdog said": a body introduced next
        intro = introducing and desc.noun in introductions.BODY_NOUNS
        return introductions.introduced(doc, pos, "ORG") if intro else None
    if desc.kind in ("body", "agent"):
        found = _body(doc, desc, pos)
        return found or (introductions.introduced(doc, pos, "ORG") if introducing else None)
    found = descriptions.titled_person(doc, desc, pos)
    if found is not None or desc.noun in descriptions.ANONYMOUS:
        if found is None and introducing:
            found = introductions.introduced(doc, pos, "PERSON", quoted=True)
        return found
    if desc.definite and not desc.places and not desc.titles & _OFFICES:
        # "the NATO chief", not "the foreign secretary": an office no one named holds
        found = _recent_person(doc, pos, _speaking_person(doc, pos, -1, "")[0])
    elif desc.places and not desc.titles & _OFFICES:
        found = compatriots.compatriot(doc, desc, pos)  # "the Ruritanian leader"
    return found or _next_subject(doc, pos)


def _indefinite(doc: Document, desc: descriptions.Description, pos: int) -> str | None:
    """Whom an indefinite description stands for: someone the next sentences name.

    "a defence minister said ... . Defence Minister Tal said": the one given its title
    (:func:`descriptions.named_next`), or whose comments are named; a role usually left
    unnamed ("an official"), a person noun ("a soldier") or a body's noun ("a watchdog"):
    the actor the next sentence introduces (:mod:`workbench.actors.introductions`).
    """
    if desc.kind == "title":
        group = desc.noun in _GROUP_TITLES
        found = None if group else descriptions.named_next(doc, desc, pos)
        if found is None and desc.noun in descriptions.ANONYMOUS:  # "an official said"
            return introductions.introduced(doc, pos, "PERSON", quoted=True)
        return found or introductions.author_named(doc, pos)
    return introductions.introduced(doc, pos, "PERSON" if desc.kind == "person" else "ORG")


def _body(doc: Document, desc: descriptions.Description, pos: int) -> str | None:
    """The body a body's description stands for: one of its kind named, or that spoke last."""
    if desc.kind == "agent":  # "the operator said": the body that last spoke or acted
        return antecedent(doc, pos, "it", bodies_only=True)
    found = descriptions.named_body(doc, desc, pos)
    if found is None and desc.noun in descriptions.GENERIC_BODIES:
        found = recent_body(doc, pos, desc)  # "Energoatom said ... . The company said"
    return found


def _noun_phrase(words: str) -> str:
    """The words of a noun phrase before a preposition ("senior aide" of "senior aide to the")."""
    kept = []
    for word in words.split():
        if word in PREPOSITIONS:
            break
        kept.append(word)
    return " ".join(kept)


def _recent_person(doc: Document, pos: int, spoke: int) -> str | None:
    """The person last named as an acting subject within two sentences before ``pos``.

    Else the one who spoke there: ``spoke`` is where the words of the last person who spoke
    start (-1 for none): "'...,' Tal said. The city fell in May. The reporter continued:
    '...'": Tal.
    """
    people = [
        (s[0], s[2])
        for s in doc.subjects
        if s[1] <= pos and s[3] == "PERSON" and doc.acts(s) and not doc.in_caption(s[0])
    ]
    here = doc.sentence_index(pos)
    people = [p for p in people if here - doc.sentence_index(p[0]) <= 2]
    if not people:  # no one acted: the one who spoke
        people = [(r[5], r[1]) for r in doc.found if r[5] == spoke and isinstance(r[1], str)]
        people = [p for p in people if here - doc.sentence_index(p[0]) <= 2]
    return max(people)[1] if people else None


def _next_subject(doc: Document, pos: int) -> str | None:
    """The person opening the next sentence as a speaker ("..., the governor said. Kim wrote")."""
    i = doc.sentence_index(pos)
    if i + 1 >= len(doc.sents):
        return None
    lo, hi = doc.sents[i + 1]
    if doc.in_caption(lo):
        return None  # a photo caption: the person it shows is no speaker of the text's
    for span in doc.mentions:
        if lo <= span[0] < hi and span[0] in doc.subject_starts and doc.acts(span):
            return span[2] if span[3] == "PERSON" else None
    return None
