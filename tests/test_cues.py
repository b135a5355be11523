"""Tests for workbench.actors.cues: the speech-verb pattern built as a trie."""

from __future__ import annotations

import re

import pytest

from workbench.actors.cues import CUE, SPEECH, noun_before, word_trie


@pytest.mark.parametrize(
    ("words", "pattern"),
    [
        (["say", "says", "said"], "sa(?:id|y(?:s)?)"),
        (["a", "ab", "abc", "b"], "(?:a(?:b(?:c)?)?|b)"),
        (["call for", "called for"], r"call(?:\ for|ed\ for)"),
        (["told"], "told"),
    ],
)
def test_word_trie_shares_prefixes(words, pattern):
    assert word_trie(words) == pattern


PLAIN = re.compile(r"\b(?:called for|calls for|call for|" + "|".join(SPEECH) + r")\b")
TEXTS = [
    "Mira Tal said the plan failed, and the minister added that it had worked.",
    "Reports of unsaid essays: sayings say nothing; he says, she's saying it.",
    "The union called for a strike. It calls for calm and will call for talks.",
    "Tal warned—and warns—that the recalled envoy denied, then confirmed, it.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_cue_finds_what_the_plain_alternation_finds(text):
    spans = [m.span() for m in PLAIN.finditer(text)]
    assert [m.span() for m in CUE.finditer(text)] == spans
    for lo in range(0, len(text), 7):  # windows too, cut anywhere, even inside words
        for hi in range(lo, len(text) + 1, 5):
            assert [m.span() for m in CUE.finditer(text, lo, hi)] == [
                m.span() for m in PLAIN.finditer(text, lo, hi)
            ]


@pytest.mark.parametrize(
    ("before", "noun"),
    [
        ("Tal read the", True),
        ("Tal read the news", True),
        ("Tal arrived. News", True),  # a sentence's first word
        ("Tal arrived. Recent", True),
        ("Tal said Harbour News", False),  # the last word of a name
        ("The New", False),
        ("Tal read the Daily\nNews", True),  # a line apart: no name
        ("Tal said", False),
        ("", False),
    ],
)
def test_a_word_of_a_name_makes_no_noun(before, noun):
    assert noun_before(before) is noun
