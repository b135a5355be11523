"""Generational suffixes: "Ivo Brandt Jr." is not Ivo Brandt, his father.

A writer adds "Jr." or "Sr." to tell a son from his father of the same name. The model
or the gazetteer often stops before the suffix ("[Ivo Brandt] Jr."), which makes the
son his father. A person's span right before ", Jr."/" Jr." or " Sr." takes the suffix
in: its name is the suffixed one, resolved as its own person (the gazetteer's entry for
the father is not it, unless the gazetteer lists the suffixed name). A shorter suffixed
name ("Brandt Jr.") is the document's one full suffixed name it ends ("Ivo Brandt Jr.").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from workbench.actors.gazetteer import Gazetteer, fold
from workbench.actors.people import chain

_SUFFIX_AFTER = re.compile(r",?\s(Jr|Sr)\b\.?")
_SUFFIXED = re.compile(r"\s(?:Jr|Sr)\.?$")


def generational_suffixes(work: pd.DataFrame, texts: Mapping[str, str], gaz: Gazetteer) -> None:
    """Give person spans followed by "Jr." or "Sr." the suffix, as a person of their own.

    Reads and writes the working table's ``end``, ``surface``, ``name``, ``actor``,
    ``gaz_id``, ``label`` and ``rule``.
    """
    if work.empty:
        return
    live = ~work["dropped"]
    rows = work.loc[live, ["doc_id", "end", "name", "label", "gaz_id"]]
    for i, doc, end, name, label, gaz_id in rows.itertuples(name=None):
        text = texts.get(doc, "")
        if "r" not in text[end + 1 : end + 5]:  # no "Jr"/"Sr" after it: most spans
            continue
        m = _SUFFIX_AFTER.match(text, end)
        if m is None or _SUFFIXED.search(name):
            continue
        if label != "PERSON" and not (gaz_id and gaz.entries[gaz_id].type == "PERSON"):
            continue
        suffixed = f"{name} {m.group(1)}."
        entry = gaz.lookup(suffixed)
        work.at[i, "end"] = m.end()
        work.at[i, "surface"] = text[int(work.at[i, "start"]) : m.end()]
        work.at[i, "name"] = suffixed
        work.at[i, "actor"] = entry.name if entry is not None else suffixed
        work.at[i, "gaz_id"] = entry.name if entry is not None else ""
        work.at[i, "label"] = "PERSON"
        work.at[i, "rule"] = chain(work.at[i, "rule"], "generational suffix")
    _short_forms(work)


def _short_forms(work: pd.DataFrame) -> None:
    """A suffixed name ("Brandt Jr.") that ends the document's one longer suffixed name."""
    live = ~work["dropped"] & (work["gaz_id"] == "") & work["name"].str.contains(_SUFFIXED)
    part = work.loc[live, ["doc_id", "name"]]
    by_doc: dict[str, set[str]] = {}
    for doc, name in part.itertuples(index=False):
        by_doc.setdefault(doc, set()).add(name)
    for i, doc, name in part.itertuples():
        key = " " + fold(name)
        longer = {n for n in by_doc[doc] if fold(n).endswith(key)}
        if len(longer) == 1:
            work.at[i, "actor"] = work.at[i, "name"] = longer.pop()
            work.at[i, "rule"] = chain(work.at[i, "rule"], "suffixed name in document")
