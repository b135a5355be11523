"""Spans that are no actor (actors.drops).

Every text here is invented.
"""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("The Berliners cheered on Monday.", "Berliners", "ORG"),  # a city's people
        ("Eastern European leaders met.", "Eastern European", "LOC"),  # an adjective
        ("Leaders met at the Vetria Summit.", "Vetria Summit", "ORG"),  # an event
        ("He recalled the Orsa Missile Crisis.", "Orsa Missile Crisis", "ORG"),
    ],
)
def test_peoples_and_events_are_no_actors(text, span, label):
    assert _resolve(text, [(span, label)]).mentions.empty


def test_an_organisation_ending_in_an_event_word_after_a_preposition_stays():
    text = "The Institute for the Study of War said so."
    res = _resolve(text, [("Institute for the Study of War", "ORG")])
    assert res.mentions["actor"].tolist() == ["Institute for the Study of War"]
