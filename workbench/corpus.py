"""The corpus table: loading any pile of articles into one clean, documented DataFrame.

:func:`ingest` reads a file or folder (text, HTML, CSV/TSV, JSON/JSONL, Parquet,
or a mix), maps its columns onto :data:`SCHEMA`, joins a metadata sidecar,
normalises every body (:mod:`workbench.normalise`), parses dates, flags
duplicates and finds reused passages (:mod:`workbench.dedupe`). It returns an
:class:`Ingest` holding the corpus, the ingest report and the text-reuse table.
:func:`load_corpus` is the one-line version for notebooks.

Results are cached under ``$WORKBENCH_CACHE_DIR/corpus`` keyed by the input
files' bytes and the options, so loading the same corpus twice costs one
Parquet read.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from workbench import cache, config, dedupe, readers
from workbench.dates import parse_dates
from workbench.ingest_report import IngestReport
from workbench.language import detect_language
from workbench.normalise import normalise_article

#: Bumped whenever normalising or deduplicating changes, so old caches are not reused.
PIPELINE_VERSION = "1"

#: The corpus table's columns, in order, with what each holds.
SCHEMA: dict[str, str] = {
    "doc_id": "unique id: the file stem for one-article files, else the id column or <file>-<row>",
    "title": "headline: given, or the first headline-like line of a plain-text body",
    "text": "normalised body: clean characters, no chrome, paragraphs separated by a blank line",
    "text_raw": "the body exactly as received",
    "date": "publication date and time, UTC (midnight when only a day is known); NaT if unknown",
    "date_raw": "the date string as received",
    "source": "outlet or publisher",
    "author": "author(s) from the metadata or the byline",
    "url": "address of the article",
    "tags": "keywords and hashtags, '; '-separated",
    "dateline": "wire dateline taken off the body (e.g. 'KYIV, Ukraine (AP)')",
    "lang": "ISO 639-1 language code guessed from function words, 'und' if unclear",
    "n_words": "words in the normalised body",
    "duplicate_of": "doc_id of the earliest copy when this is an exact or near duplicate",
    "duplicate_kind": "'exact' or 'near' for duplicates",
    "similarity": "estimated Jaccard similarity to duplicate_of",
    "file": "the input file the record came from (relative to the project)",
    "line": "the line or row of that file, where it has one",
}

#: Names recognised for each field, in order of preference (case and punctuation ignored).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "doc_id": ("doc_id", "docid", "id", "document_id", "article_id", "uuid", "guid", "key"),
    "text": (
        "text",
        "body",
        "content",
        "article",
        "full_text",
        "fulltext",
        "article_text",
        "maintext",
        "story",
        "body_text",
        "text_raw",
    ),
    "title": ("title", "headline", "heading", "head", "article_title"),
    "date": (
        "date",
        "published",
        "published_at",
        "publish_date",
        "publication_date",
        "pub_date",
        "date_published",
        "datetime",
        "timestamp",
        "time",
        "created_at",
        "date_raw",
    ),
    "source": (
        "source",
        "outlet",
        "publisher",
        "publication",
        "site",
        "sitename",
        "site_name",
        "media",
        "newspaper",
        "domain",
    ),
    "author": ("author", "authors", "byline", "by", "writer", "creator"),
    "url": ("url", "link", "href", "uri", "permalink", "source_url", "article_url"),
    "tags": ("tags", "keywords", "categories", "subjects", "topics"),
}
_STRING_COLUMNS = [
    "doc_id",
    "title",
    "text",
    "text_raw",
    "date_raw",
    "source",
    "author",
    "url",
    "tags",
    "dateline",
    "lang",
    "file",
]
_SKIPPED_NAMES = ("readme", "license", "licence", "changelog", "source.md")


class CorpusError(ValueError):
    """The input cannot be loaded at all (no such path, nothing readable in it)."""


@dataclass
class Ingest:
    """A loaded corpus with its report.

    Attributes:
        corpus: The corpus table (:data:`SCHEMA`, then any extra input columns).
        report: Records skipped or repaired, and what each normalising rule did.
        reuse: Passages shared between articles (see :func:`workbench.dedupe.text_reuse`).
        sources: The input files read.
    """

    corpus: pd.DataFrame
    report: IngestReport = field(default_factory=IngestReport)
    reuse: pd.DataFrame = field(default_factory=pd.DataFrame)
    sources: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, object]:
        """Documents, words, sources, date range, duplicates, skipped records, in a dict."""
        return summarise(self.corpus, self.report)


# ----------------------------------------------------------------------------- public API


def load_corpus(
    source: str | os.PathLike[str] | pd.DataFrame | None = None, **options
) -> pd.DataFrame:
    """Load, normalise and deduplicate a corpus; the table only (see :func:`ingest`)."""
    return ingest(source, **options).corpus


def ingest(
    source: str | os.PathLike[str] | pd.DataFrame | None = None,
    *,
    metadata: str | os.PathLike[str] | None = None,
    columns: Mapping[str, str] | None = None,
    find_titles: bool | None = None,
    near_threshold: float = config.NEAR_DUPLICATE_THRESHOLD,
    reuse_min_words: int = 25,
    dayfirst: bool = False,
    use_cache: bool = True,
    progress: bool | None = None,
    warn: bool = True,
) -> Ingest:
    """Load a corpus from any supported input into the corpus table.

    Args:
        source: A file, a folder (read recursively), an ingested Parquet file, or a
            DataFrame. Default: the bundled sample corpus.
        metadata: A sidecar table joined on ``doc_id``; a folder's ``metadata.csv``
            is used when this is not given. Its non-empty values win.
        columns: Field -> column name, overriding the detected mapping, e.g.
            ``{"text": "body_html", "date": "pubDate"}``.
        find_titles: Take a plain-text body's first headline-like line as its title.
            Default: on for one-article files, off for tables.
        near_threshold: MinHash Jaccard threshold for near duplicates.
        reuse_min_words: Shortest shared passage reported in the reuse table.
        dayfirst: Read ambiguous dates like ``08/07/2022`` as day first.
        use_cache: Reuse (and store) the result for identical input and options.
        progress: Show a progress bar; default: only for large inputs.
        warn: Emit one warning per kind of input problem.

    Raises:
        CorpusError: The source does not exist or holds nothing readable.
    """
    if isinstance(source, pd.DataFrame):
        result = _ingest_frames(
            [source.assign(_file="<DataFrame>", _line=range(1, len(source) + 1))],
            IngestReport(),
            columns,
            {},
            find_titles,
            near_threshold,
            reuse_min_words,
            dayfirst,
            progress,
        )
        return _finish(result, warn)
    path = Path(source) if source is not None else config.sample_corpus()
    if not path.exists():
        raise CorpusError(
            f"{config.display_path(path)}: no such file or folder. Give a folder of "
            "articles, or a CSV, TSV, JSON, JSONL, Parquet or HTML file."
        )
    if _is_ingested_parquet(path):
        return _finish(
            Ingest(corpus=pd.read_parquet(path), sources=[config.display_path(path)]), warn
        )
    files = _input_files(path)
    sidecar_path = Path(metadata) if metadata else _folder_sidecar(path)
    key = cache.key(
        PIPELINE_VERSION,
        [_fingerprint(f) for f in files],
        _fingerprint(sidecar_path) if sidecar_path else None,
        dict(columns or {}),
        find_titles,
        near_threshold,
        reuse_min_words,
        dayfirst,
    )
    cached = _read_cached(key) if use_cache else None
    if cached is not None:
        return _finish(cached, warn)
    report = IngestReport()
    sidecar = _read_sidecar(sidecar_path, report) if sidecar_path else {}
    if not files:
        raise CorpusError(
            f"{config.display_path(path)}: no readable articles (.txt, .md, .html, "
            f".csv, .tsv, .json, .jsonl, .parquet) found here."
        )
    frames = _read_files(files, report, progress)
    result = _ingest_frames(
        frames,
        report,
        columns,
        sidecar,
        find_titles,
        near_threshold,
        reuse_min_words,
        dayfirst,
        progress,
    )
    result.sources = [config.display_path(f) for f in files]
    if use_cache:
        _write_cached(key, result)
    return _finish(result, warn)


def save_corpus(corpus: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write the corpus table atomically; Parquet keeps every type and is read back by ingest."""
    path = Path(path)
    if path.suffix.lower() in {".parquet", ".pq"}:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(corpus, preserve_index=False)
        meta = {**(table.schema.metadata or {}), b"workbench": PIPELINE_VERSION.encode()}
        with cache.atomic_path(path) as tmp:
            pq.write_table(table.replace_schema_metadata(meta), tmp)
        return path
    return cache.write_table(corpus, path)


def summarise(corpus: pd.DataFrame, report: IngestReport | None = None) -> dict[str, object]:
    """Headline numbers of a corpus table."""
    dates = (
        corpus["date"].dropna() if "date" in corpus else pd.Series([], dtype="datetime64[ns, UTC]")
    )
    return {
        "documents": len(corpus),
        "words": int(corpus["n_words"].sum()) if len(corpus) else 0,
        "sources": int(corpus["source"].nunique()) if "source" in corpus else 0,
        "first_date": dates.min().date().isoformat() if len(dates) else None,
        "last_date": dates.max().date().isoformat() if len(dates) else None,
        "undated": int(corpus["date"].isna().sum()) if "date" in corpus else len(corpus),
        "unparsed_dates": int((corpus["date"].isna() & corpus["date_raw"].fillna("").ne("")).sum())
        if "date_raw" in corpus
        else 0,
        "duplicates": int(corpus["duplicate_of"].notna().sum()) if "duplicate_of" in corpus else 0,
        "problems": len(report.problems) if report else 0,
    }


# ----------------------------------------------------------------------------- files


def _input_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    found = []
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        name = f.name.lower()
        if name.startswith(".") or name == "metadata.csv" or name.startswith(_SKIPPED_NAMES):
            continue
        if readers.format_of(f):
            found.append(f)
    return found


def _folder_sidecar(path: Path) -> Path | None:
    candidate = path / "metadata.csv" if path.is_dir() else None
    return candidate if candidate and candidate.exists() else None


def _fingerprint(path: Path) -> str:
    import hashlib

    h = hashlib.blake2b(digest_size=12)
    h.update(config.display_path(path).encode())
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            h.update(block)
    return h.hexdigest()


def _is_ingested_parquet(path: Path) -> bool:
    if not path.is_file() or readers.format_of(path) != ".parquet":
        return False
    import pyarrow.parquet as pq

    try:
        meta = pq.read_schema(path).metadata or {}
    except Exception:
        return False
    return b"workbench" in meta


def _read_files(
    files: list[Path], report: IngestReport, progress: bool | None
) -> list[pd.DataFrame]:
    frames = []
    for f in _progress(
        files, progress if progress is not None else len(files) > 200, "reading", "files"
    ):
        fmt = readers.format_of(f)
        try:
            frames.extend(readers.READERS[fmt](f, report))
        except OSError as err:
            report.add(
                config.display_path(f),
                "unreadable_file",
                f"cannot be read: {err.strerror}",
                "skipped; check permissions",
            )
    return frames


def _read_sidecar(path: Path, report: IngestReport) -> dict[str, dict[str, str]]:
    name = config.display_path(path)
    if not path.exists():
        raise CorpusError(f"{name}: the metadata file does not exist.")
    table = pd.concat(
        list(readers.READERS[readers.format_of(path) or ".csv"](path, report)), ignore_index=True
    )
    mapping = detect_columns(list(table.columns), {})
    if "doc_id" not in mapping:
        report.add(
            name,
            "sidecar_without_id",
            f"no doc_id column among {list(table.columns)[:12]}",
            "sidecar ignored; add a doc_id column matching the file names",
        )
        return {}
    out: dict[str, dict[str, str]] = {}
    for rec in table.to_dict("records"):
        values = {f: str(rec[c]).strip() for f, c in mapping.items() if f != "doc_id"}
        out[str(rec[mapping["doc_id"]]).strip()] = {
            f: v for f, v in values.items() if v and v != "nan"
        }
    return out


# ----------------------------------------------------------------------------- columns


def detect_columns(available: Iterable[str], override: Mapping[str, str]) -> dict[str, str]:
    """Map corpus fields to input columns: explicit ``override`` first, then aliases.

    Raises:
        KeyError: An override names a column the input does not have.
    """
    available = [c for c in available if not str(c).startswith("_")]
    by_norm = {_norm(c): c for c in reversed(available)}
    mapping: dict[str, str] = {}
    for fld, col in override.items():
        if fld not in COLUMN_ALIASES:
            raise KeyError(f"columns: unknown field {fld!r}; fields are {sorted(COLUMN_ALIASES)}")
        if col not in available:
            raise KeyError(f"columns: no column {col!r} in the input; it has {available[:20]}")
        mapping[fld] = col
    used = set(mapping.values())
    for fld, aliases in COLUMN_ALIASES.items():
        if fld in mapping:
            continue
        for alias in aliases:
            col = by_norm.get(_norm(alias))
            if col is not None and col not in used:
                mapping[fld] = col
                used.add(col)
                break
    return mapping


def _norm(name: object) -> str:
    return "".join(ch for ch in str(name).lower() if ch.isalnum())


# ----------------------------------------------------------------------------- pipeline


def _ingest_frames(
    frames,
    report,
    columns,
    sidecar,
    find_titles,
    near_threshold,
    reuse_min_words,
    dayfirst,
    progress,
) -> Ingest:
    records = list(_canonical_records(frames, report, dict(columns or {}), sidecar))
    report.n_records_read = len(records)
    show = progress if progress is not None else len(records) > 2000
    rows = []
    for batch_rows, batch_report in _normalise_all(records, find_titles, show):
        rows.extend(batch_rows)
        report.merge(batch_report)
    corpus = _to_frame(rows, report)
    corpus["date"] = parse_dates(corpus["date_raw"], dayfirst=dayfirst)
    _report_dates(corpus, report)
    tokens = dedupe.Tokens.of(corpus["text"].tolist())
    dups = dedupe.find_duplicates(corpus, threshold=near_threshold, tokens=tokens)
    for col in ("duplicate_of", "duplicate_kind", "similarity"):
        corpus[col] = dups[col].to_numpy()
    copies = set(dups.loc[dups["duplicate_of"].notna(), "doc_id"])
    reuse = dedupe.text_reuse(corpus, min_words=reuse_min_words, tokens=tokens, skip_docs=copies)
    return Ingest(corpus=_order_columns(corpus), report=report, reuse=reuse)


def _canonical_records(frames, report, override, sidecar) -> Iterator[dict]:
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


def _normalise_all(records: list[dict], find_titles: bool | None, show: bool):
    """Normalise records in batches, over all cores for large corpora, in input order."""
    batches = [records[i : i + _BATCH] for i in range(0, len(records), _BATCH)]
    workers = min(os.cpu_count() or 1, len(batches))
    if len(records) < _PARALLEL_FROM or workers < 2 or not hasattr(os, "fork"):
        results = (_normalise_batch(b, find_titles) for b in batches)
        yield from _progress(results, show, "normalising", f"x{_BATCH} docs", total=len(batches))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        results = pool.map(_normalise_batch, batches, [find_titles] * len(batches))
        yield from _progress(results, show, "normalising", f"x{_BATCH} docs", total=len(batches))


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


def _to_frame(
    rows: list[dict], report: IngestReport, seen: dict[str, int] | None = None
) -> pd.DataFrame:
    """Rows to a frame, renaming repeated ids; ``seen`` carries id counts across batches."""
    if not rows:
        raise CorpusError(
            "no article could be read: " + "; ".join(str(p) for p in report.problems[:5])
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


def _report_dates(corpus: pd.DataFrame, report: IngestReport) -> None:
    bad = corpus["date"].isna() & corpus["date_raw"].fillna("").ne("")
    for rec in corpus.loc[bad, ["file", "line", "doc_id", "date_raw"]].itertuples():
        report.add(
            rec.file,
            "unparsed_date",
            f"date {rec.date_raw!r} could not be read",
            "kept in date_raw, date left empty; use ISO 8601 (2025-07-10)",
            line=None if pd.isna(rec.line) else int(rec.line),
            doc_id=rec.doc_id,
        )


def _order_columns(corpus: pd.DataFrame) -> pd.DataFrame:
    for col in SCHEMA:
        if col not in corpus:
            corpus[col] = None
    extras = [c for c in corpus.columns if c not in SCHEMA]
    corpus = corpus[[*SCHEMA, *extras]]
    types = {c: "string" for c in _STRING_COLUMNS}
    types.update(
        {
            "n_words": "int64",
            "duplicate_of": "string",
            "duplicate_kind": "string",
            "similarity": "float64",
        }
    )
    return corpus.astype(types).reset_index(drop=True)


def _finish(result: Ingest, warn: bool) -> Ingest:
    if warn:
        result.report.emit_warnings(stacklevel=4)
    return result


def _progress(items, show: bool, desc: str, unit: str, total: int | None = None):
    if not show:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit=f" {unit}", mininterval=1.0, total=total)


# ----------------------------------------------------------------------------- cache


def _read_cached(key: str) -> Ingest | None:
    folder = config.cache_dir("corpus", key)
    files = [folder / n for n in ("corpus.parquet", "reuse.parquet", "report.json")]
    if not all(f.exists() for f in files):
        return None
    try:
        meta = json.loads(files[2].read_text())
        report = IngestReport(n_records_read=meta["n_records_read"])
        for p in meta["problems"]:
            report.add(
                p["file"], p["kind"], p["message"], p["action"], line=p["line"], doc_id=p["doc_id"]
            )
        for r in meta["rules"]:
            t = report.rules[r["rule"]]
            t.n_docs, t.n_items, t.n_chars, t.example = (
                r["n_docs"],
                r["n_items"],
                r["n_chars"],
                r["example"],
            )
        return Ingest(pd.read_parquet(files[0]), report, pd.read_parquet(files[1]), meta["sources"])
    except Exception:  # a broken cache entry is rebuilt, never trusted
        return None


def _write_cached(key: str, result: Ingest) -> None:
    folder = config.cache_dir("corpus", key)
    save_corpus(result.corpus, folder / "corpus.parquet")
    cache.write_table(result.reuse, folder / "reuse.parquet")
    problems = result.report.problems_frame().astype(object).where(lambda d: d.notna(), None)
    meta = {
        "n_records_read": result.report.n_records_read,
        "problems": problems.to_dict("records"),
        "rules": result.report.rules_frame().to_dict("records"),
        "sources": result.sources,
    }
    cache.write_text(folder / "report.json", json.dumps(meta, default=str))
