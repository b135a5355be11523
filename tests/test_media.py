"""Outlets told by the press noun beside them (actors.media).

Every text here is invented.
"""

from __future__ import annotations

import pytest

from tests.test_actors import _resolve


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a press noun after the name, whatever the model typed
        (
            "Mira Tal spoke, according to the Kanalbladet newspaper. Kanalbladet said more.",
            [("Mira Tal", "PERSON"), ("Kanalbladet", "PERSON"), ("Kanalbladet", "PERSON")],
            [["Mira Tal", "PERSON"], ["Kanalbladet", "MEDIA"], ["Kanalbladet", "MEDIA"]],
        ),
        # a press noun before it
        (
            "Sources told investigative news outlet Vestnik he was ill.",
            [("Vestnik", "PERSON")],
            [["Vestnik", "MEDIA"]],
        ),
        (
            "The broadcaster Orsa Nine aired it.",
            [("Orsa Nine", "ORG")],
            [["Orsa Nine", "MEDIA"]],
        ),
        # a word of a person's full name: a clause after the noun, not an outlet
        (
            "Ivo Brandt resigned. Aides told the newspaper Brandt had left.",
            [("Ivo Brandt", "PERSON"), ("Brandt", "PERSON")],
            [["Ivo Brandt", "PERSON"], ["Ivo Brandt", "PERSON"]],
        ),
        # inside a hyphenated modifier: no sign
        (
            "A pro-Vestnik newspaper said so.",
            [("Vestnik", "ORG")],
            [["Vestnik", "ORG"]],
        ),
    ],
)
def test_a_press_noun_beside_a_name_makes_it_an_outlet(text, spans, expected):
    res = _resolve(text, spans)
    assert res.mentions[["actor", "actor_type"]].values.tolist() == expected
