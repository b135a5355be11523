"""Direct quotations (:mod:`workbench.actors.quotations`) on short invented sentences."""

from __future__ import annotations

import pytest

from tests.test_quotes import _quotes

TAL = ("Mira Tal", "PERSON")
COLLEGE = ("Harbour College", "ORG")
QUOTE = "We will rebuild every bridge in the city"


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        (  # a name with a noun phrase in apposition between commas, then the verb
            f'"{QUOTE}," Mira Tal, a professor of history at Harbour College, told reporters.',
            [TAL, COLLEGE],
            [("direct", "Mira Tal", "told", f"{QUOTE},")],
        ),
        (  # ... and without one, as before
            f'"{QUOTE}," Mira Tal told reporters.',
            [TAL],
            [("direct", "Mira Tal", "told", f"{QUOTE},")],
        ),
    ],
)
def test_direct_quotations(text, actors, expected):
    assert _quotes(text, actors) == expected
