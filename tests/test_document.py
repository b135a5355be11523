"""Tests for workbench.actors.document: cues found once per text, picked per stretch."""

from __future__ import annotations

import pytest

from workbench.actors.cues import CUE
from workbench.actors.document import Document

TEXTS = [
    'Tal said the plan failed. "We will stay," she added. The claims of the ministry stood.',
    "Reports of shelling said little; officials told reporters that sayings say nothing.",
    "The mayor's aide warned residents. He says the recent reports were wrong, Kyiv said.",
]


def _doc(text: str) -> Document:
    return Document("d1", text, [(0, 3, "Mira Tal", "PERSON")], [], [(0, len(text))])


@pytest.mark.parametrize("text", TEXTS)
def test_cues_pick_what_a_search_of_the_stretch_finds(text):
    doc = _doc(text)
    for lo in range(-2, len(text) + 2, 3):
        for hi in range(lo - 3, len(text) + 3, 4):  # even cut inside a word ("say|ings")
            searched = [m.span() for m in CUE.finditer(text, max(lo, 0), max(hi, 0))]
            want = [
                s
                for s, m in zip(searched, CUE.finditer(text, max(lo, 0), max(hi, 0)), strict=True)
                if doc.verb_use(m)
            ]
            assert [m.span() for m in doc.cues(lo, hi)] == want
            if searched:
                assert doc.may_cue(lo, hi)


@pytest.mark.parametrize(
    ("text", "lo", "hi", "may"),
    [
        ("The talks went on. Tal said no.", 0, 19, False),  # no speech verb in the first
        ("The talks went on. Tal said no.", 19, 31, True),
        ("Sayings and essays.", 0, 19, False),  # cue words inside longer words are none
        ("Sayings and essays.", 0, 3, True),  # "Say|ings" cut short: searched again
    ],
)
def test_may_cue_is_false_only_without_a_speech_verb(text, lo, hi, may):
    assert _doc(text).may_cue(lo, hi) is may


# (text, the cue word, whether it is used as a verb)
VERB_USES = [
    ("Harbour News said the bridge reopened.", "said", True),  # a word of a name
    ("The New Review reported that the bridge reopened.", "reported", True),
    ("Tal arrived. News reports said the bridge reopened.", "reports", False),  # sentence start
    ("Tal denied the news reports that the bridge reopened.", "reports", False),
    ("Tal arrived. The claims were denied.", "claims", False),
    ("Tal arrived. Recent reports say the bridge reopened.", "reports", False),
    ("Tal read the Daily\nNews reports on the bridge.", "reports", False),  # a line apart
    ("Tal denied it, writing that the bridge reopened.", "writing", True),  # after a comma
    ("In script writing there is a term for it.", "writing", False),  # an activity
]


@pytest.mark.parametrize(("text", "cue", "verb"), VERB_USES)
def test_a_word_of_a_name_before_a_cue_makes_no_noun_of_it(text, cue, verb):
    match = next(m for m in CUE.finditer(text) if m.group(0) == cue)
    assert _doc(text).verb_use(match) is verb


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("Mira Tal attends a meeting in Harbour, Ruritania, Tuesday, Nov. 30, 2021.", True),
        (  # a caption the sentence splitter cut in two, with a quoted name in it
            'Mira Tal attends a call of the "Harbour Calling!" Forum in Harbour, Jan. 7, 2022.',
            True,
        ),
        ("Mira Tal said the port was shut in 2021.", False),  # no verb of a picture
        ("Mira Tal attends a meeting. The port was shut in 2021.", False),  # two sentences
    ],
)
def test_photo_captions(text, caption):
    first = text.find(". ") + 2 if "Calling!" not in text else text.find("Forum")
    sents = [(0, first - 1), (first, len(text))] if first > 1 else [(0, len(text))]
    doc = Document("d1", text, [(0, 8, "Mira Tal", "PERSON")], [], sents)
    assert doc.in_caption(0) is caption


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Mira Tal said the port was shut.", True),
        ("A source close to Ms Mira Tal said the port was shut.", False),
        ("An aide to President Mira Tal said the port was shut.", False),
        ("Secretary of State Mira Tal said the port was shut.", True),
        # a title that holds a preposition ends in a name, which heads the subject
        ("The envoy to the UN Mira Tal said the port was shut.", True),
    ],
)
def test_a_title_before_a_name_hides_no_preposition(text, subject):
    at = text.index("Mira Tal")
    doc = Document("d1", text, [(at, at + 8, "Mira Tal", "PERSON")], [], [(0, len(text))])
    assert doc.subject_like(doc.mentions[0]) is subject


@pytest.mark.parametrize(
    ("text", "span", "subject"),
    [
        ("Fighters in east Ruritania have said so.", (17, 26), False),  # "in" governs it
        ("Fighters in southern Ruritania said so.", (21, 30), False),
        ("Then east Ruritania said so.", (10, 19), True),  # no preposition before it
        ("An aide to Harbour's Mayor Ruritania said so.", (27, 36), False),  # past an owner
        ("Harbour's Mayor Ruritania said so.", (16, 25), True),
        ("An aide to Harbour 's Mayor Ruritania said so.", (28, 37), False),
    ],
)
def test_a_compass_word_does_not_hide_a_preposition(text, span, subject):
    doc = Document("d1", text, [(*span, "Ruritania", "GPE")], [], [(0, len(text))])
    assert doc.subject_like(doc.mentions[0]) is subject
