"""Other names a document gives a person in brackets: "Mira Tal (Falcon)" makes Falcon her.

A nickname, a nom de guerre or a former name in brackets right after a person's full
name stands for that person wherever the document uses it, as an acronym in brackets
stands for an organisation (:mod:`workbench.actors.acronyms`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from workbench.actors.acronyms import spread
from workbench.actors.gazetteer import Gazetteer

#: One capitalised word in brackets: "(Falcon)"; not an acronym ("(NATO)"), a party and
#: state ("(R-Texas)"), a lower-case note ("(pictured)") or a translation of several
#: words ("Maidan Nezalezhnosti (Independence Square)").
_ALIAS = re.compile(r"[ \t]*\(([A-Z][a-z][\w'’]*)\)")


def expand_aliases(
    work: pd.DataFrame, texts: Mapping[str, str], gazetteer: Gazetteer
) -> pd.DataFrame:
    """A name in brackets after a person's full name stands for that person.

    The spans the model found there take the person, and the occurrences it missed are
    added. A bracket that names something else is no alias: a place or a body the model
    found there ("Tal (Ruritania)"), an actor the gazetteer lists, or a word the document
    also writes in lower case ("(Left)").
    """
    if work.empty:
        return work
    return spread(work, texts, _definitions(work, texts, gazetteer), "alias")


def _definitions(
    work: pd.DataFrame, texts: Mapping[str, str], gazetteer: Gazetteer
) -> dict[tuple[str, str], int]:
    """``{(doc, alias): row}``: the row of the person each bracketed alias stands for."""
    live = ~work["dropped"]
    others: dict[str, list[tuple[int, int]]] = {}
    for d, a, b, label in zip(
        work.loc[live, "doc_id"],
        work.loc[live, "start"],
        work.loc[live, "end"],
        work.loc[live, "label"],
        strict=True,
    ):
        if label != "PERSON":
            others.setdefault(d, []).append((a, b))
    people = live & (work["label"] == "PERSON")
    defined: dict[tuple[str, str], int] = {}
    for i, doc, end, name in zip(
        work.index[people],
        work.loc[people, "doc_id"],
        work.loc[people, "end"],
        work.loc[people, "name"],
        strict=True,
    ):
        text = texts.get(doc, "")
        m = _ALIAS.match(text, end)
        if m is None or len(str(name).split()) < 2:
            continue
        alias = m.group(1)
        if (
            alias in str(name).split()
            or any(a < m.end(1) and m.start(1) < b for a, b in others.get(doc, ()))
            or gazetteer.lookup(alias) is not None
            or re.search(rf"\b{re.escape(alias.lower())}\b", text) is not None
        ):
            continue
        defined.setdefault((doc, alias), i)
    return defined
