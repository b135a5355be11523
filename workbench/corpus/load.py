"""The corpus table: loading any pile of articles into one clean, documented DataFrame.

:func:`ingest` reads a file or folder (text, HTML, CSV/TSV, JSON/JSONL, Parquet,
or a mix), maps its columns onto :data:`SCHEMA`, joins a metadata sidecar,
normalises every body (:mod:`workbench.corpus.normalise`), parses dates, flags
duplicates and finds reused passages (:mod:`workbench.corpus.dedupe`). It returns an
:class:`Ingest` holding the corpus, the ingest report and the text-reuse table.
:func:`load_corpus` is the one-line version for notebooks.

Results are cached under ``$WORKBENCH_CACHE_DIR/corpus`` keyed by the input
files' bytes and the options, so loading the same corpus twice costs one
Parquet read.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from workbench import config
from workbench.core import cache, display
from workbench.core.prose import plural
from workbench.corpus import dedupe, readers
from workbench.corpus import records as rec
from workbench.corpus.report import IngestReport
from workbench.corpus.schema import COLUMN_ALIASES, SCHEMA, CorpusError, detect_columns
from workbench.corpus.sources import folder_sidecar, input_files, read_files, read_sidecar

__all__ = [
    "COLUMN_ALIASES",
    "SCHEMA",
    "CorpusError",
    "Ingest",
    "detect_columns",
    "ingest",
    "load_corpus",
    "save_corpus",
    "summarise",
]

#: Bumped whenever normalising or deduplicating changes, so old caches are not reused.
PIPELINE_VERSION = "1"


def _about(result: Ingest) -> list[str]:
    """A line or two about an ingest, for its short views (robust to a bare table)."""
    corpus = result.corpus
    try:
        s = summarise(corpus, result.report)
    except (KeyError, TypeError, AttributeError, ValueError):
        return [f"{len(corpus):,} documents"]
    dates = f"dated {s['first_date']} to {s['last_date']}" if s["first_date"] else "undated"
    counts = [(s["documents"], "document"), (s["words"], "word"), (s["sources"], "source")]
    return [
        ", ".join(plural(n, noun) for n, noun in counts) + f", {dates}",
        f"{plural(s['duplicates'], 'duplicate')} flagged, "
        f"{plural(s['problems'], 'record')} skipped or repaired (.report)",
    ]


@display.summarised(
    tables=("corpus", "reuse"),
    next_step="extract_actors(result) · fit_topics(result) · build_timeline(result)",
    about=_about,
)
@dataclass
class Ingest:
    """A loaded corpus with its report.

    Attributes:
        corpus: The corpus table (:data:`SCHEMA`, then any extra input columns).
        report: Records skipped or repaired, and what each normalising rule did.
        reuse: Passages shared between articles (see :func:`workbench.corpus.dedupe.text_reuse`).
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
    files = input_files(path)
    sidecar_path = Path(metadata) if metadata else folder_sidecar(path)
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
    sidecar = read_sidecar(sidecar_path, report) if sidecar_path else {}
    if not files:
        raise CorpusError(
            f"{config.display_path(path)}: no readable articles (.txt, .md, .html, "
            f".csv, .tsv, .json, .jsonl, .parquet) found here."
        )
    frames = read_files(files, report, progress)
    try:
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
    except CorpusError as err:
        # Name what was read: "no article could be read" alone does not say from where.
        shown = ", ".join(config.display_path(f) for f in files[:3])
        more = f" and {len(files) - 3} more files" if len(files) > 3 else ""
        raise CorpusError(f"{shown}{more}: {err}") from None
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
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        meta = pq.read_schema(path).metadata or {}
    except (OSError, ValueError, pa.ArrowException):  # the reader reports a broken file
        return False
    return b"workbench" in meta


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
    corpus = rec.normalised_frame(frames, report, columns, sidecar, find_titles, dayfirst, progress)
    tokens = dedupe.Tokens.of(corpus["text"].tolist())
    dups = dedupe.find_duplicates(corpus, threshold=near_threshold, tokens=tokens)
    for col in ("duplicate_of", "duplicate_kind", "similarity"):
        corpus[col] = dups[col].to_numpy()
    copies = set(dups.loc[dups["duplicate_of"].notna(), "doc_id"])
    reuse = dedupe.text_reuse(corpus, min_words=reuse_min_words, tokens=tokens, skip_docs=copies)
    return Ingest(corpus=rec.order_columns(corpus), report=report, reuse=reuse)


def _finish(result: Ingest, warn: bool) -> Ingest:
    if warn:
        result.report.emit_warnings(stacklevel=4)
    return result


# ----------------------------------------------------------------------------- cache


def _read_cached(key: str) -> Ingest | None:
    """The cached result of an identical earlier ingest; None on a miss or a damaged entry."""
    folder = config.cache_dir("corpus", key)
    files = [folder / n for n in ("corpus.parquet", "reuse.parquet", "report.json")]
    if not all(f.exists() for f in files):
        return None
    if (meta := cache.read_entry(files[2], _read_report)) is None:
        return None
    if (corpus := cache.read_entry(files[0], pd.read_parquet)) is None:
        return None
    if (reuse := cache.read_entry(files[1], pd.read_parquet)) is None:
        return None
    report, sources = meta
    return Ingest(corpus, report, reuse, sources)


def _read_report(path: Path) -> tuple[IngestReport, list[str]]:
    """The ingest report and the source list stored beside a cached corpus."""
    meta = json.loads(path.read_text(encoding="utf-8"))
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
    return report, meta["sources"]


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
