"""Generational suffixes (actors.suffixes).

Every text here is invented.
"""

from __future__ import annotations

import pytest

from tests.test_actors import _resolve
from workbench.actors.gazetteer import Entry, Gazetteer

GAZ = Gazetteer({"Ivo Brandt": Entry(name="Ivo Brandt", type="PERSON", aliases=("Brandt",))})


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # the model's span stops before the suffix: the son is his own person
        (
            "Ivo Brandt praised Dorin. Ivo Brandt Jr. said his father was right.",
            [("Ivo Brandt", "PERSON"), ("Dorin", "PERSON"), ("Ivo Brandt", "PERSON")],
            ["Ivo Brandt", "Dorin", "Ivo Brandt Jr."],
        ),
        # the gazetteer's span too; a comma before the suffix; "Sr." alike
        (
            "Ivo Brandt, Jr. spoke. Ivo Brandt Sr. listened.",
            [("Ivo Brandt", "PERSON", "Ivo Brandt"), ("Ivo Brandt", "PERSON", "Ivo Brandt")],
            ["Ivo Brandt Jr.", "Ivo Brandt Sr."],
        ),
        # a shorter suffixed name is the document's full one
        (
            "Ivo Brandt Jr. spoke. Later Brandt Jr. left.",
            [("Ivo Brandt", "PERSON"), ("Brandt", "PERSON")],
            ["Ivo Brandt Jr.", "Ivo Brandt Jr."],
        ),
        # no suffix: the gazetteer's person; "Junior" as a word is no suffix
        (
            "Ivo Brandt Junior Minister spoke. Ivo Brandt Jrson left.",
            [("Ivo Brandt", "PERSON", "Ivo Brandt"), ("Ivo Brandt", "PERSON", "Ivo Brandt")],
            ["Ivo Brandt", "Ivo Brandt"],
        ),
    ],
)
def test_a_generational_suffix_makes_a_person_of_its_own(text, spans, expected):
    res = _resolve(text, spans, GAZ)
    assert res.mentions["actor"].tolist() == expected
