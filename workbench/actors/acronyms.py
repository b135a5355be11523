"""Acronyms a document defines: "Organization for Migration (IOM)" makes IOM that organisation."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from workbench.actors.people import chain

_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)")


#: What an acronym's occurrences take from the name it stands for.
_TAKEN = ("name", "actor", "label", "atype", "gaz_id")


def expand_acronyms(work: pd.DataFrame, texts: Mapping[str, str]) -> pd.DataFrame:
    """An acronym a document defines ("Organization for Migration (IOM)") stands for the name.

    An acronym in brackets right after a name of several words, whose first letter is
    the name's, stands for that name wherever the document uses it: the spans the model
    found there take the name, and the occurrences it missed are added.
    """
    if work.empty:
        return work
    return spread(work, texts, _definitions(work, texts), "acronym")


def spread(
    work: pd.DataFrame, texts: Mapping[str, str], defined: Mapping[tuple[str, str], int], rule: str
) -> pd.DataFrame:
    """Each defined short form takes, wherever its document uses it, its name's row.

    Args:
        work: The resolution's working table.
        texts: ``doc_id -> text``.
        defined: ``{(doc, short form): row}``: the row of the name it stands for.
        rule: The rule recorded on the rows written or added (and as their ``source``).

    Returns:
        ``work`` with the spans the model found there rewritten and the occurrences it
        missed added.
    """
    if not defined:
        return work
    docs = {doc for doc, _ in defined}
    part = work[work["doc_id"].isin(docs)]
    at = {
        (d, a, b): i
        for i, d, a, b in zip(part.index, part["doc_id"], part["start"], part["end"], strict=True)
    }
    taken: dict[str, list[tuple[int, int]]] = {}
    live_part = part[~part["dropped"]]
    for d, a, b in zip(live_part["doc_id"], live_part["start"], live_part["end"], strict=True):
        taken.setdefault(d, []).append((a, b))
    # The columns written, as lists: writing a pandas row at a time copies a whole column.
    pos = {label: n for n, label in enumerate(work.index.tolist())}
    cols = {c: work[c].tolist() for c in (*_TAKEN, "dropped", "rule")}
    written = False
    added = []
    for (doc, short), i in defined.items():
        source = {c: work.at[i, c] for c in work.columns} | {c: v[pos[i]] for c, v in cols.items()}
        for m in re.finditer(rf"\b{re.escape(short)}\b", texts[doc]):
            j = at.get((doc, m.start(), m.end()))
            if j is not None:
                for col in _TAKEN:
                    cols[col][pos[j]] = source[col]
                cols["dropped"][pos[j]] = False
                cols["rule"][pos[j]] = chain(cols["rule"][pos[j]], rule)
                written = True
            elif not any(a <= m.start() < b for a, b in taken.get(doc, ())):
                added.append(
                    source
                    | {
                        "start": m.start(),
                        "end": m.end(),
                        "surface": short,
                        "rule": rule,
                        "source": rule,
                        "titled": False,
                    }
                )
    if written:
        for c, values in cols.items():
            work[c] = values
    if not added:
        return work
    return pd.concat([work, pd.DataFrame(added)], ignore_index=True)


def _definitions(work: pd.DataFrame, texts: Mapping[str, str]) -> dict[tuple[str, str], int]:
    """``{(doc, acronym): row}``: the row of the name each bracketed acronym stands for."""
    live = ~work["dropped"] & work["label"].isin(["ORG", "GPE", "FAC", "LOC"])
    defined: dict[tuple[str, str], int] = {}
    for i, doc, end, name in zip(
        work.index[live],
        work.loc[live, "doc_id"],
        work.loc[live, "end"],
        work.loc[live, "name"],
        strict=True,
    ):
        m = _ACRONYM.match(texts.get(doc, ""), end)
        words = name.split()
        if (
            m
            and len(words) > 1
            and m.group(1)[0] == words[0][0]
            and len(m.group(1)) <= len(words) + 2
        ):
            defined.setdefault((doc, m.group(1)), i)
    return defined
