"""Dependency parses of the sentences with a speech verb, cached per sentence.

The parser is that of the entity model (:func:`workbench.actors.ner.load_parser`), loaded
only when a sentence needs parsing, and forked over processes on large inputs
(:func:`run_parser`). Which sentences are parsed is up to :mod:`workbench.actors.syntax`
(:data:`~workbench.actors.syntax.SELECT`): every sentence with a speech verb
(:func:`parse_cues`) or those the speaker rules asked for (:func:`parse_found`).

Parses are cached per sentence text under ``$WORKBENCH_CACHE_DIR/parses/<key>/``, where
the key covers only the model and :data:`PARSE_VERSION`, in shards written atomically as
they finish (as :mod:`workbench.actors.ner` caches spans).

This module makes the parses; :mod:`workbench.actors.syntax` reads the subject off them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench import config
from workbench.actors.cues import CUE
from workbench.core import cache, distributed, pool

#: Bumped when what is parsed or stored changes, so older caches are not reused.
PARSE_VERSION = "1"
#: Sentences per cache shard.
SHARD_SENTENCES = 20_000
#: Sentences per ``nlp.pipe`` batch.
BATCH_SIZE = 256
#: Below this many words to parse, one process is faster than two (start-up costs: the
#: workers are forked with the parser loaded, so from a couple of seconds of parsing on).
MULTIPROCESS_MIN_WORDS = 10_000
#: Sentences per chunk handed to a worker process, at most (fewer where that shares them
#: out evenly: :func:`workbench.core.pool.chunked`).
CHUNK_SENTENCES = 500
#: Columns of the cached parses: one row per token, offsets into its sentence.
PARSE_COLUMNS = ["sent_hash", "i", "start", "end", "head", "dep"]


@dataclass(frozen=True)
class Parse:
    """One sentence's parse: per token its offsets in the text, its head's index, its relation."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    heads: tuple[int, ...]
    deps: tuple[str, ...]

    def at(self, pos: int) -> int | None:
        """The index of the token that starts at ``pos``, or None."""
        try:
            return self.starts.index(pos)
        except ValueError:
            return None

    def children(self, i: int) -> list[int]:
        """The tokens whose head is token ``i`` (the root is its own head, not its child)."""
        return [j for j, h in enumerate(self.heads) if h == i and j != i]

    def subtree(self, i: int) -> tuple[int, int]:
        """The first and last token index of token ``i``'s subtree."""
        lo = hi = i
        todo = [i]
        while todo:
            j = todo.pop()
            lo, hi = min(lo, j), max(hi, j)
            todo.extend(self.children(j))
        return lo, hi


def cue_sentences(texts: dict[str, str], sentences: pd.DataFrame) -> dict[str, list[tuple]]:
    """The sentences of each document that hold a speech verb.

    Args:
        texts: ``{doc_id: text}``.
        sentences: The sentence table (``doc_id``, ``start``, ``end``).

    Returns:
        ``{doc_id: [(start, sentence text), ...]}``.
    """
    out: dict[str, list[tuple]] = {}
    columns = (sentences[c].tolist() for c in ("doc_id", "start", "end"))
    for d, lo, hi in zip(*columns, strict=True):
        text = texts.get(d)
        if isinstance(text, str) and CUE.search(text, lo, hi):
            out.setdefault(d, []).append((lo, text[lo:hi]))
    return out


def parse_cues(
    corpus: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    use_cache: bool = True,
    progress: bool | None = None,
    n_process: int | None = None,
) -> dict[str, dict[int, Parse]]:
    """Parses of every sentence with a speech verb, per document.

    Used with :data:`~workbench.actors.syntax.SELECT` off.

    Args:
        corpus: The corpus table (``doc_id``, ``text``).
        sentences: Its sentence table.
        use_cache: Read and write the parse cache.
        progress: Show a progress bar over the sentences sent to the parser.
        n_process: Parser processes (see :func:`run_parser`).

    Returns:
        ``{doc_id: {sentence start: Parse}}``, token offsets into the document's text.
    """
    texts = dict(zip(corpus["doc_id"], corpus["text"], strict=True))
    found = cue_sentences(texts, sentences)
    return parse_found(found, use_cache=use_cache, progress=progress, n_process=n_process)


def parse_found(
    found: dict[str, list[tuple[int, str]]],
    *,
    use_cache: bool = True,
    progress: bool | None = None,
    n_process: int | None = None,
) -> dict[str, dict[int, Parse]]:
    """Parses of ``{doc_id: [(sentence start, sentence text), ...]}``, per document.

    Arguments as in :func:`parse_cues`. Nothing is loaded when ``found`` is empty or
    the cache holds every sentence.
    """
    unique = {cache.text_hash(t): t for pairs in found.values() for _, t in pairs}
    if not unique:
        return {}
    tokens = parse_sentences(unique, use_cache=use_cache, progress=progress, n_process=n_process)
    # A sentence two runs parsed side by side sits in two shards: its first parse counts.
    tokens = tokens.drop_duplicates(["sent_hash", "i"])
    by_hash = _by_sentence(tokens[tokens["i"] >= 0])
    out: dict[str, dict[int, Parse]] = {}
    for d, pairs in found.items():
        for lo, text in pairs:
            if (p := by_hash.get(cache.text_hash(text))) is not None:
                starts, ends, heads, deps = p
                out.setdefault(d, {})[lo] = Parse(
                    tuple(lo + s for s in starts),
                    tuple(lo + e for e in ends),
                    tuple(heads),
                    tuple(deps),
                )
    return out


def _by_sentence(tokens: pd.DataFrame) -> dict[str, tuple[list, list, list, list]]:
    """``{sent_hash: (starts, ends, heads, deps)}``, tokens in order (one sort, no groupby)."""
    tokens = tokens.sort_values(["sent_hash", "i"], kind="stable")
    hashes = tokens["sent_hash"].tolist()
    columns = [tokens[c].tolist() for c in ("start", "end", "head", "dep")]
    out = {}
    lo = 0
    for hi in range(1, len(hashes) + 1):
        if hi == len(hashes) or hashes[hi] != hashes[lo]:
            out[hashes[lo]] = tuple(c[lo:hi] for c in columns)
            lo = hi
    return out


def parse_sentences(
    texts: dict[str, str],
    *,
    use_cache: bool = True,
    progress: bool | None = None,
    n_process: int | None = None,
) -> pd.DataFrame:
    """The parses of ``{sent_hash: sentence}``, from the cache where possible.

    Returns:
        :data:`PARSE_COLUMNS`, one row per token (a sentence without tokens: one row at
        ``i == -1``, so the cache knows it was seen).
    """
    from workbench.actors import ner

    name = ner.model_name()
    folder = config.cache_dir("parses", cache.key(PARSE_VERSION, name))
    done = _read(folder, set(texts)) if use_cache else _empty()
    seen = set(done["sent_hash"].unique().tolist())
    todo = [(h, t) for h, t in texts.items() if h not in seen]
    fresh = []
    for lo in range(0, len(todo), SHARD_SENTENCES):
        block = dict(todo[lo : lo + SHARD_SENTENCES])
        rows = run_parser(block, name=name, progress=progress, n_process=n_process)
        if use_cache:
            cache.write_table(rows, folder / f"{cache.key(sorted(block))}.parquet")
        fresh.append(rows)
    return pd.concat([done, *fresh], ignore_index=True) if fresh else done


def run_parser(
    texts: dict[str, str],
    *,
    name: str,
    progress: bool | None = None,
    n_process: int | None = None,
) -> pd.DataFrame:
    """Parse ``{sent_hash: sentence}``; rows as :data:`PARSE_COLUMNS`, in input order.

    As :func:`workbench.actors.ner.run_model` runs the entity model: on a Dask cluster
    when one is active (each worker loads its own parser), else over forked workers that
    inherit the parser loaded here, in chunks of :data:`CHUNK_SENTENCES`, when there are
    at least :data:`MULTIPROCESS_MIN_WORDS` words (default two processes, never more than
    :func:`workbench.core.pool.processes` allows), else in this process.
    """
    from workbench.actors import ner

    global _WORKER_NLP
    items = [(t, h) for h, t in texts.items()]
    if n_process is None:
        words = sum(t.count(" ") + 1 for t in texts.values())
        n_process = 2 if words >= MULTIPROCESS_MIN_WORDS else 1
    client = distributed.current_client()
    forked = client is None and pool.can_fork()
    workers = pool.processes(n_process, len(items)) if forked else 1
    chunks = pool.chunked(items, CHUNK_SENTENCES, workers)
    bar = pool.progress_bar(len(items), "parses", "sentence", show=progress)
    rows: list[tuple] = []
    try:
        if client is not None:
            parts = distributed.map_batches(_cluster_parse, chunks, name)
        else:
            _WORKER_NLP = ner.load_parser(name)
            parts = pool.fork_map(_chunk_parse, chunks, workers=workers)
        for part in parts:
            rows.extend(part)
            bar.update(sum(1 for r in part if r[1] == -1))
    finally:
        _WORKER_NLP = None
        bar.close()
    out = pd.DataFrame(rows, columns=PARSE_COLUMNS)
    return out.astype({c: "int64" for c in ("i", "start", "end", "head")})


_WORKER_NLP = None


def _chunk_parse(chunk: list[tuple[str, str]]) -> list[tuple]:
    """Token rows of ``[(sentence, sent_hash), ...]`` from the parser set before forking."""
    rows: list[tuple] = []
    for doc, h in _WORKER_NLP.pipe(chunk, as_tuples=True, batch_size=BATCH_SIZE):
        rows.append((h, -1, -1, -1, -1, ""))
        rows.extend((h, t.i, t.idx, t.idx + len(t), t.head.i, t.dep_) for t in doc)
    return rows


def _cluster_parse(chunk: list[tuple[str, str]], name: str) -> list[tuple]:
    """:func:`_chunk_parse` on a Dask worker, which loads (and keeps) its own parser."""
    global _WORKER_NLP
    from workbench.actors import ner

    _WORKER_NLP = ner.load_parser(name)
    return _chunk_parse(chunk)


def _empty() -> pd.DataFrame:
    kinds = {"sent_hash": "object", "dep": "object"}
    return pd.DataFrame({c: pd.Series(dtype=kinds.get(c, "int64")) for c in PARSE_COLUMNS})


def _read(folder, wanted: set[str]) -> pd.DataFrame:
    """The cached parses of the ``wanted`` sentence hashes, from every shard in ``folder``."""
    frames = cache.read_shards(folder, "sent_hash", wanted)
    return pd.concat(frames, ignore_index=True) if frames else _empty()
