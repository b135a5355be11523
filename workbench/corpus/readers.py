"""Reading every input format into raw record batches.

A reader turns one file into batches of raw records (a DataFrame per batch, the
file's own columns, plus ``_file`` and ``_line``) and notes every problem in
the :class:`~workbench.corpus.report.IngestReport`. Readers never normalise and
never guess columns; :mod:`workbench.corpus` does that. Large tables are read
in chunks, so memory stays bounded by the batch size. Readers are registered
by file extension in :data:`READERS`.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd

from workbench.config import display_path
from workbench.corpus.report import IngestReport

#: Rows per batch when reading tables.
CHUNK_ROWS = 20_000
#: A CSV record spanning more physical lines than this is taken as a broken quote.
MAX_RECORD_LINES = 400

Reader = Callable[[Path, IngestReport], Iterator[pd.DataFrame]]


# ----------------------------------------------------------------------------- decoding


def looks_binary(head: bytes) -> bool:
    """NUL bytes outside a UTF-16 byte-order mark mean the file is not text."""
    return b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def decode(data: bytes, file: str, report: IngestReport) -> str:
    """Decode bytes, trying UTF-8 (with or without BOM), UTF-16 with BOM, then cp1252.

    Bytes none of them can read are replaced (U+FFFD) and noted in the report.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        first_bad = err.start
    try:
        text = data.decode("cp1252")
        report.add(
            file,
            "encoding",
            "not UTF-8; read as Windows-1252 (cp1252)",
            "decoded as cp1252; save the file as UTF-8 to be sure",
            line=data[:first_bad].count(b"\n") + 1,
        )
        return text
    except UnicodeDecodeError:
        report.add(
            file,
            "encoding",
            "bytes that are neither UTF-8 nor cp1252",
            "undecodable bytes replaced by U+FFFD; save the file as UTF-8",
            line=data[:first_bad].count(b"\n") + 1,
        )
        return data.decode("utf-8", errors="replace")


def _sniff_encoding(path: Path) -> str:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        head = fh.read(1 << 16)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < len(head) - 4:  # not just a character cut at the edge
            return "cp1252"
    return "utf-8"


# ----------------------------------------------------------------------------- one-document files


def read_text_file(path: Path, report: IngestReport) -> Iterator[pd.DataFrame]:
    """A ``.txt`` or ``.md`` file is one article; its stem is the document id."""
    name = display_path(path)
    data = path.read_bytes()
    if not data.strip():
        report.add(name, "empty_file", "the file is empty", "skipped; remove it or add the text")
        return
    if looks_binary(data[:8192]):
        report.add(
            name,
            "binary_file",
            "the file is binary, not text",
            "skipped; convert it to .txt, .html or a table",
        )
        return
    text = decode(data, name, report)
    yield pd.DataFrame(
        {
            "doc_id": [path.stem],
            "text": [text],
            "_file": [name],
            "_line": [None],
            "_kind": ["plain"],
        }
    )


def read_html_file(path: Path, report: IngestReport) -> Iterator[pd.DataFrame]:
    """An ``.html`` page: main text by trafilatura, metadata from the page where present."""
    name = display_path(path)
    data = path.read_bytes()
    if not data.strip():
        report.add(name, "empty_file", "the file is empty", "skipped")
        return
    html = decode(data, name, report)
    import trafilatura  # imported on first use: it is slow to import

    found = trafilatura.extract(
        html,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    meta = json.loads(found) if found else {}
    if not meta.get("text"):
        report.add(
            name,
            "empty_html",
            "no article text found in the page",
            "kept with an empty body; check that the page holds the article",
        )
    tags = ", ".join(t for t in [meta.get("categories"), meta.get("tags")] if t)
    record = {
        "doc_id": path.stem,
        "title": meta.get("title"),
        "text": meta.get("text") or "",
        "date": meta.get("date"),
        "author": meta.get("author"),
        "url": meta.get("url") or meta.get("source"),
        "source": meta.get("sitename") or meta.get("hostname"),
        "tags": tags or None,
        "_file": name,
        "_line": None,
        "_kind": "html",
    }
    yield pd.DataFrame([record])


# ----------------------------------------------------------------------------- tables


def read_csv_file(path: Path, report: IngestReport) -> Iterator[pd.DataFrame]:
    """CSV or TSV (``.gz`` too), read in chunks; malformed rows are reported by line."""
    name = display_path(path)
    sep = "\t" if ".tsv" in path.suffixes or ".tab" in path.suffixes else ","
    encoding = _sniff_encoding(path)
    if encoding == "cp1252":
        report.add(
            name,
            "encoding",
            "not UTF-8; read as Windows-1252 (cp1252)",
            "decoded as cp1252; save the file as UTF-8 to be sure",
        )
    yielded = 0
    try:
        for chunk in _read_csv_fast(path, name, sep, encoding, report):
            yielded += len(chunk)
            yield chunk
    except (pd.errors.ParserError, _MalformedRows) as err:
        why = (
            f"the CSV parser stopped: {str(err).strip()}"
            if str(err)
            else "the file has malformed rows"
        )
        report.add(
            name,
            "malformed_csv",
            why,
            "re-read record by record; each record that cannot be read is listed",
        )
        yield from _read_csv_recovering(path, name, sep, encoding, report, skip_records=yielded)
    except pd.errors.EmptyDataError:
        report.add(name, "empty_file", "the table has no header and no rows", "skipped")


class _MalformedRows(Exception):
    """The fast reader met rows it would skip; switch to the record-by-record reader."""


def _read_csv_fast(path: Path, name: str, sep: str, encoding: str, report: IngestReport):
    held: pd.DataFrame | None = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        reader = pd.read_csv(
            path,
            sep=sep,
            dtype=str,
            keep_default_na=False,
            encoding=encoding,
            encoding_errors="replace",
            on_bad_lines="warn",
            chunksize=CHUNK_ROWS,
            compression="infer",
        )
        row = 0
        for chunk in reader:
            if any("Skipping line" in str(w.message) for w in caught):
                raise _MalformedRows()
            chunk = _with_provenance(chunk, name, start_line=row + 2)
            row += len(chunk)
            if held is not None:  # one batch in hand: a later parser error re-reads it cleanly
                yield held
            held = chunk
        if any("Skipping line" in str(w.message) for w in caught):
            raise _MalformedRows()
    if held is not None:
        yield held


def _read_csv_recovering(
    path: Path, name: str, sep: str, encoding: str, report: IngestReport, *, skip_records: int = 0
):
    """Read a CSV whose quoting is broken: one record at a time, skipping what cannot be read.

    The first ``skip_records`` good records were already delivered by the fast reader.
    """
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding=encoding, errors="replace", newline="") as fh:
        lines = fh.read().split("\n")
    header = next(csv.reader([lines[0]], delimiter=sep))
    rows, starts = [], []
    i = 1
    while i < len(lines):
        j, record = _next_record(lines, i, sep)
        if record is None:
            report.add(
                name,
                "malformed_row",
                "a quote opened on this line is never closed",
                "line skipped; close the quote and load again",
                line=i + 1,
            )
            i += 1
            continue
        if record and record != [""]:
            if len(record) == len(header):
                rows.append(record)
                starts.append(i + 1)
            else:
                report.add(
                    name,
                    "malformed_row",
                    f"row has the wrong number of fields ({len(record)} where the header "
                    f"has {len(header)})",
                    "row skipped; fix its quoting or separators and load again",
                    line=i + 1,
                )
        i = j
    df = pd.DataFrame(rows[skip_records:], columns=header)
    df["_file"], df["_line"] = name, starts[skip_records:]
    yield df


def _next_record(lines: list[str], i: int, sep: str) -> tuple[int, list[str] | None]:
    buf = lines[i]
    j = i + 1
    while buf.count('"') % 2 and j < len(lines) and j - i < MAX_RECORD_LINES:
        buf += "\n" + lines[j]
        j += 1
    if buf.count('"') % 2:
        return i + 1, None
    return j, next(csv.reader(io.StringIO(buf), delimiter=sep), [])


def read_json_file(path: Path, report: IngestReport) -> Iterator[pd.DataFrame]:
    """JSON: a list of objects, an object holding one such list, or a single article."""
    name = display_path(path)
    text = decode(path.read_bytes(), name, report)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        if text.lstrip().startswith("{") and "\n{" in text:  # JSON Lines under a .json name
            yield from _json_lines(text.splitlines(), name, report)
            return
        report.add(
            name,
            "malformed_json",
            f"not valid JSON: {err.msg}",
            "file skipped; fix the JSON (or save one object per line as .jsonl)",
            line=err.lineno,
        )
        return
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        data = lists[0] if lists else [data]
    records = [r for r in data if isinstance(r, dict)]
    if len(records) < len(data):
        report.add(
            name,
            "malformed_json",
            f"{len(data) - len(records)} items are not objects",
            "those items skipped",
        )
    df = pd.json_normalize(records, max_level=0) if records else pd.DataFrame()
    yield _with_provenance(df, name, start_line=None)


def read_jsonl_file(path: Path, report: IngestReport) -> Iterator[pd.DataFrame]:
    """JSON Lines: one object per line; bad lines are reported and skipped."""
    name = display_path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        text = decode(fh.read(), name, report)
    yield from _json_lines(text.splitlines(), name, report)


def _json_lines(lines: list[str], name: str, report: IngestReport) -> Iterator[pd.DataFrame]:
    records, numbers = [], []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            report.add(
                name,
                "malformed_json",
                f"not a JSON object: {err.msg}",
                "line skipped; fix it and load again",
                line=n,
            )
            continue
        if not isinstance(obj, dict):
            report.add(
                name,
                "malformed_json",
                "the line holds JSON but not an object",
                "line skipped",
                line=n,
            )
            continue
        records.append(obj)
        numbers.append(n)
        if len(records) >= CHUNK_ROWS:
            yield _lines_frame(records, numbers, name)
            records, numbers = [], []
    if records:
        yield _lines_frame(records, numbers, name)


def _lines_frame(records: list[dict], numbers: list[int], name: str) -> pd.DataFrame:
    df = pd.json_normalize(records, max_level=0)
    df["_file"], df["_line"] = name, numbers
    return df


def read_parquet_file(path: Path, report: IngestReport) -> Iterator[pd.DataFrame]:
    """Parquet, read in row batches."""
    import pyarrow.parquet as pq

    name = display_path(path)
    try:
        pf = pq.ParquetFile(path)
    except Exception as err:  # pyarrow raises several types for a broken file
        report.add(name, "malformed_parquet", f"not a readable Parquet file: {err}", "file skipped")
        return
    row = 0
    for batch in pf.iter_batches(batch_size=CHUNK_ROWS):
        df = batch.to_pandas()
        yield _with_provenance(df, name, start_line=row + 1)
        row += len(df)


def _with_provenance(df: pd.DataFrame, name: str, start_line: int | None) -> pd.DataFrame:
    df = df.copy()
    df["_file"] = name
    df["_line"] = range(start_line, start_line + len(df)) if start_line is not None else None
    return df


#: Reader per file extension (lower case; ``.gz`` is looked through).
READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".md": read_text_file,
    ".text": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".csv": read_csv_file,
    ".tsv": read_csv_file,
    ".tab": read_csv_file,
    ".json": read_json_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".parquet": read_parquet_file,
    ".pq": read_parquet_file,
}


def format_of(path: Path) -> str | None:
    """The reader key for a path (``data.csv.gz`` -> ``.csv``), ``None`` if unknown."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes and suffixes[-1] in READERS else None
