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


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # coordinated before the product noun: both are products
        (
            "Units got Kestrel and Orsa missiles.",
            [("Kestrel", "PERSON"), ("Orsa", "PERSON")],
            [],
        ),
        # a plural "person" after a count: things
        ("The package holds 2,000 Kestrels.", [("Kestrels", "PERSON")], []),
        ("They fired dozens of Kestrels.", [("Kestrels", "PERSON")], []),
        # one person after a number is left alone; so is a plural after no count
        ("In 2022 Dorins spoke.", [("Dorins", "PERSON")], [["Dorins", "PERSON"]]),
        ("It ends on June 27. Dorins spoke.", [("Dorins", "PERSON")], [["Dorins", "PERSON"]]),
        # the surname of somebody's full name
        (
            "Ada Williams won. 3 Williams played.",
            [("Ada Williams", "PERSON"), ("Williams", "PERSON")],
            [["Ada Williams", "PERSON"], ["Ada Williams", "PERSON"]],
        ),
        (
            "Ivo Dorin and Ada Brandt spoke.",
            [("Ivo Dorin", "PERSON"), ("Ada Brandt", "PERSON")],
            [["Ivo Dorin", "PERSON"], ["Ada Brandt", "PERSON"]],
        ),
    ],
)
def test_coordinated_and_counted_products(text, spans, expected):
    res = _resolve(text, spans)
    assert res.mentions[["actor", "actor_type"]].values.tolist() == expected


def test_a_product_in_two_documents_is_one_in_every_document():
    import pandas as pd

    from workbench.actors.gazetteer import Gazetteer
    from workbench.actors.resolve import resolve

    texts = {
        "d1": "Kestrel missiles hit Dorsk.",
        "d2": "The army fired 300 Kestrels.",
        "d3": "We need more Kestrels, he said.",
    }
    rows = []
    for d, s in (("d1", "Kestrel"), ("d2", "Kestrels"), ("d3", "Kestrels")):
        a = texts[d].index(s)
        rows.append((d, a, a + len(s), s, "PERSON", "model", ""))
    frame = pd.DataFrame(
        rows, columns=["doc_id", "start", "end", "surface", "label", "source", "gaz_id"]
    )
    res = resolve(frame, Gazetteer(), texts=texts)
    assert res.mentions.empty
