"""Outlets a press noun refers back to, on invented sentences."""

from __future__ import annotations

import pytest
from test_quotes import _tables

from workbench.actors.antecedents import MAX_SENTENCES
from workbench.actors.citations import extract_citations

FILLER = "The harbour stayed calm. "


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # the noun cites the outlet cited last, by any citing cue
        (
            "It fell, according to the Kanal newspaper. According to the newspaper, Tal left.",
            [],
            ["Kanal", "Kanal"],
        ),
        (
            "Tal told the Harbour Post. Tal spoke to the conservative outlet again.",
            [],
            ["Harbour Post", "Harbour Post"],
        ),
        ("Kanal reported it. It rose, the British tabloid said.", [("Kanal", "MEDIA")], 2),
        # not cited where it is named: no antecedent
        ("Kanal was fined. According to the newspaper, Tal left.", [("Kanal", "MEDIA")], []),
        # the outlet named in between blocks the older one, the article's own too
        (
            "Kanal reported it. Tal read the Harbour Post. The newspaper said so.",
            [("Kanal", "MEDIA")],
            ["Kanal"],
        ),
        # a country's initials or a hyphenated modifier before the noun
        ("Kanal reported it. The US broadcaster said so.", [("Kanal", "MEDIA")], 2),
        ("Kanal reported it. The Kremlin-backed outlet said so.", [("Kanal", "MEDIA")], 2),
        # ... but not a name's own initials: "the state-owned RIA news agency" is named
        (
            "Kanal reported it. The state-owned RIA news agency said so.",
            [("Kanal", "MEDIA")],
            ["Kanal", "RIA"],
        ),
        # a name after the noun names the outlet; a comma and a clause do not
        ("Kanal reported it. The newspaper Vesti reported so.", [("Kanal", "MEDIA")], 2),
        ("Kanal reported it. According to the newspaper, Tal left.", [("Kanal", "MEDIA")], 2),
        # nouns that name bodies and railways as often refer back to nothing
        ("Kanal reported it. The agency said so.", [("Kanal", "MEDIA")], 1),
        ("Kanal reported it. It hit the railway network, officials said.", [("Kanal", "MEDIA")], 1),
        ("Kanal reported it. Tal told the i newspaper so.", [("Kanal", "MEDIA")], 1),
        # too far back
        (
            "Kanal reported it. " + FILLER * MAX_SENTENCES + "The newspaper said so.",
            [("Kanal", "MEDIA")],
            1,
        ),
    ],
)
def test_press_noun_cites_the_outlet_before(text, actors, expected):
    _, mentions, sentences = _tables(text, actors)
    out = extract_citations(mentions, sentences)
    if isinstance(expected, int):
        assert len(out) == expected
    else:
        assert list(out["cited"]) == expected


def test_own_outlet_blocks_the_noun():
    text = "Kanal reported it. Tal told the Mirror. The newspaper said so."
    _, mentions, sentences = _tables(text, [("Kanal", "MEDIA"), ("Mirror", "MEDIA")])
    out = extract_citations(mentions.assign(source="Daily Mirror"), sentences)
    assert list(out["cited"]) == ["Kanal"]
