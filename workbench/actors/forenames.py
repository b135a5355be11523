"""Organisations the model made of people's names, told by the corpus's first names.

A two-word "organisation" opening with a first name the corpus gives people is a
person; so is a one-word "organisation" right after such a first name.

spaCy's model types many unfamiliar full names as organisations ("Oleksandr Vorik said",
"Natalia Berg of the agency"). The corpus itself tells which words are first names: a
word that opens the full names of several different people ("Oleksandr Petrenko",
"Oleksandr Lysak", "Oleksandr Holub") is one, wherever it is.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

import pandas as pd

from workbench.actors import names
from workbench.actors.appositives import COMPANY_TAILS
from workbench.actors.gazetteer import fold
from workbench.actors.people import chain

#: Different people's full names a word must open to count as a first name.
MIN_PEOPLE = 3
_TWO_WORDS = re.compile(r"^[A-Z][a-z]+ [A-Z][a-z]+$")
_ONE_WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
#: Second words that make a name an organisation's or a place's ("Victoria Station").
_NOT_SURNAMES = (
    names.SITE_WORDS
    | names.GROUP_HEADS
    | names.PLACE_HEADS
    | COMPANY_TAILS
    | frozenset("county field park square university college school hall house".split())
)


def first_names(work: pd.DataFrame) -> frozenset[str]:
    """Folded words that open the full names of :data:`MIN_PEOPLE` people or more."""
    person = ~work["dropped"] & (work["label"] == "PERSON")
    people: dict[str, set[str]] = defaultdict(set)
    for name in work.loc[person, "name"].unique():
        words = name.split(" ")
        if len(words) >= 2 and words[0][:1].isupper() and words[0].isalpha():
            people[fold(words[0])].add(fold(name))
    return frozenset(w for w, full in people.items() if len(full) >= MIN_PEOPLE)


def _model_organisations(work: pd.DataFrame, shape: re.Pattern) -> pd.Series:
    """Live spans only the model typed an organisation, the gazetteer not knowing them."""
    return (
        ~work["dropped"]
        & (work["label"] == "ORG")
        & (work["source"] == "model")
        & (work["gaz_id"] == "")
        & work["name"].str.match(shape)
    )


def people_typed_as_organisations(work: pd.DataFrame) -> None:
    """A model's two-word organisation opening with a corpus first name is a person.

    "Ivo Varga" typed ORG, where the corpus names Ivo Brandt, Ivo Horvat and Ivo Kos,
    is a person; not when its second word is a site's, a group's, a place's or a
    company's ("Ivo Park", "Ivo Holdings"), nor a name the gazetteer knows.
    """
    if work.empty:
        return
    maybe = _model_organisations(work, _TWO_WORDS)
    if not maybe.any():
        return
    known = first_names(work)
    hit = [
        i
        for i, name in zip(work.index[maybe], work.loc[maybe, "name"], strict=True)
        if fold(name.split(" ")[0]) in known
        and fold(name.split(" ")[1]) not in _NOT_SURNAMES
        and fold(name.split(" ")[0]) not in names.TITLE_WORDS
    ]
    if hit:
        work.loc[hit, "label"] = "PERSON"
        work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "first name of people") for i in hit]


#: A capitalised word right before a span, a space between ("Oleksandr [Vorik]").
_WORD_BEFORE = re.compile(r"(?<![\w.'\u2019-])([A-Z][a-z]+) $")


def first_names_before_organisations(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """A one-word "organisation" right after a corpus first name is that person's surname.

    "the spokesman Oleksandr [Vorik] said": the model cut the first name off and typed the
    rest an organisation. Where the word before is a first name by :func:`first_names`
    (not a title, and the surname no site's, group's, place's or company's word), the
    span takes it back and becomes a person's full name. The gazetteer's names are left
    alone.
    """
    if work.empty:
        return
    maybe = _model_organisations(work, _ONE_WORD)
    if not maybe.any():
        return
    known = first_names(work)
    part = work.loc[maybe, ["doc_id", "start", "name"]]
    live = work.loc[~work["dropped"], ["doc_id", "end"]]
    ends = set(zip(live["doc_id"], live["end"], strict=True))
    for i, doc, start, name in part.itertuples(name=None):
        m = _WORD_BEFORE.search(texts.get(doc, ""), max(0, start - 25), start)
        if m is None or fold(name) in _NOT_SURNAMES or (doc, m.end(1)) in ends:
            continue  # no word before, no surname, or the word is a span of its own
        first = m.group(1)
        if fold(first) not in known or fold(first) in names.TITLE_WORDS:
            continue
        work.at[i, "start"] = m.start(1)
        work.at[i, "surface"] = f"{first} {work.at[i, 'surface']}"
        work.at[i, "name"] = work.at[i, "actor"] = f"{first} {name}"
        work.at[i, "label"] = "PERSON"
        work.at[i, "rule"] = chain(work.at[i, "rule"], "first name before it")
