"""Spans that are no actor (actors.drops).

Every text here is invented.
"""

from __future__ import annotations

import pytest

from tests.test_actors import _resolve
from workbench.actors.gazetteer import Entry, Gazetteer


def test_a_makers_name_with_a_model_number_is_the_model_also_after_the():
    text = (
        "Police seized an Orsa A320-100 in May. The owner of the Orsa hid it. "
        "Orsa said it builds jets. Ivo Brandt flew."
    )
    res = _resolve(
        text, [("Orsa", "ORG"), ("Orsa", "ORG"), ("Orsa", "ORG"), ("Ivo Brandt", "PERSON")]
    )
    assert res.mentions[["actor", "start"]].values.tolist() == [
        ["Orsa", text.index("Orsa said")],
        ["Ivo Brandt", text.index("Ivo")],
    ]


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("The Berliners cheered on Monday.", "Berliners", "ORG"),  # a city's people
        ("Eastern European leaders met.", "Eastern European", "LOC"),  # an adjective
        ("Leaders met at the Vetria Summit.", "Vetria Summit", "ORG"),  # an event
        ("He recalled the Orsa Missile Crisis.", "Orsa Missile Crisis", "ORG"),
    ],
)
def test_peoples_and_events_are_no_actors(text, span, label):
    assert _resolve(text, [(span, label)]).mentions.empty


def test_an_organisation_ending_in_an_event_word_after_a_preposition_stays():
    text = "The Institute for the Study of War said so."
    res = _resolve(text, [("Institute for the Study of War", "ORG")])
    assert res.mentions["actor"].tolist() == ["Institute for the Study of War"]


@pytest.mark.parametrize(
    ("text", "spans", "kept"),
    [
        (  # an editor's first name in brackets: one mention, the surname
            "It helps (President Dorin) Varga, aides said.",
            [("Dorin", "PERSON"), ("Varga", "PERSON")],
            ["Varga"],
        ),
        (
            "We know Mr. [Dorin] Varga's aims.",
            [("Dorin", "PERSON"), ("Varga", "PERSON")],
            ["Varga"],
        ),
        (  # a bracket after a name no person follows
            "The envoy (Dorin) spoke to Varga.",
            [("Dorin", "PERSON"), ("Varga", "PERSON")],
            ["Dorin", "Varga"],
        ),
    ],
)
def test_a_first_name_in_brackets_before_the_surname_is_no_mention(text, spans, kept):
    res = _resolve(text, spans)
    assert res.mentions["surface"].tolist() == kept


@pytest.mark.parametrize(
    ("text", "span", "label", "kept"),
    [
        ("They spoke in jargon today.", "jargon", "ORG", []),  # a common word
        ("Then the supreme court ruled.", "the supreme court", "ORG", []),
        ("It flew at 25 km/h there.", "km/h", "ORG", []),
        ("The defence ministry said so.", "defence ministry", "ORG", ["defence ministry"]),
        ("Orsa Council met.", "Orsa Council", "ORG", ["Orsa Council"]),  # a capital
    ],
)
def test_a_span_all_in_lower_case_is_no_actor(text, span, label, kept):
    res = _resolve(text, [(span, label)])
    assert res.mentions["actor"].tolist() == kept


def test_a_lower_case_span_the_gazetteer_knows_stays():
    gaz = Gazetteer({"Orsan Congress": Entry("Orsan Congress", "ORG", ("congress",))})
    res = _resolve("The congress voted.", [("congress", "ORG")], gaz)
    assert res.mentions["actor"].tolist() == ["Orsan Congress"]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # "the Dorins" after the Dorins' full names: a family, no actor
        (
            "Ivo Dorin and Ana Dorin died. The Dorins were close, the Dorins' friend said.",
            [
                ("Ivo Dorin", "PERSON"),
                ("Ana Dorin", "PERSON"),
                ("Dorins", "PERSON"),
                ("Dorins'", "PERSON"),
            ],
            ["Ivo Dorin", "Ana Dorin"],
        ),
        (
            "Eva Vlachos spoke. The Vlachoses left.",
            [("Eva Vlachos", "PERSON"), ("Vlachoses", "PERSON")],
            ["Eva Vlachos"],
        ),
        # a surname ending in "s" itself, and a plural with no "the" before it: kept
        (
            "Ivo Truss spoke. The Truss plan failed.",
            [("Ivo Truss", "PERSON"), ("Truss", "PERSON")],
            ["Ivo Truss", "Ivo Truss"],
        ),
        (
            "Ivo Dorin spoke. Dorins said no.",
            [("Ivo Dorin", "PERSON"), ("Dorins", "PERSON")],
            ["Ivo Dorin", "Ivo Dorin"],
        ),
    ],
)
def test_the_plural_of_a_surname_in_the_document_is_a_family(text, spans, expected):
    res = _resolve(text, spans)
    assert res.mentions["actor"].tolist() == expected


@pytest.mark.parametrize(
    ("text", "spans", "kept"),
    [
        # "a" before a name that ends the phrase: a thing, in the whole document
        (
            "He bought a Varo Deere. The Varo Deere broke.",
            [("Varo Deere", "PERSON"), ("Varo Deere", "PERSON")],
            [],
        ),
        ("It looked like an Orsby.", [("Orsby", "PERSON")], []),
        # a modifier of a noun: the person
        (
            "Ivo Brandt, a Dorin ally, spoke.",
            [("Ivo Brandt", "PERSON"), ("Dorin", "PERSON")],
            ["Ivo Brandt", "Dorin"],
        ),
        # no article: a person
        ("He met Varo Deere.", [("Varo Deere", "PERSON")], ["Varo Deere"]),
    ],
)
def test_a_name_after_an_indefinite_article_ending_the_phrase_is_a_thing(text, spans, kept):
    assert _resolve(text, spans).mentions["actor"].tolist() == kept


@pytest.mark.parametrize(
    ("text", "spans", "kept"),
    [
        ("It's a Dorin-ism for the ages.", [("Dorin", "PERSON")], ["Dorin"]),  # a compound
        ("S A Ivo Brandt, an aide, said so.", [("Ivo Brandt", "PERSON")], ["Ivo Brandt"]),
        # a surname of a person the document names in full: maybe the family's
        (
            "Ivo Dorin spoke. She married a Dorin.",
            [("Ivo Dorin", "PERSON"), ("Dorin", "PERSON")],
            ["Ivo Dorin", "Ivo Dorin"],
        ),
    ],
)
def test_an_indefinite_article_leaves_compounds_and_surnames_alone(text, spans, kept):
    assert _resolve(text, spans).mentions["actor"].tolist() == kept


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a platform's feature is no person
        ("He posted on his Instagram Story.", [("Instagram Story", "PERSON")], []),
        # a feast, alone or ending a name, is no actor, whatever the label
        ("We hope to finish by Easter.", [("Easter", "PERSON")], []),
        ("We hope to finish by Easter.", [("Easter", "LOC")], []),
        ("Orthodox Easter falls late.", [("Orthodox Easter", "PERSON")], []),
        # a one-word person written in lower case, only capitalised: a common word
        ("It lasts ten days max and then ends.", [("max", "PERSON")], []),
        # a capitalised one stays
        ("Then Dorin spoke.", [("Dorin", "PERSON")], [["Dorin", "PERSON"]]),
    ],
)
def test_platform_features_feasts_and_lower_case_words(text, spans, expected):
    res = _resolve(text, spans)
    assert res.mentions[["actor", "actor_type"]].values.tolist() == expected
