"""The parts a topic model is built from, and the defaults that adapt to corpus size.

:func:`choose_settings` picks UMAP neighbours, the minimum topic size and the
vocabulary's ``min_df`` from the number of units, and decides when a corpus is
too small for UMAP + HDBSCAN (k-means, or a single topic, is used instead).
:func:`build_bertopic` assembles the BERTopic model from those settings: a
seeded UMAP whose output is cached (the same embeddings and parameters give the
same reduction, so a re-run skips it), HDBSCAN or k-means, a vocabulary with
English and news stop words, c-TF-IDF that damps words frequent in every topic
(the topic words), and maximal-marginal-relevance words for the labels (a few
words that do not repeat one another). BERTopic, UMAP and HDBSCAN are
imported only inside these functions: BERTopic by :func:`import_bertopic`, without
the representation models that would import ``transformers``, and UMAP by
:func:`import_umap`, whose numba code is compiled once per environment and cached.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any, Literal

import numpy as np

from workbench import config
from workbench.core import cache
from workbench.core.errors import InputError
from workbench.core.imports import without

#: Words that carry no topic in news text, on top of scikit-learn's English list.
NEWS_STOP_WORDS = frozenset(
    """say says said saying told tell tells telling according reported report reports reporting
    reportedly claimed added asked noted stated statement spokesperson spokesman spokeswoman
    mr mrs ms dr also would could should might may must will shall can cannot just like
    one two three four five six seven eight nine ten first second third last next
    year years month months week weeks day days today yesterday tomorrow time times ago
    new news people thing things way lot lots really make makes made going want wants get gets
    got know think come came goes went take took use used need needs including include
    percent per cent million billion thousand hundred
    monday tuesday wednesday thursday friday saturday sunday
    january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    photo photos image images getty caption copyright click subscribe newsletter sign email
    share read advertisement video watch live updated update published follow comment comments
    don doesn didn isn wasn aren weren won wouldn couldn shouldn ve ll re let
    """.split()
)

#: Units below this many never go through UMAP + HDBSCAN (k-means is used instead).
MIN_UNITS_FOR_CLUSTERING = 40
#: HDBSCAN selects leaf clusters below this many units, excess-of-mass clusters from it on.
LEAF_BELOW = 1_000
#: Number of topic words kept per topic.
TOP_N_WORDS = 10
#: Diversity of the maximal-marginal-relevance label words (0 = plain c-TF-IDF order).
MMR_DIVERSITY = 0.3

#: The BERTopic topic aspect the labels are read from.
LABEL_ASPECT = "Label"

Method = Literal["bertopic", "kmeans", "single"]


@dataclass(frozen=True)
class TopicSettings:
    """Every choice a topic fit depends on (recorded with the saved model).

    Attributes:
        unit: ``document``, ``paragraph`` or ``sentence``.
        n_units: Units modelled.
        method: ``bertopic`` (UMAP + HDBSCAN), ``kmeans`` or ``single``.
        n_neighbors: UMAP neighbours.
        n_components: UMAP dimensions.
        min_topic_size: HDBSCAN's minimum cluster size.
        cluster_selection: HDBSCAN's cluster selection, ``leaf`` or ``eom``.
        n_clusters: k for k-means (0 when HDBSCAN decides).
        min_df: Units a word must occur in to be a topic word.
        nr_topics: Reduce to this many topics (BERTopic counts the outlier topic),
            ``"auto"`` or None.
        seed: Random seed of UMAP, k-means and the SVD (and of the sample's draw).
        embedding: The embedding model's name.
        fit_sample: Units the model was fitted on when it was fitted on a sample of the
            ``n_units`` (the rest assigned with the fitted model); None: fitted on all.
    """

    unit: str
    n_units: int
    method: Method
    n_neighbors: int
    n_components: int
    min_topic_size: int
    cluster_selection: str
    n_clusters: int
    min_df: int
    nr_topics: int | str | None
    seed: int
    embedding: str
    fit_sample: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """The settings as a JSON-ready dict."""
        return asdict(self)


def choose_settings(
    n_units: int,
    *,
    unit: str,
    embedding: str,
    min_topic_size: int | None = None,
    nr_topics: int | str | None = None,
    seed: int = config.DEFAULT_SEED,
) -> TopicSettings:
    """Size-adaptive defaults for ``n_units`` units; given values are kept as they are.

    * minimum topic size: the cube root of the unit count, 3 to 100
      (124 paragraphs -> 5, 2,225 documents -> 13, 100,000 -> 46);
    * UMAP neighbours: 15, fewer below 60 units;
    * HDBSCAN's ``leaf`` cluster selection below :data:`LEAF_BELOW` units (on a small
      corpus about one subject, ``eom`` tends to return one topic holding nearly
      everything), ``eom`` from there on;
    * ``min_df``: 1 below 1,000 units, then 2, then one per 10,000 units (at most 10);
    * below :data:`MIN_UNITS_FOR_CLUSTERING` units k-means with about one topic per
      eight units (2 to 6), and a single topic below 6 units.

    Raises:
        InputError: ``min_topic_size`` below 2 or ``nr_topics`` neither a number nor ``"auto"``.
    """
    if min_topic_size is not None and min_topic_size < 2:
        raise InputError(f"min_topic_size={min_topic_size}: a topic needs at least 2 units")
    nr_topics = _check_nr_topics(nr_topics)
    size = min_topic_size or int(min(100, max(3, round(n_units ** (1 / 3)))))
    method: Method = "bertopic"
    n_clusters = 0
    if n_units < 6:
        method, n_clusters = "single", 1
    elif n_units < MIN_UNITS_FOR_CLUSTERING:
        method = "kmeans"
        wanted = nr_topics if isinstance(nr_topics, int) else round(n_units / 8)
        n_clusters = int(min(6, max(2, wanted), n_units - 1))
    return TopicSettings(
        unit=unit,
        n_units=n_units,
        method=method,
        n_neighbors=int(min(15, max(2, n_units // 4))),
        n_components=5,
        min_topic_size=int(size),
        n_clusters=n_clusters,
        cluster_selection="leaf" if n_units < LEAF_BELOW else "eom",
        min_df=1 if n_units < 1_000 else int(min(10, max(2, n_units // 10_000))),
        nr_topics=nr_topics,
        seed=seed,
        embedding=embedding,
    )


def _check_nr_topics(nr_topics: int | str | None) -> int | str | None:
    if nr_topics is None or nr_topics == "auto":
        return nr_topics
    try:
        value = int(nr_topics)
    except (TypeError, ValueError):
        raise InputError(f"nr_topics={nr_topics!r}: give a number of topics or 'auto'") from None
    if value < 2:
        raise InputError(f"nr_topics={value}: give at least 2 (BERTopic counts the outlier topic)")
    return value


def stop_words() -> list[str]:
    """English (scikit-learn) and news stop words, sorted."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return sorted(ENGLISH_STOP_WORDS | NEWS_STOP_WORDS)


def vocabulary(texts: list[str], min_df: int) -> list[str]:
    """The topic-word vocabulary: words in at least ``min_df`` units, stop words left out.

    ``min_df`` counts units, not topics (BERTopic fits its vectorizer on one
    document per topic, where a ``min_df`` above 1 would drop exactly the words
    that make a topic distinctive), so the vocabulary is fixed up front.

    Raises:
        InputError: When the texts hold no word that is not a stop word.
    """
    from sklearn.feature_extraction.text import CountVectorizer

    for df in dict.fromkeys((min(min_df, len(texts)), 1)):
        try:
            vec = CountVectorizer(stop_words=stop_words(), token_pattern=TOKEN_PATTERN, min_df=df)
            return sorted(vec.fit(texts).vocabulary_)
        except ValueError:
            continue
    raise InputError(
        "the texts hold no words outside the stop-word lists: nothing to label topics with"
    )


#: Words of two or more letters: numbers are not topic words, and "Russia's" counts as "russia".
TOKEN_PATTERN = r"(?u)\b[^\W\d_]{2,}\b"


def build_bertopic(settings: TopicSettings, backend, vocab: list[str], *, use_cache: bool = True):
    """A BERTopic model configured from ``settings``.

    Args:
        settings: From :func:`choose_settings`.
        backend: The BERTopic embedding backend (embeds topic-word candidates).
        vocab: From :func:`vocabulary`.
        use_cache: Cache the UMAP reduction.
    """
    import_bertopic()
    from bertopic import BERTopic
    from bertopic.representation import MaximalMarginalRelevance
    from bertopic.vectorizers import ClassTfidfTransformer
    from sklearn.feature_extraction.text import CountVectorizer

    return BERTopic(
        embedding_model=backend,
        umap_model=_reducer(settings, use_cache),
        hdbscan_model=_clusterer(settings),
        vectorizer_model=CountVectorizer(
            vocabulary=vocab, token_pattern=TOKEN_PATTERN, lowercase=True
        ),
        ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
        # Topic words are c-TF-IDF's (the most coherent); labels come from the MMR aspect.
        representation_model={
            LABEL_ASPECT: MaximalMarginalRelevance(diversity=MMR_DIVERSITY, top_n_words=TOP_N_WORDS)
        },
        top_n_words=TOP_N_WORDS,
        min_topic_size=settings.min_topic_size,
        nr_topics=settings.nr_topics if settings.method == "bertopic" else None,
        calculate_probabilities=False,
        # Not English-only cleaning: BERTopic's would glue "Russia's" into "russias" and drop
        # accented letters; the vectorizer's token pattern does the tokenising instead.
        language="multilingual",
        verbose=False,
    )


def _reducer(settings: TopicSettings, use_cache: bool):
    if settings.method != "bertopic":
        import_bertopic()
        from bertopic.dimensionality import BaseDimensionalityReduction

        return BaseDimensionalityReduction()
    return CachedUMAP(
        n_neighbors=settings.n_neighbors,
        n_components=settings.n_components,
        seed=settings.seed,
        use_cache=use_cache,
        # A model fitted on a sample transforms the rest: with a search index, not UMAP's
        # exact distances below 4,096 units (a Python call per pair, ~20 ms per unit).
        searchable=settings.fit_sample is not None,
    )


def _clusterer(settings: TopicSettings):
    if settings.method == "bertopic":
        from hdbscan import HDBSCAN

        return HDBSCAN(
            min_cluster_size=settings.min_topic_size,
            metric="euclidean",
            cluster_selection_method=settings.cluster_selection,
            prediction_data=True,
        )
    from sklearn.cluster import KMeans

    return KMeans(n_clusters=settings.n_clusters, random_state=settings.seed, n_init=10)


def array_hash(x: np.ndarray) -> str:
    """A content hash of an array (shape, dtype and bytes)."""
    x = np.ascontiguousarray(x)
    h = hashlib.blake2b(f"{x.shape}{x.dtype}".encode(), digest_size=12)
    h.update(x.tobytes())
    return h.hexdigest()


class CachedUMAP:
    """Seeded UMAP whose reduction of a given input is cached on disk.

    UMAP with a fixed ``random_state`` is deterministic, so the reduction of the
    same embeddings with the same parameters is read back instead of recomputed.
    New data is transformed by a fitted UMAP, refit (identically) on demand.

    Args:
        n_neighbors: UMAP neighbours.
        n_components: Output dimensions.
        seed: UMAP's random state.
        min_dist: UMAP's minimum distance.
        use_cache: False always computes and writes nothing.
        searchable: Find neighbours with a nearest-neighbour search index (pynndescent) at
            every size, as UMAP does from 4,096 units on, so that ``transform`` of new data
            is fast (UMAP's exact path below that computes distances in Python).
    """

    def __init__(
        self,
        n_neighbors: int = 15,
        n_components: int = 5,
        seed: int = config.DEFAULT_SEED,
        min_dist: float = 0.0,
        use_cache: bool = True,
        searchable: bool = False,
    ) -> None:
        self.params = dict(
            n_neighbors=n_neighbors,
            n_components=n_components,
            min_dist=min_dist,
            metric="cosine",
            random_state=seed,
        )
        if searchable:
            self.params["force_approximation_algorithm"] = True
        self.use_cache = use_cache
        self._umap = None
        self._fit_x: np.ndarray | None = None
        self._fit_hash = ""
        self.embedding_: np.ndarray | None = None

    def fit(self, x: np.ndarray, y=None) -> CachedUMAP:
        """Reduce ``x`` (from the cache when this input was reduced before)."""
        self._fit_x, self._fit_hash = x, array_hash(x)
        path = config.cache_dir("umap") / f"{cache.key(self._fit_hash, self.params)}.npy"
        if self.use_cache and (cached := cache.read_entry(path, _load_array)) is not None:
            self.embedding_ = cached
            return self
        self.embedding_ = self._fitted().embedding_.astype(np.float32)
        if self.use_cache:
            with cache.atomic_path(path) as tmp, open(tmp, "wb") as fh:
                np.save(fh, self.embedding_)
        return self

    def transform(self, x: np.ndarray) -> np.ndarray:
        """The reduction of ``x``: the cached one for the fitted input, else UMAP's transform."""
        if self.embedding_ is not None and array_hash(x) == self._fit_hash:
            return self.embedding_
        return self._fitted().transform(x)

    def fit_transform(self, x: np.ndarray, y=None) -> np.ndarray:
        """Fit on ``x`` and return its reduction."""
        return self.fit(x).embedding_

    def fitted_umap(self):
        """The fitted ``umap.UMAP`` (fitted now, identically, when the reduction was cached)."""
        return self._fitted()

    def _fitted(self):
        if self._umap is None:
            import warnings

            UMAP = import_umap()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self._umap = UMAP(**self.params).fit(self._fit_x)
        return self._umap


def _load_array(path) -> np.ndarray:
    return np.load(path, allow_pickle=False)


# ----------------------------------------------------------------------------- imports

#: BERTopic's representation models that the workbench never uses and that cost seconds to
#: import: text generation and zero-shot classification import ``transformers.pipelines``,
#: part of speech spaCy, the visual one image models.
UNUSED_BERTOPIC = tuple(
    f"bertopic.representation._{name}" for name in ("textgeneration", "zeroshot", "pos", "visual")
)


def import_bertopic():
    """The ``bertopic`` package, imported without the parts the workbench never uses.

    Importing BERTopic imports every representation model it has, each inside
    ``try/except``; :data:`UNUSED_BERTOPIC` take most of its import time (about ten of
    its fifteen seconds on two cores, for ``transformers.pipelines``), and its saving
    module imports torch (seconds, and hundreds of MB) for the ``pytorch``
    serialization, which the workbench never uses (it saves safetensors, through
    numpy). Left out while BERTopic is imported (:func:`workbench.core.imports.without`),
    BERTopic puts its "not installed" placeholders in their place; the labels use
    ``MaximalMarginalRelevance``, which it still has. UMAP and HDBSCAN are imported
    first, with torch available: SciPy, which they import, asks whether torch is
    loaded. If this BERTopic cannot do without torch, it is imported with it.

    Call this before any ``from bertopic... import``; once BERTopic is imported (here
    or by the user) it changes nothing.
    """
    if "bertopic" not in sys.modules:
        import hdbscan  # noqa: F401

        import_umap()
        try:
            with without(*UNUSED_BERTOPIC, "torch"):
                import bertopic
        except ImportError:  # a BERTopic that needs torch after all
            with without(*UNUSED_BERTOPIC):
                import bertopic
    import bertopic

    return bertopic


#: Packages whose numba functions :func:`import_umap` caches on disk.
NUMBA_PACKAGES = ("umap", "pynndescent")
_numba_cached: set[str] = set()


def import_umap():
    """``umap.UMAP``, with UMAP's numba code compiled once per environment, not per process.

    Most of UMAP's numba functions are compiled anew in every process that fits one:
    tens of seconds on two cores, far more than fitting a few thousand units takes, and
    paid again in every notebook kernel. Here numba's on-disk cache is switched on for
    every function of :data:`NUMBA_PACKAGES` that lacks it, so the machine code is
    stored where numba keeps its cache (beside the installed package, or in the user's
    cache folder when that is read-only, or ``$NUMBA_CACHE_DIR``) and read back by the
    next process. Numba keys each entry by the function's source file and the CPU, so
    upgrading UMAP recompiles; ``make setup`` compiles once (:func:`compile_umap`). The
    compiled code is the same, so the results are too.
    """
    from umap import UMAP

    _cache_numba(NUMBA_PACKAGES)
    return UMAP


def _cache_numba(packages: tuple[str, ...]) -> None:
    """Switch numba's disk cache on for every jitted function of the loaded ``packages``."""
    from numba.core.dispatcher import Dispatcher

    for name, module in list(sys.modules.items()):
        if module is None or name in _numba_cached or name.split(".")[0] not in packages:
            continue
        _numba_cached.add(name)
        for value in list(vars(module).values()):
            if isinstance(value, Dispatcher):
                try:
                    value.enable_caching()
                except RuntimeError:  # numba found no writable cache folder: compile as before
                    return


def compile_umap() -> None:
    """Fit UMAP once on random data, so that its numba code is compiled and cached.

    ``make setup`` runs this: the first report on a new machine then starts from
    compiled code, like every later one.
    """
    import warnings

    rng = np.random.default_rng(config.DEFAULT_SEED)
    x = rng.normal(size=(60, 16)).astype(np.float32)
    UMAP = import_umap()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for n_components, min_dist in ((5, 0.0), (2, 0.1)):
            UMAP(
                n_neighbors=15,
                n_components=n_components,
                min_dist=min_dist,
                metric="cosine",
                random_state=config.DEFAULT_SEED,
            ).fit(x)


@contextmanager
def quiet_bertopic():
    """Silence BERTopic's warnings for steps the workbench takes on purpose (and notes)."""
    log = logging.getLogger("BERTopic")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


def embedding_backend(embedder):
    """A BERTopic embedding backend that embeds through an :class:`~.embeddings.Embedder`."""
    import_bertopic()
    from bertopic.backend import BaseEmbedder

    class WorkbenchBackend(BaseEmbedder):
        def __init__(self, inner) -> None:
            super().__init__()
            self.inner = inner

        def embed(self, documents, verbose: bool = False) -> np.ndarray:
            return self.inner.embed(list(documents))

    return WorkbenchBackend(embedder)


__all__ = [
    "NEWS_STOP_WORDS",
    "CachedUMAP",
    "TopicSettings",
    "build_bertopic",
    "choose_settings",
    "compile_umap",
    "embedding_backend",
    "import_bertopic",
    "import_umap",
    "stop_words",
    "vocabulary",
]
