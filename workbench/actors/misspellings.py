"""Surnames a document misspells: a bare name one letter away from a full name's surname.

News copy is typed fast: "Ivo Brandtner ... Brantner said" names one man. A one-word
span (a person, or an organisation as the model often types an unknown surname) that
is no word of any full name in the document, but one letter from the surname of
exactly one person the document names in full (one letter added, dropped or changed,
the first letter the same, both five letters or more), is that person: it takes the
surname's spelling and is resolved with it.

Left alone: the gazetteer's names, a surname some full name bears in any document of
the corpus (two people can be spelled one letter apart), places (a town one letter from
a surname is common enough), a name with two surnames that close, and a difference in
the ending only ("Ivanov" and "Ivanova" are two people).
"""

from __future__ import annotations

import pandas as pd
from rapidfuzz.distance import Levenshtein

from workbench.actors import names
from workbench.actors.gazetteer import fold
from workbench.actors.people import chain

#: Shortest name, in letters, a one-letter slip is judged on.
MIN_LETTERS = 5


def _slip(word: str, surname: str) -> bool:
    """Whether ``word`` is ``surname`` with one letter added, dropped or changed inside."""
    if min(len(word), len(surname)) < MIN_LETTERS or word[0] != surname[0]:
        return False
    if word[:-1] == surname[:-1] or word[:-1] == surname or word == surname[:-1]:
        return False  # only the ending differs: "Ivanov" / "Ivanova"
    return Levenshtein.distance(word, surname, score_cutoff=1) == 1


def misspelt_surnames(work: pd.DataFrame) -> None:
    """Give a bare misspelt surname the spelling of the one full name it is a slip of.

    See the module docstring for what counts and what is left alone.
    """
    if work.empty:
        return
    live = ~work["dropped"]
    people = work[live & (work["label"] == "PERSON") & work["name"].str.contains(" ")]
    if people.empty:
        return
    surnames: dict[str, dict[str, str]] = {}
    words: dict[str, set[str]] = {}
    for doc, name in zip(people["doc_id"], people["name"], strict=True):
        last = names.last_token(name)
        surnames.setdefault(doc, {})[last] = name.split(" ")[-1]
        words.setdefault(doc, set()).update(fold(name).split(" "))
    # a surname some full name bears in any document is no slip ("Neuburger" and "Neuberger")
    spelled = work[live & (work["label"] == "PERSON")]
    known = {
        names.last_token(n)
        for n in set(spelled["name"]) | set(spelled.loc[spelled["gaz_id"] != "", "actor"])
        if " " in n
    }
    maybe = (
        live
        & work["label"].isin(["PERSON", "ORG"])
        & (work["gaz_id"] == "")
        & ~work["name"].str.contains(" ", regex=False)
        & work["doc_id"].isin(surnames.keys())
    )
    part = work.loc[maybe, ["doc_id", "name"]]
    hit: list[tuple[int, str]] = []
    for i, doc, name in zip(part.index, part["doc_id"], part["name"], strict=True):
        word = fold(name)
        if not word.isalpha() or word in words[doc] or word in known:
            continue
        close = [s for s in surnames[doc] if _slip(word, s)]
        if len(close) == 1:
            hit.append((i, surnames[doc][close[0]]))
    for i, spelling in hit:
        work.at[i, "label"] = "PERSON"
        work.at[i, "name"] = spelling
        work.at[i, "actor"] = spelling
        work.at[i, "rule"] = chain(work.at[i, "rule"], "misspelt surname")
