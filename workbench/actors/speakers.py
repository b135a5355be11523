"""Who said it: the speaker of a speech verb, from the mentions around it.

The speaker is the subject of the speech verb: the actor just before it (an apposition,
an aside between dashes, an auxiliary or an adverb may come between; the person before
a phrase that names a body, "Tal of Harbour Aid said"; not the object of a verb before a
participle, "wrote the council saying"), a pronoun's antecedent (the last person, or
for "it" the last body, named as a subject outside quotation marks), the subject of the
sentence for a participle or a second verb ("..., adding that"; "... and said"), or none
when the subject names no actor ("a spokesperson said", "said a post by the Tal Group":
a name a preposition governs). An outlet is never the speaker.

A description the text resolves elsewhere ("the foreign secretary", "the ministry") is
resolved by :mod:`workbench.actors.descriptions`; the speaker a short attribution names
("said the pastor, Fr. Mira Tal", "according to the ministry") is found by
:mod:`workbench.actors.attributions`.

With :data:`workbench.actors.syntax.PARSE` on, the subject a dependency parse gives is
tried first (:func:`parsed`); these rules decide where it names no actor.
"""

from __future__ import annotations

import re

from workbench.actors import descriptions, glosses, references, syntax
from workbench.actors.cues import (
    ADV,
    AUX,
    BODY_NOUNS,
    CUES,
    SUBJECT_GAP,
)
from workbench.actors.document import Document
from workbench.actors.gazetteer import fold
from workbench.actors.mastheads import masthead_name, outlet_name
from workbench.actors.names import DEMONYMS, TITLE_WORDS
from workbench.actors.references import DOC_NOUNS as _DOC_NOUNS

_BODY_GAP = re.compile(
    r"^(?:\s+[a-z]+)?\s+(?:" + "|".join(BODY_NOUNS) + r")(?:\s+" + ADV + r")*\s*$"
)
_TRAILING_ADV = re.compile(r"(?:\s+" + ADV + r")+\s*$")
_COORDINATED = re.compile(
    r"(?:\band|,|--)(?:\s+(?:the\s+)?(?:next|following|same|previous)\s+\w+)?\s*$"
)
_THE_BODY = re.compile(r"\b[Tt]he\s+(?:[a-z-]+\s+)?(?:" + "|".join(BODY_NOUNS) + r")\s*$")
_PRONOUN_BEFORE = re.compile(r"\b(?P<p>[Hh]e|[Ss]he|[Ii]t|[Tt]hey)(?:\s+" + ADV + r")*\s*$")
#: An aside between a subject and its verb: "the ministry, in a statement, said".
_APPOSED = re.compile(r",[^,;:\"]{1,40},\s*$")
_AUTHORED = re.compile(r"\b(?:" + _DOC_NOUNS + r"|website)\s+(?:by|from)\s+(?:the\s+)?$")
_HANDLE = re.compile(r"@\w{2,30}")
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
#: Capitalised words that open or qualify a subject but name no one.
_NOT_NAME_WORDS = (
    TITLE_WORDS
    | DEMONYMS
    | frozenset(
        "the a an but and however meanwhile later earlier officials police prosecutors "
        # a conjunction opening the clause: "As Kanal reports, ..." (no "As Kanal" speaks)
        "as so if while when whereas although though because since once until unless yet".split()
    )
)
#: A quotation closed by a comma: '..."a danger," adding that' shares the subject before.
_QUOTE_COMMA = re.compile(r",[\"']\s*$")
#: A speech verb that is a participle ("saying", "adding").
_PARTICIPLE = re.compile(r"[a-z]+ing\b")
#: A verb right before a mention, which is then its object: "wrote the council", "told Tal"
#: (not a hyphened adjective: "the Harbour-backed council").
_OBJECT = re.compile(r"(?<![-\w])(?:[a-z]+ed|" + "|".join(CUES) + r")\s+(?:the\s+)?$")
#: A noun phrase after a name, to a preposition and the words before a body's name:
#: " of the debt charity ", ", war correspondent for the tabloid ".
_QUALIFIER = re.compile(r",?(?:\s+[\w'-]+){0,4}?\s+(?:of|for|at|from|with)(?:\s+[\w'-]+){0,4}?\s+$")
_CLAUSE_EDGE = re.compile(r"\b(?:that|who|which|while|whom|whose|and|but)\b|;")


def speaker(span: tuple) -> str | None:
    """The actor a mention names as a speaker: never an outlet, which only carries words."""
    return None if span[3] == "MEDIA" else span[2]


def subject(doc: Document, lo: int, cue_at: int) -> str | None:
    """The speaker of the verb at ``cue_at``: the subject before it in its clause.

    With :data:`~workbench.actors.syntax.PARSE` on, the subject the parse gives comes
    first, unless the verb only shares it with another verb and a name stands right
    before it ("... and Tal pledged", which a parser may read as "and ... pledged").
    """
    text = doc.text
    edges = [m.end() for m in _CLAUSE_EDGE.finditer(text, lo, cue_at)]
    clause_lo = edges[-1] if edges else lo
    adjacent = _adjacent(doc, clause_lo, cue_at)
    if adjacent is not None and adjacent[3] != "PERSON":
        adjacent = _qualified_person(doc, clause_lo, adjacent) or adjacent
    if syntax.PARSE and (parse := syntax.subject_of(doc, cue_at)) is not None:
        if parse.shared and adjacent is not None:
            return speaker(adjacent)
        if who := parsed(doc, parse, cue_at):
            return who
    if adjacent is not None:
        gap, who = doc.text[adjacent[1] : cue_at], speaker(adjacent)
        how = "apposed" if "," in gap or "(" in gap else "adjacent"
        syntax.ask(doc, cue_at, how if who is not None else "empty")
        return who
    who, how = _by_rules(doc, lo, clause_lo, cue_at)
    syntax.ask(doc, cue_at, how if who is not None else "empty")
    return who


def _by_rules(doc: Document, lo: int, clause_lo: int, cue_at: int) -> tuple[str | None, str]:
    """The subject of the verb at ``cue_at`` when no mention stands right before it.

    Returns:
        The speaker (or None) and the rule that found it (:data:`syntax.WEAK`).
    """
    text = doc.text
    head = _TRAILING_ADV.sub(" ", text[lo:cue_at])
    if (author := _document_author(doc, clause_lo, cue_at)) is not None:
        return author, "author"
    pronoun = _PRONOUN_BEFORE.search(head)
    if pronoun:
        return references.antecedent(doc, lo + pronoun.start(), pronoun.group("p")), "pronoun"
    after_quote = _QUOTE_COMMA.search(head) and _PARTICIPLE.match(text, cue_at)
    coordinated = (_COORDINATED.search(head) or after_quote) and head.strip(" ,-")
    if coordinated and (found := _coordinated_subject(doc, lo, cue_at)) is not None:
        return found, "shared"
    if (found := references.described(doc, _APPOSED.sub(" ", head), cue_at)) is not None:
        return found, "described"
    fielded = (desc := descriptions.parse(head)) is not None and desc.fields
    if (body := _THE_BODY.search(head)) and not fielded:  # not "the defence ministry"
        organisation = "government" not in body.group(0)
        return references.antecedent(
            doc, doc.sentence(cue_at)[0], "it", bodies_only=organisation
        ), "body"
    if (name := glosses.glossed(doc, head)) is not None:  # "Harbourgas, the company, said"
        return name, "glossed"
    if (lone := _LONE_NAME.search(head)) and (full := first_named(doc, lone.group(1), lo)):
        return full, "forename"  # "Mira Tal ... . Mira wrote on Sunday"
    return _unlisted_name(head), "unlisted"


def _adjacent(doc: Document, lo: int, cue_at: int) -> tuple | None:
    """The mention right before the verb at ``cue_at`` as its subject, or None.

    Not the object of a verb before a participle: "Tal wrote the council saying ..."
    (the council is written to; Tal says).
    """
    participle = _PARTICIPLE.match(doc.text, cue_at) is not None
    for span in doc.mentions:
        if not (lo <= span[0] and span[1] <= cue_at and span[0] in doc.subject_starts):
            continue
        if participle and _OBJECT.search(doc.text, max(lo, span[0] - 30), span[0]):
            continue
        gap = doc.text[span[1] : cue_at]
        if SUBJECT_GAP.match(gap) or (span[3] == "ORG" and _BODY_GAP.match(gap)):
            return span
    return None


def _qualified_person(doc: Document, lo: int, body: tuple) -> tuple | None:
    """The person a body right before a verb only qualifies: the head of the subject.

    "Tal of the debt charity Harbour Aid said", "Tal, war correspondent for the tabloid
    Harbour News wrote": the body is in a prepositional phrase after the person's name,
    and the person speaks (an outlet or a body never speaks for its staff).
    """
    for span in reversed(doc.subjects):
        if span[1] > body[0] or span[0] < lo:
            continue
        if span[3] != "PERSON":
            return None  # another body or place first: "Tal of Ruritania's Harbour Aid"
        gap = _QUALIFIER.match(doc.text, span[1], body[0])
        words = gap.group(0).lower().split() if gap else []
        if gap is None or any(w in AUX or w in CUES or w.endswith("ed") for w in words):
            return None
        return span
    return None


def parsed(doc: Document, found: syntax.Subject | None, pos: int) -> str | None:
    """The actor a parsed subject names, or None to leave the speaker to the other rules.

    A mention covering its head word, else a name in apposition to it; for "he" or "she",
    the person who is the subject of a verb above it in the sentence ("Tal said he
    would"), else, as for "it", the pronoun's antecedent; else the description it makes
    ("the ministry").
    """
    if found is None:
        return None
    if found.word in ("he", "she"):
        return _bound(doc, found.head[0]) or references.antecedent(doc, found.head[0], found.word)
    if found.word == "it":
        return references.antecedent(doc, found.head[0], found.word)
    named = [s for lo, _ in found.names for s in doc.mentions if s[0] <= lo < s[1]]
    if named:  # the head's own name first: "Tal, R-Texas, said"; "the mayor, Mira Tal, said"
        return speaker(named[0])
    phrase = doc.text[found.phrase[0] : found.phrase[1]]
    return references.described(doc, phrase, pos) or unlisted_subject(doc, phrase, found.phrase[0])


def unlisted_subject(doc: Document, phrase: str, at: int) -> str | None:
    """A parsed subject that is a name no mention covers, or None.

    Two or more capitalised words that are no title or demonym ("Olha Marchenko said"),
    or one that the text gives in full elsewhere, as the last word of a name ("Greenberg
    added", after "Udi Greenberg"): that full name. A lone capitalised word at the start of
    a sentence is often no name ("Witnesses said"), and so is one the text never names in
    full.
    """
    words = phrase.split()
    if not words or len(words) > 4:
        return None
    if any(not _NAME_WORD.fullmatch(w) or fold(w) in _NOT_NAME_WORDS for w in words):
        return None
    if len(words) >= 2:
        return _not_outlet(" ".join(words))
    if (named := first_named(doc, words[0], at)) is not None:
        return named
    full = re.search(r"\b(?:[A-Z][a-z]+ ){1,2}" + re.escape(words[0]) + r"\b", doc.text)
    if full is None or doc.in_quotes(full.start()) or full.start() > at:
        return None
    name = full.group(0).split()
    while name and fold(name[0]) in _NOT_NAME_WORDS:  # "President Udi Greenberg"
        name.pop(0)
    return " ".join(name) if len(name) >= 2 else None


#: One capitalised word right before the verb, opening its clause or following a quotation.
_LONE_NAME = re.compile(
    r"(?:^|[.!?,;:]\s*[\"'\u201d\u2019]?\s+|[\"'\u201d\u2019]\s+)([A-Z][a-z]+)\s*$"
)


def first_named(doc: Document, word: str, at: int) -> str | None:
    """The one person the text names in full before ``at`` with ``word`` as first name.

    News reports go on with the first name of someone they named in full (children,
    refugees, soldiers: "Mira Tal fled in May. ... Mira wrote on Sunday"). The person is
    the actor of the mention of that full name, else the full name; None when no one, or
    more than one person, has that first name there, or the word is no name (a body's or a
    place's name may open with it: "Harbour Gas").
    """
    if fold(word) in _NOT_NAME_WORDS:
        return None
    full = re.compile(r"\b" + re.escape(word) + r"((?:\s[A-Z][a-z'-]+){1,2})\b")
    found = set()
    for m in full.finditer(doc.text, 0, max(0, at)):
        if doc.in_quotes(m.start()):
            continue
        covered = [s for s in doc.mentions if s[0] <= m.start() < s[1]]
        kind = covered[0][3] if covered else doc.types.get(m.group(0), "PERSON")
        if kind != "PERSON":
            continue  # the name of a body or a place: "Harbour Gas" is no one's first name
        if covered:
            found.add(covered[0][2])
        elif not any(fold(w) in _NOT_NAME_WORDS for w in m.group(1).split()):
            found.add(m.group(0))
    return found.pop() if len(found) == 1 else None


def _bound(doc: Document, pronoun_at: int) -> str | None:
    """The person a pronoun stands for in its own sentence ("Tal said he would": Tal)."""
    up = syntax.bound_person(doc, pronoun_at)
    named = [s for s in doc.mentions if up and s[0] <= up[0] < s[1] and s[3] == "PERSON"]
    return named[0][2] if named else None


def _document_author(doc: Document, lo: int, cue_at: int) -> str | None:
    """The author of a text that speaks: "a statement from the ministry said" (the ministry)."""
    for span in doc.mentions:
        inside = lo <= span[0] and span[1] <= cue_at
        if (
            inside
            and _AUTHORED.search(doc.text, lo, span[0])
            and SUBJECT_GAP.match(doc.text[span[1] : cue_at])
        ):
            return speaker(span)
    return None


def _coordinated_subject(doc: Document, lo: int, cue_at: int) -> str | None:
    """The subject a second verb shares: that of the speech verb nearest before it.

    "Kyiv said ..., while Moscow denied it and said ...": Moscow, not Kyiv.
    """
    cues = doc.cues(lo, cue_at)
    if cues:
        return subject(doc, lo, cues[-1].start())
    return sentence_subject(doc, lo, cue_at)


def _unlisted_name(head: str) -> str | None:
    """A subject that names someone no mention covers, or None.

    A handle, or two or more capitalised words that are no title or demonym and open the
    clause ("@kyiv_watch said", "Olha Marchenko-Sydorenko said").
    """
    words = _APPOSED.sub(" ", head).split()[-4:]
    if words and _HANDLE.fullmatch(words[-1]):
        return words[-1]
    names = []
    for word in reversed(words):
        if not _NAME_WORD.fullmatch(word) or fold(word) in _NOT_NAME_WORDS:
            break
        names.insert(0, word)
    opener = words[-len(names) - 1] if len(names) < len(words) else ","
    if len(names) < 2 or not (opener.endswith(",") or fold(opener) in ("and", "but", "then")):
        return None
    return _not_outlet(" ".join(names))


def _not_outlet(name: str) -> str | None:
    """A name no mention covers, unless it names an outlet, which never speaks ("Harbour News")."""
    return None if outlet_name(name) or masthead_name(name) else name


def sentence_subject(doc: Document, lo: int, before: int) -> str | None:
    """The subject of the sentence's first speech verb, else its first subject-like actor."""
    first = next(iter(doc.cues(lo, before)), None)
    if first is not None:
        return subject(doc, lo, first.start())
    opening = re.match(r"\s*(?:[A-Z]\w+,\s+)?(?P<p>He|She|It|They)\b", doc.text[lo:before])
    if opening:
        return references.antecedent(doc, lo, opening.group("p"))
    span = next((s for s in doc.subjects if lo <= s[0] < before), None)
    return speaker(span) if span else None
