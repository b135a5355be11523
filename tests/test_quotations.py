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


DAN = ("Dan Ek", "PERSON")


@pytest.mark.parametrize(
    ("text", "actors", "speakers"),
    [
        (  # a verb and a colon open the quotation after them, not the one before
            f'Mira Tal said: "{QUOTE}?" Dan Ek posted: "We will not leave the city."',
            [TAL, DAN],
            ["Mira Tal", "Dan Ek"],
        ),
        (  # ... also after its listener
            f'Mira Tal said: "{QUOTE}!" Dan Ek told reporters: "We will not leave the city."',
            [TAL, DAN],
            ["Mira Tal", "Dan Ek"],
        ),
        (  # ... while a verb with no colon after it still attributes the one before
            f'"{QUOTE}?" Dan Ek asked reporters.',
            [DAN],
            ["Dan Ek"],
        ),
        (  # ... and so does one with a colon, where no speech verb introduced that one
            f'The video opens: "{QUOTE}?" Dan Ek wrote: "We will not leave the city."',
            [DAN],
            ["Dan Ek", "Dan Ek"],
        ),
    ],
)
def test_a_colon_binds_the_quotation_after_it(text, actors, speakers):
    assert [q[1] for q in _quotes(text, actors) if q[0] == "direct"] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (  # a surname the text gave in full, its verb (no speech verb) and a colon
            f'Mira Tal spoke first. But Tal continued: "{QUOTE}."',
            ["Mira Tal"],
        ),
        (f'Mira Tal spoke first. Tal shot back: "{QUOTE}."', ["Mira Tal"]),
        (  # a word the text never gives as a name names no one
            f'Mira Tal spoke first. Later Harbour went on: "{QUOTE}."',
            [None],
        ),
    ],
)
def test_a_name_before_a_verb_and_a_colon_speaks(text, speakers):
    assert [q[1] for q in _quotes(text, []) if q[0] == "direct"] == speakers


@pytest.mark.parametrize(
    ("text", "actors", "speakers"),
    [
        (  # a quotation with a verb of its own after it does not go on the last run
            f'Ruritania\'s army announced that the city fell. "{QUOTE}," Dan Ek, '
            "who studied the war for years and wrote on it, said.",
            [RURITANIA, DAN],
            ["Dan Ek"],
        ),
        (  # ... one with none does
            f'Dan Ek said the city fell. "{QUOTE}." The port is shut.',
            [DAN],
            ["Dan Ek"],
        ),
    ],
)
def test_a_quotation_with_its_own_verb_is_no_runs(text, actors, speakers):
    assert [q[1] for q in _quotes(text, actors) if q[0] == "direct"] == speakers
