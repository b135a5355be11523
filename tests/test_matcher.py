"""The gazetteer's matches merged with the model's spans (actors.matcher).

Every text here is invented.
"""

from __future__ import annotations

import pandas as pd
import pytest

from workbench.actors import ner
from workbench.actors.matcher import merge_spans


def _merge(text: str, place: str, label: str, known: str) -> list[str]:
    """The sources of the spans left when the model's ``place`` holds the match ``known``."""
    start = text.index(place)
    at = text.index(known, start)
    model = pd.DataFrame([("t", start, start + len(place), label)], columns=ner.MODEL_COLUMNS)
    found = pd.DataFrame(
        [("t", at, at + len(known), "GPE", known)],
        columns=["text_hash", "start", "end", "label", "gaz_id"],
    )
    out = merge_spans(model, found, {"t": text})
    return [text[a:b] for a, b in zip(out["start"], out["end"], strict=True)]


@pytest.mark.parametrize(
    ("text", "place", "label", "kept"),
    [
        # the place's own name ends in a head noun: the whole name wins
        (
            "The self-declared Vetria People's Republic said.",
            "Vetria People's Republic",
            "GPE",
            "Vetria People's Republic",
        ),
        ("Boats crossed the Orlan River at dawn.", "the Orlan River", "LOC", "the Orlan River"),
        ("Ships left the Kessa Sea Port today.", "the Kessa Sea Port", "LOC", "the Kessa Sea Port"),
        # two names run together, or a lower-case word: the known name wins
        ("Vetria Ostland talks stalled.", "Vetria Ostland", "GPE", "Vetria"),
        ("Near Vetria city hall they met.", "Vetria city", "GPE", "Vetria"),
        ("In Nazi Vetria the trains ran.", "Nazi Vetria", "GPE", "Vetria"),
        # a person's span holding a place's name: the match wins, whatever follows
        ("Then Vetria River spoke.", "Vetria River", "PERSON", "Vetria"),
        # ... unless it ends in a polity's head noun: the polity's name wins
        (
            "Courts of the unrecognized Vetria People's Republic met.",
            "Vetria People's Republic",
            "PERSON",
            "Vetria People's Republic",
        ),
    ],
)
def test_a_place_ending_in_a_head_noun_wins_over_the_known_name_inside(text, place, label, kept):
    assert _merge(text, place, label, "Vetria" if "Vetria" in place else place.split()[1]) == [kept]


def test_a_polity_the_model_typed_a_person_is_kept_as_a_place():
    text = "Courts of the unrecognized Vetria People's Republic met."
    start = text.index("Vetria")
    end = text.index(" met")
    model = pd.DataFrame([("t", start, end, "PERSON")], columns=ner.MODEL_COLUMNS)
    found = pd.DataFrame(
        [("t", start, start + 6, "GPE", "Vetria")],
        columns=["text_hash", "start", "end", "label", "gaz_id"],
    )
    out = merge_spans(model, found, {"t": text})
    assert out[["source", "label"]].values.tolist() == [["model", "GPE"]]


@pytest.mark.parametrize(
    ("text", "span", "label", "known", "kept"),
    [
        # a compass word before a known place: a place of its own
        ("He grew up in East Vetria before 1990.", "East Vetria", "GPE", "Vetria", "East Vetria"),
        ("Troops left Western Vetria.", "Western Vetria", "LOC", "Vetria", "Western Vetria"),
        # anything else before it: the known place wins
        ("He grew up in Old Vetria.", "Old Vetria", "GPE", "Vetria", "Vetria"),
        # an event named after a known body: the body is the mention
        ("Leaders met at the Orsa Summit.", "the Orsa Summit", "ORG", "Orsa", "Orsa"),
        # an organisation named after it: the organisation wins
        (
            "The Orsa Response Force moved.",
            "Orsa Response Force",
            "ORG",
            "Orsa",
            "Orsa Response Force",
        ),
    ],
)
def test_compass_places_and_events_around_a_known_name(text, span, label, known, kept):
    start = text.index(span)
    at = text.index(known, start)
    model = pd.DataFrame([("t", start, start + len(span), label)], columns=ner.MODEL_COLUMNS)
    found = pd.DataFrame(
        [("t", at, at + len(known), "GPE", known)],
        columns=["text_hash", "start", "end", "label", "gaz_id"],
    )
    out = merge_spans(model, found, {"t": text})
    assert [text[a:b] for a, b in zip(out["start"], out["end"], strict=True)] == [kept]
