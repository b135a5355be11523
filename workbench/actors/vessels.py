"""Ships the model takes for actors: names a flag or a ship's noun marks as a vessel's.

"the Panama-flagged Kestrel Star", "the cargo ship Orsa", "the superyacht Vela", "the
Fulmo S vessel": a name right after a flag ("X-flagged", with at most two lower-case
words that say what kind of ship between: "Malta-flagged bulk carrier Orsa"), right
after a ship's noun ("the tanker Orsa"), or between an article and a ship's noun ("the
Fulmo S vessel", where the model typed it a person), is a ship's name, whatever the
model typed it. A ship is no actor: every span of that name in the document is dropped.

Left alone: the gazetteer's names, except right after a flag ("the Vetria-flagged
Dorsk" is a ship even where a town is called Dorsk, and only that span); a plural noun
before the name ("the ships Vetria seized" opens a clause); "carrier" alone ("the
carrier Orsa" may be an airline); and a name that is a word of a person's full name in
the document ("the ship Brandt boarded" after "Ivo Brandt").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from workbench.actors.gazetteer import fold
from workbench.actors.people import chain

#: Nouns for a ship, in the singular: the name right after one is the ship's.
SHIP_NOUNS = (
    "ship|vessel|tanker|freighter|carrier|warship|cruiser|flagship|frigate|destroyer"
    "|corvette|submarine|yacht|superyacht|megayacht|icebreaker|tugboat|ferry|trawler|barge"
)
_LABELS = frozenset(("PERSON", "ORG", "GPE", "LOC", "FAC"))
#: A flag right before a name: "the Panama-flagged ", "Malta-flagged bulk carrier ".
_FLAG_BEFORE = re.compile(r"\w-flagged\s+(?:[a-z-]+\s+){0,2}$")
#: A ship's noun right before a name ("cargo ship ", "the tanker "); "aircraft carrier",
#: not an airline ("the carrier Orsa" may be one): "carrier" only after a kind of ship.
_NOUN_BEFORE = re.compile(
    rf"(?<![\w-])(?:(?:{SHIP_NOUNS.replace('|carrier', '')})"
    r"|(?:aircraft|bulk|vehicle|cargo|gas|grain)\s+carrier)\s+$",
    re.IGNORECASE,
)
#: An article before the name and a ship's noun after it: "the Fulmo S vessel".
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:[Tt]he|an?)\s+$")
_NOUN_AFTER = re.compile(rf"\s+(?:cargo\s+|grain\s+)?(?:{SHIP_NOUNS})\b(?!-)")
#: After a name, "flagship" is its owner's ("the Vetria Fleet flagship"): no ship's name.
_OWNERS_NOUN = re.compile(r"\s+flagship\b")


def ship_cue(text: str, start: int, end: int, *, listed: bool = False, person: bool = True) -> bool:
    """Whether the words around ``text[start:end]`` make it a ship's name.

    Args:
        text: The document.
        start: The span's first character.
        end: The character after the span.
        listed: The span is a gazetteer name: only a flag before it counts.
        person: The model typed the span a person: only then does a ship's noun after it
            count ("the Vetria Navy vessel" is the navy's).
    """
    before = text[max(0, start - 40) : start]
    if _FLAG_BEFORE.search(before):
        return True
    if listed:
        return False
    after = _NOUN_AFTER.match(text, end)
    if _NOUN_BEFORE.search(before):  # not a modifier of another ship ("flagship Vetria cruiser")
        return after is None
    return bool(
        person
        and after is not None
        and not _OWNERS_NOUN.match(text, end)
        and _ARTICLE_BEFORE.search(before[-5:])
    )


def ships(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """Drop every span of a name the document marks as a ship's (see the module docstring)."""
    if work.empty:
        return
    live = ~work["dropped"] & work["label"].isin(_LABELS) & (work["name"] != "")
    part = work.loc[live, ["doc_id", "start", "end", "name", "label", "gaz_id"]]
    people = part[(part["label"] == "PERSON") & part["name"].str.contains(" ", regex=False)]
    in_names = {
        (d, w)
        for d, n in zip(people["doc_id"], people["name"], strict=True)
        for w in fold(n).split()
    }
    found: set[tuple[str, str]] = set()
    for doc, start, end, name, label, gaz_id in part.itertuples(index=False):
        key = (doc, fold(name))
        if key in found or key in in_names:
            continue
        text = texts.get(doc, "")
        if ship_cue(text, start, end, listed=bool(gaz_id), person=label == "PERSON"):
            found.add(key)
    if not found:
        return
    hit = [
        i
        for i, d, n, g in zip(part.index, part["doc_id"], part["name"], part["gaz_id"], strict=True)
        if (d, fold(n)) in found
        and (not g or ship_cue(texts.get(d, ""), *work.loc[i, ["start", "end"]], listed=True))
    ]
    work.loc[hit, "dropped"] = True
    work.loc[hit, "actor"] = ""
    work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "ship, not actor") for i in hit]
