"""Subsets of a fitted topic model: the same topics, looked at on some of the documents.

A topic model is fitted once, on the whole corpus; :func:`subset` then selects documents
by outlet, date range, any document column, a list of ``doc_id`` or a mask, and returns a
:class:`~workbench.topics.result.TopicResult` *view* of them: nothing is refitted or
re-embedded. In a view the topic numbers, labels, words and centroids are the whole
corpus' (so shares are comparable with the whole and between views), while ``doc_topics``,
``units``, ``topic_info``'s ``size`` and ``share`` and the representative passages are
recomputed on the selected units; every table function and figure takes a view as it
takes the whole. Topics absent from the view keep their row in ``topic_info`` with size 0.

An empty selection gives empty tables, a note saying what selected nothing (each
criterion's own count, and the dates the articles span) and an :class:`EmptySubsetWarning`.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from workbench.core.errors import InputError
from workbench.core.prose import plural

#: A :class:`~workbench.topics.result.TopicResult` (not imported here: ``result`` builds on
#: this module, and the layers' contract forbids import cycles).
Result = Any
#: The columns a result's document table has when the fit kept none of the corpus'.
UNIT_DOC_COLUMNS = ["doc_id", "title", "date", "source"]


class EmptySubsetWarning(UserWarning):
    """A subset selected no modelled unit; the message says which criterion selected nothing."""


def documents_of(result: Result) -> pd.DataFrame:
    """The result's documents: one row per corpus document with its columns (no text).

    Results fitted by this version carry the corpus' columns (``result.documents``);
    older saved results fall back on what their units carry (``doc_id, title, date, source``).
    """
    docs = result.__dict__.get("documents")
    if docs is not None:
        return docs
    cols = [c for c in UNIT_DOC_COLUMNS if c in result.units.columns]
    return result.units.drop_duplicates("doc_id")[cols].reset_index(drop=True)


def subset(
    result: Result,
    *,
    source: str | Iterable[str] | None = None,
    start: Any = None,
    end: Any = None,
    doc_ids: Iterable[str] | None = None,
    where: Mapping[str, Any] | pd.Series | np.ndarray | Sequence[bool] | None = None,
) -> Result:
    """A view of the documents selected by every criterion given (see the module docstring).

    Args:
        result: A fitted topic model (or a view of one: the selection narrows it).
        source: An outlet, or several; a name that is no outlet is an error naming the
            closest ones.
        start: First day kept (``"2022-03-01"``, a ``Timestamp`` or a ``date``), inclusive.
        end: Last day kept, inclusive (the whole day).
        doc_ids: The documents to keep, by ``doc_id``.
        where: ``{column: value}`` (a list of values keeps any of them) over the result's
            document columns, or a boolean mask: one value per document (as
            ``corpus[column] == value`` gives, aligned on the corpus index, or indexed by
            ``doc_id``) or one per unit (aligned with ``doc_topics``).

    Returns:
        A :class:`~workbench.topics.result.TopicResult` view.

    Raises:
        InputError: An unknown outlet or column, a date that cannot be read, ``start``
            after ``end``, or a mask that matches neither the documents nor the units.
    """
    docs = documents_of(result)
    criteria: list[tuple[str, pd.Series]] = []
    unit_mask = None
    if source is not None:
        criteria.append(_by_source(docs, source))
    if start is not None or end is not None:
        criteria.append(_by_dates(docs, start, end))
    if doc_ids is not None:
        criteria.append(_by_doc_ids(docs, doc_ids))
    if isinstance(where, Mapping):
        criteria += [_by_column(docs, col, value) for col, value in where.items()]
    elif where is not None:
        level, mask = _mask(where, docs, result.doc_topics)
        if level == "document":
            criteria.append(("selected by the where= mask", mask))
        else:
            unit_mask = mask
    if not criteria and unit_mask is None:
        raise InputError("subset(): give at least one of source=, start=, end=, doc_ids= or where=")
    keep = pd.Series(True, index=docs.index)
    for _, mask in criteria:
        keep &= mask
    chosen = docs.loc[keep.to_numpy(), "doc_id"]
    units = result.units["doc_id"].isin(set(chosen)).to_numpy()
    if unit_mask is not None:
        units = units & unit_mask
    scope = _scope(criteria, unit_mask)
    dated = start is not None or end is not None
    message = "" if units.any() else _empty_message(docs, criteria, keep, unit_mask, dated)
    return restrict(result, units, scope=scope, documents=docs[keep.to_numpy()], empty=message)


def restrict(
    result: Result,
    units: np.ndarray,
    *,
    scope: str,
    documents: pd.DataFrame | None = None,
    empty: str = "",
) -> Result:
    """The view of ``result`` on the units where the boolean array ``units`` is True.

    Args:
        result: A fitted topic model or a view.
        units: One boolean per row of ``result.units`` (and of ``result.doc_topics``).
        scope: What selected them, in words (joined to the scope of a view).
        documents: The selected documents (default: those of the selected units).
        empty: The message for an empty selection (a note and a warning).
    """
    units = np.asarray(units, dtype=bool)
    whole = whole_of(result)
    kept = result.units[units].reset_index(drop=True)
    ids = set(kept["unit_id"])
    doc_topics = result.doc_topics[result.doc_topics["unit_id"].isin(ids)].reset_index(drop=True)
    embeddings = None if result.embeddings is None else result.embeddings[units]
    if documents is None:
        documents = documents_of(result)
        documents = documents[documents["doc_id"].isin(set(kept["doc_id"]))]
    info, centroids = _recount(result, doc_topics)
    reps = _representatives(result, kept, doc_topics, embeddings, info, centroids)
    scope = "; ".join(s for s in (result.scope, scope) if s)
    lead = (
        f"a view of {plural(len(kept), result.settings.unit)} from "
        f"{plural(kept['doc_id'].nunique(), 'document')} of {whole.units['doc_id'].nunique():,} "
        f"({scope}): the topics, labels and words are the whole corpus' fit; sizes, shares "
        "and representative passages are the view's"
    )
    view = derive(
        result,
        units=kept,
        doc_topics=doc_topics,
        topic_info=_with_representatives(info, reps),
        representatives=reps,
        centroids=centroids,
        embeddings=embeddings,
        documents=documents,
        notes=[n for n in (empty, lead) if n]
        + [n for n in whole.notes if not n.startswith("a view of")],
        scope=scope,
    )
    view._whole = whole
    if empty:
        warnings.warn(empty, EmptySubsetWarning, stacklevel=3)
    return view


def derive(result: Result, **changes: Any) -> Result:
    """A new result: ``result``'s fields with ``changes``; ``result`` itself is untouched.

    Without a ``model`` among the changes, the new result's model is ``result``'s, taken
    when first used (so a loaded model is not read, nor copied, until it is needed).
    """
    cls = type(result)
    values = {f.name: result.__dict__.get(f.name) for f in dataclasses.fields(cls)}
    values["notes"] = list(result.notes)
    values["edits"] = list(result.edits)
    values.update(changes)
    new = cls(**values)
    if "model" not in changes:
        if "model" in result.__dict__:
            new.model = result.model
        else:
            del new.__dict__["model"]
            new._model_loader = lambda: result.model
    return new


def whole_of(result: Result) -> Result:
    """The result a view was cut from (the result itself when it is no view)."""
    return result.__dict__.get("_whole") or result


def reapply(view: Result, whole: Result) -> Result:
    """The view of ``whole`` (an edited copy of ``view``'s whole) on the same units and scope."""
    if not view.scope:
        return whole
    units = whole.units["unit_id"].isin(set(view.units["unit_id"])).to_numpy()
    docs = documents_of(whole)
    docs = docs[docs["doc_id"].isin(set(documents_of(view)["doc_id"]))]
    empty = view.notes[0] if view.doc_topics.empty and view.notes else ""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EmptySubsetWarning)  # said when the view was made
        return restrict(whole, units, scope=view.scope, documents=docs, empty=empty)


# ----------------------------------------------------------------------------- criteria


def _by_source(docs: pd.DataFrame, source: str | Iterable[str]) -> tuple[str, pd.Series]:
    wanted = [source] if isinstance(source, str) else [str(s) for s in source]
    if "source" not in docs.columns:
        raise InputError("source=: the topic result's documents have no 'source' column")
    known = sorted({str(s) for s in docs["source"].dropna() if str(s)})
    for name in wanted:
        if name not in known:
            raise InputError(
                f"source={name!r} is not an outlet of this corpus; "
                + _closest(name, known, "outlets")
            )
    desc = "from " + " or ".join(wanted)
    return desc, docs["source"].isin(wanted).fillna(False).astype(bool)


def _closest(name: str, known: list[str], what: str) -> str:
    """``closest: 'CNN', 'CNBC'`` from the known names (case-insensitive), else a few of them."""
    lower = {k.lower(): k for k in known}
    close = [
        lower[c] for c in difflib.get_close_matches(name.lower(), list(lower), n=3, cutoff=0.5)
    ]
    if close:
        return "closest: " + ", ".join(repr(c) for c in close)
    shown = ", ".join(repr(k) for k in known[:15])
    more = f", ... ({len(known)} in all)" if len(known) > 15 else ""
    return f"{what}: {shown or 'none'}{more}"


def _day(value: Any, name: str) -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        stamp = pd.NaT
    if isinstance(value, str) and not re.search(r"\d{4}", value):
        stamp = pd.NaT  # pandas reads "March" as March of the year 1
    if stamp is pd.NaT:
        raise InputError(f"{name}={value!r} is not a date; write it as 2022-03-01")
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    return stamp.normalize()


def _by_dates(docs: pd.DataFrame, start: Any, end: Any) -> tuple[str, pd.Series]:
    first = None if start is None else _day(start, "start")
    last = None if end is None else _day(end, "end")
    if first is not None and last is not None and first > last:
        raise InputError(f"start={start!r} is after end={end!r}: give the earlier date first")
    dates = pd.to_datetime(docs.get("date"), utc=True, errors="coerce")
    if dates is None:
        dates = pd.Series(pd.NaT, index=docs.index, dtype="datetime64[ns, UTC]")
    keep = dates.notna()
    if first is not None:
        keep &= dates >= first
    if last is not None:
        keep &= dates < last + pd.Timedelta(days=1)
    if first is not None and last is not None:
        desc = f"between {first:%Y-%m-%d} and {last:%Y-%m-%d}"
    elif first is not None:
        desc = f"from {first:%Y-%m-%d} on"
    else:
        desc = f"up to {last:%Y-%m-%d}"
    return desc, keep.fillna(False).astype(bool)


def _by_doc_ids(docs: pd.DataFrame, doc_ids: Iterable[str]) -> tuple[str, pd.Series]:
    if isinstance(doc_ids, str):
        doc_ids = [doc_ids]
    wanted = {str(d) for d in doc_ids}
    return f"among the {plural(len(wanted), 'doc_id')} given", docs["doc_id"].astype(str).isin(
        wanted
    )


def _by_column(docs: pd.DataFrame, column: str, value: Any) -> tuple[str, pd.Series]:
    if column not in docs.columns:
        known = [str(c) for c in docs.columns]
        raise InputError(
            f"where={{{column!r}: ...}}: the topic result's documents have no {column!r} column "
            f"({_closest(column, known, 'columns')}; all columns: {', '.join(known)}); a column "
            "added to the corpus after fitting: fit_topics(corpus) again (the cached fit is "
            "reused) or select with where=mask"
        )
    col = docs[column]
    if isinstance(value, list | tuple | set | frozenset | pd.Index | np.ndarray | pd.Series):
        values = list(value)
        desc = f"with {column} in {values!r}"
        mask = col.map(lambda v: _hits(v, values))
    else:
        desc = f"with {column} = {value!r}"
        mask = col.map(lambda v: _hits(v, [value]))
    return desc, mask.astype(bool)


def _hits(cell: Any, values: list) -> bool:
    """True when ``cell`` is one of ``values`` (a list cell: when any of its items is)."""
    if isinstance(cell, list | tuple | np.ndarray):
        return any(_hits(v, values) for v in cell)
    try:
        return bool(pd.notna(cell)) and cell in values
    except (TypeError, ValueError):
        return False


def _mask(where: Any, docs: pd.DataFrame, doc_topics: pd.DataFrame) -> tuple[str, Any]:
    """``("document", mask over docs)`` or ``("unit", boolean array over doc_topics)``."""
    if isinstance(where, pd.Series):
        if not pd.api.types.is_bool_dtype(where.dtype):
            raise InputError(f"where=: a mask holds True/False, not {where.dtype} values")
        if where.index.equals(docs.index):
            return "document", where.fillna(False).astype(bool)
        if len(where) == len(doc_topics) and where.index.equals(doc_topics.index):
            return "unit", where.fillna(False).to_numpy(dtype=bool)
        if where.index.is_unique and where.index.isin(docs["doc_id"]).all():
            return "document", docs["doc_id"].map(where).fillna(False).astype(bool)
        if where.index.is_unique and docs.index.isin(where.index).all():  # a view of a corpus
            return "document", where.reindex(docs.index).fillna(False).astype(bool)
        where = where.to_numpy()
    values = np.asarray(where)
    if values.dtype != bool:
        raise InputError(
            f"where=: give a {{column: value}} dict or a True/False mask, not {values.dtype} values"
        )
    if len(values) == len(docs):
        return "document", pd.Series(values, index=docs.index)
    if len(values) == len(doc_topics):
        return "unit", values
    raise InputError(
        f"where=: a mask of {len(values):,} values matches neither the {len(docs):,} documents "
        f"nor the {len(doc_topics):,} units of the topic result"
    )


def _scope(criteria: list[tuple[str, pd.Series]], unit_mask) -> str:
    parts = [desc for desc, _ in criteria]
    if unit_mask is not None:
        parts.append("units selected by the where= mask")
    return ", ".join(parts)


def _empty_message(docs, criteria, keep, unit_mask, dated: bool) -> str:
    """What selected nothing: every criterion's own count, and the dates the articles span."""
    described = " ".join(desc for desc, _ in criteria) or "selected"
    if keep.any():
        if unit_mask is not None:
            return f"no units selected by the where= mask in the articles {described}"
        return (
            f"selected {plural(int(keep.sum()), 'article')} ({described}), but no modelled unit: "
            "duplicates and passages too short to model are left out of the fit"
        )
    details = []
    if len(criteria) > 1:
        details += [f"{desc}: {plural(int(mask.sum()), 'article')}" for desc, mask in criteria]
    if dated:
        dates = pd.to_datetime(docs.get("date"), utc=True, errors="coerce").dropna()
        details.append(
            f"the articles run from {dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}"
            if len(dates)
            else "no article has a date"
        )
    tail = f" ({'; '.join(details)})" if details else ""
    return f"no articles {described}{tail}"


# ----------------------------------------------------------------------------- recomputed tables


def _recount(result: Result, doc_topics: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """``topic_info`` with the view's sizes and shares, largest first (centroids to match)."""
    info = result.topic_info.reset_index(drop=True)
    sizes = doc_topics["topic"].value_counts()
    size = info["topic"].map(sizes).fillna(0).astype(int)
    total = len(doc_topics)
    order = sorted(range(len(info)), key=lambda i: (info.at[i, "topic"] == -1, -int(size[i]), i))
    out = info.assign(size=size, share=(size / total).round(4) if total else 0.0)
    out = out.iloc[order].reset_index(drop=True)
    return out, np.asarray(result.centroids)[order]


def _representatives(result, units, doc_topics, embeddings, info, centroids) -> pd.DataFrame:
    """The view's representative passages: closest to the (whole) centroid, or the whole's kept."""
    from workbench.topics.summary import pick_representatives

    order = info.loc[info["size"] > 0, "topic"].astype(int).tolist()
    topics = doc_topics["topic"].to_numpy()
    if (
        embeddings is not None
        and len(units)
        and len(centroids)
        and embeddings.shape[1] == centroids.shape[1]
    ):
        row = {int(t): i for i, t in enumerate(info["topic"])}
        similarity = np.einsum("ij,ij->i", embeddings, centroids[[row[int(t)] for t in topics]])
        return pick_representatives(units, topics, similarity, order)
    reps = result.representatives
    if reps.empty or "unit_id" not in reps.columns:
        return reps
    kept = reps[reps["unit_id"].isin(set(units["unit_id"]))].copy()
    kept["rank"] = kept.groupby("topic").cumcount() + 1
    return kept.reset_index(drop=True)


def _with_representatives(info: pd.DataFrame, reps: pd.DataFrame) -> pd.DataFrame:
    if "representative_units" not in info.columns or "unit_id" not in reps.columns:
        return info
    from workbench.topics.summary import shorten

    by_topic = {t: g for t, g in reps.groupby("topic")}
    empty = reps.head(0)
    picked = [by_topic.get(t, empty) for t in info["topic"]]
    return info.assign(
        representative_units=[g["unit_id"].tolist() for g in picked],
        representative_text=[shorten(g["text"].iloc[0]) if len(g) else "" for g in picked],
    )


__all__ = [
    "EmptySubsetWarning",
    "Result",
    "derive",
    "documents_of",
    "reapply",
    "restrict",
    "subset",
]
