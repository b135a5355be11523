"""Small rules on names (actors.names): spelling variants of one person, or two people.

Every name here is invented.
"""

from __future__ import annotations

import pytest

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
