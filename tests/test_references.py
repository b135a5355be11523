"""Whom pronouns and descriptions stand for (:mod:`workbench.actors.references`)."""

from __future__ import annotations

import pytest

from tests.test_quotes import _quotes

TAL = ("Mira Tal", "PERSON")
EK = ("Dan Ek", "PERSON")
COUNCIL = ("Harbour Council", "ORG")
PORT = ("Harbour Aid", "ORG")
RURITANIA = ("Ruritania", "GPE")


@pytest.mark.parametrize(
    ("text", "actors", "speakers"),
    [
        (  # the subject of reported words is not what "it" stands for: the body that spoke
            "The Harbour Council said Ruritania had closed the port. It added Ruritania was wrong.",
            [COUNCIL, RURITANIA],
            ["Harbour Council", "Harbour Council"],
        ),
        (  # ... nor "he"
            "Mira Tal said Dan Ek had left the city. He added that the port would close.",
            [TAL, EK],
            ["Mira Tal", "Mira Tal"],
        ),
        (  # a person past a long aside and a time acts, so "he" stands for him
            "Mira Tal said the port would open. Dan Ek, the mayor of the city, on Wednesday "
            "called the plan a danger. He said the port would close.",
            [TAL, EK],
            ["Mira Tal", "Dan Ek"],
        ),
        (  # a person noun without a person's ending: the person who just spoke
            "Dan Ek said the port would close. The billionaire also said the city would suffer.",
            [EK],
            ["Dan Ek", "Dan Ek"],
        ),
        (  # a body's noun with a person's ending: the body that spoke last, not the person
            "Mira Tal visited the port. Harbour Aid said the dock was safe. The operator said "
            "the cranes would run again.",
            [TAL, PORT],
            ["Harbour Aid", "Harbour Aid"],
        ),
    ],
)
def test_references(text, actors, speakers):
    assert [q[1] for q in _quotes(text, actors)] == speakers


@pytest.mark.parametrize(
    ("text", "actors", "speakers"),
    [
        (  # a pronoun after a quotation continues its speaker, in reported words too
            'Mira Tal visited the port. "We will rebuild every bridge," said Dan Ek, the mayor. '
            "He said the port would open in May.",
            [TAL, EK],
            ["Dan Ek", "Dan Ek"],
        ),
        (  # the person a photo caption shows is no antecedent
            "Dan Ek said the port would close. Mira Tal attends a meeting in Harbour, Ruritania, "
            'Tuesday, Nov. 30, 2021. "We will rebuild every bridge," he said.',
            [EK, TAL],
            ["Dan Ek", "Dan Ek"],
        ),
        (  # a speaker two sentences back, no person named since: "he" continues him
            "Olha Marchenko said the port was shut. According to the reports, the docks are "
            'empty. He said: "We will rebuild every bridge in the city."',
            [],
            ["Olha Marchenko", None, "Olha Marchenko"],
        ),
        (  # a text a pronoun owns speaks for whom the pronoun stands for
            "Mira Tal ordered a curfew. Her order pointedly stated that anyone outside would "
            "be arrested.",
            [TAL],
            ["Mira Tal"],
        ),
        (  # a body whose staff spoke is the body that spoke last ("the agency")
            "Harbour Aid said the port was shut. Harbour Relief staff reported long lines at "
            "the border, according to local officials. The wait took a day, the agency said.",
            [PORT, ("Harbour Relief", "ORG")],
            ["Harbour Aid", None, "Harbour Relief"],
        ),
        (  # a title between a preposition and a name: the name is governed, no subject
            "A source close to Ms Mira Tal, pictured left, insisted that the port was safe.",
            [TAL],
            [None],
        ),
        (  # ... not a title with "of" in it
            "Secretary of State Mira Tal, speaking in Harbour, shared the message: "
            '"We will rebuild every bridge in the city."',
            [TAL],
            ["Mira Tal"],
        ),
    ],
)
def test_references_across_quotes_captions_and_texts(text, actors, speakers):
    assert [q[1] for q in _quotes(text, actors)] == speakers


@pytest.mark.parametrize(
    ("text", "actors", "speakers"),
    [
        (  # a verb in the past tense without "-ed" shows a person acts ("gave")
            "Dan Ek said the port would close. Ivo Brand gave an address on the war. "
            '"We will rebuild every bridge," he said.',
            [EK, ("Ivo Brand", "PERSON")],
            ["Dan Ek", "Ivo Brand"],
        ),
        (  # a person after a determiner and a noun is in a relative clause, not acting
            "Ivo Brand said the port would close. Dan Ek criticised a plan Karl Lenz made. "
            '"We will rebuild every bridge," he said.',
            [("Ivo Brand", "PERSON"), EK, ("Karl Lenz", "PERSON")],
            ["Ivo Brand", "Dan Ek"],
        ),
        (  # a title's holder named inside another's reported words is not the one meant
            "President Mira Tal said the port would close if President Dan Ek attacked. "
            '"We will rebuild every bridge," the president told reporters.',
            [TAL, EK],
            ["Mira Tal", "Mira Tal"],
        ),
        (  # a person noun where no one acted: the person who spoke just before
            '"We will rebuild every bridge," said Mira Tal. The city fell in May. '
            'The reporter continued: "We will stay here until the end."',
            [TAL],
            ["Mira Tal", "Mira Tal"],
        ),
    ],
)
def test_references_by_acts_titles_and_speakers(text, actors, speakers):
    assert [q[1] for q in _quotes(text, actors)] == speakers


@pytest.mark.parametrize(
    ("text", "actors", "speakers"),
    [
        (  # a person the sentence before introduces, alone: the pronoun opening the next
            '"We will rebuild every bridge," said Mira Tal. The refugees were helped by Nora '
            'Lind, the local envoy. She said: "We are glad they made it to the city."',
            [TAL, ("Nora Lind", "PERSON")],
            ["Mira Tal", "Nora Lind"],
        ),
        (  # ... not where that sentence goes on about someone a pronoun stands for
            '"We will rebuild every bridge," said Mira Tal. She then spoke to Nora Lind, the '
            'envoy. She said: "We are glad they made it to the city."',
            [TAL, ("Nora Lind", "PERSON")],
            ["Mira Tal", "Mira Tal"],
        ),
        (  # ... nor one named before
            "Mira Tal met Nora Lind. Mira Tal said the port was shut. The refugees were "
            'helped by Nora Lind. She said: "We are glad they made it to the city."',
            [TAL, ("Nora Lind", "PERSON")],
            ["Mira Tal", "Mira Tal"],
        ),
    ],
)
def test_a_pronoun_after_a_person_introduced(text, actors, speakers):
    assert [q[1] for q in _quotes(text, actors)] == speakers


@pytest.mark.parametrize(
    ("text", "actors", "speakers"),
    [
        (  # an indefinite title: the person the next sentence gives that title
            "A defence minister said the port would close. Defence Minister Mira Tal said "
            "the decision was final.",
            [TAL],
            ["Mira Tal", "Mira Tal"],
        ),
        (  # ... not one named without it, nor a holder of the title it qualifies
            "A senior aide to the president said the port would close. President Mira Tal "
            "said the decision was final.",
            [TAL],
            [None, "Mira Tal"],
        ),
        (  # ... nor one of a group ("an official")
            "An official said the port would close. Official Mira Tal later said it was shut.",
            [TAL],
            [None, "Mira Tal"],
        ),
    ],
)
def test_an_indefinite_title_is_named_next(text, actors, speakers):
    assert [q[1] for q in _quotes(text, actors)] == speakers


@pytest.mark.parametrize(
    ("text", "actors", "speakers"),
    [
        (  # a person in words reported earlier in the same sentence is no antecedent
            "Mira Tal said that Dan Ek had been emboldened by the retreat, as he said the port "
            "would not have closed if he was still mayor.",
            [TAL, EK],
            ["Mira Tal", "Mira Tal"],
        ),
        (  # ... but one in a clause of the sentence's own, after "while", is
            "Ruritania said the retreat saved lives, while Elbonia heralded what it said was a "
            "victory.",
            [RURITANIA, ("Elbonia", "GPE")],
            ["Ruritania", "Elbonia"],
        ),
    ],
)
def test_a_pronoun_skips_words_reported_in_its_sentence(text, actors, speakers):
    assert [q[1] for q in _quotes(text, actors)] == speakers


@pytest.mark.parametrize(
    ("text", "actors", "speakers"),
    [
        (  # the one asked answers, not the asker: "him" and "he" are one person
            "The port is shut, says the mayor, Dan Ek. Mira Tal asked him if the city is safe. "
            '"I think the worst is over now," he said.',
            [EK, TAL],
            [None, "Mira Tal", "Dan Ek"],
        ),
        (  # ... but a pronoun of the other sex is still the asker
            'Dan Ek left. Mira Tal asked him if the port was safe. "I think the worst is over '
            'now," she said.',
            [EK, TAL],
            ["Mira Tal", "Mira Tal"],
        ),
        (  # ... and "her" before a noun is an owner, not the one asked
            "Dan Ek met Mira Tal. Mira Tal asked her staff to stay. "
            '"I think the worst is over now," she said.',
            [EK, TAL, TAL],
            ["Mira Tal", "Mira Tal"],
        ),
    ],
)
def test_the_one_asked_answers(text, actors, speakers):
    assert [q[1] for q in _quotes(text, actors)] == speakers
