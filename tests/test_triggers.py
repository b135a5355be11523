"""Trigger words: calls by any form of "speak", assaults beyond shelling, dated invasions."""

import pytest

from workbench.timeline.triggers import background, find_trigger


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("She had spoken with her counterpart Kuleba.", ("call", "spoken with")),
        ("Scholz spoke by phone with Macron.", ("call", "spoke by phone with")),
        ("The minister phoned his counterpart.", ("call", "phoned")),
        ("He spoke to reporters in Paris.", None),
        ("She spoke to CNN on Monday.", None),
        ("Rebels launched a counteroffensive near the town.", ("attack", "counteroffensive")),
        ("The army's offensive in the east stalled.", ("attack", "'s offensive")),
        ("They sent offensive weapons.", None),
        ("The envoy was assassinated near the capital.", ("attack", "assassinated")),
        ("He was blamed for the downing of the airliner.", ("attack", "downing of")),
        ("Troops invaded the country in March.", ("attack", "invaded")),
        ("They fought invading troops.", None),
    ],
)
def test_triggers_of_calls_and_assaults(text, found):
    got = find_trigger(text)
    assert (got and (got[0], text[got[1][0] : got[1][1]])) == found


@pytest.mark.parametrize(
    ("text", "is_background"),
    [("Troops invaded the country.", True), ("Troops attacked the town.", False)],
)
def test_an_invasion_is_background(text, is_background):
    _, span = find_trigger(text)
    assert background(text, span) is is_background
