"""The corpus table's schema: its columns, the names recognised for each, and its errors."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from workbench.core.errors import UserError

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
STRING_COLUMNS = [
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


class CorpusError(UserError, ValueError):
    """The input cannot be loaded at all (no such path, nothing readable in it)."""


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
