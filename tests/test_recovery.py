"""Tests for workbench.actors.recovery: standalone surnames, covered stretches, recovery."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from workbench.actors.gazetteer import Gazetteer
from workbench.actors.recovery import _Covered, standalone
from workbench.actors.resolve import resolve


@pytest.mark.parametrize(
    ("text", "form", "starts"),
    [
        ("Walker told viewers. Walker's aide agreed.", "Walker", [0, 21]),
        ("Walkers and Stone-Walker and _Walker left.", "Walker", []),
        ("de Bretton-Gordon said; de Bretton-Gordons did not.", "de Bretton-Gordon", [0]),
        ("O'Walker and \u2019Walker and -Walker", "Walker", []),
        ("NovakNovak Novak", "Novak", [11]),
        ("aaaa aaa", "aa", []),
        ("", "Tal", []),
    ],
)
def test_standalone_finds_the_form_between_word_edges(text, form, starts):
    assert standalone(text, form) == starts


@pytest.mark.parametrize(
    "text",
    ["Tal, Tal's, Tal-Ori, Tals, Tal Tal.", "xTal Tal_ Tal1 1Tal (Tal) 'Tal' \u2019Tal"],
)
def test_standalone_matches_the_pattern_it_replaces(text):
    pattern = re.compile(r"(?<![\w'\u2019-])Tal(?![\w-])")
    assert standalone(text, "Tal") == [m.start() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("spans", "stretch", "overlaps"),
    [
        ([(0, 5), (10, 30), (12, 14)], (20, 25), True),  # inside a long span
        ([(0, 5), (10, 30), (12, 14)], (5, 10), False),  # between spans
        ([(10, 30), (0, 5)], (4, 6), True),  # unsorted spans
        ([], (0, 3), False),
    ],
)
def test_covered_tells_whether_a_stretch_overlaps_a_span(spans, stretch, overlaps):
    start, end = stretch
    assert _Covered(spans).overlaps(start, end) is overlaps
    assert any(s < end and start < e for s, e in spans) is overlaps


def test_a_surname_is_recovered_as_its_document_spells_it_after_a_merge():
    # "Hanna Malyar" merges with "Hanna Maliar" of another document; the bare "Malyar"
    # the model missed is still found in the document that spells it so.
    texts = {
        "d1": "Hanna Maliar spoke. Hanna Maliar left.",
        "d2": "Hanna Malyar said so, and Malyar added more.",
    }
    rows = [
        ("d1", 0, 12, "Hanna Maliar", "PERSON", "model", ""),
        ("d1", 20, 32, "Hanna Maliar", "PERSON", "model", ""),
        ("d2", 0, 12, "Hanna Malyar", "PERSON", "model", ""),
    ]
    columns = ["doc_id", "start", "end", "surface", "label", "source", "gaz_id"]
    res = resolve(pd.DataFrame(rows, columns=columns), Gazetteer(), texts=texts)
    m = res.mentions[res.mentions["doc_id"] == "d2"]
    assert m["surface"].tolist() == ["Hanna Malyar", "Malyar"]
    assert set(m["actor"]) == {"Hanna Maliar"}
