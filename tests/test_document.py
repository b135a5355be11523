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
]


@pytest.mark.parametrize(("text", "cue", "verb"), VERB_USES)
def test_a_word_of_a_name_before_a_cue_makes_no_noun_of_it(text, cue, verb):
    match = next(m for m in CUE.finditer(text) if m.group(0) == cue)
    assert _doc(text).verb_use(match) is verb
