"""A title right before a name makes it a person's (actors.titles).

Every text here is invented.
"""

from __future__ import annotations

import pytest

from tests.test_actors import _resolve


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a rank before an "organisation": a person, in every span of that name
        (
            "The army chief, Gen. Korvak, spoke. Korvak said the line held.",
            [("Korvak", "ORG"), ("Korvak", "ORG")],
            [["Korvak", "PERSON"], ["Korvak", "PERSON"]],
        ),
        # the titled span labelled a person, the others an organisation
        (
            "Gen. Korvak spoke. Korvak said no. Korvak left.",
            [("Korvak", "PERSON"), ("Korvak", "ORG"), ("Korvak", "ORG")],
            [["Korvak", "PERSON"]] * 3,
        ),
        # an honorific without a full stop before a "place"
        (
            "Mr Dallin left early.",
            [("Dallin", "GPE")],
            [["Dallin", "PERSON"]],
        ),
        # a lower-case word or no title: the type stands
        (
            "The general Vetria plan failed. Vetria said no.",
            [("Vetria", "GPE"), ("Vetria", "GPE")],
            [["Vetria", "GPE"], ["Vetria", "GPE"]],
        ),
    ],
)
def test_a_title_before_a_one_word_name_makes_it_a_person(text, spans, expected):
    res = _resolve(text, spans)
    assert res.mentions[["actor", "actor_type"]].values.tolist() == expected
