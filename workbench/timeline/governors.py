"""Governors: whether another predicate than the event's own governs its trigger noun.

An event noun can be the object of a verb that makes its subject a participant (a
support verb: "Ann Jones held talks", "Avalon launched an attack", "troops carried out
strikes", "leaders attended the summit") or of a verb that makes its subject a third
party: one who deals with the event without taking part in it ("Avalon has arrested
the man responsible for the attack", "Ann Jones addressed the attack", "the ministry
discussed the talks", "Ann Jones speaks ahead of a meeting"; not "prepared an attack",
whose subject is its agent). Only the second kind is
read here (:data:`_OTHER`, a closed list; any other verb keeps its subject), and so is
a trigger noun that is itself the subject of such a verb, its object standing outside
the event ("the strike overshadowed Avalon's efforts", "the attack, condemned by
Avalon"), and violence told as the time of another deed whose subject the name is
("Ann Jones spoke after the attack": :func:`in_aftermath`).
:mod:`workbench.timeline.roles` leaves such names out of the participants.
"""

from __future__ import annotations

import re

# Verbs (any inflection) whose subject deals with an event named by their object, or
# whose object stands outside the event named by their subject.
_REACT = (
    r"(?:condemn|denounc|address(?:ed|ing)\b|discuss|debat|investigat|overshadow"
    r"|critici[sz]|mourn|commemorat|welcom|prais)"
)
_OTHER = rf"(?:{_REACT}|arrest|invit|blam|den(?:y|ies|ied|ying)\b|accus)"
# A passive verb's subject is its object: "Ann Jones was blamed for the attack" (the
# one blamed may well have taken part).
_NOT_PASSIVE = (
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbeing )(?<!\bbe )(?<!\bis )(?<!\bare )"
    r"(?<!, )"  # nor a participle's clause, whose subject is another's: ", accusing X of"
)
# Words that end the governing verb's phrase: a clause of its own, or a support verb
# with a subject of its own or shared ("discussed the crisis and held talks").
_PHRASE_END = (
    r"(?:that|he|she|they|it|we|I|who|which|and|or|but|then|while|when|as|after|before"
    r"|since|because|if|during|held|hold(?:s|ing)?|launch(?:ed|es|ing)?|carr(?:y|ied|ying)"
    r"|conduct(?:ed|ing)?|stag(?:e|ed|ing)|mount(?:ed|ing)?|attend(?:ed|ing)?|host(?:ed|ing)?"
    r"|join(?:ed|ing)?|met|meet(?:ing)?|beg(?:a|i|u)n|start(?:ed|ing)?|order(?:ed|ing)?)\b"
)
# The governing verb, then only the noun phrase or prepositions that lead to the trigger:
# "arrested the person responsible for the", "addressed the".
_GOVERNS_AFTER = re.compile(
    rf"{_NOT_PASSIVE}\b{_OTHER}[\w-]*(?:\s+(?!{_PHRASE_END})[^\s,;:\"“”]+){{0,8}}\s+$",
    re.I,
)
# Speaking or acting before an event, which the subject is not shown to take part in:
# "Ann Jones speaks to the press ahead of a meeting".
_AHEAD = re.compile(
    r"\b(?:spoke|speaks?|speaking|talked|talks|said|says|told|tells|briefed|addressed)\b"
    r"[^,;:\"“”]{0,60}\b(?:ahead\s+of|on\s+the\s+eve\s+of|in\s+the\s+run-up\s+to)"
    r"\s+(?:[^\s,;:]+\s+){0,3}$",
    re.I,
)
# A gathering with the subject: "ahead of talks with Avalon" (the subject takes part).
_WITH = re.compile(r"^\s+(?:with|between)\b", re.I)
# The trigger noun the subject of such a verb, the name its object or agent: "the strike
# overshadowed Avalon's efforts", "the attack, condemned by Avalon".
_GOVERNED_OBJECT = re.compile(
    rf"^(?:\s+[\w-]+){{0,2}}?,?\s+(?:(?:was|were|has|have|had|been|also)\s+)*(?:[\w-]+\s+)?"
    rf"{_REACT}[\w-]*(?:\s+by)?\s+(?:the\s+)?$",
    re.I,
)
#: Characters between a trigger noun and the name that its governing verb takes, at most.
OBJECT_WINDOW = 50


# Violence named as the time or cause of another deed, its subject before it: "Ann Jones
# made a speech after Avalon's attacks", "a woman reacts following a rocket attack" (not
# "after Avalon's attacks", whose owner is the attacker: the words hold no verb of its own;
# nor "pressed on after unleashing strikes", a participle whose subject is the name's).
_AFTERMATH = re.compile(
    r"^(?:['’]s?)?\s+(?:(?!(?:after|following)\b)[^\s,;:\"“”]+\s+){1,12}?"
    r"(?:after|following|in\s+the\s+wake\s+of|in\s+response\s+to)\s+"
    r"(?:(?:the|a|an|this|that|last|[\w'’.-]+['’]s)\s+)?(?:(?![\w-]+ing\s)[\w-]+\s+){0,3}$",
    re.I,
)


def in_aftermath(text: str, hi: int, trigger: tuple[int, int]) -> bool:
    """Whether a name before violence is the subject of a deed told as following it.

    "Ann Jones made a speech after Avalon's attacks", "a woman reacts following a
    rocket attack": the name does something else, after or because of the violence,
    which it takes no part in (:mod:`workbench.timeline.roles`, violence only).
    """
    return hi <= trigger[0] and bool(_AFTERMATH.match(text[hi : trigger[0]]))


def governed_elsewhere(text: str, lo: int, hi: int, trigger: tuple[int, int]) -> bool:
    """Whether a name is the subject or object of another predicate governing the trigger.

    Args:
        text: The sentence.
        lo: Where the name starts in ``text``.
        hi: Where the name ends in ``text``.
        trigger: The trigger word's span in ``text``.

    Returns:
        True for "Avalon arrested the man responsible for the attack", "Ann Jones
        addressed the attack", "Ann Jones speaks ahead of a meeting", "the strike
        overshadowed Avalon's efforts"; False for a support verb's subject ("Avalon
        launched an attack") and for "ahead of talks with Avalon".
    """
    if hi <= trigger[0]:
        span = text[hi : trigger[0]]
        if _GOVERNS_AFTER.search(span):
            return True
        return bool(_AHEAD.search(span)) and not _WITH.match(text, trigger[1])
    if lo >= trigger[1] and lo - trigger[1] <= OBJECT_WINDOW:
        return bool(_GOVERNED_OBJECT.match(text[trigger[1] : lo]))
    return False
