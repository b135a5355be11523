"""Outlets whatever type the model gave them: press words, press nouns, mastheads."""

from __future__ import annotations

import pytest

from workbench.actors.outlets import is_outlet, outlet_name


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The Baltic News Service said so.", "Baltic News Service", True),  # a press word
        ("She told state news agency Kanal Nine so.", "Kanal Nine", True),  # a noun before
        ("The Kanal Nine newspaper said so.", "Kanal Nine", True),  # a noun after
        ("According to the Times, it rained.", "Times", True),  # a masthead after "the"
        ("The Energy Agency said so.", "Energy Agency", False),  # a word others share
        ("She posted on her Kanal Nine channel.", "Kanal Nine", False),  # a messaging channel
        ("Times Square was full.", "Times", False),  # no "the"
        ("Murdoch's newspaper said so.", "Murdoch", False),  # an owner is no outlet
    ],
)
def test_is_outlet(text, name, expected):
    start = text.index(name)
    assert is_outlet(text, start, start + len(name), name) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Kyiv Radio", True), ("Observer", True), ("Harbour Council", False), ("Post Office", False)],
)
def test_outlet_name(name, expected):
    assert outlet_name(name) is expected
