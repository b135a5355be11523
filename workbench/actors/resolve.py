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
   writes that word capitalised; so are surnames on their own of a person the document
   names in full (:mod:`workbench.actors.recovery`).
8. **metonymy** (only when switched on) – "the Kremlin" -> Russia, "Washington" -> United
   States, as listed in the gazetteer's ``metonymy`` section.

The steps live in modules by what they decide: where a span starts and ends
(:mod:`~workbench.actors.boundaries`), which spans are no actor
(:mod:`~workbench.actors.drops`), acronyms a document defines, by a name or by common
words (:mod:`~workbench.actors.acronyms`), what kind of actor a name is
(:mod:`~workbench.actors.kinds`; a title beside a name, :mod:`~workbench.actors.titles`),
people's names (:mod:`~workbench.actors.people`; their first names,
:mod:`~workbench.actors.forenames`), and people's mentions the model missed
(:mod:`~workbench.actors.recovery`).

Every mention carries the chain of rules that produced its actor; :func:`audit_table`
turns that into one row per (surface, actor, rule) for a researcher to check.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from workbench.actors import (
    acronyms,
    aliases,
    appositives,
    boundaries,
    coordination,
    demonyms,
    drops,
    forenames,
    happenings,
    kinds,
    media,
    misspellings,
    names,
    occupations,
    particles,
    products,
    recovery,
    suffixes,
    titles,
    vessels,
)
from workbench.actors.bodies import merge_short_forms
from workbench.actors.drops import author_names
from workbench.actors.gazetteer import Gazetteer, fold
from workbench.actors.people import chain, memo, resolve_people

#: Labels of spaCy's model kept as actors (gazetteer matches are always kept): people,
#: organisations, places with a government, other places and sites.
MODEL_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC")
#: The columns of :attr:`Resolution.mentions`.
RESOLVED_COLUMNS = ["doc_id", "start", "end", "surface", "actor", "actor_type", "method", "rule"]
#: The columns of :attr:`Resolution.audit` (:func:`audit_table`).
AUDIT_COLUMNS = ["surface", "actor", "actor_type", "rule", "n_mentions", "n_docs", "example_doc"]

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
    work = _prepare(spans, gazetteer, frozenset(labels), counts) if len(spans) else spans
    if work.empty:  # no span the workbench keeps (none at all, or only dates and numbers)
        empty = pd.DataFrame(columns=RESOLVED_COLUMNS).astype({"start": "int64", "end": "int64"})
        return Resolution(empty, pd.DataFrame(columns=AUDIT_COLUMNS))
    occupations.cut_role_nouns(work, texts, counts, gazetteer)
    boundaries.site_names(work, texts, gazetteer)
    suffixes.generational_suffixes(work, texts, gazetteer)
    drops.drop_unwanted(work, gazetteer, author_names(authors), counts)
    drops.drop_by_context(work, texts)
    titles.titled_beside(work, texts)
    forenames.first_names_before_organisations(work, texts)
    kinds.surnames_typed_otherwise(work)
    forenames.first_names_typed_otherwise(work)
    misspellings.misspelt_surnames(work)
    misspellings.swapped_letters(work, gazetteer)
    kinds.full_names_typed_otherwise(work)
    forenames.people_typed_as_organisations(work)
    kinds.people_by_age(work, texts)
    drops.families(work, texts)
    products.products_named_before_their_kind(work, texts)
    vessels.ships(work, texts)
    kinds.things_named_like_people(work, texts)
    appositives.organisations_named_like_people(work, texts)
    forenames.first_names_beside(work, texts, counts)
    forenames.shared_surnames(work, texts)
    work = acronyms.expand_acronyms(work, texts)
    acronyms.drop_common_acronyms(work, texts)
    work = aliases.expand_aliases(work, texts, gazetteer)
    merge_short_forms(work, gazetteer, texts)
    kinds.majority_types(work, gazetteer)
    media.outlets_by_press_noun(work, texts)
    kinds.places_by_preposition(work, texts)
    coordination.places_in_lists(work, texts)
    happenings.events_named_like_people(work, texts)
    particles.particle_surnames(work)
    resolve_people(work, gazetteer, texts)
    kinds.places(work, gazetteer, texts)
    drops.things_after_the(work, texts)
    drops.things_after_a(work, texts)
    drops.lower_case_spans(work)
    work = pd.concat([work, recovery.recover(work, texts, counts)], ignore_index=True)
    work = pd.concat([work, recovery.recover_surnames(work, texts)], ignore_index=True)
    # Rows added by the steps above (acronyms, recovered surnames) keep the flag boolean:
    # concatenated with an empty or object column it would turn to objects, and ~ to -1.
    work["dropped"] = work["dropped"].astype(bool)
    if metonymy:
        _metonymy(work, gazetteer)
    kinds.final_types(work, gazetteer)
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


def _prepare(
    spans: pd.DataFrame, gaz: Gazetteer, labels: frozenset[str], counts: Counter
) -> pd.DataFrame:
    keep = (spans["source"] == "gazetteer") | spans["label"].isin(labels)
    work = boundaries.split_compounds(spans.loc[keep, WORK_COLUMNS].reset_index(drop=True), gaz)
    work = boundaries.trim_articles(work)
    work = boundaries.trim_possessives(work, counts)
    work, not_names = boundaries.trim_person_tails(work, counts)
    work["gaz_id"] = work["gaz_id"].fillna("")
    clean = memo(lambda s, person, kept: names.clean_name(s, person=person, possessive=kept))
    cleaned = [
        # a model's span still ending in "'s" here kept it as part of its name
        clean(s, lab == "PERSON", src == "model" and s.endswith(("'s", "\u2019s")))
        for s, lab, src in zip(
            work["surface"].tolist(),
            work["label"].tolist(),
            work["source"].tolist(),
            strict=True,
        )
    ]
    work["name"] = ["" if i in not_names else c[0] for i, c in enumerate(cleaned)]
    work["titled"] = [c[1] for c in cleaned]
    demonyms.trim_demonyms(work)
    boundaries.trim_titles(work)
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


class _NoEntry:
    name = ""


_NO_ENTRY = _NoEntry()


def _metonymy(work: pd.DataFrame, gaz: Gazetteer) -> None:
    actors, atypes, rules = work["actor"].tolist(), work["atype"].tolist(), work["rule"].tolist()
    for i, (actor, dropped) in enumerate(zip(actors, work["dropped"].tolist(), strict=True)):
        target = None if dropped else gaz.metonymy.get(fold(actor))
        if target:
            actors[i], rules[i] = target, chain(rules[i], "metonymy")
            atypes[i] = gaz.entries[target].type if target in gaz.entries else "GPE"
    work["actor"], work["atype"], work["rule"] = actors, atypes, rules


# ----------------------------------------------------------------------------- helpers


def word_counts(texts: Iterable[str]) -> Counter:
    """How often each word form (case kept) occurs across the texts."""
    counts: Counter = Counter()
    for text in texts:
        if isinstance(text, str):
            counts.update(_WORD.findall(text))
    return counts


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
