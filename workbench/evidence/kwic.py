"""Keyword in context: every place a word, phrase, pattern or actor occurs, with its surroundings.

:func:`kwic` answers "where does the coverage say this, and how?": one row per
occurrence with ``window`` characters of text on either side, earliest article first.
With the actors layer's tables, a query that names an actor ("Lavrov", "Sergei Lavrov")
finds that actor's mentions, every spelling the resolution merged into it; any other
query is searched in the text. The table holds plain strings, so
:func:`workbench.notebook.table` shows it escaped like any other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from numbers import Integral

import pandas as pd

from workbench.actors.lookup import NameNotFoundError, find_actor
from workbench.core.errors import InputError
from workbench.corpus.inputs import CorpusLike, as_corpus

#: The columns of a :func:`kwic` table.
KWIC_COLUMNS = ["doc_id", "source", "date", "left", "match", "right", "start", "end"]

_SPACE = re.compile(r"\s+")


def kwic(
    corpus: CorpusLike,
    query: str,
    *,
    actors: object | None = None,
    window: int = 60,
    case: bool = False,
    regex: bool = False,
    limit: int | None = None,
    source: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Every occurrence of ``query`` with the text around it, earliest article first.

    Args:
        corpus: The corpus table (``doc_id``, ``text``; ``source`` and ``date`` when
            present), an ``Ingest``, or a file or folder to load.
        query: A word or phrase (whole words, whitespace matched loosely), a regular
            expression with ``regex=True``, or an actor's name or alias when ``actors``
            is given.
        actors: The ``ActorTables`` of this corpus (:func:`workbench.actors.extract_actors`).
            When ``query`` names one of its actors (:func:`workbench.actors.find_actor`),
            that actor's mentions are listed, whatever spelling each uses; otherwise the
            text is searched.
        window: Characters of context on each side.
        case: Match upper and lower case exactly (text searches only).
        regex: Read ``query`` as a Python regular expression.
        limit: At most this many rows (the earliest).
        source: Only documents from this outlet (or these outlets).

    Returns:
        :data:`KWIC_COLUMNS`: ``doc_id, source, date``, the ``left`` context, the ``match``
        as written, the ``right`` context (line breaks as spaces), and the match's
        ``start`` and ``end`` offsets in the text; sorted by date, then document order and
        offset. No occurrence gives an empty table with these columns.

    Raises:
        InputError: An empty query, a regular expression that does not compile, a
            ``window`` or ``limit`` that is not a whole number, or a ``source`` no document
            has (the outlets are listed).
    """
    corpus = as_corpus(corpus)
    _check(query, window, limit)
    docs = _ordered(_select(corpus, source))
    canonical = _actor(query, actors)
    if canonical is not None:
        spans = _actor_spans(docs, actors.mentions, canonical)
    else:
        spans = _text_spans(docs, _pattern(query, case=case, regex=regex), limit)
    rows = []
    for i, start, end in spans:
        text = docs["text"].iat[i]
        rows.append(
            {
                "doc_id": docs["doc_id"].iat[i],
                "source": docs["source"].iat[i],
                "date": docs["date"].iat[i],
                "left": _flat(text[max(0, start - window) : start]),
                "match": _flat(text[start:end]),
                "right": _flat(text[end : end + window]),
                "start": start,
                "end": end,
            }
        )
        if limit is not None and len(rows) == limit:
            break
    return _table(rows)


def _check(query: object, window: object, limit: object) -> None:
    if not isinstance(query, str) or not query.strip():
        raise InputError(f"kwic(query={query!r}): pass a word, a phrase or a pattern to find")
    if isinstance(window, bool) or not isinstance(window, Integral) or window < 0:
        raise InputError(f"kwic(window={window!r}): pass a number of characters, 0 or more")
    if limit is not None and (
        isinstance(limit, bool) or not isinstance(limit, Integral) or limit < 1
    ):
        raise InputError(f"kwic(limit={limit!r}): pass a number of rows, 1 or more, or None")


def _select(corpus: pd.DataFrame, source: str | Iterable[str] | None) -> pd.DataFrame:
    docs = corpus.assign(
        text=corpus["text"].fillna("").astype(str),
        source=corpus.get("source"),
        date=pd.to_datetime(corpus["date"], utc=True, errors="coerce")
        if "date" in corpus
        else pd.NaT,
    )
    if source is None:
        return docs
    wanted = [source] if isinstance(source, str) else list(source)
    known = sorted(docs["source"].dropna().astype(str).unique())
    unknown = [s for s in wanted if s not in known]
    if unknown:
        shown = ", ".join(repr(k) for k in known[:12]) + (" ..." if len(known) > 12 else "")
        raise InputError(
            f"kwic(source={source!r}): no document from {', '.join(map(repr, unknown))}; "
            f"the outlets are {shown or 'none (the corpus has no source column)'}"
        )
    return docs[docs["source"].isin(wanted)]


def _ordered(docs: pd.DataFrame) -> pd.DataFrame:
    """Documents by date (undated last), in corpus order within a date."""
    return docs.sort_values("date", kind="stable", na_position="last").reset_index(drop=True)


def _actor(query: str, actors: object | None) -> str | None:
    """The actor ``query`` names, or None to search the text."""
    if actors is None:
        return None
    if not isinstance(getattr(actors, "mentions", None), pd.DataFrame) or not isinstance(
        getattr(actors, "actors", None), pd.DataFrame
    ):
        raise TypeError(
            "kwic(actors=...) takes the ActorTables of extract_actors(corpus), "
            f"not {type(actors).__name__}"
        )
    try:
        return find_actor(query, actors.actors)
    except NameNotFoundError:
        return None


def _actor_spans(docs: pd.DataFrame, mentions: pd.DataFrame, actor: str):
    """(document position, start, end) of every mention of ``actor`` in ``docs``, in order."""
    position = pd.Series(range(len(docs)), index=docs["doc_id"].to_numpy())
    position = position[~position.index.duplicated()]
    m = mentions[(mentions["actor"] == actor) & mentions["doc_id"].isin(position.index)]
    m = m.assign(_pos=m["doc_id"].map(position)).sort_values(["_pos", "start"], kind="stable")
    lengths = docs["text"].str.len()
    for pos, start, end in zip(m["_pos"], m["start"], m["end"], strict=True):
        if 0 <= int(start) < int(end) <= lengths.iat[int(pos)]:
            yield int(pos), int(start), int(end)


def _pattern(query: str, *, case: bool, regex: bool) -> re.Pattern:
    flags = 0 if case else re.IGNORECASE
    if regex:
        try:
            return re.compile(query, flags)
        except re.error as err:
            raise InputError(
                f"kwic(query={query!r}, regex=True): not a regular expression ({err}); "
                "pass regex=False to search for the text as written"
            ) from None
    words = r"\s+".join(re.escape(w) for w in query.split())
    lead = r"(?<!\w)" if re.match(r"\w", query.strip()) else ""
    tail = r"(?!\w)" if re.search(r"\w$", query.strip()) else ""
    return re.compile(lead + words + tail, flags)


def _text_spans(docs: pd.DataFrame, pattern: re.Pattern, limit: int | None):
    found = 0
    for i, text in enumerate(docs["text"]):
        for m in pattern.finditer(text):
            if m.end() > m.start():
                yield i, m.start(), m.end()
                found += 1
        if limit is not None and found >= limit:
            return


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text)


def _table(rows: list[dict]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=KWIC_COLUMNS)
    out["date"] = pd.to_datetime(out["date"], utc=True)
    return out.astype({"start": "int64", "end": "int64"})
