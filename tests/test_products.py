"""Products the model takes for actors (actors.products).

Every text here is invented.
"""

from __future__ import annotations

import pytest

from tests.test_actors import _resolve


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a product noun after the name, with up to two words saying which kind between
        (
            "Kestrel cruise missiles hit Dorsk. Kestrel is fast, Ivo Brandt said.",
            [
                ("Kestrel", "PERSON"),
                ("Dorsk", "GPE"),
                ("Kestrel", "PERSON"),
                ("Ivo Brandt", "PERSON"),
            ],
            [["Dorsk", "GPE"], ["Ivo Brandt", "PERSON"]],
        ),
        (
            "Units include Vela short-range ballistic missiles.",
            [("Vela", "GPE")],
            [],
        ),
        # whatever the label: an organisation or a place before its product noun
        (
            "Orsa terminals were sent. Later Orsa went down.",
            [("Orsa", "ORG"), ("Orsa", "ORG")],
            [],
        ),
        (
            "He drank a Lumo beer.",
            [("Lumo", "GPE")],
            [],
        ),
        # a unit, not a product: "the Vostra tank division"
        (
            "The Vostra tank division held.",
            [("Vostra", "ORG")],
            [["Vostra", "ORG"]],
        ),
        # a maker the document shows acting: "Orsa officials", "Orsa said"
        (
            "An Orsa jet landed. Orsa officials met the crew.",
            [("Orsa", "ORG"), ("Orsa", "ORG")],
            [["Orsa", "ORG"], ["Orsa", "ORG"]],
        ),
        (
            "Orsa drones flew. Orsa said it would sell more.",
            [("Orsa", "ORG"), ("Orsa", "ORG")],
            [["Orsa", "ORG"], ["Orsa", "ORG"]],
        ),
        # a possessive or a hyphen before the noun: a maker's or a side's
        (
            "Orsa's drones flew. Pro-Vela drones fell.",
            [("Orsa", "ORG"), ("Vela", "GPE")],
            [["Orsa", "ORG"], ["Vela", "GPE"]],
        ),
    ],
)
def test_a_name_before_a_product_noun_is_a_product_not_an_actor(text, spans, expected):
    res = _resolve(text, spans)
    assert res.mentions[["actor", "actor_type"]].values.tolist() == expected
