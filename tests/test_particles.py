"""Tests for :mod:`workbench.actors.particles`: surnames that open with a particle."""

from __future__ import annotations

import pytest

from tests.test_actors import _resolve
from workbench.actors.particles import is_particle_surname


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # the one full name of the document that ends in it
        (
            "Lise Le Varn won. Le Varn spoke.",
            [("Lise Le Varn", "PERSON"), ("Le Varn", "PERSON")],
            "Lise Le Varn",
        ),
        (
            "Ivo van Dorn came. Van Dorn left.",
            [("Ivo van Dorn", "PERSON"), ("Van Dorn", "PERSON")],
            "Ivo van Dorn",
        ),
        # two full names end in it: left as it is
        (
            "Lise Le Varn and Paul Le Varn won. Le Varn spoke.",
            [("Lise Le Varn", "PERSON"), ("Paul Le Varn", "PERSON"), ("Le Varn", "PERSON")],
            "Le Varn",
        ),
        # no full name ends in it: left as it is
        ("Le Varn spoke.", [("Le Varn", "PERSON")], "Le Varn"),
    ],
)
def test_a_particle_surname_resolves_to_the_full_name_in_its_document(text, spans, expected):
    res = _resolve(text, spans)
    assert res.mentions["actor"].tolist()[-1] == expected


@pytest.mark.parametrize(
    ("name", "surname"),
    [("Le Varn", True), ("De Varn", True), ("Lise Le Varn", False), ("Al Dorn", False)],
)
def test_is_particle_surname(name, surname):
    assert is_particle_surname(name) is surname
