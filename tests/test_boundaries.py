"""Where a mention starts and ends (actors.boundaries).

Every text here is invented.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.test_actors import _resolve
from workbench.actors.boundaries import glued_end, person_head, person_tail
from workbench.actors.gazetteer import Entry, Gazetteer

#: Word counts of an invented corpus: "explainer" and "missiles" are common words, the
#: names and "Un" are written capitalised.
COUNTS = Counter(
    {"explainer": 5, "missiles": 9, "masala": 2, "chai": 2, "Un": 4, "un": 1, "Ivo": 3}
)


@pytest.mark.parametrize(
    ("surface", "kept", "no_name"),
    [
        ("Anna Petrova - known as the judge", "Anna Petrova", False),
        ("Anna Petrova \u2013 a lawyer", "Anna Petrova", False),
        ("Ivo Brandt' -", "Ivo Brandt", False),
        ("Ivo Brandt explainer", "Ivo Brandt", False),  # a common word after the name
        ("Kestrel missiles", "Kestrel", True),  # one word left: no name at all
        ("masala chai", "", True),
        ("Kim Jong un", "Kim Jong un", False),  # the corpus writes "Un" capitalised
        ("Ursula von der Leyen", "Ursula von der Leyen", False),
        ("Anna Petrova", "Anna Petrova", False),
        ("Kestrel anti-tank", "Kestrel", True),  # a hyphenated lower-case word too
        ("Ivo BrandtLeeds", "Ivo Brandt", False),  # a signature glued to a town
        ("Ivo R. BrandtSan Marco", "Ivo R. Brandt", False),
        ("BrandtLeeds", "BrandtLeeds", False),  # one word: a brand or a handle, not a signature
        ("Anna Petrova-Kovel", "Anna Petrova-Kovel", False),
    ],
)
def test_person_tail_cuts_what_follows_a_name(surface, kept, no_name):
    assert person_tail(surface, COUNTS) == (kept, no_name)


def test_a_person_span_loses_its_tail_and_a_no_name_is_dropped():
    text = "Ivo Brandt - were charged. The Kestrel missiles left. Ivo Brandt spoke."
    res = _resolve(
        text,
        [("Ivo Brandt - were", "PERSON"), ("Kestrel missiles", "PERSON"), ("Ivo Brandt", "PERSON")],
    )
    assert res.mentions[["surface", "end"]].values.tolist() == [
        ["Ivo Brandt", 10],
        ["Ivo Brandt", len(text) - len(" spoke.")],
    ]


@pytest.mark.parametrize(
    ("text", "span", "label", "surface", "actor"),
    [
        ("Troops seized Dorsk airfield.", "Dorsk", "GPE", "Dorsk airfield", "Dorsk Airfield"),
        (
            "The Dorsk nuclear power station shut.",
            "Dorsk",
            "GPE",
            "Dorsk nuclear power station",
            "Dorsk Nuclear Power Plant",  # one spelling of the noun
        ),
        ("He flew to a Dorsk airport.", "Dorsk", "GPE", "Dorsk", "Dorsk"),  # any of them
        ("The Orsa airport opened.", "Orsa", "ORG", "Orsa", "Orsa"),  # an organisation's
        ("A Ukrainian dam broke.", "Ukrainian", "GPE", None, None),  # a people's: dropped
        ("Troops left Dorsk airport.", "Dorsk", "PERSON", "Dorsk airport", "Dorsk Airport"),
        (
            "The Dorsk hydroelectric plant held.",
            "Dorsk",
            "GPE",
            "Dorsk hydroelectric plant",
            "Dorsk Hydroelectric Power Plant",
        ),
    ],
)
def test_a_places_name_before_a_site_noun_names_the_site(text, span, label, surface, actor):
    res = _resolve(text, [(span, label)])
    got = res.mentions[["surface", "actor"]].values.tolist()
    assert got == ([[surface, actor]] if surface else [])


@pytest.mark.parametrize(
    ("text", "span", "label", "surface"),
    [
        ("Ilse Varga's plan failed.", "Ilse Varga's", "PERSON", "Ilse Varga"),
        ("The Orsa Council's vote came.", "Orsa Council's", "ORG", "Orsa Council"),
        ("The Vetrian Greens' leader spoke.", "Vetrian Greens'", "ORG", "Vetrian Greens"),
        ("The Orsa Council voted.", "Orsa Council", "ORG", "Orsa Council"),  # no possessive
        ("At Orsa Point 's rally.", "Orsa Point 's", "ORG", "Orsa Point"),  # a spaced one
    ],
)
def test_a_span_ends_before_its_possessive(text, span, label, surface):
    res = _resolve(text, [(span, label)])
    row = res.mentions.iloc[0]
    assert row["surface"] == surface
    assert text[row["start"] : row["end"]] == surface


def test_a_gazetteer_match_keeps_its_possessive():
    gaz = Gazetteer({"Dorin's": Entry("Dorin's", "ORG")})
    res = _resolve("Dorin's sold burgers.", [("Dorin's", "ORG", "Dorin's")], gaz)
    assert res.mentions["surface"].tolist() == ["Dorin's"]


@pytest.mark.parametrize(
    ("surface", "head"),
    [
        ("Unlike Vostrex", 7),  # a preposition opening a sentence
        ("Hey Dorin", 4),  # a greeting
        ("Despite Ilse Varga", 8),
        ("Will Dorin", 0),  # a first name, also a common word
        ("Mark Dorin", 0),
        ("Unlike", 0),  # one word: nothing left to be the name
        ("unlike Dorin", 0),  # lower case: not the model's name
    ],
)
def test_person_head_finds_a_closed_class_word_opening_the_span(surface, head):
    assert person_head(surface) == head


def test_a_closed_class_word_leaves_the_span_and_the_name():
    text = "Unlike Ilse Varga, the board stayed."
    res = _resolve(text, [("Unlike Ilse Varga", "PERSON")])
    assert res.mentions[["surface", "actor"]].values.tolist() == [["Ilse Varga", "Ilse Varga"]]
    assert res.mentions["start"].tolist() == [7]


@pytest.mark.parametrize(
    ("text", "span", "surface"),
    [
        ("Croatian Ivo Horvat was freed.", "Croatian Ivo Horvat", "Ivo Horvat"),
        ("Swede Lars Berg was freed.", "Swede Lars Berg", "Lars Berg"),  # a nationality noun
        ("Finn Berg was freed.", "Finn Berg", "Finn Berg"),  # two words: the name
        ("Christian Ivo Horvat spoke.", "Christian Ivo Horvat", "Christian Ivo Horvat"),
    ],
)
def test_a_nationality_before_a_full_name_is_no_part_of_it(text, span, surface):
    res = _resolve(text, [(span, "PERSON")])
    assert res.mentions["surface"].tolist() == [surface]
    assert res.mentions["actor"].tolist() == [surface]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a one-word organisation the texts write with "'s" nearly always: the "'s" is its own
        (
            "Orsby's closed. Orsby's staff left. Analysts said Orsby's would sell.",
            [("Orsby's", "ORG")] * 3,
            ["Orsby's"] * 3,
        ),
        # written bare as often: a possessive, cut
        (
            "Orsby's staff left. Orsby said so. Orsby grew. Orsby's shops closed. Orsby's plan.",
            [
                ("Orsby's", "ORG"),
                ("Orsby", "ORG"),
                ("Orsby", "ORG"),
                ("Orsby's", "ORG"),
                ("Orsby's", "ORG"),
            ],
            ["Orsby"] * 5,
        ),
        # a person's possessive is always cut
        (
            "Ivo Kos's plan failed. Ivo Kos's aides left. Ivo Kos's party lost.",
            [("Ivo Kos's", "PERSON")] * 3,
            ["Ivo Kos"] * 3,
        ),
    ],
)
def test_a_possessive_is_cut_unless_the_texts_make_it_part_of_a_name(text, spans, expected):
    res = _resolve(text, spans)
    assert res.mentions["surface"].tolist() == expected


@pytest.mark.parametrize(
    ("surface", "kept"),
    [
        ("Ivo BrandtLeeds", "Ivo Brandt"),
        ("Ina O'DorraCounty Kerr", "Ina O'Dorra"),  # an Irish O' opens the glued name
        ("Ina MacLeod", "Ina MacLeod"),  # name prefixes written with a capital after them
        ("Ina FitzGerald", "Ina FitzGerald"),
        ("Ina McKay", "Ina McKay"),  # short prefixes: no glue
        ("Ina DeLuca", "Ina DeLuca"),
        ("Ina VanDorn", "Ina VanDorn"),
        ("Ina Brandt", "Ina Brandt"),
    ],
)
def test_a_name_glued_to_the_next_capitalised_word_ends_there(surface, kept):
    assert surface[: glued_end(surface)] == kept


def test_a_signature_glued_to_a_town_keeps_the_name_alone():
    text = "We must act now. Ivo BrandtLeeds, Kent To the Editor: Why?"
    res = _resolve(text, [("Ivo BrandtLeeds", "PERSON")])
    assert res.mentions[["surface", "actor"]].values.tolist() == [["Ivo Brandt", "Ivo Brandt"]]
