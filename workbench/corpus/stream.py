"""Ingesting a corpus larger than memory: batch by batch, straight to Parquet.

:func:`ingest_to_file` runs the same steps as :func:`workbench.corpus.ingest`
(read, map columns, normalise, parse dates, flag duplicates) but never holds the
whole corpus: each batch of records is normalised and appended to a temporary
Parquet file, and only what duplicate detection needs (an id, a date, a text
hash and a MinHash signature, about 1 KB per article) stays in memory. A second
pass adds the duplicate flags and renames the file into place. Text reuse
compares every article's passages with every other's and is not computed here;
run :func:`workbench.corpus.dedupe.text_reuse` on a subset, or load the corpus in memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from workbench import config
from workbench.core import cache
from workbench.core.errors import InputError
from workbench.corpus import dedupe
from workbench.corpus import records as rec
from workbench.corpus.load import PIPELINE_VERSION, summarise
from workbench.corpus.report import IngestReport
from workbench.corpus.schema import SCHEMA, CorpusError
from workbench.corpus.sources import folder_sidecar, input_files, read_files, read_sidecar

_LIGHT = ["doc_id", "title", "source", "author", "date", "date_raw", "n_words"]


@dataclass
class Streamed:
    """What a streamed ingest wrote and what happened on the way.

    Attributes:
        path: The Parquet file written (readable by :func:`workbench.ingest`).
        report: Records skipped or repaired, and what each normalising rule did.
        light: The corpus without its texts (ids, titles, sources, dates, sizes, flags).
    """

    path: Path
    report: IngestReport = field(default_factory=IngestReport)
    light: pd.DataFrame = field(default_factory=pd.DataFrame)

    def summary(self) -> dict[str, object]:
        """Documents, words, sources, date range, duplicates, problems."""
        return summarise(self.light, self.report)


def ingest_to_file(
    source: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    metadata: str | os.PathLike[str] | None = None,
    columns: Mapping[str, str] | None = None,
    find_titles: bool | None = None,
    near_threshold: float = config.NEAR_DUPLICATE_THRESHOLD,
    dayfirst: bool = False,
    progress: bool | None = None,
) -> Streamed:
    """Ingest ``source`` into the Parquet file ``out`` with memory bounded by the batch size.

    Args are those of :func:`workbench.corpus.ingest`; ``out`` must end in ``.parquet``.

    Raises:
        CorpusError: The source does not exist or holds nothing readable.
        InputError: ``out`` is not a Parquet path.
    """
    import pyarrow.parquet as pq

    out = Path(out)
    if out.suffix.lower() not in {".parquet", ".pq"}:
        raise InputError(f"--out {out}: streaming writes Parquet; name the file *.parquet")
    path = Path(source)
    if not path.exists():
        raise CorpusError(f"{config.display_path(path)}: no such file or folder.")
    files = input_files(path)
    if not files:
        raise CorpusError(f"{config.display_path(path)}: no readable articles found here.")
    report = IngestReport()
    sidecar_path = Path(metadata) if metadata else folder_sidecar(path)
    sidecar = read_sidecar(sidecar_path, report) if sidecar_path else {}
    batches = _normalised_batches(
        files, report, dict(columns or {}), sidecar, find_titles, dayfirst, progress
    )
    light, exact, sigs = [], [], []
    with cache.atomic_path(out.with_suffix(".partial.parquet")) as tmp:
        writer = None
        for batch in batches:
            table = _arrow(batch, writer.schema if writer else None, report)
            writer = writer or pq.ParquetWriter(tmp, table.schema)
            writer.write_table(table)
            e, s = dedupe.fingerprints(batch["text"].tolist())
            exact.extend(e)
            sigs.append(s)
            light.append(batch[_LIGHT])
        if writer is None:
            raise CorpusError(
                "no article could be read: " + "; ".join(map(str, report.problems[:5]))
            )
        writer.close()
        light_df = pd.concat(light, ignore_index=True)
        flags = dedupe.flag_duplicates(
            light_df["doc_id"], light_df["date"], exact, np.vstack(sigs), threshold=near_threshold
        )
        _write_with_flags(tmp, out, flags)
    for col in ("duplicate_of", "duplicate_kind", "similarity"):
        light_df[col] = flags[col].to_numpy()
    return Streamed(out, report, light_df)


def _normalised_batches(
    files, report, columns, sidecar, find_titles, dayfirst, progress
) -> Iterator[pd.DataFrame]:
    seen: dict[str, int] = {}
    for f in files:
        for frame in read_files([f], report, False):
            batch = rec.normalised_frame(
                [frame], report, columns, sidecar, find_titles, dayfirst, bool(progress), seen
            )
            if len(batch):
                yield batch


def _arrow(batch: pd.DataFrame, schema, report: IngestReport):
    """A batch as an Arrow table in the first batch's schema (extra columns as text)."""
    import pyarrow as pa

    extras = [c for c in batch.columns if c not in SCHEMA]
    batch = batch.astype({c: "string" for c in extras})
    if schema is None:
        return pa.Table.from_pandas(batch, preserve_index=False)
    names = set(schema.names)
    new = [c for c in batch.columns if c not in names]
    if new:
        report.add(
            str(batch["file"].iloc[0]),
            "extra_columns_dropped",
            f"columns {new} do not appear in the first file read",
            "not kept in streaming mode; load the files separately to keep them",
        )
    for c in schema.names:
        if c not in batch:
            batch[c] = pd.Series([None] * len(batch), dtype="string")
    return pa.Table.from_pandas(batch[schema.names], schema=schema, preserve_index=False)


def _write_with_flags(tmp: Path, out: Path, flags: pd.DataFrame) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = pq.ParquetFile(tmp)
    with cache.atomic_path(out) as final:
        writer = None
        row = 0
        for batch in source.iter_batches(batch_size=20_000):
            table = pa.Table.from_batches([batch])
            part = flags.iloc[row : row + len(table)]
            row += len(table)
            for col in ("duplicate_of", "duplicate_kind", "similarity"):
                idx = table.schema.get_field_index(col)
                table = table.set_column(
                    idx,
                    col,
                    pa.array(
                        part[col].to_numpy(), type=table.schema.field(col).type, from_pandas=True
                    ),
                )
            if writer is None:
                meta = {**(table.schema.metadata or {}), b"workbench": PIPELINE_VERSION.encode()}
                writer = pq.ParquetWriter(final, table.schema.with_metadata(meta))
            writer.write_table(table)
        writer.close()
