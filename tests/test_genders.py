"""Tests for workbench.actors.genders: a courtesy title picks among people of one surname."""

from __future__ import annotations

import pytest

from tests.test_actors import _resolve
from workbench.actors import genders

TWO_TALS = [("Mira Tal", "PERSON"), ("Dan Tal", "PERSON"), ("Tal", "PERSON")]

# (text, the model's spans, the actor the last mention resolves to)
CASES = [
    (  # a pronoun marks her, a title picks her
        "Mira Tal said she would stay. Dan Tal left. Mrs Tal wept.",
        TWO_TALS,
        "Mira Tal",
    ),
    (  # a title marks her
        "Ms Mira Tal and Dan Tal arrived. Later Ms Tal spoke.",
        TWO_TALS,
        "Mira Tal",
    ),
    (  # he is a man, but nothing marks the other a woman: ambiguous
        "Mira Tal arrived. Dan Tal said he would stay. Miss Tal wept.",
        TWO_TALS,
        "Tal",
    ),
    (  # "she" after a listener may be another's: no mark
        "Mira Tal told Dan Tal that she would stay. Mrs Tal wept.",
        TWO_TALS,
        "Tal",
    ),
    (  # the title in the span itself
        "Mira Tal said she would stay. Dan Tal left. Then Mrs Tal wept.",
        [("Mira Tal", "PERSON"), ("Dan Tal", "PERSON"), ("Mrs Tal", "PERSON")],
        "Mira Tal",
    ),
    (  # no marks: ambiguous, left alone
        "Mira Tal and Dan Tal arrived. Mrs Tal wept.",
        TWO_TALS,
        "Tal",
    ),
    (  # the only Tal is a man: no "Mrs Tal" is he
        "Dan Tal said he would stay. Mrs Tal wept.",
        [("Dan Tal", "PERSON"), ("Tal", "PERSON")],
        "Tal",
    ),
    (  # with no title the one Tal is meant, as before
        "Dan Tal said he would stay. Tal wept.",
        [("Dan Tal", "PERSON"), ("Tal", "PERSON")],
        "Dan Tal",
    ),
    (  # a title with no mark: the one Tal, as before
        "Mira Tal arrived. Mrs Tal wept.",
        [("Mira Tal", "PERSON"), ("Tal", "PERSON")],
        "Mira Tal",
    ),
    (  # "Mr" the same way
        "Mira Tal said she would stay. Dan Tal said he would go. Mr Tal wept.",
        TWO_TALS,
        "Dan Tal",
    ),
]


@pytest.mark.parametrize(("text", "spans", "actor"), CASES)
def test_a_courtesy_title_picks_the_person_of_that_sex(text, spans, actor):
    assert _resolve(text, spans).mentions["actor"].tolist()[-1] == actor


@pytest.mark.parametrize(
    ("text", "surface", "mark"),
    [
        ("Then Mrs Tal wept.", "Tal", "f"),
        ("Then Ms. Tal wept.", "Tal", "f"),
        ("Then Mr Tal wept.", "Tal", "m"),
        ("Then Mrs Tal wept.", "Mrs Tal", "f"),
        ("Then Tal wept.", "Tal", ""),
        ("Then Mrs. Tal wept.", "Mrs. Tal", "f"),
    ],
)
def test_title_mark(text, surface, mark):
    assert genders.title_mark(text, surface, text.index(surface)) == mark


@pytest.mark.parametrize(
    ("text", "name", "mark"),
    [
        ("Then Ms Mira Tal wept.", "Mira Tal", "f"),  # a courtesy title
        ("Mira Tal, 40, said she would stay.", "Mira Tal", "f"),  # the pronoun of her words
        ("Dan Ek said he would stay.", "Dan Ek", "m"),
        ("Mr Dan Ek said she would stay.", "Dan Ek", ""),  # the marks disagree: none
        ("Dan Ek told Mira Tal that she would stay.", "Dan Ek", ""),  # a listener between
        ("Council spokeswoman Mira Tal wept.", "Mira Tal", "f"),  # a role before the name
        ("They met her husband Dan Ek in May.", "Dan Ek", "m"),
        ("Mira Tal, 40, a mother of three, wept.", "Mira Tal", "f"),  # a role in apposition
        ("Dan Ek, the son of a miner, wept.", "Dan Ek", "m"),
        ("Dan Ek, 53, and his wife Mira Tal wept.", "Dan Ek", ""),  # another's role
        ("Dan Ek, the wife's lawyer, wept.", "Dan Ek", ""),  # a possessive is no role
        ("Mr Dan Ek, a mother of three, wept.", "Dan Ek", ""),  # the marks disagree: none
    ],
)
def test_span_mark(text, name, mark):
    start = text.index(name)
    assert genders.span_mark(text, start, start + len(name)) == mark


@pytest.mark.parametrize(
    ("a", "b", "other"),
    [
        ("Dorinov", "Dorinova", True),
        ("Lukin", "Lukina", True),
        ("Varsky", "Varskaya", True),
        ("Varskyi", "Varska", True),
        ("Dorinov", "Dorinov", False),
        ("Varsky", "Varskyi", False),  # two spellings of one form
        ("Vela", "Velaa", False),  # no masculine ending
    ],
)
def test_other_sex_forms(a, b, other):
    assert genders.other_sex_forms(a, b) is other


def test_a_bare_surname_is_not_resolved_onto_its_other_sex_form():
    res = _resolve(
        "Mira Dorinova spoke. Later Dorinov said so.",
        [("Mira Dorinova", "PERSON"), ("Dorinov", "PERSON")],
    )
    assert res.mentions["actor"].tolist() == ["Mira Dorinova", "Dorinov"]
