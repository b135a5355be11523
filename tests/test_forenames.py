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


@pytest.mark.parametrize(
    ("text", "last", "expected"),
    [
        # a corpus first name right before a one-word "organisation": one person
        ("The spokesman Ivo Vorik said so.", ("Vorik", "ORG"), ["Ivo Vorik", "PERSON"]),
        # a title is no first name (the title makes it a person's surname)
        ("The spokesman General Vorik said so.", ("Vorik", "ORG"), ["Vorik", "PERSON"]),
        # a surname that is a site's or a company's word: left alone
        ("They met at Ivo Holdings.", ("Holdings", "ORG"), ["Holdings", "ORG"]),
        # a word no three people open their names with
        ("They met at Vela Vorik.", ("Vorik", "ORG"), ["Vorik", "ORG"]),
    ],
)
def test_a_first_name_before_a_one_word_organisation_makes_a_persons_name(text, last, expected):
    people = "Ivo Brandt, Ivo Kos and Ivo Horvat met. "
    spans = [("Ivo Brandt", "PERSON"), ("Ivo Kos", "PERSON"), ("Ivo Horvat", "PERSON"), last]
    res = _resolve(people + text, spans)
    assert res.mentions[["actor", "actor_type"]].values.tolist()[-1] == expected


def test_a_first_name_that_is_a_span_of_its_own_is_not_taken_twice():
    text = "Ivo Brandt, Ivo Kos and Ivo Horvat met. The spokesman Ivo Vorik said so."
    spans = [
        ("Ivo Brandt", "PERSON"),
        ("Ivo Kos", "PERSON"),
        ("Ivo Horvat", "PERSON"),
        ("Ivo", "PERSON"),
        ("Vorik", "ORG"),
    ]
    res = _resolve(text, spans)
    assert "Ivo Vorik" not in res.mentions["surface"].tolist()
