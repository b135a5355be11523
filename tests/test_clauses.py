"""Clauses: whether a name stands in the trigger word's clause."""

import pytest

from workbench.timeline.clauses import apart, subordinate


def spans(text, name, word):
    """A name's offsets and a trigger word's span in ``text`` (shared by the clause tests)."""
    lo = text.index(name)
    start = text.index(word)
    return lo, lo + len(name), (start, start + len(word))


@pytest.mark.parametrize(
    ("text", "name", "word", "outside"),
    [
        # a clause of time with a verb of its own holds the trigger: the name is outside
        ("Ann Lee spoke a day after the leaders held a summit in Lyon.", "Ann Lee", "summit", True),
        ("Ann Lee took command days before the missile strikes began.", "Ann Lee", "strikes", True),
        ("Ann Lee resigned since the talks were over.", "Ann Lee", "talks", True),
        # a phrase of the name's own clause: taking part
        ("Ann Lee spoke on Monday after talks with the envoys.", "Ann Lee", "talks", False),
        ("Ann Lee said after the call that progress was made.", "Ann Lee", "call", False),
        ("Ann Lee met the envoys before lunch.", "Ann Lee", "met", False),
        # a name after the trigger is not outside a clause of time before it
        ("The strikes began after Ann Lee left.", "Ann Lee", "strikes", False),
    ],
)
def test_a_clause_of_time_holding_the_trigger(text, name, word, outside):
    lo, hi, trigger = spans(text, name, word)
    assert subordinate(text, hi, trigger) is outside
    assert apart(text, lo, hi, trigger) is outside


@pytest.mark.parametrize(
    ("text", "name", "word", "outside"),
    [
        # a question's clause closed by a comma before the trigger
        ("Asked why Avalon waited, Ann Lee praised the summit.", "Avalon", "summit", True),
        ("Asked whether Avalon would sign, Ann Lee left the talks.", "Avalon", "talks", True),
        # the trigger inside the question's own clause
        ("Ann Lee asked why Avalon attacked the port.", "Avalon", "attacked", False),
        # a clause boundary, as before
        ("Avalon protested; Ruritania attacked the port.", "Avalon", "attacked", True),
    ],
)
def test_a_question_clause_and_other_boundaries(text, name, word, outside):
    lo, hi, trigger = spans(text, name, word)
    assert apart(text, lo, hi, trigger) is outside
