"""A title or rank right before a name the model typed otherwise makes it a person's.

spaCy's model often keeps the title out of the span and then labels a one-word name by
its spelling: "Gen. Korvak", "Mr Dallin" come out as organisations or places. A
capitalised honorific, rank or office right before the span settles it in any corpus:
the name is a person's, in that span and in every one-word span of it in the document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from workbench.actors.gazetteer import fold
from workbench.actors.people import chain

#: Honorifics, ranks and offices written right before a person's name ("Gen. X", "Mr X").
_TITLE_BEFORE = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|Capt|Adm|Sen|Rep|Gov|Prof|General|Colonel"
    r"|Captain|Sergeant|Admiral|Lieutenant|President|Senator|Governor|Mayor|Chancellor)\.? $"
)


def titled_beside(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """A one-word name with a title right before it is a person's.

    Every one-word span of that name in the document the gazetteer does not know
    becomes a person's, whatever the model labelled it; the span after the title is
    marked titled.
    """
    if work.empty:
        return
    maybe = (
        ~work["dropped"]
        & work["label"].isin(["PERSON", "ORG", "GPE", "LOC", "FAC"])
        & (work["gaz_id"] == "")
        & ~work["name"].str.contains(" ", regex=False)
    )
    part = work.loc[maybe, ["doc_id", "start", "name"]]
    found, titled = set(), []
    for i, doc, start, name in part.itertuples():
        if _TITLE_BEFORE.search(texts.get(doc, ""), max(0, start - 12), start):
            found.add((doc, fold(name)))
            titled.append(i)
    if not found:
        return
    hit = [i for i, d, _, n in part.itertuples() if (d, fold(n)) in found]
    work.loc[hit, "label"] = "PERSON"
    work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "title beside") for i in hit]
    work.loc[titled, "titled"] = True
