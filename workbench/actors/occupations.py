"""A role noun opening a person's span is no part of the name ("Host Ivo Brandt").

spaCy's model often keeps an occupational noun written at a sentence's start or in a
caption inside the person span: "Host Ivo Brandt", "Volunteer Oleksandr",
"Correspondent Mira Tal". A fixed list of such nouns never ends (host, anchor, volunteer,
correspondent, comedian, medic ...); the corpus tells them apart from first names
instead. A role noun is a word the corpus

- mostly writes in lower case (a first name such as "Ivo" it writes capitalised), and
- writes in lower case right before people's names often enough, relative to how
  often it writes the word at all ("the host Ivo Brandt", "said anchor Mira Tal"): a
  common word that is also a first name ("Will", "Grant", "Bill") almost never stands
  in lower case before a name.

A small corpus (one batch of articles) holds too few such uses to tell; occupational
nouns that are no first names (:data:`ROLE_NOUNS`) are role nouns in any corpus.

The role is cut from the span when what remains is a full name (two words or more),
or a one-word first name the corpus gives people (:func:`forenames.first_names`):
"Volunteer Oleksandr" is Oleksandr, while "Mark Warner" keeps its first word (the
rest, "Warner", is no first name). The cut span is marked titled: a role before a
name is as sure a sign of a person as a title.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

import pandas as pd

from workbench.actors.gazetteer import Gazetteer, fold
from workbench.actors.people import chain

#: Occupational nouns written before a name, none of them a first name or a surname the
#: way the name's first word would read ("Host", not "Baker" or "Hunter").
ROLE_NOUNS = frozenset(
    """host anchor correspondent reporter journalist comedian comedienne actor actress singer
    rapper musician volunteer activist analyst expert veteran soldier serviceman servicewoman
    medic nurse paramedic astronaut cosmonaut billionaire businessman businesswoman
    entrepreneur oligarch tycoon lawmaker politician diplomat economist historian scientist
    researcher athlete footballer boxer gymnast presenter commentator columnist blogger
    influencer photographer filmmaker producer novelist author poet pianist composer ballerina
    dancer refugee student teacher lawyer surgeon sniper mercenary cameraman chef investor
    banker dissident superstar star contributor strategist pollster""".split()
)
#: Times a word must stand in lower case right before a person's full name.
MIN_BEFORE_NAMES = 3
#: Share of a word's lower-case uses that must stand right before a person's full name.
MIN_SHARE = 0.02
_WORD_BEFORE = re.compile(r"(?<![\w'\u2019.-])([a-z]+) $")


def words_before_names(work: pd.DataFrame, texts: Mapping[str, str]) -> Counter:
    """Lower-case words right before the model's person spans of two words or more."""
    person = (
        (work["label"] == "PERSON")
        & (work["source"] == "model")
        & work["surface"].str.contains(" ", regex=False)
    )
    found: Counter = Counter()
    for doc, start in zip(work.loc[person, "doc_id"], work.loc[person, "start"], strict=True):
        m = _WORD_BEFORE.search(texts.get(doc, ""), max(0, start - 25), start)
        if m is not None:
            found[m.group(1)] += 1
    return found


def is_role_noun(word: str, before: Counter, counts: Counter) -> bool:
    """Whether a capitalised word is a role noun: listed, or by the corpus's use of it.

    Example:
        >>> is_role_noun("Host", Counter(host=4), Counter(host=50, Host=5))
        True
        >>> is_role_noun("Will", Counter(will=4), Counter(will=5000, Will=400))
        False
    """
    if not word.isalpha() or not word[:1].isupper() or word.isupper():
        return False
    lower = word.lower()
    if lower in ROLE_NOUNS:
        return True
    n_lower = counts[lower]
    return (
        n_lower >= counts[word]
        and before[lower] >= MIN_BEFORE_NAMES
        and before[lower] >= MIN_SHARE * n_lower
    )


def cut_role_nouns(
    work: pd.DataFrame, texts: Mapping[str, str], counts: Counter, gaz: Gazetteer
) -> None:
    """Cut a role noun (:func:`is_role_noun`) from the start of the model's person spans.

    Only what is left a name keeps the cut: a full name, or a corpus first name alone.
    Start, surface and name move past the role, the actor is the name left (the
    gazetteer's, when it lists it); the row is marked titled.
    """
    from workbench.actors.forenames import first_names

    if work.empty:
        return
    person = (
        ~work["dropped"]
        & (work["label"] == "PERSON")
        & (work["source"] == "model")
        & (work["gaz_id"] == "")
        & work["name"].str.contains(" ", regex=False)
    )
    if not person.any():
        return
    before = words_before_names(work, texts)
    firsts = first_names(work)
    hit = []
    for i, surface, name in zip(
        work.index[person], work.loc[person, "surface"], work.loc[person, "name"], strict=True
    ):
        role, _, rest = name.partition(" ")
        if not surface.startswith(role + " ") or not is_role_noun(role, before, counts):
            continue
        if " " in rest or fold(rest) in firsts:
            hit.append((i, len(role) + 1, rest))
    for i, cut, rest in hit:
        work.at[i, "start"] += cut
        work.at[i, "surface"] = work.at[i, "surface"][cut:]
        work.at[i, "name"] = rest
        entry = gaz.lookup(rest)
        work.at[i, "gaz_id"] = entry.name if entry is not None else ""
        work.at[i, "actor"] = entry.name if entry is not None else rest
        work.at[i, "titled"] = True
        step = chain("role noun cut", "gazetteer") if entry is not None else "role noun cut"
        work.at[i, "rule"] = chain(work.at[i, "rule"], step)
