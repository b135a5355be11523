"""A name the text glosses in apposition speaks (:mod:`workbench.actors.glosses`)."""

from __future__ import annotations

import pytest

from tests.test_quotes import _quotes
from workbench.actors.glosses import kind_of

TAL = ("Mira Tal", "PERSON")


@pytest.mark.parametrize(
    ("text", "actors", "speakers"),
    [
        (  # a body's gloss marks a one-word name the model missed; "it" goes on with it
            "Mira Tal left. Harbourgas, the Ruritanian energy company, said on Friday that "
            "the port would close. It also said that the staff had left.",
            [TAL],
            ["Harbourgas", "Harbourgas"],
        ),
        (  # "based in" marks a body; "the company" goes on with it
            "Mira Tal left. Harbourgas, based in Port Vell, said it had sold 400 flags. "
            '"We sold out within days of the war," the company added.',
            [TAL],
            ["Harbourgas", "Harbourgas"],
        ),
        (  # a person's gloss marks a person, whom "she" may stand for
            "Mira Tal left. Brand, a local farmer, said that the port would close.",
            [TAL],
            ["Brand"],
        ),
        (  # an adverb opening the clause is no name, whatever its gloss
            "Mira Tal left. However, the Ruritanian energy company, said that the port would "
            "close.",
            [TAL],
            [None],
        ),
        (  # a plural noun opening the clause is no name
            "Mira Tal left. Officials, the Ruritanian watchdog, said that the port would close.",
            [TAL],
            [None],
        ),
        (  # a person's full name "based in" a city is not made a body
            "Mira Tal left. Dan Ek, based in Port Vell, said that the port would close.",
            [TAL],
            ["Dan Ek"],
        ),
    ],
)
def test_a_glossed_name_speaks(text, actors, speakers):
    assert [q[1] for q in _quotes(text, actors)] == speakers


@pytest.mark.parametrize(
    ("gloss", "kind"),
    [
        ("the Ruritanian energy company", "ORG"),
        ("the state operator", "ORG"),
        ("a local watchdog", "ORG"),
        ("based in Port Vell", "ORG"),
        ("a local farmer", "PERSON"),
        ("the city's mayor", "PERSON"),
        ("the first time", None),
        ("a big surprise", None),
    ],
)
def test_the_kind_a_gloss_tells(gloss, kind):
    assert kind_of(gloss) == kind
