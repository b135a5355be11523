"""Quotation marks: where the words inside them start and end.

A pure function of the text, used by :mod:`workbench.actors.quotes` to find direct
quotations and to keep the speaker rules from reading words inside quotation marks.
"""

from __future__ import annotations

import re


def quoted_stretches(text: str) -> list[tuple[int, int]]:
    """Offsets of the words inside quotation marks, in text order.

    A mark opens after a space or bracket and before a word, closes after a word and before
    a space or punctuation; an apostrophe inside a word does neither. A double mark between
    a stop and a word with no space ('means."Clinton') closes an open quotation, else opens
    one. A quotation left open
    (a quoted paragraph whose next paragraph opens with a mark again) runs to that next
    opening mark. Single-quoted stretches inside double-quoted ones are not their own.

    Example:
        >>> text = 'She said "we will stay here" and left.'
        >>> [text[lo:hi] for lo, hi in quoted_stretches(text)]
        ['we will stay here']
    """
    double = _marked(text, '"')
    single = [
        s for s in _marked(text, "'") if not any(lo < s[1] and s[0] < hi for lo, hi in double)
    ]
    return sorted(double + single)


def _marked(text: str, mark: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    open_at = None
    for m in re.finditer(mark, text):
        p = m.start()
        before = text[p - 1] if p else " "
        after = text[p + 1] if p + 1 < len(text) else " "
        opens = (before.isspace() or before in "([{:;,-\u2014") and not after.isspace()
        closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}-\u2014\u2026")
        if before in ".!?," and after.isalpha() and mark == '"':
            # 'means."Clinton said': a mark between a stop and a word, no space either side,
            # closes a quotation that is open, else opens one ('said."We will')
            opens, closes = open_at is None, open_at is not None
        if before.isalnum() and after.isalnum() or opens == closes:
            continue
        if opens:
            if open_at is not None:
                end = _introduced(text, open_at, p)
                out.append((open_at, _mismatched_end(text, mark, open_at, end)))
            open_at = p + 1
        elif open_at is not None:
            out.append((open_at, p))
            open_at = None
    if open_at is not None:
        out.append((open_at, _mismatched_end(text, mark, open_at, len(text))))
    return [(lo, _paragraph_end(text, lo, hi)) for lo, hi in out if hi > lo]


#: For each mark, a closing mark of the other kind: after a word and before a stop
#: ("language'."), or after a stop ("language.'").
_CLOSING = {
    mark: re.compile(r"\w" + other + r"(?=[.,;:!?](?:\s|$))|[.,!?]" + other + r"(?=\s|$)")
    for mark, other in (('"', "'"), ("'", '"'))
}


def _mismatched_end(text: str, mark: str, lo: int, hi: int) -> int:
    """Where a quotation left open ends: at a closing mark of the other kind, if any.

    '"... the same language'. Tal left.': a writer who closes with the wrong mark closes
    all the same, where that mark ends a sentence or a clause (so not the apostrophe of
    "the soldiers' kit").
    """
    found = _CLOSING[mark].search(text, lo, hi)
    return found.start() + 1 if found else hi


#: The last full stop of a sentence before a clause that ends in a colon.
_INTRODUCTION = re.compile(r"[.!?](?=\s+[A-Z][^.!?\"]{0,120}:\s*$)")


def _introduced(text: str, lo: int, p: int) -> int:
    """Where a quotation left open ends before the mark at ``p`` opens another one.

    At that mark, unless a sentence of its own introduces it: '"... their crimes.
    Concluding, Tal added: "This is ...': the open one ends after "crimes.", and the
    words between are no one's quotation.
    """
    found = _INTRODUCTION.search(text, max(lo, p - 140), p)
    return found.end() if found else p


def _paragraph_end(text: str, lo: int, hi: int) -> int:
    cut = text.find("\n", lo, hi)
    return hi if cut < 0 else cut
