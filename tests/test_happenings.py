"""Tests for :mod:`workbench.actors.happenings`: events the model takes for people.

Every text here is invented.
"""

from __future__ import annotations

import pytest

from tests.test_actors import _resolve


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # "the X <event noun>", with up to two modifiers between
        ("He rose after the Vostra protests.", [("Vostra", "PERSON")], []),
        ("He rose after the Vostra mass protests.", [("Vostra", "PERSON")], []),
        ("It began with the Vostra anti-graft revolution.", [("Vostra", "PERSON")], []),
        # every span of the name in the document goes
        ("The Vostra uprising spread. Crowds came to Vostra.", [("Vostra", "PERSON")] * 2, []),
        # no "the", a verb or a function word between, or no event noun: a person
        ("Vostra protests often.", [("Vostra", "PERSON")], [["Vostra", "PERSON"]]),
        ("He met the Vostra administration.", [("Vostra", "PERSON")], [["Vostra", "PERSON"]]),
        (
            "Then the Vostra said protests would end.",
            [("Vostra", "PERSON")],
            [["Vostra", "PERSON"]],
        ),
        # the surname of a person the document names in full
        (
            "Ivo Dorin spoke. Critics call it the Dorin war.",
            [("Ivo Dorin", "PERSON"), ("Dorin", "PERSON")],
            [["Ivo Dorin", "PERSON"], ["Ivo Dorin", "PERSON"]],
        ),
    ],
)
def test_a_name_before_an_event_noun_is_no_person(text, spans, expected):
    res = _resolve(text, spans)
    assert res.mentions[["actor", "actor_type"]].values.tolist() == expected
