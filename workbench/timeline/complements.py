"""Complement clauses: what is said, believed or warned, apart from the saying itself.

A verb of saying or thinking opens a clause of its own, its complement: "Ann Jones
assured Bo Lee [that Avalon would respond]", "Ann Jones said [the envoys will meet]",
and so does a noun of the same kind ("the possibility [that they could meet]"). The
complement runs to the end of the sentence unless an attribution closes it
("..., according to a readout of the call", "..., the ministry said") or a semicolon
does. A name inside a complement that does not hold the event's trigger word takes no
part in the event, unless it is the complement's subject and the trigger names the
occasion of the telling ("said after the call that Ann Jones and Bo Lee agreed": what
they did on the call) ("assured Bo Lee that Avalon would respond, according to a readout of
a call": Avalon is no party to the call), nor does the one a telling is addressed to
when the event is told in the complement ("assured Bo Lee that troops attacked": Bo Lee
is no party to the attack). The subject of the saying is its teller
(:mod:`workbench.timeline.tellers`), which is read elsewhere.

Without "that" only verbs that take no person as object open a complement ("said",
"believes", "added", "indicating"), and only before a determiner, a pronoun or a name
("said the envoys", not "said in a statement"; not an inverted '..., said Ann Jones').
"""

from __future__ import annotations

import re
from functools import lru_cache

# Verbs (and nouns) of saying, thinking or showing whose "that" opens a complement, in
# lower case (not "CBS News that").
_SAY = (
    r"(?:sa(?:id|ys?|ying)|told|tell(?:s|ing)?|assur(?:ed|es|ing)|warn(?:ed|s|ing)?"
    r"|claim(?:ed|s|ing)?|announc(?:ed|es|ing)|add(?:ed|s|ing)|not(?:ed|es|ing)"
    r"|stress(?:ed|es|ing)|insist(?:ed|s|ing)?|argu(?:ed|es|ing)|believ(?:ed|es|ing)?"
    r"|think(?:s|ing)?|thought|fear(?:ed|s|ing)?|hop(?:ed|es|ing)|confirm(?:ed|s|ing)?"
    r"|report(?:ed|s|ing)?|suggest(?:ed|s|ing)?|indicat(?:ed|es|ing)|show(?:ed|s|ing|n)?"
    r"|promis(?:ed|es|ing)|pledg(?:ed|es|ing)|vow(?:ed|s|ing)?|acknowledg(?:ed|es|ing)"
    r"|admit(?:ted|s|ting)?|alleg(?:ed|es|ing)|explain(?:ed|s|ing)?|emphasi[sz](?:ed|es|ing)"
    r"|reiterat(?:ed|es|ing)|wr(?:ote|ites?|iting)|kn(?:ew|ows?)|signal(?:l?ed|s)"
    r"|possibility|prospect|fears|warnings?|concerns?|claims|allegations?|hopes|belief)"
)
# "assured Bo Lee that", "said on Monday that": the verb, its object or adjuncts, "that".
_THAT_OPENER = re.compile(rf"\b(?P<verb>{_SAY})\b(?:\s+(?!that\b)[\w'’.,-]+){{0,8}}?\s+that\b")
# Verbs that take no person as object: without "that" they open a complement too.
_BARE = (
    r"(?:said|says|say|saying|believes?|believed|thinks?|thought|added|adding|claimed"
    r"|claims|claiming|insisted|insists|argued|argues|stressed|noted|hopes?|hoped|knows?|knew"
    r"|fears?|feared|indicating|suggesting)"
)
_DAY = (
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today"
    r"|tonight|last\s+(?:week|month|night))(?:\s+(?:morning|afternoon|evening|night))?,?"
)
# "said (Monday) the envoys", "believes he": a bare complement, the subject of its clause
# first (not "said in a statement"; not an inverted '..., said Ann Jones').
_BARE_OPENER = re.compile(
    rf"(?<![,\"”]\s)(?<![,\"”])\b{_BARE}\s+(?:{_DAY}\s+)?"
    r"(?=(?:the|a|an|his|her|their|its|this|these|those|he|she|it|they|we|there)\b"
    r"|(?-i:[A-Z]))",
    re.I,
)
# What closes a complement: an attribution after it, or a semicolon.
_CLOSER = re.compile(
    r";|,\s*according\s+to\b"
    r"|,\s*(?:(?!(?:and|but|that|which|who)\b)[\w'’.-]+\s+){0,6}?"
    r"(?:said|says|told|added|reported|wrote)\b"
)


# The words before a complement's subject (or the second of its subjects): "that (the) ",
# "that Ann Jones and ".
_SUBJECT = re.compile(
    r"\s*(?:(?:the|a|an)\s+)?(?:(?-i:[A-Z])[\w.'’-]*\s+){0,4}?(?:(?:and|&)\s+(?:the\s+)?)?",
    re.I,
)


@lru_cache(maxsize=4096)
def complements(text: str) -> tuple[tuple[int, int, int], ...]:
    """The complement clauses of a sentence: ``(verb start, start, end)`` spans.

    ``start`` is where the complement begins (after "that", or after a bare "said"),
    ``end`` where an attribution or a semicolon closes it, or the sentence ends; ``verb
    start`` where its verb begins (the words between are its object or adjuncts).
    """
    found = []
    for m in _THAT_OPENER.finditer(text):
        found.append((m.start(), m.end()))
    for m in _BARE_OPENER.finditer(text):
        found.append((m.start(), m.end()))
    spans = []
    for verb, start in sorted(set(found)):
        closer = _CLOSER.search(text, start)
        spans.append((verb, start, closer.start() if closer else len(text)))
    return tuple(spans)


def outside_complement(text: str, lo: int, hi: int, trigger: tuple[int, int]) -> bool:
    """Whether a name and the trigger stand apart across a complement clause's edge.

    True for a name inside a complement that does not hold the trigger ("said at a
    meeting that Avalon would grow": Avalon, for the meeting) and for the one a telling
    is addressed to when the trigger is in its complement ("assured Bo Lee that troops
    attacked": Bo Lee, for the attack); False for a name in the trigger's own clause,
    and for the teller (the subject of the saying, read by
    :mod:`workbench.timeline.tellers`).
    """
    for verb, start, end in complements(text):
        name_in = start <= lo < end
        trigger_in = start <= trigger[0] < end
        if name_in and not trigger_in:
            if verb < trigger[0] < start and _SUBJECT.fullmatch(text, start, lo):
                continue  # "said after the call that Ann Jones (and ...) agreed": its party
            return True
        if trigger_in and not name_in and verb < lo and hi <= start:
            return True  # the addressee between the verb and "that"
    return False
