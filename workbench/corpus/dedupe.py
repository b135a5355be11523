"""Exact and near-duplicate articles, and passages shared between articles (text reuse).

* Exact duplicates share the hash of their normalised, case-folded text.
* Near duplicates are found with MinHash signatures over word 5-grams and
  locality-sensitive hashing (banding); candidates are confirmed by the
  signatures' estimated Jaccard similarity against the threshold.
* Text reuse (wire copy reprinted by several outlets) comes out as passages of
  at least ``min_words`` words shared by two articles, with offsets in both.

Everything is vectorised with numpy over integer token ids, and seeded, so the
same corpus always gives the same flags. Duplicates are flagged with the
earliest article of their group (by date, then by order), never dropped here.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbench.config import DEFAULT_SEED, NEAR_DUPLICATE_THRESHOLD
from workbench.core.errors import InputError

_WORD = re.compile(r"\w+")


@dataclass
class Tokens:
    """Each document's words as integer ids (stable CRC-32 of the lower-cased word)."""

    ids: list[np.ndarray]

    @classmethod
    def of(cls, texts: list[str], *, batch: int = 500) -> Tokens:
        """Tokenise and hash every text, a batch of documents at a time (bounded memory)."""
        crc_of: dict[str, int] = {}
        out: list[np.ndarray] = []
        for lo in range(0, len(texts), batch):
            per_doc = [
                _WORD.findall(t.lower()) if isinstance(t, str) else []
                for t in texts[lo : lo + batch]
            ]
            lengths = np.fromiter((len(w) for w in per_doc), dtype=np.int64, count=len(per_doc))
            flat = [w for words in per_doc for w in words]
            if not flat:
                out.extend(np.zeros(0, dtype=np.uint64) for _ in per_doc)
                continue
            codes, uniques = pd.factorize(np.asarray(flat, dtype=object), sort=False)
            crc = np.fromiter(
                (crc_of.get(w) or crc_of.setdefault(w, zlib.crc32(w.encode())) for w in uniques),
                dtype=np.uint64,
                count=len(uniques),
            )
            out.extend(np.split(crc[codes], np.cumsum(lengths)[:-1]))
        return cls(out)


def shingles(ids: np.ndarray, k: int) -> np.ndarray:
    """Hashes of the word k-grams of one document (one hash for a shorter document)."""
    if len(ids) == 0:
        return ids
    if len(ids) < k:
        k = len(ids)
    n = len(ids) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * np.uint64(1_000_003) + ids[j : j + n]
    return h


class MinHasher:
    """MinHash signatures with ``num_perm`` seeded multiply-shift hash functions."""

    def __init__(self, num_perm: int = 128, seed: int = DEFAULT_SEED):
        rng = np.random.default_rng(seed)
        self.a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) | np.uint64(1)
        self.b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
        self.num_perm = num_perm

    def signature(self, shingle_hashes: np.ndarray) -> np.ndarray:
        """The signature of one document's shingles (all ones' max for an empty document)."""
        if len(shingle_hashes) == 0:
            return np.full(self.num_perm, np.iinfo(np.uint64).max, dtype=np.uint64)
        with np.errstate(over="ignore"):
            hv = (self.a[:, None] * shingle_hashes[None, :] + self.b[:, None]) >> np.uint64(32)
        return hv.min(axis=1)


def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows per band whose S-curve crosses 0.5 a little below ``threshold``."""
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        if num_perm % rows:
            continue
        bands = num_perm // rows
        if (1 / bands) ** (1 / rows) <= threshold - 0.05:
            best = (bands, rows)
    return best


def _union_find(n: int, pairs: list[tuple[int, int]]) -> np.ndarray:
    parent = np.arange(n)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return np.array([find(i) for i in range(n)])


def find_duplicates(
    corpus: pd.DataFrame,
    *,
    threshold: float = NEAR_DUPLICATE_THRESHOLD,
    num_perm: int = 128,
    seed: int = DEFAULT_SEED,
    tokens: Tokens | None = None,
) -> pd.DataFrame:
    """Flag exact and near-duplicate documents.

    Args:
        corpus: Needs ``doc_id`` and ``text``; ``date`` orders each group when present.
        threshold: Estimated Jaccard similarity of word 5-grams above which two
            documents are near-duplicates (0 to 1).
        num_perm: MinHash functions; more is more precise and slower.
        seed: Seeds the hash functions.
        tokens: Pre-computed token ids (shared with :func:`text_reuse`).

    Returns:
        One row per document, in corpus order: ``doc_id``, ``duplicate_of`` (the
        group's earliest document, missing for originals), ``duplicate_kind``
        (``exact``/``near``) and ``similarity`` (1.0 for exact copies).
    """
    texts = corpus["text"].fillna("").astype(str).tolist()
    exact, sigs = fingerprints(texts, num_perm=num_perm, seed=seed, tokens=tokens)
    return flag_duplicates(corpus["doc_id"], corpus.get("date"), exact, sigs, threshold=threshold)


def fingerprints(
    texts: list[str], *, num_perm: int = 128, seed: int = DEFAULT_SEED, tokens: Tokens | None = None
) -> tuple[list[str], np.ndarray]:
    """What duplicate detection needs of each text, about 1 KB a document.

    Returns:
        A hash of each case-folded, whitespace-collapsed text (``""`` for an empty
        text) and the MinHash signatures, one row per text.
    """
    from workbench.core.cache import text_hash

    exact = [text_hash(" ".join(t.lower().split())) if t.strip() else "" for t in texts]
    tokens = tokens or Tokens.of(texts)
    hasher = MinHasher(num_perm, seed)
    sigs = [hasher.signature(np.unique(shingles(ids, 5))) for ids in tokens.ids]
    return exact, np.stack(sigs) if sigs else np.zeros((0, num_perm), np.uint64)


def flag_duplicates(
    doc_ids: pd.Series,
    dates: pd.Series | None,
    exact: list[str],
    sigs: np.ndarray,
    *,
    threshold: float = NEAR_DUPLICATE_THRESHOLD,
) -> pd.DataFrame:
    """Group documents by exact hash and by MinHash LSH; see :func:`find_duplicates`."""
    if not 0 < threshold <= 1:
        raise InputError(f"threshold={threshold}: give a Jaccard similarity between 0 and 1")
    order = _priority(len(exact), dates)
    nonempty = np.array([bool(k) for k in exact], dtype=bool)
    pairs: dict[tuple[int, int], tuple[str, float]] = {}
    first_by_key: dict[str, int] = {}
    for i in np.argsort(order, kind="stable"):
        if nonempty[i]:
            j = first_by_key.setdefault(exact[i], i)
            if j != i:
                pairs[(j, i)] = ("exact", 1.0)
    bands, rows = lsh_bands(threshold, sigs.shape[1])
    for band in range(bands):
        buckets: dict[bytes, list[int]] = {}
        block = sigs[:, band * rows : (band + 1) * rows]
        for i in np.flatnonzero(nonempty):
            buckets.setdefault(block[i].tobytes(), []).append(i)
        for members in buckets.values():
            _confirm(members, order, sigs, threshold, pairs)
    return _flag(np.asarray(doc_ids, dtype=object).astype(str), order, pairs)


def _confirm(
    members: list[int], order: np.ndarray, sigs: np.ndarray, threshold: float, pairs: dict
):
    for a_pos, a in enumerate(members):
        for b in members[a_pos + 1 :]:
            key = (a, b) if order[a] <= order[b] else (b, a)
            if key not in pairs:
                sim = float(np.mean(sigs[a] == sigs[b]))
                if sim >= threshold:
                    pairs[key] = ("near", sim)


def _priority(n: int, dates: pd.Series | None) -> np.ndarray:
    """Rank of each document: earliest date first, then input order."""
    if dates is not None and pd.Series(dates).notna().any():
        stamps = pd.to_datetime(pd.Series(dates), utc=True)
        key = stamps.fillna(pd.Timestamp.max.tz_localize("UTC")).to_numpy()
        ranks = np.lexsort((np.arange(n), key))
    else:
        ranks = np.arange(n)
    order = np.empty(n, dtype=np.int64)
    order[ranks] = np.arange(n)
    return order


def _flag(ids: np.ndarray, order: np.ndarray, pairs: dict) -> pd.DataFrame:
    n = len(ids)
    # Union by priority rank so each group's root is its earliest document.
    by_rank = np.argsort(order)
    roots_rank = _union_find(n, [(order[a], order[b]) for a, b in pairs])
    root_of = {i: by_rank[roots_rank[order[i]]] for i in range(n)}
    best: dict[int, tuple[bool, float, str]] = {}
    for (a, b), (kind, sim) in pairs.items():
        for member, other in ((a, b), (b, a)):
            if member == root_of[member]:
                continue
            candidate = (other == root_of[member], sim, kind)
            if member not in best or candidate[:2] > best[member][:2]:
                best[member] = candidate
    dup_of = [ids[root_of[i]] if root_of[i] != i else None for i in range(n)]
    kinds = [best[i][2] if dup_of[i] else None for i in range(n)]
    sims = [best[i][1] if dup_of[i] else np.nan for i in range(n)]
    return pd.DataFrame(
        {"doc_id": ids, "duplicate_of": dup_of, "duplicate_kind": kinds, "similarity": sims}
    ).astype({"duplicate_of": "string", "duplicate_kind": "string", "similarity": "float64"})


def text_reuse(
    corpus: pd.DataFrame,
    *,
    min_words: int = 25,
    max_docs_per_passage: int = 100,
    tokens: Tokens | None = None,
    skip_docs: set[str] | None = None,
) -> pd.DataFrame:
    """Passages of at least ``min_words`` words that two documents share.

    Args:
        corpus: Needs ``doc_id`` and ``text``.
        min_words: Shortest passage reported.
        max_docs_per_passage: An 8-word phrase found in more documents than this is
            boilerplate, not reuse, and is ignored.

    Each passage is reported between a document and the earliest document (by date,
    then corpus order) that has it, so ``doc_id`` is the likely origin.
        tokens: Pre-computed token ids (see :func:`find_duplicates`).
        skip_docs: Documents left out (flagged duplicates: their original stands for them).

    Returns:
        One row per shared passage: ``doc_id``, ``other_doc_id``, ``n_words``,
        ``start``/``end`` (character offsets in ``doc_id``'s text),
        ``other_start``/``other_end`` and the ``passage`` itself.
    """
    k = 8
    texts = corpus["text"].fillna("").astype(str).tolist()
    ids = corpus["doc_id"].astype(str).tolist()
    tokens = tokens or Tokens.of(texts)
    hashes, docs, pos = [], [], []
    skip = skip_docs or set()
    rank = _priority(
        len(corpus), corpus.get("date")
    )  # documents are numbered by rank, so the earliest copy comes first
    by_rank = np.argsort(rank)
    for d, tok in enumerate(tokens.ids):
        if len(tok) >= k and ids[d] not in skip:
            h = shingles(tok, k)
            hashes.append(h)
            docs.append(np.full(len(h), rank[d], dtype=np.int64))
            pos.append(np.arange(len(h), dtype=np.int64))
    columns = [
        "doc_id",
        "other_doc_id",
        "n_words",
        "start",
        "end",
        "other_start",
        "other_end",
        "passage",
    ]
    if not hashes:
        return pd.DataFrame(columns=columns)
    h, d, p = np.concatenate(hashes), np.concatenate(docs), np.concatenate(pos)
    runs = []
    for (ra, rb), (a_lo, a_hi, b_lo, b_hi) in _shared_runs(h, d, p, max_docs_per_passage):
        if a_hi - a_lo + k >= min_words:
            runs.append(
                (int(by_rank[ra]), int(by_rank[rb]), a_lo, a_hi + k - 1, b_lo, b_hi + k - 1)
            )
    wanted: dict[int, set[int]] = {}
    for a, b, a_lo, a_hi, b_lo, b_hi in runs:
        wanted.setdefault(a, set()).update((a_lo, a_hi))
        wanted.setdefault(b, set()).update((b_lo, b_hi))
    spans = {doc: _word_spans(texts[doc], words) for doc, words in wanted.items()}
    rows = []
    for a, b, a_lo, a_hi, b_lo, b_hi in runs:
        start, end = spans[a][a_lo][0], spans[a][a_hi][1]
        rows.append(
            (
                ids[a],
                ids[b],
                a_hi - a_lo + 1,
                start,
                end,
                spans[b][b_lo][0],
                spans[b][b_hi][1],
                texts[a][start:end],
            )
        )
    return pd.DataFrame(rows, columns=columns)


def _word_spans(text: str, indices: set[int]) -> dict[int, tuple[int, int]]:
    """Character spans of the words at ``indices`` (word numbers as in :class:`Tokens`)."""
    last = max(indices)
    found = {}
    for i, m in enumerate(_WORD.finditer(text)):
        if i in indices:
            found[i] = m.span()
            if i == last:
                break
    return found


def _shared_runs(h: np.ndarray, d: np.ndarray, p: np.ndarray, max_docs: int):
    """Maximal runs of consecutive shingles that a document shares with an earlier one.

    Each shared shingle links every document that has it to the earliest (lowest
    numbered) such document, not to every other copy: a wire story reprinted by
    ten outlets gives nine pairs, not forty-five. Yields ``((doc_a, doc_b),
    (a_first, a_last, b_first, b_last))`` in shingle positions, ``doc_a`` earlier.
    """
    order = np.lexsort((p, d, h))
    h, d, p = h[order], d[order], p[order]
    first = np.r_[True, (h[1:] != h[:-1]) | (d[1:] != d[:-1])]  # first position of a hash per doc
    h, d, p = h[first], d[first], p[first]
    starts = np.flatnonzero(np.r_[True, h[1:] != h[:-1]])
    sizes = np.diff(np.r_[starts, len(h)])
    pair_a, pair_b, pos_a, pos_b = [], [], [], []
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= max_docs)]):
        rows = starts[sizes == size][:, None] + np.arange(size)[None, :]
        gd, gp = d[rows], p[rows]
        pair_a.append(np.repeat(gd[:, 0], size - 1))
        pair_b.append(gd[:, 1:].ravel())
        pos_a.append(np.repeat(gp[:, 0], size - 1))
        pos_b.append(gp[:, 1:].ravel())
    if not pair_a:
        return
    da, db = np.concatenate(pair_a), np.concatenate(pair_b)
    pa, pb = np.concatenate(pos_a), np.concatenate(pos_b)
    order = np.lexsort((pb, pa, db, da))
    da, db, pa, pb = da[order], db[order], pa[order], pb[order]
    cont = (
        (da[1:] == da[:-1])
        & (db[1:] == db[:-1])
        & (pa[1:] == pa[:-1] + 1)
        & (pb[1:] == pb[:-1] + 1)
    )
    run_start = np.flatnonzero(np.r_[True, ~cont])
    run_end = np.r_[run_start[1:], len(da)] - 1
    for s_, e_ in zip(run_start, run_end, strict=True):
        yield (int(da[s_]), int(db[s_])), (int(pa[s_]), int(pa[e_]), int(pb[s_]), int(pb[e_]))
