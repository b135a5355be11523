"""Whom a description introduces (:mod:`workbench.actors.introductions`), on invented text."""

from __future__ import annotations

import pytest

from tests.test_quotes import _quotes

TAL = ("Mira Tal", "PERSON")
EK = ("Dan Ek", "PERSON")
COUNCIL = ("Harbour Council", "ORG")
RURITANIA = ("Ruritania", "GPE")


@pytest.mark.parametrize(
    ("text", "actors", "speakers"),
    [
        (  # a person noun in the lede: the person the next sentence introduces as its subject
            "A Ruritanian soldier has revealed he is going back to the front. Mira Tal, 28, "
            "was captured in April.",
            [TAL, RURITANIA],
            ["Mira Tal"],
        ),
        (  # ... but not one named before: that is someone else
            "Mira Tal visited the port. A resident said the shelling had stopped for the night. "
            "Mira Tal said the port would reopen.",
            [TAL, TAL],
            [None, "Mira Tal"],
        ),
        (  # a role usually left unnamed: only the speaker of the quotation that follows
            'Dan Ek visited. A regional official said the port will reopen in a few weeks. "We '
            'have cleared all the mines," Mira Tal told reporters.',
            [TAL, EK],
            ["Mira Tal", "Mira Tal"],
        ),
        (  # ... not a new person who merely speaks next
            "Dan Ek visited. A regional official said the port will reopen in a few weeks. "
            "Mira Tal said the mines were cleared.",
            [TAL, EK],
            [None, "Mira Tal"],
        ),
        (  # ... after a place the official is in
            "Dan Ek left. Later, an official in the southern coastal region said the port will "
            'reopen soon. "The port has been freed for good," Mira Tal was quoted as saying.',
            [TAL, EK],
            ["Mira Tal", "Mira Tal"],
        ),
        (  # a body's noun in the lede: the body the next sentence opens with
            "The world's shipping watchdog says it is watching the port closely. The Harbour "
            "Council chief, Mira Tal, met the mayor.",
            [TAL, COUNCIL],
            ["Harbour Council"],
        ),
        (  # ... not a body that speaks in its own voice there
            "Ruritania's energy company said the plant had lost power for hours. Harbour Council "
            "said on Monday the lines were cut.",
            [COUNCIL, RURITANIA],
            [None, "Harbour Council"],
        ),
        (  # an indefinite title: the person whose comments a sentence shortly after names
            "Dan Ek spoke first. A defence minister has said it would be legitimate to strike "
            "the port. Ruritania reacted angrily. That prompted officials to clarify Mira Tal's "
            "comments on the matter.",
            [TAL, EK, RURITANIA],
            ["Mira Tal"],
        ),
        (  # ... or who made them
            "Dan Ek spoke first. A defence minister has said it would be legitimate to strike "
            "the port. The comments were made by Mira Tal on Monday.",
            [TAL, EK],
            ["Mira Tal"],
        ),
        (  # ... but not when two people's comments are named
            "Dan Ek spoke first. A defence minister has said it would be legitimate to strike "
            "the port. Officials clarified Mira Tal's comments and Ivo Brand's remarks.",
            [EK, TAL, ("Ivo Brand", "PERSON")],
            [None],
        ),
        (  # ... nor comments of someone named before the description: others' comments
            "Dan Ek spoke first. A defence minister has said it would be legitimate to strike "
            "the port. Officials later clarified Dan Ek's comments.",
            [EK, EK],
            [None],
        ),
        (  # a role usually left unnamed is no author of comments named after it
            "The port will reopen, an official said. Officials clarified Mira Tal's comments.",
            [TAL],
            [None],
        ),
        (  # a pronoun opening the next sentence goes on with the one described
            "The war began long ago, a cybersecurity expert told reporters. He also warned "
            "that Mira Tal could strike the port.",
            [TAL],
            [None, None],
        ),
        (  # ... but not one in the quotation that opens it
            'The port will reopen, a regional official said on Monday. "He is going to tell '
            'them the port is safe," Mira Tal told reporters.',
            [TAL],
            ["Mira Tal", "Mira Tal"],
        ),
        (  # a new person in words reported there is no one introduced
            "A Ruritanian soldier has revealed he is going back. Officials said Mira Tal had "
            "freed him.",
            [TAL],
            [None, None],
        ),
        (  # a watchdog after the lede is no body that spoke before: no one named
            "Harbour Council said prices had risen sharply this year. The consumer watchdog said "
            "the port must reopen soon.",
            [COUNCIL],
            ["Harbour Council", None],
        ),
    ],
)
def test_a_description_is_the_actor_named_next(text, actors, speakers):
    assert [q[1] for q in _quotes(text, actors)] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (  # a photo caption next introduces no one: the person it shows did not speak
            "According to Ruritania's top prosecutor, dozens of children have been hurt. "
            "Mira Tal, 14, rides his bike in Harbour, Ruritania, Tuesday, Nov. 30, 2021.",
            [None],
        ),
        (  # ... while a sentence of the text does
            "According to Ruritania's top prosecutor, dozens of children have been hurt. "
            "Mira Tal, who leads the office, told reporters the count would rise.",
            ["Mira Tal", "Mira Tal"],
        ),
    ],
)
def test_a_caption_introduces_no_one(text, speakers):
    assert [q[1] for q in _quotes(text, [RURITANIA, TAL])] == speakers
