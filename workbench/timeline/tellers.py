"""Who tells of an event: the speech verbs and sources that make a name its teller.

A name is a teller when a speech verb follows it ("Zelenskyy said", "US officials say",
"Lukashenko, the Belarusian leader, said"; :data:`SPEAKER_AFTER`), or when it follows
"according to", an inverted '..." said' or the source of a record ("footage shared by
the ministry"; :data:`SPEAKER_BEFORE`), or names the event in its own words ("what Ann
Jones called retaliation": :func:`names_it`). :func:`tells_own_deed` says whether the teller
tells of their own deed ("said he met", '"We met," she said'), which makes the teller
a participant after all (see :mod:`workbench.timeline.roles`).
"""

from __future__ import annotations

import re

# Speech verbs, past and present ("said", "say", "reports", "claims").
_SPEECH = (
    r"(?:said|says?|told|tells?|announced|announces|revealed|reveals|reported|reports"
    r"|confirmed|confirms|stated|states|added|adds|wrote|writes|warned|warns|noted|notes"
    r"|claimed|claims?|denied|denies|denounced|accused|accuses|tweeted|posted|insisted"
    r"|insists|argued|argues|suggested|suggests|blamed|blames|critici[sz]ed|condemned"
    r"|belittled|branded|labell?ed|slammed|praised|welcomed|hailed|explained|explains)"
)
# The people of a body who speak for it, between its name and the speech verb: "US
# officials say", "Ukraine's military said", "Russian state media reported".
_VOICES = (
    r"(?:\s+(?:state\s+|military\s+|defen[cs]e\s+|intelligence\s+|government\s+)?"
    r"(?:officials?|authorities|sources?|spokes(?:man|woman|person)|military|government"
    r"|ministry|prosecutors|investigators|media|intelligence|officers|police))?"
)
# "Zelenskyy said", "Lukashenko, the Belarusian leader, said", "US officials say", "the
# White House said after the call" (see :func:`present_at`).
SPEAKER_AFTER = re.compile(
    rf"^(?:'s)?{_VOICES},?\s*(?:,[^,]{{1,90}},\s*)?(?:has\s+|had\s+|have\s+|also\s+)?"
    rf"(?:{_SPEECH}\b|report(?:s|ed|ing)?\s+on\b)",
    re.I,
)
# The speech verb's adjunct of time or occasion: "said during a visit", "said after the call".
_AT_OCCASION = re.compile(
    r"\s+(?:during|while|at|after)\s+(?:a|an|the|his|her|their|this|that)\s+(?:[\w'’-]+\s+){0,3}",
    re.I,
)
#: Characters after a name read for the speech verb that makes it a teller.
SPEAKER_WINDOW = 130
# Title words or an owner between "according to" (or an inverted "says") and the teller:
# "according to national security adviser Jake Sullivan", "according to Ukraine's State
# Emergency Service", '..., says the BBC's Russia editor, Steve Rosenberg'.
_TELLER_TITLE = (
    r"(?:(?!(?:that|on|in|it|he|she|they|we)\b)(?:[a-z][\w-]*|[\w.-]+['’]s|(?-i:[A-Z])[a-z]+)"
    r"\s+){0,4}?"
)
# "according to the ministry", '..." said Zelensky' (not "said Belarus signed"), and the
# source of a record: "footage shared by the ministry", "a video released by X".
SPEAKER_BEFORE = re.compile(
    rf"(?:\baccording to\s+(?:the\s+)?{_TELLER_TITLE}|[,\"”]\s*(?:said|says|added|wrote)\s+"
    rf"(?:the\s+{_TELLER_TITLE}(?:[\w-]+,\s*)?)?"
    r"|\b(?:shared|released|published|posted|distributed|filmed) by\s+(?:the\s+)?)$",
    re.I,
)
#: Characters before a name read for "according to" and its titles.
TELLER_WINDOW = 70
# The teller speaking of what they did themselves: "said he met", "said Monday that she
# had visited", '"We met," she said' (a subject pronoun opening the telling; not "say
# they believe", an opinion on another's deed).
_OWN_DEED = re.compile(
    r"^(?:\s+(?:on\s+)?[\w.]+){0,2}?\s+(?:that\s+)?(?:he|she|they|we|I|(?P<it>it))\b"
    r"(?!\s+(?:believed?|think|thought|fear(?:ed)?|expected?|suspect(?:ed)?|hoped?|knew|know"
    r"|assumed?)\b)"
)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|our|Our)\b")


# A name that names the event in its own words: "explosions from what Ann Jones called
# 'horrific strikes'", "in what Avalon described as retaliation for an attack".
_WHAT_BEFORE = re.compile(r"\bwhat\s+(?:[\w.'’-]+\s+){0,4}$", re.I)
_NAMING_AFTER = re.compile(
    r"(?:['’]s\s+[\w-]+)?(?:\s+(?:has|had|have|later|also|then))?\s+(?:called|calls|call|termed|terms"
    r"|dubbed|dubs|described\s+as|describes\s+as|branded|labell?ed)\b",
    re.I,
)


def names_it(text: str, lo: int, hi: int) -> bool:
    """Whether the name at ``text[lo:hi]`` only names the event: "what Ann Jones called".

    Who calls something by a name tells of it (a teller), as with a speech verb; the
    event's doers are named elsewhere, or not at all.
    """
    return bool(_WHAT_BEFORE.search(text[max(0, lo - TELLER_WINDOW) : lo])) and bool(
        _NAMING_AFTER.match(text, hi)
    )


def tells_own_deed(text: str, told_end: int | None, trigger: tuple, inner) -> bool | str:
    """Whether a teller tells of their own deed: "said he met", '"We met," she said'.

    ``told_end`` is where the speech verb after the teller ends (None for a teller
    named after the words, '"...," said X'); ``inner`` the quotation holding the trigger.
    ``"it"`` when the pronoun is "it" ("the ministry said it struck"), which no person is.
    """
    if inner is not None:
        return bool(_FIRST_PERSON.search(text, inner[0], trigger[0]))
    if told_end is None or told_end > trigger[0]:
        return False
    m = _OWN_DEED.match(text[told_end : trigger[0]])
    return bool(m) and ("it" if m.group("it") else True)


def present_at(text: str, told_end: int, trigger: tuple[int, int]) -> bool:
    """Whether the speech verb ending at ``told_end`` is told at or after the event itself.

    "Zelenskyy said during a visit", "the White House said after the call" (the trigger
    word heads the adjunct; not "said at a news conference that missiles struck"): the
    teller was at the event. A person telling so takes part in it; a body (an office, a
    ministry) tells of it, and takes part only when no one else does
    (:mod:`workbench.timeline.roles`).
    """
    m = _AT_OCCASION.match(text, told_end)
    return m is not None and m.start() < trigger[0] <= m.end()
