"""Governors: whether another predicate than the event's own governs its trigger noun."""

import pytest

from tests.test_clauses import spans
from workbench.timeline.governors import governed_elsewhere, in_aftermath


@pytest.mark.parametrize(
    ("text", "name", "word", "governed"),
    [
        # the subject of a verb dealing with the event stands outside it
        (
            "Avalon, in a rare move, has arrested the man behind the attack.",
            "Avalon",
            "attack",
            True,
        ),
        ("Ann Lee addressed the attack in her nightly update.", "Ann Lee", "attack", True),
        ("Ann Lee discussed the talks with reporters.", "Ann Lee", "talks", True),
        ("Avalon declined to extend an invitation at the summit.", "Avalon", "summit", True),
        ("Avalon was preparing for launching an attack on Lyon.", "Avalon", "attack", False),
        (
            "Ann Lee speaks to the press ahead of a meeting of ministers.",
            "Ann Lee",
            "meeting",
            True,
        ),
        # ... and the object of such a verb whose subject is the event
        ("The strike overshadowed Avalon's efforts to export grain.", "Avalon", "strike", True),
        ("The attack, condemned by Avalon, killed two.", "Avalon", "attack", True),
        # a support verb's subject takes part
        ("Avalon launched an attack on the port.", "Avalon", "attack", False),
        ("Ann Lee held talks with the envoys.", "Ann Lee", "talks", False),
        ("Troops carried out strikes on the port.", "Troops", "strikes", False),
        ("Ann Lee attended the summit in Lyon.", "Ann Lee", "summit", False),
        ("Ann Lee discussed the crisis and held talks with the envoys.", "Ann Lee", "talks", False),
        # a gathering "with" the subject, a passive subject, a verb's own clause
        ("Ann Lee flew to Lyon ahead of talks with Avalon.", "Ann Lee", "talks", False),
        ("Ann Lee was blamed for the downing of the plane.", "Ann Lee", "downing", False),
        ("Ann Lee denied that she had ordered the attack.", "Ann Lee", "attack", False),
        ("The strike hit Avalon overnight.", "Avalon", "strike", False),
    ],
)
def test_another_predicate_governing_the_trigger(text, name, word, governed):
    lo, hi, trigger = spans(text, name, word)
    assert governed_elsewhere(text, lo, hi, trigger) is governed


@pytest.mark.parametrize(
    ("text", "name", "word"),
    [
        # a participle's clause after a comma, a clause of time, a passive
        (
            "Avalon said Borduria was to blame, accusing Lyon of shelling the port.",
            "Borduria",
            "shelling",
        ),
        ("Ann Lee will discuss plans while visiting a plant in Lyon.", "Ann Lee", "visiting"),
        ("Ann Lee would be invited to address the Lyon summit.", "Ann Lee", "summit"),
    ],
)
def test_what_no_other_predicate_governs(text, name, word):
    lo, hi, trigger = spans(text, name, word)
    assert not governed_elsewhere(text, lo, hi, trigger)


@pytest.mark.parametrize(
    ("text", "name", "word", "aftermath"),
    [
        # the subject of another deed told as following the violence takes no part in it
        (
            "Ann Jones made a speech on Monday after Avalon's first attacks.",
            "Ann Jones",
            "attacks",
            True,
        ),
        (
            "Ann Jones reacts next to her house following a rocket attack.",
            "Ann Jones",
            "attack",
            True,
        ),
        (
            "A rescuer looks at the ruins following shelling in the town.",
            "rescuer",
            "shelling",
            True,
        ),
        ("Avalon closed its ports in response to the strikes.", "Avalon", "strikes", True),
        # the owner of the violence, or its doer in the trigger's own clause
        ("Kyiv mourned after Avalon's first attacks.", "Avalon", "attacks", False),
        ("Avalon launched strikes on the port after the blast.", "Avalon", "strikes", False),
        ("Avalon shelled the port after talks failed.", "Avalon", "shelled", False),
        # a participle after "after" shares the name's subject: its doer
        ("Avalon pressed on after unleashing air strikes on the port.", "Avalon", "strikes", False),
        ("Avalon killed 70 people after ordering drone strikes.", "Avalon", "strikes", False),
    ],
)
def test_a_deed_after_violence_is_no_part_of_it(text, name, word, aftermath):
    hi = text.index(name) + len(name)
    lo = text.index(word)
    assert in_aftermath(text, hi, (lo, lo + len(word))) is aftermath
