"""Tests for :mod:`workbench.actors.demonyms`."""

from __future__ import annotations

import pytest

from tests.test_actors import _resolve
from workbench.actors import demonyms


@pytest.mark.parametrize(
    ("name", "demonym"),
    [
        ("Berliners", True),  # a city's people
        ("New Yorkers", True),
        ("Moldovan", True),  # a country's adjective
        ("Pakistanis", True),
        ("Kazakh", True),  # the country's name less its "-stan"
        ("Eastern European", True),  # a compass word before a nationality
        ("North Koreans", True),
        ("Berlin", False),  # the place itself
        ("New Yorker", False),  # a singular "-er": a magazine or a surname
        ("Moran", False),  # "-an" after a city's name: only of countries and states
        ("Natali", False),  # "-i" only after a country's name
        ("Eastern Europe", False),  # a region, no people
        ("Vorlan", False),
    ],
)
def test_is_demonym_by_the_form_of_a_places_name(name, demonym):
    assert demonyms.is_demonym(name) is demonym


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a nationality noun before a full name the model typed otherwise: a person
        (
            "The five, including Swede Ivo Horvat, were tried.",
            [("Swede Ivo Horvat", "ORG")],
            [["Ivo Horvat", "Ivo Horvat", "PERSON"]],
        ),
        # ... and before a person's name, as before
        (
            "The five, including Croat Ana Kos, were tried.",
            [("Croat Ana Kos", "PERSON")],
            [["Ana Kos", "Ana Kos", "PERSON"]],
        ),
        # a group's last word, or an adjective of nationality before an organisation
        (
            "The Scot Vela Regiment marched.",
            [("Scot Vela Regiment", "ORG")],
            [["Scot Vela Regiment", "Scot Vela Regiment", "ORG"]],
        ),
        (
            "The Vetrian Orsa Bank lent more.",
            [("Vetrian Orsa Bank", "ORG")],
            [["Vetrian Orsa Bank", "Vetrian Orsa Bank", "ORG"]],
        ),
    ],
)
def test_a_nationality_noun_before_a_full_name_is_cut_off(text, spans, expected):
    res = _resolve(text, spans)
    assert res.mentions[["surface", "actor", "actor_type"]].values.tolist() == expected
