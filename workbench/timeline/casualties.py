"""Casualties: the people violence killed or wounded, who take no part in it.

A person told as killed, wounded or dead in a sentence reporting an attack or a strike
("the Smiths died at home after strikes on the city", "Ann Jones was among five people
killed in the attack", "an actor, Ann Jones, was killed", "spoke to Jones minutes before
her death", "the shelling, killing Ann Jones") suffered the event: the attacker, not the
casualty, takes part in it (see :mod:`workbench.timeline.roles`). A person who killed ("Jones
killed two") is no casualty.
"""

from __future__ import annotations

import re

# After the name: "died", "was killed", "were among (five people) killed", "is dead",
# "minutes before her death".
_SUFFERED = re.compile(
    r"^(?:['’]s?)?(?:\s*,[^,]{1,60},)?,?\s+(?:"
    r"(?:(?:was|were|had been|has been|have been|is|are)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|hurt|dead|murdered))"
    r"|(?:died|dies|perished)"
    r"|(?:(?:was|were|is|are)\s+among\b[^.;]{0,60}?\b(?:killed|wounded|injured|dead|victims))"
    r"|(?:[^.;,]{0,40}?\b(?:her|his|their)\s+deaths?)"
    r")\b",
    re.I,
)
# Before the name: "killing Ann Jones", "the death of Ann Jones", "the body of".
_BEFORE = re.compile(
    r"\b(?:killing|killed|wounding|wounded|injuring|injured|the\s+deaths?\s+of"
    r"|the\s+bod(?:y|ies)\s+of)\s+(?:[\w.'’-]+\s+){0,3}$",
    re.I,
)
#: Characters after a name read for its death or wounds.
SUFFERED_WINDOW = 120


def casualty(text: str, start: int, end: int) -> bool:
    """Whether the person named at ``text[start:end]`` is told as killed, wounded or dead."""
    after = text[end : end + SUFFERED_WINDOW]
    return bool(_SUFFERED.match(after) or _BEFORE.search(text[max(0, start - 40) : start]))
