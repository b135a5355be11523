"""Tests for :mod:`workbench.actors.occupations`: a role noun opening a person's span."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.test_actors import _resolve
from workbench.actors.occupations import is_role_noun

# The corpus writes "host" in lower case before three people's names.
_HOSTS = "The host Ivo Brandt spoke. Then host Mira Tal spoke. Her host Dan Ek left. "
_HOST_SPANS = [("Ivo Brandt", "PERSON"), ("Mira Tal", "PERSON"), ("Dan Ek", "PERSON")]
# Three people named Oleksa: a first name.
_OLEKSAS = "Oleksa Bor, Oleksa Kit and Oleksa Lys came. "
_OLEKSA_SPANS = [("Oleksa Bor", "PERSON"), ("Oleksa Kit", "PERSON"), ("Oleksa Lys", "PERSON")]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a role noun before a full name: cut
        (
            _HOSTS + "Host Lena Vos said so.",
            [*_HOST_SPANS, ("Host Lena Vos", "PERSON")],
            "Lena Vos",
        ),
        # a common word never written before names ("will"): a first name, kept
        (
            "They will go. We will stay. You will see. Will Dorin said so.",
            [("Will Dorin", "PERSON")],
            "Will Dorin",
        ),
        # a role noun before a first name the corpus gives people: cut
        (
            _OLEKSAS
            + "The volunteer Ivo Brandt, volunteer Mira Tal and volunteer Dan Ek came. "
            + "Volunteer Oleksa said so.",
            [*_OLEKSA_SPANS, *_HOST_SPANS, ("Volunteer Oleksa", "PERSON")],
            "Oleksa",
        ),
        # what is left is one word and no first name: the span stays a name as it is
        (_HOSTS + "Host Vos said so.", [*_HOST_SPANS, ("Host Vos", "PERSON")], "Host Vos"),
    ],
)
def test_a_role_noun_is_cut_from_the_start_of_a_persons_span(text, spans, expected):
    res = _resolve(text, spans)
    last = res.mentions.iloc[-1]
    assert last["actor"] == expected
    assert last["surface"] == expected


@pytest.mark.parametrize(
    ("word", "before", "counts", "role"),
    [
        ("Medalist", {"medalist": 5}, {"medalist": 40, "Medalist": 4}, True),
        ("Medalist", {"medalist": 2}, {"medalist": 40, "Medalist": 4}, False),  # too few
        ("Grant", {"grant": 3}, {"grant": 900, "Grant": 60}, False),  # a small share of uses
        ("Ivo", {"ivo": 5}, {"ivo": 5, "Ivo": 90}, False),  # written capitalised mostly
        ("NATO", {"nato": 5}, {"nato": 40, "NATO": 4}, False),  # an acronym
    ],
)
def test_is_role_noun_by_the_corpus(word, before, counts, role):
    assert is_role_noun(word, Counter(before), Counter(counts)) is role


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Comedian Ivo Brandt", "Ivo Brandt"),  # a listed occupation, in a corpus of one text
        ("Correspondent Mira Tal", "Mira Tal"),
        ("Hunter Vos", "Hunter Vos"),  # no listed occupation: a first name
    ],
)
def test_a_listed_occupation_is_cut_in_any_corpus(surface, expected):
    res = _resolve(f"{surface} said so.", [(surface, "PERSON")])
    assert res.mentions["actor"].tolist() == [expected]
