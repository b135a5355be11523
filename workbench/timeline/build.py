"""Timelines: coverage, actors and topics over time, reported events, and places.

:func:`build_timeline` is the whole step for a corpus: it bins publication dates
(:mod:`workbench.core.bins`: day, week, month, quarter or year, keyed by the bin's
first instant in UTC, so these tables join with the topic tables), counts coverage
per source, actor mentions and topic units per bin, resolves the dates written in
the text, extracts and merges the events the articles report
(:mod:`workbench.timeline.events`), and resolves and counts the places
(:mod:`workbench.core.places`). It takes the actors layer's tables when they
are at hand (or computes them, from cache when possible) and a ``doc_topics``
table when topics have been fitted.

A corpus without publication dates still gets everything that does not need
them: the events with the dates written in their sentences, the places, and the
years the texts mention (``years``); ``dated`` says which case it is.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import pandas as pd

from workbench import config
from workbench.actors.repeats import Repeats
from workbench.core import cache, display
from workbench.core.bins import DTYPE, Bin, bin_start, resolve_bin
from workbench.core.inputs import require_columns
from workbench.core.tables import as_lists
from workbench.corpus.inputs import CorpusLike, as_corpus
from workbench.timeline import events, places, sites, temporal

#: The corpus columns a timeline reads.
CORPUS_COLUMNS = ["doc_id", "text", "date", "source", "n_words"]
#: The columns of the actors layer's mentions a timeline reads.
MENTION_COLUMNS = ["doc_id", "sentence_id", "start", "end", "surface", "actor", "actor_type"]
_ACTORS_HINT = "pass the ActorTables of extract_actors(corpus), or leave actors=None"
_TOPICS_HINT = "pass the doc_topics table of fit_topics(corpus) (result.doc_topics)"


def _about(tables: TimelineTables) -> list[str]:
    return [f"{tables.bin} bins, {tables.dated:.0%} of documents dated", *tables.notes[:1]]


@display.summarised(
    tables=(
        "volume",
        "events",
        "places",
        "actor_timeline",
        "topic_timeline",
        "event_reports",
        "dates_in_text",
        "years",
    ),
    next_step="plots.coverage_volume(t.volume) · plots.event_timeline(t.events) · "
    "plots.places_map(t.places)",
    about=_about,
)
@dataclass
class TimelineTables:
    """Everything the timeline layer computes for one corpus.

    Attributes:
        volume: Documents and words per date bin and source.
        actor_timeline: Mentions and documents per date bin and actor.
        topic_timeline: Units per date bin and topic, and the topic's share (empty without topics).
        events: Merged events (:data:`workbench.timeline.merging.EVENT_COLUMNS`).
        event_reports: Every sentence reporting an event, before merging, with its ``doc_id``,
            ``source`` and ``published`` date (:data:`workbench.timeline.events.REPORT_COLUMNS`).
        places: Places with coordinates and counts
            (:data:`workbench.timeline.places.PLACE_COLUMNS`).
        dates_in_text: Temporal expressions with their resolved dates.
        years: Years the texts mention, with counts (useful when articles are undated).
        dated: Share of documents with a publication date.
        bin: The date bin used (a word; ``auto`` decided).
    """

    volume: pd.DataFrame
    actor_timeline: pd.DataFrame
    topic_timeline: pd.DataFrame
    events: pd.DataFrame
    event_reports: pd.DataFrame
    places: pd.DataFrame
    dates_in_text: pd.DataFrame
    years: pd.DataFrame
    dated: float
    bin: Bin = "week"
    notes: list[str] = field(default_factory=list)

    def write(self, folder: str | os.PathLike[str], fmt: str = "csv") -> list[str]:
        """Write every table to ``folder`` as ``<name>.csv`` (or ``.parquet``); atomic."""
        names = [
            "volume",
            "actor_timeline",
            "topic_timeline",
            "events",
            "event_reports",
            "places",
            "dates_in_text",
            "years",
        ]
        return [
            str(cache.write_table(getattr(self, n), os.path.join(folder, f"{n}.{fmt}")))
            for n in names
        ]


def _unit(bin: str, corpus: pd.DataFrame) -> Bin:
    """The bin to use; ``auto`` decides on all of the corpus dates, so the tables agree."""
    return resolve_bin(bin, corpus["date"] if "date" in corpus else pd.Series(), name="bin")


def _empty(cols: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns=cols).astype({"bin": DTYPE})


def volume(
    corpus: pd.DataFrame, bin: str = "week", *, include_duplicates: bool = False
) -> pd.DataFrame:
    """Documents and words per date bin and source (undated documents are left out).

    Args:
        corpus: The corpus table.
        bin: ``day``, ``week`` (from Monday), ``month``, ``quarter``, ``year``, their pandas
            aliases ``D``, ``W``, ``M``, ``Q``, ``Y``, or ``auto``.
        include_duplicates: Count flagged duplicates too (default: each story once).

    Returns:
        ``bin`` (start of the bin, UTC), ``source``, ``n_docs``, ``n_words``.

    Raises:
        MissingColumnError: The corpus lacks ``doc_id``, ``date``, ``source`` or ``n_words``.
    """
    require_columns(corpus, ["doc_id", "date", "source", "n_words"])
    unit = _unit(bin, corpus)
    df = (
        corpus
        if include_duplicates or "duplicate_of" not in corpus
        else corpus[corpus["duplicate_of"].isna()]
    )
    df = df.dropna(subset=["date"])
    cols = ["bin", "source", "n_docs", "n_words"]
    if df.empty:
        return _empty(cols)
    out = df.assign(bin=bin_start(df["date"], unit), source=df["source"].fillna("(no source)"))
    out = out.groupby(["bin", "source"], as_index=False).agg(
        n_docs=("doc_id", "size"), n_words=("n_words", "sum")
    )
    return out[cols].sort_values(["bin", "source"]).reset_index(drop=True)


def actor_timeline(mentions: pd.DataFrame, corpus: pd.DataFrame, bin: str = "week") -> pd.DataFrame:
    """Mentions and documents per date bin and actor (mentions in undated documents left out).

    ``bin`` takes what :func:`volume` takes; the ``bin`` column is the bin's start, UTC.

    Raises:
        MissingColumnError: ``mentions`` lacks ``doc_id``, ``actor`` or ``actor_type``, or
            the corpus ``doc_id`` or ``date``.
    """
    require_columns(mentions, ["doc_id", "actor", "actor_type"], table="mentions")
    require_columns(corpus, ["doc_id", "date"])
    unit = _unit(bin, corpus)
    cols = ["bin", "actor", "actor_type", "n_mentions", "n_docs"]
    dates = corpus.set_index("doc_id")["date"]
    m = mentions.assign(date=mentions["doc_id"].map(dates)).dropna(subset=["date"])
    if m.empty:
        return _empty(cols)
    m = m.assign(bin=bin_start(m["date"], unit))
    out = m.groupby(["bin", "actor", "actor_type"], as_index=False).agg(
        n_mentions=("doc_id", "size"), n_docs=("doc_id", "nunique")
    )
    return (
        out[cols].sort_values(["bin", "n_mentions"], ascending=[True, False]).reset_index(drop=True)
    )


def topic_timeline(
    doc_topics: pd.DataFrame | None, corpus: pd.DataFrame, bin: str = "week"
) -> pd.DataFrame:
    """Units per date bin and topic, with each topic's share of the bin's units.

    ``bin`` takes what :func:`volume` takes; the ``bin`` column is the bin's start, UTC,
    so this table joins with :func:`volume` and :func:`actor_timeline` on ``bin``.

    Raises:
        MissingColumnError: ``doc_topics`` lacks ``doc_id`` or ``topic``, or the corpus
            ``doc_id`` or ``date``.
    """
    require_columns(corpus, ["doc_id", "date"])
    unit = _unit(bin, corpus)
    cols = ["bin", "topic", "n_units", "share"]
    if doc_topics is None:
        return _empty(cols)
    require_columns(doc_topics, ["doc_id", "topic"], table="doc_topics", hint=_TOPICS_HINT)
    if doc_topics.empty:
        return _empty(cols)
    dates = corpus.set_index("doc_id")["date"]
    t = doc_topics.assign(date=doc_topics["doc_id"].map(dates)).dropna(subset=["date"])
    if t.empty:
        return _empty(cols)
    t = t.assign(bin=bin_start(t["date"], unit))
    out = t.groupby(["bin", "topic"], as_index=False).agg(n_units=("doc_id", "size"))
    out["share"] = out["n_units"] / out.groupby("bin")["n_units"].transform("sum")
    return out[cols]


def years_mentioned(dates_in_text: pd.DataFrame) -> pd.DataFrame:
    """Years the texts name or imply, with mentions and documents (for undated corpora)."""
    d = dates_in_text.dropna(subset=["date"])
    if d.empty:
        return pd.DataFrame(columns=["year", "n_mentions", "n_docs"])
    d = d.assign(year=d["date"].dt.year)
    out = d.groupby("year", as_index=False).agg(
        n_mentions=("doc_id", "size"), n_docs=("doc_id", "nunique")
    )
    return out.sort_values("year").reset_index(drop=True)


def place_mentions(mentions: pd.DataFrame, gazetteer=None) -> pd.DataFrame:
    """The mentions that are places, with a ``place`` column naming each.

    The surface is looked up in the gazetteer (so "Kiev" is Kyiv, and "Kyiv" stays a
    place even when metonymy made its actor Ukraine); other place mentions keep their
    actor name.
    """
    is_place = mentions["actor_type"].isin(events.PLACE_TYPES) | mentions["surface"].map(
        lambda s: _gaz_place(gazetteer, s) is not None
    )
    out = mentions[is_place].copy()
    out["place"] = [
        _gaz_place(gazetteer, s) or a for s, a in zip(out["surface"], out["actor"], strict=True)
    ]
    return out


def _check_actors(actors) -> None:
    """Raise unless ``actors`` holds the mentions and sentences a timeline reads."""
    if not isinstance(getattr(actors, "mentions", None), pd.DataFrame) or not hasattr(
        actors, "sentences"
    ):
        raise TypeError(
            f"build_timeline(actors=...) takes the actors layer's tables, not "
            f"{type(actors).__name__}; {_ACTORS_HINT}"
        )
    require_columns(actors.mentions, MENTION_COLUMNS, table="mentions", hint=_ACTORS_HINT)


def _gaz_place(gazetteer, surface: str) -> str | None:
    if gazetteer is None:
        return None
    entry = gazetteer.lookup(surface)
    return entry.name if entry is not None and entry.type in events.PLACE_TYPES else None


def _equivalents(gazetteer) -> dict[str, str]:
    """Canonical place name -> the government it stands for, from the gazetteer's metonymy list."""
    out = {}
    for folded, actor in gazetteer.metonymy.items():
        entry = gazetteer.lookup(folded)
        out[entry.name if entry is not None else folded] = actor
    return out


#: Bumped when what the timeline reads from the texts changes (older cached tables unused).
TEXT_TABLES_VERSION = "1"
_TEXT_TABLES = ("dates_in_text", "event_reports", "events", "places", "years")
#: The modules whose rules read these tables from the texts (part of the cache key).
RULE_MODULES = (
    "workbench.timeline.casualties",
    "workbench.timeline.clauses",
    "workbench.timeline.complements",
    "workbench.timeline.consensus",
    "workbench.timeline.dating",
    "workbench.timeline.events",
    "workbench.timeline.governors",
    "workbench.timeline.merging",
    "workbench.timeline.places",
    "workbench.timeline.roles",
    "workbench.timeline.sites",
    "workbench.timeline.story",
    "workbench.timeline.tellers",
    "workbench.timeline.temporal",
    "workbench.timeline.triggers",
    "workbench.core.places",
)


def _text_tables(
    corpus: pd.DataFrame, actors, gazetteer, max_event_gap_days: int, use_cache: bool
) -> dict[str, pd.DataFrame]:
    """The tables read from the texts, which take most of a timeline's time: cached.

    They depend on the texts, publication dates and sources, the mentions, the
    gazetteer and the event gap, not on the date bin, so a second notebook binning
    by month reads what the first computed by week.
    """
    folder = config.cache_dir(
        "timeline",
        cache.key(
            TEXT_TABLES_VERSION,
            cache.code_key(*RULE_MODULES),
            cache.corpus_key(corpus["doc_id"].astype(str) + "\x1f" + corpus["text"].fillna("")),
            cache.corpus_key(map(str, corpus["date"])) if "date" in corpus else None,
            cache.corpus_key(map(str, corpus["source"])) if "source" in corpus else None,
            cache.frame_key(actors.mentions[MENTION_COLUMNS]),
            int(actors.sentences["counted"].sum()) if "counted" in actors.sentences else None,
            gazetteer.digest,
            max_event_gap_days,
        ),
    )
    if use_cache:
        read = [cache.read_entry(folder / f"{n}.parquet", pd.read_parquet) for n in _TEXT_TABLES]
        if all(t is not None for t in read):
            return {n: as_lists(t) for n, t in zip(_TEXT_TABLES, read, strict=True)}
    sentences = actors.sentences
    if "counted" in sentences:  # copies of boilerplate report no events (actors.repeats)
        sentences = sentences[sentences["counted"]]
    dates = corpus.set_index("doc_id")["date"] if "date" in corpus else None
    when = temporal.temporal_expressions(sentences, dates)
    placed = place_mentions(actors.mentions, gazetteer)
    mentions = actors.mentions.merge(
        placed[["doc_id", "start", "place"]], on=["doc_id", "start"], how="left"
    )
    mentions = sites.as_sites(mentions, dict(zip(corpus["doc_id"], corpus["text"], strict=True)))
    same = _equivalents(gazetteer)
    reports = events.event_reports(sentences, mentions, when, corpus, same)
    tables = {
        "dates_in_text": when,
        "event_reports": reports,
        "events": events.merge_events(reports, max_days=max_event_gap_days, equivalents=same),
        "places": places.places_table(placed),
        "years": years_mentioned(when),
    }
    if use_cache:
        for name, table in tables.items():
            cache.write_table(table, folder / f"{name}.parquet")
    return tables


def build_timeline(
    corpus: CorpusLike,
    *,
    actors=None,
    doc_topics: pd.DataFrame | None = None,
    bin: str = "week",
    max_event_gap_days: int = 3,
    metonymy: bool | None = None,
    progress: bool | None = None,
    use_cache: bool = True,
    repeats: Repeats = "once",
) -> TimelineTables:
    """Every timeline table for a corpus.

    Args:
        corpus: The corpus table (:data:`CORPUS_COLUMNS`), an ``Ingest``, or a file or
            folder to load (:func:`workbench.corpus.inputs.as_corpus`).
        actors: The actors layer's tables (:class:`workbench.actors.ActorTables`); computed
            (from the entity cache when possible) when not given.
        doc_topics: ``doc_topics`` from the topics layer (``doc_id``, ``topic``), for the
            topic timeline.
        bin: ``day``, ``week`` (from Monday), ``month``, ``quarter``, ``year``, their pandas
            aliases ``D``, ``W``, ``M``, ``Q``, ``Y``, or ``auto`` (decided on the corpus dates).
        max_event_gap_days: Reports further apart than this are different events.
        metonymy: Passed to the actors layer when it is computed here.
        progress: Show a progress bar for each long step (the entities, when the actors
            are computed here); None (default): when someone watches, a notebook or a
            terminal, not in a report (:func:`workbench.core.pool.show_progress`).
        repeats: Passed to the actors layer when it is computed here: ``"once"`` counts a
            sentence an outlet repeats in many articles (boilerplate) in its first article
            only, ``"every"`` in all. Given ``actors``, their sentence table decides.
        use_cache: Reuse the tables read from the texts (dates in the text, event reports,
            events, places, years) of an earlier run on the same corpus, mentions and
            gazetteer; the tables per date bin are quick and always computed.

    Raises:
        MissingColumnError: The corpus, ``actors.mentions`` or ``doc_topics`` lacks a column
            it needs (the message names the table and the column).
        TypeError: ``actors`` is not the actors layer's tables.
        ValueError: ``bin`` is not a bin (the message lists the accepted ones).
    """
    from workbench.actors.extract import extract_actors
    from workbench.actors.gazetteer import load_gazetteer

    corpus = as_corpus(corpus, columns=CORPUS_COLUMNS)
    bin = _unit(bin, corpus)
    if doc_topics is not None:
        require_columns(doc_topics, ["doc_id", "topic"], table="doc_topics", hint=_TOPICS_HINT)
    if actors is None:
        actors = extract_actors(corpus, metonymy=metonymy, progress=progress, repeats=repeats)
    _check_actors(actors)
    dated = float(corpus["date"].notna().mean()) if "date" in corpus and len(corpus) else 0.0
    gazetteer = load_gazetteer()
    text = _text_tables(corpus, actors, gazetteer, max_event_gap_days, use_cache)
    notes = (
        []
        if dated
        else [
            "No document has a publication date: event dates come from the text alone, "
            "and coverage over time cannot be drawn."
        ]
    )
    return TimelineTables(
        volume=volume(corpus, bin),
        actor_timeline=actor_timeline(actors.mentions, corpus, bin),
        topic_timeline=topic_timeline(doc_topics, corpus, bin),
        **text,
        dated=dated,
        bin=bin,
        notes=notes,
    )
