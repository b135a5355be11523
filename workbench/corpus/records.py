"""From raw records to corpus rows: map fields, normalise bodies, build the table.

The steps :func:`workbench.corpus.ingest` and :func:`workbench.corpus.stream.ingest_to_file`
share: each raw record (a reader's row plus the sidecar's values) becomes a dict
of corpus fields (:func:`canonical_records`), is normalised, over all cores for
large inputs (:func:`normalise_all`), and the rows become a typed table in the
column order of :data:`workbench.corpus.SCHEMA` (:func:`to_frame`,
:func:`order_columns`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from workbench.corpus.dates import lacks_year, parse_dates
from workbench.corpus.language import detect_language
from workbench.corpus.normalise import normalise_article
from workbench.corpus.report import IngestReport
from workbench.corpus.schema import SCHEMA, STRING_COLUMNS, CorpusError, detect_columns


def canonical_records(frames, report, override, sidecar) -> Iterator[dict]:
    """Each reader row as a dict of corpus fields, with the sidecar's values and the extras."""
    seen_files: set[str] = set()
    for frame in frames:
        file = str(frame["_file"].iloc[0]) if len(frame) else "?"
        try:
            mapping = detect_columns(frame.columns, override)
        except KeyError as err:
            report.add(
                file, "bad_column_option", str(err.args[0]), "file skipped; fix the columns option"
            )
            continue
        if "text" not in mapping:
            if file not in seen_files:
                report.add(
                    file,
                    "no_text_column",
                    f"no text column among {_visible(frame.columns)[:15]}",
                    "file skipped; name the column with columns={'text': NAME} "
                    "(command line: --column text=NAME)",
                )
            seen_files.add(file)
            continue
        seen_files.add(file)
        extras = [c for c in frame.columns if c not in mapping.values() and not c.startswith("_")]
        kind = frame["_kind"].iloc[0] if "_kind" in frame else "table"
        for i, rec in enumerate(frame.to_dict("records")):
            out = {f: rec.get(c) for f, c in mapping.items()}
            out["date_raw"] = out.pop("date", None)
            out["_file"], out["_line"], out["_kind"] = rec["_file"], rec.get("_line"), kind
            if not out.get("doc_id") or _is_missing(out["doc_id"]):
                out["doc_id"] = (
                    f"{Path(file).stem.split('.')[0]}-{i + 1:05d}" if kind == "table" else None
                )
            out["doc_id"] = str(out["doc_id"]).strip()
            for fld, value in sidecar.get(out["doc_id"], {}).items():
                out["date_raw" if fld == "date" else fld] = value
            out["_extras"] = {(f"orig_{c}" if c in SCHEMA else c): rec[c] for c in extras}
            yield out


def _visible(columns) -> list[str]:
    return [c for c in columns if not str(c).startswith("_")]


def _is_missing(value: object) -> bool:
    return (
        value is None or (isinstance(value, float) and np.isnan(value)) or str(value).strip() == ""
    )


#: Records per task when normalising in several processes.
_BATCH = 1_000
#: Below this many records one process is faster than starting workers.
_PARALLEL_FROM = 4_000


def _normalise_batch(
    records: list[dict], find_titles: bool | None
) -> tuple[list[dict], IngestReport]:
    report = IngestReport()
    return [_normalise_record(r, find_titles, report) for r in records], report


def normalise_all(records: list[dict], find_titles: bool | None, show: bool | None):
    """Normalise records in batches, in input order.

    On a Dask cluster when one is active (:mod:`workbench.core.distributed`), else over all
    local cores for large corpora, else in this process.
    """
    from workbench.core import distributed, pool

    batches = [records[i : i + _BATCH] for i in range(0, len(records), _BATCH)]

    def bar(results, total):
        return pool.progress(results, show, "normalising", f"x{_BATCH} docs", total=total)

    small = len(records) < _PARALLEL_FROM or pool.processes(None, len(batches)) < 2
    if distributed.current_client() is not None or small:
        yield from distributed.map_batches(_normalise_batch, batches, find_titles, progress=bar)
        return
    yield from bar(pool.fork_map(_normalise_batch, batches, find_titles), len(batches))


def _normalise_record(rec: dict, find_titles: bool | None, report: IngestReport) -> dict:
    raw = "" if _is_missing(rec.get("text")) else str(rec["text"])
    title = None if _is_missing(rec.get("title")) else str(rec["title"]).strip()
    author = None if _is_missing(rec.get("author")) else str(rec["author"]).strip()
    find = find_titles if find_titles is not None else rec["_kind"] == "plain"
    norm = normalise_article(raw, title=title, author=author, find_title=find)
    report.tally(norm.removed)
    if not norm.text:
        report.add(
            rec["_file"],
            "empty_text",
            "the article has no body text",
            "kept with an empty body",
            line=rec.get("_line"),
            doc_id=rec["doc_id"],
        )
    tags = rec.get("tags")
    tags = (
        []
        if _is_missing(tags)
        else [str(tags)]
        if not isinstance(tags, list)
        else [str(t) for t in tags]
    )
    all_tags = list(dict.fromkeys([*tags, *norm.tags]))
    source = None if _is_missing(rec.get("source")) else str(rec["source"]).strip()
    return {
        "doc_id": rec["doc_id"],
        "title": norm.title,
        "text": norm.text,
        "text_raw": raw,
        "date_raw": None if _is_missing(rec.get("date_raw")) else str(rec["date_raw"]).strip(),
        "source": source or norm.source,
        "author": norm.author,
        "url": None if _is_missing(rec.get("url")) else str(rec["url"]).strip(),
        "tags": "; ".join(all_tags) or None,
        "dateline": norm.dateline,
        "lang": detect_language(norm.text),
        "n_words": len(norm.text.split()),
        "file": rec["_file"],
        "line": rec.get("_line"),
        **rec["_extras"],
    }


def normalised_frame(
    frames: list[pd.DataFrame],
    report: IngestReport,
    columns: dict | None,
    sidecar: dict,
    find_titles: bool | None,
    dayfirst: bool,
    progress: bool | None,
    seen: dict[str, int] | None = None,
) -> pd.DataFrame:
    """Raw frames to corpus rows: canonical records, normalised, ids made unique, dates parsed.

    The one normalising pipeline of both loading paths (in memory and streamed); duplicate
    flags and text reuse come after it. ``seen`` carries the ids already given out across
    the batches of a stream.
    """
    records = list(canonical_records(frames, report, dict(columns or {}), sidecar))
    report.n_records_read += len(records)
    # Large inputs: a bar when someone watches (None lets the pool decide); small: none.
    show = progress if progress is not None else (None if len(records) > 2000 else False)
    rows = []
    for batch_rows, batch_report in normalise_all(records, find_titles, show):
        rows.extend(batch_rows)
        report.merge(batch_report)
    if not rows and seen is not None:  # a streamed batch with nothing readable
        return pd.DataFrame()
    corpus = to_frame(rows, report, seen)
    corpus["date"] = parse_dates(corpus["date_raw"], dayfirst=dayfirst)
    report_dates(corpus, report)
    return order_columns(corpus)


def to_frame(
    rows: list[dict], report: IngestReport, seen: dict[str, int] | None = None
) -> pd.DataFrame:
    """Rows to a frame, renaming repeated ids; ``seen`` carries id counts across batches."""
    if not rows:
        raise CorpusError(
            "no article could be read: "
            + (
                "; ".join(str(p) for p in report.problems[:5])
                or "the input holds no rows (a CSV with only its header, or empty files); "
                "add articles, one per row or file"
            )
        )
    corpus = pd.DataFrame(rows)
    counts = {} if seen is None else seen
    ids = corpus["doc_id"].tolist()
    for i, doc_id in enumerate(ids):
        counts[doc_id] = counts.get(doc_id, 0) + 1
        if counts[doc_id] > 1:
            ids[i] = f"{doc_id}~{counts[doc_id]}"
            report.add(
                str(corpus.at[i, "file"]),
                "duplicate_id",
                f"doc_id {doc_id!r} was already used by an earlier record",
                f"renamed to {ids[i]!r}; give every record its own id",
                line=corpus.at[i, "line"],
                doc_id=ids[i],
            )
    corpus["doc_id"] = ids
    corpus["line"] = pd.array(corpus["line"], dtype="Int64")
    return corpus


def report_dates(corpus: pd.DataFrame, report: IngestReport) -> None:
    """Note every date that was given but could not be read."""
    bad = corpus["date"].isna() & corpus["date_raw"].fillna("").ne("")
    yearless = {raw: lacks_year(raw) for raw in corpus.loc[bad, "date_raw"].unique()}
    for rec in corpus.loc[bad, ["file", "line", "doc_id", "date_raw"]].itertuples():
        message, action = _date_problem(rec.date_raw, yearless[rec.date_raw])
        report.add(
            rec.file,
            "unparsed_date",
            message,
            action,
            line=None if pd.isna(rec.line) else int(rec.line),
            doc_id=rec.doc_id,
        )


def _date_problem(raw: str, yearless: bool) -> tuple[str, str]:
    """What was wrong with an unread date, and what the researcher can do about it."""
    if yearless:
        return (
            f"date {raw!r} has no year",
            "kept in date_raw, date left empty; give dates with their year "
            "(July 8, 2022 or 2022-07-08), or full dates in a metadata.csv "
            "(columns doc_id, date) beside the articles",
        )
    return (
        f"date {raw!r} could not be read",
        "kept in date_raw, date left empty; use ISO 8601 (2025-07-10)",
    )


def order_columns(corpus: pd.DataFrame) -> pd.DataFrame:
    """The schema's columns first, in order and typed, then any extra input columns."""
    for col in SCHEMA:
        if col not in corpus:
            corpus[col] = None
    extras = [c for c in corpus.columns if c not in SCHEMA]
    corpus = corpus[[*SCHEMA, *extras]]
    types = {c: "string" for c in STRING_COLUMNS}
    types.update(
        {
            "n_words": "int64",
            "duplicate_of": "string",
            "duplicate_kind": "string",
            "similarity": "float64",
        }
    )
    return corpus.astype(types).reset_index(drop=True)
