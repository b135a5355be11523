"""Acronyms a document defines: "Organization for Migration (IOM)" makes IOM that organisation."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from workbench.actors.people import chain

_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)")


def expand_acronyms(work: pd.DataFrame, texts: Mapping[str, str]) -> pd.DataFrame:
    """An acronym a document defines ("Organization for Migration (IOM)") stands for the name.

    An acronym in brackets right after a name of several words, whose first letter is
    the name's, stands for that name wherever the document uses it: the spans the model
    found there take the name, and the occurrences it missed are added.
    """
    if work.empty:
        return work

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
    added = []
    for (doc, acronym), i in defined.items():
        source = work.loc[i]
        for m in re.finditer(rf"\b{re.escape(acronym)}\b", texts[doc]):
            j = at.get((doc, m.start(), m.end()))
            if j is not None:
                for col in ("name", "actor", "label", "atype", "gaz_id"):
                    work.at[j, col] = source[col]
                work.at[j, "dropped"] = False
                work.at[j, "rule"] = chain(work.at[j, "rule"], "acronym")
            elif not any(a <= m.start() < b for a, b in taken.get(doc, ())):
                added.append(
                    source.to_dict()
                    | {
                        "start": m.start(),
                        "end": m.end(),
                        "surface": acronym,
                        "rule": "acronym",
                        "source": "acronym",
                        "titled": False,
                    }
                )
    if not added:
        return work
    return pd.concat([work, pd.DataFrame(added)], ignore_index=True)
