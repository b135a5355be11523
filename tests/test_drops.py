"""Spans that are no actor (actors.drops).

Every text here is invented.
"""

from __future__ import annotations

from tests.test_actors import _resolve


def test_a_makers_name_with_a_model_number_is_the_model_also_after_the():
    text = (
        "Police seized an Orsa A320-100 in May. The owner of the Orsa hid it. "
        "Orsa said it builds jets. Ivo Brandt flew."
    )
    res = _resolve(
        text, [("Orsa", "ORG"), ("Orsa", "ORG"), ("Orsa", "ORG"), ("Ivo Brandt", "PERSON")]
    )
    assert res.mentions[["actor", "start"]].values.tolist() == [
        ["Orsa", text.index("Orsa said")],
        ["Ivo Brandt", text.index("Ivo")],
    ]
