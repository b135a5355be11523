"""Tests for :mod:`workbench.actors.appositives`."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.test_actors import _resolve
from workbench.actors.appositives import is_company_name
from workbench.actors.gazetteer import Gazetteer
from workbench.actors.resolve import resolve

_COLUMNS = ["doc_id", "start", "end", "surface", "label", "source", "gaz_id"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Vostrex, the Orsan space agency, cut ties.", "ORG"),
        ("Vostrex, a satellite imagery company that works with the army, said so.", "ORG"),
        ("Vostrex, the Orsan folk band which won, sang.", "ORG"),
        ("Vostrex, a company spokesman, said so.", "PERSON"),  # the noun heads no appositive
        ("Vostrex, the head of the agency, said so.", "PERSON"),  # "of": no appositive
        ("Vostrex, the agency's chief, said so.", "PERSON"),
        ("The board fired Vostrex, the company said.", "PERSON"),  # a reporting clause
    ],
)
def test_an_appositive_naming_an_organisation_makes_a_person_one(text, kind):
    res = _resolve(text, [("Vostrex", "PERSON")])
    assert res.mentions["actor_type"].tolist() == [kind]


def test_the_appositive_types_every_span_of_the_name_in_the_corpus():
    text = "Vostrex launched. Vostrex, the Orsan space agency, cut ties."
    res = _resolve(text, [("Vostrex", "PERSON"), ("Vostrex", "PERSON")])
    assert res.mentions["actor_type"].tolist() == ["ORG", "ORG"]


def test_a_word_of_a_persons_full_name_stays_a_person_in_other_documents():
    texts = {
        "d1": "Kalmar, the company that he founded, grew.",
        "d2": "Ivo Kalmar spoke. Kalmar left.",
        "d3": "Kalmar left.",
    }
    rows = [
        ("d1", 0, 6, "Kalmar", "PERSON", "model", ""),
        ("d2", 0, 10, "Ivo Kalmar", "PERSON", "model", ""),
        ("d2", 18, 24, "Kalmar", "PERSON", "model", ""),
        ("d3", 0, 6, "Kalmar", "PERSON", "model", ""),
    ]
    spans = pd.DataFrame(rows, columns=_COLUMNS)
    res = resolve(spans, Gazetteer(), texts=texts)
    m = res.mentions
    kinds = dict(zip(m["doc_id"] + " " + m["surface"], m["actor_type"], strict=True))
    # the appositive does not spread: "Kalmar" is a word of Ivo Kalmar's name
    assert kinds["d3 Kalmar"] == "PERSON"
    assert kinds["d2 Ivo Kalmar"] == "PERSON"


@pytest.mark.parametrize(
    ("name", "company"),
    [
        ("Kalmar Technologies", True),
        ("Orsa Holdings", True),
        ("Vetra Labs", True),
        ("Orsa Labs PBC", True),  # a public benefit corporation
        ("Kalmar GmbH", True),
        ("Orsa Orchestra", True),  # a group's designator
        ("Vela Choir", True),
        ("Technologies", False),  # one word: no name before the designator
        ("Ivo Kalmar", False),
    ],
)
def test_is_company_name_by_its_designator(name, company):
    assert is_company_name(name) is company


def test_a_person_span_ending_in_a_designator_is_an_organisation():
    res = _resolve("Kalmar Technologies released images.", [("Kalmar Technologies", "PERSON")])
    assert res.mentions["actor_type"].tolist() == ["ORG"]


def test_a_person_span_ending_in_a_groups_designator_is_an_organisation():
    text = "Orsa Orchestra, the band which won, sold the trophy. Orsa Orchestra thanked fans."
    res = _resolve(text, [("Orsa Orchestra", "PERSON"), ("Orsa Orchestra", "PERSON")])
    assert res.mentions["actor_type"].tolist() == ["ORG", "ORG"]


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("The polling firm Vostrex said so.", "Vostrex", "ORG"),  # the noun before it
        ("The space agency Vostrex said so.", "Vostrex", "ORG"),
        ("The Agency Vostrex said so.", "Vostrex", "PERSON"),  # no lower-case noun
        ("Vostrex Network said so.", "Vostrex Network", "ORG"),  # a body's head noun last
        ("They met at the Embassy on Monday.", "Embassy", "ORG"),  # the head noun alone
    ],
)
def test_a_bodys_noun_makes_a_person_an_organisation(text, span, kind):
    res = _resolve(text, [(span, "PERSON")])
    assert res.mentions["actor_type"].tolist() == [kind]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a possessive in the article's place, the noun in capitals or not
        ("Vostrex, Orsa's space agency, cut ties.", "ORG"),
        ("Vostrex, the Orsan Space Agency, cut ties.", "ORG"),
        # the noun before the name, the name set off by commas
        ("Orsa's space agency, Vostrex, cut ties.", "ORG"),
        # no second comma: the name may open the next clause
        ("He called the agency, Vostrex said.", "PERSON"),
        ("Vostrex, Orsa's agency chief, said so.", "PERSON"),
    ],
)
def test_an_appositive_with_a_possessive_or_before_the_name(text, kind):
    res = _resolve(text, [("Vostrex", "PERSON")])
    assert res.mentions["actor_type"].tolist() == [kind]
