"""Recovery of people's mentions the model missed, in documents that name the person.

- :func:`recover`: a person's surname written in lower case ("lavrov"), and an
  apostrophe-less possessive ("Trumps disappointment"), where the corpus writes the surname
  capitalised far more often (:data:`LOWERCASE_RATIO`, :data:`LOWERCASE_MAX`);
- :func:`recover_surnames`: a capitalised surname on its own ("Walker told viewers",
  "de Bretton-Gordon said") of a person the document names in full;

and :func:`standalone`, where a name stands alone in a text. Only stretches no mention
covers yet are recovered, and each recovered mention is a new row of the working table of
:func:`workbench.actors.resolve.resolve`, already resolved to its person.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping
from itertools import accumulate

import pandas as pd

from workbench.actors import names
from workbench.actors.cues import word_trie

#: A surname is safe to match in lower case when the corpus writes it capitalised at least
#: this many times as often, and in lower case at most :data:`LOWERCASE_MAX` times (a
#: common word such as "house" appears in lower case far more often).
LOWERCASE_RATIO = 0.2
LOWERCASE_MAX = 3


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
