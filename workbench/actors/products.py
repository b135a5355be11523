"""Products the model takes for actors: names written before the kind of thing they are.

"Kestrel cruise missiles", "the Orsa terminals", "a Vela beer": a one-word name right
before a noun that names a kind of product (with at most two words that say which kind
between, "cruise", "short-range ballistic") is the product's name, whatever label the model gave it
("Kestrel" typed a person, "Orsa" an organisation, "Vela" a place). Every one-word span
of that name in the document is dropped: a product is no actor.

Left alone: the gazetteer's names ("NATO jets" are the alliance's), a name joined by a
hyphen to the word before ("pro-Orsa drones"), a possessive before the noun ("Orsa's
drones" are a maker's), a product noun that itself qualifies a unit ("the Vostra tank
division" is a group) and a name the document also shows acting as a maker or speaker
("Orsa said", "Orsa, the company", "Orsa Technologies", "Orsa officials", "an Orsa
astronaut"), and an acronym the document defines in brackets (left to
:mod:`workbench.actors.acronyms`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from workbench.actors import names
from workbench.actors.appositives import COMPANY_TAILS
from workbench.actors.gazetteer import fold
from workbench.actors.people import chain

#: Nouns that name a kind of product, beyond :data:`names.PRODUCT_HEADS`.
PRODUCT_NOUNS = names.PRODUCT_HEADS | frozenset(
    """terminal terminals beer beers vodka lager""".split()
)
#: Words that may sit between the name and its product noun ("Kestrel cruise missiles").
KIND_WORDS = frozenset(
    """cruise ballistic short-range long-range medium-range intermediate-range attack
    anti-ship anti-tank anti-aircraft hypersonic kamikaze
    suicide combat battle fighter guided air-defence air-defense surface-to-air
    multiple-launch rocket missile satellite internet""".split()
)
#: Nouns after a product noun that make the phrase a unit ("tank division").
_UNIT_WORDS = frozenset(
    """division divisions regiment regiments brigade brigades battalion battalions unit
    units corps army company squadron crew crews force forces""".split()
)
_AFTER = re.compile(r"(?:\s+[a-z][a-z-]*){1,4}")
_MAKER = re.compile(
    r"(?:\s+(?:said|says|told|announced|added|stated|confirmed|denied|"
    r"spokes(?:man|woman|person)|chief|ceo|founder|executives?|employees?|staff|"
    r"officials?|officers?|astronauts?|pilots?|engineers?|scientists?|workers?|soldiers?|"
    r"troops|forces|personnel|administrator|director|head|boss|commanders?)\b|"
    r",\s+(?:the|a|an)\s+(?:\w+\s+){0,2}?(?:company|firm|maker|manufacturer|operator|"
    r"provider|group|agency|contractor)\b)",
    re.IGNORECASE,
)
_LABELS = frozenset(("PERSON", "ORG", "GPE", "LOC", "FAC"))


def _product_after(text: str, end: int) -> bool:
    """Whether the words after ``end`` are a product noun (after at most two kind words)."""
    m = _AFTER.match(text, end)
    if m is None:
        return False
    words = m.group().split()
    for j, word in enumerate(words[:3]):
        if word in PRODUCT_NOUNS:
            rest = words[j + 1 :]
            return not (rest and rest[0] in _UNIT_WORDS)
        if word not in KIND_WORDS:
            return False
    return False


def products_named_before_their_kind(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """Drop every one-word span of a name the document writes before a product noun.

    See the module docstring for what counts and what is left alone.
    """
    if work.empty:
        return
    one_word = (
        ~work["dropped"]
        & work["label"].isin(_LABELS)
        & (work["gaz_id"] == "")
        & ~work["titled"].astype(bool)
        & ~work["name"].str.contains(" ", regex=False)
        & (work["name"] != "")
    )
    part = work.loc[one_word, ["doc_id", "start", "end", "name"]]
    if part.empty:
        return
    products: set[tuple[str, str]] = set()
    makers: set[tuple[str, str]] = set()
    for doc, start, end, name in part.itertuples(index=False):
        text = texts.get(doc, "")
        key = (doc, fold(name))
        if _MAKER.match(text, end) or _company_tail(text, end) or f"({name})" in text:
            makers.add(key)
        elif not (start > 0 and text[start - 1] == "-") and _product_after(text, end):
            products.add(key)
    products -= makers
    if not products:
        return
    hit = [
        i
        for i, d, n in zip(part.index, part["doc_id"], part["name"], strict=True)
        if (d, fold(n)) in products
    ]
    work.loc[hit, "dropped"] = True
    work.loc[hit, "actor"] = ""
    work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "product, not actor") for i in hit]


def _company_tail(text: str, end: int) -> bool:
    m = re.match(r"\s+([A-Za-z.]+)", text[end : end + 30])
    return m is not None and m.group(1).casefold() in COMPANY_TAILS
