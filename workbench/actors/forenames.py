"""People's first names: organisations the model made of people, and names it cut short.

A two-word "organisation" opening with a first name the corpus gives people is a
person; so is a one-word "organisation" right after such a first name. A person the
model cut from its first name gets it back ("Darya [Dugin]", "Ivan [Petrovich
Sorkin]"), and a first name joined to a full name by "and" shares its surname ("Ola and
Piet Smit").

spaCy's model types many unfamiliar full names as organisations ("Oleksandr Vorik said",
"Natalia Berg of the agency"). The corpus itself tells which words are first names: a
word that opens the full names of several different people ("Oleksandr Petrenko",
"Oleksandr Lysak", "Oleksandr Holub") is one, wherever it is.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping

import pandas as pd

from workbench.actors import names
from workbench.actors.appositives import COMPANY_TAILS
from workbench.actors.drops import mostly_lower
from workbench.actors.gazetteer import fold
from workbench.actors.people import chain

#: Different people's full names a word must open to count as a first name.
MIN_PEOPLE = 3
_TWO_WORDS = re.compile(r"^[A-Z][a-z]+ [A-Z][a-z]+$")
_ONE_WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
#: Second words that make a name an organisation's or a place's ("Victoria Station").
_NOT_SURNAMES = (
    names.SITE_WORDS
    | names.GROUP_HEADS
    | names.PLACE_HEADS
    | COMPANY_TAILS
    | frozenset("county field park square university college school hall house".split())
)


def first_names(work: pd.DataFrame) -> frozenset[str]:
    """Folded words that open the full names of :data:`MIN_PEOPLE` people or more."""
    person = ~work["dropped"] & (work["label"] == "PERSON")
    people: dict[str, set[str]] = defaultdict(set)
    for name in work.loc[person, "name"].unique():
        words = name.split(" ")
        if len(words) >= 2 and words[0][:1].isupper() and words[0].isalpha():
            people[fold(words[0])].add(fold(name))
    return frozenset(w for w, full in people.items() if len(full) >= MIN_PEOPLE)


def _model_organisations(work: pd.DataFrame, shape: re.Pattern) -> pd.Series:
    """Live spans only the model typed an organisation, the gazetteer not knowing them."""
    return (
        ~work["dropped"]
        & (work["label"] == "ORG")
        & (work["source"] == "model")
        & (work["gaz_id"] == "")
        & work["name"].str.match(shape)
    )


def people_typed_as_organisations(work: pd.DataFrame) -> None:
    """A model's two-word organisation opening with a corpus first name is a person.

    "Ivo Varga" typed ORG, where the corpus names Ivo Brandt, Ivo Horvat and Ivo Kos,
    is a person; not when its second word is a site's, a group's, a place's or a
    company's ("Ivo Park", "Ivo Holdings"), nor a name the gazetteer knows.
    """
    if work.empty:
        return
    maybe = _model_organisations(work, _TWO_WORDS)
    if not maybe.any():
        return
    known = first_names(work)
    hit = [
        i
        for i, name in zip(work.index[maybe], work.loc[maybe, "name"], strict=True)
        if fold(name.split(" ")[0]) in known
        and fold(name.split(" ")[1]) not in _NOT_SURNAMES
        and fold(name.split(" ")[0]) not in names.TITLE_WORDS
    ]
    if hit:
        work.loc[hit, "label"] = "PERSON"
        work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "first name of people") for i in hit]


#: A capitalised word right before a span, a space between ("Oleksandr [Vorik]").
_WORD_BEFORE = re.compile(r"(?<![\w.'\u2019-])([A-Z][a-z]+) $")


def first_names_before_organisations(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """A one-word "organisation" right after a corpus first name is that person's surname.

    "the spokesman Oleksandr [Vorik] said": the model cut the first name off and typed the
    rest an organisation. Where the word before is a first name by :func:`first_names`
    (not a title, and the surname no site's, group's, place's or company's word), the
    span takes it back and becomes a person's full name. The gazetteer's names are left
    alone.
    """
    if work.empty:
        return
    maybe = _model_organisations(work, _ONE_WORD)
    if not maybe.any():
        return
    known = first_names(work)
    part = work.loc[maybe, ["doc_id", "start", "name"]]
    live = work.loc[~work["dropped"], ["doc_id", "end"]]
    ends = set(zip(live["doc_id"], live["end"], strict=True))
    for i, doc, start, name in part.itertuples(name=None):
        m = _WORD_BEFORE.search(texts.get(doc, ""), max(0, start - 25), start)
        if m is None or fold(name) in _NOT_SURNAMES or (doc, m.end(1)) in ends:
            continue  # no word before, no surname, or the word is a span of its own
        first = m.group(1)
        if fold(first) not in known or fold(first) in names.TITLE_WORDS:
            continue
        work.at[i, "start"] = m.start(1)
        work.at[i, "surface"] = f"{first} {work.at[i, 'surface']}"
        work.at[i, "name"] = work.at[i, "actor"] = f"{first} {name}"
        work.at[i, "label"] = "PERSON"
        work.at[i, "rule"] = chain(work.at[i, "rule"], "first name before it")


_FIRST_NAME_BEFORE = re.compile(r"(?<![\w.'\u2019-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?) $")
_NOT_FIRST_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december but and yet so then now also "
    "still meanwhile however later earlier when while after before if as since although "
    "though because today yesterday tonight why how what where who".split()
)


#: A Russian, Ukrainian or Belarusian patronymic ("Ivanovich", "Petrovna", "Ivanivna").
_PATRONYMIC = re.compile(r"[A-Z][a-z]{2,}(?:ovich|evich|ovych|evych|yich|ovna|evna|ivna|ichna)")


def first_names_beside(work: pd.DataFrame, texts: Mapping[str, str], counts: Counter) -> None:
    """A person the model cut from its first name gets it back ("Darya [Dugin]").

    Without it, "Dugin" would resolve to the one Dugin named in full elsewhere (or in
    the gazetteer), the father of the woman the sentence names. The word before must be
    capitalised, not a title, nationality, function word, day or month, and not a word
    the corpus mostly writes in lower case (which a capital at the start of a sentence
    would hide). A longer span that opens with a patronymic ("Ivan [Petrovich Sidorov]")
    gets its first name back the same way: a patronymic never opens a name; a gazetteer
    person keeps its entry.
    """
    if work.empty:
        return

    person = ~work["dropped"] & (work["label"] == "PERSON")
    spaced = work["name"].str.contains(" ", regex=False)
    firsts = work["name"].str.split(" ").str[0]
    patronymic = spaced & firsts.str.fullmatch(_PATRONYMIC.pattern).fillna(False).astype(bool)
    part = work.loc[
        person & (~spaced | patronymic), ["doc_id", "start", "end", "name", "gaz_id", "rule"]
    ]
    changed = []
    for i, doc, start, end, name, known, rule in part.itertuples(name=None):
        text = texts.get(doc, "")
        m = _forename_before(text, start, counts)
        if m is None:
            continue
        word, grows = m.group(1), " " in name
        if _PATRONYMIC.fullmatch(word):  # "Ivan Petrovich [Sorkin]": the first name too
            m = _forename_before(text, m.start(1), counts)
            if m is None:
                continue
            word, grows = f"{m.group(1)} {word}", True
        if grows and known:  # a gazetteer person: only the span grows
            work.loc[i, ["start", "surface"]] = [m.start(1), text[m.start(1) : end]]
            continue
        if known and fold(known).split(" ")[0] == fold(word):  # the gazetteer's person
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


def _forename_before(text: str, start: int, counts: Counter) -> re.Match | None:
    """The capitalised word right before ``start`` when it may be a first name."""
    if start < 2 or text[start - 1] != " " or not text[start - 2].isalpha():
        return None  # cheap test first: a word ends right before the span
    m = _FIRST_NAME_BEFORE.search(text, max(0, start - 25), start)
    if m is None:
        return None
    word = m.group(1).casefold()
    if (
        names.is_title(word)
        or word in _NOT_FIRST_NAMES
        or word in names.FUNCTION_WORDS
        or mostly_lower(m.group(1), counts)
    ):
        return None
    return m


def shared_surnames(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """A first name joined to a full name by "and" shares its surname ("Ola and Piet Smit").

    The one-word person before "and" takes the surname of the two-word person after it
    when the corpus writes that word as somebody's first name and never as a surname
    ("Putin and Joe Biden" stays as it is), and the document names nobody in full by
    that first name ("Ola Berg ... Ola and Piet Smit" is Ola Berg). Without it, the
    document's bare surname ("Smit said") would resolve to the one Smit named in full.
    """
    if work.empty:
        return
    person = ~work["dropped"] & (work["label"] == "PERSON")
    multi = work.loc[person & work["name"].str.contains(" ", regex=False), ["doc_id", "name"]]
    firsts = {fold(n.split(" ")[0]) for n in multi["name"]}
    lasts = {fold(n.rsplit(" ", 1)[1]) for n in multi["name"]}
    named = {(d, fold(n.split(" ")[0])) for d, n in multi.itertuples(index=False)}
    part = work.loc[person, ["doc_id", "start", "end", "name"]]
    after = {(d, a): (i, n) for i, d, a, _, n in part.itertuples(name=None) if n.count(" ") == 1}
    changed = []
    for i, doc, _, end, name in part.itertuples(name=None):
        if (
            " " in name
            or fold(name) not in firsts
            or fold(name) in lasts
            or (doc, fold(name)) in named  # "Ola" is the Ola Berg the document names
        ):
            continue
        text = texts.get(doc, "")
        gap = text[end : end + 5]
        link = " and " if gap.startswith(" and ") else " & " if gap.startswith(" & ") else ""
        nxt = after.get((doc, end + len(link))) if link else None
        if nxt is not None and nxt[0] != i:
            changed.append((i, f"{name} {nxt[1].split(' ')[1]}"))
    if changed:
        rows = [i for i, _ in changed]
        full = [n for _, n in changed]
        work.loc[rows, "name"] = full
        work.loc[rows, "actor"] = full
        work.loc[rows, "gaz_id"] = ""
        work.loc[rows, "rule"] = [chain(work.at[i, "rule"], "surname shared") for i in rows]


def first_names_typed_otherwise(work: pd.DataFrame) -> None:
    """A one-word organisation that is the first name of one person the document names in full.

    "Nina Varga fled ... Read more about Nina's journey", the second labelled ORG by the
    model: it becomes a person's span, which resolution then gives the full name. Only
    a first name after the full name counts (it refers back to the person); one two
    people of the document share is left alone, and so are places (a first name may be
    a country's: "Georgia").
    """
    if work.empty:
        return
    live = ~work["dropped"]
    people = work[live & (work["label"] == "PERSON") & work["name"].str.contains(" ")]
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    named_at: dict[tuple[str, str], int] = {}  # where the document first names its owner
    for doc, name, start in zip(people["doc_id"], people["name"], people["start"], strict=True):
        first = name.split(" ")[0]
        if first[:1].isupper() and not names.is_title(first):
            owners[(doc, fold(first))].add(fold(name))
            key = (doc, fold(first))
            named_at[key] = min(start, named_at.get(key, start))
    maybe = (
        live
        & (work["label"] == "ORG")
        & (work["gaz_id"] == "")
        & ~work["name"].str.contains(" ", regex=False)
    )
    part = work.loc[maybe, ["doc_id", "start", "name"]]
    hit = [
        i
        for i, d, start, n in part.itertuples()
        if len(owners.get((d, fold(n)), ())) == 1
        and named_at[(d, fold(n))] < start
        and not names.is_place(n)
    ]
    if hit:
        work.loc[hit, "label"] = "PERSON"
        work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "first name of a person") for i in hit]
