"""Fitting on a sample and assigning the rest: topics for corpora too large to fit whole.

``fit_topics(..., fit_sample=N)`` fits the model on a seeded random sample of N units
(:func:`sample_indices`) and gives every other unit the topic the fitted model predicts
for it (:func:`assign_rest`): BERTopic's own ``transform`` path on the unit's embedding,
that is the fitted UMAP's ``transform`` and HDBSCAN's approximate prediction (or
k-means' nearest centre when the sample was too small for UMAP + HDBSCAN), mapped onto
the fitted topics after any ``nr_topics`` merging (:class:`Predictor`). The fit costs
what a fit on N units costs; assignment is linear in the units and runs in parallel:
on the Dask cluster when one is active, else over local processes (never more than
the cores) once there are enough units to repay starting them. Each worker receives
the fitted model once.

Units are assigned in chunks of :data:`CHUNK_UNITS`. UMAP's transform of a chunk draws
its random numbers per chunk, so the chunks are fixed by the unit order alone: the same
seed gives the same topics whether one process, two or a cluster did the work.

Local workers are fresh interpreters (``spawn``), not forks: UMAP's numba code runs on
GNU OpenMP threads, and a process forked after that aborts as soon as it uses them.
"""

from __future__ import annotations

import warnings

import numpy as np

from workbench.core import distributed, pool
from workbench.core.errors import InputError
from workbench.topics import models as topic_models

#: Units per assignment chunk (at most 10,000, where UMAP's transform changes its epochs).
CHUNK_UNITS = 2_000
#: Units from which ``workers=None`` assigns over local processes: a fresh worker takes
#: seconds to import UMAP and compile its transform, about what 10,000 units take to assign.
PARALLEL_FROM = 40_000


def sample_indices(n_units: int, fit_sample: int | None, seed: int) -> np.ndarray | None:
    """The positions of the units to fit on, sorted: a seeded draw without replacement.

    Args:
        n_units: Units modelled.
        fit_sample: Units to fit on; None, or ``n_units`` or more, fits on every unit.
        seed: The fit's seed (the same seed draws the same sample).

    Returns:
        The sorted positions, or None when every unit is fitted on.

    Raises:
        InputError: ``fit_sample`` below 2.
    """
    if fit_sample is None:
        return None
    if isinstance(fit_sample, bool) or not isinstance(fit_sample, int | np.integer):
        raise InputError(f"fit_sample={fit_sample!r}: give a number of units, or None for all")
    if fit_sample < 2:
        raise InputError(f"fit_sample={fit_sample}: fit on at least 2 units, or None for all")
    if fit_sample >= n_units:
        return None
    rng = np.random.default_rng(seed)
    return np.sort(rng.choice(n_units, size=int(fit_sample), replace=False))


class Predictor:
    """The fitted parts of a BERTopic model that predict the topic of an embedding.

    What ``BERTopic.transform(docs, embeddings)`` does with the models
    :func:`~workbench.topics.models.build_bertopic` builds, step for step: the fitted
    UMAP's ``transform`` (none for k-means, which clusters the embeddings themselves),
    HDBSCAN's ``approximate_predict`` (k-means' ``predict``), then the fitted model's
    mapping from clusters to topics. A model loaded from disk has neither UMAP nor
    HDBSCAN; BERTopic then takes the topic whose embedding is most similar (cosine),
    and so does this. It holds no embedding model and imports no BERTopic, so that it
    pickles small and a worker process starts quickly.

    Args:
        model: A fitted BERTopic model. Its cached UMAP is fitted here if its reduction
            came from the cache, so that workers never fit it.
    """

    def __init__(self, model) -> None:
        reducer = model.umap_model
        if isinstance(reducer, topic_models.CachedUMAP):
            reducer = reducer.fitted_umap()
        elif type(reducer).__name__ == "BaseDimensionalityReduction":  # BERTopic's identity
            reducer = None
        self.reducer = reducer
        self.clusterer = model.hdbscan_model
        self.approximate = type(self.clusterer).__module__.startswith("hdbscan")
        mapping = model.topic_mapper_.get_mappings(original_topics=True)
        self.mapping = {int(k): int(v) for k, v in mapping.items()}
        self.topic_vectors: np.ndarray | None = None
        if type(self.clusterer).__name__ == "BaseCluster":  # a loaded model: no clusterer
            self.topic_vectors = np.asarray(model.topic_embeddings_)
            self.first_topic = -1 if -1 in set(model.topics_) else 0

    def predict(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        """Topics (-1: outlier) and their probabilities (None for k-means) of ``x``.

        The probabilities are HDBSCAN's membership strengths, or for a loaded model the
        cosine similarity to the topic's embedding.
        """
        if self.topic_vectors is not None:
            from sklearn.metrics.pairwise import cosine_similarity

            sim = cosine_similarity(x, self.topic_vectors)
            return sim.argmax(axis=1) + self.first_topic, sim.max(axis=1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            y = x if self.reducer is None else self.reducer.transform(x)
            if self.approximate:
                import hdbscan

                labels, strengths = hdbscan.approximate_predict(self.clusterer, y)
            else:
                labels, strengths = self.clusterer.predict(y), None
        topics = np.array([self.mapping.get(int(t), -1) for t in labels], dtype=int)
        return topics, None if strengths is None else np.asarray(strengths, dtype=float)


def assign_rest(
    model,
    embeddings: np.ndarray,
    fitted: np.ndarray,
    topics,
    probs,
    *,
    reduce_outliers: bool = False,
) -> tuple[np.ndarray, np.ndarray | None, int]:
    """Every unit's topic: the fitted units' own, the others assigned by the fitted model.

    Args:
        model: The BERTopic model fitted on the units at positions ``fitted``.
        embeddings: Embeddings of all units.
        fitted: Positions of the fitted units (from :func:`sample_indices`).
        topics: The fitted units' topics, in ``fitted`` order.
        probs: Their probabilities, or None.
        reduce_outliers: Move assigned outliers to their nearest topic (:func:`nearest_topics`),
            as the fit did with its own.

    Returns:
        Topics and probabilities of all units (NaN where none is given), and the number
        of assigned outliers moved.
    """
    n = len(embeddings)
    rest = np.setdiff1d(np.arange(n), fitted)
    new_topics, new_probs = assign_topics(model, embeddings[rest])
    moved = 0
    if reduce_outliers and (out := new_topics == -1).any():
        new_topics[out] = nearest_topics(model, embeddings[rest][out])
        moved = int((new_topics[out] != -1).sum())
        if new_probs is not None:
            new_probs[out] = np.nan
    all_topics = np.empty(n, dtype=int)
    all_topics[fitted], all_topics[rest] = np.asarray(topics, dtype=int), new_topics
    if probs is None and new_probs is None:
        return all_topics, None, moved
    all_probs = np.full(n, np.nan)
    if probs is not None and np.ndim(probs) == 1:
        all_probs[fitted] = np.asarray(probs, dtype=float)
    if new_probs is not None:
        all_probs[rest] = new_probs
    return all_topics, all_probs, moved


def assign_topics(
    model,
    embeddings: np.ndarray,
    *,
    workers: int | None = None,
    chunk_units: int = CHUNK_UNITS,
) -> tuple[np.ndarray, np.ndarray | None]:
    """The topic the fitted model predicts for each row of ``embeddings``.

    Args:
        model: A fitted BERTopic model, or its :class:`Predictor`.
        embeddings: Unit embeddings, one row per unit.
        workers: Local processes, capped at the cores (:func:`workbench.core.pool.processes`);
            default: every core from :data:`PARALLEL_FROM` units on, else this process.
            Ignored when a Dask cluster is active: the chunks are mapped on its workers.
        chunk_units: Units per chunk; the result depends on it, never on ``workers``.

    Returns:
        The topic of every row (-1: outlier) and HDBSCAN's membership strength of it,
        or None where the model gives none (k-means).
    """
    if not len(embeddings):
        return np.zeros(0, dtype=int), None
    predictor = model if isinstance(model, Predictor) else Predictor(model)
    x = np.asarray(embeddings, dtype=np.float32)
    chunks = [x[i : i + chunk_units] for i in range(0, len(x), chunk_units)]
    if distributed.current_client() is not None:
        parts = list(distributed.map_batches(_predict, chunks, predictor))
    else:
        wanted = workers if workers is not None else (None if len(x) >= PARALLEL_FROM else 1)
        n = pool.processes(wanted, len(chunks))
        if n < 2:
            parts = [predictor.predict(c) for c in chunks]
        else:
            with pool.spawn_pool(n, len(chunks), _install, (predictor,)) as executor:
                parts = list(executor.map(_predict_installed, chunks))
    topics = np.concatenate([t for t, _ in parts])
    if any(p is None for _, p in parts):
        return topics, None
    return topics, np.concatenate([p for _, p in parts])


def _predict(x: np.ndarray, predictor: Predictor) -> tuple[np.ndarray, np.ndarray | None]:
    """One chunk on a Dask worker."""
    return predictor.predict(x)


_installed: Predictor | None = None


def _install(predictor: Predictor) -> None:
    """Keep the predictor in a worker process, with UMAP's numba cache, one thread each."""
    global _installed
    import numba
    from threadpoolctl import threadpool_limits

    topic_models.import_umap()  # numba's disk cache for UMAP's code, as in the parent
    numba.set_num_threads(1)
    threadpool_limits(1)
    _installed = predictor


def _predict_installed(x: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """One chunk in a local worker process."""
    if _installed is None:
        raise RuntimeError("an assignment worker started without its model (see _install)")
    return _installed.predict(x)


def nearest_topics(model, embeddings: np.ndarray) -> np.ndarray:
    """Each row's most similar topic by cosine to the model's topic embeddings.

    BERTopic's ``"embeddings"`` outlier strategy: -1 where no topic is similar at all.
    """
    real = sorted(set(model.topics_) - {-1})
    vectors = np.asarray(model.topic_embeddings_)[-len(real) :]
    x = embeddings / np.maximum(np.linalg.norm(embeddings, axis=1, keepdims=True), 1e-12)
    v = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    sim = x @ v.T
    best = np.asarray(real)[sim.argmax(axis=1)]
    return np.where(sim.max(axis=1) > 0, best, -1)


def sample_note(n_fit: int, n_units: int, seed: int, method: str, moved: int = 0) -> str:
    """The note of a fit on a sample: what was fitted, how the rest was assigned."""
    how = (
        "UMAP's transform, then HDBSCAN's approximate prediction"
        if method == "bertopic"
        else "the nearest k-means centre"
    )
    note = (
        f"fitted on {n_fit:,} of {n_units:,} units (seed {seed}); the rest assigned with the "
        f"fitted model ({how}); topic words come from the sample, topic sizes, shares and "
        "representative passages from all units"
    )
    return note + (f"; {moved:,} assigned outlier(s) moved to their nearest topic" if moved else "")


__all__ = [
    "CHUNK_UNITS",
    "PARALLEL_FROM",
    "Predictor",
    "assign_rest",
    "assign_topics",
    "nearest_topics",
    "sample_indices",
    "sample_note",
]
