"""Speaker rules (:mod:`workbench.actors.speakers`) on short invented sentences."""

from __future__ import annotations

import pytest

from tests.test_quotes import _quotes

TAL = ("Mira Tal", "PERSON")
EK = ("Dan Ek", "PERSON")
COUNCIL = ("Harbour Council", "ORG")
AID = ("Harbour Aid", "ORG")
NEWS = ("Harbour News", "MEDIA")
GROUP = ("Harbour Group", "ORG")
QUOTE = "We will rebuild every bridge"


def _speakers(text, actors, kind):
    return [(q[1], q[2]) for q in _quotes(text, actors) if q[0] == kind]


@pytest.mark.parametrize(
    ("text", "actors", "kind", "expected"),
    [
        (  # an aside between dashes stands between a subject and its verb
            "Mira Tal - seen as the mayor's ally - accused the council of lying to the city.",
            [TAL],
            "reported",
            [("Mira Tal", "accused")],
        ),
        (  # ... and a subject past such an aside acts, so "she" stands for her
            "Dan Ek said the port will close. Mira Tal - a rival of the mayor - accused the council of "
            f'lying to the city. "{QUOTE}," she said.',
            [EK, TAL],
            "direct",
            [("Mira Tal", "said")],
        ),
        (  # a body in a phrase after a person's name only qualifies the person
            "Mira Tal of the debt charity Harbour Aid said the plan will fail.",
            [TAL, AID],
            "reported",
            [("Mira Tal", "said")],
        ),
        (  # ... an outlet too: its reporter writes
            "Mira Tal war correspondent for the tabloid Harbour News wrote that the city fell.",
            [TAL, NEWS],
            "reported",
            [("Mira Tal", "wrote")],
        ),
        (  # a body right before its verb still speaks
            "Harbour Aid said the plan will fail.",
            [AID],
            "reported",
            [("Harbour Aid", "said")],
        ),
        (  # a mention a preposition governs qualifies an unnamed speaker
            f'"{QUOTE}," said one post linked to a channel run by the Harbour Group.',
            [GROUP],
            "direct",
            [(None, "said")],
        ),
        (
            f'"{QUOTE}," a spokesperson for the Harbour Council said.',
            [COUNCIL],
            "direct",
            [(None, "said")],
        ),
        (  # the author of a text that speaks speaks
            f'"{QUOTE}," the statement from the Harbour Council said.',
            [COUNCIL],
            "direct",
            [("Harbour Council", "said")],
        ),
        (  # a capitalised title before a name: its preposition governs no one
            f'"{QUOTE}," Director of National Harbour Mira Tal told reporters.',
            [("National Harbour Mira Tal", "PERSON")],
            "direct",
            [("National Harbour Mira Tal", "told")],
        ),
        (  # a pronoun continues the speaker of the words just quoted, not the person
            # who acted before them
            "Mayor Mira Tal visited the council on Monday. Dan Ek visited the port. "
            f'"{QUOTE}," the mayor said. "The port will reopen in spring," she said.',
            [TAL, EK],
            "direct",
            [("Mira Tal", "said"), ("Mira Tal", "said")],
        ),
        (  # "she" is no one the text marks as a man ("Mr Dan Ek")
            f'Ms Mira Tal visited the council. Mr Dan Ek visited the port. "{QUOTE}," she said.',
            [TAL, EK],
            "direct",
            [("Mira Tal", "said")],
        ),
        (  # the object of a verb before a participle does not say what follows
            "Mira Tal wrote the Harbour Council saying the costs have gone too high.",
            [TAL, COUNCIL],
            "reported",
            [(None, "saying")],
        ),
        (  # ... the subject of the participle does
            "In a letter, the Harbour Council saying the costs have gone too high was read out.",
            [COUNCIL],
            "reported",
            [("Harbour Council", "saying")],
        ),
    ],
)
def test_speaker_rules(text, actors, kind, expected):
    assert _speakers(text, actors, kind) == expected


@pytest.mark.parametrize(
    ("text", "actors", "kind", "expected"),
    [
        (  # an outlet no mention covers never speaks: "The Harbour Bay Times reported"
            "The port will close in May, The Harbour Bay Times reported.",
            [],
            "reported",
            [(None, "reported")],
        ),
        (  # ... nor one a mention covers, typed a body
            "The port will close in May, the Harbour Bay Times reported.",
            [("Harbour Bay Times", "ORG")],
            "reported",
            [(None, "reported")],
        ),
        (  # ... nor one named by its press word
            "The port will close in May, Harbour Radio has confirmed.",
            [],
            "reported",
            [(None, "confirmed")],
        ),
    ],
)
def test_outlets_never_speak(text, actors, kind, expected):
    assert _speakers(text, actors, kind) == expected


@pytest.mark.parametrize("phrase", ["As Kanal", "While Kanal", "Because Mira"])
def test_a_conjunction_opens_no_unlisted_name(phrase):
    """ "As Kanal reports, ...": the conjunction is no word of a speaker's name."""
    from workbench.actors.document import Document
    from workbench.actors.speakers import unlisted_subject

    text = f"{phrase} reports, the council will rebuild every bridge."
    assert unlisted_subject(Document("d", text, [], [], [(0, len(text))]), phrase, 0) is None


@pytest.mark.parametrize(
    ("text", "actors", "speakers"),
    [
        (  # a first name after a quotation: the one person named in full with it
            'Mira Tal fled the city in May. The port was shut. "We are safe now," Mira said.',
            [("Mira Tal", "PERSON")],
            ["Mira Tal"],
        ),
        (  # ... and opening a sentence before its verb
            "Mira Tal fled the city in May. The port was shut. Mira wrote on Sunday: "
            '"We are safe now, thank you all."',
            [("Mira Tal", "PERSON")],
            ["Mira Tal"],
        ),
        (  # the one of several people named in full whose first name it is
            'Mira Tal fled. Dan Ek stayed. "We are safe now," Dan said.',
            [("Mira Tal", "PERSON"), ("Dan Ek", "PERSON")],
            ["Dan Ek"],
        ),
        (  # two people share the first name: no one
            'Mira Tal and Mira Ek fled the city in May. "We are safe now," Mira said.',
            [("Mira Tal", "PERSON"), ("Mira Ek", "PERSON")],
            [None],
        ),
        (  # a body's name that opens with the word gives no one a first name
            'Harbour Gas sold its port. "We are safe now," Harbour said.',
            [("Harbour Gas", "ORG")],
            [None],
        ),
        (  # ... nor one the text names elsewhere as a body
            'The Harbour Gas board met. Harbour Gas sold its port. "We are safe now," Harbour '
            "said.",
            [("Harbour Gas", "ORG")],
            [None],
        ),
        (  # a word no one named in full has as first name is no one
            'Mira Tal fled the city in May. "We are safe now," Witnesses said.',
            [("Mira Tal", "PERSON")],
            [None],
        ),
    ],
)
def test_a_first_name_stands_for_the_person_named_in_full(text, actors, speakers):
    assert [q[1] for q in _quotes(text, actors)] == speakers
