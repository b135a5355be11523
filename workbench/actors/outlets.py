"""Which mentions are news outlets, whatever type the model gave them.

The model types many outlets as organisations ("Baltic News Service"), places or even
people ("the Times"). Three signs make a mention an outlet for the quote and citation
rules, none of them a list of outlets:

- its name holds a word only the press uses ("News", "Newspaper", "TV", "Radio");
- a press noun stands right before or after it ("state news agency Daily Globe",
  "the Daily Globe newspaper", "broadcaster Kanal Nine");
- it is a masthead word on its own after "the" ("the Times", "the Observer").

A body whose name only holds a word the press shares with others ("Energy Agency",
"Press Service") is no outlet by its name alone; :mod:`workbench.actors.citations`
weighs such names with the words around them.
"""

from __future__ import annotations

import re

from workbench.actors.gazetteer import fold

#: Words only an outlet's name holds.
PRESS_WORDS = frozenset("news newspaper tv television radio broadcasting broadcaster".split())
#: Words that are an outlet's whole name after "the" ("the Times").
MASTHEADS = frozenset(
    "times post journal gazette herald tribune telegraph observer chronicle mirror".split()
)
#: A press noun right before a name: "state news agency Daily Globe", "broadcaster X".
_NOUN_BEFORE = re.compile(
    r"\b(?:news\s+agency|news\s+service|newspaper|broadcaster|tabloid|magazine|outlet|"
    r"TV\s+channel|wire\s+service)\s+$",
    re.I,
)
#: A press noun right after a name: "the Daily Globe newspaper", "X news agency".
_NOUN_AFTER = re.compile(
    r"^\s+(?:news\s+agency|news\s+service|news\s+outlet|newspaper|broadcaster|"
    r"tabloid|daily|magazine|outlet|TV\s+channel|wire\s+service)\b"
)
_THE = re.compile(r"\b[Tt]he\s+$")
#: Whether a text holds any press noun: only mentions in such sentences need the full test.
PRESS_HINT = re.compile(
    r"(?i:news\s+(?:agency|service|outlet)|newspaper|broadcaster|tabloid|daily|magazine|"
    r"outlet|wire\s+service)|TV\s+channel"
)


def is_outlet(text: str, start: int, end: int, name: str) -> bool:
    """Whether the mention ``text[start:end]`` of ``name`` is a news outlet by the signs above.

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
    if _NOUN_BEFORE.search(text[max(0, start - 30) : start]):
        return True
    if _NOUN_AFTER.match(text[end : end + 30]):
        return True
    return len(words) == 1 and words[0] in MASTHEADS and bool(_THE.search(text[:start][-5:]))


def outlet_name(name: str) -> bool:
    """Whether a name alone marks an outlet: a press word, or a masthead word on its own."""
    words = fold(name).split()
    return bool(PRESS_WORDS.intersection(words)) or (len(words) == 1 and words[0] in MASTHEADS)
