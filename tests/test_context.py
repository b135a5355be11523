"""Spans judged by the words around them (actors.context) and the rules that use them in resolve.

Every text here is invented.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from tests.test_actors import _resolve
from workbench.actors import ner
from workbench.actors.context import (
    NUMBER_AFTER,
    after_locative,
    context_reasons,
    framed_as_place,
    furniture_spans,
    in_quoted_title,
)
from workbench.actors.gazetteer import Entry, Gazetteer
from workbench.actors.matcher import merge_spans

TEXT = (
    "Talks stalled in Vetria. Mira Kade contributed to this report. "
    "(AP Photo/Jon Dell) The Orlan Convention applies, officials said in a Telegram post. "
    "Follow Coast News on Facebook, Twitter or Instagram. Telegram said it would comply."
)


def _span(text: str, word: str, nth: int = 1) -> tuple[int, int]:
    at = -1
    for _ in range(nth):
        at = text.index(word, at + 1)
    return at, at + len(word)


def _reasons(words: list[tuple[str, str, int]]) -> list[str]:
    spans = [_span(TEXT, w, n) for w, _, n in words]
    return context_reasons(
        ["d"] * len(words),
        [a for a, _ in spans],
        [b for _, b in spans],
        [w for w, _, _ in words],
        [label for _, label, _ in words],
        {"d": TEXT},
    )


def test_credit_lines_photo_credits_and_prompts_are_page_furniture():
    found = [TEXT[a:b] for a, b in furniture_spans(TEXT)]
    assert any("Mira Kade contributed to this report" in f for f in found)
    assert "(AP Photo/Jon Dell)" in found
    assert any(f.startswith("Follow Coast News on Facebook") for f in found)
    assert not any("Talks stalled" in f for f in found)


def test_context_reasons_name_furniture_titles_and_platforms():
    assert _reasons(
        [
            ("Vetria", "GPE", 1),
            ("Mira Kade", "PERSON", 1),
            ("Jon Dell", "PERSON", 1),
            ("Orlan", "GPE", 1),
            ("Telegram", "ORG", 1),
            ("Coast News", "ORG", 1),
            ("Telegram", "ORG", 2),
        ]
    ) == [
        "",
        "page furniture",
        "page furniture",
        "document title",
        "platform",
        "page furniture",
        "",
    ]


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        (
            "Talks stalled, he said. ___ Mira J. Kade in Vetria, Orsa, contributed.",
            "___ Mira J. Kade in Vetria, Orsa, contributed.",
        ),
        (
            "Talks stalled. ___ Follow our coverage of the war in Vetria at https://ex.am/ple "
            "Ivo Brandt spoke.",
            "___ Follow our coverage of the war in Vetria at https://ex.am/ple",
        ),
        ("Talks stalled. ___ 6:30 p.m. Ivo Brandt arrived in Vetria.", None),  # a time line
        # an outlet's prompts to read on
        (
            "Shelling hit. Want all the latest news and analysis from Vetria? Orsa denied it.",
            "Want all the latest news and analysis from Vetria?",
        ),
        (
            "It burned. Follow the latest updates on the Vetria situation in our live blog The "
            "fire spread.",
            "Follow the latest updates on the Vetria situation in our live blog",
        ),
        (
            "Prices rose. Have an opinion on anything you've read in the Daily Orsa today? "
            "Please email us your letter.",
            "Have an opinion on anything you've read in the Daily Orsa today? "
            "Please email us your letter.",
        ),
        ("We want the latest tanks, Ivo Brandt said.", None),  # no prompt
    ],
)
def test_what_follows_an_agencys_rule_and_prompts_are_furniture(text, furniture):
    found = [text[a:b] for a, b in furniture_spans(text)]
    assert found == ([furniture] if furniture else [])


def test_a_letters_page_signature_is_furniture():
    text = 'Prices keep rising. Ann Pell, Dorford \u2022 The next letter says "enough".'
    (span,) = furniture_spans(text)
    assert text[span[0] : span[1]].strip() == "Ann Pell, Dorford \u2022"


def test_a_frame_makes_a_one_word_name_a_place():
    text = "Shelling hit the village of Zorka and the Brevno district; Olek Zorin spoke in Kyiv."
    assert framed_as_place(text, *_span(text, "Zorka"))
    assert framed_as_place(text, *_span(text, "Brevno"))
    assert not framed_as_place(text, *_span(text, "Zorin"))


def test_resolve_drops_furniture_platforms_deities_and_document_titles():
    text = (
        "Ivo Marek met officials in Vetria. Thank God, said Marek. "
        "Marek wrote in a Telegram post that the Orlan Convention holds. "
        "Lina Holt contributed to this report."
    )
    res = _resolve(
        text,
        [
            ("Ivo Marek", "PERSON"),
            ("Vetria", "GPE"),
            ("God", "PERSON"),
            ("Marek", "PERSON"),
            ("Marek", "PERSON"),
            ("Telegram", "ORG"),
            ("Orlan", "GPE"),
            ("Lina Holt", "PERSON"),
        ],
    )
    assert set(res.mentions["actor"]) == {"Ivo Marek", "Vetria"}
    rules = dict(zip(res.audit["surface"], res.audit["rule"], strict=True))
    assert "platform" in rules["Telegram"] and "page furniture" in rules["Lina Holt"]
    assert "document title" in rules["Orlan"] and "not a person" in rules["God"]


def test_a_one_word_person_framed_as_a_place_is_a_place_everywhere():
    text = "Troops entered the town of Zorka. Zorka was quiet by noon."
    res = _resolve(text, [("Zorka", "PERSON"), ("Zorka", "PERSON")])
    assert res.mentions["actor_type"].tolist() == ["GPE", "GPE"]


def test_spans_lose_a_leading_the_and_a_persons_title():
    text = "The Institute for Coastal Study said fellow Briton Aiden Pask was held."
    res = _resolve(
        text, [("The Institute for Coastal Study", "ORG"), ("Briton Aiden Pask", "PERSON")]
    )
    got = res.mentions[["surface", "start", "actor"]].values.tolist()
    assert got == [
        ["Institute for Coastal Study", 4, "Institute for Coastal Study"],
        ["Aiden Pask", text.index("Aiden"), "Aiden Pask"],
    ]


def test_a_surname_the_model_typed_org_joins_the_person_named_in_full():
    text = "Alexander Trofin visited the port. Trofin said the cranes were idle."
    res = _resolve(text, [("Alexander Trofin", "PERSON"), ("Trofin", "ORG")])
    assert res.mentions["actor"].tolist() == ["Alexander Trofin", "Alexander Trofin"]
    assert res.mentions["actor_type"].tolist() == ["PERSON", "PERSON"]


def test_an_acronym_defined_in_brackets_stands_for_the_name():
    text = (
        "The Agency for Grain Exports (AGE) met on Monday. AGE officials left. "
        "Later the AGE board spoke."
    )
    res = _resolve(
        text,
        [
            ("Agency for Grain Exports", "ORG"),
            (
                "AGE",
                "ORG",
            ),
        ],
    )
    got = res.mentions[["surface", "actor"]].values.tolist()
    assert (
        got
        == [["Agency for Grain Exports", "Agency for Grain Exports"]]
        + [["AGE", "Agency for Grain Exports"]] * 3
    )


def test_fuzzy_matching_keeps_the_first_letter():
    gaz = Gazetteer(
        {"Russia": Entry("Russia", "GPE", ()), "Kazakhstan": Entry("Kazakhstan", "GPE", ())}
    )
    text = "Old maps of Prussia and of Kazakstan."
    res = _resolve(text, [("Prussia", "GPE"), ("Kazakstan", "GPE")], gaz)
    assert res.mentions["actor"].tolist() == ["Prussia", "Kazakhstan"]


def test_an_organisation_holding_a_gazetteer_name_wins_when_the_name_goes_on():
    text = "The U.S. Department of Energy and U.S. officials met Ivo Marek Friday."
    model = pd.DataFrame(
        [
            ("t", 4, 29, "ORG"),  # U.S. Department of Energy, holds the match at 4-8
            ("t", 52, 67, "PERSON"),  # a person's span holding a match: the match wins
        ],
        columns=ner.MODEL_COLUMNS,
    )
    found = pd.DataFrame(
        [
            ("t", 4, 8, "GPE", "United States"),
            ("t", 34, 38, "GPE", "United States"),
            ("t", 52, 61, "PERSON", "Ivo Marek"),
        ],
        columns=["text_hash", "start", "end", "label", "gaz_id"],
    )
    out = merge_spans(model, found, {"t": text}).sort_values("start")
    assert list(zip(out["start"], out["end"], out["source"], strict=True)) == [
        (4, 29, "model"),
        (34, 38, "gazetteer"),
        (52, 61, "gazetteer"),
    ]


def test_a_first_name_the_model_cut_off_comes_back_and_keeps_father_and_daughter_apart():
    gaz = Gazetteer({"Pavel Dorin": Entry("Pavel Dorin", "PERSON", ("Dorin",))})
    text = "Pavel Dorin spoke. Later, Nadia Dorin left early. Dorin stayed. But Dorin agreed."
    res = _resolve(
        text,
        [
            ("Pavel Dorin", "PERSON", "Pavel Dorin"),
            ("Dorin", "PERSON", "Pavel Dorin"),  # the model cut "Nadia" off
            ("Dorin", "PERSON", "Pavel Dorin"),
            ("Dorin", "PERSON", "Pavel Dorin"),
        ],
        gaz,
    )
    assert res.mentions["actor"].tolist() == [
        "Pavel Dorin",
        "Nadia Dorin",
        "Pavel Dorin",
        "Pavel Dorin",  # "But" opens the sentence: a common word, not a first name
    ]
    assert res.mentions["surface"].tolist()[1] == "Nadia Dorin"


def test_a_lower_case_surname_counts_only_where_the_person_is_named():
    from workbench.actors.resolve import resolve

    d1 = "Olga Marchenko spoke. " + "Marchenko left. " * 9 + "Then marchenko came back."
    texts = {"d1": d1, "d2": "The old marchenko gate was shut."}  # d2 never names her
    rows = [("d1", 0, 14, "Olga Marchenko", "PERSON", "model", "")] + [
        ("d1", m.start(), m.end(), "Marchenko", "PERSON", "model", "")
        for m in re.finditer(r"Marchenko left", d1)
    ]
    rows = [
        (d, a, a + 9, s, lab, src, g) if s == "Marchenko" else (d, a, b, s, lab, src, g)
        for d, a, b, s, lab, src, g in rows
    ]
    spans = pd.DataFrame(
        rows, columns=["doc_id", "start", "end", "surface", "label", "source", "gaz_id"]
    )
    res = resolve(spans, Gazetteer(), texts=texts)
    got = res.mentions[["doc_id", "surface", "actor"]].values.tolist()
    assert ["d1", "marchenko", "Olga Marchenko"] in got
    assert not any(doc == "d2" for doc, _, _ in got)


def test_a_person_named_like_a_site_is_a_site():
    text = "Officials visited Karsk Airfield twice. Olek Rudin stayed home."
    res = _resolve(text, [("Karsk Airfield", "PERSON"), ("Olek Rudin", "PERSON")])
    assert res.mentions[["actor", "actor_type"]].values.tolist() == [
        ["Karsk Airfield", "FAC"],
        ["Olek Rudin", "PERSON"],
    ]


def test_a_name_followed_by_an_age_is_a_person_in_the_whole_article():
    text = "One woman named only as Hanna, 26, was held. Later Hanna said she was free."
    res = _resolve(text, [("Hanna", "ORG"), ("Hanna", "ORG")])
    assert res.mentions["actor_type"].tolist() == ["PERSON", "PERSON"]


def test_every_actor_rule_module_keys_the_table_cache():
    # A rule module left out of the key would let an edited rule hide behind old tables.
    from pathlib import Path

    from workbench.actors import extract

    folder = Path(extract.__file__).parent
    rules = {f"workbench.actors.{p.stem}" for p in folder.glob("*.py")}
    not_rules = {"__init__", "lookup", "prose", "ner"}  # faces, the model's own cache, prose
    rules -= {f"workbench.actors.{n}" for n in not_rules}
    assert rules <= set(extract.RULE_MODULES), sorted(rules - set(extract.RULE_MODULES))


@pytest.mark.parametrize(
    "text",
    [
        TEXT,
        "Photos of Kesh. Photoshop is no cue. (Reuters Photos/Ann Lee) Likewise Like us.",
        "uncontributed to the report. Sign up for Ostland Daily. Send your tips to us Now",
        "Dear editor, all is well. Jane Doe, Bristol \u2022 Images (Pictures by Ivo)",
        "",
    ],
)
def test_cue_words_found_by_find_are_those_the_pattern_scans_for(text):
    from workbench.actors import context

    scanned = [(m.start(), m.group(), m.end()) for m in context._FURNITURE_CUES.finditer(text)]
    assert context._cues(text) == scanned


@pytest.mark.parametrize(
    ("text", "name", "product"),
    [
        ("They flew the Soviet-made Kel-29 jets.", "Kel-29", True),
        ("Two Kel-29s flew.", "Kel-29s", True),
        ("Cases of VEX-19 rose.", "VEX-19", True),
        ("The Orsa-T system arrived.", "Orsa", True),  # a one-letter designation
        ("A TRS-1A Kestrel fired.", "Kestrel", True),  # right after a model code
        ("The Vetria Group met.", "Vetria Group", False),
        ("A 14-year-old Mira Lund spoke.", "Mira Lund", False),  # an age, no model code
        ("Scotland 3-1 was the score.", "Scotland 3-1", False),
        ("The Orsa-Vetria talks went on.", "Orsa", False),
    ],
)
def test_a_products_designation_is_no_actor(text, name, product):
    from workbench.actors.context import is_product

    start = text.index(name.split("-")[0] if name == "Orsa" else name)
    end = start + len(name)
    assert is_product(text, start, end, name) is product


def test_a_gazetteer_name_is_never_judged_a_product():
    text = "The G-7 met."
    args = (["d"], [4], [7], ["G-7"], ["ORG"], {"d": text})
    assert context_reasons(*args) == ["product"]
    assert context_reasons(*args, [True]) == [""]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ('She wrote "Kell\'s Gambit: The Plot to Rule Vetria," a book.', "Vetria", True),
        ("He read \u201cThe Fall of Orsa and the Sea\u201d twice.", "Orsa", True),
        ('"Glory to Vetria! Glory to Orsa Heroes!" they cried.', "Vetria", False),  # a cry
        ('"We will defend Vetria to the end," Kell said.', "Vetria", False),  # speech
        ('It begins: "Dear President Ivo Brandt," and ends.', "Ivo Brandt", False),  # names only
        ('They sang "Vetria Orsa Kell Dorin" loudly.', "Orsa", False),
        ('Kell said "no". Then Vetria Holt Came Home Late, he said.', "Vetria", False),  # closed
        ('They watched "Orsa Night Live Show" again.', "Orsa Night Live Show", False),  # whole
    ],
)
def test_a_name_inside_a_quoted_title_is_part_of_a_works_name(text, name, expected):
    assert in_quoted_title(text, *_span(text, name)) is expected


def test_a_quote_nearby_leaves_the_other_context_rules_in_force():
    text = 'He said "we hold," in a Telegram post about MiG-29s.'
    got = context_reasons(
        ["d1", "d1"],
        [text.index("Telegram"), text.index("MiG")],
        [text.index("Telegram") + 8, text.index("MiG") + 7],
        ["Telegram", "MiG-29s"],
        ["ORG", "GPE"],
        {"d1": text},
    )
    assert got == ["platform", "product"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They seized an Orsa A320-200, the court said.", True),
        ("The Kestrel 787 Starliner landed.", True),
        ("Delegates met at Vetria 2024 in June.", True),
        ("Orsa 20 percent of the market.", False),  # a quantity
        ("Orsa 40 million shares were sold.", False),
        ("Orsa 3 left.", False),  # one digit
        ("Orsa 355-day flight ended.", False),  # a compound adjective
        ("Orsa said 787 jets flew.", False),  # not right after the name
    ],
)
def test_a_number_right_after_a_name_makes_a_model_or_event(text, expected):
    name = "Orsa" if "Orsa" in text else "Kestrel" if "Kestrel" in text else "Vetria"
    end = text.index(name) + len(name)
    assert bool(NUMBER_AFTER.match(text, end)) is expected


@pytest.mark.parametrize(
    ("text", "name", "placed"),
    [
        ("Shelling near Dorsk went on.", "Dorsk", True),
        ("They pushed into Dorsk at dawn.", "Dorsk", True),
        ("He had faith in Dorsk's plan.", "Dorsk", False),  # a possessive after it
        ("She wrote to Dorsk on Monday.", "Dorsk", False),  # no preposition of place
    ],
)
def test_after_locative(text, name, placed):
    start = text.index(name)
    assert after_locative(text, start, start + len(name)) is placed


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        # a photo credit by its form: names joined by a slash, or "via" an agency
        (
            "Marin spoke. (Lina Holt/Kanalfoto via AP) Talks went on.",
            "(Lina Holt/Kanalfoto via AP)",
        ),
        ("Marin spoke. (Lina Holt/Kanal) Talks went on.", "(Lina Holt/Kanal)"),
        ("The ship left. (Orsa Labs PBC via AP) Grain rose.", "(Orsa Labs PBC via AP)"),
        # brackets of prose or of one name are no credit
        ("Marin spoke (via a translator) at length.", None),
        ("Marin (Lina Holt) spoke.", None),
        ("Prices rose (see chart/table) again.", None),
    ],
)
def test_a_bracketed_photo_credit_is_furniture_by_its_form(text, furniture):
    found = [text[a:b] for a, b in furniture_spans(text)]
    assert found == ([furniture] if furniture else [])


@pytest.mark.parametrize(
    ("surface", "kept"),
    [
        ("Covid", False),  # a disease
        ("Jehovah", False),  # a deity
        ("Brexit", False),  # an event
        ("Ivo Marek", True),
    ],
)
def test_diseases_deities_and_events_typed_person_are_no_person(surface, kept):
    res = _resolve(f"They spoke of {surface} today.", [(surface, "PERSON")])
    assert (surface in set(res.mentions["actor"])) is kept


def test_a_datelines_outlets_joined_by_a_slash_are_no_photo_credit():
    assert furniture_spans("DORSK (Kanal/AP) -- Talks went on.") == []
