"""Topics: BERTopic fitted on a corpus, offline, at any size, reproducibly.

:func:`fit_topics` cuts a corpus into units (documents, paragraphs or
sentences), embeds them (:mod:`workbench.topics.embeddings`, cached), fits BERTopic
with size-adaptive defaults (:mod:`workbench.topics.models`) and returns a
:class:`TopicResult` of tidy tables: ``doc_topics`` (one row per unit),
``topic_info`` (one row per topic, with a readable label, top words and
weights, and representative passages), ``topic_words`` and
``representatives`` (built in :mod:`workbench.topics.summary`). Tables over
time, per source and per actor are in :mod:`workbench.topics.tables`; saving
and loading in :mod:`workbench.topics.result`.

A corpus too small for UMAP + HDBSCAN is modelled with k-means (or as one
topic) and the result says so in ``notes``. The same input and seed give the
same topics on the same machine, and a fit is cached whole (:func:`fit_key`): the
same call again reads its tables back without importing BERTopic, torch or the
embedding model.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

import numpy as np
import pandas as pd

from workbench import config
from workbench.core import cache, pool
from workbench.core.errors import InputError
from workbench.corpus.inputs import CorpusLike, as_corpus
from workbench.corpus.segments import segment
from workbench.topics import models as topic_models
from workbench.topics.assign import assign_rest, sample_indices, sample_note
from workbench.topics.result import TopicResult, read_fit, write_fit

Unit = Literal["auto", "document", "paragraph", "sentence"]

#: ``unit="auto"`` models paragraphs below this many documents, whole documents from it on.
AUTO_DOCUMENT_THRESHOLD = 300
#: Units shorter than this (in words) are headings, bylines or captions and are not modelled.
MIN_UNIT_WORDS = {"document": 1, "paragraph": 8, "sentence": 5}

UNIT_COLUMNS = [
    "unit_id",
    "doc_id",
    "paragraph_id",
    "sentence_id",
    "text",
    "title",
    "date",
    "source",
]


def fit_topics(
    corpus: CorpusLike,
    *,
    unit: Unit = "auto",
    embedding: str | None = None,
    min_topic_size: int | None = None,
    nr_topics: int | Literal["auto"] | None = None,
    reduce_outliers: bool = False,
    max_windows: int | Literal["auto"] | None = "auto",
    fit_sample: int | None = None,
    seed: int = config.DEFAULT_SEED,
    use_cache: bool = True,
    progress: bool | None = None,
) -> TopicResult:
    """Fit a topic model on a corpus.

    Args:
        corpus: A corpus table (``doc_id``, ``text``; ``date``, ``source``, ``title`` used when
            present), an ``Ingest``, or a file or folder :func:`workbench.ingest` reads
            (see :func:`workbench.corpus.inputs.as_corpus`).
        unit: ``document``, ``paragraph``, ``sentence`` or ``auto`` (paragraphs below
            :data:`AUTO_DOCUMENT_THRESHOLD` documents, documents from there on; the first
            note says which it chose and why). To compare part of a corpus with the whole,
            fit the whole once and take ``result.subset(...)``: fitting the part alone may
            choose another unit, and gives other topics.
        embedding: ``None`` (the default, ``"static"``: a model2vec model distilled offline
            from the bundled all-MiniLM-L6-v2, every word embedded, fast), ``"minilm"``
            (all-MiniLM-L6-v2 through sentence-transformers, every 254-token window
            mean-pooled; slower, see ``max_windows``), ``"tfidf"`` (no torch), or a local
            folder holding a model2vec or a sentence-transformers model. The notes say
            what was embedded.
        min_topic_size: Smallest topic, in units; default adapts to the corpus size.
        nr_topics: Merge topics down to this many (the outlier topic counted, as in BERTopic),
            ``"auto"``, or None to keep what HDBSCAN finds.
        reduce_outliers: Move outlier units to their nearest topic (by embedding).
        max_windows: For sentence-transformers embeddings (``"minilm"``, a model folder):
            windows of 254 tokens embedded per unit, from its start; None embeds every word.
            ``"auto"``: every window, except for corpora of :data:`LEAD_ONLY_FROM` documents
            or more, where each document is embedded from its first :data:`LEAD_WINDOWS`
            window(s) (headline and lead, about 190 words each): a transformer's embedding is
            most of the cost of a large corpus. A note says so whenever it applies. Static
            and TF-IDF embeddings embed every word whatever this says.
        fit_sample: Fit the model on a random sample of this many units (drawn with ``seed``)
            and assign every other unit the topic the fitted model predicts for it, in
            parallel (on the Dask cluster when one is active); see
            :mod:`workbench.topics.assign`. None, or more than the units, fits on all.
        seed: Seed of UMAP, k-means, the SVD and the sample; same input and seed, same topics.
        use_cache: Reuse the cached fit of the same units, embedding and parameters (read
            without importing BERTopic; the model loads on first use), else cached
            embeddings and UMAP reductions; store the fit.
        progress: Show a progress bar while embedding; None (default): when someone watches,
            a notebook or a terminal, not in a report (:func:`workbench.core.pool.show_progress`).

    Returns:
        The :class:`TopicResult`.

    Raises:
        MissingColumnError: The corpus table has no ``doc_id`` or ``text`` column.
        ValueError: An unknown ``unit``, bad parameters, or no text long enough to model.
    """
    from workbench.topics.embeddings import Embedder, resolve_model

    corpus = as_corpus(corpus)
    notes: list[str] = []
    level = resolve_unit(unit, corpus)
    if unit == "auto":
        notes.append(auto_unit_note(level, len(corpus)))
    units = make_units(corpus, level, notes)
    fitted = sample_indices(len(units), fit_sample, seed)
    windowed = resolve_model(embedding).kind == "sentence-transformers"
    windows = resolve_windows(max_windows, level, len(units), notes, windowed=windowed)
    embedder = Embedder(embedding, use_cache=use_cache, progress=progress, max_windows=windows)
    if embedder.note:
        notes.append(embedder.note)
    notes.append(embedder.describe(level))
    embedder.fit(units["text"].tolist())
    key = fit_key(
        units, embedder, notes, min_topic_size, nr_topics, reduce_outliers, fit_sample, seed
    )
    folder = config.cache_dir("topic_fits") / key if use_cache else None
    if folder is not None and (cached := read_fit(folder)) is not None:
        cached.documents = document_table(corpus)
        return cached
    # One bar over the steps (the embedding bar runs inside it and leaves no trace).
    with pool.steps(3 + (fitted is not None), "topics", show=progress) as step:
        step("embeddings")
        embeddings = embedder.embed(units["text"].tolist())
        fit_units, fit_embeddings = _sample(units, embeddings, fitted)
        step("clustering")
        settings = topic_models.choose_settings(
            len(fit_units),
            unit=level,
            embedding=embedder.name,
            min_topic_size=min_topic_size,
            nr_topics=nr_topics,
            seed=seed,
        )
        if fitted is not None:
            settings = dataclasses.replace(settings, fit_sample=len(fitted))
        model, topics, probs, settings = _fit(
            fit_units, fit_embeddings, settings, embedder, notes, use_cache
        )
        if reduce_outliers:
            topics, probs = _reduce_outliers(model, fit_units, fit_embeddings, topics, probs, notes)
        if fitted is not None:
            step("assigning")
            topics, probs, moved = assign_rest(
                model, embeddings, fitted, topics, probs, reduce_outliers=reduce_outliers
            )
            notes.append(sample_note(len(fitted), len(units), seed, settings.method, moved))
            settings = dataclasses.replace(settings, n_units=len(units))
        step("tables")
        result = assemble(model, units, embeddings, np.asarray(topics), probs, settings, notes)
    result.documents = document_table(corpus)
    if folder is not None:
        write_fit(result, folder)
    return result


#: Bumped when fitting or its tables change, so that cached fits of older code are not reused.
FIT_VERSION = "1"
#: Packages whose versions a cached fit depends on.
FIT_PACKAGES = ("bertopic", "umap-learn", "hdbscan", "scikit-learn", "numpy")


def fit_key(units: pd.DataFrame, embedder, notes: list[str], *params) -> str:
    """The cache key of a fit: the units, the embedding model, the parameters, the packages.

    Args:
        units: The units to model (every column: they are part of the result).
        embedder: The fitted :class:`~workbench.topics.embeddings.Embedder`.
        notes: The notes so far (they record what was decided before the fit).
        *params: The fit's parameters.
    """
    from importlib import metadata

    versions = []
    for name in FIT_PACKAGES:
        try:
            versions.append(metadata.version(name))
        except metadata.PackageNotFoundError:
            versions.append("-")
    columns = [units[c].astype(str).tolist() for c in UNIT_COLUMNS]
    return cache.key(FIT_VERSION, embedder.model_key, notes, params, versions, *columns)


#: From this many document units, ``max_windows="auto"`` embeds the lead of each document
#: only, with a sentence-transformers model (a static model embeds every word at any size).
LEAD_ONLY_FROM = 2_000
#: Windows embedded per document when only the lead is embedded.
LEAD_WINDOWS = 1


def resolve_windows(
    max_windows: int | Literal["auto"] | None,
    level: str,
    n_units: int,
    notes: list[str],
    *,
    windowed: bool = True,
) -> int | None:
    """The windows per unit to embed: ``"auto"`` picks the lead from a large corpus on.

    ``"auto"`` embeds every window of paragraph and sentence units and of fewer than
    :data:`LEAD_ONLY_FROM` documents, else each document's first :data:`LEAD_WINDOWS`
    windows (and appends a note saying so to ``notes``); a number or None is kept.
    ``windowed=False`` (static and TF-IDF embeddings, which have no windows): None.
    """
    if not windowed:
        return None
    if max_windows != "auto":
        return max_windows
    if level != "document" or n_units < LEAD_ONLY_FROM:
        return None
    first = "window" if LEAD_WINDOWS == 1 else f"{LEAD_WINDOWS} windows"
    notes.append(
        f"{n_units:,} documents: each embedded from its first {first} of 254 tokens "
        f"(about {190 * LEAD_WINDOWS} words: headline and lead); pass max_windows=None "
        "to embed every word, at several times the cost, or use the default static embedding"
    )
    return LEAD_WINDOWS


def auto_unit_note(level: str, n_docs: int) -> str:
    """Why ``unit="auto"`` chose ``level`` for a corpus of ``n_docs`` documents (a fit's note)."""
    t = AUTO_DOCUMENT_THRESHOLD
    if level == "document":
        why = f"{n_docs:,} documents, {t:,} or more (below {t:,}, paragraphs are modelled)"
        other = "paragraph"
    else:
        why = (
            f"{n_docs:,} documents, fewer than {t:,} (from {t:,} on, whole documents are modelled)"
        )
        other = "document"
    return (
        f"unit='auto' modelled {level}s: the corpus has {why}; pass unit='{other}' or "
        f"unit='{level}' to choose. To look at part of a corpus, fit the whole once and use "
        "result.subset(...), which keeps its unit and topics"
    )


#: Corpus columns left out of a result's document table (the text is in the units).
TEXT_COLUMNS = ("text", "text_raw")


def document_table(corpus: pd.DataFrame) -> pd.DataFrame:
    """The corpus without its text: one row per document, for subsets and per-class tables."""
    return corpus.drop(columns=[c for c in TEXT_COLUMNS if c in corpus.columns])


def resolve_unit(unit: str, corpus: pd.DataFrame) -> str:
    """The unit of analysis for ``unit`` (``auto`` decides by the number of documents)."""
    if unit not in ("auto", "document", "paragraph", "sentence"):
        raise InputError(f"unit={unit!r}: choose 'auto', 'document', 'paragraph' or 'sentence'")
    if unit != "auto":
        return unit
    return "paragraph" if len(corpus) < AUTO_DOCUMENT_THRESHOLD else "document"


def make_units(corpus: pd.DataFrame, level: str, notes: list[str] | None = None) -> pd.DataFrame:
    """The units to model: duplicates and very short units left out (and said so in ``notes``).

    Raises:
        InputError: When no unit is left.
    """
    notes = [] if notes is None else notes
    if "duplicate_of" in corpus.columns and corpus["duplicate_of"].notna().any():
        n_dup = int(corpus["duplicate_of"].notna().sum())
        corpus = corpus[corpus["duplicate_of"].isna()]
        notes.append(
            f"{n_dup} duplicate document(s) left out (see the corpus' duplicate_of column)"
        )
    if level == "document":
        units = corpus[["doc_id", "text"]].assign(
            unit_id=corpus["doc_id"], paragraph_id=pd.NA, sentence_id=pd.NA
        )
    else:
        units = segment(corpus, level)
    meta = corpus.set_index("doc_id")
    for col in ("title", "date", "source"):
        units[col] = units["doc_id"].map(meta[col]) if col in meta.columns else pd.NA
    n_words = units["text"].fillna("").str.split().str.len()
    short = n_words < MIN_UNIT_WORDS[level]
    if short.any():
        n, limit = int(short.sum()), MIN_UNIT_WORDS[level]
        notes.append(
            f"{n} empty {level}(s) left out"
            if limit <= 1
            else f"{n} {level}(s) under {limit} words (headings, bylines, captions) left out"
        )
    units = units[~short].reset_index(drop=True)[UNIT_COLUMNS]
    if units.empty:
        raise InputError(
            f"no {level} with {MIN_UNIT_WORDS[level]} words or more to model; "
            "check the corpus' text column or try unit='document'"
        )
    return units


def _sample(units: pd.DataFrame, embeddings: np.ndarray, fitted: np.ndarray | None):
    """The units (and their embeddings) at positions ``fitted``; all of them for None."""
    if fitted is None:
        return units, embeddings
    return units.iloc[fitted].reset_index(drop=True), embeddings[fitted]


def _fit(units, embeddings, settings, embedder, notes, use_cache):
    """Fit BERTopic; k-means instead when the corpus is too small or HDBSCAN finds < 2 topics."""
    texts = units["text"].tolist()
    vocab = topic_models.vocabulary(texts, settings.min_df)
    backend = topic_models.embedding_backend(embedder)
    if settings.method != "bertopic":
        notes.append(_small_note(settings))
    model = topic_models.build_bertopic(settings, backend, vocab, use_cache=use_cache)
    topics, probs = model.fit_transform(texts, embeddings)
    if settings.method == "bertopic" and len(set(topics) - {-1}) < 2:
        k = int(min(6, max(2, round(len(texts) / 8))))
        notes.append(
            f"HDBSCAN found {len(set(topics) - {-1})} topic(s) in {len(texts)} units; "
            f"k-means with {k} topics is used instead (lower min_topic_size to retry HDBSCAN)"
        )
        settings = dataclasses.replace(settings, method="kmeans", n_clusters=k, nr_topics=None)
        model = topic_models.build_bertopic(settings, backend, vocab, use_cache=use_cache)
        topics, probs = model.fit_transform(texts, embeddings)
    return model, topics, probs, settings


def _small_note(settings: topic_models.TopicSettings) -> str:
    if settings.method == "single":
        return f"only {settings.n_units} units: too few to cluster, so they form a single topic"
    return (
        f"only {settings.n_units} units (UMAP + HDBSCAN need about "
        f"{topic_models.MIN_UNITS_FOR_CLUSTERING}): k-means with {settings.n_clusters} topics is "
        "used instead"
    )


def _reduce_outliers(model, units, embeddings, topics, probs, notes):
    """Move outliers to their nearest topic by embedding, then recompute the topic words."""
    n_out = sum(t == -1 for t in topics)
    if n_out == 0:
        return topics, probs
    texts = units["text"].tolist()
    new = model.reduce_outliers(texts, topics, strategy="embeddings", embeddings=embeddings)
    with topic_models.quiet_bertopic():
        model.update_topics(
            texts,
            topics=new,
            vectorizer_model=model.vectorizer_model,
            ctfidf_model=model.ctfidf_model,
            representation_model=model.representation_model,
        )
    moved = sum(a == -1 and b != -1 for a, b in zip(topics, new, strict=True))
    notes.append(f"outlier reduction moved {moved} of {n_out} outlier units to their nearest topic")
    probs = None if probs is None else np.where(np.asarray(topics) == -1, np.nan, probs)
    return new, probs


# ----------------------------------------------------------------------------- result


def assemble(model, units, embeddings, topics, probs, settings, notes) -> TopicResult:
    """Build the :class:`TopicResult` from a fitted model and its unit topics."""
    from workbench.topics.summary import summarise

    tables = summarise(model, units, embeddings, np.asarray(topics), probs)
    _set_model_labels(model, tables["topic_info"])
    share = float((np.asarray(topics) == -1).mean())
    if share > 0 and settings.method == "bertopic":
        notes.append(
            f"{share:.0%} of units are outliers (topic -1); pass reduce_outliers=True "
            "(--reduce-outliers) to assign them to their nearest topic"
        )
    return TopicResult(
        model=model, units=units, settings=settings, notes=notes, embeddings=embeddings, **tables
    )


def _set_model_labels(model, topic_info: pd.DataFrame) -> None:
    """Give the model the result's labels (``model.get_topic_info()["CustomName"]``)."""
    labels = dict(zip(topic_info["topic"], topic_info["label"], strict=True))
    topics = sorted(set(getattr(model, "topics_", None) or []))
    if topics and all(t in labels for t in topics):
        model.set_topic_labels([labels[t] for t in topics])


__all__ = [
    "TopicResult",
    "assemble",
    "auto_unit_note",
    "document_table",
    "fit_topics",
    "make_units",
    "resolve_unit",
]
