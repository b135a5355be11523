"""Complement clauses: what is said, believed or warned, apart from the saying itself."""

import pytest

from tests.test_clauses import spans
from tests.test_events import make
from workbench.timeline.complements import complements, outside_complement


@pytest.mark.parametrize(
    ("text", "name", "word", "outside"),
    [
        # a name in a complement the trigger is outside of
        (
            "Ann Lee said at a meeting in Lyon that the future of Avalon was bright.",
            "Avalon",
            "meeting",
            True,
        ),
        (
            "Ann Lee assured Bo Chen that Avalon will respond, according to a readout of a call.",
            "Avalon",
            "call",
            True,
        ),
        ("Speaking at the summit, Ann Lee said Avalon will send troops.", "Avalon", "summit", True),
        ("The strike came amid warnings that Avalon would invade.", "Avalon", "strike", True),
        # the one a telling is addressed to, when the event is told in the complement
        ("Ann Lee assured Bo Chen that troops attacked the port.", "Bo Chen", "attacked", True),
        # the trigger and the name in one complement, or both outside
        ("Ann Lee said that Avalon attacked the port.", "Avalon", "attacked", False),
        ("Ann Lee said Avalon attacked the port.", "Avalon", "attacked", False),
        ("Ann Lee met Bo Chen in Lyon.", "Bo Chen", "met", False),
        ("Ann Lee said during a call with Bo Chen that it went well.", "Bo Chen", "call", False),
        # the teller, read by the tellers module
        ("Ann Lee said that troops attacked the port.", "Ann Lee", "attacked", False),
        # the complement's subject, when the trigger is the telling's occasion
        ("The office said after the call that Ann Lee agreed.", "Ann Lee", "call", False),
        # an attribution after the complement closes it
        (
            "Avalon said troops attacked the port, Ann Lee told a meeting.",
            "Ann Lee",
            "meeting",
            False,
        ),
    ],
)
def test_a_name_across_a_complement_edge(text, name, word, outside):
    lo, hi, trigger = spans(text, name, word)
    assert outside_complement(text, lo, hi, trigger) is outside


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("Ann Lee said the port was hit.", "the port was hit."),
        ("Ann Lee said on Monday that the port was hit.", " the port was hit."),
        ("Ann Lee says Avalon's port was hit.", "Avalon's port was hit."),
        # no complement: a preposition after the verb, an inverted teller, a name with "News"
        ("Ann Lee said in a statement.", None),
        ('"The port was hit," said Ann Lee.', None),
        ("Ann Lee told Avalon News in Lyon.", None),
    ],
)
def test_where_a_complement_opens(text, opens):
    found = complements(text)
    assert (text[found[-1][1] : found[-1][2]] if found else None) == opens


AVALON = ("d0", "Avalon", "Avalon", "GPE", "Avalon")
LEE = ("d0", "Ann Lee", "Ann Lee", "PERSON", None)
CHEN = ("d0", "Bo Chen", "Bo Chen", "PERSON", None)
RURI = ("d0", "Ruritania", "Ruritania", "GPE", "Ruritania")


@pytest.mark.parametrize(
    ("text", "mentions", "participants"),
    [
        (
            "Ann Lee assured Bo Chen that Avalon and Ruritania will respond swiftly, according"
            " to a readout of a phone call on Monday.",
            [LEE, CHEN, AVALON, RURI],
            ["Ann Lee", "Bo Chen"],
        ),
        (
            "Ann Lee and Bo Chen met on Monday in Lyon as officials warned that Avalon would grow.",
            [LEE, CHEN, AVALON],
            ["Ann Lee", "Bo Chen"],
        ),
    ],
)
def test_names_in_a_complement_take_no_part(text, mentions, participants):
    r = make([text], mentions).iloc[0]
    assert r.participants == participants
