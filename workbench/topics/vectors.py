"""The on-disk cache of embedding vectors, keyed by model and text hash.

One folder per model under ``$WORKBENCH_CACHE_DIR/embeddings/<model key>/``
holds ``.npz`` shards of ``(hashes, vectors)``, each written atomically (a
temporary file, then a rename), read without pickle, and safe to delete. A
damaged shard is deleted with a warning (:func:`workbench.core.cache.read_entry`) and
its texts are embedded again.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from workbench import config
from workbench.core import cache


class VectorStore:
    """The cached vectors of one model: ``.npz`` shards of ``(hashes, vectors)``.

    Args:
        model_key: The model's cache key (``Embedder.model_key``).

    Shards already read in this process are kept in memory, so the many small
    look-ups of a fit (topic words, for instance) read each file once.
    """

    _memory: dict[str, dict[str, np.ndarray]] = {}
    _read: dict[str, set[str]] = {}

    def __init__(self, model_key: str) -> None:
        self.folder = config.cache_dir("embeddings", model_key)
        self.vectors = self._memory.setdefault(str(self.folder), {})
        self.read = self._read.setdefault(str(self.folder), set())

    def lookup(self, wanted: set[str]) -> dict[str, np.ndarray]:
        """The cached vectors of the text hashes in ``wanted`` (missing ones are left out)."""
        if not wanted <= self.vectors.keys():
            self._read_new_shards()
        return {h: self.vectors[h] for h in wanted if h in self.vectors}

    def _read_new_shards(self) -> None:
        for shard in sorted(self.folder.glob("*.npz")):
            if shard.name in self.read:
                continue
            if (vectors := cache.read_entry(shard, _read_shard)) is not None:
                self.vectors.update(vectors)
                self.read.add(shard.name)

    def add(self, hashes: list[str], vectors: np.ndarray) -> None:
        """Store ``vectors`` (rows aligned with ``hashes``) as one new shard."""
        path = self.folder / f"{cache.key(hashes)}.npz"
        with cache.atomic_path(path) as tmp, open(tmp, "wb") as fh:
            np.savez(fh, hashes=np.asarray(hashes, dtype="U16"), vectors=vectors.astype(np.float32))
        self.vectors.update(zip(hashes, vectors.astype(np.float32), strict=True))
        self.read.add(path.name)


def _read_shard(path: Path) -> dict[str, np.ndarray]:
    """Text hash -> vector, from one ``.npz`` shard (read without pickle)."""
    with np.load(path, allow_pickle=False) as data:
        return dict(zip(data["hashes"].tolist(), data["vectors"], strict=True))


__all__ = ["VectorStore"]
