"""Alias resolution: every mention of an actor lands on one canonical name.

:func:`resolve` takes the raw entity spans of a corpus and applies, in order:

1. **clean** – quotes, possessives ("Rubio's"), a leading "the", and for people titles,
   honorifics and nationality words ("U.S. Secretary of State ...") are stripped;
   lower- or upper-case names are put in title case.
2. **drop** – bylines (names in the corpus ``author`` column are authors, not actors),
   the gazetteer's ``ignore`` list, nationality words, title words alone, spans across
   a line break, and one-word names the corpus mostly writes in lower case (a common word).
3. **gazetteer** – exact alias match (case, accents and full stops ignored).
4. **majority type** – a name the model labels differently in different places takes
   its majority label; the gazetteer's type always wins.
5. **people** – an apostrophe-less possessive ("Trumps disappointment") is the known
   surname without its "s"; a bare surname is the full name met in the same document,
   else the full name met across the corpus when that is unambiguous; spelling variants
   of one name merge (rapidfuzz, with first names compatible), also onto gazetteer names
   (:mod:`workbench.actors.people`).
6. **place, not person** – an untitled one-word "person" that is a country or large city
   is a place; organisations and places are fuzzy-matched onto gazetteer names.
7. **case-insensitive** – lower-case occurrences of a known surname ("lavrov") and
   apostrophe-less possessives the model missed are added, when the corpus mostly
   writes that word capitalised.
8. **metonymy** (only when switched on) – "the Kremlin" -> Russia, "Washington" -> United
   States, as listed in the gazetteer's ``metonymy`` section.

Every mention carries the chain of rules that produced its actor; :func:`audit_table`
turns that into one row per (surface, actor, rule) for a researcher to check.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from workbench.actors import names
from workbench.actors.bodies import merge_short_forms
from workbench.actors.context import context_reasons, framed_as_place
from workbench.actors.gazetteer import Gazetteer, fold
from workbench.actors.people import chain, memo, recover, recover_surnames, resolve_people

#: Labels of spaCy's model kept as actors (gazetteer matches are always kept): people,
#: organisations, places with a government, other places and sites.
MODEL_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC")
#: The columns of :attr:`Resolution.mentions`.
RESOLVED_COLUMNS = ["doc_id", "start", "end", "surface", "actor", "actor_type", "method", "rule"]
#: The columns of :attr:`Resolution.audit` (:func:`audit_table`).
AUDIT_COLUMNS = ["surface", "actor", "actor_type", "rule", "n_mentions", "n_docs", "example_doc"]
#: rapidfuzz ratio above which an organisation or place is a spelling of a gazetteer name.
PLACE_FUZZ = 92

WORK_COLUMNS = ["doc_id", "start", "end", "surface", "label", "source", "gaz_id"]
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


@dataclass
class Resolution:
    """The outcome of :func:`resolve`.

    Attributes:
        mentions: ``doc_id, start, end, surface, actor, actor_type, method, rule``, one
            row per kept mention.
        audit: One row per merge, type change or drop (see :func:`audit_table`).
    """

    mentions: pd.DataFrame
    audit: pd.DataFrame


def resolve(
    spans: pd.DataFrame,
    gazetteer: Gazetteer,
    *,
    texts: Mapping[str, str],
    authors: Iterable[str] = (),
    metonymy: bool = False,
    labels: Iterable[str] = MODEL_LABELS,
    counts: Counter | None = None,
) -> Resolution:
    """Resolve raw entity spans to actors.

    Args:
        spans: ``doc_id, start, end, surface, label, source, gaz_id`` (from
            :mod:`workbench.actors.ner`).
        gazetteer: The curated actors.
        texts: ``doc_id -> normalised text``, for word counts and the case-insensitive pass.
        authors: Byline names (the corpus ``author`` column, "; "-separated values allowed).
        metonymy: Map places and buildings onto the government they stand for.
        labels: Model labels kept as actors.
        counts: :func:`word_counts` of ``texts``, when the caller has them (cached).

    Returns:
        The resolved mentions and the audit table.
    """
    counts = word_counts(texts.values()) if counts is None else counts
    spans = _plain_strings(spans)
    work = _prepare(spans, gazetteer, frozenset(labels)) if len(spans) else spans
    if work.empty:  # no span the workbench keeps (none at all, or only dates and numbers)
        empty = pd.DataFrame(columns=RESOLVED_COLUMNS).astype({"start": "int64", "end": "int64"})
        return Resolution(empty, pd.DataFrame(columns=AUDIT_COLUMNS))
    _drop(work, gazetteer, author_names(authors), counts)
    _drop_by_context(work, texts)
    _surnames_typed_otherwise(work)
    _people_by_age(work, texts)
    _first_names_beside(work, texts, counts)
    work = _acronyms(work, texts)
    merge_short_forms(work, gazetteer, texts)
    _majority_types(work, gazetteer)
    resolve_people(work, gazetteer)
    _places(work, gazetteer, texts)
    work = pd.concat([work, recover(work, texts, counts)], ignore_index=True)
    work = pd.concat([work, recover_surnames(work, texts)], ignore_index=True)
    # Rows added by the steps above (acronyms, recovered surnames) keep the flag boolean:
    # concatenated with an empty or object column it would turn to objects, and ~ to -1.
    work["dropped"] = work["dropped"].astype(bool)
    if metonymy:
        _metonymy(work, gazetteer)
    _final_types(work, gazetteer)
    kept = work[~work["dropped"]].sort_values(["doc_id", "start"], kind="stable")
    mentions = kept.assign(method=[_method(r) for r in kept["rule"].tolist()])[RESOLVED_COLUMNS]
    return Resolution(mentions.reset_index(drop=True), audit_table(work))


def _plain_strings(df: pd.DataFrame) -> pd.DataFrame:
    """Text columns as Python objects: iterating Arrow-backed strings is many times slower."""
    text = [c for c in df.columns if pd.api.types.is_string_dtype(df[c]) and df[c].dtype != object]
    return df.astype({c: object for c in text}) if text else df


# ----------------------------------------------------------------------------- steps
# Each step reads and writes whole columns (lists), never row by row through pandas,
# and memoises per distinct name, so a corpus of 600,000 mentions resolves in seconds.


def _prepare(spans: pd.DataFrame, gaz: Gazetteer, labels: frozenset[str]) -> pd.DataFrame:
    keep = (spans["source"] == "gazetteer") | spans["label"].isin(labels)
    work = _split_compounds(spans.loc[keep, WORK_COLUMNS].reset_index(drop=True), gaz)
    work = _trim_articles(work)
    work["gaz_id"] = work["gaz_id"].fillna("")
    clean = memo(lambda s, person: names.clean_name(s, person=person))
    cleaned = [
        clean(s, lab == "PERSON")
        for s, lab in zip(work["surface"].tolist(), work["label"].tolist(), strict=True)
    ]
    work["name"] = [c[0] for c in cleaned]
    work["titled"] = [c[1] for c in cleaned]
    _trim_titles(work)
    lookup = memo(lambda n, s: (gaz.lookup(n) or gaz.lookup(s) or _NO_ENTRY).name)
    gaz_ids, rules = [], []
    for gaz_id, name, surface, titled in zip(
        work["gaz_id"].tolist(),
        work["name"].tolist(),
        work["surface"].tolist(),
        work["titled"].tolist(),
        strict=True,
    ):
        found = gaz_id or lookup(name, surface)
        gaz_ids.append(found)
        rule = "title" if titled else ""
        rules.append("gazetteer" if gaz_id else chain(rule, "gazetteer") if found else rule)
    work["gaz_id"], work["rule"] = gaz_ids, rules
    work["actor"] = [g or n for g, n in zip(gaz_ids, work["name"].tolist(), strict=True)]
    work["atype"] = work["label"]
    work["dropped"] = False
    return work


_ARTICLE = re.compile(r"(?:the|The|THE)\s+(?=[A-Z0-9])")


def _trim_articles(work: pd.DataFrame) -> pd.DataFrame:
    """A span opening with "the" ("the Institute for the Study of War") starts after it."""
    cut = [m.end() if (m := _ARTICLE.match(s)) else 0 for s in work["surface"].tolist()]
    if not any(cut):
        return work
    work = work.copy()
    work["start"] = work["start"].to_numpy() + np.asarray(cut)
    work["surface"] = [s[c:] for s, c in zip(work["surface"].tolist(), cut, strict=True)]
    return work


def _trim_titles(work: pd.DataFrame) -> None:
    """A person's span starts at the name its title preceded ("Briton [Aiden Aslin]")."""
    starts = work["start"].tolist()
    surfaces = work["surface"].tolist()
    for i, (surface, name, titled, end) in enumerate(
        zip(
            surfaces,
            work["name"].tolist(),
            work["titled"].tolist(),
            work["end"].tolist(),
            strict=True,
        )
    ):
        if titled and name and surface.endswith(name) and len(name) < len(surface):
            starts[i], surfaces[i] = end - len(name), name
    work["start"], work["surface"] = starts, surfaces


class _NoEntry:
    name = ""


_NO_ENTRY = _NoEntry()


def _split_compounds(work: pd.DataFrame, gaz: Gazetteer) -> pd.DataFrame:
    """A compound tagged as one entity ("U.S.-Russia") becomes one mention per part."""
    surfaces = work["surface"].tolist()
    model = (work["source"] == "model").to_numpy()
    maybe = model & (work["surface"].str.count("-") == 1).to_numpy()
    split = [i for i in np.flatnonzero(maybe) if all(map(gaz.lookup, surfaces[i].split("-")))]
    if not split:
        return work
    parts = work.iloc[split]
    cut = parts["start"] + parts["surface"].str.find("-")
    halves = pd.concat(
        [
            parts.assign(end=cut, surface=parts["surface"].str.split("-").str[0], gaz_id=""),
            parts.assign(start=cut + 1, surface=parts["surface"].str.split("-").str[1], gaz_id=""),
        ]
    )
    split = np.asarray(split)
    # each half takes the place of its compound: positions 3i + 1 and 3i + 2 replace 3i
    order = np.r_[np.arange(len(work)) * 3, split * 3 + 1, split * 3 + 2]
    out = pd.concat([work, halves], ignore_index=True).assign(_order=order)
    out = out[~out["_order"].isin(split * 3)].sort_values("_order", kind="stable")
    return out.drop(columns="_order").reset_index(drop=True)


def _drop(work: pd.DataFrame, gaz: Gazetteer, authors: frozenset[str], counts: Counter) -> None:
    def reason(name: str, surface: str, label: str, free: bool) -> str:
        if fold(name) in authors:
            return "byline"
        if fold(name) in gaz.ignore or fold(surface) in gaz.ignore:
            return "ignored"
        if not free:
            return ""
        if "\n" in surface:
            return "line break"
        if not any(ch.isalpha() for ch in name) or all(names.is_title(t) for t in name.split()):
            return "not a name"
        if fold(name) in names.DEMONYMS or fold(name).rstrip("s") in names.DEMONYMS:
            return "nationality word"
        if label == "PERSON" and fold(name) in names.NOT_PEOPLE:
            return "not a person"
        if "\u2022" in surface:
            return "not a name"
        if label == "PERSON" and not names.looks_like_person(name):
            return "not a name"
        if " " not in name and _mostly_lower(name, counts):
            return "common word"
        return ""

    why = memo(reason)
    reasons = [
        why(n, s, lab, not g)
        for n, s, lab, g in zip(
            work["name"].tolist(),
            work["surface"].tolist(),
            work["label"].tolist(),
            work["gaz_id"].tolist(),
            strict=True,
        )
    ]
    work["dropped"] = [bool(r) for r in reasons]
    work["rule"] = [
        chain(old, r) if r else old for old, r in zip(work["rule"].tolist(), reasons, strict=True)
    ]
    work["actor"] = [("" if r else a) for a, r in zip(work["actor"].tolist(), reasons, strict=True)]


def _drop_by_context(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """Drop spans the words around them rule out (:mod:`workbench.actors.context`)."""
    if work.empty:
        return
    live = ~work["dropped"]
    part = work[live]
    reasons = context_reasons(
        part["doc_id"].tolist(),
        part["start"].tolist(),
        part["end"].tolist(),
        part["name"].tolist(),
        part["label"].tolist(),
        texts,
    )
    hit = [i for i, r in zip(part.index, reasons, strict=True) if r]
    if not hit:
        return
    why = dict(zip(part.index, reasons, strict=True))
    work.loc[hit, "dropped"] = True
    work.loc[hit, "rule"] = [chain(work.at[i, "rule"], why[i]) for i in hit]
    work.loc[hit, "actor"] = ""


_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)")


def _acronyms(work: pd.DataFrame, texts: Mapping[str, str]) -> pd.DataFrame:
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


_FIRST_NAME_BEFORE = re.compile(r"(?<![\w.'\u2019-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?) $")
_NOT_FIRST_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december but and yet so then now also "
    "still meanwhile however later earlier when while after before if as since although "
    "though because today yesterday tonight why how what where who".split()
)


def _first_names_beside(work: pd.DataFrame, texts: Mapping[str, str], counts: Counter) -> None:
    """A one-word person the model cut from its first name gets it back ("Darya [Dugin]").

    Without it, "Dugin" would resolve to the one Dugin named in full elsewhere (or in
    the gazetteer), the father of the woman the sentence names. The word before must be
    capitalised, not a title, nationality, function word, day or month, and not a word
    the corpus mostly writes in lower case (which a capital at the start of a sentence
    would hide).
    """
    if work.empty:
        return

    one_word = (
        ~work["dropped"]
        & (work["label"] == "PERSON")
        & ~work["name"].str.contains(" ", regex=False)
    )
    part = work.loc[one_word, ["doc_id", "start", "end", "name", "gaz_id", "rule"]]
    changed = []
    for i, doc, start, end, name, known, rule in part.itertuples(name=None):
        text = texts.get(doc, "")
        if start < 2 or text[start - 1] != " " or not text[start - 2].isalpha():
            continue  # cheap test first: a word ends right before the span
        m = _FIRST_NAME_BEFORE.search(text, max(0, start - 25), start)
        if m is None:
            continue
        word = m.group(1)
        if (
            names.is_title(word)
            or word.casefold() in _NOT_FIRST_NAMES
            or word.casefold() in names.FUNCTION_WORDS
            or _mostly_lower(word, counts)
            or (known and fold(known).split(" ")[0] == fold(word))  # the gazetteer's person
        ):
            continue
        full = f"{word} {name}"
        changed.append(
            (i, m.start(1), text[m.start(1) : end], full, chain(rule, "first name beside it"))
        )
    if changed:
        rows = [c[0] for c in changed]
        work.loc[rows, "gaz_id"] = ""
        work.loc[rows, "start"] = [c[1] for c in changed]
        work.loc[rows, "surface"] = [c[2] for c in changed]
        work.loc[rows, "name"] = [c[3] for c in changed]
        work.loc[rows, "actor"] = [c[3] for c in changed]
        work.loc[rows, "rule"] = [c[4] for c in changed]


_AGE_AFTER = re.compile(r",\s*(?:aged\s+)?\d{1,3}\s*[,.;]")


def _people_by_age(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """A name followed by an age ("Hanna, 26, a nurse") is a person, whatever the model typed.

    Every span of that name in the same document becomes a person's too.
    """
    if work.empty:
        return
    maybe = ~work["dropped"] & (work["label"] != "PERSON") & (work["gaz_id"] == "")
    part = work.loc[maybe, ["doc_id", "end", "name"]]
    aged = {
        (doc, fold(name))
        for doc, end, name in part.itertuples(index=False)
        if _AGE_AFTER.match(texts.get(doc, ""), end)
    }
    if not aged:
        return
    hit = [
        i
        for i, doc, name in zip(part.index, part["doc_id"], part["name"], strict=True)
        if (doc, fold(name)) in aged
    ]
    work.loc[hit, "label"] = "PERSON"
    work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "age beside it") for i in hit]


def _surnames_typed_otherwise(work: pd.DataFrame) -> None:
    """A one-word organisation or place that is a surname the document gives in full: a person.

    "Alexander Trofimov ... Trofimov said", the second labelled ORG by the model: it
    becomes a person's span, resolved with the others.
    """
    if work.empty:
        return

    live = ~work["dropped"]
    people = work[live & (work["label"] == "PERSON") & work["name"].str.contains(" ")]
    surnames = {
        (d, names.last_token(n)) for d, n in zip(people["doc_id"], people["name"], strict=True)
    }
    if not surnames:
        return
    maybe = (
        live
        & work["label"].isin(["ORG", "GPE"])
        & (work["gaz_id"] == "")
        & ~work["name"].str.contains(" ", regex=False)
    )
    hit = [
        i
        for i, d, n in zip(
            work.index[maybe], work.loc[maybe, "doc_id"], work.loc[maybe, "name"], strict=True
        )
        if (d, fold(n)) in surnames
    ]
    if hit:
        work.loc[hit, "label"] = "PERSON"
        work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "surname of a person") for i in hit]


def _majority_types(work: pd.DataFrame, gaz: Gazetteer) -> None:
    live = ~work["dropped"]
    keys = work["actor"].map(fold)
    table = work[live].groupby([keys[live], "label"]).size().reset_index(name="n")
    table = table.sort_values(["n", "label"], ascending=[False, True]).drop_duplicates("actor")
    majority = dict(zip(table["actor"], table["label"], strict=True))
    atypes, rules = [], []
    for alive, key, gaz_id, titled, label, rule in zip(
        live.tolist(),
        keys.tolist(),
        work["gaz_id"].tolist(),
        work["titled"].tolist(),
        work["label"].tolist(),
        work["rule"].tolist(),
        strict=True,
    ):
        kind = (
            label
            if not alive
            else gaz.entries[gaz_id].type
            if gaz_id
            else ("PERSON" if titled else majority.get(key, label))
        )
        atypes.append(kind)
        rules.append(chain(rule, "majority type") if kind != label and not gaz_id else rule)
    work["atype"], work["rule"] = atypes, rules


def _places(work: pd.DataFrame, gaz: Gazetteer, texts: Mapping[str, str]) -> None:
    people = work.loc[~work["dropped"] & (work["atype"] == "PERSON"), "actor"].unique()
    in_names = {t for actor in people if " " in actor for t in fold(actor).split(" ")}
    framed = _framed_places(work, texts)

    def place(name: str, kind: str, titled: bool) -> tuple[str, str, str] | None:
        if (
            kind == "PERSON"
            and not titled
            and fold(name) not in in_names
            and (names.is_place(name) or fold(name) in framed)
        ):
            return name, "GPE", "place, not person"
        if kind == "PERSON" and " " in name and fold(name).rsplit(" ", 1)[1] in names.SITE_WORDS:
            return name, "FAC", "site, not person"
        if kind != "PERSON" and len(name) >= 7:
            entry = _fuzzy_gazetteer(name, gaz)
            if entry is not None:
                return entry.name, entry.type, "fuzzy+gazetteer"
        return None

    placed = memo(place)
    free = (
        ~work["dropped"]
        & (work["gaz_id"] == "")
        & ~work["rule"].str.contains("surname|possessive|variant|first name|age beside", regex=True)
    )
    cols = {c: work[c].tolist() for c in ("actor", "atype", "rule", "gaz_id")}
    titled = work["titled"].tolist()
    for i in work.index[free]:
        hit = placed(cols["actor"][i], cols["atype"][i], bool(titled[i]))
        if hit is not None:
            cols["actor"][i], cols["atype"][i] = hit[0], hit[1]
            cols["rule"][i] = chain(cols["rule"][i], hit[2])
            cols["gaz_id"][i] = hit[0] if hit[2].endswith("gazetteer") else ""
    for c, values in cols.items():
        work[c] = values


def _framed_places(work: pd.DataFrame, texts: Mapping[str, str]) -> set[str]:
    """One-word "people" that some sentence frames as a place ("the village of X")."""
    one_word = (
        ~work["dropped"]
        & (work["atype"] == "PERSON")
        & ~work["titled"].astype(bool)
        & ~work["actor"].str.contains(" ", regex=False)
    )
    rows = work.loc[one_word, ["doc_id", "start", "end", "actor"]]
    return {
        fold(actor)
        for doc, start, end, actor in rows.itertuples(index=False)
        if framed_as_place(texts.get(doc, ""), start, end)
    }


_BY_LETTER: dict[str, dict[str, list[str]]] = {}


def _aliases_by_letter(gaz: Gazetteer) -> dict[str, list[str]]:
    """The gazetteer's folded aliases by first letter (built once per gazetteer)."""
    if gaz.digest not in _BY_LETTER:
        index: dict[str, list[str]] = {}
        for alias in gaz.aliases_folded():
            index.setdefault(alias[:1], []).append(alias)
        _BY_LETTER[gaz.digest] = index
    return _BY_LETTER[gaz.digest]


def _fuzzy_gazetteer(name: str, gaz: Gazetteer):
    """The gazetteer entry (not a person) ``name`` is a close spelling of, or None.

    Close: rapidfuzz's ratio at least :data:`PLACE_FUZZ`, and the same first letter
    ("Prussia" is not "Russia").
    """
    from rapidfuzz import process

    aliases = gaz.aliases_folded()
    folded = fold(name)
    same_start = _aliases_by_letter(gaz).get(folded[:1], [])
    hit = process.extractOne(folded, same_start, scorer=fuzz.ratio, score_cutoff=PLACE_FUZZ)
    if hit is None:
        return None
    entry = gaz.entries[aliases[hit[0]]]
    return entry if entry.type != "PERSON" else None


def _metonymy(work: pd.DataFrame, gaz: Gazetteer) -> None:
    actors, atypes, rules = work["actor"].tolist(), work["atype"].tolist(), work["rule"].tolist()
    for i, (actor, dropped) in enumerate(zip(actors, work["dropped"].tolist(), strict=True)):
        target = None if dropped else gaz.metonymy.get(fold(actor))
        if target:
            actors[i], rules[i] = target, chain(rules[i], "metonymy")
            atypes[i] = gaz.entries[target].type if target in gaz.entries else "GPE"
    work["actor"], work["atype"], work["rule"] = actors, atypes, rules


def _final_types(work: pd.DataFrame, gaz: Gazetteer) -> None:
    live = work[~work["dropped"]]
    table = live.groupby(["actor", "atype"]).size().reset_index(name="n")
    table = table.sort_values(["n", "atype"], ascending=[False, True]).drop_duplicates("actor")
    majority = dict(zip(table["actor"], table["atype"], strict=True))
    work["actor_type"] = [
        "" if dropped else gaz.entries[a].type if a in gaz.entries else majority.get(a, t)
        for a, t, dropped in zip(
            work["actor"].tolist(), work["atype"].tolist(), work["dropped"].tolist(), strict=True
        )
    ]


# ----------------------------------------------------------------------------- helpers


def word_counts(texts: Iterable[str]) -> Counter:
    """How often each word form (case kept) occurs across the texts."""
    counts: Counter = Counter()
    for text in texts:
        if isinstance(text, str):
            counts.update(_WORD.findall(text))
    return counts


def author_names(authors: Iterable[object]) -> frozenset[str]:
    """Folded names from byline values such as ``"Sarah Chen; Emily Carter and Li Wei"``."""
    out: set[str] = set()
    for value in authors:
        if isinstance(value, str):
            for part in re.split(r";|,|\band\b|&|\|", value):
                name = names.clean_name(re.sub(r"^\s*by\s+", "", part, flags=re.I))[0]
                if name:
                    out.add(fold(name))
    return frozenset(out)


def _mostly_lower(word: str, counts: Counter) -> bool:
    """A capitalised word the corpus writes at least as often in lower case ("Breakdown")."""
    if word.islower():
        return False
    lower = counts[word.lower()]
    return lower > 0 and lower >= counts[word]


def _method(rule: str) -> str:
    if any(k in rule for k in ("surname", "possessive", "variant", "fuzzy", "case", "metonymy")):
        return "resolved"
    return "gazetteer" if "gazetteer" in rule else "model"


def audit_table(work: pd.DataFrame) -> pd.DataFrame:
    """One row per (surface, actor, rule) where a rule changed a name or type, or dropped it.

    ``cleaned`` marks a surface only trimmed (a leading "the", quotes, a possessive).

    Columns: ``surface``, ``actor`` (empty for drops), ``actor_type``, ``rule``,
    ``n_mentions``, ``n_docs``, ``example_doc``.
    """
    changed = (
        work["dropped"]
        | (work["surface"].map(fold) != work["actor"].map(fold))
        | (work["label"] != work["actor_type"])
    )
    rows = work[changed].assign(rule=lambda d: d["rule"].replace("", "cleaned"))
    audit = rows.groupby(["surface", "actor", "actor_type", "rule"], as_index=False).agg(
        n_mentions=("doc_id", "size"), n_docs=("doc_id", "nunique"), example_doc=("doc_id", "first")
    )
    return audit.sort_values(["n_mentions", "surface"], ascending=[False, True]).reset_index(
        drop=True
    )
