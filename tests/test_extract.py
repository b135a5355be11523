"""Tests for workbench.actors.extract: quotes inside boilerplate copies are left out."""

from __future__ import annotations

import pandas as pd

from workbench.actors.extract import _outside


def test_outside_drops_quotes_that_start_inside_a_copy():
    quotes = pd.DataFrame(
        {"doc_id": ["a", "a", "a", "b", "c"], "start": [5, 15, 40, 5, 0], "quote": list("vwxyz")}
    )
    copies = pd.DataFrame({"doc_id": ["a", "a", "b"], "start": [0, 10, 6], "end": [50, 20, 9]})
    assert _outside(quotes, copies)["quote"].tolist() == ["y", "z"]
    copies = pd.DataFrame({"doc_id": ["a"], "start": [10], "end": [20]})
    assert _outside(quotes, copies)["quote"].tolist() == ["v", "x", "y", "z"]
    assert _outside(quotes, copies.iloc[:0]).equals(quotes)
