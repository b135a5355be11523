"""A national description stands for the compatriot in focus (:mod:`workbench.actors.compatriots`)."""

from __future__ import annotations

import pytest

from tests.test_quotes import _quotes

TAL = ("Mira Tal", "PERSON")
EK = ("Dan Ek", "PERSON")


@pytest.mark.parametrize(
    ("text", "actors", "speakers"),
    [
        (  # "the Ruritanian leader": the Ruritanian who just spoke, with no title "leader"
            "In Ruritania, President Mira Tal said the port would close. "
            "The Ruritanian leader added that the city would suffer.",
            [("Ruritania", "GPE"), TAL],
            ["Mira Tal", "Mira Tal"],
        ),
        (  # a possessed description too, past someone else who spoke in between
            "In Ruritania, President Mira Tal said the port would close. Dan Ek said the city "
            "would fall. Ruritania's leader added that the city would suffer.",
            [("Ruritania", "GPE"), TAL, EK, ("Ruritania", "GPE")],
            ["Mira Tal", "Dan Ek", "Mira Tal"],
        ),
        (  # a person the text ties to no country is not the one meant
            "Mira Tal said the port would close. Ruritania's leader added that the city "
            "would suffer.",
            [TAL, ("Ruritania", "GPE")],
            ["Mira Tal", None],
        ),
        (  # nor one tied to another country
            "Elbonian envoy Dan Ek said the port would close. Ruritania's leader added that "
            "the city would suffer.",
            [EK, ("Ruritania", "GPE")],
            ["Dan Ek", None],
        ),
        (  # nor one who spoke more than a few sentences before
            "In Ruritania, President Mira Tal said the port would close. The city fell. The "
            "port burned. Ships left. Rain came. The Ruritanian leader added that the city "
            "would suffer.",
            [("Ruritania", "GPE"), TAL],
            ["Mira Tal", None],
        ),
        (  # a person named without a title: "the Ruritanian president" may be them
            "In Ruritania, Mira Tal said the port would close. The Ruritanian president "
            "added that the city would suffer.",
            [("Ruritania", "GPE"), TAL],
            ["Mira Tal", "Mira Tal"],
        ),
        (  # not someone the text gives another title
            "In Ruritania, Senator Mira Tal said the port would close. The Ruritanian "
            "general added that the city would suffer.",
            [("Ruritania", "GPE"), TAL],
            ["Mira Tal", None],
        ),
        (  # not for an office that more title words name
            "In Ruritania, Mira Tal said the port would close. The Ruritanian acting "
            "president added that the city would suffer.",
            [("Ruritania", "GPE"), TAL],
            ["Mira Tal", None],
        ),
        (  # not for a city: whoever the text ties to it need not hold its office
            "In Kyiv, Mira Tal said the port would close. The mayor of Kyiv added that the "
            "city would suffer.",
            [("Kyiv", "GPE"), TAL, ("Kyiv", "GPE")],
            ["Mira Tal", None],
        ),
    ],
)
def test_a_national_description_stands_for_a_compatriot(text, actors, speakers):
    assert [q[1] for q in _quotes(text, actors)] == speakers
