"""Events the model takes for people: names written before the kind of event they name.

"the Vostra protests", "the Orsa street protests", "the Vela revolution": a one-word
"person" after "the" and before a noun that names a happening (with at most two
lower-case words between, "street", "anti-corruption") names the event or the place it
happened, never a person ("the Dorin administration" is a person's, so "administration"
is no event noun; "the Dorin war" is left alone when "Dorin" is the surname of anybody's
full name). Every untitled one-word person span of that name in the document is dropped;
in every document once :data:`MIN_EVENT_DOCS` documents write it so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

import pandas as pd

from workbench.actors import names
from workbench.actors.gazetteer import fold
from workbench.actors.people import chain

#: Nouns that name a happening after a name ("the Vostra protests"), beyond the
#: :data:`names.EVENT_HEADS` that also end events' own names.
EVENT_NOUNS = (
    names.EVENT_HEADS
    | frozenset(
        """protest protests demonstration demonstrations rally rallies riot riots unrest
        revolt rebellion coup occupation""".split()
    )
) - frozenset(("day", "week", "act", "deal", "scheme", "doctrine", "award", "awards", "prize"))
#: Documents that must write a name as an event before it is one in every document.
MIN_EVENT_DOCS = 2
_THE_BEFORE = re.compile(r"(?<![\w-])[Tt]he\s+$")


def events_named_like_people(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """Drop one-word "people" a document writes as "the X <event noun>".

    See the module docstring for what counts and what is left alone.

    Args:
        work: The working table of :func:`workbench.actors.resolve.resolve`.
        texts: ``doc_id -> text``.
    """
    if work.empty:
        return
    live = ~work["dropped"] & (work["atype"] == "PERSON")
    spaced = work["actor"].str.contains(" ", regex=False)
    surnames = {names.last_token(a) for a in work.loc[live & spaced, "actor"].unique()}
    one = live & ~spaced & (work["gaz_id"] == "") & ~work["titled"].astype(bool)
    rows = work.loc[one, ["doc_id", "start", "end", "actor"]]
    found: set[tuple[str, str]] = set()
    for doc, start, end, actor in rows.itertuples(index=False):
        key = fold(actor)
        if key in surnames or (doc, key) in found:
            continue
        text = texts.get(doc, "")
        if _THE_BEFORE.search(text, max(0, start - 5), start) and _event_after(text, end):
            found.add((doc, key))
    if not found:
        return
    docs = Counter(key for _, key in found)
    hit = [
        i
        for i, d, a in zip(rows.index, rows["doc_id"], rows["actor"], strict=True)
        if (d, fold(a)) in found or docs[fold(a)] >= MIN_EVENT_DOCS
    ]
    work.loc[hit, "dropped"] = True
    work.loc[hit, "actor"] = ""
    work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "event, not person") for i in hit]


def _event_after(text: str, end: int) -> bool:
    """Whether an event noun follows ``end``, after at most two lower-case modifiers.

    A modifier is no function word and no verb's form ("the Vostra street protests";
    not "the Vostra said protests", "the Vostra of the war").
    """
    m = _WORDS_AFTER.match(text, end)
    if m is None:
        return False
    for word in m.group().split():
        if word in EVENT_NOUNS:
            return True
        if word in _NOT_MODIFIERS or word.endswith("ed"):
            return False
    return False


_WORDS_AFTER = re.compile(r"(?:\s+[a-z][a-z-]*(?![\w'\u2019])){1,3}")
_NOT_MODIFIERS = names.FUNCTION_WORDS | frozenset(
    """is are was were has have had says said will would could can may might must do does
    did not""".split()
)
