"""Tests for workbench.actors.nationalities: whether two place words name one place."""

import pytest

from workbench.actors.nationalities import places_agree


@pytest.mark.parametrize(
    ("word", "place", "expected"),
    [
        ("finnish", "finland", True),
        ("spanish", "spain", True),
        ("swedish", "sweden", True),
        ("iranian", "iraq", False),
        ("iraqi", "iran", False),
    ],
)
def test_same_place_by_a_nationality_stem(word, place, expected):
    from workbench.actors.nationalities import same_place

    assert same_place(word, place) is expected


@pytest.mark.parametrize(
    ("wanted", "have", "strict", "expected"),
    [
        ({"british"}, {"uk"}, False, True),
        ({"ukraine"}, {"ukrainian"}, False, True),
        ({"ukraine"}, set(), False, True),
        ({"ukraine"}, set(), True, False),
        (set(), {"russia"}, True, True),
        ({"ukraine"}, {"russian"}, False, False),
    ],
)
def test_places_agree(wanted, have, strict, expected):
    assert places_agree(frozenset(wanted), have, strict=strict) is expected
