"""Clauses: whether a name or a date stands in the trigger word's clause.

The words between a name and the trigger tell whether the name is another clause's: a
clause boundary (";", ", and", "which", "as", "while", "where": :data:`OTHER_CLAUSE`),
a subordinate clause of time holding the trigger with a verb of its own ("Ann Jones
spoke a day after leaders held a summit", "... before the strikes began":
:func:`subordinate`; not "spoke after talks with Avalon", a phrase of Ann Jones's clause),
and a question's clause holding the name that a comma closes before the trigger ("asked
why Avalon waited, Ann Jones said ... the summit"). A relative pronoun right after a name
makes the name the subject of the clause it opens ("Ann Jones, who visited Avalon":
:func:`relative_subject`). :mod:`workbench.timeline.roles` reads who takes part with
these, and :mod:`workbench.timeline.dating` which date is the event's.
"""

from __future__ import annotations

import re

from workbench.timeline.complements import outside_complement

# A clause boundary between a name and the trigger word: the name is another clause's.
_CLAUSE_WORDS = (
    r"[;:]|,\s*(?:and|but)\b|\b(?:whereas|although|though|which|who)\b"
    r"|\bas\b(?!\s+(?:a|an|the|part|well|such|much|many|if|of|to|for|in|its|his|her)\b)"
    r"|\b(?:while|when)\b(?!\s+\w+ing\b)|\b\w+ing\s+that\b"
)
OTHER_CLAUSE = re.compile(rf"{_CLAUSE_WORDS}|\bwhere\b")
# A place's own clause may go on after it: "in Kharkiv, where shelling went on".
PLACE_CLAUSE = re.compile(_CLAUSE_WORDS)
# A clause of time of its own for the trigger, with a verb of its own: "Ann Jones spoke a
# day after leaders held a summit", "... before the strikes began" (not "spoke after talks
# with Avalon", a phrase that Ann Jones's clause holds).
_SUBORDINATE = re.compile(r"\b(?:before|after|since|until|once)\b", re.I)
_CLAUSE_VERB = re.compile(
    r"\b(?:held|hold|holds|had|has|have|was|were|is|are|began|begun|begins|started|starts"
    r"|commenced|ended|concluded|opened|resumed|continued|took\s+place)\b",
    re.I,
)
# A question's clause that closes before the trigger: "(asked) why Avalon waited, Ann
# Jones said ... the summit".
_WH_CLAUSE = re.compile(r"\b(?:why|whether|how)\s+(?:[^,;:]*\s)?$", re.I)


#: Characters after a trigger noun read for the verb of its own clause ("strikes began").
CLAUSE_VERB_WINDOW = 25


def subordinate(text: str, hi: int, trigger: tuple[int, int]) -> bool:
    """Whether the trigger stands in a subordinate clause of time that a name is outside of.

    "before" (and "after", "since", "until", "once") between the name and the trigger,
    opening a clause with a verb of its own before the trigger ("after leaders held a
    summit") or just after it ("before the strikes began"; not a clause the trigger's
    noun opens, "said after the call that talks were held").
    """
    if hi > trigger[0]:
        return False
    found = list(_SUBORDINATE.finditer(text, hi, trigger[0]))
    if not found:
        return False
    sub = found[-1]
    after = text[trigger[1] : trigger[1] + CLAUSE_VERB_WINDOW]
    return bool(
        _CLAUSE_VERB.search(text, sub.end(), trigger[0])
        or re.match(
            rf"^\s+(?:(?!that|which|who)[\w'’-]+\s+){{0,2}}{_CLAUSE_VERB.pattern}", after, re.I
        )
    )


def apart(text: str, lo: int, hi: int, trigger: tuple[int, int]) -> bool:
    """Whether a name stands in another clause than the trigger word, for taking part.

    A clause boundary between them (:data:`OTHER_CLAUSE`), a subordinate clause of time
    holding the trigger (:func:`subordinate`), a complement clause of saying that holds
    one but not the other
    (:func:`workbench.timeline.complements.outside_complement`), or a question's clause
    holding the name that a comma closes before the trigger (:data:`_WH_CLAUSE`).
    """
    if OTHER_CLAUSE.search(between(text, lo, hi, trigger)) or subordinate(text, hi, trigger):
        return True
    if outside_complement(text, lo, hi, trigger):
        return True
    return (
        hi <= trigger[0]
        and "," in text[hi : trigger[0]]
        and bool(_WH_CLAUSE.search(text[max(0, lo - 60) : lo]))
    )


# A relative pronoun right after a name: the name is the subject of the clause it opens.
_RELATIVE = re.compile(r",?\s+(?:who|which)\s+")


def relative_subject(text: str, hi: int, trigger: tuple[int, int]) -> bool:
    """Whether a name ending at ``hi`` is the subject of a relative clause holding the trigger.

    "Ann Jones, who visited Avalon in May", "the Relief Fund, which negotiated the truce":
    the pronoun opens the trigger's clause and stands for the name (no other boundary
    between it and the trigger).
    """
    if hi > trigger[0]:
        return False
    m = _RELATIVE.match(text, hi, trigger[0])
    if not m or "," in text[m.end() : trigger[0]]:  # the clause closed: "who ..., denied"
        return False
    return not OTHER_CLAUSE.search(text[m.end() : trigger[1]])


def in_other_clause(text: str, span: tuple[int, int], trigger: tuple[int, int]) -> bool:
    """Whether a clause boundary stands between ``span`` and the trigger word in ``text``."""
    return bool(OTHER_CLAUSE.search(between(text, span[0], span[1], trigger)))


def between(text: str, lo: int, hi: int, trigger: tuple[int, int]) -> str:
    """The words from a name to the trigger word (the trigger included), or back."""
    return text[hi : trigger[1]] if hi <= trigger[0] else text[trigger[0] : lo]
