"""Finding the input: which files a path holds, reading them raw, and the metadata sidecar.

Used by both ways of loading, in memory (:mod:`workbench.corpus.load`) and streamed to
Parquet (:mod:`workbench.corpus.stream`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from workbench import config
from workbench.core import pool
from workbench.corpus import readers
from workbench.corpus.report import IngestReport
from workbench.corpus.schema import CorpusError, detect_columns

#: File names never read as articles.
_SKIPPED_NAMES = ("readme", "license", "licence", "changelog", "source.md")


def input_files(path: Path) -> list[Path]:
    """The article files at ``path``: the file itself, or a folder's readable files, sorted."""
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


def folder_sidecar(path: Path) -> Path | None:
    """A folder's ``metadata.csv``, when it has one."""
    candidate = path / "metadata.csv" if path.is_dir() else None
    return candidate if candidate and candidate.exists() else None


def read_files(
    files: list[Path], report: IngestReport, progress: bool | None
) -> list[pd.DataFrame]:
    """Every file read into raw frames; an unreadable file becomes a row of ``report``."""
    frames = []
    for f in pool.progress(
        files,
        progress if progress is not None else (None if len(files) > 200 else False),
        "reading",
        "files",
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


def read_sidecar(path: Path, report: IngestReport) -> dict[str, dict[str, str]]:
    """A metadata sidecar as ``doc_id -> {field: value}`` (non-empty values only)."""
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
    for row in table.to_dict("records"):
        values = {f: str(row[c]).strip() for f, c in mapping.items() if f != "doc_id"}
        out[str(row[mapping["doc_id"]]).strip()] = {
            f: v for f, v in values.items() if v and v != "nan"
        }
    return out
