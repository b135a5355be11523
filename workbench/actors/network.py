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
from numbers import Integral
from typing import Literal

import numpy as np
import pandas as pd

from workbench.core.bins import bin_start, normalise_bin
from workbench.core.errors import InputError
from workbench.core.names import frequent_actors

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
    # actors in sorted order, each row's actor as its number there
    codes, actors = pd.factorize(units["actor"], sort=True)
    per_actor = np.bincount(codes, minlength=len(actors))
    a, b, count, n_docs = _pair_counts(
        pd.factorize(units[unit])[0], pd.factorize(units["doc_id"])[0], codes, len(actors)
    )
    if not len(a):
        return pd.DataFrame(columns=["source", "target", "count", "n_docs"])
    count = count.astype(float)
    p_ab, p_a, p_b = count / n_units, per_actor[a] / n_units, per_actor[b] / n_units
    pmi = np.log(p_ab / (p_a * p_b))
    with np.errstate(divide="ignore", invalid="ignore"):
        npmi = np.where(p_ab < 1, pmi / -np.log(p_ab), 1.0)
    return pd.DataFrame(
        {
            "source": actors[a],
            "target": actors[b],
            "count": count.astype(int),
            "n_docs": n_docs,
            "pmi": pmi,
            "npmi": npmi,
            "jaccard": count / (per_actor[a] + per_actor[b] - count),
        }
    )


def _pair_counts(
    units: np.ndarray, docs: np.ndarray, codes: np.ndarray, n_actors: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every pair of distinct actors named in one unit: ``a < b``, units, documents.

    Args:
        units: Each row's unit, as a number (rows of one unit name distinct actors).
        docs: Each row's document, as a number; a unit counts in the document of its
            first row.
        codes: Each row's actor, as a number below ``n_actors``.
        n_actors: How many actors there are.

    Returns:
        The pairs ``a`` and ``b`` (in order of ``a``, then ``b``), the units that name
        both (``count``) and the documents those units are in (``n_docs``).
    """
    _, first = np.unique(units, return_index=True)
    unit_doc = docs[first]  # a unit's document: that of its first row
    order = np.lexsort((codes, units))  # by unit, then actor
    units, codes = units[order], codes[order].astype(np.int64)
    starts = np.flatnonzero(np.r_[True, units[1:] != units[:-1]])
    sizes = np.diff(np.r_[starts, len(units)])
    pair_a, pair_b, pair_doc = [], [], []
    for k in np.unique(sizes[sizes >= 2]).tolist():
        lo = starts[sizes == k]  # the units of k actors, all at once
        i, j = np.triu_indices(k, 1)
        pair_a.append(codes[lo[:, None] + i].ravel())
        pair_b.append(codes[lo[:, None] + j].ravel())
        pair_doc.append(np.repeat(unit_doc[units[lo]], len(i)))
    if not pair_a:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, empty
    n_docs = int(unit_doc.max()) + 1
    pair = np.concatenate(pair_a) * n_actors + np.concatenate(pair_b)
    keys, count = np.unique(pair, return_counts=True)
    in_doc = np.unique(pair * n_docs + np.concatenate(pair_doc))
    _, docs_per_pair = np.unique(in_doc // n_docs, return_counts=True)
    return keys // n_actors, keys % n_actors, count, docs_per_pair


#: Columns of :func:`pair_examples`: the pair, where the sentence is (``outlet`` is the
#: document's ``source``; ``source`` already names the pair's first actor) and the sentence.
EXAMPLE_COLUMNS = ["source", "target", "doc_id", "outlet", "date", "sentence_id", "text"]


def pair_examples(
    edges: pd.DataFrame,
    mentions: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    n: int = 3,
) -> pd.DataFrame:
    """Example sentences in which each edge's two actors are named together.

    Examples come from different articles where the pair has them: each article's first
    such sentence, earliest article first, before a second sentence of any article.

    Args:
        edges: From :func:`cooccurrence` (any window).
        mentions: Resolved mentions with ``doc_id``, ``sentence_id`` and ``actor``
            (``source`` and ``date``, as :func:`workbench.actors.extract_actors` gives
            them, fill ``outlet`` and ``date``).
        sentences: The sentence table (``unit_id``, ``text``) from :func:`workbench.segment`.
        n: Examples per pair, at most.

    Returns:
        :data:`EXAMPLE_COLUMNS`: ``source, target`` (the pair), ``doc_id, outlet, date,
        sentence_id, text``; up to ``n`` rows per pair, in the order of ``edges``. Pairs
        never named in one sentence have no row.

    Raises:
        InputError: ``n`` is not a whole number of 1 or more.
    """
    if isinstance(n, bool) or not isinstance(n, Integral) or n < 1:
        raise InputError(f"pair_examples(n={n!r}): pass a whole number of examples, 1 or more")
    if edges.empty or mentions.empty:
        return pd.DataFrame(columns=EXAMPLE_COLUMNS)
    per = mentions.assign(
        outlet=mentions.get("source"),
        date=pd.to_datetime(mentions["date"], utc=True, errors="coerce")
        if "date" in mentions
        else pd.NaT,
    )
    per = per[["sentence_id", "doc_id", "actor", "outlet", "date"]]
    per = per.dropna(subset=["sentence_id", "doc_id", "actor"]).drop_duplicates(
        ["sentence_id", "actor"]
    )
    per = per.reset_index(drop=True).rename_axis("order").reset_index()
    joined = per.merge(per[["sentence_id", "actor"]], on="sentence_id", suffixes=("_s", "_t"))
    pairs = edges[["source", "target"]].drop_duplicates()
    pairs = pairs.assign(pair=np.arange(len(pairs)))
    hits = joined.merge(pairs, left_on=["actor_s", "actor_t"], right_on=["source", "target"])
    if hits.empty:
        return pd.DataFrame(columns=EXAMPLE_COLUMNS)
    # one sentence per article first (earliest article first), then second sentences ...
    hits = hits.sort_values(["pair", "order"])
    hits["nth_in_doc"] = hits.groupby(["pair", "doc_id"], sort=False).cumcount()
    first_seen = hits.groupby(["pair", "doc_id"], sort=False)["order"].transform("min")
    hits = hits.assign(first_seen=first_seen).sort_values(
        ["pair", "nth_in_doc", "date", "first_seen", "order"], na_position="last", kind="stable"
    )
    hits = hits.groupby("pair", sort=False).head(n)
    text = sentences.drop_duplicates("unit_id").set_index("unit_id")["text"]
    hits = hits.assign(text=hits["sentence_id"].map(text))
    return hits[EXAMPLE_COLUMNS].reset_index(drop=True)


def pair_table(
    edges: pd.DataFrame,
    examples: pd.DataFrame | None = None,
    *,
    n: int = 20,
    value: str = "count",
    actors: pd.DataFrame | None = None,
    min_mentions: int | None = None,
    n_docs: int | None = None,
) -> pd.DataFrame:
    """The ``n`` strongest pairs, each with its example sentences, for a notebook table.

    Args:
        edges: From :func:`cooccurrence`.
        examples: From :func:`pair_examples`.
        n: Pairs kept.
        value: The edge column ranking them: count, n_docs, pmi, npmi or jaccard.
        actors: The actors table; with it, pairs with an actor named fewer than
            ``min_mentions`` times are left out (by default a threshold that follows the
            corpus size, :func:`workbench.actors.default_min_mentions`).
        min_mentions: The threshold (1 keeps all).
        n_docs: Documents in the corpus, for the default threshold.

    Returns:
        ``source, target, count, n_docs`` (and ``value`` when it is another column), and
        ``examples``: a list per pair of "sentence (outlet, date)".
    """
    if value not in ("count", "n_docs", "pmi", "npmi", "jaccard"):
        raise InputError(f"pair_table(value={value!r}): use count, n_docs, pmi, npmi or jaccard")
    if actors is not None:
        kept, _ = frequent_actors(actors, min_mentions=min_mentions, n_docs=n_docs)
        names = set(kept["actor"])
        edges = edges[edges["source"].isin(names) & edges["target"].isin(names)]
    columns = list(dict.fromkeys(["source", "target", "count", "n_docs", value]))
    best = edges.sort_values(value, ascending=False, kind="stable").head(n)[columns]
    cited: dict[tuple[str, str], list[str]] = {}
    if examples is not None and not examples.empty:
        for row in examples.itertuples(index=False):
            if not isinstance(row.text, str):
                continue
            where = [getattr(row, "outlet", None)]
            date = getattr(row, "date", None)
            where.append(f"{pd.Timestamp(date):%Y-%m-%d}" if pd.notna(date) else None)
            where = ", ".join(w for w in where if isinstance(w, str) and w)
            text = f"{row.text} ({where})" if where else str(row.text)
            cited.setdefault((row.source, row.target), []).append(text)
    best = best.assign(
        examples=[cited.get(p, []) for p in zip(best["source"], best["target"], strict=True)]
    )
    return best.reset_index(drop=True)
