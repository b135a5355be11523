"""Tests for :mod:`workbench.actors.bodies`: a body's short forms."""

from __future__ import annotations

import pytest

from tests.test_actors import _resolve
from workbench.actors.bodies import body_key
from workbench.actors.gazetteer import Entry, Gazetteer

_GAZ = Gazetteer(
    {
        "Moldova": Entry("Moldova", "GPE", ("Moldovan Republic",)),
        "Latvia": Entry("Latvia", "GPE"),
        "Moldovan Defence Ministry": Entry(
            "Moldovan Defence Ministry", "ORG", ("Moldovan Ministry of Defence",), "Moldova"
        ),
        "Latvian Defence Ministry": Entry("Latvian Defence Ministry", "ORG", (), "Latvia"),
    }
)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Ministry of Defense", "Defence Ministry", True),  # order and spelling
        ("Ministry of Foreign Affairs", "Foreign Ministry", True),
        ("Ministry of Defence", "Foreign Ministry", False),
    ],
)
def test_body_key_tells_one_body_in_any_order_and_spelling(a, b, same):
    assert (body_key(a) == body_key(b)) is same
    assert body_key(a)


@pytest.mark.parametrize(
    ("name", "owned", "key"),
    [
        ("Moldovan Defence Ministry", True, {"defence", "ministry"}),
        ("Moldovan Defence Ministry", False, set()),  # an owner: no bare body
        ("UK Ministry of Defence", True, {"defence", "ministry"}),
        ("Moldovan Council", True, set()),  # no body's head word
    ],
)
def test_body_key_leaves_out_an_owner_only_when_asked(name, owned, key):
    assert body_key(name, owned=owned) == frozenset(key)


def test_a_bare_body_is_the_one_owned_body_of_that_name_in_the_document():
    text = "The Moldovan Defence Ministry said so. The Ministry of Defense added more."
    spans = [
        ("Moldovan Defence Ministry", "ORG", "Moldovan Defence Ministry"),
        ("Ministry of Defense", "ORG"),
    ]
    res = _resolve(text, spans, _GAZ)
    assert res.mentions["actor"].tolist() == ["Moldovan Defence Ministry"] * 2


def test_a_bare_body_stays_bare_when_two_owners_have_one():
    text = (
        "The Moldovan Defence Ministry and the Latvian Defence Ministry met."
        " The Ministry of Defence said nothing."
    )
    spans = [
        ("Moldovan Defence Ministry", "ORG", "Moldovan Defence Ministry"),
        ("Latvian Defence Ministry", "ORG", "Latvian Defence Ministry"),
        ("Ministry of Defence", "ORG"),
    ]
    res = _resolve(text, spans, _GAZ)
    assert res.mentions["actor"].tolist()[-1] == "Ministry of Defence"


@pytest.mark.parametrize(
    "text",
    [
        "The Moldovan Republic's Ministry of Defense said so.",  # an owner of two words
        "Meanwhile Moldova's Ministry of Defense said so.",  # a capital before the owner
    ],
)
def test_an_owners_body_is_the_gazetteers_body_of_that_country(text):
    res = _resolve(text, [("Ministry of Defense", "ORG")], _GAZ)
    assert res.mentions["actor"].tolist() == ["Moldovan Defence Ministry"]
    assert res.mentions["surface"].tolist() == ["Ministry of Defense"]
