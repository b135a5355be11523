"""The validity scorer (benchmarks/validity.py) judges canonical actors as the guide means."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import validity  # noqa: E402

TEXT = "Russia said. Russia warned. The Ivo Service reported. Russia left. Ada Tal and Tal."


def _spans(rows):
    out = []
    for surface, actor, kind, n in rows:
        at = -1
        for _ in range(n):
            at = TEXT.index(surface, at + 1)
        out.append(
            {
                "doc_id": "d",
                "start": at,
                "end": at + len(surface),
                "surface": surface,
                "actor": actor,
                "type": kind,
            }
        )
    return pd.DataFrame(out)


def test_a_small_actor_resolved_into_a_big_one_costs_only_its_own_mentions():
    gold = _spans(
        [
            ("Russia", "Russia", "GPE", 1),
            ("Russia", "Russia", "GPE", 2),
            ("Russia", "Russia", "GPE", 3),
            ("Ivo Service", "Ivo Service", "MEDIA", 1),
        ]
    )
    pred = gold.assign(actor=["Russia", "Russia", "Russia", "Russia"])
    out = validity.Score()
    validity._map_actors(out, pred, gold, {"d": TEXT})
    assert out.values["canonical actor accuracy"] == 3 / 4
    assert out.errors == {"actor: wrong name": 1}  # the Russia mentions are right


def test_two_people_on_one_name_are_a_merged_pair():
    gold = _spans([("Ada Tal", "Ada Tal", "PERSON", 1), ("Tal", "Ivo Tal", "PERSON", 2)])
    pred = gold.assign(actor=["Ada Tal", "Ada Tal"])
    out = validity.Score()
    validity._map_actors(out, pred, gold, {"d": TEXT})
    assert out.values["pairs of people merged"] == 1
    assert out.values["canonical actor accuracy"] == 1 / 2


def test_names_match_by_a_whole_name_not_one_shared_word():
    yes = [
        ("Zelensky", "Volodymyr Zelensky"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
        ("The New York Times", "New York Times"),
        ("Defence Ministry", "Ukrainian Ministry of Defence"),
        ("U.S.", "US"),
        ("Agence France-Presse", "AFP"),  # an acronym, either way round
        ("UN", "United Nations"),
        ("OSCE", "Organization for Security and Co-operation in Europe"),
    ]
    no = [
        ("NBC News", "Sky News"),
        ("The Times", "The Guardian"),
        ("New York Post", "New York Times"),
        ("Ivo Tal", "Ada Tal"),
        ("Fox News", "Fox Business"),
        ("Nato", "North Atlantic Treaty Organization"),  # not written in capitals
    ]
    assert all(validity.compatible(p, {g}) for p, g in yes)
    assert not any(validity.compatible(p, {g}) for p, g in no)


def _gold_event(
    doc: str, eid: str, place: str, date: str, participants: list[str], kind="agreement"
):
    return (
        doc,
        0,
        {
            "event": eid,
            "type": kind,
            "place": place,
            "date": date,
            "date_text": "",
            "participants": participants,
        },
    )


def test_one_event_reported_by_two_articles_is_one_gold_event():
    deal = ["Avalon", "Ruritania", "United Nations"]
    gold = [
        _gold_event("a", "e1", "Port Vell", "2022-07", deal),
        _gold_event("b", "e1", "", "2022-07-22", deal[:2]),
        _gold_event("b", "e2", "", "2022-07-22", ["Avalon", "United Nations"]),  # its own
        _gold_event("c", "e1", "Port Vell", "2022-07-22", ["Avalon"]),  # one party shared
        _gold_event("d", "e1", "", "2022-07-25", deal),  # three days on
    ]
    identity, events = validity._gold_identities(gold)
    assert identity[("a", "e1")] == identity[("b", "e1")] == ("a", "e1")
    # b's second event is its own: its annotator told it apart from b's first
    assert identity[("b", "e2")] == ("b", "e2")
    assert identity[("c", "e1")] == ("c", "e1")
    assert identity[("d", "e1")] == ("d", "e1")
    joined = events[("a", "e1")]
    assert (joined["place"], joined["date"]) == ("Port Vell", "2022-07-22")


def test_attacks_of_two_articles_are_one_only_at_one_named_place():
    sides = ["Avalon", "Ruritania"]
    gold = [
        _gold_event("a", "e1", "Dorin", "2022-03-01", sides, "strike"),
        _gold_event("b", "e1", "", "2022-03-01", sides, "strike"),
        _gold_event("c", "e1", "Dorin", "2022-03-02", sides, "strike"),
    ]
    identity, _ = validity._gold_identities(gold)
    assert identity[("b", "e1")] == ("b", "e1")
    assert identity[("c", "e1")] == ("a", "e1")
