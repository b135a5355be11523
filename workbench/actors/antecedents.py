"""Outlets a press noun refers back to: "the newspaper reported" after "the Daily Globe".

An article that has cited an outlet by name often cites it again by its press noun alone:
"..., according to the Daily Globe newspaper. ... According to the newspaper, she left";
"Mira Tal told the Harbour Post. ... Tal spoke to the conservative outlet". Such a noun,
with a citing cue around it (:func:`workbench.actors.citing.cited`), cites the outlet last
named before it, if that outlet was cited there and was named no more than
:data:`MAX_SENTENCES` sentences before. An outlet named in between, the article's own
among them, is the one the noun refers to, so it blocks the older one. Rules over the
sentence's words, no model.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

import pandas as pd

from workbench.actors import citing
from workbench.actors.outlets import DATE_WORDS
from workbench.actors.repeats import sentence_rows

#: How many sentences back the outlet a press noun refers to may be named.
MAX_SENTENCES = 12
#: "the newspaper", "the conservative outlet", "the British tabloid": a press noun after
#: "the" and up to two modifiers; not "the agency", "the channel" or "the network", which
#: name bodies, app channels and railways as often, nor "the newspaper Kanal" (named).
_BACK = re.compile(
    r"\b[Tt]he\s+(?:(?:[a-z][\w-]+|[A-Z][a-z]+(?:ian|ish|ese|ean|an|ch|ic|i)"
    # a country's initials or a hyphenated modifier: "the US broadcaster", "the
    # Kremlin-backed outlet"
    r"|US|UK|EU|U\.S\.|U\.K\.|[A-Z][\w.]*-[a-z][\w-]*)\s+){0,2}?"
    r"(?P<noun>newspaper|paper|(?:news\s+|media\s+)?outlet|broadcaster|tabloid|magazine|daily"
    r"|publication|news\s+agency|news\s+(?:web)?site|website)(?![\w-])"
)
#: A name right after the noun names the outlet itself: "the newspaper Kanal", "the
#: newspaper, Kanal, said" (not "according to the newspaper, Mira Tal said").
_NAME_NEXT = re.compile(
    r"^(?:\s+(?P<word>[A-Z\d][\w-]*)|,\s+[A-Z\d][\w-]*(?:\s+[A-Z\d][\w-]*){0,3}\s*[,.;)])"
)

#: An outlet named in a document: ``(doc_id, offset, actor, cited)``; ``cited`` is whether
#: it was cited where it is named.
Named = tuple[str, int, str, bool]


def referred(sentences: pd.DataFrame, named: Iterable[Named]) -> list[tuple[str, str, str]]:
    """Citations of outlets by the press noun that refers back to them.

    Args:
        sentences: The sentence table (``doc_id``, ``unit_id``, ``start``, ``text``, and
            ``counted`` when boilerplate is flagged), each document's in text order.
        named: Every outlet the documents name, their own included (``Named``).

    Returns:
        ``(doc_id, cited, sentence_id)`` rows.

    Example:
        >>> s = pd.DataFrame({"doc_id": ["d", "d"], "unit_id": ["d:1", "d:2"],
        ...     "start": [0, 30], "text": ["It fell, Kanal reported.", "It rose, the paper said."]})
        >>> referred(s, [("d", 9, "Kanal", True)])
        [('d', 'Kanal', 'd:2')]
    """
    by_doc: dict[str, list[Named]] = {}
    for item in sorted(named, key=lambda x: (x[0], x[1])):
        by_doc.setdefault(item[0], []).append(item)
    rows, order = [], {}
    for doc_id, sid, s0, text, keep in sentence_rows(sentences):
        starts = order.setdefault(doc_id, [])
        starts.append(s0)
        if not keep or doc_id not in by_doc:
            continue
        for m in _BACK.finditer(text):
            a, b = m.span("noun")
            nxt = _NAME_NEXT.match(text[b:])
            if nxt and not DATE_WORDS.fullmatch(nxt.group("word") or ""):
                continue
            if not citing.cited(text[max(0, a - 60) : a], text[b:], strong=False):
                continue
            outlet = _last_before(by_doc[doc_id], s0 + m.start(), starts)
            if outlet is not None:
                rows.append((doc_id, outlet, sid))
    return rows


def _last_before(named: list[Named], at: int, starts: list[int]) -> str | None:
    """The outlet named last before ``at`` if it was cited there, not too far back."""
    i = bisect_left([x[1] for x in named], at)
    if i == 0:
        return None
    _, offset, actor, cited = named[i - 1]
    back = len(starts) - bisect_left(starts, offset + 1)
    return actor if cited and back <= MAX_SENTENCES else None
