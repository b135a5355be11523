"""Tables computed from a fitted topic model: over time, per class, per actor, similarity, map.

Each function takes a :class:`~workbench.topics.TopicResult` (the whole corpus or a view
of it from ``result.subset(...)``; and, for actors, a mentions table) and returns a tidy
DataFrame that a plot function in :mod:`workbench.plots.topics` draws. Shares are of
units (documents, paragraphs or sentences, whichever the model was fit on).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from workbench.core.bins import DTYPE, bin_start, label, resolve_bin
from workbench.core.errors import InputError
from workbench.core.inputs import require_columns
from workbench.core.tables import is_list_cell

if TYPE_CHECKING:
    from workbench.topics.fit import TopicResult


def _with_topics(result: TopicResult) -> pd.DataFrame:
    units = result.units[["unit_id", "date", "source"]]
    out = result.doc_topics.merge(units, on="unit_id", how="left")
    return out.assign(label=out["topic"].map(result.labels()))


def topics_over_time(
    result: TopicResult, freq: str = "auto", *, include_outliers: bool = False
) -> pd.DataFrame:
    """Units per topic per date bin.

    Args:
        result: A fitted topic model.
        freq: The date bin: ``day``, ``week`` (from Monday), ``month``, ``quarter``,
            ``year``, their pandas aliases ``D``, ``W``, ``M``, ``Q``, ``Y``, or ``auto``
            (:mod:`workbench.core.bins`).
        include_outliers: Keep topic -1 rows.

    Returns:
        ``date`` (bin start, UTC), ``topic``, ``label``, ``units``, ``documents``, ``share``
        (of the bin's units); ``attrs["freq"]`` (the bin used, a word), ``attrs["freq_name"]``
        (the same, for titles) and ``attrs["undated_units"]`` say how it was binned.

    Raises:
        ValueError: ``freq`` is not a bin (the message lists the accepted ones).
    """
    frame = _with_topics(result)
    frame["date"] = pd.to_datetime(frame["date"], utc=True, errors="coerce")
    undated = int(frame["date"].isna().sum())
    frame = frame.dropna(subset=["date"])
    unit = resolve_bin(freq, frame["date"], name="freq")
    columns = ["date", "topic", "label", "units", "documents", "share"]
    if frame.empty:
        out = pd.DataFrame(columns=columns).astype({"date": DTYPE})
    else:
        frame["date"] = bin_start(frame["date"], unit)
        out = _counts(frame, ["date"], include_outliers)
    out.attrs.update(freq=unit, freq_name=label(unit), undated_units=undated)
    return out[columns]


def topics_per_source(result: TopicResult, *, include_outliers: bool = False) -> pd.DataFrame:
    """Units per topic per source (outlet): :func:`topics_per_class` by ``"source"``.

    Returns:
        ``source``, ``topic``, ``label``, ``units``, ``documents``, ``share`` (of the source's
        units); a missing source reads ``"(unknown)"``.
    """
    return topics_per_class(result, "source", include_outliers=include_outliers)


#: The class of a document whose value is missing or empty.
UNKNOWN = "(unknown)"


def topics_per_class(
    result: TopicResult,
    by: str,
    *,
    corpus: pd.DataFrame | None = None,
    include_outliers: bool = False,
) -> pd.DataFrame:
    """Units per topic per class of a document column: outlet, text kind, any column.

    Args:
        result: A fitted topic model or a view (``result.subset(...)``).
        by: A column of the corpus the model was fit on (``"source"``, ``"text_kind"``,
            ``"author"``, a column of the researcher's own), or of ``corpus``. A list cell
            (``tags``) counts the unit once for each of its values.
        corpus: A table with ``doc_id`` and ``by``, for a column added after fitting (the
            corpus itself, or any table keyed by ``doc_id``).
        include_outliers: Keep topic -1 rows.

    Returns:
        ``<by>``, ``topic``, ``label``, ``units``, ``documents``, ``share`` (of the class's
        units); a missing value reads ``"(unknown)"``; ``attrs["by"]`` names the column.

    Raises:
        InputError: ``by`` is no column (the message lists those there are).
    """
    from workbench.topics.views import documents_of

    docs = documents_of(result) if corpus is None else corpus
    if "doc_id" not in docs.columns or by not in docs.columns:
        raise _no_column(by, docs, from_corpus=corpus is not None)
    values = docs.drop_duplicates("doc_id").set_index("doc_id")[by]
    frame = _with_topics(result)
    frame[by] = frame["doc_id"].map(values)
    if frame[by].map(is_list_cell).any():
        frame = frame.explode(by, ignore_index=True)
    frame[by] = _classes(frame[by])
    columns = [by, "topic", "label", "units", "documents", "share"]
    if frame.empty:
        out = pd.DataFrame(columns=columns)
    else:
        out = _counts(frame, [by], include_outliers)[columns]
    out.attrs["by"] = by
    return out


def _classes(values: pd.Series) -> pd.Series:
    """Missing and empty values as ``"(unknown)"``; mixed types as text, so they sort."""
    blank = values.isna() | values.astype(str).str.strip().eq("")
    if not blank.any():
        return values
    out = values.astype(object).where(~blank, UNKNOWN)
    return out if out.map(type).nunique() == 1 else out.astype(str)


def _no_column(by: str, docs: pd.DataFrame, *, from_corpus: bool) -> InputError:
    import difflib

    known = [str(c) for c in docs.columns if c != "doc_id"]
    close = difflib.get_close_matches(str(by), known, n=3, cutoff=0.5)
    hint = f"closest: {', '.join(map(repr, close))}; " if close else ""
    where = "the table given as corpus=" if from_corpus else "the topic result's documents"
    if from_corpus and "doc_id" not in docs.columns:
        return InputError("topics_per_class(corpus=...): the table has no 'doc_id' column")
    return InputError(
        f"by={by!r}: {where} have no such column ({hint}columns: {', '.join(known) or 'none'}); "
        "for a column added to the corpus after fitting, pass corpus=that_table "
        "(with doc_id and the column)"
    )


def _counts(frame: pd.DataFrame, by: list[str], include_outliers: bool) -> pd.DataFrame:
    totals = frame.groupby(by, observed=True)["unit_id"].count().rename("total")
    if not include_outliers:
        frame = frame[frame["topic"] != -1]
    out = (
        frame.groupby([*by, "topic", "label"], observed=True)
        .agg(units=("unit_id", "count"), documents=("doc_id", "nunique"))
        .reset_index()
    )
    out = out.merge(totals, left_on=by, right_index=True)
    out["share"] = (out["units"] / out["total"]).round(4)
    return out.sort_values(
        [*by, "units", "topic"], ascending=[True] * len(by) + [False, True], ignore_index=True
    ).drop(columns="total")


def topics_by_actor(
    result: TopicResult, mentions: pd.DataFrame, *, top: int | None = 10
) -> pd.DataFrame:
    """Which actors dominate which topic: mentions joined to topics by unit.

    A mention counts for the unit it falls in: its document (document units), its
    paragraph (paragraph units) or its sentence (sentence units).

    Args:
        result: A fitted topic model.
        mentions: One row per mention, with ``doc_id``, ``actor`` and, for paragraph or
            sentence units, ``paragraph_id`` / ``sentence_id`` (as :func:`workbench.segment`
            names them).
        top: Actors kept per topic (None keeps all).

    Returns:
        ``topic``, ``label``, ``actor``, ``mentions``, ``units`` (units mentioning the actor),
        ``share`` (of the topic's mentions) and ``lift`` (that share over the actor's share of
        all mentions: above 1, the actor is over-represented in the topic).

    Raises:
        MissingColumnError: When ``mentions`` lacks the column the join needs.
    """
    key = {"document": "doc_id", "paragraph": "paragraph_id", "sentence": "sentence_id"}[
        result.settings.unit
    ]
    require_columns(
        mentions,
        [key, "actor"],
        table="mentions",
        hint=f"topics were fit on {result.settings.unit} units, so mentions are joined on "
        f"{key!r}; pass the mentions of extract_actors(corpus)",
    )
    units = result.units[["unit_id", "doc_id", "paragraph_id", "sentence_id"]].merge(
        result.doc_topics[["unit_id", "topic"]], on="unit_id"
    )
    joined = mentions[[key, "actor"]].dropna().merge(units[[key, "unit_id", "topic"]], on=key)
    joined = joined[joined["topic"] != -1]
    columns = ["topic", "label", "actor", "mentions", "units", "share", "lift"]
    if joined.empty:
        return pd.DataFrame(columns=columns)
    out = (
        joined.groupby(["topic", "actor"])
        .agg(mentions=("unit_id", "size"), units=("unit_id", "nunique"))
        .reset_index()
    )
    out["share"] = out["mentions"] / out.groupby("topic")["mentions"].transform("sum")
    overall = out.groupby("actor")["mentions"].sum() / out["mentions"].sum()
    out["lift"] = (out["share"] / out["actor"].map(overall)).round(3)
    out["share"] = out["share"].round(4)
    out["label"] = out["topic"].map(result.labels())
    out = out.sort_values(
        ["topic", "mentions", "actor"], ascending=[True, False, True], ignore_index=True
    )
    if top is not None:
        out = out.groupby("topic", group_keys=False).head(top).reset_index(drop=True)
    return out[columns]


def topic_similarity(result: TopicResult) -> pd.DataFrame:
    """Cosine similarity of every pair of topics' mean embeddings (outliers left out).

    Returns:
        ``topic_a``, ``label_a``, ``topic_b``, ``label_b``, ``similarity`` for every ordered pair.
    """
    info = result.topic_info.reset_index(drop=True)
    keep = info.index[info["topic"] != -1]
    c = result.centroids[keep]
    sims = c @ c.T
    labels = info.loc[keep, "label"].tolist()
    topics = info.loc[keep, "topic"].tolist()
    rows = [
        (topics[i], labels[i], topics[j], labels[j], round(float(sims[i, j]), 4))
        for i in range(len(topics))
        for j in range(len(topics))
    ]
    return pd.DataFrame(rows, columns=["topic_a", "label_a", "topic_b", "label_b", "similarity"])


def document_map(
    result: TopicResult, *, seed: int | None = None, use_cache: bool = True
) -> pd.DataFrame:
    """Two-dimensional coordinates of every unit, for a map of the corpus.

    UMAP (seeded, cached) from 40 units on, principal components below.

    Returns:
        ``unit_id``, ``doc_id``, ``x``, ``y``, ``topic``, ``label``, ``text``.
    """
    from workbench.topics.models import MIN_UNITS_FOR_CLUSTERING, CachedUMAP

    columns = ["unit_id", "doc_id", "x", "y", "topic", "label", "text"]
    if result.doc_topics.empty:  # an empty view
        return pd.DataFrame(columns=columns)
    emb = result.embeddings if result.embeddings is not None else _re_embed(result)
    seed = result.settings.seed if seed is None else seed
    if len(emb) >= MIN_UNITS_FOR_CLUSTERING:
        xy = CachedUMAP(
            n_neighbors=min(15, len(emb) - 1),
            n_components=2,
            seed=seed,
            min_dist=0.1,
            use_cache=use_cache,
        ).fit_transform(emb)
    else:
        xy = _pca2(emb)
    out = result.doc_topics[["unit_id", "doc_id", "topic"]].copy()
    out["x"], out["y"] = np.round(xy[:, 0], 4), np.round(xy[:, 1], 4)
    out["label"] = out["topic"].map(result.labels())
    out["text"] = result.units["text"].to_numpy()
    return out[["unit_id", "doc_id", "x", "y", "topic", "label", "text"]]


def _pca2(x: np.ndarray) -> np.ndarray:
    centred = x - x.mean(axis=0)
    if len(x) < 2:
        return np.zeros((len(x), 2))
    u, s, _ = np.linalg.svd(centred, full_matrices=False)
    xy = u[:, :2] * s[:2]
    return np.pad(xy, ((0, 0), (0, 2 - xy.shape[1])))


def _re_embed(result: TopicResult) -> np.ndarray:
    """The unit embeddings of a loaded model, from the embedding cache where possible."""
    from workbench.topics.embeddings import Embedder

    texts = result.units["text"].tolist()
    result.embeddings = Embedder(result.settings.embedding).fit(texts).embed(texts)
    return result.embeddings


__all__ = [
    "UNKNOWN",
    "document_map",
    "topic_similarity",
    "topics_by_actor",
    "topics_over_time",
    "topics_per_class",
    "topics_per_source",
]
