"""Outlets' names by their words alone, wherever the name stands.

- a press word makes a name an outlet's ("Harbour News", "Kyiv Radio"), and so does a
  masthead word on its own (:data:`MASTHEADS`: "Observer") or ending a longer name
  (:data:`LAST_MASTHEADS`: "Harbour Bay Times");
- a nationality with press words ("Russian TV") names a country's press, not an outlet,
  and a body's last word ("Broadcasting Union", :data:`BODY_TAILS`) a body;
- a word is a nationality ("Baltic", "Norwegian") by a list or by its ending.

:mod:`workbench.actors.outlets` adds the words around a mention; the quote, speaker and
citation rules use these tests on names alone.
"""

from __future__ import annotations

import re

from workbench.actors.demonyms import is_demonym
from workbench.actors.gazetteer import fold

#: Words only an outlet's name holds.
PRESS_WORDS = frozenset(
    "news newspaper tv television radio broadcasting broadcaster blog online".split()
)
#: Words that are an outlet's whole name after "the" ("the Times").
MASTHEADS = frozenset(
    "times post journal gazette herald tribune telegraph observer chronicle mirror mail sun "
    "star express independent guardian economist examiner inquirer courier".split()
)
#: Masthead words that end a longer name after "the" ("the Kharkiv Post"); not those that
#: end other names as often ("the Royal Mail", "the Chief Medical Examiner").
LAST_MASTHEADS = frozenset(
    "times post journal gazette herald tribune telegraph chronicle independent inquirer".split()
)
#: The last words of a body's name, whatever press word it holds ("Broadcasting Union").
BODY_TAILS = frozenset(
    "union council federation institute foundation commission authority "
    "committee ministry school university academy prize awards".split()
)
#: A nationality's ending; not a bare "-an", which ends many a name ("Statesman", "Unian").
_NATIONAL = re.compile(r"[A-Z][a-z]+(?:ian|ish|ese|ean|ic|i|ch)")


def generic(name: str) -> bool:
    """Whether a name is no outlet's own: a nationality or a body's tail with press words.

    "Russian TV", "Ukrainian television" name a country's press, not an outlet; "the
    European Broadcasting Union" and "the Kanal Institute" are bodies.

    Example:
        >>> generic("Russian TV"), generic("Kanal TV")
        (True, False)
    """
    words = fold(name).split()
    if words[:1] == ["the"]:
        words = words[1:]
    if not words:
        return False
    if words[-1] in BODY_TAILS:
        return True
    rest = [w for w in words if w not in PRESS_WORDS and w != "state"]
    return len(rest) < len(words) and all(is_demonym(w.title()) for w in rest)


def masthead_name(name: str) -> bool:
    """Whether a name of two words or more ends in a masthead word ("Harbour Bay Times").

    The quote rules read such a name after "the" as an outlet, which never speaks
    (:func:`workbench.actors.quotes.extract_quotes`); citations weigh it with its verb.
    """
    words = fold(name).split()
    return len(words) >= 2 and words[-1] in LAST_MASTHEADS


def outlet_name(name: str) -> bool:
    """Whether a name alone marks an outlet: a press word, or a masthead word on its own."""
    words = fold(name).split()
    if generic(name):
        return False
    return bool(PRESS_WORDS.intersection(words)) or (len(words) == 1 and words[0] in MASTHEADS)


def nationality(word: str) -> bool:
    """Whether a word is a nationality ("Baltic", "Norwegian"), not a name ending like one."""
    return is_demonym(word) or bool(_NATIONAL.fullmatch(word))
