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
    ("text", "name", "kind", "expected"),
    [
        ("Mira Tal, a reporter for the Kanal Courier, said so.", "Kanal Courier", "ORG", True),
        ("Kanal Nine's chief correspondent said so.", "Kanal Nine", "ORG", True),
        ("Mira Tal told Kanal Nine in an interview that it rained.", "Kanal Nine", "ORG", True),
        ("Kanal Nine reported, citing sources, that it rained.", "Kanal Nine", "ORG", True),
        ("A source told the news agency, Kanal Nine.", "Kanal Nine", "ORG", True),  # apposition
        ("The Harbour Blog says so.", "Harbour Blog", "LOC", True),  # a press word
        ("Mira Tal told Ukraine in an interview that it rained.", "Ukraine", "GPE", False),
        ("A journalist with Omar Haddad said so.", "Omar Haddad", "PERSON", False),
        ("An interview with a newspaper, Ukraine's leader said so.", "Ukraine", "GPE", False),
        ("A pro-Kremlin newspaper said so.", "Kremlin", "ORG", False),  # a modifier
        ("Mira Tal told Kanal Nine that it rained.", "Kanal Nine", "ORG", False),
    ],
)
def test_is_outlet_by_press_roles(text, name, kind, expected):
    start = text.index(name)
    assert is_outlet(text, start, start + len(name), name, kind) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kyiv Radio", True),
        ("Observer", True),
        ("Harbour Blog", True),
        ("Harbour Council", False),
        ("Post Office", False),
    ],
)
def test_outlet_name(name, expected):
    assert outlet_name(name) is expected
