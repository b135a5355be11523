"""Acronyms a document defines: "Organization for Migration (IOM)" makes IOM that organisation."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from workbench.actors.gazetteer import fold
from workbench.actors.names import DEMONYMS, FUNCTION_WORDS
from workbench.actors.people import chain

_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)")


#: What an acronym's occurrences take from the name it stands for.
_TAKEN = ("name", "actor", "label", "atype", "gaz_id")


def expand_acronyms(work: pd.DataFrame, texts: Mapping[str, str]) -> pd.DataFrame:
    """An acronym a document defines ("Organization for Migration (IOM)") stands for the name.

    An acronym in brackets right after a name of several words, whose first letter is
    the name's (or, after a country's or a nationality's word, the next word's: "UK
    Ministry of Defence (MoD)"), stands for that name wherever the document uses it:
    the spans the model found there take the name, and the occurrences it missed are
    added.
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
        if m and len(words) > 2 and m.group(1)[0] != words[0][0] and fold(words[0]) in DEMONYMS:
            words = words[1:]  # "UK Ministry of Defence (MoD)": the acronym skips the country
        if (
            m
            and len(words) > 1
            and m.group(1)[0] == words[0][0]
            and len(m.group(1)) <= len(words) + 2
        ):
            defined.setdefault((doc, m.group(1)), i)
    return defined


def drop_common_acronyms(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """An acronym a document defines by lower-case words is a thing's, not an actor's.

    "liquefied natural gas (LNG)" or "unmanned aerial vehicle (UAV)": the words it stands
    for are no name, so its spans in that document (the gazetteer's aside) are dropped.
    """
    if work.empty:
        return
    live = ~work["dropped"] & (work["gaz_id"] == "")
    common: dict[tuple[str, str], bool] = {}
    hit = []
    for i, doc, name in zip(
        work.index[live], work.loc[live, "doc_id"], work.loc[live, "name"], strict=True
    ):
        if not (1 < len(name) <= 10 and name.isalpha() and name.isupper()):
            continue
        key = (doc, name)
        if key not in common:
            common[key] = spelled_by_common_words(texts.get(doc, ""), name)
        if common[key]:
            hit.append(i)
    if hit:
        work.loc[hit, "dropped"] = True
        work.loc[hit, "actor"] = ""
        work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "common acronym") for i in hit]


_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def spelled_by_common_words(text: str, acronym: str) -> bool:
    """Whether ``text`` defines ``acronym`` in brackets after lower-case words it spells.

    Each letter, from the last, is the first letter of a word before the bracket, or a
    hyphenated word gives one letter per part ("high-mobility"); function words may be
    skipped ("rate of return").
    """
    letters = acronym.lower()
    at = text.find(f"({acronym})")
    while at >= 0:
        words = _WORDS.findall(text[max(0, at - 16 * len(acronym)) : at])
        if _spells(words, letters):
            return True
        at = text.find(f"({acronym})", at + 1)
    return False


def _spells(words: list[str], letters: str) -> bool:
    n = len(letters)
    for word in reversed(words):
        if n == 0:
            return True
        heads = "".join(part[0] for part in word.split("-"))
        if not word.islower():
            return False
        if len(heads) > 1 and letters[:n].endswith(heads):
            n -= len(heads)
        elif word[0] == letters[n - 1]:
            n -= 1
        elif word not in FUNCTION_WORDS:
            return False
    return n == 0
