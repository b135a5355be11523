"""Which mentions are news outlets, whatever type the model gave them.

The model types many outlets as organisations ("Baltic News Service"), places or even
people ("the Times"). Four signs make a mention an outlet for the quote and citation
rules, none of them a list of outlets:

- its name holds a word only the press uses ("News", "Newspaper", "TV", "Radio");
- a press noun stands right before or after it ("state news agency Daily Globe",
  "the Daily Globe newspaper", "broadcaster Kanal Nine");
- it is a masthead word on its own after "the" ("the Times", "the Observer");
- a press role or an interview stands around it ("a correspondent for X", "X's reporter",
  "told X in an interview", "X reported, citing"), for a name the model did not type a
  person, country or group.

The words around a name inside a hyphenated modifier ("pro-Kremlin newspaper") are no sign.

A body whose name only holds a word the press shares with others ("Energy Agency",
"Press Service") is no outlet by its name alone; :mod:`workbench.actors.citations`
weighs such names with the words around them.
"""

from __future__ import annotations

import re

from workbench.actors.gazetteer import fold

#: Words only an outlet's name holds.
PRESS_WORDS = frozenset("news newspaper tv television radio broadcasting broadcaster blog".split())
#: Words that are an outlet's whole name after "the" ("the Times").
MASTHEADS = frozenset(
    "times post journal gazette herald tribune telegraph observer chronicle mirror".split()
)
#: A press noun right before a name: "state news agency Daily Globe", "broadcaster X".
_NOUN_BEFORE = re.compile(
    r"\b(?:news\s+agency|news\s+service|newspaper|broadcaster|tabloid|magazine|outlet|"
    r"TV\s+channel|wire\s+service)(?P<comma>,)?\s+$",
    re.I,
)
#: What ends a name set off by a comma after its press noun: "the news agency, Kanal."
_APPOSITION_END = re.compile(r"^\s*(?:[,.;:)]|$)")
#: A press noun right after a name: "the Daily Globe newspaper", "X news agency".
_NOUN_AFTER = re.compile(
    r"^\s+(?:news\s+agency|news\s+service|news\s+outlet|newspaper|broadcaster|"
    r"tabloid|daily|magazine|outlet|TV\s+channel|wire\s+service)\b"
)
#: A press role or an interview right before a name: "a correspondent for the Daily Globe",
#: "in an interview with Kanal Nine"; only a body, never a person or a country, is so read.
_ROLE_BEFORE = re.compile(
    r"\b(?:(?:correspondent|reporter|journalist|columnist|contributor|writer)s?\s+(?:for|with)"
    r"|editor(?:-in-chief)?\s+(?:of|at))\s+(?:the\s+)?$",
    re.I,
)
#: After a name: "X's correspondent", "X reported, citing".
_ROLE_AFTER = re.compile(
    r"^(?:['\u2019]s\s+(?:[a-z]+\s+)?(?:correspondent|reporter|journalist|columnist|editor)"
    r"|\s+reported,?\s+citing)\b"
)
#: "told X in an interview": whom one tells in an interview is the press.
_TOLD = re.compile(r"\btold\s+(?:the\s+)?$")
_IN_INTERVIEW = re.compile(r"^,?\s+in\s+an?\s+(?:[\w-]+\s+){0,2}interview\b")
#: Model types that a press role near the name does not make an outlet.
_NOT_BODIES = frozenset({"PERSON", "GPE", "NORP"})
_THE = re.compile(r"\b[Tt]he\s+$")
#: Whether a text holds any press noun: only mentions in such sentences need the full test.
PRESS_HINT = re.compile(
    r"(?i:news\s+(?:agency|service|outlet)|newspaper|broadcaster|tabloid|daily|magazine|"
    r"outlet|wire\s+service|correspondent|reporter|journalist|columnist|contributor|writer|"
    r"editor|interview|citing)|TV\s+channel"
)


def is_outlet(text: str, start: int, end: int, name: str, kind: str | None = None) -> bool:
    """Whether the mention ``text[start:end]`` of ``name`` is a news outlet by the signs above.

    A press role or an interview around the name ("a correspondent for X", "X's reporter",
    "told X in an interview", "X reported, citing") makes it an outlet too, unless the model
    typed it (``kind``) a person, country or group ("in an interview with Mira Tal").

    Example:
        >>> t = "Mira Tal told state news agency Daily Globe that it rained."
        >>> is_outlet(t, 32, 43, "Daily Globe")
        True
        >>> is_outlet("The Energy Agency said so.", 4, 17, "Energy Agency")
        False
    """
    words = fold(name).split()
    if PRESS_WORDS.intersection(words):
        return True
    if _modifier(text, start, end):
        return False
    noun = _NOUN_BEFORE.search(text[max(0, start - 30) : start])
    if noun and (not noun.group("comma") or _APPOSITION_END.match(text[end : end + 3])):
        return True
    if _NOUN_AFTER.match(text[end : end + 30]):
        return True
    if kind not in _NOT_BODIES and _by_role(text, start, end):
        return True
    return len(words) == 1 and words[0] in MASTHEADS and bool(_THE.search(text[:start][-5:]))


def _modifier(text: str, start: int, end: int) -> bool:
    """Whether the mention is part of a hyphenated modifier: "pro-Kremlin", "Kyiv-based"."""
    return text[start:end][:1].islower() or "-" in (text[start - 1 : start], text[end : end + 1])


def _by_role(text: str, start: int, end: int) -> bool:
    """Whether a press role or an interview stands around ``text[start:end]``."""
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    if _ROLE_BEFORE.search(before) or _ROLE_AFTER.match(after):
        return True
    return bool(_TOLD.search(before[-12:]) and _IN_INTERVIEW.match(after))


def outlet_name(name: str) -> bool:
    """Whether a name alone marks an outlet: a press word, or a masthead word on its own."""
    words = fold(name).split()
    return bool(PRESS_WORDS.intersection(words)) or (len(words) == 1 and words[0] in MASTHEADS)
