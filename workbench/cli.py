"""The ``workbench`` command: one sub-command per layer.

Each sub-command is a pair of functions, ``_add_<name>(subparsers)`` declaring
its arguments and ``_run_<name>(args)`` doing the work, registered in
:data:`COMMANDS`. Input problems end in a one-line message and exit status 2,
never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable

from workbench import config


def _add_ingest(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("ingest", help="load, normalise and deduplicate a corpus; print a summary",
                       description="Load a corpus (folder or file), normalise it, flag duplicates, "
                                   "and print what is in it and what was repaired or skipped.")
    _source_argument(p)
    p.add_argument("--metadata", metavar="FILE", help="sidecar table joined on doc_id "
                   "(default: metadata.csv in the folder)")
    p.add_argument("--out", metavar="FILE", help="write the corpus table (.parquet or .csv)")
    p.add_argument("--reuse-out", metavar="FILE", help="write the text-reuse table (.csv or .parquet)")
    p.add_argument("--report-out", metavar="FILE", help="write every skipped or repaired record (.csv)")
    p.add_argument("--column", action="append", default=[], metavar="FIELD=NAME",
                   help="name the input column for a field, e.g. --column text=body (repeatable)")
    p.add_argument("--near-threshold", type=float, default=config.NEAR_DUPLICATE_THRESHOLD,
                   help="Jaccard similarity for near duplicates (default %(default)s)")
    p.add_argument("--dayfirst", action="store_true", help="read 08/07/2022 as 8 July")
    p.add_argument("--no-cache", action="store_true", help="recompute even if a cached result exists")
    p.add_argument("--show", type=int, default=5, metavar="N", help="documents to preview (default 5)")
    return p


def _run_ingest(args: argparse.Namespace) -> int:
    from workbench.corpus import ingest, save_corpus
    from workbench.ingest_summary import format_summary

    columns = dict(_key_value(c, "--column") for c in args.column)
    result = ingest(args.source, metadata=args.metadata, columns=columns,
                    near_threshold=args.near_threshold, dayfirst=args.dayfirst,
                    use_cache=not args.no_cache, progress=None, warn=False)
    print(format_summary(result, show=args.show))
    if args.out:
        save_corpus(result.corpus, args.out)
        print(f"\ncorpus table written to {config.display_path(args.out)}")
    if args.reuse_out:
        from workbench.cache import write_table

        write_table(result.reuse, args.reuse_out)
        print(f"text-reuse table written to {config.display_path(args.reuse_out)}")
    if args.report_out:
        from workbench.cache import write_table

        write_table(result.report.problems_frame(), args.report_out)
        print(f"ingest report written to {config.display_path(args.report_out)}")
    return 0


# ----------------------------------------------------------------------------- plumbing


def _source_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", nargs="?", default=str(config.sample_corpus()),
                   help="a folder of articles, a CSV/TSV/JSON/JSONL/Parquet/HTML file, or an "
                        "ingested .parquet (default: the sample corpus)")


def _key_value(text: str, option: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise ValueError(f"{option} {text!r}: write it as KEY=VALUE")
    return key.strip(), value.strip()


#: Sub-command name -> (declare arguments, run).
COMMANDS: dict[str, tuple[Callable, Callable[[argparse.Namespace], int]]] = {
    "ingest": (_add_ingest, _run_ingest),
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered sub-command."""
    parser = argparse.ArgumentParser(prog="workbench", description="News-corpus research workbench.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add, run in COMMANDS.values():
        add(sub).set_defaults(run=run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``workbench`` command."""
    from workbench.corpus import CorpusError

    args = build_parser().parse_args(argv)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            return args.run(args)
    except (CorpusError, FileNotFoundError, KeyError, ValueError) as err:
        message = err.args[0] if err.args else str(err)
        print(f"workbench {args.command}: {message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"workbench {args.command}: interrupted; finished steps are cached", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = ["COMMANDS", "build_parser", "main"]
