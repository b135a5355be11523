"""Actors: who appears in a corpus, under one name each, with whom, and who said what.

:func:`extract_actors` is the one call a notebook or the ``workbench actors`` command
needs. It finds entity spans with spaCy (:mod:`workbench.actors.ner`, cached by text) plus
the gazetteer, matched after the model (:mod:`workbench.actors.matcher`), resolves them to
actors (:mod:`workbench.actors.resolve`), places every mention in its paragraph and
sentence (:mod:`workbench.corpus.segments`), and derives the co-occurrence edges
(:mod:`workbench.actors.network`), quotes and citations (:mod:`workbench.actors.quotes`).
Every result is a tidy DataFrame in an :class:`ActorTables`.

Metonymy ("the Kremlin" standing for Russia) is off by default; :data:`METONYMY` is
the project-wide switch and ``extract_actors(..., metonymy=True)`` the per-call one.
"""

from __future__ import annotations

import bisect
import functools
import os
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Literal

import pandas as pd

from workbench import config
from workbench.actors.gazetteer import Gazetteer, load_gazetteer
from workbench.actors.repeats import Repeats, flag_repeats
from workbench.core import cache, display
from workbench.core.bins import normalise_bin
from workbench.core.tables import as_lists, with_doc_columns
from workbench.corpus.inputs import CorpusLike, as_corpus

#: The metonymy switch: map "the Kremlin", "Washington", "Kyiv" ... onto the government they
#: stand for (the gazetteer's ``metonymy`` section). Off: places stay places.
METONYMY = False

Window = Literal["sentence", "paragraph", "document"]

MENTION_COLUMNS = [
    "doc_id",
    "source",
    "date",
    "paragraph_id",
    "sentence_id",
    "start",
    "end",
    "surface",
    "actor",
    "actor_type",
    "method",
]
ACTOR_COLUMNS = [
    "actor",
    "actor_type",
    "n_mentions",
    "n_docs",
    "aliases",
    "affiliation",
    "first_date",
    "last_date",
]


def _about(tables: ActorTables) -> list[str]:
    docs = tables.mentions["doc_id"].nunique() if "doc_id" in tables.mentions else 0
    return [
        f"{len(tables.actors):,} actors, {len(tables.mentions):,} mentions in {docs:,} documents"
    ]


@display.summarised(
    tables=("mentions", "actors", "edges", "quotes", "citations", "audit", "sentences"),
    next_step="plots.actor_network(t.edges, t.actors) · build_timeline(corpus, actors=t)",
    about=_about,
)
@dataclass
class ActorTables:
    """Everything the actors layer computes for one corpus.

    Attributes:
        mentions: One row per mention (:data:`MENTION_COLUMNS`), with its document's
            ``doc_id``, ``source`` and publication ``date``.
        actors: One row per actor (:data:`ACTOR_COLUMNS`), most mentioned first; ``aliases``
            is a list of the surfaces seen.
        edges: Co-occurrence edges (:func:`workbench.actors.network.cooccurrence`).
        quotes: Who said what (:func:`workbench.actors.quotes.extract_quotes`), with
            ``doc_id``, ``source`` and ``date``.
        citations: Outlets and agencies each article cites, with ``doc_id``, ``source`` and
            ``date``.
        audit: Every merge, type change and drop, with the rule that made it.
        sentences: The corpus cut into sentences (for example sentences in figures), with
            the boilerplate flags of :mod:`workbench.actors.repeats` (``repeated``, ``copy``,
            ``counted``): a copy that is not counted holds no mention, quote or citation.
    """

    mentions: pd.DataFrame
    actors: pd.DataFrame
    edges: pd.DataFrame
    quotes: pd.DataFrame
    citations: pd.DataFrame
    audit: pd.DataFrame
    sentences: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)

    def write(self, **paths: str | os.PathLike[str] | None) -> list[Path]:
        """Write tables by name, CSV or Parquet by extension: ``write(mentions="m.csv", ...)``."""
        written = []
        for name, path in paths.items():
            if path:
                written.append(cache.write_table(getattr(self, name), path))
        return written


def extract_actors(
    corpus: CorpusLike,
    *,
    gazetteer: Gazetteer | str | os.PathLike[str] | None = None,
    window: Window = "sentence",
    metonymy: bool | None = None,
    time_bin: str | None = None,
    n_process: int | None = None,
    use_cache: bool = True,
    progress: bool | None = None,
    repeats: Repeats = "once",
) -> ActorTables:
    """Find, resolve and relate the actors of a corpus.

    Args:
        corpus: A corpus table (``doc_id``, ``text``; ``source``, ``date`` and ``author`` when
            present), an ``Ingest``, or a file or folder to load
            (:func:`workbench.corpus.inputs.as_corpus`).
        gazetteer: A :class:`Gazetteer` or a path to one; default ``data/actors.yml``.
            The corpus ``source`` values are added to it as outlets.
        window: Co-occurrence window for the edges.
        metonymy: Map places and buildings onto governments; default :data:`METONYMY`.
        time_bin: Also split the edges by date bin: ``day``, ``week``, ``month``, ``quarter``,
            ``year`` (or ``D``, ``W``, ``M``, ``Q``, ``Y``), or ``auto``.
        n_process: spaCy worker processes (default: 2 on large inputs).
        use_cache: Reuse cached results: the tables of an identical earlier run, else the
            model's cached spans, which depend on the texts alone: a second run, a subset,
            other outlets or an edited gazetteer never load the model.
        progress: Show a progress bar while the model runs; None (default): when someone
            watches, a notebook or a terminal, not in a report
            (:func:`workbench.core.pool.show_progress`).
        repeats: A sentence an outlet repeats word for word in many articles (boilerplate,
            :mod:`workbench.actors.repeats`): ``"once"`` (default) counts its mentions,
            quotes and citations in its first article only; ``"every"`` counts every copy.
            Either way the sentence table flags them (``repeated``, ``copy``, ``counted``).

    Returns:
        The mentions, actors, edges, quotes, citations and audit tables.

    Raises:
        MissingColumnError: The corpus table has no ``doc_id`` or ``text`` column.
    """
    corpus = as_corpus(corpus)
    gaz = _gazetteer(gazetteer, corpus)
    metonymy = METONYMY if metonymy is None else metonymy
    time_bin = None if time_bin is None else normalise_bin(time_bin, name="time_bin")
    # Everything that changes the tables. The gazetteer's outlets come from the sources,
    # which are keyed anyway; only these whole tables depend on them, never the spans.
    key = cache.key(
        TABLES_VERSION,
        cache.code_key(*RULE_MODULES),
        gaz.digest,
        window,
        metonymy,
        time_bin,
        repeats,
        _parse_switch(),
        cache.corpus_key(corpus["doc_id"].astype(str) + "\x1f" + corpus["text"].fillna("")),
        cache.corpus_key(map(str, corpus.get("author", []))),
        cache.corpus_key(map(str, corpus.get("date", []))),
        cache.corpus_key(map(str, corpus.get("source", []))),
    )
    folder = config.cache_dir("actor_tables", key)
    if use_cache and (tables := _read_tables(folder)) is not None:
        return tables
    tables = _compute(
        corpus, gaz, window, metonymy, time_bin, n_process, use_cache, progress, repeats
    )
    for name in _TABLES:
        setattr(tables, name, _text_columns_as_str(getattr(tables, name)))
    if use_cache:
        for name in _TABLES:
            cache.write_table(getattr(tables, name), folder / f"{name}.parquet")
    return tables


def _countries(gaz: Gazetteer) -> dict[str, str]:
    """The country of each person the gazetteer affiliates with one (a GPE it lists)."""
    entries = gaz.entries
    return {
        e.name: e.affiliation
        for e in entries.values()
        if e.type == "PERSON"
        and e.affiliation
        and getattr(entries.get(e.affiliation), "type", None) == "GPE"
    }


#: Bumped when resolution or the derived tables change, so older cached tables are not reused.
#: 2: weekly edge periods start on Monday, in UTC. 3: source and date on mentions, quotes and
#: citations; aliases as lists. 4: the gazetteer matched after the model (no EntityRuler).
TABLES_VERSION = "4"
_TABLES = ("mentions", "actors", "edges", "quotes", "citations", "audit", "sentences")
#: The modules whose rules make the tables from the model's spans: their code is part of
#: the cache key, so an edited rule is never hidden by tables an older one computed.
RULE_MODULES = (
    "workbench.actors.bodies",
    "workbench.actors.extract",
    "workbench.actors.gazetteer",
    "workbench.actors.matcher",
    "workbench.actors.names",
    "workbench.actors.demonyms",
    "workbench.actors.appositives",
    "workbench.actors.coordination",
    "workbench.actors.forenames",
    "workbench.actors.happenings",
    "workbench.actors.network",
    "workbench.actors.people",
    "workbench.actors.unnamed",
    "workbench.actors.recovery",
    "workbench.actors.misspellings",
    "workbench.actors.products",
    "workbench.actors.vessels",
    "workbench.actors.media",
    "workbench.actors.suffixes",
    "workbench.actors.quotes",
    "workbench.actors.marks",
    "workbench.actors.cues",
    "workbench.actors.document",
    "workbench.actors.speakers",
    "workbench.actors.attributions",
    "workbench.actors.references",
    "workbench.actors.introductions",
    "workbench.actors.syntax",
    "workbench.actors.parsing",
    "workbench.actors.descriptions",
    "workbench.actors.compatriots",
    "workbench.actors.glosses",
    "workbench.actors.nationalities",
    "workbench.actors.speech",
    "workbench.actors.quotations",
    "workbench.actors.citations",
    "workbench.actors.citing",
    "workbench.actors.antecedents",
    "workbench.actors.outlets",
    "workbench.actors.mastheads",
    "workbench.actors.repeats",
    "workbench.actors.resolve",
    "workbench.actors.boundaries",
    "workbench.actors.drops",
    "workbench.actors.acronyms",
    "workbench.actors.genders",
    "workbench.actors.aliases",
    "workbench.actors.kinds",
    "workbench.actors.context",
    "workbench.actors.titles",
    "workbench.actors.occupations",
    "workbench.actors.particles",
    "workbench.core.names",
    "workbench.core.places",
)


def _parse_switch() -> tuple[bool, bool]:
    """:data:`~workbench.actors.syntax.PARSE` and :data:`~workbench.actors.syntax.SELECT`.

    Part of the tables' key (they are set at run time).
    """
    from workbench.actors import syntax

    return syntax.PARSE, syntax.SELECT


def _text_columns_as_str(df: pd.DataFrame) -> pd.DataFrame:
    """Columns of Python strings as pandas' string dtype, as a cached table reads back."""
    text = [
        c
        for c in df.columns
        if df[c].dtype == object
        and pd.api.types.infer_dtype(df[c], skipna=True) in ("string", "empty")
    ]
    return df.astype({c: "str" for c in text}) if text else df


def _read_tables(folder: Path) -> ActorTables | None:
    """The cached tables of an earlier identical run, or None (a damaged entry is recomputed).

    List cells come back from Parquet as arrays and are made lists again.
    """
    tables = {}
    for name in _TABLES:
        if (table := cache.read_entry(folder / f"{name}.parquet", pd.read_parquet)) is None:
            return None
        tables[name] = as_lists(table)
    return ActorTables(**tables)


def _compute(
    corpus, gaz, window, metonymy, time_bin, n_process, use_cache, progress, repeats
) -> ActorTables:
    from workbench.actors import network, parsing, quotes, syntax

    mentions, audit, sentences = find_mentions(
        corpus,
        gazetteer=gaz,
        metonymy=metonymy,
        n_process=n_process,
        use_cache=use_cache,
        progress=progress,
    )
    dates = corpus.set_index("doc_id")["date"] if "date" in corpus else None
    sentences = flag_repeats(sentences, corpus, repeats=repeats)
    # A copy of a repeated sentence (boilerplate) counts nowhere when repeats="once".
    copies = sentences.loc[~sentences["counted"], ["doc_id", "start", "end"]]
    uncounted = sentences.loc[~sentences["counted"], "sentence_id"]
    mentions = mentions[~mentions["sentence_id"].isin(uncounted)]
    parses = None
    options = {"use_cache": use_cache, "progress": progress, "n_process": n_process}
    if syntax.PARSE and syntax.SELECT:  # the rules first; parse where they ask for help
        parses = functools.partial(parsing.parse_found, **options)
    elif syntax.PARSE:
        parses = parsing.parse_cues(corpus, sentences, **options)
    found = quotes.extract_quotes(
        corpus, mentions, sentences, parses, n_process=n_process, countries=_countries(gaz)
    )
    return ActorTables(
        mentions=mentions.reset_index(drop=True),
        actors=actor_table(mentions, gaz, dates=dates),
        edges=network.cooccurrence(mentions, window=window, time_bin=time_bin, dates=dates),
        quotes=_outside(found, copies),
        citations=quotes.extract_citations(mentions, sentences, gaz),
        audit=audit,
        sentences=sentences,
    )


def _outside(quotes: pd.DataFrame, copies: pd.DataFrame) -> pd.DataFrame:
    """The quotes that do not start inside one of the ``copies`` (``doc_id, start, end``)."""
    if copies.empty or quotes.empty:
        return quotes
    spans: dict[str, list[tuple[int, int]]] = {}
    for doc, a, b in zip(*(copies[c].tolist() for c in ("doc_id", "start", "end")), strict=True):
        spans.setdefault(doc, []).append((a, b))
    # per document: the copies by start, and the furthest end reached up to each of them
    reach = {}
    for doc, found in spans.items():
        found.sort()
        reach[doc] = ([a for a, _ in found], list(accumulate((b for _, b in found), max)))
    keep = []
    for doc, q in zip(quotes["doc_id"].tolist(), quotes["start"].tolist(), strict=True):
        starts, ends = reach.get(doc, ((), ()))
        i = bisect.bisect_right(starts, q)  # the copies that start at or before q
        keep.append(not (i and ends[i - 1] > q))
    return quotes[keep].reset_index(drop=True)


def find_mentions(
    corpus: CorpusLike,
    *,
    gazetteer: Gazetteer | None = None,
    metonymy: bool | None = None,
    n_process: int | None = None,
    use_cache: bool = True,
    progress: bool | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Resolved mentions of a corpus, with the audit table and the sentence table.

    Arguments as in :func:`extract_actors`; the mentions are :data:`MENTION_COLUMNS`.
    """
    from workbench.actors import ner
    from workbench.actors.resolve import resolve
    from workbench.corpus.segments import segment

    corpus = as_corpus(corpus)
    gaz = gazetteer if gazetteer is not None else _gazetteer(None, corpus)
    texts = pd.Series(
        corpus["text"].fillna("").astype(str).tolist(), index=corpus.index, dtype=object
    )
    spans = ner.entity_spans(
        texts, gaz, n_process=n_process, use_cache=use_cache, progress=progress
    )
    spans = _spans_per_doc(corpus["doc_id"], texts, spans)
    authors = corpus.get("author", [])
    docs = corpus["doc_id"].astype(str) + "\x1f" + texts
    result = resolve(
        spans,
        gaz,
        texts=dict(zip(corpus["doc_id"], texts, strict=True)),
        authors=authors,
        metonymy=METONYMY if metonymy is None else metonymy,
        counts=_word_counts(texts, use_cache),
    )
    sentences = cache.cached_frame(
        "sentences",
        cache.key(_source_hash(segment), cache.corpus_key(docs)),
        lambda: segment(corpus.assign(text=texts), "sentence"),
        use_cache=use_cache,
    )
    mentions = with_doc_columns(place_mentions(result.mentions, sentences), corpus)
    return mentions[MENTION_COLUMNS], result.audit, sentences


def _word_counts(texts: pd.Series, use_cache: bool) -> Counter:
    """:func:`~workbench.actors.resolve.word_counts` of the texts, cached by their content.

    The counts and the sentences depend on the texts alone, so a correction to the
    gazetteer reads them back instead of scanning every text again.
    """
    from workbench.actors.resolve import word_counts

    def compute() -> pd.DataFrame:
        counts = word_counts(texts)
        return pd.DataFrame({"word": list(counts), "n": list(counts.values())})

    key = cache.key(_source_hash(word_counts), cache.corpus_key(texts))
    table = cache.cached_frame("word_counts", key, compute, use_cache=use_cache)
    return Counter(dict(zip(table["word"].tolist(), table["n"].tolist(), strict=True)))


def _source_hash(func) -> str:
    """A hash of the module that defines ``func``: a cache of its results follows its code."""
    import inspect

    return cache.text_hash(inspect.getsource(inspect.getmodule(func)))


def _gazetteer(
    gazetteer: Gazetteer | str | os.PathLike[str] | None, corpus: pd.DataFrame
) -> Gazetteer:
    gaz = gazetteer if isinstance(gazetteer, Gazetteer) else load_gazetteer(gazetteer)
    if "source" in corpus:
        gaz = gaz.with_outlets(corpus["source"].dropna().unique())
    return gaz


def _spans_per_doc(doc_ids: pd.Series, texts: pd.Series, spans: pd.DataFrame) -> pd.DataFrame:
    """Spans keyed by text hash, joined back onto every document that has that text.

    Only the hash travels through the join: carrying each text along would copy a whole
    article onto every one of its spans (gigabytes on a corpus of ten thousand articles).
    """
    hashes = [cache.text_hash(t) for t in texts]
    docs = pd.DataFrame({"doc_id": doc_ids.to_numpy(), "text_hash": hashes})
    out = docs.merge(spans, on="text_hash", how="inner")
    by_hash = dict(zip(hashes, texts, strict=True))
    out["surface"] = [
        by_hash[h][s:e]
        for h, s, e in zip(
            out["text_hash"].tolist(), out["start"].tolist(), out["end"].tolist(), strict=True
        )
    ]
    return out.drop(columns=["text_hash"])


def place_mentions(mentions: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Add ``paragraph_id`` and ``sentence_id``: the sentence each mention starts in.

    A mention that starts between sentences (in a heading's trailing space, say) takes
    the sentence before it; one before the first sentence takes the first.
    """
    cols = ["doc_id", "start", "sentence_id", "paragraph_id"]
    right = sentences[cols].astype({"doc_id": object}).sort_values("start")
    left = mentions.astype({"doc_id": object}).reset_index().sort_values("start")
    out = pd.merge_asof(left, right, on="start", by="doc_id", direction="backward")
    missing = out["sentence_id"].isna()
    if missing.any():
        ahead = pd.merge_asof(
            left[left["index"].isin(out.loc[missing, "index"])],
            right,
            on="start",
            by="doc_id",
            direction="forward",
        )
        out = pd.concat([out[~missing], ahead], ignore_index=True)
    return out.sort_values("index").set_index("index").rename_axis(None)


def actor_table(
    mentions: pd.DataFrame, gazetteer: Gazetteer | None = None, *, dates: pd.Series | None = None
) -> pd.DataFrame:
    """One row per actor: type, mentions, documents, surfaces seen, affiliation, date range.

    Args:
        mentions: Resolved mentions (``doc_id``, ``surface``, ``actor``, ``actor_type``).
        gazetteer: Supplies each listed actor's affiliation.
        dates: ``doc_id -> date``, for ``first_date`` and ``last_date``.
    """
    if mentions.empty:
        return pd.DataFrame(columns=ACTOR_COLUMNS)
    m = mentions.assign(date=mentions["doc_id"].map(dates) if dates is not None else pd.NaT)
    table = m.groupby("actor", as_index=False).agg(
        actor_type=("actor_type", "first"),
        n_mentions=("doc_id", "size"),
        n_docs=("doc_id", "nunique"),
        first_date=("date", "min"),
        last_date=("date", "max"),
    )
    table["aliases"] = table["actor"].map(_aliases(m))
    entries = gazetteer.entries if gazetteer is not None else {}
    table["affiliation"] = [
        entries[a].affiliation if a in entries else None for a in table["actor"]
    ]
    table = table.sort_values(["n_mentions", "actor"], ascending=[False, True])
    return table[ACTOR_COLUMNS].reset_index(drop=True)


def _aliases(mentions: pd.DataFrame, limit: int = 20) -> dict[str, list[str]]:
    """Actor -> its distinct surfaces, commonest first (at most ``limit``)."""
    surfaces = mentions["surface"].astype(str).str.replace(r"\s+", " ", regex=True).str.strip()
    counts = pd.DataFrame({"actor": mentions["actor"], "surface": surfaces}).value_counts()
    out: dict[str, list[str]] = {}
    for actor, surface in counts.index:
        if len(out.setdefault(actor, [])) < limit:
            out[actor].append(surface)
    return out
