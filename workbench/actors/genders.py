"""Whom a document marks as a woman or a man: a courtesy title, or the pronoun that follows.

"Mrs Tal said" names a woman, so where a document names two people called Tal, the one
it marks as a woman ("Ms Mira Tal", "Mira Tal ... she") is meant. The marks come from
the document alone, never from a list of first names; with none, a name stays ambiguous.
Used by :mod:`workbench.actors.people`.

A surname's form may mark the sex too: Slavic surnames take a feminine ending
("Dorinov" and "Dorinova", "Varsky" and "Varskaya"), so a bare surname in one form is
never resolved onto a full name in the other (:func:`other_sex_forms`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from workbench.actors.cues import SPEECH, word_trie

#: Courtesy titles that mark a woman ("f") or a man ("m").
TITLES = {"mrs": "f", "ms": "f", "miss": "f", "madam": "f", "mme": "f", "mr": "m"}
_TITLE = re.compile(r"\b(Mrs|Ms|Miss|Madam|Mme|Mr)\.?\s+$")
_TITLE_IN = re.compile(r"^(Mrs|Ms|Miss|Madam|Mme|Mr)\.?\s")
#: A name's speech verb and the subject pronoun of what it reports: "Mira Tal, 40, said
#: she". (A pronoun further on may be another's: "told Dan Ek that she", "Dan Ek recalls
#: his alarm as she"; and "her", "him" may be objects.)
_PRONOUN = re.compile(
    r"(?:\s*,[^,.;:\"]{1,60},)?\s+(?:" + word_trie(SPEECH) + r")\s+(?:that\s+)?(she|he)\b"
)
_PRONOUNS = {"she": "f", "he": "m"}


def title_mark(text: str, surface: str, start: int) -> str:
    """The sex ("f" or "m") a courtesy title in or right before a mention marks, else ""."""
    m = _TITLE_IN.match(surface) or _TITLE.search(text, max(0, start - 8), start)
    return TITLES[m.group(1).lower()] if m else ""


#: Nouns of a role or a kin that only a woman ("f") or a man ("m") holds.
ROLES = {
    **dict.fromkeys(
        "spokeswoman chairwoman businesswoman congresswoman councilwoman actress "
        "waitress wife widow mother grandmother daughter sister girlfriend "
        "niece aunt queen princess duchess".split(),
        "f",
    ),
    **dict.fromkeys(
        "spokesman chairman businessman congressman councilman "
        "husband widower father grandfather son brother boyfriend "
        "nephew uncle king prince duke".split(),
        "m",
    ),
}
_ROLE = "|".join(sorted(ROLES, key=len, reverse=True))
#: A role right before a name: "spokeswoman Mira Tal", "her husband Dan Ek".
_ROLE_BEFORE = re.compile(r"(?i:\b(" + _ROLE + r"))\s+$")
#: A role in apposition right after a name: "Mira Tal, a mother of three,".
_ROLE_AFTER = re.compile(
    r"(?:,\s*\d{1,3})?,\s+(?:(?:a|an|the|his|her|their)\s+)?(?:(?!(?:and|or|but|who|whose|with|while)\b)[a-z][\w-]*\s+){0,2}?"
    r"(?i:(" + _ROLE + r"))(?![\w'\u2019-])"
)


def role_mark(text: str, start: int, end: int) -> str:
    """The sex ("f" or "m") a role noun next to a mention marks, else "".

    A role that only one sex holds right before the name ("spokeswoman Mira Tal",
    "her husband Dan Ek") or in apposition after it ("Mira Tal, a mother of three");
    "" where the two disagree.
    """
    found = set()
    if m := _ROLE_BEFORE.search(text, max(0, start - 20), start):
        found.add(ROLES[m.group(1).lower()])
    if m := _ROLE_AFTER.match(text, end):
        found.add(ROLES[m.group(1).lower()])
    return found.pop() if len(found) == 1 else ""


def span_mark(text: str, start: int, end: int) -> str:
    """The sex ("f" or "m") one mention of a person is marked with, else "".

    A courtesy title in or right before it ("Ms Tal"), a role only one sex holds next to
    it (:func:`role_mark`), or the subject pronoun of what it says ("Tal said she"); ""
    where they disagree.
    """
    found = {title_mark(text, text[start:end], start), role_mark(text, start, end)}
    m = _PRONOUN.match(text, end)
    if m:
        found.add(_PRONOUNS[m.group(1).lower()])
    found.discard("")
    return found.pop() if len(found) == 1 else ""


def marked(people: pd.DataFrame, texts: Mapping[str, str]) -> dict[tuple[str, str], str]:
    """``{(doc, actor): "f" or "m"}`` for the full names a document marks as one or the other.

    A full name is marked by a courtesy title ("Ms Mira Tal") or by the pronoun that
    is the subject of what it says ("Mira Tal said she", "Mira Tal, the mayor, told
    reporters that he" is not read: a listener stands between). A name marked both ways
    is left out.

    Args:
        people: Rows of the working table for live people (``doc_id``, ``start``, ``end``,
            ``surface``, ``actor``); the full names among them are marked.
        texts: ``doc_id -> text``.
    """
    marks: dict[tuple[str, str], set[str]] = {}
    for d, a, b, surface, actor in zip(
        people["doc_id"].tolist(),
        people["start"].tolist(),
        people["end"].tolist(),
        people["surface"].tolist(),
        people["actor"].tolist(),
        strict=True,
    ):
        if " " not in actor:
            continue
        text = texts.get(d, "")
        found = {title_mark(text, str(surface), a)}
        m = _PRONOUN.match(text, b)
        if m:
            found.add(_PRONOUNS[m.group(1).lower()])
        marks.setdefault((d, actor), set()).update(found - {""})
    return {key: next(iter(v)) for key, v in marks.items() if len(v) == 1}


def pick(
    candidates: set[str], doc: str, mark: str, marks: Mapping[tuple[str, str], str]
) -> set[str]:
    """The full names of a document a surname with a title marking ``mark`` may stand for.

    One candidate stays unless the document marks it otherwise ("Mrs Tal" is no "Dan
    Tal said he"). Of several, the one marked as the title marks is picked; with no such
    one, or two, all stay (ambiguous: no guess).
    """
    if len(candidates) == 1:
        return {a for a in candidates if marks.get((doc, a), mark) == mark}
    same = {a for a in candidates if marks.get((doc, a)) == mark}
    return same if len(same) == 1 else candidates


#: Masculine surname endings and the feminine forms they take (East Slavic and Polish).
_MASCULINE_PLUS_A = ("ov", "ev", "yov", "in", "yn")
_SKY_FORMS = (("skyi", "m"), ("skiy", "m"), ("skii", "m"), ("sky", "m"), ("ski", "m"))
_SKA_FORMS = (("skaya", "f"), ("ska", "f"))


def other_sex_forms(a: str, b: str) -> bool:
    """Whether two surnames are one family name in its masculine and its feminine form.

    Example:
        >>> other_sex_forms("Dorinov", "Dorinova"), other_sex_forms("Varsky", "Varskaya")
        (True, True)
        >>> other_sex_forms("Dorinov", "Dorinow")
        False
    """
    a, b = a.casefold(), b.casefold()
    short, long = sorted((a, b), key=len)
    if long == short + "a" and short.endswith(_MASCULINE_PLUS_A):
        return True
    return {_sky_sex(a), _sky_sex(b)} == {"m", "f"} and _sky_stem(a) == _sky_stem(b)


def _sky_sex(name: str) -> str:
    for end, sex in _SKA_FORMS + _SKY_FORMS:
        if name.endswith(end):
            return sex
    return ""


def _sky_stem(name: str) -> str:
    for end, _ in _SKA_FORMS + _SKY_FORMS:
        if name.endswith(end):
            return name[: -len(end)]
    return name
