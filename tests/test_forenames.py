"""Tests for :mod:`workbench.actors.forenames`."""

from __future__ import annotations

import pytest

from tests.test_actors import _resolve

_PEOPLE = "Ivo Brandt, Ivo Horvat and Ivo Kos met. "
_SPANS = [("Ivo Brandt", "PERSON"), ("Ivo Horvat", "PERSON"), ("Ivo Kos", "PERSON")]


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("Ivo Varga said so.", "Ivo Varga", "PERSON"),  # a first name of three people
        ("Ivo Park opened.", "Ivo Park", "ORG"),  # a site's word second
        ("Ivo Holdings grew.", "Ivo Holdings", "ORG"),  # a company's designator
        ("Lada Varga said so.", "Lada Varga", "ORG"),  # no person is named Lada
    ],
)
def test_an_organisation_opening_with_a_corpus_first_name_is_a_person(text, span, kind):
    res = _resolve(_PEOPLE + text, [*_SPANS, (span, "ORG")])
    assert res.mentions["actor_type"].tolist()[-1] == kind


def test_two_people_are_not_enough_to_make_a_first_name():
    text = "Ivo Brandt and Ivo Horvat met. Ivo Varga said so."
    res = _resolve(text, [("Ivo Brandt", "PERSON"), ("Ivo Horvat", "PERSON"), ("Ivo Varga", "ORG")])
    assert res.mentions["actor_type"].tolist()[-1] == "ORG"
