"""The speaker-ranker experiment (benchmarks/train_speakers.py) on invented data."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import train_speakers as ts  # noqa: E402


def _weights(**named: float) -> dict:
    return {
        "features": ts.FEATURES,
        "coef": [named.get(f, 0.0) for f in ts.FEATURES],
        "intercept": 0.0,
    }


def _row(**named: float) -> list[float]:
    return [named.get(f, 0.0) for f in ts.FEATURES]


def test_the_ranker_picks_the_highest_score_and_the_first_on_a_tie():
    x = np.array([_row(bias_actor=1), _row(bias_actor=1, rules=1), _row(none=1)])
    assert ts.choose(_weights(rules=2.0), x) == 1
    assert ts.choose(_weights(), x) == 0  # all tie: the first
    assert ts.choose(_weights(none=1.0), x) == 2


@pytest.mark.parametrize(
    ("picked", "rules_right", "fixed", "broken"),
    [
        (0, True, 0, 0),  # both right
        (1, True, 0, 1),  # the ranker overrules a right rule
        (0, False, 1, 0),  # the ranker fixes a wrong rule
    ],
)
def test_accuracy_counts_fixes_and_breaks(picked, rules_right, fixed, broken):
    x = np.array([_row(bias_actor=1), _row(none=1)])
    item = {"x": x, "y": np.array([1.0, 0.0]), "rules_right": rules_right}
    a = ts.accuracy(_weights(none=1.0 if picked else -1.0), [item])
    assert (a["fixed"], a["broken"]) == (fixed, broken)
    assert a["oracle"] == 1.0


def test_folds_keep_an_article_whole_and_are_deterministic():
    items = [{"doc_id": f"d{i % 7}"} for i in range(40)]
    first, again = ts.folds(items, 3), ts.folds(items, 3)
    assert first == again
    assert set().union(*first) == {f"d{i}" for i in range(7)}
    assert sum(len(f) for f in first) == 7  # no article in two folds


def test_training_is_deterministic_and_writes_json_atomically(tmp_path):
    rng = np.random.default_rng(0)
    items = []
    for _ in range(30):
        x = rng.integers(0, 2, size=(3, len(ts.FEATURES))).astype(float)
        y = np.array([float(x[0, 2] > 0), 0.0, float(x[0, 2] == 0)])
        items.append({"x": x, "y": y})
    one, two = ts.train(items), ts.train(items)
    assert one == two
    assert ts.train(items, listwise=True) == ts.train(items, listwise=True)
    path = tmp_path / "w.json"
    ts.write_atomic(path, one)
    assert json.loads(path.read_text("utf-8"))["coef"] == one["coef"]
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left


def test_candidates_carry_the_features_they_document():
    spacy = pytest.importorskip("spacy")
    text = 'Mira Tal met Dan Ek in Harbour. "The port will stay open all winter," Tal said.'
    tal = text.index("Tal said")
    mentions = pd.DataFrame(
        [
            (0, 8, "Mira Tal", "PERSON"),
            (13, 19, "Dan Ek", "PERSON"),
            (23, 30, "Harbour", "GPE"),
            (tal, tal + 3, "Mira Tal", "PERSON"),
        ],
        columns=["start", "end", "actor", "actor_type"],
    )
    q0 = text.index("The port")
    q1 = text.index(',"')
    quote = {"start": q0, "end": q1, "speaker": "Mira Tal", "cue": "said", "kind": "direct"}
    sents = [(0, 31), (32, len(text))]
    art = ts.Article("d", text, mentions, sents, pd.DataFrame([quote]), spacy.blank("en"))
    cands, x = art.candidates(quote, previous="Dan Ek")
    assert cands == ["Mira Tal", "Dan Ek", "Harbour", None]
    f = {c: dict(zip(ts.FEATURES, row, strict=True)) for c, row in zip(cands, x, strict=True)}
    assert f["Mira Tal"]["rules"] == 1 and f["Mira Tal"]["after"] == 1
    assert f["Mira Tal"]["sent_dist"] == 0 and f["Mira Tal"]["near_cue"] == 1
    assert f["Mira Tal"]["person"] == 1 and f["Mira Tal"]["first_in_window"] == 1
    assert f["Dan Ek"]["sent_dist"] == 1 and f["Dan Ek"]["last_speaker"] == 1
    assert f["Dan Ek"]["near_cue"] == 0 and f["Harbour"]["gpe"] == 1
    assert f[None]["none"] == 1 and f[None]["rules"] == 0
