"""Small rules on names (actors.names): spelling variants of one person, or two people.

Every name here is invented.
"""

from __future__ import annotations

import pytest

from tests.test_actors import _resolve
from workbench.actors import names
from workbench.actors.names import same_person


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Yury Dolin", "Yuri Dolin", True),  # transliterations agree once y and i are one
        ("Aleksei Dolin", "Alexei Dolin", True),
        ("Mykhailo Dolin", "Mykhaylo Dolin", True),
        ("Maks Dolin", "Mark Dolin", False),  # short names a letter apart: two people
        ("Ivo K. Dolin", "Ivo T.K. Dolin", False),  # both have middle names, and they differ
        ("Ivo K. Dolin", "Ivo Dolin", True),
        ("Ivo K. Dolin", "Ivo Kiril Dolin", True),
    ],
)
def test_same_person_by_transliteration_and_middle_names(a, b, same):
    assert same_person(a, b) is same


# (a, b, threshold, same): at the edge of what the surnames' lengths allow, the ratio
# decides as before (the length bound only skips pairs it rules out).
LENGTHS = [
    ("Tal Marenko", "Tal Marenkova", 87.5, True),  # 7 and 9 letters: at most 87.5, reached
    ("Tal Marenko", "Tal Marenkova", 88, False),  # ruled out by the lengths alone
    ("Tal Marenko", "Tal Marenkovaya", 75, True),  # 7 and 11: at most 77.8, reached
    ("Tal Marenko", "Tal Marenkovaya", 80, False),
    ("Tal Dolin", "Tal Dolins", 90, True),  # 5 and 6 letters: 90.9
    ("Tal Dolin", "Tal Dolins", 91, False),
    ("Tal Marenko", "Tal Marenko", 100, True),
    ("Marenko", "Tal Marenkova", 87, True),  # a one-word name: the surname alone
]


@pytest.mark.parametrize(("a", "b", "threshold", "same"), LENGTHS)
def test_same_person_at_the_length_bound(a, b, threshold, same):
    assert same_person(a, b, threshold=threshold) is same
    assert same_person(b, a, threshold=threshold) is same


@pytest.mark.parametrize(
    ("name", "label", "event"),
    [
        ("Vetria Summit", "ORG", True),
        ("Orsa Missile Crisis", "ORG", True),
        ("Armed Forces Day", "ORG", True),
        ("the Kessa Accords", "ORG", False),  # a function word: cleaned names only
        ("Kessa Accords", "ORG", True),
        ("Institute for the Study of War", "ORG", False),  # the head comes before "for"
        ("Win Without War", "ORG", False),
        ("Nadia Day", "PERSON", False),  # a surname when the model typed a person
        ("Summit", "ORG", False),  # one word
    ],
)
def test_is_event_by_the_last_word_of_a_name(name, label, event):
    assert names.is_event(name, label) is event


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Fr. Ivo Brandt", ("Ivo Brandt", True)),  # a priest's title
        ("Archbishop Ivo Brandt", ("Ivo Brandt", True)),
        ("Rabbi Ivo Brandt", ("Ivo Brandt", True)),
        ("Fr", ("Fr", False)),  # the title alone is left for the drops
    ],
)
def test_clean_name_strips_religious_titles(surface, expected):
    assert names.clean_name(surface, person=True) == expected


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Hey Dorin", ("Dorin", True)),  # an interjection opens the span, not the name
        ("Watch Dorin's", ("Dorin", True)),  # an imperative
        ("Dear Ivo Brandt", ("Ivo Brandt", True)),
        ("Hey", ("Hey", False)),  # never the last word
    ],
)
def test_clean_name_strips_interjections_and_imperatives(surface, expected):
    assert names.clean_name(surface, person=True) == expected


def test_a_span_opened_by_an_interjection_starts_at_the_name():
    res = _resolve(
        '"Hey Dorin," the host said. Ivo Dorin smiled.',
        [("Hey Dorin", "PERSON"), ("Ivo Dorin", "PERSON")],
    )
    assert res.mentions[["surface", "actor"]].values.tolist() == [
        ["Dorin", "Ivo Dorin"],
        ["Ivo Dorin", "Ivo Dorin"],
    ]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("malyar", "maliar", True),
        ("yermak", "iermak", True),
        ("kovalskyy", "kovalskiy", True),
        ("kovalenko", "kovalenka", False),
        ("kym", "kim", False),  # too short to tell
    ],
)
def test_same_spelling_by_y_and_i(a, b, same):
    assert names.same_spelling(a, b) is same


def test_transliterations_of_one_surname_in_a_document_are_one_person():
    text = "Hanna Malyar said so. Malyar added more. Later Hanna Maliar left. Maliar spoke."
    spans = [(n, "PERSON") for n in ("Hanna Malyar", "Malyar", "Hanna Maliar", "Maliar")]
    assert len(set(_resolve(text, spans).mentions["actor"])) == 1


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ivo Tal", True),
        ("Xu", True),
        ("R", False),  # what is left of "Sen. Ivo Tal, R-"
        ("J.", False),
        ("Nuzhnenko The House", False),
        ("Agent 47", False),
    ],
)
def test_looks_like_person(name, expected):
    assert names.looks_like_person(name) is expected


def test_a_lone_party_letter_is_no_person():
    text = "Sen. Ivo Tal, R-, argues the funds are too much."
    res = _resolve(text, [("Ivo Tal", "PERSON"), ("R-", "PERSON")])
    assert res.mentions["actor"].tolist() == ["Ivo Tal"]
