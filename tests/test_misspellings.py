"""Surnames a document misspells (actors.misspellings).

Every text here is invented.
"""

from __future__ import annotations

import pytest

from tests.test_actors import _resolve
from workbench.actors.misspellings import _slip


@pytest.mark.parametrize(
    ("word", "surname", "slip"),
    [
        ("formanek", "fomanek", True),  # a letter added
        ("brantner", "brandtner", True),  # a letter dropped
        ("kovalik", "kovalyk", True),  # a letter changed
        ("ivanova", "ivanov", False),  # only the ending: two people
        ("kovalenko", "kovalenka", False),
        ("pavel", "bavel", False),  # the first letter differs
        ("kraus", "krauss", False),  # only the ending
        ("orsk", "orsko", False),  # too short
        ("brandtner", "brantnerr", False),  # two letters apart
    ],
)
def test_a_slip_is_one_letter_inside_the_name(word, surname, slip):
    assert _slip(word, surname) is slip


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a bare slip of the one full name: that person, whatever the model typed
        (
            "Deputy minister Ivo Brandtner spoke. Brantner said the talks failed.",
            [("Ivo Brandtner", "PERSON"), ("Brantner", "ORG")],
            ["Ivo Brandtner", "Ivo Brandtner"],
        ),
        (
            "Mayor Olek Kovalyk spoke. As stocks fell, Kovalik grew worried.",
            [("Olek Kovalyk", "PERSON"), ("Kovalik", "PERSON")],
            ["Olek Kovalyk", "Olek Kovalyk"],
        ),
        # only the ending differs: another person
        (
            "Ivo Kovalenko spoke. Kovalenka left.",
            [("Ivo Kovalenko", "PERSON"), ("Kovalenka", "ORG")],
            ["Ivo Kovalenko", "Kovalenka"],
        ),
        # a place is left alone
        (
            "Ivo Dorskin spoke in Dorsking.",
            [("Ivo Dorskin", "PERSON"), ("Dorsking", "GPE")],
            ["Ivo Dorskin", "Dorsking"],
        ),
    ],
)
def test_a_bare_misspelt_surname_is_the_person_it_slips_from(text, spans, expected):
    res = _resolve(text, spans)
    assert res.mentions["actor"].tolist() == expected


@pytest.mark.parametrize(
    ("word", "variants"),
    [
        ("Dorks", ["Droks", "Dokrs", "Dorsk"]),
        ("Anna", ["Anan"]),  # no swap of two equal letters
    ],
)
def test_swapped_variants_keep_the_first_letter(word, variants):
    from workbench.actors.misspellings import swapped_variants

    assert swapped_variants(word) == variants


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a known place or person with two neighbouring letters swapped is that entry
        (
            "Shelling hit Dorvetsk, which borders Dorvestk.",
            [("Dorvetsk", "GPE"), ("Dorvestk", "PERSON")],
            [["Dorvetsk", "GPE"], ["Dorvetsk", "GPE"]],
        ),
        (
            "Mira Vostrikova spoke. Later Vostirkova left.",
            [("Mira Vostrikova", "PERSON"), ("Vostirkova", "ORG")],
            [["Mira Vostrikova", "PERSON"], ["Mira Vostrikova", "PERSON"]],
        ),
        # short names and names two swaps away are left alone
        (
            "Ivek met Ievk. Dorvetsk met Drovetks.",
            [("Ivek", "PERSON"), ("Ievk", "PERSON"), ("Dorvetsk", "GPE"), ("Drovetks", "PERSON")],
            [["Ivek", "PERSON"], ["Ievk", "PERSON"], ["Dorvetsk", "GPE"], ["Drovetks", "PERSON"]],
        ),
    ],
)
def test_a_known_name_with_swapped_letters_is_that_name(text, spans, expected):
    from workbench.actors.gazetteer import Entry, Gazetteer

    gaz = Gazetteer(
        {
            "Dorvetsk": Entry(name="Dorvetsk", type="GPE"),
            "Mira Vostrikova": Entry(
                name="Mira Vostrikova", type="PERSON", aliases=("Vostrikova",)
            ),
        }
    )
    res = _resolve(text, spans, gaz)
    assert res.mentions[["actor", "actor_type"]].values.tolist() == expected
