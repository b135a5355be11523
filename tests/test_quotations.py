"""Direct quotations (:mod:`workbench.actors.quotations`) on short invented sentences."""

from __future__ import annotations

import pytest

from tests.test_quotes import _quotes

TAL = ("Mira Tal", "PERSON")
COLLEGE = ("Harbour College", "ORG")
RURITANIA = ("Ruritania", "GPE")
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
        (  # an apposition that opens with a name, not an article, and holds an initialism
            f'"{QUOTE}," Mira Tal, Ruritania\'s envoy to the U.N. mission, said in a speech.',
            [TAL, RURITANIA],
            [("direct", "Mira Tal", "said", f"{QUOTE},")],
        ),
        (  # ... an initialism in the subject itself, and after an inverted verb
            f'"{QUOTE}," said U.N. envoy Mira Tal.',
            [TAL],
            [("direct", "Mira Tal", "said", f"{QUOTE},")],
        ),
        (  # a mark glued between a stop and a word closes the quotation ('city."Tal said')
            f'"{QUOTE} in the city."Mira Tal said the port "will open again next week" soon.',
            [TAL],
            [
                ("reported", "Mira Tal", "said", 'the port "will open again next week" soon.'),
                ("direct", "Mira Tal", "said", "will open again next week"),
            ],
        ),
    ],
)
def test_direct_quotations(text, actors, expected):
    assert _quotes(text, actors) == expected


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (  # a person noun and a verb before a colon: the person who spoke just before
            f'"{QUOTE}," said Mira Tal. The city fell in May. The reporter went on: "{QUOTE}."',
            ["Mira Tal", "Mira Tal"],
        ),
        (  # ... not a text a person owns, which speaks for no one named
            f'Mira Tal read out a letter in the hall. The soldier\'s letter read: "{QUOTE}."',
            [None],
        ),
    ],
)
def test_a_description_before_a_colon_speaks(text, speakers):
    assert [q[1] for q in _quotes(text, [TAL]) if q[0] == "direct"] == speakers


def test_words_quoted_inside_a_quotation_are_its_speakers():
    text = (
        f'"{QUOTE}," Mira Tal said. "And he is telling her: "Enjoy this day of our '
        'lives, enjoy it now."'
    )
    rows = [q for q in _quotes(text, [TAL]) if q[0] == "direct"]
    assert [q[1] for q in rows] == ["Mira Tal", "Mira Tal", "Mira Tal"]


def test_words_quoted_inside_a_short_quotation_go_on_its_run():
    text = f'"{QUOTE}," said Mira Tal. "She said: "Enjoy this day of our lives, enjoy it."'
    rows = [q for q in _quotes(text, [TAL]) if q[0] == "direct"]
    assert [q[1] for q in rows] == ["Mira Tal", "Mira Tal"]
