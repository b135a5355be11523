"""The plain-text summary that ``workbench ingest`` prints."""

from __future__ import annotations

import textwrap

import pandas as pd

from workbench.corpus.load import Ingest, summarise


def format_summary(result: Ingest, *, show: int = 5, width: int = 100) -> str:
    """What is in the corpus, what was repaired or skipped, and a preview of ``show`` documents."""
    corpus, report = result.corpus, result.report
    reuse = f"; {len(result.reuse):,} shared passages"
    lines = _headline(corpus, report, read="records read", reuse=reuse)
    rules = report.rules_frame()
    if len(rules):
        lines.append("\nnormalising removed or moved:")
        for r in rules.itertuples():
            lines.append(
                f"  {r.rule:<16} {r.n_items:>6,} in {r.n_docs:,} docs   e.g. {r.example[:60]!r}"
            )
    problems = report.problems_frame()
    if len(problems):
        lines.append("\nfirst problems (all of them: --report-out FILE):")
        for p in report.problems[:8]:
            lines.append(f"  {p}")
    if show:
        lines.append(f"\nfirst {min(show, len(corpus))} documents:")
        for r in corpus.head(show).itertuples():
            lines.append(f"  [{r.doc_id}] {r.title if pd.notna(r.title) else '(no title)'}")
            meta = [
                f"by {r.author}" if pd.notna(r.author) else "no author",
                r.source if pd.notna(r.source) else "no source",
                r.date.date().isoformat() if pd.notna(r.date) else "no date",
                f"{r.n_words:,} words",
            ]
            lines.append("      " + " · ".join(meta))
            lines.extend(
                textwrap.wrap(
                    r.text[:300].replace("\n\n", " ¶ "),
                    width,
                    initial_indent="      ",
                    subsequent_indent="      ",
                )
            )
    return "\n".join(lines)


def format_streamed(result) -> str:
    """The summary of a streamed ingest (:class:`workbench.corpus.stream.Streamed`)."""
    return "\n".join(
        _headline(result.light, result.report, read="records read; streamed", reuse="")
    )


def _headline(corpus: pd.DataFrame, report, *, read: str, reuse: str) -> list[str]:
    s = summarise(corpus, report)
    dates = f"{s['first_date']} to {s['last_date']}" if s["first_date"] else "no dates"
    return [
        f"documents   {s['documents']:,}   ({report.n_records_read:,} {read})",
        f"words       {s['words']:,}",
        f"sources     {s['sources']}: {_top(corpus['source'])}",
        f"dates       {dates}; undated {s['undated']:,} (unparseable {s['unparsed_dates']:,})",
        f"duplicates  {s['duplicates']:,} flagged ({_kinds(corpus)}){reuse}",
        f"problems    {s['problems']:,} records skipped or repaired{_problem_kinds(report)}",
    ]


def _top(values: pd.Series, n: int = 5) -> str:
    counts = values.dropna().value_counts()
    if counts.empty:
        return "none given"
    shown = ", ".join(f"{k} ({v:,})" for k, v in counts.head(n).items())
    return shown + (f", ... {len(counts) - n} more" if len(counts) > n else "")


def _kinds(corpus: pd.DataFrame) -> str:
    counts = corpus["duplicate_kind"].value_counts()
    return ", ".join(f"{k} {v:,}" for k, v in counts.items()) or "none"


def _problem_kinds(report) -> str:
    counts = report.problems_frame()["kind"].value_counts()
    return "" if counts.empty else ": " + ", ".join(f"{k} {v:,}" for k, v in counts.items())
