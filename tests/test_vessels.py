"""Ships the model takes for actors (actors.vessels).

Every text here is invented.
"""

from __future__ import annotations

import pytest

from tests.test_actors import _resolve
from workbench.actors.gazetteer import Entry, Gazetteer
from workbench.actors.vessels import ship_cue


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The Panama-flagged Kestrel Star left Dorsk.", "Kestrel Star", True),  # a flag
        ("The Malta-flagged bulk carrier Orsa left.", "Orsa", True),  # kind words between
        ("The cargo ship Orsa was inspected.", "Orsa", True),  # a ship's noun before
        ("Troops seized the superyacht Vela.", "Vela", True),
        ("The Fulmo S vessel sailed for Dorsk.", "Fulmo S", True),  # article, name, noun
        ("The carrier Orsa cancelled flights.", "Orsa", False),  # an airline, maybe
        ("The aircraft carrier Orsa sailed.", "Orsa", True),
        ("The ships Vetria seized were towed.", "Vetria", False),  # a plural: a clause
        ("Ivo Brandt met the crew.", "Ivo Brandt", False),
        ("Vetria ship exports rose.", "Vetria", False),  # no article before
        ("It lost its flagship Vetria cruiser Orsa.", "Vetria", False),  # a ship's modifier
        ("He served on the Vetria Fleet flagship.", "Vetria Fleet", False),  # an owner's
    ],
)
def test_ship_cue(text, name, expected):
    start = text.index(name)
    assert ship_cue(text, start, start + len(name)) is expected


def test_a_noun_after_counts_only_for_a_span_typed_a_person():
    text = "The Vetria Navy vessel sank."
    start = text.index("Vetria Navy")
    assert not ship_cue(text, start, start + 11, person=False)


def test_a_gazetteer_name_is_a_ship_only_right_after_a_flag():
    text = "The warship Dorsk sank. The Vetria-flagged Dorsk left."
    start = text.rindex("Dorsk")
    assert ship_cue(text, start, start + 5, listed=True)
    assert not ship_cue(text, text.index("Dorsk"), text.index("Dorsk") + 5, listed=True)


def test_every_span_of_a_ship_name_in_the_document_is_dropped():
    text = "The Panama-flagged Kestrel Star left Dorsk. Kestrel Star carries corn, Ivo Brandt said."
    spans = [
        ("Kestrel Star", "PERSON"),
        ("Dorsk", "GPE"),
        ("Kestrel Star", "PERSON"),
        ("Ivo Brandt", "PERSON"),
    ]
    res = _resolve(text, spans)
    assert res.mentions["actor"].tolist() == ["Dorsk", "Ivo Brandt"]
    assert "ship, not actor" in set(res.audit["rule"])


def test_a_word_of_a_persons_full_name_is_no_ship():
    text = "Ivo Brandt sailed. The ship Brandt boarded was old."
    res = _resolve(text, [("Ivo Brandt", "PERSON"), ("Brandt", "PERSON")])
    assert res.mentions["actor"].tolist() == ["Ivo Brandt", "Ivo Brandt"]


def test_a_gazetteer_place_keeps_its_other_spans():
    gaz = Gazetteer({"Dorsk": Entry(name="Dorsk", type="GPE")})
    text = "The Vetria-flagged Dorsk left port. Shelling hit Dorsk."
    res = _resolve(text, [("Dorsk", "GPE", "Dorsk"), ("Dorsk", "GPE", "Dorsk")], gaz)
    assert res.mentions["start"].tolist() == [text.rindex("Dorsk")]
