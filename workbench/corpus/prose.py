"""Sentences that read the corpus overview, written as Markdown from its tables.

Each function takes a table from :mod:`workbench.corpus.overview` and returns a short
paragraph for the notebook to show with :func:`workbench.notebook.say`. Corpus
text (outlet names, titles, paths) is escaped with
:func:`workbench.core.escape.md_escape`, so it shows as text whatever it holds.
"""

from __future__ import annotations

import pandas as pd

from workbench.core.bins import label
from workbench.core.escape import md_escape
from workbench.core.prose import plural as _n
from workbench.corpus.load import Ingest
from workbench.corpus.overview import NO_SOURCE, sources_table, top_pairs


def describe(result: Ingest, *, corpus: str) -> str:
    """A paragraph of Markdown: size, outlets, dates, duplicates, problems."""
    s = result.summary()
    if not s["documents"]:
        return f"{md_escape(corpus)} holds **no documents** with these parameters."
    dates = (
        f"dated **{s['first_date']}** to **{s['last_date']}**"
        if s["first_date"]
        else "with **no dates**"
    )
    undated = f" ({s['undated']:,} undated)" if s["undated"] and s["first_date"] else ""
    return (
        f"{md_escape(corpus)} holds **{_n(s['documents'], 'document')}** "
        f"({s['words']:,} words) {_outlets(sources_table(result.corpus))}, {dates}{undated}. "
        f"{_n(s['duplicates'], 'document')} flagged as "
        f"{'a copy' if s['duplicates'] == 1 else 'copies'} of an earlier one, "
        f"{_n(len(result.reuse), 'passage')} shared between documents; "
        f"{_n(s['problems'], 'input record')} skipped or repaired while loading."
    )


def _outlets(sources: pd.DataFrame) -> str:
    named = sources[sources["source"] != NO_SOURCE]
    text = f"from **{_n(len(named), 'outlet')}**"
    if len(named):
        listed = ", ".join(
            f"{md_escape(r.source)} ({r.documents:,})" for r in named.head(3).itertuples()
        )
        text += f" ({listed}{f' and {len(named) - 3:,} more' if len(named) > 3 else ''})"
    unnamed = sources.loc[sources["source"] == NO_SOURCE, "documents"]
    if len(unnamed):
        text += f" and {_n(int(unnamed.iloc[0]), 'document')} naming no outlet"
    return text


def _verb(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


def describe_sources(sources: pd.DataFrame) -> str:
    """One sentence on the largest outlet and how concentrated the corpus is."""
    named = sources[sources["source"] != NO_SOURCE]
    text = "No document names its outlet."
    if not named.empty:
        top = named.iloc[0]
        text = (
            f"The largest outlet is **{md_escape(top['source'])}** with "
            f"{_n(int(top['documents']), 'document')} ({top['share']:.0%} of the corpus)."
        )
    if len(named) >= 3:
        text += f" The three largest hold {named['share'].head(3).sum():.0%}."
    if len(named) < len(sources):
        n = int(sources.loc[sources["source"] == NO_SOURCE, "documents"].iloc[0])
        text += (
            f" {_n(n, 'document')} {_verb(n, 'names', 'name')} no outlet: give a `source` "
            "column or a metadata.csv."
        )
    return text


def describe_coverage(cov: pd.DataFrame) -> str:
    """Where coverage peaks and how many bins are empty."""
    if cov.empty:
        return "No dated documents, so no coverage over time."
    unit = label(cov.attrs.get("date_bin"))
    per_bin = cov.groupby("period")["documents"].sum()
    peak = per_bin.idxmax()
    empty = int((per_bin == 0).sum())
    share = per_bin.cumsum() / max(per_bin.sum(), 1)
    first, last = share[share >= 0.05].index[0], share[share >= 0.95].index[0]
    return (
        f"Binned by {unit}: {len(per_bin):,} {unit}s, coverage peaks in the {unit} of "
        f"**{peak.date().isoformat()}** with {int(per_bin.max()):,} documents; "
        f"{empty:,} {unit}s have none. Nine in ten documents fall between the {unit}s of "
        f"{first.date().isoformat()} and {last.date().isoformat()} "
        "(the `start` and `end` parameters narrow the range)."
    )


def describe_duplicates(corpus: pd.DataFrame, pairs: pd.DataFrame) -> str:
    """How much of the corpus is copied, and the pair sharing most text."""
    n = len(corpus)
    dups = corpus["duplicate_kind"].value_counts()
    text = (
        f"{int(dups.get('exact', 0)):,} exact and {int(dups.get('near', 0)):,} near copies "
        f"({(dups.sum() / max(n, 1)):.1%} of {n:,} documents)."
    )
    if pairs.empty:
        return text + " No two documents share a passage of 25 words or more."
    across = top_pairs(pairs)
    text += (
        f" {_n(len(pairs), 'pair')} of documents share passages of 25 words or more, "
        f"{len(across):,} of them across outlets."
    )
    if across.empty:
        return text
    top = across.iloc[0]
    return text + (
        f" Across outlets the most, {top['words']:,} words, are shared by "
        f"*{_title(top['title'])}* ({md_escape(top['source'])}) and "
        f"*{_title(top['other_title'])}* ({md_escape(top['other_source'])})."
    )


def _title(title: object) -> str:
    return "(no title)" if pd.isna(title) else md_escape(title)


def describe_rules(rules: pd.DataFrame) -> str:
    """What normalising took out, in one sentence."""
    if rules.empty:
        return "Normalising removed nothing: the texts came without page furniture."
    top = rules.iloc[0]
    return (
        f"Normalising removed or moved {rules['n_items'].sum():,} pieces "
        f"({rules['n_chars'].sum():,} characters) by {_n(len(rules), 'rule')}; the most frequent, "
        f"**{md_escape(top['rule'])}**, touched {top['n_docs']:,} documents."
    )


def describe_lengths(lengths: pd.DataFrame) -> str:
    """The typical length, the shortest outlet, and the empty documents left out."""
    if lengths.empty:
        return "No document has any words."
    medians = lengths.groupby("source")["n_words"].median().sort_values()
    text = (
        f"Half the documents have fewer than {int(lengths['n_words'].median()):,} words; "
        f"the shortest by median is {md_escape(medians.index[0])} "
        f"({int(medians.iloc[0]):,} words), the longest {md_escape(medians.index[-1])} "
        f"({int(medians.iloc[-1]):,})."
    )
    if lengths.attrs.get("empty"):
        empty = lengths.attrs["empty"]
        text += f" {_n(empty, 'document')} without words {_verb(empty, 'is', 'are')} left out."
    return text
