"""Small pure text cleaners, ``str -> str``, composed into :func:`clean_characters`.

Each function does one thing and is safe on any input (an empty string stays
empty). They work at the level of characters and words; taking page chrome,
bylines and tags out of an article is :mod:`workbench.corpus.normalise`'s job.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Sequence

# ----------------------------------------------------------------------------- characters

_ENTITY = re.compile(r"&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")


def unescape_entities(text: str) -> str:
    """Turn HTML entities (``&amp;``, ``&#8217;``, ``&nbsp;``) into characters."""
    if "&" not in text or not _ENTITY.search(text):
        return text
    return html.unescape(text)


def _continuation_chars(*codecs: str) -> set[str]:
    """What UTF-8 continuation bytes (0x80-0xBF) look like when read with ``codecs``."""
    return {ch for codec in codecs for ch in bytes(range(0x80, 0xC0)).decode(codec, "ignore")}


# A UTF-8 lead byte and a continuation byte as they read when UTF-8 was decoded with the
# wrong codec: latin-1 or cp1252 (``Ã©``, ``â€™``, ``Ð\x9f``, ``ÐŸ``) or cp1251 (``РџСѓ``).
# Correct text rarely has such a pair. Ukrainian letters are left out of the second
# character (``Рівне``, ``Січ`` are words); any real Cyrillic mojibake has other pairs too.
_LEADS = "\u00c2-\u00f4РСТ"
_CONTINUATIONS = _continuation_chars("latin-1", "cp1252", "cp1251") - set("іїєґІЇЄҐ")
_MOJIBAKE = re.compile(f"[{_LEADS}][{re.escape(''.join(sorted(_CONTINUATIONS)))}]")


def repair_mojibake(text: str) -> str:
    r"""Repair UTF-8 text that was decoded with the wrong codec.

    ``â€™`` -> ``’``, ``Ã‰lysÃ©e`` -> ``Élysée``, ``Ð\x9fÑ\x83Ñ\x82Ð¸Ð½`` and
    ``РџСѓС‚РёРЅ`` -> ``Путин``. ASCII text returns at once; otherwise one regex scan looks
    for the byte pairs such text shows, and only where one appears does ftfy judge the
    text (:func:`ftfy.badness.is_bad`) and repair its encoding (:func:`ftfy.fix_encoding`,
    nothing else). Correct text, in any script, comes back unchanged.
    """
    if text.isascii() or not _MOJIBAKE.search(text):
        return text
    import ftfy  # light, but only needed for the rare broken text
    from ftfy.badness import is_bad

    return ftfy.fix_encoding(text) if is_bad(text) else text


def normalize_unicode(text: str) -> str:
    """Compose characters to Unicode NFC (``e`` + combining accent -> ``é``)."""
    return unicodedata.normalize("NFC", text)


_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def remove_zero_width(text: str) -> str:
    """Delete zero-width spaces and joiners, word joiners, BOMs and soft hyphens."""
    return _ZERO_WIDTH.sub("", text)


_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
    }
)


_QUOTE_CHARS = re.compile("[" + "".join(chr(c) for c in _QUOTES) + "]")


def straighten_quotes(text: str) -> str:
    """Replace curly, angled and prime quotes with ``"`` and ``'``."""
    return _QUOTE_CHARS.sub(lambda m: m.group().translate(_QUOTES), text)


_HYPHENS = str.maketrans(
    {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-", "\u2015": "\u2014"}
)
_HYPHEN_CHARS = re.compile("[\u2010\u2011\u2012\u2212\u2015]")
_EN_DASH_JOIN = re.compile(r"(?<=\w)\u2013(?=\w)")


def normalize_dashes(text: str) -> str:
    """Unify dashes: hyphen-likes and in-word en dashes become ``-``, the rest ``—``.

    ``non‑stop`` -> ``non-stop``, ``2014–2022`` -> ``2014-2022``, ``peace – or not`` ->
    ``peace — or not``.
    """
    if _HYPHEN_CHARS.search(text):
        text = text.translate(_HYPHENS)
    if "\u2013" not in text:
        return text
    text = _EN_DASH_JOIN.sub("-", text)
    return text.replace("\u2013", "\u2014")


_SPACES = re.compile(
    r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
)
_ODD_SPACES = re.compile("[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_ODD_BREAKS = re.compile("[\u2028\u2029\x0b\x0c\x85]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_BLANK_RUN = re.compile(r"\n{3,}")


def normalize_whitespace(text: str) -> str:
    r"""Collapse spaces, trim lines, unify line breaks, keep paragraph breaks.

    NBSP, tabs and other spaces become one space; every line break becomes ``\n``;
    at most one blank line is kept between paragraphs.
    """
    if "\r" in text or _ODD_BREAKS.search(text):
        text = _NEWLINES.sub("\n", text)
    if "  " in text or _ODD_SPACES.search(text):
        text = _SPACES.sub(" ", text)
    if "\n" in text:
        text = "\n".join(line.strip() for line in text.split("\n"))
    return (_BLANK_RUN.sub("\n\n", text) if "\n\n\n" in text else text).strip()


# ----------------------------------------------------------------------------- words

# "U. S." -> "U.S.", "U. S. -Russia" -> "U.S.-Russia", "U. N." -> "U.N."
_SPACED_ABBREV = re.compile(r"(?<![\w.])((?:[A-Z]\. ){1,3}[A-Z]\.)(?: (?=-\w))?")
_KNOWN_ABBREVIATIONS = frozenset(
    {"U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "U.S.A.", "U.S.S.R.", "N.Y.", "L.A.", "U.A.E."}
)
_SPACED_ABBREV_HINT = re.compile(r"[A-Z]\. [A-Z]\.")
_CAPITALISED_WORD = re.compile(r" [A-Z][a-z]")


def join_spaced_abbreviations(text: str) -> str:
    """Close abbreviations broken by spaces: ``U. S.`` -> ``U.S.``.

    ``U. S. -Russia`` becomes ``U.S.-Russia``. Initials before a name (``J. R. Tolkien``)
    keep their spaces unless they spell a known abbreviation (``U. S. President``).
    """

    def fix(m: re.Match[str]) -> str:
        joined = m.group(1).replace(" ", "")
        if joined in _KNOWN_ABBREVIATIONS:
            return joined
        if _CAPITALISED_WORD.match(text, m.end(1)):
            return m.group(0)
        return joined

    if ". " not in text or not _SPACED_ABBREV_HINT.search(text):
        return text
    return _SPACED_ABBREV.sub(fix, text)


_GLUED_SENTENCE = re.compile(r"[.?!](?=[A-Z][a-z])")
_GLUED_COMMA = re.compile(r",(?=[a-z]{2})")
_GLUED_HONORIFIC = re.compile(r"\b(Dr|Mr|Mrs|Ms|Prof|Sen|Gen|Rep|Gov|Col|Lt|Sgt)\.(?=[A-Z][a-z])")


def _after_lowercase(n: int):
    """A replacement adding a space after the match when ``n`` lower-case letters precede it."""

    def add_space(m: re.Match[str]) -> str:
        before = m.string[max(0, m.start() - n) : m.start()]
        return (
            m.group() + " "
            if len(before) == n and before.isalpha() and before.islower()
            else m.group()
        )

    return add_space


def space_glued_sentences(text: str) -> str:
    """Put back the space lost between sentences and after commas and titles.

    ``talks?The`` -> ``talks? The``, ``ongoing,as`` -> ``ongoing, as``,
    ``Dr.Anya`` -> ``Dr. Anya``. Web addresses (``foxnews.com``) are untouched.
    """
    text = _GLUED_HONORIFIC.sub(r"\1. ", text)
    text = _GLUED_SENTENCE.sub(_after_lowercase(2), text)
    return _GLUED_COMMA.sub(_after_lowercase(1), text)


# ----------------------------------------------------------------------------- pipeline

Cleaner = Callable[[str], str]

#: The character-level cleaners, in the order :func:`clean_characters` applies them.
CHARACTER_CLEANERS: tuple[Cleaner, ...] = (
    unescape_entities,
    repair_mojibake,
    normalize_unicode,
    remove_zero_width,
    straighten_quotes,
    normalize_dashes,
    normalize_whitespace,
    join_spaced_abbreviations,
    space_glued_sentences,
)


def compose(cleaners: Sequence[Cleaner]) -> Cleaner:
    """Chain cleaners left to right into one ``str -> str`` function."""

    def run(text: str) -> str:
        for clean in cleaners:
            text = clean(text)
        return text

    return run


clean_characters: Cleaner = compose(CHARACTER_CLEANERS)
clean_characters.__doc__ = "Apply every cleaner in :data:`CHARACTER_CLEANERS`, in order."
