"""Rules that judge a span by the words around it, not by its name alone.

spaCy's small model labels a span from a narrow window and knows no names; the words
around a span settle many of its errors the same way in any corpus:

- **page furniture**: a credit line ("... contributed to this report"), a photo credit
  ("(AP Photo/...)") or a prompt ("Follow ... on Facebook", "Sign up to ...") names no
  actor of the story;
- **a document's title**: "Geneva" in "the Geneva Conventions", "Paris" in "the Paris
  Agreement" is part of the name of a treaty, not a place;
- **a platform as a medium**: "in a Telegram post", "on Facebook", "his YouTube channel"
  say where something was published, not who acted;
- **a place by its frame**: a one-word "person" in "the town of X", "the village of X",
  "towns like X", "X district" is a place the place index does not list.

Each function takes the working table's columns as lists and the documents' texts and
returns, per span, the reason it applies (empty when it does not).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

#: Furniture of a news page, whose names are not actors of the story.
FURNITURE = re.compile(
    r"[^.!?\n]*\bcontributed (?:reporting )?to (?:this|the) (?:report|story|article)[^.!?\n]*"
    r"|\([^()\n]{0,80}\b(?:Photo|Photos|Images|Pictures)\b[^()\n]{0,80}\)"
    r"|\b(?:Follow|Like) [^.!?\n]{0,80}\bon (?:Facebook|Twitter|Instagram|Threads|TikTok)\b"
    r"[^.!?\n]*"
    r"|\bSend your (?:story ideas|stories|tips)\b[^\n]*?(?=\s[A-Z]|$)"
    r"|\bSign up (?:for|to) [^.!?\n]*"
    # a letters page's signature: "... they said. Jane Doe, Bristol • Next letter"
    r"|(?<=[.!?\"'\u201d)])\s*[A-Z][^.!?\u2022\n]{0,60}\u2022"
)
#: Words that make the name before them a document's title ("the Geneva Conventions").
DOCUMENT_WORDS = re.compile(
    r"\s+(?:Agreements?|Declaration|Memorandum|Charter|Format|Formula|Communiqu[eé]"
    r"|(?i:conventions?|accords?|protocols?|treaty))\b"
)
#: Social platforms: a medium when the words around them say so.
PLATFORMS = frozenset(
    "facebook twitter instagram telegram youtube tiktok whatsapp vkontakte vk snapchat "
    "linkedin reddit weibo wechat threads".split()
) | {"truth social"}
_MEDIUM_BEFORE = re.compile(
    r"\b(?:on|via|to|in|through)\s+(?:(?:a|an|the|his|her|its|their|our|official|own)\s+)*$",
    re.IGNORECASE,
)
_MEDIUM_AFTER = re.compile(
    r"^(?:'s)?\s+(?:posts?|channel|account|page|video|feed|messages?|statement|stories|story"
    r"|live|handle|thread)\b",
    re.IGNORECASE,
)
#: Frames that make a one-word name a place ("the town of X", "X district").
_PLACE_BEFORE = re.compile(
    r"\b(?:towns?|city|cities|village|villages|settlements?|region|province|district|oblast"
    r"|outskirts|port|suburbs?)\s+(?:of|like|such as|including)\s+$"
    r"|\b(?:in|near|outside|around|towards?)\s+the\s+(?:town|city|village|settlement)\s+of\s+$",
    re.IGNORECASE,
)
_PLACE_AFTER = re.compile(
    r"^\s+(?:village|town|district|region|oblast|raion|province|county)\b", re.IGNORECASE
)


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of a text that are page furniture (see :data:`FURNITURE`)."""
    return [m.span() for m in FURNITURE.finditer(text)]


def context_reasons(
    doc_ids: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    names: Sequence[str],
    labels: Sequence[str],
    texts: Mapping[str, str],
) -> list[str]:
    """Per span: ``"page furniture"``, ``"document title"``, ``"platform"`` or ``""``."""
    furniture: dict[str, list[tuple[int, int]]] = {}
    out = []
    for doc, start, end, name, label in zip(doc_ids, starts, ends, names, labels, strict=True):
        text = texts.get(doc, "")
        if doc not in furniture:
            furniture[doc] = furniture_spans(text)
        if any(a <= start and end <= b for a, b in furniture[doc]):
            out.append("page furniture")
        elif label in ("GPE", "LOC", "ORG", "FAC") and DOCUMENT_WORDS.match(text, end):
            out.append("document title")
        elif name.casefold() in PLATFORMS and _as_medium(text, start, end):
            out.append("platform")
        else:
            out.append("")
    return out


def _as_medium(text: str, start: int, end: int) -> bool:
    return bool(
        _MEDIUM_BEFORE.search(text[max(0, start - 40) : start])
        or _MEDIUM_AFTER.match(text[end : end + 30])
    )


def framed_as_place(text: str, start: int, end: int) -> bool:
    """Whether the words around a span frame it as a place ("the village of X", "X district")."""
    return bool(
        _PLACE_BEFORE.search(text[max(0, start - 45) : start])
        or _PLACE_AFTER.match(text[end : end + 20])
    )
