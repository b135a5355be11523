"""Tests for :mod:`workbench.actors.forenames`."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.test_actors import _resolve
from workbench.actors.gazetteer import Entry, Gazetteer

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


@pytest.mark.parametrize(
    ("text", "spans", "actors"),
    [
        # a surname is no first name: both keep their own
        (
            "Dorin and Marta Kovel met. Pavel Dorin left. Kovel stayed.",
            [
                ("Dorin", "PERSON"),
                ("Marta Kovel", "PERSON"),
                ("Pavel Dorin", "PERSON"),
                ("Kovel", "PERSON"),
            ],
            ["Pavel Dorin", "Marta Kovel", "Pavel Dorin", "Marta Kovel"],
        ),
        # a first name the document gives in full is that person's
        (
            "Mira Lund was held. They want Mira and Olek Kovel home.",
            [("Mira Lund", "PERSON"), ("Mira", "PERSON"), ("Olek Kovel", "PERSON")],
            ["Mira Lund", "Mira Lund", "Olek Kovel"],
        ),
    ],
)
def test_first_names_joined_by_and_share_the_surname(text, spans, actors):
    assert _resolve(text, spans).mentions["actor"].tolist() == actors


def test_a_first_name_before_and_takes_the_surname_after_it():
    # "Olek" is a first name elsewhere in the corpus; the bare "Kovel" then has two
    # people to choose from in its document and stays as it is
    from workbench.actors.gazetteer import Gazetteer
    from workbench.actors.resolve import resolve

    texts = {"d1": "Olek and Marta Kovel said. Kovel was ill.", "d2": "Olek Brandt came."}
    rows = [
        ("d1", 0, 4, "Olek", "PERSON", "model", ""),
        ("d1", 9, 20, "Marta Kovel", "PERSON", "model", ""),
        ("d1", 27, 32, "Kovel", "PERSON", "model", ""),
        ("d2", 0, 11, "Olek Brandt", "PERSON", "model", ""),
    ]
    spans = pd.DataFrame(
        rows, columns=["doc_id", "start", "end", "surface", "label", "source", "gaz_id"]
    )
    res = resolve(spans, Gazetteer(), texts=texts)
    assert res.mentions["actor"].tolist() == ["Olek Kovel", "Marta Kovel", "Kovel", "Olek Brandt"]


@pytest.mark.parametrize(
    ("text", "span", "surface", "actor"),
    [
        # a patronymic opens no name: the first name before it belongs to the span
        (
            "Officials said Ivan Petrovich Sorkin was held.",
            "Petrovich Sorkin",
            "Ivan Petrovich Sorkin",
            "Ivan Petrovich Sorkin",
        ),
        (
            "The court heard Olena Ivanivna Borko on Monday.",
            "Ivanivna Borko",
            "Olena Ivanivna Borko",
            "Olena Ivanivna Borko",
        ),
        # a title before the patronymic is no first name
        ("Officials said General Petrovich Sorkin left.", "Petrovich Sorkin", None, None),
        # no capitalised word before it: the span stays as it is
        ("Officials said Petrovich Sorkin left.", "Petrovich Sorkin", None, None),
        # a name not opening with a patronymic keeps its start
        ("Officials said Ivan Olek Sorkin left.", "Olek Sorkin", None, None),
    ],
)
def test_a_span_opening_with_a_patronymic_takes_the_first_name_before_it(
    text, span, surface, actor
):
    got = _resolve(text, [(span, "PERSON")]).mentions[["surface", "actor"]].values.tolist()
    assert got == [[surface or span, actor or span]]


def test_a_gazetteer_person_opening_with_a_patronymic_keeps_its_entry():
    gaz = Gazetteer({"Ivan Sorkin": Entry("Ivan Sorkin", "PERSON")})
    text = "Officials said Ivan Petrovich Sorkin was held."
    got = _resolve(text, [("Petrovich Sorkin", "PERSON", "Ivan Sorkin")], gaz).mentions
    assert got[["surface", "actor"]].values.tolist() == [["Ivan Petrovich Sorkin", "Ivan Sorkin"]]


def test_a_surname_after_a_first_name_and_patronymic_takes_both():
    gaz = Gazetteer({"Ivan Sorkin": Entry("Ivan Sorkin", "PERSON")})
    text = "Officials said Ivan Petrovich Sorkin was held."
    got = _resolve(text, [("Sorkin", "PERSON", "Ivan Sorkin")], gaz).mentions
    assert got[["surface", "actor"]].values.tolist() == [["Ivan Petrovich Sorkin", "Ivan Sorkin"]]
    got = _resolve(text, [("Sorkin", "PERSON")]).mentions
    assert got[["surface", "actor"]].values.tolist() == [["Ivan Petrovich Sorkin"] * 2]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # the first name of one person of the document, typed an organisation
        (
            "Nina Varga fled. Read about Nina's journey.",
            [("Nina Varga", "PERSON"), ("Nina", "ORG")],
            ("Nina Varga", "PERSON"),
        ),
        # two people share it: left alone
        (
            "Nina Varga and Nina Kos fled. Read about Nina's journey.",
            [("Nina Varga", "PERSON"), ("Nina Kos", "PERSON"), ("Nina", "ORG")],
            ("Nina", "ORG"),
        ),
        # no person of the document has it: left alone
        (
            "Ivo Varga fled. Nina helped.",
            [("Ivo Varga", "PERSON"), ("Nina", "ORG")],
            ("Nina", "ORG"),
        ),
    ],
)
def test_a_first_name_typed_an_organisation_is_the_persons(text, spans, expected):
    last = _resolve(text, spans).mentions.iloc[-1]
    assert (last["actor"], last["actor_type"]) == expected


def test_a_first_name_before_the_full_name_is_not_resolved_back():
    text = "He studied at Yale and Yale Law."
    res = _resolve(text, [("Yale", "ORG"), ("Yale Law", "PERSON")])
    assert res.mentions["actor_type"].tolist()[0] == "ORG"
