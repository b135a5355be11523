"""Content-keyed caches and atomic writes.

A cache entry's key is a hash of everything that determines its value (model
name, text hashes, parameters), so a changed input is a different entry and a
stale entry is never read. Every write goes to a temporary file in the same
folder and is renamed into place, so an interrupted run leaves either the old
file or the new one, never half of one. Deleting the cache folder is always safe.

A cache file that cannot be read (truncated, corrupted, half-written by another
tool) is deleted and rebuilt, with a :class:`CacheWarning` that names it
(:func:`read_entry`); any other error while reading it is a bug and propagates.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import warnings
import zipfile
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from workbench import config
from workbench.core.errors import InputError

if TYPE_CHECKING:  # pandas is imported by the functions that take tables: writing a page does not
    import pandas as pd

T = TypeVar("T")


class CacheWarning(UserWarning):
    """A cache file could not be read; it was deleted and its contents are computed again."""


#: What reading a truncated, corrupted or half-written cache file raises: ``OSError``
#: (unreadable, or corrupt compressed Parquet pages), ``EOFError`` (an empty ``.npz``),
#: ``ValueError`` (Arrow's ``ArrowInvalid``, ``JSONDecodeError``, ``UnicodeDecodeError``,
#: pickled data in an ``.npz``), ``KeyError`` (an array or field the file lacks) and
#: ``zipfile.BadZipFile`` (a truncated ``.npz``). Arrow's other errors are added by
#: :func:`damage_errors`.
_DAMAGE_ERRORS: tuple[type[Exception], ...] = (
    OSError,
    EOFError,
    ValueError,
    KeyError,
    zipfile.BadZipFile,
)


def damage_errors() -> tuple[type[Exception], ...]:
    """What a damaged cache file raises, Arrow's own errors included (pyarrow imported late)."""
    import pyarrow

    return (*_DAMAGE_ERRORS, pyarrow.ArrowException)


def read_entry(path: str | os.PathLike[str], read: Callable[[Path], T]) -> T | None:
    """Read one cache file; ``None`` when it is missing or damaged.

    A damaged file (one that raises :func:`damage_errors`) is deleted with a
    :class:`CacheWarning` naming it, so the caller rebuilds it. Any other error is a
    bug in ``read`` or its caller and propagates. Keep ``read`` to reading and parsing
    the file, so that a bug in later processing is not taken for damage.

    Args:
        path: The cache file.
        read: Reads it, e.g. ``pd.read_parquet``.

    Returns:
        What ``read`` returned, or ``None`` for a miss.
    """
    path = Path(path)
    if not path.exists():
        return None
    try:
        return read(path)
    except damage_errors() as err:  # the tuple is built only when something was raised
        _discard_damaged(path, err)
        return None


def _discard_damaged(path: str | os.PathLike[str], err: BaseException) -> None:
    """Delete a cache file that could not be read, with a :class:`CacheWarning` saying why."""
    warnings.warn(
        f"{config.display_path(path)}: the cache file could not be read "
        f"({type(err).__name__}: {err}); it was deleted and will be rebuilt",
        CacheWarning,
        stacklevel=3,
    )
    Path(path).unlink(missing_ok=True)


def text_hash(text: str) -> str:
    """A stable 16-hex-digit hash of a text (BLAKE2b), the same on every machine."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def key(*parts: Any) -> str:
    """A stable hash of any JSON-serialisable parts (names, parameters, hash lists)."""
    h = hashlib.blake2b(digest_size=12)
    for part in parts:
        if isinstance(part, list | tuple) or _is_series(part):
            for item in part:
                h.update(str(item).encode("utf-8", "surrogatepass"))
                h.update(b"\x1f")
        else:
            h.update(json.dumps(part, sort_keys=True, default=str).encode())
        h.update(b"\x1e")
    return h.hexdigest()


def code_key(*modules: str) -> str:
    """A hash of the source files of ``modules`` (dotted names), without importing them.

    Part of the key of a cache whose entries a rule in those modules computes: an
    upgraded or edited rule computes its tables afresh instead of reading stale ones.
    """
    from importlib.util import find_spec

    h = hashlib.blake2b(digest_size=12)
    for name in modules:
        spec = find_spec(name)
        if spec is None or spec.origin is None:
            raise ModuleNotFoundError(f"code_key: no module {name!r}")
        h.update(name.encode())
        h.update(Path(spec.origin).read_bytes())
    return h.hexdigest()


def _is_series(value: Any) -> bool:
    """A pandas Series (without importing pandas: none exists before pandas is imported)."""
    pandas = sys.modules.get("pandas")
    return pandas is not None and isinstance(value, pandas.Series)


def corpus_key(texts: Iterable[str]) -> str:
    """A hash of a sequence of texts, order included."""
    h = hashlib.blake2b(digest_size=12)
    for t in texts:
        h.update(text_hash(t).encode())
    return h.hexdigest()


def frame_key(df: pd.DataFrame) -> str:
    """A hash of a table's column names and values (not its index), order included."""
    h = hashlib.blake2b(digest_size=12)
    h.update("\x1f".join(map(str, df.columns)).encode())
    if len(df):
        import pandas as pd

        h.update(pd.util.hash_pandas_object(df, index=False).to_numpy().tobytes())
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

    Parquet keeps list cells as lists; CSV and TSV join their items with ``"; "``
    (:func:`workbench.core.tables.join_lists`).

    Args:
        df: The table.
        path: Ends in ``.csv``, ``.tsv``, ``.parquet`` or ``.pq``.

    Raises:
        InputError: For any other extension, naming the path.
    """
    from workbench.core.tables import join_lists

    path = Path(path)
    suffix = path.suffix.lower()
    with atomic_path(path) as tmp:
        if suffix in {".parquet", ".pq"}:
            df.to_parquet(tmp, index=False)
        elif suffix == ".csv":
            join_lists(df).to_csv(tmp, index=False)
        elif suffix == ".tsv":
            join_lists(df).to_csv(tmp, index=False, sep="\t")
        else:
            raise InputError(
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
        compute: Builds the table on a miss (a damaged entry is one, with a warning).
        use_cache: False computes afresh and writes nothing.
    """
    import pandas as pd

    if not use_cache:
        return compute()
    path = config.cache_dir(namespace) / f"{cache_key}.parquet"
    if (cached := read_entry(path, pd.read_parquet)) is not None:
        return cached
    df = compute()
    write_table(df, path)
    return df


def read_shards(
    folder: str | os.PathLike[str], column: str, wanted: Iterable[str]
) -> list[pd.DataFrame]:
    """The rows of every Parquet shard in ``folder`` whose ``column`` is one of ``wanted``.

    Shards are read in name order, each through :func:`read_entry` (a damaged one is
    deleted). A shard's key column is read first, and the shard itself only when it holds
    a wanted key, its rows picked by Arrow before they become a DataFrame: a large cache
    costs a read of its keys, not a conversion of every row it holds.

    Args:
        folder: A folder of shards written by :func:`write_table`.
        column: The key column (a text or sentence hash).
        wanted: The keys to keep.

    Returns:
        One DataFrame per readable shard that holds a wanted key, its rows in file order
        (the columns and dtypes of ``pd.read_parquet``).
    """
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    values = pa.array(list(wanted), type=pa.string())
    keep = pc.field(column).isin(values)
    frames = []
    for path in sorted(Path(folder).glob("*.parquet")):
        keys = read_entry(path, lambda p: pq.read_table(p, columns=[column]).column(column))
        if keys is None or not pc.any(pc.is_in(keys, value_set=values)).as_py():
            continue
        if (shard := read_entry(path, lambda p: pd.read_parquet(p, filters=keep))) is not None:
            frames.append(shard)
    return frames
