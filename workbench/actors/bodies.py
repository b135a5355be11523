"""Short forms of a body's name: "Russia's defence ministry", "Russian MoD", "AFU".

Three rules give a body's short form the actor its full name has:

- an **owned body** ("Russia's defence ministry", where the model found only "defence
  ministry") is the gazetteer's body of that name with its owner ("Russia's Defence
  Ministry" is an alias of the Russian Defence Ministry);
- a **bare body** ("the Ministry of Defence") is the one owned body of that name
  ("Vetria's Defence Ministry") the same document names;
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

from workbench.actors.gazetteer import Gazetteer, fold
from workbench.actors.people import chain

#: Small words a name's initials may skip ("Armed Forces of Ukraine": AFU).
_SMALL = frozenset("of the and for on in de du".split())
_OWNER = re.compile(r"(?<![\w.-])((?:[A-Z][\w.-]+ )?[A-Z][\w.-]+)['\u2019]s\s+$")
#: Words a body's name is told by ("Ministry of Defence" and "Defense Ministry": one body).
_FILLER = frozenset("the of for and affairs".split())
#: Heads of a government body's name that an owner can be left out of.
_BODY_HEADS = frozenset("ministry department office staff command".split())
#: Owners a body's name may open with, besides a nationality ("UK Ministry of Defence").
_OWNER_WORDS = frozenset("uk u.k us u.s".split())
_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z&]{1,7}$")
_COLUMNS = ("name", "actor", "gaz_id")


def merge_short_forms(work: pd.DataFrame, gaz: Gazetteer, texts: Mapping[str, str]) -> None:
    """Give owned bodies and acronyms the actor of the body they stand for (in place)."""
    if work.empty:
        return
    orgs = work[~work["dropped"] & (work["label"] == "ORG")]
    _owned(work, orgs, gaz, texts)
    _bare_in_document(work, work[~work["dropped"] & (work["label"] == "ORG")], gaz)
    _by_initials(work, work[~work["dropped"] & (work["label"] == "ORG")])


def body_key(name: str, *, owned: bool = False) -> frozenset[str]:
    """The words that tell a government body, in any order and spelling.

    With ``owned``, an owner opening the name (a nationality, "UK") is left out. Empty
    when the name has no body's head word, or (without ``owned``) opens with an owner.

    Example:
        >>> body_key("Ministry of Defense") == body_key("Vetrian Defence Ministry", owned=True)
        True
        >>> body_key("Vetrian Defence Ministry")
        frozenset()
    """
    from workbench.actors import demonyms, names

    words = fold(name).replace("defense", "defence").split(" ")
    first = words[0] if words else ""
    is_owner = first in _OWNER_WORDS or first in names.DEMONYMS or demonyms.is_demonym(first)
    if is_owner and len(words) > 1:
        if not owned:
            return frozenset()
        words = words[1:]
    key = frozenset(w for w in words if w not in _FILLER)
    return key if key & _BODY_HEADS else frozenset()


def _owners_body(gaz: Gazetteer, owner: str, name: str):
    """A country's one body of that name ("the Vetrian Republic's Ministry of Defense")."""
    country = gaz.lookup(owner)
    if country is None or country.type != "GPE" or not (key := body_key(name)):
        return None
    bodies = _bodies_of(gaz, country.name).get(key, [])
    return gaz.entries[bodies[0]] if len(bodies) == 1 else None


def _bodies_of(gaz: Gazetteer, owner: str) -> dict[frozenset[str], list[str]]:
    """The gazetteer's organisations affiliated to ``owner``, by :func:`body_key`."""
    found: dict[frozenset[str], list[str]] = defaultdict(list)
    for entry in gaz.entries.values():
        if entry.type == "ORG" and entry.affiliation == owner:
            for surface in entry.surfaces:
                key = body_key(surface, owned=True)
                if key and entry.name not in found[key]:
                    found[key].append(entry.name)
    return found


def _bare_in_document(work: pd.DataFrame, orgs: pd.DataFrame, gaz: Gazetteer) -> None:
    """A body named without its owner is the one owned body of that name in the document.

    "The Vetrian Defence Ministry said ... the Ministry of Defence added": the second
    is the first, when the document names no other country's body of that name.
    """
    known: dict[tuple[str, frozenset[str]], set[str]] = defaultdict(set)
    bare = []
    for i, doc, name, gaz_id in zip(
        orgs.index, orgs["doc_id"], orgs["name"], orgs["gaz_id"], strict=True
    ):
        if gaz_id:
            entry = gaz.entries.get(gaz_id)
            for surface in entry.surfaces if entry else ():
                if key := body_key(surface, owned=True):
                    known[(doc, key)].add(gaz_id)
        elif key := body_key(name):
            bare.append((i, doc, key))
    for i, doc, key in bare:
        if len(found := known.get((doc, key), ())) == 1:
            actor = next(iter(found))
            work.loc[i, ["actor", "gaz_id"]] = actor, actor
            work.at[i, "rule"] = chain(work.at[i, "rule"], "body owned elsewhere")


def _owned(work: pd.DataFrame, orgs: pd.DataFrame, gaz: Gazetteer, texts: Mapping) -> None:
    """'Russia's defence ministry': the gazetteer's "Russia's Defence Ministry"."""
    for i, doc, start, name, gaz_id in zip(
        orgs.index, orgs["doc_id"], orgs["start"], orgs["name"], orgs["gaz_id"], strict=True
    ):
        owner = _OWNER.search(texts.get(doc, "")[max(0, start - 40) : start])
        if gaz_id or owner is None:
            continue
        titled = " ".join(w[:1].upper() + w[1:] for w in name.split())
        entry = None
        for who in dict.fromkeys((owner.group(1), owner.group(1).rsplit(" ", 1)[-1])):
            entry = entry or gaz.lookup(f"{who}'s {titled}") or _owners_body(gaz, who, name)
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
