"""What kind of actor a name is (actors.kinds).

Every text here is invented.
"""

from __future__ import annotations

import pytest

from tests.test_actors import _resolve


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a product: every one-word "person" of that name in the document goes
        (
            "The Kestrel missiles arrived. Kestrel will help, Ivo Brandt said.",
            [("Kestrel", "PERSON"), ("Kestrel", "PERSON"), ("Ivo Brandt", "PERSON")],
            [["Ivo Brandt", "PERSON"]],
        ),
        # a group and a site
        (
            "The Vostra regiment held. Later Vostra fell back near the Orsa pipeline.",
            [("Vostra", "PERSON"), ("Vostra", "PERSON"), ("Orsa", "PERSON")],
            [["Vostra", "ORG"], ["Vostra", "ORG"], ["Orsa", "FAC"]],
        ),
        # a possessive or a hyphen between: a person's party, not the name of one
        (
            "Ivo Brandt spoke. Brandt's party won. A pro-Brandt party lost.",
            [("Ivo Brandt", "PERSON"), ("Brandt", "PERSON"), ("Brandt", "PERSON")],
            [["Ivo Brandt", "PERSON"]] * 3,
        ),
    ],
)
def test_a_noun_after_a_one_word_person_makes_it_a_product_group_or_site(text, spans, expected):
    res = _resolve(text, spans)
    assert res.mentions[["actor", "actor_type"]].values.tolist() == expected


def test_a_full_name_the_model_typed_otherwise_is_a_titled_persons():
    text = "Papers name Nadia Dorin. Mrs Dorin declined. Pavel Dorin spoke. Dorin left."
    res = _resolve(
        text,
        [
            ("Nadia Dorin", "ORG"),
            ("Mrs Dorin", "PERSON"),
            ("Pavel Dorin", "PERSON"),
            ("Dorin", "PERSON"),
        ],
    )
    assert res.mentions[["actor", "actor_type"]].values.tolist() == [
        ["Nadia Dorin", "PERSON"],
        ["Dorin", "PERSON"],
        ["Pavel Dorin", "PERSON"],
        ["Dorin", "PERSON"],  # two Dorins in the document: the bare name stays
    ]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # "the Zarvek" as a whole phrase: no person, in this and every other span
        (
            "They looked at the Zarvek under a new plan. Zarvek rose at night.",
            [("Zarvek", "PERSON"), ("Zarvek", "PERSON")],
            [],
        ),
        # a noun after the name: a person's administration
        (
            "The Dorin administration met. Dorin spoke.",
            [("Dorin", "PERSON"), ("Dorin", "PERSON")],
            [["Dorin", "PERSON"], ["Dorin", "PERSON"]],
        ),
        # a word of a full name is a person's, whatever the phrase
        (
            "Pavel Dorin came. It was the Dorin of old.",
            [("Pavel Dorin", "PERSON"), ("Dorin", "PERSON")],
            [["Pavel Dorin", "PERSON"], ["Pavel Dorin", "PERSON"]],
        ),
    ],
)
def test_a_one_word_person_written_as_the_phrase_the_x_is_no_person(text, spans, expected):
    res = _resolve(text, spans)
    assert res.mentions[["actor", "actor_type"]].values.tolist() == expected


def test_a_one_word_person_ending_in_a_companys_word_is_a_company():
    text = "Shares of Dolinbank fell. Then Ivo Brandt spoke."
    res = _resolve(text, [("Dolinbank", "PERSON"), ("Ivo Brandt", "PERSON")])
    assert res.mentions[["actor", "actor_type"]].values.tolist() == [
        ["Dolinbank", "ORG"],
        ["Ivo Brandt", "PERSON"],
    ]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # an organisation and a two-word "person" framed as villages: places
        (
            "Troops took the villages of Vesnivka and Horny Yar at dawn.",
            [("Vesnivka", "ORG"), ("Horny Yar", "PERSON")],
            [["Vesnivka", "GPE"], ["Horny Yar", "GPE"]],
        ),
        # a site framed as a town, everywhere in the corpus
        (
            "Shelling hit the town of Dalnik. Dalnik lost power.",
            [("Dalnik", "LOC"), ("Dalnik", "ORG")],
            [["Dalnik", "GPE"], ["Dalnik", "GPE"]],
        ),
        # a site's own head word keeps it a site; a titled person stays a person
        (
            "Near the city of Orsa Airport, Gen. Ivo Brandt spoke.",
            [("Orsa Airport", "FAC"), ("Ivo Brandt", "PERSON")],
            [["Orsa Airport", "FAC"], ["Ivo Brandt", "PERSON"]],
        ),
        # no frame: an organisation stays one
        (
            "Vesnivka Holdings said the village of Dalnik was hit.",
            [("Vesnivka Holdings", "ORG"), ("Dalnik", "PERSON")],
            [["Vesnivka Holdings", "ORG"], ["Dalnik", "GPE"]],
        ),
    ],
)
def test_a_name_framed_as_a_village_or_town_is_a_place(text, spans, expected):
    res = _resolve(text, spans)
    assert res.mentions[["actor", "actor_type"]].values.tolist() == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("StarNet", "ORG"),  # two words run together: a brand
        ("OrbitX", "ORG"),
        ("McCann", "PERSON"),  # surname prefixes
        ("MacLeod", "PERSON"),
        ("DeLuca", "PERSON"),
        ("VanDorn", "PERSON"),
    ],
)
def test_a_one_word_person_spelled_as_two_glued_words_is_a_company(name, expected):
    res = _resolve(f"Later {name} said the deal was off.", [(name, "PERSON")])
    assert res.mentions["actor_type"].tolist() == [expected]


def test_a_glued_name_written_as_a_handle_keeps_its_type():
    res = _resolve("Fans asked: did #IvoBrandt know?", [("IvoBrandt", "PERSON")])
    assert res.mentions["actor_type"].tolist() == ["PERSON"]


def test_a_site_before_region_stays_a_site():
    text = "Climbing in the Orsa region resumed, Ivo Brandt said."
    res = _resolve(text, [("Orsa", "LOC"), ("Ivo Brandt", "PERSON")])
    assert res.mentions["actor_type"].tolist() == ["LOC", "PERSON"]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # after "near": a place, and so is every bare mention of it in the document
        (
            "Troops fought near Dorsk on Monday. Dorsk fell later.",
            [("Dorsk", "PERSON"), ("Dorsk", "PERSON")],
            [["Dorsk", "GPE"], ["Dorsk", "GPE"]],
        ),
        # a possessive after it: a person's
        (
            "There was trust in Dorsk's plan. Dorsk spoke.",
            [("Dorsk's", "PERSON"), ("Dorsk", "PERSON")],
            [["Dorsk", "PERSON"], ["Dorsk", "PERSON"]],
        ),
        # the document names a person of that name: left to the people's rules
        (
            "Ivo Dorsk arrived in Dorsk on Monday.",
            [("Ivo Dorsk", "PERSON"), ("Dorsk", "PERSON")],
            [["Ivo Dorsk", "PERSON"], ["Ivo Dorsk", "PERSON"]],
        ),
    ],
)
def test_a_one_word_person_after_a_preposition_of_place_is_a_place(text, spans, expected):
    res = _resolve(text, spans)
    assert res.mentions[["actor", "actor_type"]].values.tolist() == expected


@pytest.mark.parametrize(
    ("text", "spans", "kept"),
    [
        # a product's noun after two lower-case modifiers
        ("They sent Kestrel portable anti-air missiles.", [("Kestrel", "PERSON")], []),
        # the plural of a product's name is the product too
        (
            "They sent Kestrel missiles. The Kestrels worked.",
            [("Kestrel", "PERSON"), ("Kestrels", "PERSON")],
            [],
        ),
        # three modifiers are too many: no product's name
        ("Dorin sent three more old rockets.", [("Dorin", "PERSON")], ["Dorin"]),
        # a person's possessive before the noun: a person
        ("Dorin's portable missiles arrived.", [("Dorin", "PERSON")], ["Dorin"]),
    ],
)
def test_a_product_noun_after_modifiers_makes_a_name_a_product(text, spans, kept):
    assert _resolve(text, spans).mentions["actor"].tolist() == kept


@pytest.mark.parametrize(
    "text",
    [
        "Vela and other satellite firms said so.",
        "Dorin sent two drones.",
        "Dorin said missiles hit.",
    ],
)
def test_words_that_are_no_adjectives_make_no_product(text):
    name = text.split(" ")[0]
    assert _resolve(text, [(name, "PERSON")]).mentions["actor"].tolist() == [name]
