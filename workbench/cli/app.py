"""The ``workbench`` command: one sub-command per layer.

Each sub-command is a pair of functions, ``_add_<name>(subparsers)`` declaring
its arguments and ``_run_<name>(args)`` doing the work, registered in
:data:`COMMANDS`. A problem in the researcher's input (a :class:`~workbench.core.errors.UserError`,
or a path that cannot be opened) ends in a one-line message and exit status 2; anything
else is a bug and shows its traceback (exit status 1). ``--debug`` shows the traceback
of input problems too.
"""

from __future__ import annotations

import argparse
import sys
import traceback
import warnings
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from workbench import config
from workbench.cli.common import key_value, source_argument
from workbench.cli.layers import (
    _add_actors,
    _add_timeline,
    _add_topics,
    _run_actors,
    _run_timeline,
    _run_topics,
)
from workbench.core.errors import InputError, UserError


def _add_ingest(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "ingest",
        help="load, normalise and deduplicate a corpus; print a summary",
        description="Load a corpus (folder or file), normalise it, flag duplicates, "
        "and print what is in it and what was repaired or skipped.",
    )
    source_argument(p)
    p.add_argument(
        "--metadata",
        metavar="FILE",
        help="sidecar table joined on doc_id (default: metadata.csv in the folder)",
    )
    p.add_argument("--out", metavar="FILE", help="write the corpus table (.parquet or .csv)")
    p.add_argument(
        "--reuse-out", metavar="FILE", help="write the text-reuse table (.csv or .parquet)"
    )
    p.add_argument(
        "--report-out", metavar="FILE", help="write every skipped or repaired record (.csv)"
    )
    p.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=NAME",
        help="name the input column for a field, e.g. --column text=body (repeatable)",
    )
    p.add_argument(
        "--near-threshold",
        type=float,
        default=config.NEAR_DUPLICATE_THRESHOLD,
        help="Jaccard similarity for near duplicates (default %(default)s)",
    )
    p.add_argument("--dayfirst", action="store_true", help="read 08/07/2022 as 8 July")
    p.add_argument(
        "--no-cache", action="store_true", help="recompute even if a cached result exists"
    )
    p.add_argument(
        "--stream",
        action="store_true",
        help="write to --out batch by batch, never holding the whole corpus "
        "(automatic for inputs over 1 GB)",
    )
    p.add_argument(
        "--show", type=int, default=5, metavar="N", help="documents to preview (default 5)"
    )
    return p


def _run_ingest(args: argparse.Namespace) -> int:
    from workbench.core.cache import write_table
    from workbench.corpus.load import ingest, save_corpus
    from workbench.corpus.summary import format_summary

    columns = dict(key_value(c, "--column") for c in args.column)
    options = dict(
        metadata=args.metadata,
        columns=columns,
        near_threshold=args.near_threshold,
        dayfirst=args.dayfirst,
    )
    if args.stream or (args.out and _input_bytes(args.source) > STREAM_FROM_BYTES):
        return _run_ingest_streaming(args, options)
    result = ingest(args.source, use_cache=not args.no_cache, progress=None, warn=False, **options)
    print(format_summary(result, show=args.show))
    if args.out:
        save_corpus(result.corpus, args.out)
        print(f"\ncorpus table written to {config.display_path(args.out)}")
    if args.reuse_out:
        write_table(result.reuse, args.reuse_out)
        print(f"text-reuse table written to {config.display_path(args.reuse_out)}")
    _write_report(result.report, args.report_out)
    return 0


#: Inputs larger than this (in bytes) are streamed to --out instead of loaded whole.
STREAM_FROM_BYTES = 1 << 30


def _input_bytes(source: str) -> int:
    path = Path(source)
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else 0


def _run_ingest_streaming(args: argparse.Namespace, options: dict) -> int:
    from workbench.corpus.stream import ingest_to_file
    from workbench.corpus.summary import format_streamed

    if not args.out:
        raise InputError("--stream writes the corpus as it goes: give --out FILE.parquet")
    if args.reuse_out:
        print("note: text reuse is not computed when streaming (--reuse-out ignored)")
    result = ingest_to_file(args.source, args.out, progress=True, **options)
    print(format_streamed(result))
    print(f"\ncorpus table written to {config.display_path(args.out)}")
    _write_report(result.report, args.report_out)
    return 0


def _write_report(report, path: str | None) -> None:
    """Write every skipped or repaired record when ``--report-out`` asks for it."""
    if path:
        from workbench.core.cache import write_table

        write_table(report.problems_frame(), path)
        print(f"ingest report written to {config.display_path(path)}")


def _add_report(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "report",
        help="render the notebooks over a corpus into standalone HTML reports",
        description="Execute every notebooks/NN-*.ipynb with papermill and export each "
        "to an HTML page that opens offline (code hidden), with an "
        "index.html listing them. Parameters are checked first.",
    )
    p.add_argument(
        "--corpus",
        metavar="SOURCE",
        default=str(config.sample_corpus()),
        help="a folder or file of articles (default: the sample corpus)",
    )
    p.add_argument("--out", metavar="DIR", help="output folder (default: reports/<corpus name>/)")
    p.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="render only this notebook: 01, 01-corpus-overview or corpus-overview "
        "(repeatable, or comma-separated)",
    )
    p.add_argument(
        "-p",
        "--parameter",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        dest="parameters",
        help="set a notebook parameter, e.g. -p top_n=20 (repeatable; "
        "applies to every notebook that declares it)",
    )
    p.add_argument(
        "--grid",
        metavar="FILE.yaml",
        help="render once per parameter set of this YAML file, each into a subfolder",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=2,
        metavar="N",
        help="notebooks run at the same time (default %(default)s)",
    )
    p.add_argument(
        "--single-file",
        action="store_true",
        help="also put every report into one HTML file beside the index, all-reports.html "
        "(a tab each, plotly.js once), for sending by email",
    )
    p.add_argument(
        "--no-warm",
        dest="warm",
        action="store_false",
        help="skip the warm-up (the cached steps the notebooks share, run once before them); "
        "each notebook then computes what is not cached yet itself",
    )
    return p


def _run_report(args: argparse.Namespace) -> int:
    from workbench.reports.params import parse_assignments
    from workbench.reports.run import render
    from workbench.reports.single import SINGLE_FILE

    def echo(o) -> None:
        where = f"{o.job.label}/" if o.job.label else ""
        state = "ok    " if o.ok else "FAILED"
        detail = f"{o.size / 1e6:.1f} MB" if o.ok else o.error
        print(f"  {state} {where}{o.job.name:<24} {o.seconds:6.1f} s   {detail}", flush=True)

    def on_warm(w) -> None:
        failed = [s for s in w.steps if s.error]
        detail = f"{len(w.steps)} shared steps" + (f", {len(failed)} failed" if failed else "")
        print(f"  warmed {'(warm-up)':<24} {w.seconds:6.1f} s   {detail}", flush=True)
        for s in failed:
            print(f"         {s.label}: {s.error}", flush=True)

    print("rendering reports ...", flush=True)
    index, outcomes = render(
        args.corpus,
        out=args.out,
        only=args.only,
        params=parse_assignments(args.parameters),
        grid=args.grid,
        workers=args.jobs,
        echo=echo,
        single_file=args.single_file,
        warm=args.warm,
        on_warm=on_warm,
    )
    failed = [o for o in outcomes if not o.ok]
    if failed:
        print(f"{len(failed)} of {len(outcomes)} reports failed; see the index", file=sys.stderr)
    single = index.parent / SINGLE_FILE
    if args.single_file and single.exists():
        print(f"every report in one file: {single.name} ({single.stat().st_size / 1e6:.1f} MB)")
    inside = index.resolve().is_relative_to(config.project_root())
    print(config.display_path(index) if inside else index.resolve())
    return 1 if failed else 0


#: Sub-command name -> (declare arguments, run).
COMMANDS: dict[str, tuple[Callable, Callable[[argparse.Namespace], int]]] = {
    "ingest": (_add_ingest, _run_ingest),
    "report": (_add_report, _run_report),
    "topics": (_add_topics, _run_topics),
    "actors": (_add_actors, _run_actors),
    "timeline": (_add_timeline, _run_timeline),
}


_DEBUG_HELP = "show the full traceback of every error, input problems included"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered sub-command."""
    parser = argparse.ArgumentParser(
        prog="workbench", description="News-corpus research workbench."
    )
    parser.add_argument("--debug", action="store_true", help=_DEBUG_HELP)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add, run in COMMANDS.values():
        p = add(sub)
        p.set_defaults(run=run)
        p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=_DEBUG_HELP)
        _cluster_options(p)
    return parser


def _cluster_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("running on a Dask cluster (normalising, entities, embeddings)")
    g = g.add_mutually_exclusive_group()
    g.add_argument(
        "--scheduler", metavar="ADDRESS", help="an existing cluster, e.g. tcp://host:8786"
    )
    g.add_argument("--workers", type=int, metavar="N", help="start a local cluster of N processes")


def _user_errors() -> tuple[type[BaseException], ...]:
    """Errors in what the researcher gave, which end in one line and status 2.

    The ``OSError`` kinds are paths that cannot be opened.
    """
    return (
        UserError,
        FileNotFoundError,
        IsADirectoryError,
        NotADirectoryError,
        PermissionError,
    )


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``workbench`` command.

    Returns:
        0 on success, 1 for a failed report or a bug (its traceback printed), 2 for a
        problem in the input or options (one line, the traceback only with ``--debug``),
        130 when interrupted.
    """
    args = build_parser().parse_args(argv)
    where = f"workbench {args.command}"
    try:
        with warnings.catch_warnings(), _cluster(args):
            warnings.simplefilter("ignore", FutureWarning)
            return args.run(args)
    except KeyboardInterrupt:
        print(f"{where}: interrupted; finished steps are cached", file=sys.stderr)
        return 130
    except _user_errors() as err:  # built only once something was raised
        if args.debug:
            traceback.print_exc()
        print(f"{where}: {error_message(err)}", file=sys.stderr)
        return 2
    except Exception as err:  # a bug: keep its traceback
        traceback.print_exc()
        print(
            f"{where}: unexpected {type(err).__name__}, a bug in the workbench rather than in "
            "your input (the traceback above shows where); please report it",
            file=sys.stderr,
        )
        return 1


def error_message(err: BaseException) -> str:
    """The one-line message of an input error: its text, or the path and what is wrong with it."""
    if isinstance(err, OSError) and err.filename is not None:
        return f"{config.display_path(err.filename)}: {err.strerror or err}"
    return str(err)


@contextmanager
def _cluster(args: argparse.Namespace):
    """Connect to (or start) the cluster asked for, and tell notebook kernels its address."""
    if args.scheduler is None and args.workers is None:
        yield
        return
    import os

    from workbench.core import distributed

    client = distributed.use(scheduler=args.scheduler, workers=args.workers)
    os.environ["WORKBENCH_SCHEDULER"] = client.scheduler.address
    print(
        f"running per-document steps on {client.scheduler.address} "
        f"({len(client.scheduler_info()['workers'])} workers)",
        file=sys.stderr,
    )
    try:
        yield
    finally:
        distributed.close()
        os.environ.pop("WORKBENCH_SCHEDULER", None)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = ["COMMANDS", "build_parser", "main"]
