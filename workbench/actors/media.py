"""Outlets the model takes for people or organisations, told by the press noun beside them.

"according to the Kanal newspaper", "investigative news outlet Kanal", "broadcaster
Kanal": a name with a press noun right before or after it
(:func:`workbench.actors.outlets.press_noun_beside`) is a news outlet's, whatever the
model typed it. Every span of that name in the document becomes an outlet (``MEDIA``),
so the citation rules see it as one.

Left alone: the gazetteer's names (their type wins), titled names ("Mr Kanal"), and a
name that is a word of a person's full name in the document ("told the newspaper Brandt
had left" after "Ivo Brandt").
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from workbench.actors.gazetteer import fold
from workbench.actors.outlets import press_noun_beside
from workbench.actors.people import chain

#: Types a press noun turns into an outlet.
_KINDS = frozenset(("PERSON", "ORG"))


def outlets_by_press_noun(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """Type ``MEDIA`` every span of a name a press noun marks in its document.

    Reads and writes the working table's ``atype`` (run after the majority types).
    """
    if work.empty:
        return
    live = ~work["dropped"] & (work["gaz_id"] == "")
    maybe = live & work["atype"].isin(_KINDS) & ~work["titled"].astype(bool)
    part = work.loc[maybe, ["doc_id", "start", "end", "actor"]]
    found = {
        (doc, fold(actor))
        for doc, start, end, actor in part.itertuples(index=False)
        if press_noun_beside(texts.get(doc, ""), start, end)
    }
    if not found:
        return
    people = work[live & (work["atype"] == "PERSON") & work["actor"].str.contains(" ")]
    in_names = {
        (d, w)
        for d, a in zip(people["doc_id"], people["actor"], strict=True)
        if (d, fold(a)) not in found
        for w in fold(a).split()
    }
    found -= in_names
    hit = [
        i
        for i, d, a in zip(part.index, part["doc_id"], part["actor"], strict=True)
        if (d, fold(a)) in found
    ]
    work.loc[hit, "atype"] = "MEDIA"
    work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "outlet by its press noun") for i in hit]
