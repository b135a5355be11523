"""Tests for :mod:`workbench.actors.demonyms`."""

from __future__ import annotations

import pytest

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
