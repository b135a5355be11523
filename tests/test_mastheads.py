"""Outlets' names by their words alone: press words, masthead words, a country's press."""

from __future__ import annotations

import pytest

from workbench.actors.mastheads import generic, masthead_name, outlet_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kyiv Radio", True),
        ("Observer", True),
        ("Harbour Blog", True),
        ("Harbour Online", True),
        ("Harbour Council", False),
        ("Post Office", False),
    ],
)
def test_outlet_name(name, expected):
    assert outlet_name(name) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Harbour Bay Times", True),
        ("Kyiv Independent", True),
        ("Times", False),
        ("Bay Area", False),
    ],
)
def test_masthead_name(name, expected):
    assert masthead_name(name) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Russian TV", True),
        ("Ukrainian Television", True),
        ("Harbour Broadcasting Union", True),
        ("Kanal Institute", True),
        ("Kanal TV", False),
        ("Harbour News", False),
    ],
)
def test_generic_press_names(name, expected):
    assert generic(name) is expected
