"""The analysis sub-commands: ``workbench actors``, ``workbench topics``, ``workbench timeline``.

Each is a pair ``_add_<name>(subparsers)`` / ``_run_<name>(args)`` registered in
:data:`workbench.cli.COMMANDS`; heavy libraries are imported inside the run functions.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench import config
from workbench.cli.common import source_argument
from workbench.core.errors import InputError

_BIN_HELP = "day, week, month, quarter, year (or D, W, M, Q, Y), or auto"


def _add_topics(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "topics",
        help="fit a topic model (BERTopic) and write its tables and model",
        description="Fit BERTopic on a corpus, offline, and write doc_topics.csv, "
        "topic_info.csv, the other topic tables and the saved model "
        "(safetensors) to --out.",
    )
    source_argument(p)
    p.add_argument(
        "--out", required=True, metavar="DIR", help="folder for the tables and the model"
    )
    p.add_argument(
        "--unit",
        choices=["auto", "document", "paragraph", "sentence"],
        default="auto",
        help="unit of analysis (default: auto, paragraphs below 300 documents)",
    )
    p.add_argument(
        "--embedding",
        metavar="static|minilm|tfidf|PATH",
        default=None,
        help="embedding: static (default: model2vec distilled offline from the bundled "
        "all-MiniLM-L6-v2, every word, fast), minilm (all-MiniLM-L6-v2 itself, every "
        "254-token window, slower), tfidf (no torch), or a local model2vec or "
        "sentence-transformers model folder",
    )
    p.add_argument(
        "--min-topic-size",
        type=int,
        default=None,
        metavar="N",
        help="smallest topic in units (default adapts to the corpus size)",
    )
    p.add_argument(
        "--nr-topics",
        default=None,
        metavar="N|auto",
        help="merge topics down to N (the outlier topic counted) or 'auto'",
    )
    p.add_argument(
        "--reduce-outliers", action="store_true", help="assign outlier units to their nearest topic"
    )
    p.add_argument(
        "--max-windows",
        default="auto",
        metavar="N|all|auto",
        help="with minilm or a sentence-transformers folder: 254-token windows embedded per "
        "unit from its start (default auto: all, or the lead of each document from 2,000 "
        "documents on); static and tfidf embed every word",
    )
    p.add_argument(
        "--fit-sample",
        type=_unit_count("--fit-sample"),
        default=None,
        metavar="N",
        help="fit on a random sample of N units (drawn with --seed) and assign every other "
        "unit with the fitted model, in parallel (default: fit on all units)",
    )
    p.add_argument(
        "--seed", type=int, default=config.DEFAULT_SEED, help="random seed (default %(default)s)"
    )
    p.add_argument("--no-cache", action="store_true", help="recompute embeddings and reductions")
    return p


def _run_topics(args: argparse.Namespace) -> int:
    from workbench.corpus import ingest
    from workbench.topics import fit_topics

    nr_topics = args.nr_topics
    if nr_topics is not None and nr_topics != "auto":
        if not nr_topics.isdigit():
            raise InputError(f"--nr-topics {nr_topics!r}: give a number or 'auto'")
        nr_topics = int(nr_topics)
    corpus = ingest(args.source, use_cache=not args.no_cache, progress=None, warn=False).corpus
    result = fit_topics(
        corpus,
        unit=args.unit,
        embedding=args.embedding,
        min_topic_size=args.min_topic_size,
        nr_topics=nr_topics,
        max_windows=_windows_option(args.max_windows),
        fit_sample=args.fit_sample,
        reduce_outliers=args.reduce_outliers,
        seed=args.seed,
        use_cache=not args.no_cache,
        progress=sys.stderr.isatty(),
    )
    folder = result.save(args.out)
    print(result.summary())
    print(
        f"\ntopic tables and model written to {config.display_path(folder)}/ "
        "(doc_topics.csv, topic_info.csv, topic_words.csv, representatives.csv, model/)"
    )
    return 0


def _unit_count(option: str):
    """An argparse ``type`` reading a whole number of 2 or more."""

    def read(text: str) -> int:
        if not text.isdigit() or int(text) < 2:
            raise argparse.ArgumentTypeError(
                f"{option} {text!r}: give a number of units, 2 or more"
            )
        return int(text)

    return read


def _windows_option(text: str) -> int | str | None:
    if text in ("auto", "all"):
        return None if text == "all" else "auto"
    if not text.isdigit() or int(text) < 1:
        raise InputError(f"--max-windows {text!r}: give a number of windows, 'all' or 'auto'")
    return int(text)


def _add_actors(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "actors",
        help="find actors, resolve their names, relate them; write mentions and more",
        description="Find the people, governments, organisations and outlets a corpus names "
        "(spaCy plus data/actors.yml), resolve every spelling to one actor, and write the "
        "mentions, actors, co-occurrence edges, quotes and citations (.csv or .parquet).",
    )
    source_argument(p)
    p.add_argument("--out", metavar="FILE", required=True, help="the mentions table")
    p.add_argument("--actors-out", metavar="FILE", help="one row per actor")
    p.add_argument("--edges-out", metavar="FILE", help="co-occurrence edges")
    p.add_argument("--quotes-out", metavar="FILE", help="who said what")
    p.add_argument("--citations-out", metavar="FILE", help="outlets and agencies cited")
    p.add_argument("--audit-out", metavar="FILE", help="every merge, type change and drop")
    p.add_argument(
        "--window",
        choices=["sentence", "paragraph", "document"],
        default="sentence",
        help="co-occurrence window (default %(default)s)",
    )
    p.add_argument(
        "--time-bin",
        type=_bin_type("--time-bin"),
        metavar="BIN",
        help=f"also split edges by date bin: {_BIN_HELP}",
    )
    p.add_argument("--gazetteer", metavar="FILE", help="gazetteer (default data/actors.yml)")
    p.add_argument(
        "--metonymy",
        action="store_true",
        help="map the Kremlin, Washington, Kyiv ... onto their governments",
    )
    _repeats_option(p)
    p.add_argument("--no-cache", action="store_true", help="rerun the model even if cached")
    return p


def _run_actors(args: argparse.Namespace) -> int:
    from workbench.actors import extract_actors
    from workbench.corpus import ingest

    corpus = ingest(args.source, use_cache=not args.no_cache, progress=None, warn=False).corpus
    tables = extract_actors(  # a missing spaCy model is a UserError: one line, status 2
        corpus,
        gazetteer=args.gazetteer,
        window=args.window,
        time_bin=args.time_bin,
        metonymy=args.metonymy or None,
        use_cache=not args.no_cache,
        progress=len(corpus) > 500,
        repeats=args.repeats,
    )
    written = tables.write(
        mentions=args.out,
        actors=args.actors_out,
        edges=args.edges_out,
        quotes=args.quotes_out,
        citations=args.citations_out,
        audit=args.audit_out,
    )
    print(
        f"{len(tables.mentions):,} mentions of {len(tables.actors):,} actors in "
        f"{corpus['doc_id'].nunique():,} documents; {len(tables.edges):,} {args.window} edges, "
        f"{len(tables.quotes):,} quotes, {len(tables.citations):,} citations"
    )
    print(
        tables.actors.head(10)[["actor", "actor_type", "n_mentions", "n_docs"]].to_string(
            index=False
        )
    )
    for path in written:
        print(f"written: {config.display_path(path)}")
    return 0


def _add_timeline(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "timeline",
        help="coverage, actors and topics over time, reported events, and places",
        description="Bin the coverage by date, extract and merge the events the articles "
        "report, resolve the places, and write the tables to a folder.",
    )
    source_argument(p)
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the tables")
    p.add_argument(
        "--bin",
        type=_bin_type("--bin"),
        default="week",
        metavar="BIN",
        help=f"date bin: {_BIN_HELP} (default %(default)s)",
    )
    p.add_argument("--format", choices=["csv", "parquet"], default="csv", help="table format")
    p.add_argument(
        "--topics", metavar="DOC_TOPICS", help="a doc_topics table from `workbench topics`"
    )
    p.add_argument(
        "--max-gap-days",
        type=int,
        default=3,
        help="reports of one event at most this many days apart (default 3)",
    )
    p.add_argument("--metonymy", action="store_true", help="read Kremlin/Washington as governments")
    _repeats_option(p)
    return p


def _repeats_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--repeats",
        choices=["once", "every"],
        default="once",
        help="a sentence one outlet repeats in 3+ articles (boilerplate): count it in its first "
        "article only (once, default) or in every copy",
    )


def _run_timeline(args: argparse.Namespace) -> int:
    import pandas as pd

    from workbench.core.tables import cell_text
    from workbench.corpus import load_corpus
    from workbench.timeline import build_timeline

    corpus = load_corpus(args.source, warn=False)
    doc_topics = None
    if args.topics:
        path = Path(args.topics)
        doc_topics = pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path)
    tl = build_timeline(
        corpus,
        doc_topics=doc_topics,
        bin=args.bin,
        metonymy=args.metonymy or None,
        max_event_gap_days=args.max_gap_days,
        progress=len(corpus) > 500,
        repeats=args.repeats,
    )
    tl.write(args.out, args.format)
    for note in tl.notes:
        print(f"note: {note}")
    print(
        f"{len(tl.events):,} events from {len(tl.event_reports):,} reports; "
        f"{len(tl.places):,} places; {tl.dated:.0%} of documents dated"
    )
    for r in tl.events.head(10).itertuples():
        when = r.date.date().isoformat() if pd.notna(r.date) else "undated"
        where = f" in {r.place}" if isinstance(r.place, str) else ""
        articles = f"{r.n_docs} article" + ("" if r.n_docs == 1 else "s")
        who = cell_text(r.participants)[:70]
        print(f"  {when}  {r.event_type}{where}: {who}  ({articles})")
    print(f"tables written to {config.display_path(args.out)}/")
    return 0


def _bin_type(option: str):
    """An argparse ``type`` reading any bin spelling as its word (``M`` -> ``month``)."""

    def read(text: str) -> str:
        from workbench.core.bins import normalise_bin  # pandas: not for `workbench report`

        try:
            return normalise_bin(text, name=option)
        except ValueError as err:
            raise argparse.ArgumentTypeError(str(err)) from None

    return read
