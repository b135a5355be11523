"""The corpus overview: tidy tables of what is in a corpus.

Compute only: every function takes the corpus table (or an :class:`~workbench.corpus.Ingest`,
or a path to load: :func:`~workbench.corpus.inputs.as_corpus`, which names any missing
column) and returns a DataFrame; :mod:`workbench.plots.corpus` draws them and
:mod:`workbench.corpus.prose` reads them out. Outlets beyond the ``top`` largest
are grouped as ``"other"`` so that figures stay legible on a corpus of thousands
of articles.
"""

from __future__ import annotations

import pandas as pd

from workbench.core.bins import DTYPE, bin_range, bin_start, resolve_bin
from workbench.corpus.inputs import CorpusLike, as_corpus
from workbench.corpus.load import Ingest
from workbench.corpus.report import IngestReport

NO_SOURCE = "(no source)"
OTHER = "other"


# ----------------------------------------------------------------------------- sources


def source_labels(corpus: pd.DataFrame, *, top: int | None = None) -> pd.Series:
    """Each document's outlet: ``"(no source)"`` if unknown, ``"other"`` beyond the ``top``."""
    labels = corpus["source"].astype("string").fillna(NO_SOURCE).astype(str)
    if top is not None:
        keep = set(labels.value_counts().head(top).index)
        labels = labels.where(labels.isin(keep), OTHER)
    return labels


def sources_table(corpus: CorpusLike) -> pd.DataFrame:
    """One row per outlet, largest first: documents, share, words, median length, dates, copies."""
    corpus = as_corpus(corpus, columns=["doc_id", "source", "n_words", "date", "duplicate_of"])
    df = corpus.assign(source=source_labels(corpus), is_dup=corpus["duplicate_of"].notna())
    out = (
        df.groupby("source", sort=False)
        .agg(
            documents=("doc_id", "size"),
            words=("n_words", "sum"),
            median_words=("n_words", "median"),
            first_date=("date", "min"),
            last_date=("date", "max"),
            duplicates=("is_dup", "sum"),
        )
        .reset_index()
    )
    out["share"] = out["documents"] / max(len(corpus), 1)
    out["median_words"] = out["median_words"].round().astype(int)
    for col in ("first_date", "last_date"):
        out[col] = out[col].dt.strftime("%Y-%m-%d")
    cols = [
        "source",
        "documents",
        "share",
        "words",
        "median_words",
        "first_date",
        "last_date",
        "duplicates",
    ]
    return out[cols].sort_values(
        ["documents", "source"], ascending=[False, True], ignore_index=True
    )


# ----------------------------------------------------------------------------- time


def coverage(
    corpus: CorpusLike,
    *,
    date_bin: str = "auto",
    top: int = 12,
    include_duplicates: bool = False,
) -> pd.DataFrame:
    """Documents and words per date bin and outlet, every bin present (zeros included).

    Args:
        corpus: The corpus table.
        date_bin: ``day``, ``week`` (from Monday), ``month``, ``quarter``, ``year``, their
            pandas aliases ``D``, ``W``, ``M``, ``Q``, ``Y``, or ``auto``
            (:mod:`workbench.core.bins`).
        top: Outlets shown by name; the others are summed as ``"other"``.
        include_duplicates: Count documents flagged as duplicates.

    Returns:
        Columns ``period`` (start of the bin, UTC), ``source``, ``documents``, ``words``;
        the bin used (a word, ``auto`` decided) is in ``attrs["date_bin"]``. Undated
        documents are left out.

    Raises:
        ValueError: ``date_bin`` is not a bin (the message lists the accepted ones).
    """
    corpus = as_corpus(corpus, columns=["doc_id", "source", "n_words", "date", "duplicate_of"])
    df = corpus if include_duplicates else corpus[corpus["duplicate_of"].isna()]
    df = df[df["date"].notna()]
    unit = resolve_bin(date_bin, df["date"], name="date_bin")
    columns = ["period", "source", "documents", "words"]
    if df.empty:
        out = pd.DataFrame(columns=columns).astype({"period": DTYPE})
    else:
        table = (
            df.assign(period=bin_start(df["date"], unit), source=source_labels(df, top=top))
            .groupby(["period", "source"], observed=True)
            .agg(documents=("doc_id", "size"), words=("n_words", "sum"))
        )
        full = pd.MultiIndex.from_product(
            [bin_range(df["date"], unit), _ordered(table)], names=["period", "source"]
        )
        out = table.reindex(full, fill_value=0).reset_index()
    out.attrs["date_bin"] = unit
    return out[columns]


def _ordered(table: pd.DataFrame) -> list[str]:
    totals = table.groupby(level="source")["documents"].sum().sort_values(ascending=False)
    names = [s for s in totals.index if s != OTHER]
    return names + ([OTHER] if OTHER in totals.index else [])


# ----------------------------------------------------------------------------- lengths


def word_counts(corpus: CorpusLike, *, top: int = 12) -> pd.DataFrame:
    """One row per document with words: ``doc_id``, ``title``, ``source``, ``n_words``.

    Documents without words are left out (a log axis cannot show them); how many
    is in ``attrs["empty"]``.
    """
    corpus = as_corpus(corpus, columns=["doc_id", "title", "source", "n_words"])
    out = pd.DataFrame(
        {
            "doc_id": corpus["doc_id"],
            "title": corpus["title"],
            "source": source_labels(corpus, top=top),
            "n_words": corpus["n_words"],
        }
    )
    empty = out["n_words"] <= 0
    out = out[~empty].reset_index(drop=True)
    out.attrs["empty"] = int(empty.sum())
    return out


# ----------------------------------------------------------------------------- normalising


def rules_table(result: Ingest) -> pd.DataFrame:
    """What each normalising rule removed or moved: pieces, characters, documents, an example."""
    rules = result.report.rules_frame()
    rules["share_of_docs"] = rules["n_docs"] / max(result.report.n_records_read, 1)
    return rules[["rule", "n_items", "n_docs", "share_of_docs", "n_chars", "example"]]


def problems_table(report: IngestReport) -> pd.DataFrame:
    """Records skipped or repaired, one row per kind: count, first case, what was done."""
    problems = report.problems_frame()
    if problems.empty:
        return pd.DataFrame(columns=["kind", "records", "first_case", "action"])
    problems["first_case"] = (
        problems["file"].astype(str)
        + ", line "
        + problems["line"].astype(str)
        + ": "
        + problems["message"]
    )
    return (
        problems.groupby("kind", sort=False)
        .agg(
            records=("kind", "size"), first_case=("first_case", "first"), action=("action", "first")
        )
        .reset_index()
        .sort_values("records", ascending=False, ignore_index=True)
    )


# ----------------------------------------------------------------------------- duplicates


def duplicates_table(corpus: CorpusLike) -> pd.DataFrame:
    """Every document flagged as a copy, with the earlier document it copies."""
    corpus = as_corpus(
        corpus,
        columns=[
            "doc_id",
            "title",
            "source",
            "date",
            "duplicate_of",
            "duplicate_kind",
            "similarity",
        ],
    )
    titles = corpus.set_index("doc_id")["title"]
    dups = corpus[corpus["duplicate_of"].notna()]
    return pd.DataFrame(
        {
            "doc_id": dups["doc_id"],
            "title": dups["title"],
            "source": source_labels(dups),
            "date": dups["date"].dt.strftime("%Y-%m-%d"),
            "kind": dups["duplicate_kind"],
            "similarity": dups["similarity"].round(2),
            "copy_of": dups["duplicate_of"],
            "copy_of_title": dups["duplicate_of"].map(titles),
        }
    ).sort_values(["kind", "similarity"], ascending=[True, False], ignore_index=True)


def duplicates_by_source(corpus: CorpusLike, *, top: int = 12) -> pd.DataFrame:
    """Documents per outlet and kind (``unique``, ``exact`` or ``near`` copy), tidy."""
    corpus = as_corpus(corpus, columns=["source", "duplicate_kind"])
    kind = corpus["duplicate_kind"].astype("string").fillna("unique").astype(str)
    out = (
        pd.DataFrame({"source": source_labels(corpus, top=top), "kind": kind})
        .value_counts()
        .rename("documents")
        .reset_index()
    )
    return out.sort_values(["source", "kind"], ignore_index=True)


def reuse_pairs(reuse: pd.DataFrame, corpus: CorpusLike) -> pd.DataFrame:
    """Pairs of documents sharing passages: passages, words, the longest one; most words first."""
    corpus = as_corpus(corpus, columns=["doc_id", "source", "title"])
    cols = [
        "doc_id",
        "other_doc_id",
        "source",
        "other_source",
        "title",
        "other_title",
        "passages",
        "words",
        "longest_passage",
    ]
    if reuse.empty:
        return pd.DataFrame(columns=cols)
    longest = reuse.sort_values("n_words", ascending=False).drop_duplicates(
        ["doc_id", "other_doc_id"]
    )
    pairs = (
        reuse.groupby(["doc_id", "other_doc_id"])
        .agg(passages=("n_words", "size"), words=("n_words", "sum"))
        .reset_index()
        .merge(longest[["doc_id", "other_doc_id", "passage"]], on=["doc_id", "other_doc_id"])
        .rename(columns={"passage": "longest_passage"})
    )
    meta = corpus.assign(source=source_labels(corpus)).set_index("doc_id")[["source", "title"]]
    for prefix, col in (("", "doc_id"), ("other_", "other_doc_id")):
        pairs[f"{prefix}source"] = pairs[col].map(meta["source"])
        pairs[f"{prefix}title"] = pairs[col].map(meta["title"])
    return pairs[cols].sort_values("words", ascending=False, ignore_index=True)


def top_pairs(pairs: pd.DataFrame, *, between_outlets: bool = True) -> pd.DataFrame:
    """The pairs from :func:`reuse_pairs` worth reading first: those across outlets by default.

    An outlet re-running its own text is common and dull; wire copy shared between
    outlets is what a reader looks for. Pairs with an unknown outlet count as across.
    """
    if not between_outlets or pairs.empty:
        return pairs
    same = (pairs["source"] == pairs["other_source"]) & (pairs["source"] != NO_SOURCE)
    return pairs[~same].reset_index(drop=True)


def reuse_by_source(pairs: pd.DataFrame, *, top: int = 12) -> pd.DataFrame:
    """Words shared between outlets (from :func:`reuse_pairs`), both directions, for a heatmap."""
    cols = ["source", "other_source", "pairs", "words"]
    if pairs.empty:
        return pd.DataFrame(columns=cols)
    keep = set(pd.concat([pairs["source"], pairs["other_source"]]).value_counts().head(top).index)
    both = pd.concat(
        [
            pairs[["source", "other_source", "words"]],
            pairs[pairs["source"] != pairs["other_source"]].rename(
                columns={"source": "other_source", "other_source": "source"}
            )[["source", "other_source", "words"]],
        ]
    )
    for col in ("source", "other_source"):
        both[col] = both[col].where(both[col].isin(keep), OTHER)
    return (
        both.groupby(["source", "other_source"])
        .agg(pairs=("words", "size"), words=("words", "sum"))
        .reset_index()[cols]
    )
