"""Tests for workbench.actors.aliases: a name in brackets after a person's full name."""

from __future__ import annotations

import pytest

from tests.test_actors import _resolve
from workbench.actors.gazetteer import Entry, Gazetteer

RURITANIA = Gazetteer({"Ruritania": Entry("Ruritania", "GPE", ())})

# (text, the model's spans, (surface, actor) of every mention kept)
CASES = [
    (  # the alias in brackets and its later uses, found by the model or not
        "Mira Tal (Falcon) flew in. Falcon said the port was safe. Later Falcon left.",
        [("Mira Tal", "PERSON"), ("Falcon", "PERSON"), ("Falcon", "ORG")],
        [("Mira Tal", "Mira Tal")] + [("Falcon", "Mira Tal")] * 3,
    ),
    (  # several words: a translation, no alias
        "Omar Haddad (Old Bear) spoke. Old Bear said no.",
        [("Omar Haddad", "PERSON")],
        [("Omar Haddad", "Omar Haddad")],
    ),
    (  # a place the model found in the bracket is no alias
        "Mira Tal (Westmark) spoke. Westmark voted.",
        [("Mira Tal", "PERSON"), ("Westmark", "GPE"), ("Westmark", "GPE")],
        [("Mira Tal", "Mira Tal"), ("Westmark", "Westmark"), ("Westmark", "Westmark")],
    ),
    (  # nor is a body (a party)
        "Mira Tal (Greens) spoke.",
        [("Mira Tal", "PERSON"), ("Greens", "ORG")],
        [("Mira Tal", "Mira Tal"), ("Greens", "Greens")],
    ),
    (  # an actor the gazetteer lists is no alias
        "Mira Tal (Ruritania) spoke. Ruritania voted.",
        [("Mira Tal", "PERSON")],
        [("Mira Tal", "Mira Tal")],
    ),
    (  # a word the text also writes in lower case is no name
        "Mira Tal (Left) spoke. She turned left.",
        [("Mira Tal", "PERSON")],
        [("Mira Tal", "Mira Tal")],
    ),
    (  # an acronym, a party and state, a note: no alias
        "Mira Tal (R-Westmark) and Omar Haddad (NATO) spoke; Dan Ek (pictured) left.",
        [("Mira Tal", "PERSON"), ("Omar Haddad", "PERSON"), ("Dan Ek", "PERSON")],
        [("Mira Tal", "Mira Tal"), ("Omar Haddad", "Omar Haddad"), ("Dan Ek", "Dan Ek")],
    ),
    (  # after a single name: no full name to stand for
        "Tal (Falcon) spoke. Falcon left.",
        [("Tal", "PERSON")],
        [("Tal", "Tal")],
    ),
]


@pytest.mark.parametrize(("text", "spans", "expected"), CASES)
def test_a_bracketed_alias_stands_for_the_person(text, spans, expected):
    res = _resolve(text, spans, RURITANIA if "Ruritania" in text else None)
    assert res.mentions[["surface", "actor"]].apply(tuple, axis=1).tolist() == expected
