"""Acronyms a document defines (actors.acronyms).

Every text here is invented.
"""

from __future__ import annotations

import pytest

from tests.test_actors import _resolve
from workbench.actors.acronyms import spelled_by_common_words


@pytest.mark.parametrize(
    ("text", "acronym", "expected"),
    [
        ("Imports of compressed tidal gas (CTG) rose.", "CTG", True),
        ("It flew a long-range aerial vehicle (LAV) home.", "LAV", True),  # hyphen parts
        ("The rate of return (RR) fell.", "RR", True),  # a function word skipped
        ("The Coastal Tidal Group (CTG) met.", "CTG", False),  # a name
        ("Prices of tidal gas (CTG) rose.", "CTG", False),  # a letter missing
        ("CTG said so.", "CTG", False),  # never defined
    ],
)
def test_an_acronym_spelled_by_lower_case_words(text, acronym, expected):
    assert spelled_by_common_words(text, acronym) is expected


def test_an_acronym_of_common_words_is_no_actor_anywhere_in_its_document():
    text = (
        "Ivo Brandt said compressed tidal gas (CTG) imports rose. CTG terminals are full. "
        "The Coastal Tidal Group agreed."
    )
    res = _resolve(
        text,
        [("Ivo Brandt", "PERSON"), ("CTG", "ORG"), ("CTG", "ORG"), ("Coastal Tidal Group", "ORG")],
    )
    assert res.mentions["actor"].tolist() == ["Ivo Brandt", "Coastal Tidal Group"]
    assert (
        "common acronym" in dict(zip(res.audit["surface"], res.audit["rule"], strict=True))["CTG"]
    )


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # after a country's word, the acronym takes the next word's letter
        (
            "The British Ministry of Defence (MoD) said so. The MoD added more.",
            [("British Ministry of Defence", "ORG"), ("MoD", "GPE")],
            ["British Ministry of Defence"] * 3,  # the bracketed one too
        ),
        # no country's word first: the first letters must agree, as before
        (
            "The Orsa Ministry of Defence (MoD) said so. The MoD added more.",
            [("Orsa Ministry of Defence", "ORG"), ("MoD", "GPE")],
            ["Orsa Ministry of Defence", "MoD"],
        ),
    ],
)
def test_an_acronym_may_skip_a_country_word_before_the_name(text, spans, expected):
    res = _resolve(text, spans)
    assert res.mentions["actor"].tolist() == expected
