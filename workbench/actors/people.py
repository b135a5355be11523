"""Resolution rules for people's names (used by :mod:`workbench.actors.resolve`).

- a bare surname is the full name met in the same document, else a first name in the
  same document ("Brittney" beside "Brittney Griner"), else the full name met across
  the corpus when one person holds :data:`SURNAME_DOMINANCE` of its uses and the word is
  nobody's first name (another spelling of the surname, "Schwartz" for "Ivo Schwarz",
  only when :data:`MIN_VARIANT_DOCS` documents or the gazetteer name that person), and
  never across the sexes: "Mrs Grimm" is no "Ivo Grimm" another article marks a man;
- an apostrophe-less possessive ("Trumps disappointment") is the surname without its "s";
- spelling variants of one name merge, onto a gazetteer name where one matches.

Every function reads and writes whole columns of the working table, and memoises per
distinct name, so hundreds of thousands of mentions resolve in seconds. Mentions of people
the model missed are found by :mod:`workbench.actors.recovery`. :func:`chain` and
:func:`memo` serve all the resolution rules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import pandas as pd
from rapidfuzz import fuzz

from workbench.actors import genders, names
from workbench.actors.gazetteer import Gazetteer, fold

#: Share of a surname's mentions one full name must hold to claim it corpus-wide.
SURNAME_DOMINANCE = 0.9
#: Documents that must name a person in full before another spelling of the surname,
#: alone in a document that names nobody by it, is taken for that person.
MIN_VARIANT_DOCS = 2


def resolve_people(
    work: pd.DataFrame, gaz: Gazetteer, texts: Mapping[str, str] | None = None
) -> None:
    """Resolve the working table's person names in place: variants, surnames, first names.

    Args:
        work: The working table of :func:`workbench.actors.resolve.resolve` (columns ``actor``,
            ``atype``, ``gaz_id``, ``rule``, ``dropped``, ``doc_id``).
        gaz: The gazetteer, whose person names are merge targets.
        texts: ``doc_id -> text``, where courtesy titles and pronouns mark women and men
            (:mod:`workbench.actors.genders`).
    """
    people = ~work["dropped"] & (work["atype"] == "PERSON")
    free = people & (work["gaz_id"] == "")
    spaced = work["actor"].str.contains(" ", regex=False)
    _apply(work, free & spaced, _variant_targets(work.loc[free & spaced, "actor"], gaz))
    full = work[people & spaced]
    single = free & ~spaced
    resolver = _SurnameResolver(_surname_index(full, gaz), _first_name_index(full), gaz)
    texts = texts or {}
    resolver.marks = genders.marked(work[people], texts)
    rows = (work.loc[single, c].tolist() for c in ("actor", "doc_id", "surface", "start"))
    targets = [
        resolver(a, d, genders.title_mark(texts.get(d, ""), str(s), p))
        for a, d, s, p in zip(*rows, strict=True)
    ]
    actors, rules = work["actor"].tolist(), work["rule"].tolist()
    gaz_ids = work["gaz_id"].tolist()
    for i, target in zip(work.index[single], targets, strict=True):
        if target is not None:
            actors[i], rules[i] = target[0], chain(rules[i], target[1])
            gaz_ids[i] = target[0] if target[0] in gaz.entries else ""
    work["actor"], work["rule"], work["gaz_id"] = actors, rules, gaz_ids
    left = single & ~work["rule"].str.contains("surname|possessive|first name", regex=True)
    _apply(work, left, _variant_targets(work.loc[left, "actor"], gaz))


def _apply(work: pd.DataFrame, mask: pd.Series, targets: dict[str, tuple[str, str]]) -> None:
    actors, rules, gaz_ids = work["actor"].tolist(), work["rule"].tolist(), work["gaz_id"].tolist()
    for i in work.index[mask]:
        hit = targets.get(actors[i])
        if hit is not None:
            actors[i], rules[i] = hit[0], chain(rules[i], hit[1])
            gaz_ids[i] = hit[0] if hit[1].endswith("gazetteer") else gaz_ids[i]
    work["actor"], work["rule"], work["gaz_id"] = actors, rules, gaz_ids


def _surname_index(full: pd.DataFrame, gaz: Gazetteer) -> dict[str, Counter]:
    """Folded surname -> Counter of (doc_id, actor) -> mentions; gazetteer names under "*"."""
    index: dict[str, Counter] = {}
    for doc_id, actor in zip(full["doc_id"].tolist(), full["actor"].tolist(), strict=True):
        index.setdefault(names.last_token(actor), Counter())[(doc_id, actor)] += 1
    for entry in gaz.entries.values():
        if entry.type == "PERSON":
            for surface in entry.surfaces:
                if " " in surface.strip():
                    index.setdefault(names.last_token(surface), Counter())[("*", entry.name)] += 1
    return index


class _SurnameResolver:
    """A bare name -> (actor, rule): the full name in the same document, else the corpus.

    A surname resolves in its document when one person there carries it; failing that,
    a first name does ("Brittney" beside "Brittney Griner"); failing that, the surname
    resolves corpus-wide when one person holds :data:`SURNAME_DOMINANCE` of its uses and
    the word is not also somebody's first name ("Paul").
    """

    def __init__(
        self, surnames: dict[str, Counter], firsts: dict[str, Counter], gaz: Gazetteer
    ) -> None:
        self.surnames, self.firsts, self.gaz = surnames, firsts, gaz
        self.marks: Mapping[tuple[str, str], str] = {}
        self.fuzzy = memo(self._fuzzy)
        self.blocks: dict[str, list[str]] = {}
        for key in surnames:
            self.blocks.setdefault(key[:2], []).append(key)

    def __call__(self, name: str, doc: str, mark: str = "") -> tuple[str, str] | None:
        token, rule = fold(name), ""
        if token not in self.surnames and token.endswith("s"):
            entry = self.gaz.lookup(token[:-1])
            if entry is not None and entry.type == "PERSON":
                return entry.name, "possessive+gazetteer"
            if token[:-1] in self.surnames:
                token, rule = token[:-1], "possessive"
        keys = self.fuzzy(token) or ()
        in_doc = {a for k in keys for (d, a) in self.surnames[k] if d == doc}
        if mark and in_doc:  # "Mrs Tal": not a Tal the document marks as a man
            in_doc = genders.pick(in_doc, doc, mark, self.marks)
            if not in_doc:
                return None
        if len(in_doc) == 1:
            return in_doc.pop(), chain(rule, "surname in document")
        first = {a for (d, a) in self.firsts.get(token, ()) if d == doc}
        if not in_doc and len(first) == 1:
            return first.pop(), chain(rule, "first name in document")
        if in_doc or first or not keys or token in self.firsts:
            return None
        return self._corpus_wide(keys, rule, mark, exact=token in keys)

    def _corpus_wide(
        self, keys: tuple[str, ...], rule: str, mark: str = "", *, exact: bool = True
    ) -> tuple[str, str] | None:
        totals: Counter = Counter()
        docs: dict[str, set[str]] = {}
        for key in keys:
            for (doc, actor), n in self.surnames[key].items():
                totals[actor] += n
                docs.setdefault(actor, set()).add(doc)
        (best, n), total = totals.most_common(1)[0], sum(totals.values())
        if not exact and "*" not in docs[best] and len(docs[best]) < MIN_VARIANT_DOCS:
            return None  # "Grimmy" is no "Ada Grimm" one article names
        if mark and any(self.marks.get((d, best), mark) != mark for d in docs[best]):
            return None  # "Mrs Grimm" is no "Ivo Grimm" another article marks a man
        if len(totals) == 1 or n >= SURNAME_DOMINANCE * total:
            return best, chain(rule, "surname in corpus")
        return None

    def _fuzzy(self, token: str) -> tuple[str, ...] | None:
        if token in self.surnames:
            return (token,)
        if len(token) < 5:
            return None
        block = self.blocks.get(token[:2], [])
        keys = tuple(
            k
            for k in block
            if (fuzz.ratio(k, token) >= 90 or names.same_spelling(k, token))
            and not genders.other_sex_forms(k, token)
        )
        return keys or None


def _first_name_index(full: pd.DataFrame) -> dict[str, Counter]:
    """Folded first name -> Counter of (doc_id, actor) -> mentions."""
    index: dict[str, Counter] = {}
    for doc_id, actor in zip(full["doc_id"].tolist(), full["actor"].tolist(), strict=True):
        first = fold(actor).split(" ")[0]
        if not names.is_title(first):
            index.setdefault(first, Counter())[(doc_id, actor)] += 1
    return index


def _variant_targets(actors: pd.Series, gaz: Gazetteer) -> dict[str, tuple[str, str]]:
    """Name -> (name it merges into, rule) for spelling variants, commonest name first."""
    # Blocks by the last word's first letters, and by whether the name has a space: a
    # name with one is never a variant of a name without (see _variant).
    reps: dict[tuple[str, bool], list[tuple[str, str]]] = {}
    for entry in gaz.entries.values():
        if entry.type == "PERSON":
            for surface in entry.surfaces:
                key = (_block(surface), " " in surface.strip())
                reps.setdefault(key, []).append((surface, entry.name))
    targets: dict[str, tuple[str, str]] = {}
    for name in actors.value_counts().index.tolist():
        block = reps.get((_block(name), " " in name), [])
        match = next((r for r in block if r[0] != name and _variant(name, r[0])), None)
        if match is None:
            reps.setdefault((_block(name), " " in name.strip()), []).append((name, ""))
        elif match[1]:
            targets[name] = (match[1], "spelling variant+gazetteer")
        else:
            targets[name] = (match[0], "spelling variant")
    return targets


def _block(name: str) -> str:
    return names.last_token(name)[:2]


def _variant(name: str, other: str) -> bool:
    if (" " in name) != (" " in other.strip()):
        return False
    if " " not in name:
        a, b = fold(name), fold(other)
        similar = fuzz.ratio(a, b) >= 90 or names.same_spelling(a, b)
        return len(name) >= 6 and similar and not genders.other_sex_forms(a, b)
    return names.same_person(name, other)


def memo(func):
    """Memoise a function of hashable arguments for one resolution run."""
    store: dict = {}

    def wrapper(*args):
        if args not in store:
            store[args] = func(*args)
        return store[args]

    return wrapper


def chain(rule: str, step: str) -> str:
    """Append a rule to a mention's chain of rules: ``chain("title", "gazetteer")``."""
    return f"{rule}+{step}" if rule else step
