"""Tests for :mod:`workbench.actors.people`: a bare surname resolved across the corpus."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from workbench.actors.gazetteer import Gazetteer
from workbench.actors.resolve import resolve


def _resolve_docs(docs: dict[str, tuple[str, list[str]]]):
    """Resolve PERSON spans (surfaces found in order) in several documents."""
    rows = []
    for doc, (text, surfaces) in docs.items():
        cursor = 0
        for surface in surfaces:
            start = cursor + re.search(rf"\b{re.escape(surface)}(?!\w)", text[cursor:]).start()
            cursor = start + len(surface)
            rows.append((doc, start, cursor, surface, "PERSON", "model", ""))
    frame = pd.DataFrame(
        rows, columns=["doc_id", "start", "end", "surface", "label", "source", "gaz_id"]
    )
    texts = {doc: text for doc, (text, _) in docs.items()}
    return resolve(frame, Gazetteer(), texts=texts)


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        # the same spelling, one article naming her in full: resolved
        (
            {
                "d1": ("Ada Grimmel spoke on Monday.", ["Ada Grimmel"]),
                "d2": ("Grimmel spoke again.", ["Grimmel"]),
            },
            "Ada Grimmel",
        ),
        # another spelling, one article naming her in full: too thin to merge
        (
            {
                "d1": ("Ada Grimmel spoke on Monday.", ["Ada Grimmel"]),
                "d2": ("Grimmell spoke again.", ["Grimmell"]),
            },
            "Grimmell",
        ),
        # another spelling, two articles naming her in full: resolved
        (
            {
                "d1": ("Ada Grimmel spoke on Monday.", ["Ada Grimmel"]),
                "d3": ("Ada Grimmel spoke on Friday.", ["Ada Grimmel"]),
                "d2": ("Grimmell spoke again.", ["Grimmell"]),
            },
            "Ada Grimmel",
        ),
    ],
)
def test_a_surname_spelt_otherwise_needs_two_articles_naming_the_person(docs, expected):
    res = _resolve_docs(docs)
    mentions = res.mentions
    assert mentions.loc[mentions["doc_id"] == "d2", "actor"].tolist() == [expected]


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        # a woman's title on a surname another article gives a man who "said he"
        (
            {
                "d1": ("Ivo Grimmel said he would stay.", ["Ivo Grimmel"]),
                "d2": ("Mrs Grimmel spoke again.", ["Grimmel"]),
            },
            "Grimmel",
        ),
        # the same title as the mark: resolved
        (
            {
                "d1": ("Ivo Grimmel said he would stay.", ["Ivo Grimmel"]),
                "d2": ("Mr Grimmel spoke again.", ["Grimmel"]),
            },
            "Ivo Grimmel",
        ),
        # no mark either way: resolved as before
        (
            {
                "d1": ("Ivo Grimmel spoke on Monday.", ["Ivo Grimmel"]),
                "d2": ("Mrs Grimmel spoke again.", ["Grimmel"]),
            },
            "Ivo Grimmel",
        ),
    ],
)
def test_a_titled_surname_never_crosses_the_sexes_across_articles(docs, expected):
    res = _resolve_docs(docs)
    mentions = res.mentions
    assert mentions.loc[mentions["doc_id"] == "d2", "actor"].tolist() == [expected]
