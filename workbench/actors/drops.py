"""Spans that are no actor: bylines, ignored names, common words, and what context rules out."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

import pandas as pd

from workbench.actors import demonyms, names
from workbench.actors.context import PLATFORMS, context_reasons
from workbench.actors.gazetteer import Gazetteer, fold
from workbench.actors.people import chain, memo


def drop_unwanted(
    work: pd.DataFrame, gaz: Gazetteer, authors: frozenset[str], counts: Counter
) -> None:
    """Drop bylines, ignored names, nationality and title words, and common words.

    Only spans the gazetteer does not know are judged on their form; every drop is
    chained onto the span's rule and its actor emptied.
    """

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
        if what := _no_actor_by_form(name, label):
            return what
        if label == "PERSON" and fold(name) in names.NOT_PEOPLE:
            return "not a person"
        if "\u2022" in surface:
            return "not a name"
        if label == "PERSON" and not names.looks_like_person(name):
            return "not a name"
        if " " not in name and mostly_lower(name, counts):
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


def _no_actor_by_form(name: str, label: str) -> str:
    """Why a name's form makes it no actor, else "".

    A people's ("Berliners"), an event's or a feast's ("Easter"), a platform's feature
    ("Instagram Story").
    """
    if demonyms.is_demonym(name):
        return "nationality word"
    if names.is_event(name, label) or fold(name) in names.FEASTS:
        return "event, not actor"
    if label == "PERSON" and _names_a_platform(name):
        return "platform's feature, not person"
    return ""


def drop_by_context(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
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
        (part["gaz_id"] != "").tolist(),
    )
    why = dict(zip(part.index, reasons, strict=True))
    _models_after_an_article(part, why, texts)
    _bracketed_first_names(part, why, texts)
    hit = [i for i, r in why.items() if r]
    if not hit:
        return
    work.loc[hit, "dropped"] = True
    work.loc[hit, "rule"] = [chain(work.at[i, "rule"], why[i]) for i in hit]
    work.loc[hit, "actor"] = ""


_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:the|an?)\s+$", re.IGNORECASE)
_CLOSING_BRACKET = re.compile(r"[)\]]\s?")


def _bracketed_first_names(
    part: pd.DataFrame, why: dict[int, str], texts: Mapping[str, str]
) -> None:
    """A first name an editor put in brackets before the surname is no mention of its own.

    "(President Dorin) Varga said": one mention of the person, the surname after the
    bracket; the one-word person inside ends at the bracket the next person starts after.
    """
    person = part[part["label"] == "PERSON"]
    starts = set(zip(person["doc_id"], person["start"], strict=True))
    for i, doc, end, name in zip(
        person.index, person["doc_id"], person["end"], person["name"], strict=True
    ):
        if why[i] or " " in name:
            continue
        m = _CLOSING_BRACKET.match(texts.get(doc, ""), end)
        if m is not None and (doc, m.end()) in starts:
            why[i] = "first name in brackets"


def _models_after_an_article(
    part: pd.DataFrame, why: dict[int, str], texts: Mapping[str, str]
) -> None:
    """A maker's name its document gives a model number takes one after "the" or "an" too.

    "an Orsa A320 ... the owner of the Orsa": the second is the aircraft, not the maker.
    """
    models = {
        (doc, fold(name))
        for i, doc, name in zip(part.index, part["doc_id"], part["name"], strict=True)
        if why[i] == "numbered name"
    }
    if not models:
        return
    for i, doc, start, name in zip(
        part.index, part["doc_id"], part["start"], part["name"], strict=True
    ):
        if not why[i] and (doc, fold(name)) in models:
            text = texts.get(doc, "")
            if _ARTICLE_BEFORE.search(text, max(0, start - 5), start):
                why[i] = "numbered name"


def _names_a_platform(name: str) -> bool:
    """Whether a name of two words or more holds a platform's name ("Orsa Instagram Story").

    A social network's name is no person's first name or surname: the phrase is one of
    the platform's features or accounts ("Instagram Story", "Telegram channel").
    """
    words = fold(name).split(" ")
    return len(words) > 1 and any(w in PLATFORMS for w in words)


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


def mostly_lower(word: str, counts: Counter) -> bool:
    """A capitalised word the corpus writes at least as often in lower case ("Breakdown")."""
    if word.islower():
        return False
    lower = counts[word.lower()]
    return lower > 0 and lower >= counts[word]


#: Words that may follow a whole noun phrase "the X" (so X is no modifier of a noun).
_AFTER_PHRASE = frozenset(
    """of and or in on at for with to from by under over into after before about against
    between during through across near since until without within as is was""".split()
)
_THE_BEFORE = re.compile(r"(?<![\w-])the $")
_NEXT_WORD = re.compile(r"\s*(\w+|[^\w\s]|$)")


def things_after_the(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """A one-word "person" the corpus writes as a whole phrase "the X" is no person.

    "the Zarvek," or "at the Zarvek under ...": a name after "the" that no noun follows is
    a thing, a place or a group ("the Moon", "the Hill", "the Slavs"), never a person
    ("the Dorin administration" is a person's, so is a word of anybody's full name).
    Every such untitled one-word person span of the corpus is dropped.
    """
    live = ~work["dropped"] & (work["atype"] == "PERSON")
    people = work.loc[live, "actor"].unique()
    in_names = {t for actor in people if " " in actor for t in fold(actor).split(" ")}
    one_word = (
        live
        & (work["gaz_id"] == "")
        & ~work["titled"].astype(bool)
        & ~work["actor"].str.contains(" ", regex=False)
    )
    rows = work.loc[one_word, ["doc_id", "start", "end", "actor"]]
    found = set()
    for doc, start, end, actor in rows.itertuples(index=False):
        key = fold(actor)
        if key in found or key in in_names or start < 4:
            continue
        text = texts.get(doc, "")
        if not _THE_BEFORE.search(text, max(0, start - 4), start):
            continue
        nxt = _NEXT_WORD.match(text, end).group(1)
        if not nxt or not nxt[0].isalnum() or nxt in _AFTER_PHRASE:
            found.add(key)
    if not found:
        return
    hit = [i for i, a in zip(rows.index, rows["actor"], strict=True) if fold(a) in found]
    work.loc[hit, "dropped"] = True
    work.loc[hit, "actor"] = ""
    work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "the phrase, not person") for i in hit]


_A_BEFORE = re.compile(r"(?<![\w-])an? $")
#: What may end the phrase "a X" right after the name: the end of a sentence or a quote.
_PHRASE_END = frozenset('.!?)"\u201d')


def things_after_a(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """A "person" after "a" or "an" that ends the phrase is a thing ("bought a Dorin Deere").

    An indefinite article makes a bare name a kind of thing (a make, a model, a work of
    art); as a modifier it still names the person ("a Dorin ally", "a Dorin-style
    escape"), so only a name the sentence's end or a word of :data:`_AFTER_PHRASE`
    follows counts, and only as written in full (a surname resolved to a person the
    document names in full, "a Dorin.", may be the family's). Every untitled span of
    that name in the document the gazetteer does not know is dropped.
    """
    live = (
        ~work["dropped"]
        & (work["atype"] == "PERSON")
        & (work["gaz_id"] == "")
        & ~work["titled"].astype(bool)
    )
    rows = work.loc[live, ["doc_id", "start", "end", "actor", "name"]]
    found = set()
    for doc, start, end, actor, name in rows.itertuples(index=False):
        text = texts.get(doc, "")
        if fold(name) != fold(actor) or start < 2:
            continue
        if not _A_BEFORE.search(text, max(0, start - 3), start):
            continue
        nxt = _NEXT_WORD.match(text, end).group(1)
        if nxt and (nxt in _PHRASE_END or nxt in _AFTER_PHRASE):
            found.add((doc, fold(actor)))
    hit = [
        i
        for i, d, a in zip(rows.index, rows["doc_id"], rows["actor"], strict=True)
        if (d, fold(a)) in found
    ]
    if hit:
        work.loc[hit, "dropped"] = True
        work.loc[hit, "actor"] = ""
        work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "a thing, not person") for i in hit]


_PLURAL = re.compile(r"^(.+?)(?:es|s)$")
_ANY_THE_BEFORE = re.compile(r"(?<![\w-])[Tt]he $")


def families(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """A plural surname after "the" ("the Dorins" after "Ivo Dorin") is a family: dropped.

    A one-word, untitled "person" right after "the" whose singular ("Dorin" for
    "Dorins", "Vlachos" for "Vlachoses") is the surname of a full name the document
    gives, and which is no surname there itself ("the Dorins said" as against "the Truss
    administration"), names a household. Resolved, it would be one of its members.
    """
    live = ~work["dropped"] & (work["label"] == "PERSON")
    full = work.loc[live & work["name"].str.contains(" ", regex=False), ["doc_id", "name"]]
    surnames = {(d, names.last_token(n)) for d, n in full.itertuples(index=False)}
    if not surnames:
        return
    one_word = (
        live
        & (work["gaz_id"] == "")
        & ~work["titled"].astype(bool)
        & ~work["name"].str.contains(" ", regex=False)
        & work["name"].str.endswith("s")
    )
    hit = []
    for i, doc, start, name in work.loc[one_word, ["doc_id", "start", "name"]].itertuples():
        word = fold(name)
        if (doc, word) in surnames or start < 4:
            continue
        if not _ANY_THE_BEFORE.search(texts.get(doc, ""), max(0, start - 4), start):
            continue
        singular = {word[:-1], _PLURAL.sub(r"\1", word)}
        if any((doc, s) in surnames for s in singular):
            hit.append(i)
    if hit:
        work.loc[hit, "dropped"] = True
        work.loc[hit, "actor"] = ""
        work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "a family, not person") for i in hit]


def lower_case_spans(work: pd.DataFrame) -> None:
    """A model's span written all in lower case that no rule made a name is no actor.

    "jargon", "the supreme court", "km/h", "ten days max": a name is written with a
    capital. Kept: what resolved to a known actor (the gazetteer's, a person's full name:
    "lavrov") and a government body named in common words ("the defence ministry"), which
    the bodies' rules may leave unowned; a one-word person only capitalised ("max" ->
    "Max") resolved to nobody.
    """
    from workbench.actors.bodies import body_key

    surfaces, actors = work["surface"], work["actor"]
    only_capitalised = (
        (work["atype"] == "PERSON")
        & (actors.str.lower() == surfaces.str.lower())
        & ~actors.str.contains(" ", regex=False)
    )
    maybe = (
        ~work["dropped"]
        & (work["source"] == "model")
        & (work["gaz_id"] == "")
        & surfaces.str.contains(r"[^\W\d_]", regex=True)  # a letter, and none a capital
        & (surfaces == surfaces.str.lower())
        & ((actors == actors.str.lower()) | only_capitalised)
    )
    hit = [i for i in work.index[maybe] if not body_key(work.at[i, "name"])]
    if hit:
        work.loc[hit, "dropped"] = True
        work.loc[hit, "actor"] = ""
        work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "lower case, no name") for i in hit]
