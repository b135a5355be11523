"""Whether two place words name one place: "British" and "UK", "Finnish" and "Finland".

A description names its place by a country's name, its possessive or its nationality
word ("Ukraine's president", "the Ukrainian president", "the British military"), and the
text names the actor's place in any of these forms. :func:`places_agree` tells whether
a description's place words fit an actor's; :func:`same_place` whether two words name
one place (one spelling, a listed alias, a shared stem, or a nationality word's stem).
"""

from __future__ import annotations

#: Place words of another spelling than their country's ("British" for the UK).
PLACE_ALIASES = {
    "british": ("uk", "united kingdom", "britain", "u.k."),
    "american": ("us", "u.s.", "united states", "america", "usa"),
    "us": ("american", "united states", "u.s."),
    "uk": ("british", "britain", "united kingdom"),
    "dutch": ("netherlands",),
}
#: Endings of a nationality word that take the place of its country's: "Finn-ish", "Pol-ish".
_DEMONYM_ENDINGS = ("ish", "ese", "ian", "ean", "an")


def places_agree(
    wanted: frozenset[str], have: frozenset[str] | set[str], *, strict: bool = False
) -> bool:
    """Whether the places a description names fit an actor's (none named fits, unless strict).

    Example:
        >>> places_agree(frozenset({"british"}), {"uk"})
        True
        >>> places_agree(frozenset({"iranian"}), {"iraq"})
        False
    """
    if not wanted:
        return True
    if not have:
        return not strict
    return any(same_place(w, h) for w in wanted for h in have)


def same_place(a: str, b: str) -> bool:
    """Whether two folded place words name one place."""
    if a == b or b in PLACE_ALIASES.get(a, ()) or a in PLACE_ALIASES.get(b, ()):
        return True
    if len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4]:
        return True
    return demonym_of(a, b) or demonym_of(b, a)


def demonym_of(word: str, place: str) -> bool:
    """Whether a nationality word is a place's by its stem: "finnish" of "finland".

    The stem of four letters or more opens the place's longer name, all but its last
    letter at least ("finn" of "finn-ish", "span" of "span-ish"; not "iran" of "iraq").
    """
    for ending in _DEMONYM_ENDINGS:
        stem = word.removesuffix(ending)
        long_enough = len(stem) >= 4 and len(place) > len(stem)
        if stem != word and long_enough and place.startswith(stem[:-1]):
            return True
    return False
