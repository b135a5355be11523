"""Timelines: coverage, actors and topics over time, reported events, and places.

:func:`build_timeline` is the whole step for a corpus: it bins publication dates
(day, week or month), counts coverage per source, actor mentions and topic units
per bin, resolves the dates written in the text, extracts and merges the events
the articles report (:mod:`workbench.timeline.events`), and resolves and counts the
places (:mod:`workbench.core.places`). It takes the actors layer's tables when they
are at hand (or computes them, from cache when possible) and a ``doc_topics``
table when topics have been fitted.

A corpus without publication dates still gets everything that does not need
them: the events with the dates written in their sentences, the places, and the
years the texts mention (``years``); ``dated`` says which case it is.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from workbench.core import cache
from workbench.timeline import events, places, temporal

Bin = Literal["day", "week", "month"]
_FREQ = {"day": "D", "week": "W-SUN", "month": "M"}


@dataclass
class TimelineTables:
    """Everything the timeline layer computes for one corpus.

    Attributes:
        volume: Documents and words per date bin and source.
        actor_timeline: Mentions and documents per date bin and actor.
        topic_timeline: Units per date bin and topic, and the topic's share (empty without topics).
        events: Merged events (:data:`workbench.timeline.events.EVENT_COLUMNS`).
        event_reports: Every sentence reporting an event, before merging.
        places: Places with coordinates and counts (:data:`workbench.timeline.places.PLACE_COLUMNS`).
        dates_in_text: Temporal expressions with their resolved dates.
        years: Years the texts mention, with counts (useful when articles are undated).
        dated: Share of documents with a publication date.
        bin: The date bin used.
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


def bin_dates(dates: pd.Series, bin: Bin = "week") -> pd.Series:
    """The start of each date's bin (Monday for weeks, the 1st for months), tz-naive UTC."""
    if bin not in _FREQ:
        raise ValueError(f"bin={bin!r}: choose 'day', 'week' or 'month'")
    stamps = pd.to_datetime(dates, utc=True).dt.tz_convert(None)
    return stamps.dt.to_period(_FREQ[bin]).dt.start_time


def volume(
    corpus: pd.DataFrame, bin: Bin = "week", *, include_duplicates: bool = False
) -> pd.DataFrame:
    """Documents and words per date bin and source (undated documents are left out).

    Args:
        corpus: The corpus table.
        bin: ``day``, ``week`` or ``month``.
        include_duplicates: Count flagged duplicates too (default: each story once).
    """
    df = (
        corpus
        if include_duplicates or "duplicate_of" not in corpus
        else corpus[corpus["duplicate_of"].isna()]
    )
    df = df.dropna(subset=["date"])
    cols = ["bin", "source", "n_docs", "n_words"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    out = df.assign(bin=bin_dates(df["date"], bin), source=df["source"].fillna("(no source)"))
    out = out.groupby(["bin", "source"], as_index=False).agg(
        n_docs=("doc_id", "size"), n_words=("n_words", "sum")
    )
    return out[cols].sort_values(["bin", "source"]).reset_index(drop=True)


def actor_timeline(mentions: pd.DataFrame, corpus: pd.DataFrame, bin: Bin = "week") -> pd.DataFrame:
    """Mentions and documents per date bin and actor (mentions in undated documents left out)."""
    cols = ["bin", "actor", "actor_type", "n_mentions", "n_docs"]
    dates = corpus.set_index("doc_id")["date"]
    m = mentions.assign(date=mentions["doc_id"].map(dates)).dropna(subset=["date"])
    if m.empty:
        return pd.DataFrame(columns=cols)
    m = m.assign(bin=bin_dates(m["date"], bin))
    out = m.groupby(["bin", "actor", "actor_type"], as_index=False).agg(
        n_mentions=("doc_id", "size"), n_docs=("doc_id", "nunique")
    )
    return (
        out[cols].sort_values(["bin", "n_mentions"], ascending=[True, False]).reset_index(drop=True)
    )


def topic_timeline(
    doc_topics: pd.DataFrame, corpus: pd.DataFrame, bin: Bin = "week"
) -> pd.DataFrame:
    """Units per date bin and topic, with each topic's share of the bin's units."""
    cols = ["bin", "topic", "n_units", "share"]
    if doc_topics is None or doc_topics.empty:
        return pd.DataFrame(columns=cols)
    dates = corpus.set_index("doc_id")["date"]
    t = doc_topics.assign(date=doc_topics["doc_id"].map(dates)).dropna(subset=["date"])
    if t.empty:
        return pd.DataFrame(columns=cols)
    t = t.assign(bin=bin_dates(t["date"], bin))
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


def build_timeline(
    corpus: pd.DataFrame,
    *,
    actors=None,
    doc_topics: pd.DataFrame | None = None,
    bin: Bin = "week",
    max_event_gap_days: int = 3,
    metonymy: bool | None = None,
    progress: bool = False,
) -> TimelineTables:
    """Every timeline table for a corpus.

    Args:
        corpus: The corpus table.
        actors: The actors layer's tables (:class:`workbench.actors.ActorTables`); computed
            (from the entity cache when possible) when not given.
        doc_topics: ``doc_topics`` from the topics layer, for the topic timeline.
        bin: ``day``, ``week`` or ``month``.
        max_event_gap_days: Reports further apart than this are different events.
        metonymy: Passed to the actors layer when it is computed here.
        progress: Show progress bars for long steps.
    """
    from workbench.actors.extract import extract_actors
    from workbench.actors.gazetteer import load_gazetteer

    if bin not in _FREQ:
        raise ValueError(f"bin={bin!r}: choose 'day', 'week' or 'month'")
    if actors is None:
        actors = extract_actors(corpus, metonymy=metonymy, progress=progress)
    sentences = actors.sentences
    dates = corpus.set_index("doc_id")["date"] if "date" in corpus else None
    dated = float(corpus["date"].notna().mean()) if "date" in corpus and len(corpus) else 0.0
    when = temporal.temporal_expressions(sentences, dates)
    gazetteer = load_gazetteer()
    placed = place_mentions(actors.mentions, gazetteer)
    mentions = actors.mentions.merge(
        placed[["doc_id", "start", "place"]], on=["doc_id", "start"], how="left"
    )
    reports = events.event_reports(sentences, mentions, when, corpus)
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
        events=events.merge_events(
            reports, max_days=max_event_gap_days, equivalents=_equivalents(gazetteer)
        ),
        event_reports=reports,
        places=places.places_table(placed),
        dates_in_text=when,
        years=years_mentioned(when),
        dated=dated,
        bin=bin,
        notes=notes,
    )
