"""Products the model takes for actors: names written before the kind of thing they are.

"Kestrel cruise missiles", "the Orsa terminals", "a Vela beer": a one-word name right
before a noun that names a kind of product (with at most two words that say which kind
between, "cruise", "short-range ballistic") is the product's name, whatever label the model gave it
("Kestrel" typed a person, "Orsa" an organisation, "Vela" a place). Every one-word span
of that name in the document is dropped: a product is no actor. So is a name coordinated
with another before the noun ("Kestrel and Orsa missiles"), and a plural "person" after a
count ("2,000 Kestrels": things are counted, a person is not). A product's singular and
plural are one name; once :data:`MIN_PRODUCT_DOCS` documents make a name a product, its
one-word "person" spans are dropped in every document, unless it is a word of somebody's
full name or some document shows it acting as a maker.

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
from collections import Counter
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


#: Another name joined to the first before their shared noun ("Kestrel and Orsa missiles").
_AND_NAME = re.compile(r"\s+(?:and|or)\s+[A-Z][\w-]*(?=\s)")
#: A count right before a plural name ("2,000 Kestrels", "dozens of Kestrels"); a year
#: is no count ("in 2022 Dorins"), nor a number ending a sentence ("on June 27. Dorins").
_COUNT_BEFORE = re.compile(
    r"(?<![\w.,-])(?:(?!(?:1[89]|20)\d\d\s)\d+(?:[,.]\d+)*|two|three|four|five|six|seven|eight|nine|ten|dozen|"
    r"dozens of|hundreds of|thousands of)\s+$",
    re.IGNORECASE,
)
#: Documents whose own words make a name a product before it is one in every document.
MIN_PRODUCT_DOCS = 2


def _product_after(text: str, end: int) -> bool:
    """Whether the words after ``end`` are a product noun (after at most two kind words).

    A second name coordinated with the first may stand between ("Kestrel and Orsa
    missiles": both are missiles).
    """
    joined = _AND_NAME.match(text, end)
    if joined is not None and _product_words(text, joined.end()):
        return True
    return _product_words(text, end)


def _counted(text: str, start: int, name: str, label: str) -> bool:
    """Whether a plural "person" follows a count ("2,000 Kestrels"): things, no person."""
    return (
        label == "PERSON"
        and name.endswith("s")
        and _COUNT_BEFORE.search(text, max(0, start - 20), start) is not None
    )


def _product_words(text: str, end: int) -> bool:
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
    part = work.loc[one_word, ["doc_id", "start", "end", "name", "label"]]
    if part.empty:
        return
    products: set[tuple[str, str]] = set()
    makers: set[tuple[str, str]] = set()
    person = live_people_words(work)
    for doc, start, end, name, label in part.itertuples(index=False):
        text = texts.get(doc, "")
        key = (doc, _singular(name))
        if _MAKER.match(text, end) or _company_tail(text, end) or f"({name})" in text:
            makers.add(key)
        elif not (start > 0 and text[start - 1] == "-") and (
            _product_after(text, end)
            or (_counted(text, start, name, label) and _singular(name) not in person)
        ):
            products.add(key)
    products -= makers
    if not products:
        return
    # in every document too, once enough documents say so, unless a person bears the name
    docs = Counter(n for _, n in products)
    anywhere = {n for n, k in docs.items() if k >= MIN_PRODUCT_DOCS and n not in person}
    made = {n for _, n in makers}
    hit = [
        i
        for i, d, n, lab in zip(
            part.index, part["doc_id"], part["name"], part["label"], strict=True
        )
        if (d, _singular(n)) in products
        or (lab == "PERSON" and _singular(n) in anywhere and _singular(n) not in made)
    ]
    work.loc[hit, "dropped"] = True
    work.loc[hit, "actor"] = ""
    work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "product, not actor") for i in hit]


def _singular(name: str) -> str:
    """The folded name without a plural "s" ("Kestrels" and "Kestrel" are one product's)."""
    key = fold(name)
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


def live_people_words(work: pd.DataFrame) -> set[str]:
    """The folded words of every person's full name (and their singulars) in the table."""
    full = work.loc[
        ~work["dropped"]
        & (work["label"] == "PERSON")
        & work["name"].str.contains(" ", regex=False),
        "name",
    ]
    words = {w for n in full.unique() for w in fold(n).split(" ")}
    return words | {_singular(w) for w in words}


def _company_tail(text: str, end: int) -> bool:
    m = re.match(r"\s+([A-Za-z.]+)", text[end : end + 30])
    return m is not None and m.group(1).casefold() in COMPANY_TAILS
