"""Attribution rules (:mod:`workbench.actors.attributions`) on short invented sentences."""

from __future__ import annotations

import pytest

from tests.test_speakers import AID, COUNCIL, QUOTE, TAL, _speakers


@pytest.mark.parametrize(
    ("text", "actors", "kind", "expected"),
    [
        (  # a description, then the person in apposition to it, speaks
            "The port will close, according to Ruritania's harbour master, Mira Tal.",
            [TAL, ("Ruritania", "GPE")],
            "reported",
            [("Mira Tal", "according to")],
        ),
        (  # ... after a verb and its subject turned round, past the name's title
            f'"{QUOTE}," said the pastor, Fr. Mira Tal, at the service.',
            [TAL],
            "direct",
            [("Mira Tal", "said")],
        ),
        (  # a description before a modifier after it: "the group" of "the group in a post"
            f'Harbour Aid said the port was shut. "{QUOTE}," said the group in a website post.',
            [AID],
            "direct",
            [("Harbour Aid", "said")],
        ),
        (  # a named body is no description: the name after it opens the next clause
            "According to the Harbour Council, Mira Tal left the city in May.",
            [COUNCIL, TAL],
            "reported",
            [("Harbour Council", "according to")],
        ),
    ],
)
def test_apposed_names_and_descriptions(text, actors, kind, expected):
    assert _speakers(text, actors, kind) == expected
