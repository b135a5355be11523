"""Whom pronouns and descriptions stand for (:mod:`workbench.actors.references`)."""

from __future__ import annotations

import pytest

from tests.test_quotes import _quotes

TAL = ("Mira Tal", "PERSON")
EK = ("Dan Ek", "PERSON")
COUNCIL = ("Harbour Council", "ORG")
PORT = ("Harbour Aid", "ORG")
RURITANIA = ("Ruritania", "GPE")


@pytest.mark.parametrize(
    ("text", "actors", "speakers"),
    [
        (  # the subject of reported words is not what "it" stands for: the body that spoke
            "The Harbour Council said Ruritania had closed the port. It added Ruritania was wrong.",
            [COUNCIL, RURITANIA],
            ["Harbour Council", "Harbour Council"],
        ),
        (  # ... nor "he"
            "Mira Tal said Dan Ek had left the city. He added that the port would close.",
            [TAL, EK],
            ["Mira Tal", "Mira Tal"],
        ),
        (  # a person past a long aside and a time acts, so "he" stands for him
            "Mira Tal said the port would open. Dan Ek, the mayor of the city, on Wednesday "
            "called the plan a danger. He said the port would close.",
            [TAL, EK],
            ["Mira Tal", "Dan Ek"],
        ),
        (  # a person noun without a person's ending: the person who just spoke
            "Dan Ek said the port would close. The billionaire also said the city would suffer.",
            [EK],
            ["Dan Ek", "Dan Ek"],
        ),
        (  # a body's noun with a person's ending: the body that spoke last, not the person
            "Mira Tal visited the port. Harbour Aid said the dock was safe. The operator said "
            "the cranes would run again.",
            [TAL, PORT],
            ["Harbour Aid", "Harbour Aid"],
        ),
    ],
)
def test_references(text, actors, speakers):
    assert [q[1] for q in _quotes(text, actors)] == speakers
