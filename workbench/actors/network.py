"""Co-occurrence of actors: who is named with whom, counted and weighed.

Two actors co-occur when both are mentioned in one window: a sentence, a paragraph
or a whole document. For each pair, over the ``N`` windows that mention any actor:

- ``count``: windows naming both; ``n_docs``: documents where that happens;
- ``pmi = log(p(a, b) / (p(a) p(b)))`` with ``p(x) = windows naming x / N``;
- ``npmi = pmi / -log p(a, b)``, from -1 (never together) through 0 (independent) to 1
  (only ever together); ``jaccard = count / (windows with a + windows with b - count)``.

With ``time_bin`` the same is computed within each day, week, month, quarter or year
(``period`` column, the bin's start in UTC; :mod:`workbench.core.bins`).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from typing import Literal

import numpy as np
import pandas as pd

from workbench.core.bins import bin_start, normalise_bin

EDGE_COLUMNS = ["source", "target", "window", "count", "n_docs", "pmi", "npmi", "jaccard"]
#: Actor types counted in the network by default (outlets are cited, not actors in it).
NETWORK_TYPES = ("PERSON", "ORG", "GPE")

_WINDOW_COLUMN = {"sentence": "sentence_id", "paragraph": "paragraph_id", "document": "doc_id"}


def cooccurrence(
    mentions: pd.DataFrame,
    *,
    window: Literal["sentence", "paragraph", "document"] = "sentence",
    types: Iterable[str] | None = NETWORK_TYPES,
    time_bin: str | None = None,
    dates: pd.Series | None = None,
    min_count: int = 1,
) -> pd.DataFrame:
    """Co-occurrence edges between actors.

    Args:
        mentions: Resolved mentions with ``doc_id``, ``paragraph_id``, ``sentence_id``,
            ``actor`` and ``actor_type``.
        window: ``"sentence"``, ``"paragraph"`` or ``"document"``.
        types: Actor types to include; None for all.
        time_bin: Also group by the bin of the document date: ``day``, ``week`` (from
            Monday), ``month``, ``quarter``, ``year``, their pandas aliases ``D``, ``W``,
            ``M``, ``Q``, ``Y``, or ``auto`` (adds a ``period`` column, the bin's start, UTC).
        dates: ``doc_id -> date``; needed with ``time_bin``.
        min_count: Drop pairs seen together fewer times.

    Returns:
        One row per unordered pair (``source`` < ``target``), most frequent first:
        ``source, target, window, [period,] count, n_docs, pmi, npmi, jaccard``.

    Raises:
        ValueError: Unknown window or time bin, or ``time_bin`` without ``dates``.
    """
    if window not in _WINDOW_COLUMN:
        raise ValueError(f"window={window!r}: choose 'sentence', 'paragraph' or 'document'")
    m = mentions if types is None else mentions[mentions["actor_type"].isin(list(types))]
    m = m.dropna(subset=[_WINDOW_COLUMN[window]])
    columns = EDGE_COLUMNS if time_bin is None else [*EDGE_COLUMNS[:3], "period", *EDGE_COLUMNS[3:]]
    if time_bin is None:
        edges = _edges(m, _WINDOW_COLUMN[window])
    else:
        periods = _periods(m["doc_id"], dates, time_bin)
        parts = [
            _edges(g, _WINDOW_COLUMN[window]).assign(period=p)
            for p, g in m.groupby(periods.to_numpy(), sort=True)
        ]
        edges = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    if edges.empty:
        return pd.DataFrame(columns=columns)
    edges = edges[edges["count"] >= min_count].assign(window=window)
    sort = ["period", "count", "source", "target"] if time_bin else ["count", "source", "target"]
    ascending = [True, False, True, True] if time_bin else [False, True, True]
    return edges.sort_values(sort, ascending=ascending)[columns].reset_index(drop=True)


def _periods(doc_ids: pd.Series, dates: pd.Series | None, time_bin: str) -> pd.Series:
    unit = normalise_bin(time_bin, name="time_bin")
    if dates is None:
        raise ValueError("time_bin needs dates: pass dates=corpus.set_index('doc_id')['date']")
    return bin_start(pd.to_datetime(doc_ids.map(dates), utc=True), unit)


def _edges(m: pd.DataFrame, unit: str) -> pd.DataFrame:
    units = m[list(dict.fromkeys([unit, "doc_id", "actor"]))].drop_duplicates([unit, "actor"])
    n_units = units[unit].nunique()
    if n_units == 0:
        return pd.DataFrame(columns=["source", "target", "count", "n_docs"])
    actors, codes = np.unique(units["actor"].to_numpy(dtype=str), return_inverse=True)
    per_actor = np.bincount(codes, minlength=len(actors))
    pairs = _pairs(units[unit].to_numpy(), units["doc_id"].to_numpy(), codes)
    if pairs.empty:
        return pd.DataFrame(columns=["source", "target", "count", "n_docs"])
    grouped = pairs.groupby(["a", "b"]).agg(count=("doc", "size"), n_docs=("doc", "nunique"))
    a = grouped.index.get_level_values("a").to_numpy()
    b = grouped.index.get_level_values("b").to_numpy()
    count = grouped["count"].to_numpy(dtype=float)
    p_ab, p_a, p_b = count / n_units, per_actor[a] / n_units, per_actor[b] / n_units
    pmi = np.log(p_ab / (p_a * p_b))
    with np.errstate(divide="ignore", invalid="ignore"):
        npmi = np.where(p_ab < 1, pmi / -np.log(p_ab), 1.0)
    return pd.DataFrame(
        {
            "source": actors[a],
            "target": actors[b],
            "count": count.astype(int),
            "n_docs": grouped["n_docs"].to_numpy(),
            "pmi": pmi,
            "npmi": npmi,
            "jaccard": count / (per_actor[a] + per_actor[b] - count),
        }
    )


def _pairs(unit_ids: np.ndarray, doc_ids: np.ndarray, codes: np.ndarray) -> pd.DataFrame:
    """Every unordered pair of distinct actors within each unit, with the unit's document."""
    order = np.argsort(unit_ids, kind="stable")
    unit_ids, doc_ids, codes = unit_ids[order], doc_ids[order], codes[order]
    bounds = np.flatnonzero(np.r_[True, unit_ids[1:] != unit_ids[:-1], True])
    a_list, b_list, docs = [], [], []
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
        if hi - lo < 2:
            continue
        members = np.sort(codes[lo:hi])
        for x, y in combinations(members.tolist(), 2):
            a_list.append(x)
            b_list.append(y)
        docs.extend([doc_ids[lo]] * ((hi - lo) * (hi - lo - 1) // 2))
    return pd.DataFrame({"a": a_list, "b": b_list, "doc": docs})


def pair_examples(
    edges: pd.DataFrame,
    mentions: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    n: int = 1,
) -> pd.DataFrame:
    """Example sentences in which each edge's two actors are named together.

    Args:
        edges: From :func:`cooccurrence` (any window).
        mentions: Resolved mentions with ``sentence_id``.
        sentences: The sentence table (``unit_id``, ``text``) from :func:`workbench.segment`.
        n: Examples per pair.

    Returns:
        ``source, target, doc_id, sentence_id, text``; pairs never named in one sentence
        have no row.
    """
    cols = ["source", "target", "doc_id", "sentence_id", "text"]
    if edges.empty or mentions.empty:
        return pd.DataFrame(columns=cols)
    per = mentions[["sentence_id", "doc_id", "actor"]].dropna().drop_duplicates()
    joined = per.merge(per, on=["sentence_id", "doc_id"], suffixes=("_s", "_t"))
    pairs = edges[["source", "target"]].drop_duplicates()
    hits = joined.merge(pairs, left_on=["actor_s", "actor_t"], right_on=["source", "target"])
    hits = hits.groupby(["source", "target"], sort=False).head(n)
    text = sentences.set_index("unit_id")["text"]
    hits = hits.assign(text=hits["sentence_id"].map(text))
    return hits[cols].reset_index(drop=True)
