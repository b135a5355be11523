"""Unnamed speakers that stand between a pronoun and an older name.

A news report often brings in a person it does not name ("a former official, who spoke
on condition of anonymity, said ...", "The director of one orphanage spoke to
reporters"), then goes on with "he said" or "she said". The pronoun stands for that
unnamed person, the nearest subject that agrees with it, not for a person named
before: the speaker is then no one the text names (:func:`blocks`).
"""

from __future__ import annotations

import re

from workbench.actors import descriptions
from workbench.actors.cues import ADV, CUES, word_trie
from workbench.actors.document import Document

#: Verbs whose subject acts or speaks, besides the speech verbs and regular past tenses.
_IRREGULAR = (
    "spoke told said wrote took gave went came saw felt knew thought left fled met "
    "has had is was says tells writes speaks"
).split()
#: A description opening a clause: a determiner, up to five modifiers, and its noun,
#: perhaps with a phrase after it ("the director of one orphanage").
_DESCRIPTION = re.compile(
    r"(?:^|(?<=[.!?:;,\"'\u201d\u2019(])\s*|\s(?:[Bb]ut|[Aa]nd|[Yy]et)\s+)"
    r"(?P<det>[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+"
    r"(?P<mods>(?:[\w'\u2019-]+\s+){0,5}?)(?P<noun>[a-z0-9][a-z0-9-]*[a-z])"
    r"(?P<pp>\s+(?:of|at|from|in|for|with)\s+(?:[\w'\u2019-]+\s+){0,3}?[\w'\u2019-]+)?"
    r"(?P<aside>\s*,[^,;:\"\u201c\u201d]{1,120},)?"
    r"(?:\s+(?:even|still|just|only|" + ADV + r"))*"
    r"\s+(?P<verb>[a-z]+ed|" + word_trie([*CUES, *_IRREGULAR]) + r")\b"
)
#: A phrase after the noun that makes a definite description unnamed ("the head of one
#: school": which school's head, the text does not say).
_INDEFINITE_OF = re.compile(r"^\s+of\s+(?:an?|one|another|a\s+local)\b")
#: Nouns of a person that a description heads (``descriptions.Description.kind``).
_PERSON_KINDS = ("title", "person")


def blocks(doc: Document, after: int, pos: int) -> bool:
    """Whether the nearest person subject between ``after`` and ``pos`` is unnamed.

    A description that heads a clause as the subject of a verb ("a former official
    said", "The director of one orphanage spoke") outside quotation marks is a person
    subject. It is unnamed when it has an indefinite determiner ("a", "one", "another"),
    or a definite one with a role usually left unnamed ("the spokesperson") or an
    indefinite owner ("the head of one school"), and holds or follows no name ("a
    pastor, Mira Tal, said"; "Mira Tal, the spokeswoman, said"). A later epithet or
    office ("the 69-year-old insisted", "the Russian leader said") is nearer and may
    stand for the named person, so it does not block.

    Args:
        doc: The document.
        after: Where the mention the pronoun would otherwise stand for starts.
        pos: Where the pronoun stands.
    """
    if after < 0 or pos <= after:
        return False
    last = False
    for m in _DESCRIPTION.finditer(doc.text, after, pos):
        start = m.start("det")
        if start <= after or doc.in_quotes(start) or doc.in_caption(start):
            continue
        unnamed = _unnamed(doc, m)
        if unnamed is not None:
            last = unnamed
    return last


def _unnamed(doc: Document, m: re.Match) -> bool | None:
    """Whether a matched description is an unnamed person; None when it is no person."""
    noun, mods = m.group("noun"), m.group("mods")
    if noun.endswith("-old") or (noun == "old" and mods.rstrip().endswith("year")):
        return False  # "the 69-year-old": an epithet of someone named
    desc = descriptions.parse("the " + mods + noun)
    if desc is None or desc.kind not in _PERSON_KINDS:
        return None
    start = m.start("det")
    definite = m.group("det").lower() == "the" and not _INDEFINITE_OF.search(m.group("pp") or "")
    if definite and desc.noun not in descriptions.ANONYMOUS:
        return False  # "the president said": an office the text may name
    people = [s for s in doc.mentions if s[3] == "PERSON"]
    if any(start <= s[0] < m.start("verb") for s in people):
        return False  # "a pastor, Mira Tal, said": named
    # "Mira Tal, the spokeswoman, said": named
    return not any(_APPOSED.fullmatch(doc.text, s[1], start) for s in people if s[1] <= start)


#: What lies between a name and a description in apposition to it: ", ".
_APPOSED = re.compile(r",\s*")
