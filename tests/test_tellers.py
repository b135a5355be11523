"""Tellers: a name that names the event in its own words ("what Ann Jones called")."""

import pytest

from workbench.timeline.tellers import names_it


@pytest.mark.parametrize(
    ("text", "name", "naming"),
    [
        (
            "Explosions from what Ann Jones called horrific strikes shook the city.",
            "Ann Jones",
            True,
        ),
        ("Troops fired in what Avalon described as retaliation.", "Avalon", True),
        ("It was what Foreign Minister Ann Jones has termed a massacre.", "Ann Jones", True),
        ("In what Avalon's leader dubbed a crime, shells hit the port.", "Avalon", True),
        # a call, or what someone said, is no naming
        ("Ann Jones called the envoy after the strikes.", "Ann Jones", False),
        ("Troops fired on what Avalon said was a depot.", "Avalon", False),
        ("Ann Jones described the attack as a crime.", "Ann Jones", False),
    ],
)
def test_naming_the_event_is_telling_of_it(text, name, naming):
    lo = text.index(name)
    assert names_it(text, lo, lo + len(name)) is naming
