"""Boilerplate: a sentence an outlet repeats verbatim across many of its articles.

Outlets paste the same background sentence into every story of a running topic ("Russia
invaded Ukraine on February 24 in what Moscow calls ..."). Counted in every copy, its
actors, quotes and events would outweigh the reporting around them: one such sentence
in 45 articles makes its subject one of the most named people of a corpus. A sentence
of at least :data:`MIN_WORDS` words found word for word in at least :data:`MIN_DOCS`
articles of one outlet is *repeated*; its first appearance (earliest publication, then
``doc_id``) counts, the others are *copies*.

The flags go on the sentence table (``repeated``, ``copy``, ``counted``) so every layer
that reads sentences (quotes, citations, events) applies the same choice.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import pandas as pd

#: A repeated passage is found in at least this many articles of one outlet ...
MIN_DOCS = 3
#: ... and has at least this many words (short stock phrases are not boilerplate).
MIN_WORDS = 8

Repeats = Literal["once", "every"]


def flag_repeats(
    sentences: pd.DataFrame, corpus: pd.DataFrame, *, repeats: Repeats = "once"
) -> pd.DataFrame:
    """The sentence table with ``repeated``, ``copy`` and ``counted`` columns.

    Args:
        sentences: ``doc_id``, ``text`` per sentence (:func:`workbench.corpus.segment`).
        corpus: ``doc_id`` with ``source`` and ``date`` when present (without ``source``
            the corpus counts as one outlet).
        repeats: ``"once"``: a repeated sentence counts in its first article only (its
            copies are not ``counted``); ``"every"``: every copy counts (still flagged).

    Returns:
        ``sentences`` with the three boolean columns.

    Raises:
        ValueError: ``repeats`` is neither ``"once"`` nor ``"every"``.
    """
    if repeats not in ("once", "every"):
        raise ValueError(f"repeats={repeats!r}: give 'once' or 'every'")
    out = sentences.copy()
    if out.empty:
        return out.assign(repeated=False, copy=False, counted=True)
    meta = corpus.set_index("doc_id")
    source = out["doc_id"].map(meta["source"]) if "source" in meta else pd.Series("", out.index)
    date = out["doc_id"].map(meta["date"]) if "date" in meta else pd.Series(pd.NaT, out.index)
    # a sentence's words, one space apart (plain str methods: the .str accessor builds a
    # list per sentence and is several times slower)
    words = [t.split() if isinstance(t, str) else [] for t in out["text"].astype(str).tolist()]
    key = pd.Series([" ".join(w) for w in words], index=out.index, dtype="str")
    long_enough = pd.Series([len(w) >= MIN_WORDS for w in words], index=out.index)
    work = pd.DataFrame(
        {"source": source.fillna("").astype(str), "key": key, "doc": out["doc_id"], "date": date}
    )[long_enough.to_numpy()]
    n_docs = work.groupby(["source", "key"], sort=False)["doc"].transform("nunique")
    work = work[n_docs >= MIN_DOCS]
    first = (
        work.sort_values(["date", "doc"], na_position="last", kind="stable")
        .drop_duplicates(["source", "key"])
        .set_index(["source", "key"])["doc"]
    )
    owner = pd.Series(
        first.reindex(pd.MultiIndex.from_frame(work[["source", "key"]])).to_numpy(),
        index=work.index,
    )
    out["repeated"] = out.index.isin(work.index)
    # The first sentence of the first article counts; every other one is a copy.
    kept = work[(owner == work["doc"]).to_numpy()].drop_duplicates(["source", "key"]).index
    out["copy"] = out["repeated"] & ~out.index.isin(kept)
    out["counted"] = ~out["copy"] if repeats == "once" else True
    return out


def sentence_rows(sentences: pd.DataFrame) -> Iterator[tuple[str, str, int, str, bool]]:
    """Each sentence as ``(doc_id, unit_id, start, text, counted)``, in table order.

    ``counted`` is False for a copy of boilerplate (:func:`flag_repeats`); a table without
    the flags counts every sentence.
    """
    counted = sentences["counted"].tolist() if "counted" in sentences else [True] * len(sentences)
    # plain lists: a step through a column of Arrow strings costs a microsecond or more
    yield from zip(
        sentences["doc_id"].tolist(),
        sentences["unit_id"].tolist(),
        sentences["start"].tolist(),
        sentences["text"].fillna("").tolist(),
        counted,
        strict=True,
    )
