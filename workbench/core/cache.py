"""Content-keyed caches and atomic writes.

A cache entry's key is a hash of everything that determines its value (model
name, text hashes, parameters), so a changed input is a different entry and a
stale entry is never read. Every write goes to a temporary file in the same
folder and is renamed into place, so an interrupted run leaves either the old
file or the new one, never half of one. Deleting the cache folder is always safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from workbench import config


def text_hash(text: str) -> str:
    """A stable 16-hex-digit hash of a text (BLAKE2b), the same on every machine."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def key(*parts: Any) -> str:
    """A stable hash of any JSON-serialisable parts (names, parameters, hash lists)."""
    h = hashlib.blake2b(digest_size=12)
    for part in parts:
        if isinstance(part, pd.Series | list | tuple) and not isinstance(part, str):
            for item in part:
                h.update(str(item).encode("utf-8", "surrogatepass"))
                h.update(b"\x1f")
        else:
            h.update(json.dumps(part, sort_keys=True, default=str).encode())
        h.update(b"\x1e")
    return h.hexdigest()


def corpus_key(texts: Iterable[str]) -> str:
    """A hash of a sequence of texts, order included."""
    h = hashlib.blake2b(digest_size=12)
    for t in texts:
        h.update(text_hash(t).encode())
    return h.hexdigest()


@contextmanager
def atomic_path(path: str | os.PathLike[str]):
    """Yield a temporary path beside ``path``; rename it onto ``path`` if the block succeeds.

    Example:
        >>> with atomic_path("out.parquet") as tmp:  # doctest: +SKIP
        ...     df.to_parquet(tmp)
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write a text file atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


def write_table(df: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write a table atomically, as CSV or Parquet by the file extension.

    Args:
        df: The table.
        path: Ends in ``.csv``, ``.tsv``, ``.parquet`` or ``.pq``.

    Raises:
        ValueError: For any other extension, naming the path.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    with atomic_path(path) as tmp:
        if suffix in {".parquet", ".pq"}:
            df.to_parquet(tmp, index=False)
        elif suffix == ".csv":
            df.to_csv(tmp, index=False)
        elif suffix == ".tsv":
            df.to_csv(tmp, index=False, sep="\t")
        else:
            raise ValueError(
                f"{path}: cannot tell the table format from the extension {suffix!r}; "
                "use .csv, .tsv or .parquet"
            )
    return path


def cached_frame(
    namespace: str, cache_key: str, compute: Callable[[], pd.DataFrame], *, use_cache: bool = True
) -> pd.DataFrame:
    """Return the cached table for ``cache_key``, computing and storing it on a miss.

    Args:
        namespace: Sub-folder of the cache (``"corpus"``, ``"mentions"`` ...).
        cache_key: A content key from :func:`key`.
        compute: Builds the table on a miss.
        use_cache: False computes afresh and writes nothing.
    """
    if not use_cache:
        return compute()
    path = config.cache_dir(namespace) / f"{cache_key}.parquet"
    if path.exists():
        try:
            return pd.read_parquet(path)
        except Exception:  # a corrupt entry is recomputed, never trusted
            path.unlink(missing_ok=True)
    df = compute()
    write_table(df, path)
    return df
