"""Whom a description introduces: the actor the next sentences name for it.

A news report often gives a speaker by a description first and by name after: "A
Ruritanian soldier has revealed he is going back. Mira Tal, 28, was captured in April.";
"A regional official said the port would reopen. '...,' Mira Tal told reporters."; "The
world's shipping watchdog says ... . The Harbour Council chief, Dan Ek, met ...". The
description opens no chain back to an actor named before; the actor it stands for is
the one the next sentence introduces (named there for the first time): a person opening
it as a subject for a person noun, the first body it names for a body's noun.

Or a sentence shortly after names the speaker as the author of what was said: "A
defence minister has said ... . That prompted officials to clarify Mira Tal's comments"
(or "the comments were made by Mira Tal").

The descriptions these rules read are :mod:`workbench.actors.references`'s: an
indefinite ("a soldier") or possessed one ("Ruritania's top official"), or any
description in the article's first sentence, where nothing is named before.
"""

from __future__ import annotations

import re

from workbench.actors.cues import CUES
from workbench.actors.document import Document

#: Nouns of what someone said, whose author a later sentence names.
_SAYINGS = r"(?:comments?|remarks?|statements?|words|claims?|warnings?|testimony)"
#: "Tal's comments", "Tal's earlier remarks".
_OWNED_SAYING = re.compile(r"\s*['\u2019]s\s+(?:[a-z]+\s+)?" + _SAYINGS + r"\b")
#: "comments made by Tal", "the remarks were made by Tal", "remarks by Tal".
_SAYING_BY = re.compile(
    r"\b" + _SAYINGS + r"\s+(?:(?:were|was)\s+)?(?:(?:made|given|posted)\s+)?by\s+$"
)
#: Nouns of bodies whose names seldom hold them ("the world's nuclear watchdog"): a body
#: the next sentence introduces is whom they stand for.
BODY_NOUNS = frozenset({"watchdog"})
#: How many sentences after a description the author of its words may be named.
AUTHOR_REACH = 2


def introduced(doc: Document, pos: int, kind: str, *, quoted: bool = False) -> str | None:
    """The actor the sentence after ``pos`` introduces for a description there, or None.

    Args:
        doc: The document.
        pos: Where the verb of the description's words is.
        kind: ``"PERSON"`` for a person noun ("a soldier", "an official"), ``"ORG"`` for
            a body's noun ("a watchdog", "Ruritania's energy company").
        quoted: For a role usually left unnamed ("an official"): only a person named as
            the speaker of a quotation that opens the next sentence ("'...,' Tal said"), and
            no author of comments named later.

    Returns:
        For a person, the first person named in the next sentence who is named there for
        the first time and is a subject that acts or speaks (not in words reported there,
        and none if a pronoun opens it: the one described goes on); for a body, the body
        the next sentence opens with, named there for the first time and not speaking.
        Else the person a sentence shortly after makes the author of what was said
        (:func:`author_named`).
    """
    here = doc.sentence_index(pos)
    if here + 1 < len(doc.sents) and not doc.in_caption(doc.sents[here + 1][0]):
        # a photo caption run into the text introduces no one the text goes on about
        lo, hi = doc.sents[here + 1]
        before = {s[2] for s in doc.named if s[0] < lo}
        there = [s for s in doc.mentions if lo <= s[0] < hi]
        first = there[0] if there else None
        if kind == "ORG" and first and first[3] == "ORG" and first[2] not in before:
            # "The Harbour Council chief, ..., met": named, not a voice of its own ("... said")
            return None if _SPEECH_AFTER.match(doc.text, first[1], hi) else first[2]
        opens_quoted = doc.in_quotes(lo + 1) or doc.text.startswith(_MARKS, lo)
        if not opens_quoted and _PRONOUN_OPENS.match(doc.text, lo, hi):
            return None  # "He also warned that ...": the one described goes on, unnamed
        cues = doc.cues(lo, hi)
        for span in there:
            if span[3] != "PERSON" or kind != "PERSON" or span[2] in before:
                continue
            if cues and cues[0].start() < span[0] and not _speaks_after(doc, span, hi):
                break  # a person in the words reported there: "Ek said Tal had left"
            speaks = any(r[1] == span[2] and r[5] >= lo for r in doc.found)
            subject = span[0] in doc.subject_starts and (doc.acts(span) or speaks)
            if quoted:
                subject = opens_quoted and _speaks_after(doc, span, hi)
            if subject or (not quoted and _speaks_after(doc, span, hi)):
                return span[2]
            break  # a new person, but not the one who spoke
    return author_named(doc, pos) if kind == "PERSON" and not quoted else None


#: A speech verb right after a name: "Tal said", "Tal was quoted as saying", "Tal also told".
_QUOTED_SAYING = re.compile(r"\s*(?:[a-z]+\s+)?(?:was\s+quoted\s+as\s+saying|said|told|wrote)\b")
_SPEECH_AFTER = re.compile(r"\s*(?:[a-z]+\s+)?(?:" + "|".join(CUES) + r")\b")
_PRONOUN_OPENS = re.compile(r"\s*(?:He|She|They|It)\b")
_MARKS = ('"', "'", "\u201c", "\u2018")


def _speaks_after(doc: Document, span: tuple, hi: int) -> bool:
    """Whether a person is the subject of a speech verb right after the name ("Tal told")."""
    return _QUOTED_SAYING.match(doc.text, span[1], hi) is not None


def author_named(doc: Document, pos: int) -> str | None:
    """The person a sentence shortly after ``pos`` makes the author of what was said.

    "... . That prompted officials to clarify Mira Tal's comments", "The remarks were made
    by Mira Tal": within :data:`AUTHOR_REACH` sentences, the only person named so, who is
    named there for the first time (the comments of someone named before are others').
    """
    here = doc.sentence_index(pos)
    last = min(len(doc.sents) - 1, here + AUTHOR_REACH)
    if here + 1 > last:
        return None
    lo, hi = doc.sents[here + 1][0], doc.sents[last][1]
    before = {s[2] for s in doc.named if s[0] < doc.sents[here][0]}
    authors = {
        s[2]
        for s in doc.mentions
        if lo <= s[0] < hi
        and s[3] == "PERSON"
        and s[2] not in before
        and (
            _OWNED_SAYING.match(doc.text, s[1])
            or _SAYING_BY.search(doc.text, max(0, s[0] - 40), s[0])
        )
    }
    return authors.pop() if len(authors) == 1 else None
