"""Lists of names: the items of one list are names of one kind.

"Irpin, Bucha and Dorsk", "Dorsk, Vela or Orsa": a writer lists like with like, so a
one-word "person" the model found among two or more places of a list is a place too
(spaCy's model types many small towns as people). Two items are not enough ("sanctions
on Russia and Dorin" joins a country and its leader); a list of three or more, every
other item a place, is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from workbench.actors import names
from workbench.actors.gazetteer import fold
from workbench.actors.people import chain

#: Place labels a list's other items must carry.
PLACE_TYPES = frozenset({"GPE", "LOC"})
#: Other items, places all, a list must hold besides the name.
MIN_PLACES = 2
#: What joins two items of a list: a comma; before the last item "and" or "or".
_COMMA = re.compile(r"^,\s+$")
_FINAL = re.compile(r"^,?\s+(?:and|or)\s+$")


def places_in_lists(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """A one-word "person" listed with two places or more is a place in its document.

    The list is a run of mentions one after the other, joined by commas, "and" or
    "or", whose last join is "and" or "or" ("Irpin, Bucha and Dorsk"); every item but
    the name must be a place. Then every untitled one-word person span of that name in
    the document becomes a place, unless the document or the gazetteer names a person
    bearing it ("Ivo Dorsk").

    Args:
        work: The working table of :func:`workbench.actors.resolve.resolve`.
        texts: ``doc_id -> text``.
    """
    if work.empty:
        return
    live = ~work["dropped"]
    spaced = work["actor"].str.contains(" ", regex=False)
    people = live & (work["atype"] == "PERSON")
    named = {
        (d, names.last_token(a))
        for d, a in work.loc[people & spaced, ["doc_id", "actor"]].itertuples(index=False)
    }
    one = people & ~spaced & (work["gaz_id"] == "") & ~work["titled"].astype(bool)
    cols = ["doc_id", "start", "end", "atype", "actor"]
    rows = work.loc[live, cols].sort_values(["doc_id", "start"], kind="stable")
    placed: set[tuple[str, str]] = set()
    for doc, part in rows.groupby("doc_id", sort=False):
        text = texts.get(str(doc), "")
        items = list(part.itertuples(index=False))
        for run in _lists(items, text):
            kinds = [r.atype in PLACE_TYPES for r in run]
            for k, r in enumerate(run):
                others = kinds[:k] + kinds[k + 1 :]
                if (
                    r.atype == "PERSON"
                    and " " not in r.actor
                    and all(others)
                    and len(others) >= MIN_PLACES
                ):
                    placed.add((r.doc_id, fold(r.actor)))
    placed -= named
    if not placed:
        return
    part = work.loc[one, ["doc_id", "actor"]]
    hit = [i for i, d, a in part.itertuples() if (d, fold(a)) in placed]
    work.loc[hit, "atype"] = "GPE"
    work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "place in a list of places") for i in hit]


def _lists(items: list, text: str) -> list[list]:
    """Runs of three mentions or more joined as one list, its last join "and" or "or"."""
    runs, run = [], items[:1]
    for prev, cur in zip(items, items[1:], strict=False):
        gap = text[prev.end : cur.start]
        if _FINAL.match(gap):
            if len(run) >= 2:
                runs.append([*run, cur])
            run = [cur]
        elif _COMMA.match(gap):
            run.append(cur)
        else:
            run = [cur]
    return runs
