"""Rules that judge a span by the words around it, not by its name alone.

spaCy's small model labels a span from a narrow window and knows no names; the words
around a span settle many of its errors the same way in any corpus:

- **page furniture**: a credit line ("... contributed to this report", or after a news
  agency's rule: "___ Jo Bell in Vetria contributed."), a photo credit ("(AP
  Photo/...)", "(Jo Bell/Kanal via AP)") or a prompt ("Follow ... on Facebook", "Sign
  up to ...", "___ Follow our coverage at https://...", "Want all the latest news from
  Vetria?", "Follow the latest updates on Vetria in our live blog") names no actor of
  the story;
- **a document's title**: "Geneva" in "the Geneva Conventions", "Paris" in "the Paris
  Agreement" is part of the name of a treaty, not a place;
- **a work's title**: "Kell" in the quoted title "Kell's Gambit: The Plot to Rule
  Vetria" is a word of a book's, a film's or a report's name, not an actor;
- **a platform as a medium**: "in a Telegram post", "on Facebook", "his YouTube channel"
  say where something was published, not who acted;
- **a product's designation**: a name ending in a model number ("MiG-29", "COVID-19"),
  carrying a one-letter suffix ("IRIS-T") or right after a model code ("S-300PM2
  Favorit") names a weapon, a vehicle or a disease, not an actor; so does an
  organisation's name before a number ("an Orsa A320", "Vetria 2024"): a maker's model,
  a series or an event;
- **a place by its frame**: a "person", organisation or site in "the town of X", "the
  villages of W and X", "towns like X", "X district" is a place the place index does not
  list; so is a one-word "person" right after "in", "near" or "into" ("fighting near
  X"), unless a possessive follows ("in X's speech").

Each function takes the working table's columns as lists and the documents' texts and
returns, per span, the reason it applies (empty when it does not).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

#: Where page furniture may be: each hit is grown to the furniture around it.
_FURNITURE_CUES = re.compile(
    r"contributed (?:reporting )?to (?:this|the) (?:report|story|article)"
    r"|\b(?:Photos?|Images|Pictures)\b|\b(?:Follow|Like) |\bSend your |\bSign up (?:for|to) "
    r"|\u2022|___|\bWant (?:all )?the latest |\bHave an opinion on "
)
#: What a news agency puts after its rule ("___"): a link to its coverage or a credit.
_AFTER_RULE = re.compile(
    r"___\s+(?:Follow\b[^\n_]{0,120}?https?://\S+"
    r"|[^\n_]{0,250}?\bcontributed\b[^.!?\n_]{0,40}[.!?]?)"
)
_PROMPT = re.compile(
    r"(?:Follow|Like) [^.!?\n]{0,80}\bon (?:Facebook|Twitter|Instagram|Threads|TikTok)\b[^.!?\n]*"
    r"|Send your (?:story ideas|stories|tips)\b[^\n]*?(?=\s[A-Z]|$)"
    r"|Sign up (?:for|to) [^.!?\n]*"
    r"|Follow the latest (?:updates|news)\b[^.!?\n]{0,100}?\blive blog\b"
    r"|Want (?:all )?the latest [^.!?\n]{0,80}\?"
    r"|Have an opinion on [^.!?\n]{0,80}\?(?: Please email us\b[^.!?\n]*[.!?]?)?"
)
_SENTENCE_END = ".!?\n"
#: A photo credit in brackets by its form alone: a photographer's name of two words or
#: more and an agency joined by a slash ("(Ivo Brandt/Vetria Press)", "(Ivo
#: Brandt/Kanal via AP)"; not a dateline's "(Kanal/AP)"), or capitalised words ending in
#: "via" and an agency ("(Orsa Labs via AP)").
_NAME_WORD = r"[A-Z][\w.'\u2019&-]*"
_CREDIT = re.compile(
    rf"\(\s*{_NAME_WORD}(?: {_NAME_WORD}){{1,5}}"
    rf"(?:\s?/\s?{_NAME_WORD}(?: {_NAME_WORD}){{0,5}})+"
    rf"(?:\s+via\s+{_NAME_WORD}(?: {_NAME_WORD}){{0,3}})?\)"
    rf"|\(\s*{_NAME_WORD}(?: {_NAME_WORD}){{0,5}}\s+via\s+{_NAME_WORD}(?: {_NAME_WORD}){{0,3}}\)"
)
#: Substrings one of which every cue holds (a fast test before the regex).
_CUE_WORDS = (
    "contributed",
    "Photo",
    "Images",
    "Pictures",
    "Follow ",
    "Like ",
    "Send your",
    "Want ",
    "Have an opinion",
    "Sign up",
    "\u2022",
    "___",
)
#: A letters page's signature before its bullet: "... they said. Jane Doe, Bristol \u2022".
_SIGNATURE = re.compile(r"[A-Z][^.!?\u2022\n]{0,60}$")


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
#: A name listed before another in a frame ("the villages of Zorka and ...").
_LISTED = r"(?-i:[A-Z][\w'\u2019-]*(?:\s[A-Z][\w'\u2019-]*)?)\s+(?:and|or)\s+"
#: Frames that make a name a place ("the town of X", "the villages of X and Y", "X district").
_PLACE_BEFORE = re.compile(
    r"\b(?:towns?|city|cities|village|villages|settlements?|region|province|district|oblast"
    r"|outskirts|port|suburbs?)\s+(?:of|like|such as|including)\s+(?:" + _LISTED + r")?$"
    r"|\b(?:in|near|outside|around|towards?)\s+the\s+(?:town|city|village|settlement)\s+of\s+$",
    re.IGNORECASE,
)
_PLACE_AFTER = re.compile(
    r"^\s+(?:village|town|district|region|oblast|raion|province|county)\b", re.IGNORECASE
)


#: A model number ending a name: letters, a hyphen, digits ("MiG-29", "Su-25", "S-400").
_MODEL_NUMBER = re.compile(r"(?<![\w-])[^\W\d_]+-\d+[^\W\d_]?$")
#: A one-letter designation joined to a name ("IRIS-T", "Tochka-U").
_LETTER_SUFFIX = re.compile(r"-[A-Z](?![\w-])")
#: A model code right before a name ("S-300PM2 Favorit", "TOS-1A Solntsepek").
_CODE_BEFORE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*-\d+[A-Za-z\d]* $")


#: A number of two digits or more right after a name, no quantity ("Orsa A320-200",
#: "Kestrel 787", "Vetria 2024"): with it the name is a model's, a series' or an event's.
NUMBER_AFTER = re.compile(
    r"\s[A-Z]{0,3}\d{2,}(?:-\d+)?(?![\w.,%]\d|\s*(?:%|per\b|percent|million|billion|trillion"
    r"|thousand|bn\b|m\b|years?\b|months?\b|weeks?\b|days?\b|hours?\b|people\b|times\b"
    r"|members\b|countries\b|of\b))(?=[\s,.;:)]|$)"
)


def is_product(text: str, start: int, end: int, name: str) -> bool:
    """Whether a span names a product by its designation, not an actor.

    Args:
        text: The document.
        start: The span's first character.
        end: The character after the span.
        name: The span's cleaned name.
    """
    if "-" in name and _MODEL_NUMBER.search(name):
        return True
    if text[end : end + 1] == "-" and _LETTER_SUFFIX.match(text, end):
        return True
    before = text[max(0, start - 20) : start]
    return before.endswith(" ") and "-" in before and bool(_CODE_BEFORE.search(before))


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of a text that are page furniture.

    A credit line ("... contributed to this report", "___ Jo Bell in Vetria
    contributed."), a photo credit in brackets ("(AP Photo/...)"), a prompt ("Follow ...
    on Facebook", "Sign up to ...", "Send your story ideas to ...", "___ Follow our
    coverage at https://...") and a letters page's signature ("Jane Doe, Bristol
    \u2022"). Found from a few cue words, each grown to its sentence, brackets or rule:
    linear in the text.
    """
    out: list[tuple[int, int]] = []
    if "(" in text and ("/" in text or " via " in text):
        out.extend(m.span() for m in _CREDIT.finditer(text))
    cues = _cues(text)
    if not cues:  # most texts: no regex scan at all
        return out
    for at, word, end in cues:
        if word.startswith("contributed"):
            out.append((_sentence_start(text, at), _sentence_end(text, end)))
        elif word == "\u2022":
            head = _SIGNATURE.search(text, max(0, at - 62), at)
            before = text[: head.start()].rstrip() if head else ""
            if head and (not before or before[-1] in ".!?\"'\u201d)"):
                out.append((head.start(), at + 1))
        elif word in ("Photo", "Photos", "Images", "Pictures"):
            opened = text.rfind("(", max(0, at - 80), at)
            closed = text.find(")", end, end + 80)
            if opened >= 0 and closed >= 0 and ")" not in text[opened:at]:
                out.append((opened, closed + 1))
        elif word == "___":
            if m := _AFTER_RULE.match(text, at):
                out.append(m.span())
        elif m := _PROMPT.match(text, at):
            out.append(m.span())
    return out


def _cues(text: str) -> list[tuple[int, str, int]]:
    """``(start, cue, end)`` of every furniture cue, as :data:`_FURNITURE_CUES` finds them.

    Each cue word is looked for with ``str.find`` (fast) and checked by the pattern where
    it stands; the regex never scans a whole text.
    """
    found = []
    for word in _CUE_WORDS:
        at = text.find(word)
        while at >= 0:
            m = _FURNITURE_CUES.match(text, at)
            if m is not None:
                found.append((at, m.group(), m.end()))
            at = text.find(word, at + 1)
    if len(found) > 1:
        found.sort()
        kept, last_end = [], -1
        for cue in found:  # the pattern's matches never overlap: the leftmost wins
            if cue[0] >= last_end:
                kept.append(cue)
                last_end = cue[2]
        found = kept
    return found


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(ch, 0, at) for ch in _SENTENCE_END) + 1


def _sentence_end(text: str, at: int) -> int:
    ends = [i for i in (text.find(ch, at) for ch in _SENTENCE_END) if i >= 0]
    return min(ends) if ends else len(text)


def context_reasons(
    doc_ids: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    names: Sequence[str],
    labels: Sequence[str],
    texts: Mapping[str, str],
    known: Sequence[bool] | None = None,
) -> list[str]:
    """Per span, the reason the context rules it out, or ``""``.

    A reason: ``"page furniture"``, ``"document title"``, ``"work title"``, ``"platform"``,
    ``"product"`` or ``"numbered name"``.

    ``known`` marks the spans the gazetteer names: never judged products ("G-7").
    """
    if known is None:
        known = [False] * len(doc_ids)
    furniture: dict[str, list[tuple[int, int]]] = {}
    out = []
    doc_now, text, found = None, "", []
    for doc, start, end, name, label, listed in zip(
        doc_ids, starts, ends, names, labels, known, strict=True
    ):
        if doc != doc_now:  # spans come grouped by document: look each one up once
            doc_now, text = doc, texts.get(doc, "")
            if doc not in furniture:
                furniture[doc] = furniture_spans(text)
            found = furniture[doc]
        if found and any(a <= start and end <= b for a, b in found):
            out.append("page furniture")
        elif label in _TITLED_LABELS and DOCUMENT_WORDS.match(text, end):
            out.append("document title")
        elif _quote_before(text, start) and in_quoted_title(text, start, end):
            out.append("work title")
        elif name.casefold() in PLATFORMS and _as_medium(text, start, end):
            out.append("platform")
        elif not listed and is_product(text, start, end, name):
            out.append("product")
        elif not listed and label == "ORG" and NUMBER_AFTER.match(text, end):
            out.append("numbered name")
        else:
            out.append("")
    return out


_TITLED_LABELS = frozenset(("GPE", "LOC", "ORG", "FAC"))


def _quote_before(text: str, start: int) -> bool:
    """A fast test: a double quote within the 80 characters before ``start``."""
    return text.find('"', max(0, start - 80), start) >= 0 or (
        text.find("\u201c", max(0, start - 80), start) >= 0
    )


def _as_medium(text: str, start: int, end: int) -> bool:
    return bool(
        _MEDIUM_BEFORE.search(text[max(0, start - 40) : start])
        or _MEDIUM_AFTER.match(text[end : end + 30])
    )


def framed_as_place(text: str, start: int, end: int, *, after: bool = True) -> bool:
    """Whether the words around a span frame it as a place ("the village of X", "X district").

    Args:
        text: The document.
        start: The span's first character.
        end: The character after the span.
        after: Whether a noun after the span ("X district") counts: "the Arctic region"
            is a region, but not one with a government.
    """
    return bool(
        _PLACE_BEFORE.search(text[max(0, start - 75) : start])
        or (after and _PLACE_AFTER.match(text[end : end + 20]))
    )


_LOCATIVE_BEFORE = re.compile(r"(?<![\w-])(?:in|near|outside|around|towards?|into)\s+$")
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s?\b")


def after_locative(text: str, start: int, end: int) -> bool:
    """Whether a span follows a preposition of place ("in X", "near X", "into X").

    Not when a possessive follows it ("in X's speech" is about a person).
    """
    return (
        _LOCATIVE_BEFORE.search(text, max(0, start - 12), start) is not None
        and _POSSESSIVE_AFTER.match(text, end) is None
        and not text[start:end].endswith(("'s", "\u2019s"))
    )


#: Words a title keeps in lower case ("Plan to Defeat the Fleet").
_TITLE_SMALL = frozenset("a an the of to and or in on at for with by from as vs nor but".split())
_CLOSE = {'"': '"', "\u201c": "\u201d"}


def in_quoted_title(text: str, start: int, end: int) -> bool:
    """Whether a span lies inside, and is less than, a quoted title of four words or more.

    A title: every word capitalised but small ones ("of", "to"), three capitalised at
    least, and a phrase, not a string of names: a small word or a colon in it ("Dear
    President Ivo Brandt" is a greeting). No exclamation ("Glory to Vetria!" is a cry).
    The opening mark is the last double quote within 80 characters before the span, an
    opening one by its shape or by the even number of straight quotes before it.
    """
    window = text[max(0, start - 80) : start]
    opened = max(window.rfind('"'), window.rfind("\u201c"))
    if opened < 0:
        return False
    mark = window[opened]
    opened += max(0, start - 80)
    if mark == '"' and text.count('"', 0, opened) % 2:
        return False  # a closing mark
    closed = text.find(_CLOSE[mark], end, end + 100)
    if closed < 0 or "\n" in text[opened:closed]:
        return False
    stretch = text[opened + 1 : closed].strip(" ,.")
    if "!" in stretch or (opened + 1 == start and closed == end):
        return False
    words = stretch.split()
    capitals = sum(w[:1].isupper() for w in words)
    return (
        len(words) >= 4
        and capitals >= 3
        and all(w[:1].isupper() or w[:1].isdigit() or w in _TITLE_SMALL for w in words)
        and (":" in stretch or any(w in _TITLE_SMALL for w in words))
    )
