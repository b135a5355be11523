"""Whom a pronoun or a description stands for: the antecedents the speaker rules read.

"he" or "she" is the last person named as an acting subject, or the person who spoke
just before, never someone the text marks as the other sex (:mod:`genders`); "it" the
last body that spoke or acted. A description ("the foreign secretary", "the ministry",
"the report") is the title or body the article names (:mod:`descriptions`), else the
person last named as a speaker nearby; a body's noun ("the operator") the body that last
spoke or acted.
"""

from __future__ import annotations

import re

from workbench.actors import descriptions, genders
from workbench.actors.cues import ADV, CUES
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
    (:func:`_speaking_person`); "it": the last body that spoke or acted ("Kyiv said"), or
    whose staff spoke ("Harbour Aid staff reported"), only an organisation for a body's noun
    ("the agency": not a country); "they": no one.
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
        named = named or subjects or people
        last = (named[-1][0], named[-1][2]) if named else (-1, None)
        return max(last, _speaking_person(doc, pos, last[0], sex))[1]
    if pronoun.lower() != "it":
        return None
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
    return max(acted + spoke + voiced, default=(0, None))[1]


def _reported_in(doc: Document, span: tuple, pos: int) -> bool:
    """Whether a subject stands inside words reported before ``pos`` ("Tal said Ek left").

    The one who speaks stays the topic: in "The council said Ruritania had left. It added
    ..." "it" is the council, not the subject of the words it reported.
    """
    return any(r[5] <= span[0] < r[6] <= pos and r[1] != span[2] for r in doc.found)


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
        and marked_sex(doc, r[1]) in ("", sex)
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
    unless the text gives someone that title.
    """
    if owned := _PRONOUN_DOCUMENT.search(head):  # "his statement said": the one he stands for
        return antecedent(doc, pos, _POSSESSIVES[owned.group("p").lower()])
    if _DOCUMENT.search(head):  # "the report said": whoever put out what was last reported
        return _last_speaker(doc, pos)
    head = _OWNED_DOCUMENT.sub("", head)  # "the ministry's website": the ministry
    desc = descriptions.parse(head)
    if desc is None or desc.kind is None:
        return None
    if desc.kind == "body":
        return descriptions.named_body(doc, desc, pos)
    if desc.kind == "agent":  # "the operator said": the body that last spoke or acted
        return antecedent(doc, pos, "it", bodies_only=True)
    found = descriptions.titled_person(doc, desc, pos)
    if found is not None or desc.noun in descriptions.ANONYMOUS:
        return found
    if desc.definite and not desc.places:
        found = _recent_person(doc, pos)
    return found or descriptions.next_subject(doc, pos)


def _recent_person(doc: Document, pos: int) -> str | None:
    """The person last named as an acting subject, when within two sentences before ``pos``."""
    people = [
        s
        for s in doc.subjects
        if s[1] <= pos and s[3] == "PERSON" and doc.acts(s) and not doc.in_caption(s[0])
    ]
    if people and doc.sentence_index(pos) - doc.sentence_index(people[-1][0]) <= 2:
        return people[-1][2]
    return None
