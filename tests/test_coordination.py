"""Tests for :mod:`workbench.actors.coordination`: a name listed among places is a place."""

from __future__ import annotations

import pytest

from tests.test_actors import _resolve


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # listed last, after two places: a place, and so is its other span
        (
            "Shells fell on Vetria, Orsa and Dorsk. Dorsk burned.",
            [("Vetria", "GPE"), ("Orsa", "GPE"), ("Dorsk", "PERSON"), ("Dorsk", "PERSON")],
            ["GPE", "GPE"],
        ),
        # listed first, "or" before the last item, an Oxford comma
        (
            "Dorsk, Vetria, or Orsa may fall.",
            [("Dorsk", "PERSON"), ("Vetria", "GPE"), ("Orsa", "LOC")],
            ["GPE"],
        ),
        # only two items: a country and its leader are listed together
        (
            "Sanctions on Vetria and Dorin bite.",
            [("Vetria", "GPE"), ("Dorin", "PERSON")],
            ["PERSON"],
        ),
        # another item is a person: a list of people and places is no evidence
        (
            "Vetria, Ivo Tal and Dorsk were named.",
            [("Vetria", "GPE"), ("Ivo Tal", "PERSON"), ("Dorsk", "PERSON")],
            ["PERSON"],
        ),
        # not one list: the comma ends a clause, no "and" closes it
        (
            "In Vetria, Orsa, Dorin said no.",
            [("Vetria", "GPE"), ("Orsa", "GPE"), ("Dorin", "PERSON")],
            ["PERSON"],
        ),
        # the document names a person who bears it
        (
            "Ivo Dorsk fled Vetria, Orsa and Dorsk. Dorsk spoke.",
            [
                ("Ivo Dorsk", "PERSON"),
                ("Vetria", "GPE"),
                ("Orsa", "GPE"),
                ("Dorsk", "PERSON"),
                ("Dorsk", "PERSON"),
            ],
            ["PERSON", "PERSON", "PERSON"],
        ),
    ],
)
def test_a_one_word_person_listed_with_places_is_a_place(text, spans, expected):
    res = _resolve(text, spans)
    named = res.mentions[res.mentions["surface"].str.contains("Dorsk|Dorin")]
    assert named["actor_type"].tolist() == expected
