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
