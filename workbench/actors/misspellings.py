"""Names a document misspells: a bare surname one letter off, a known name's letters swapped.

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

A one-word name that is a gazetteer name with two neighbouring letters swapped
("Dontesk", "Zelenksyy") is that name (:func:`swapped_letters`).
"""

from __future__ import annotations

import pandas as pd
from rapidfuzz.distance import Levenshtein

from workbench.actors import names
from workbench.actors.gazetteer import Gazetteer, fold
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


#: Shortest name, in letters, two swapped letters are judged on.
MIN_SWAPPED = 6


def swapped_variants(word: str) -> list[str]:
    """``word`` with two neighbouring letters swapped, the first letter kept.

    Example:
        >>> swapped_variants("Dorks")
        ['Droks', 'Dokrs', 'Dorsk']
    """
    out = []
    for i in range(1, len(word) - 1):
        if word[i] != word[i + 1]:
            out.append(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    return out


def swapped_letters(work: pd.DataFrame, gaz: Gazetteer) -> None:
    """A one-word name that is a gazetteer name with two neighbouring letters swapped.

    "Dontesk" for "Donetsk", "Zelenksyy" for "Zelenskyy": a slip of the keyboard no
    real name makes. A span the gazetteer does not know, of :data:`MIN_SWAPPED` letters
    or more, whose swaps match exactly one gazetteer entry, takes that entry (and its
    type). A word of a person's full name in the document is left alone.
    """
    if work.empty:
        return
    live = ~work["dropped"] & (work["gaz_id"] == "")
    people = work[live & (work["label"] == "PERSON") & work["name"].str.contains(" ")]
    in_names = {
        (d, w)
        for d, n in zip(people["doc_id"], people["name"], strict=True)
        for w in fold(n).split()
    }
    maybe = (
        live
        & ~work["name"].str.contains(" ", regex=False)
        & (work["name"].str.len() >= MIN_SWAPPED)
    )
    part = work.loc[maybe, ["doc_id", "name"]]

    def entry_of(name: str):
        if not name.isalpha() or gaz.lookup(name) is not None:
            return None
        found = {e.name: e for v in swapped_variants(name) if (e := gaz.lookup(v)) is not None}
        return next(iter(found.values())) if len(found) == 1 else None

    entries: dict[str, object] = {}
    for i, doc, name in zip(part.index, part["doc_id"], part["name"], strict=True):
        if (doc, fold(name)) in in_names:
            continue
        if name not in entries:
            entries[name] = entry_of(name)
        entry = entries[name]
        if entry is None:
            continue
        work.at[i, "gaz_id"] = work.at[i, "actor"] = entry.name
        work.at[i, "label"] = entry.type if entry.type in _SPAN_TYPES else work.at[i, "label"]
        work.at[i, "rule"] = chain(work.at[i, "rule"], "swapped letters+gazetteer")


#: Gazetteer types a span's label can take.
_SPAN_TYPES = frozenset(("PERSON", "ORG", "GPE", "LOC", "FAC"))
