"""Short forms of a body's name: "Russia's defence ministry", "Russian MoD", "AFU".

Two rules give a body's short form the actor its full name has:

- an **owned body** ("Russia's defence ministry", where the model found only "defence
  ministry") is the gazetteer's body of that name with its owner ("Russia's Defence
  Ministry" is an alias of the Russian Defence Ministry);
- an **acronym** ("MoD", "AFU", "NHS Confederation") stands for the body whose name's
  initials it spells ("Ministry of Defence", "Armed Forces of Ukraine", "National Health
  Service Confederation"): the one named in the same document, else the one such body in
  the corpus (for an acronym that is the whole name, of three letters or more).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

import pandas as pd

from workbench.actors.gazetteer import Gazetteer
from workbench.actors.people import chain

#: Small words a name's initials may skip ("Armed Forces of Ukraine": AFU).
_SMALL = frozenset("of the and for on in de du".split())
_OWNER = re.compile(r"(?<![\w.-])([A-Z][\w.-]+)['\u2019]s\s+$")
_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z&]{1,7}$")
_COLUMNS = ("name", "actor", "gaz_id")


def merge_short_forms(work: pd.DataFrame, gaz: Gazetteer, texts: Mapping[str, str]) -> None:
    """Give owned bodies and acronyms the actor of the body they stand for (in place)."""
    if work.empty:
        return
    orgs = work[~work["dropped"] & (work["label"] == "ORG")]
    _owned(work, orgs, gaz, texts)
    _by_initials(work, work[~work["dropped"] & (work["label"] == "ORG")])


def _owned(work: pd.DataFrame, orgs: pd.DataFrame, gaz: Gazetteer, texts: Mapping) -> None:
    """'Russia's defence ministry': the gazetteer's "Russia's Defence Ministry"."""
    for i, doc, start, name, gaz_id in zip(
        orgs.index, orgs["doc_id"], orgs["start"], orgs["name"], orgs["gaz_id"], strict=True
    ):
        owner = _OWNER.search(texts.get(doc, "")[max(0, start - 40) : start])
        if gaz_id or owner is None:
            continue
        titled = " ".join(w[:1].upper() + w[1:] for w in name.split())
        entry = gaz.lookup(f"{owner.group(1)}'s {titled}")
        if entry is not None:
            work.loc[i, ["actor", "gaz_id"]] = entry.name, entry.name
            work.at[i, "rule"] = chain(work.at[i, "rule"], "owned body")


def initials(name: str) -> set[str]:
    """The acronyms a name may go by: its words' initials, with or without the small words.

    Example:
        >>> sorted(initials("Armed Forces of Ukraine"))
        ['afou', 'afu']
        >>> sorted(initials("Russian MoD"))
        ['rmod']
    """
    words = name.replace("-", " ").split()
    every = "".join(w.lower() if _ACRONYM.match(w) else w[:1].lower() for w in words)
    content = "".join(
        w.lower() if _ACRONYM.match(w) else w[:1].lower() for w in words if w not in _SMALL
    )
    return {every, content}


def _by_initials(work: pd.DataFrame, orgs: pd.DataFrame) -> None:
    """An acronym takes the actor of the body whose initials it spells."""
    index, docs, names = orgs.index.tolist(), orgs["doc_id"].tolist(), orgs["name"].tolist()
    gaz_ids, org_actors = orgs["gaz_id"].tolist(), orgs["actor"].tolist()
    short = [
        (i, doc, name)
        for i, doc, name, gaz_id in zip(index, docs, names, gaz_ids, strict=True)
        if not gaz_id and any(_ACRONYM.match(w) for w in name.split())
    ]
    if not short:
        return
    full: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    corpus: dict[str, set[str]] = defaultdict(set)
    first_row: dict[str, int] = {}
    for i, doc, name, actor in zip(index, docs, names, org_actors, strict=True):
        first_row.setdefault(actor, i)
        if len(name.split()) > 1 and not any(_ACRONYM.match(w) for w in name.split()):
            for key in initials(name):
                full[doc][key].add(i)
                corpus[key].add(actor)
    # the table's columns as lists, written back once (a write per row copies a column)
    at = {label: n for n, label in enumerate(work.index.tolist())}
    cols = {c: work[c].tolist() for c in (*_COLUMNS, "rule")}
    changed = False
    for i, doc, name in short:
        keys = {k for k in initials(name) if len(k) > 2}
        here = {j for k in keys for j in full[doc].get(k, ())}
        if not here and len(name.split()) == 1:
            actors = {a for k in keys for a in corpus.get(k, ())}
            here = {first_row[actors.pop()]} if len(actors) == 1 else set()
        if len({cols["actor"][at[j]] for j in here}) == 1:
            j = min(here)
            for c in _COLUMNS:
                cols[c][at[i]] = cols[c][at[j]]
            cols["rule"][at[i]] = chain(cols["rule"][at[i]], "initials")
            changed = True
    if changed:
        for c, values in cols.items():
            work[c] = values
