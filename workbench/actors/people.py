"""Resolution rules for people's names (used by :mod:`workbench.actors.resolve`).

- a bare surname is the full name met in the same document, else a first name in the
  same document ("Brittney" beside "Brittney Griner"), else the full name met across
  the corpus when one person holds :data:`SURNAME_DOMINANCE` of its uses and the word is
  nobody's first name;
- an apostrophe-less possessive ("Trumps disappointment") is the surname without its "s";
- spelling variants of one name merge, onto a gazetteer name where one matches;
- lower-case surnames ("lavrov") and possessives the model missed are found in the text.

Every function reads and writes whole columns of the working table, and memoises per
distinct name, so hundreds of thousands of mentions resolve in seconds.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping
from itertools import accumulate

import pandas as pd
from rapidfuzz import fuzz

from workbench.actors import genders, names
from workbench.actors.cues import word_trie
from workbench.actors.gazetteer import Gazetteer, fold

#: Share of a surname's mentions one full name must hold to claim it corpus-wide.
SURNAME_DOMINANCE = 0.9
#: A surname is safe to match in lower case when the corpus writes it capitalised at least
#: this many times as often, and in lower case at most :data:`LOWERCASE_MAX` times (a
#: common word such as "house" appears in lower case far more often).
LOWERCASE_RATIO = 0.2
LOWERCASE_MAX = 3


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
        return self._corpus_wide(keys, rule)

    def _corpus_wide(self, keys: tuple[str, ...], rule: str) -> tuple[str, str] | None:
        totals: Counter = Counter()
        for key in keys:
            for (_, actor), n in self.surnames[key].items():
                totals[actor] += n
        (best, n), total = totals.most_common(1)[0], sum(totals.values())
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


def recover(work: pd.DataFrame, texts: Mapping[str, str], counts: Counter) -> pd.DataFrame:
    """Lower-case surnames ("lavrov") and apostrophe-less possessives the model missed.

    Only in a document that names the person they stand for.
    """
    forms = _recoverable_forms(work, counts)
    if not forms:
        return work.iloc[:0]
    # Forms are single words, so at most one fits between word boundaries: one branch
    # per shared prefix finds the same words as trying every form in turn, far faster.
    pattern = re.compile(r"\b(" + word_trie(sorted(forms, key=len)[::-1]) + r")\b")
    covered = _covered(work)
    # A form counts only in a document that names its person ("the metallic gates" of
    # an article that never names Bill Gates are gates).
    live = work[~work["dropped"]]
    named: dict[str, set[str]] = {}
    for doc_id, actor in zip(live["doc_id"].tolist(), live["actor"].tolist(), strict=True):
        named.setdefault(doc_id, set()).add(actor)
    rows = []
    for doc_id, text in texts.items():
        for m in pattern.finditer(text):
            if covered.get(doc_id, _NOTHING).overlaps(m.start(), m.end()):
                continue
            if m.group(1)[0].isupper() and not _possessive_context(text, m):
                continue
            actor, rule = forms[m.group(1)]
            if actor not in named.get(doc_id, ()):
                continue
            rows.append(
                {
                    "doc_id": doc_id,
                    "start": m.start(),
                    "end": m.end(),
                    "surface": m.group(1),
                    "label": "PERSON",
                    "source": "model",
                    "gaz_id": actor if rule.endswith("gazetteer") else "",
                    "name": m.group(1),
                    "titled": False,
                    "rule": rule,
                    "actor": actor,
                    "atype": "PERSON",
                    "dropped": False,
                }
            )
    if not rows:  # an empty frame of objects would turn the columns it joins to objects
        return work.iloc[:0]
    return pd.DataFrame(rows, columns=work.columns)


def _recoverable_forms(work: pd.DataFrame, counts: Counter) -> dict[str, tuple[str, str]]:
    people = work.loc[~work["dropped"] & (work["atype"] == "PERSON"), "actor"].unique().tolist()
    by_key: dict[str, set[str]] = {}
    for actor in people:
        by_key.setdefault(names.last_token(actor), set()).add(actor)
    forms: dict[str, tuple[str, str]] = {}
    for key, actors in by_key.items():
        if len(actors) != 1 or len(key) < 5 or not key.isalpha():
            continue
        cap, actor = key.capitalize(), next(iter(actors))
        allowed = max(1.0, LOWERCASE_RATIO * counts[cap]) if counts[cap] >= 2 else 0
        if 0 < counts[key] <= min(LOWERCASE_MAX, allowed):
            forms[key] = (actor, "case-insensitive")
        if 0 < counts[cap + "s"] <= allowed:
            forms[cap + "s"] = (actor, "possessive")
    return forms


class _Covered:
    """The stretches of one document that spans cover: does a new stretch overlap one?"""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span starting before ``end`` ends after ``start``."""
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start


_NOTHING = _Covered([])


def _covered(work: pd.DataFrame) -> dict[str, _Covered]:
    """Document -> the stretches its rows cover (one pass over the table, no groupby)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    columns = (work[c].tolist() for c in ("doc_id", "start", "end"))
    for doc_id, start, end in zip(*columns, strict=True):
        spans.setdefault(doc_id, []).append((start, end))
    return {doc_id: _Covered(found) for doc_id, found in spans.items()}


def _possessive_context(text: str, m: re.Match) -> bool:
    """Possessive context ("Trumps disappointment"): a lower-case word follows, no "the" before."""
    after = text[m.end() : m.end() + 2]
    before = text[max(0, m.start() - 4) : m.start()].lower()
    return len(after) == 2 and after[0] == " " and after[1].islower() and before != "the "


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


_PARTICLES = frozenset("de da di del della van von der den le la al bin ben".split())
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w.'\u2019-]*\s+$")


def recover_surnames(work: pd.DataFrame, texts: Mapping[str, str]) -> pd.DataFrame:
    """Capitalised surnames the model missed ("Walker told viewers", "de Bretton-Gordon said").

    Only for a person the document names in full, whose surname (with its particles)
    no other person of the document shares, where no span covers it and no capitalised
    word stands right before it ("Johnnie Walker" is another name).
    """
    live = work[~work["dropped"] & (work["atype"] == "PERSON")]
    covered = _covered(work)
    rows = []
    for doc_id, part in live.groupby("doc_id"):
        text = texts.get(doc_id, "")
        forms = _surname_forms(set(part["actor"]))
        # as the document spells them too ("Malyar" of "Hanna Malyar", merged as "Maliar")
        actor_of = dict(zip(part["name"], part["actor"], strict=True))
        for form, name in _surname_forms(set(actor_of)).items():
            forms.setdefault(form, actor_of[name])
        for form, actor in forms.items():
            for start in standalone(text, form):
                end = start + len(form)
                before = text[max(0, start - 30) : start]
                if covered.get(doc_id, _NOTHING).overlaps(start, end) or _CAPITALISED_BEFORE.search(
                    before
                ):
                    continue
                rows.append(_surname_row(doc_id, start, end, form, actor))
    if not rows:
        return work.iloc[:0]
    return pd.DataFrame(rows, columns=work.columns)


def _surname_forms(actors: set[str]) -> dict[str, str]:
    """Surname (with its particles) -> the one full-named person of a document it belongs to."""
    forms: dict[str, set[str]] = {}
    for actor in actors:
        words = actor.split()
        if len(words) < 2 or not words[-1][:1].isupper():
            continue
        i = len(words) - 1
        while i > 1 and words[i - 1].lower() in _PARTICLES:
            i -= 1
        forms.setdefault(" ".join(words[i:]), set()).add(actor)
    return {form: next(iter(a)) for form, a in forms.items() if len(a) == 1 and len(form) >= 4}


def standalone(text: str, form: str) -> list[int]:
    r"""Where ``form`` stands alone in ``text``, in text order and never overlapping.

    Alone: no word character, apostrophe or hyphen right before it, no word character or
    hyphen right after it ("Walker" in "Walker's", not in "Walkers" or "Stone-Walker").
    The same starts as ``re.finditer(r"(?<![\w'\u2019-])FORM(?![\w-])", text)``, found
    with :meth:`str.find`: a pattern that opens with a look-behind is tried at every
    position of the text, which made this the slowest step of resolution.
    """
    out, size = [], len(form)
    at = text.find(form) if form else -1
    while at >= 0:
        before, after = text[at - 1 : at], text[at + size : at + size + 1]
        if not _joins(before, "_'\u2019-") and not _joins(after, "_-"):
            out.append(at)
            at = text.find(form, at + size)
        else:
            at = text.find(form, at + 1)
    return out


def _joins(char: str, marks: str) -> bool:
    """Whether ``char`` (one character, or none) is a word character or one of ``marks``."""
    return bool(char) and (char.isalnum() or char in marks)


def _surname_row(doc_id: str, start: int, end: int, surface: str, actor: str) -> dict:
    return {
        "doc_id": doc_id,
        "start": start,
        "end": end,
        "surface": surface,
        "label": "PERSON",
        "source": "model",
        "gaz_id": "",
        "name": surface,
        "titled": False,
        "rule": "surname",
        "actor": actor,
        "atype": "PERSON",
        "dropped": False,
    }
