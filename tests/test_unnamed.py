"""Unnamed speakers between a pronoun and an older name (:mod:`workbench.actors.unnamed`)."""

from __future__ import annotations

import pytest

from tests.test_quotes import _quotes

TAL = ("Mira Tal", "PERSON")
EK = ("Dan Ek", "PERSON")


@pytest.mark.parametrize(
    ("text", "actors", "last"),
    [
        (  # an indefinite description, then "he": the unnamed person, not the older name
            "Dan Ek said the port would open. A former council official, who asked not to be "
            'named, disagreed. "It will never open," he said.',
            [EK],
            None,
        ),
        (  # a definite head of an indefinite body is unnamed too
            "Mira Tal said the schools would close. The director of one school spoke to "
            'reporters. "Every child wants warmth," she said.',
            [TAL],
            None,
        ),
        (  # "one" + noun + aside
            "Dan Ek said the vote was fair. One council supporter, a former aide, said it was "
            'rigged. "I think prudence dictates it," he said.',
            [EK],
            None,
        ),
        (  # a description that names the person does not block
            "Dan Ek said the port would open. A council official, Mira Tal, disagreed. "
            '"It will never open," she said.',
            [EK, TAL],
            "Mira Tal",
        ),
        (  # an office the text may name ("the mayor") does not block
            'Dan Ek said the port would open. The mayor visited the dock. "We are ready," he said.',
            [EK],
            "Dan Ek",
        ),
        (  # a description inside quotation marks is no subject of the text's
            'Dan Ek said "a former official told me the port would open." He added it was late.',
            [EK],
            "Dan Ek",
        ),
        (  # a description before the name does not block
            'A former official said the port would open. Dan Ek disagreed. "The port will stay shut all year," he said.',
            [EK],
            "Dan Ek",
        ),
        (  # a nearer epithet may stand for the named person: it does not block
            "Dan Ek spoke on Monday. A council official, however, told reporters the port was "
            'shut. The 69-year-old insisted it was open. "It is open all year," he said.',
            [EK],
            "Dan Ek",
        ),
        (  # a role in apposition to a name is named: "Mira Tal, the spokeswoman, said"
            "Dan Ek said the port would open. Mira Tal, the spokeswoman for the council, said "
            'it was shut. "We will not open it," she said.',
            [EK, TAL],
            "Mira Tal",
        ),
        (  # an aside and an adverb between the description and its verb
            "Dan Ek said the vote was fair. One council supporter, a former aide who asked "
            'not to be named, even cited the rules. "The vote was rigged from the start," he said.',
            [EK],
            None,
        ),
    ],
)
def test_unnamed_blocks_older_name(text, actors, last):
    assert _quotes(text, actors)[-1][1] == last


@pytest.mark.parametrize(
    ("text", "actors", "last"),
    [
        (  # "she" skips a man the text marks as one: the woman a role marks
            "Council spokeswoman Mira Tal spoke first. Dan Ek, the son of a miner, then "
            'arrived. "The port will stay shut all year," she said.',
            [TAL, EK],
            "Mira Tal",
        ),
    ],
)
def test_a_role_marks_the_sex_a_pronoun_agrees_with(text, actors, last):
    assert _quotes(text, actors)[-1][1] == last
