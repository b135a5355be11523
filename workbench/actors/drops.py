"""Spans that are no actor: bylines, ignored names, common words, and what context rules out."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

import pandas as pd

from workbench.actors import names
from workbench.actors.context import context_reasons
from workbench.actors.gazetteer import Gazetteer, fold
from workbench.actors.people import chain, memo


def drop_unwanted(
    work: pd.DataFrame, gaz: Gazetteer, authors: frozenset[str], counts: Counter
) -> None:
    """Drop bylines, ignored names, nationality and title words, and common words.

    Only spans the gazetteer does not know are judged on their form; every drop is
    chained onto the span's rule and its actor emptied.
    """

    def reason(name: str, surface: str, label: str, free: bool) -> str:
        if fold(name) in authors:
            return "byline"
        if fold(name) in gaz.ignore or fold(surface) in gaz.ignore:
            return "ignored"
        if not free:
            return ""
        if "\n" in surface:
            return "line break"
        if not any(ch.isalpha() for ch in name) or all(names.is_title(t) for t in name.split()):
            return "not a name"
        if fold(name) in names.DEMONYMS or fold(name).rstrip("s") in names.DEMONYMS:
            return "nationality word"
        if label == "PERSON" and fold(name) in names.NOT_PEOPLE:
            return "not a person"
        if "\u2022" in surface:
            return "not a name"
        if label == "PERSON" and not names.looks_like_person(name):
            return "not a name"
        if " " not in name and mostly_lower(name, counts):
            return "common word"
        return ""

    why = memo(reason)
    reasons = [
        why(n, s, lab, not g)
        for n, s, lab, g in zip(
            work["name"].tolist(),
            work["surface"].tolist(),
            work["label"].tolist(),
            work["gaz_id"].tolist(),
            strict=True,
        )
    ]
    work["dropped"] = [bool(r) for r in reasons]
    work["rule"] = [
        chain(old, r) if r else old for old, r in zip(work["rule"].tolist(), reasons, strict=True)
    ]
    work["actor"] = [("" if r else a) for a, r in zip(work["actor"].tolist(), reasons, strict=True)]


def drop_by_context(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """Drop spans the words around them rule out (:mod:`workbench.actors.context`)."""
    if work.empty:
        return
    live = ~work["dropped"]
    part = work[live]
    reasons = context_reasons(
        part["doc_id"].tolist(),
        part["start"].tolist(),
        part["end"].tolist(),
        part["name"].tolist(),
        part["label"].tolist(),
        texts,
        (part["gaz_id"] != "").tolist(),
    )
    why = dict(zip(part.index, reasons, strict=True))
    _models_after_an_article(part, why, texts)
    hit = [i for i, r in why.items() if r]
    if not hit:
        return
    work.loc[hit, "dropped"] = True
    work.loc[hit, "rule"] = [chain(work.at[i, "rule"], why[i]) for i in hit]
    work.loc[hit, "actor"] = ""


_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:the|an?)\s+$", re.IGNORECASE)


def _models_after_an_article(
    part: pd.DataFrame, why: dict[int, str], texts: Mapping[str, str]
) -> None:
    """A maker's name its document gives a model number takes one after "the" or "an" too.

    "an Orsa A320 ... the owner of the Orsa": the second is the aircraft, not the maker.
    """
    models = {
        (doc, fold(name))
        for i, doc, name in zip(part.index, part["doc_id"], part["name"], strict=True)
        if why[i] == "numbered name"
    }
    if not models:
        return
    for i, doc, start, name in zip(
        part.index, part["doc_id"], part["start"], part["name"], strict=True
    ):
        if not why[i] and (doc, fold(name)) in models:
            text = texts.get(doc, "")
            if _ARTICLE_BEFORE.search(text, max(0, start - 5), start):
                why[i] = "numbered name"


def author_names(authors: Iterable[object]) -> frozenset[str]:
    """Folded names from byline values such as ``"Sarah Chen; Emily Carter and Li Wei"``."""
    out: set[str] = set()
    for value in authors:
        if isinstance(value, str):
            for part in re.split(r";|,|\band\b|&|\|", value):
                name = names.clean_name(re.sub(r"^\s*by\s+", "", part, flags=re.I))[0]
                if name:
                    out.add(fold(name))
    return frozenset(out)


def mostly_lower(word: str, counts: Counter) -> bool:
    """A capitalised word the corpus writes at least as often in lower case ("Breakdown")."""
    if word.islower():
        return False
    lower = counts[word.lower()]
    return lower > 0 and lower >= counts[word]
