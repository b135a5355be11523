"""Whether the words around an outlet's name cite it: the citing cues.

"According to Kanal", "told Kanal", "Kanal reported", "as Kanal reports", "in an
interview with the Kanal newspaper", "Kanal's correspondent said", "Kanal was first to
report": cues before and after a name that attribute words or information to it.
:mod:`workbench.actors.citations` decides which mentions are outlets and asks
:func:`cited` whether each is cited. Rules over the sentence's words, no model.
"""

from __future__ import annotations

import re

from workbench.actors.cues import SAY_VERBS

#: Up to four words between a cue and the name, an abbreviation among them ("U.S.").
_DESCRIPTOR = (
    r"(?:\s+(?!(?:that|which|who|and|but|said|says|when|while)\b)(?:\w+(?:\.\w+)+\.?"
    r"|[\w'\u2019-]*\w/?|['\u2019]+)){0,4}?"
)
#: A day or a time of day between a verb and its preposition: "said on Sunday on".
_WHEN = r"(?:\s+(?:on\s+|last\s+|this\s+)?(?:[A-Z][a-z]+day|week|weekend|morning|night))?"
#: Speech verbs that cite an outlet on whose air they are said: "suggested Thursday on X".
_SPEAKING = r"(?:" + "|".join(sorted(SAY_VERBS | {"suggested", "suggesting"})) + r")"
#: Cues that cite whatever outlet follows them, a body known only by its news word too.
_CITE_BEFORE = re.compile(
    r"(?:\b[Aa]ccording to|\breported by|\btold|\b[Tt]elling|\btells|\binterview"
    + _WHEN
    + r"\s+with"
    r"|\b[Ss]peaking to|\bquoted by|\bquoted as saying" + _WHEN + r"\s+by|\bcited by"
    r"|(?<!newspaper )(?<!tabloid )(?<!magazine )(?<!outlet )(?<!website )\bpublished by"
    r"|\bobtained by|\breport (?:by|from|in)|\b[Ww]riting (?:in|for)"
    # a piece of press work published somewhere: "an op-ed published Monday in X"
    r"|\b(?:article|op-ed|column|editorial|essay|obituary|interview)s?\s+(?:published|that\s+"
    r"appeared|appearing)(?:\s+[\w'\u2019-]+){0,2}?\s+(?:in|by|on))" + _DESCRIPTOR + r"\s*$"
)
#: The same cues before a longer description that ends in a press noun: "told the Russian
#: state news agency X", "according to the country's largest independent newspaper X".
_CITE_BEFORE_PRESS = re.compile(
    r"(?:\b[Aa]ccording to|\btold|\b[Tt]elling|\btells|\binterview with|\b[Ss]peaking to"
    r"|\bquoted by|\bcited by|\breported by|\b(?:posted|shared|published|carried|translated)"
    r"(?:\s+online)?\s+by)(?:\s+[\w'\u2019-]+){0,7}?\s+(?:news\s+agency|news\s+service|newspaper|"
    r"broadcaster|tabloid|daily|magazine|outlet|channel|website|podcast|publication|"
    r"wire\s+service|television|TV),?\s*$"
)
#: Cues that cite only a name known to be an outlet (they cite people and bodies too):
#: "citing Kanal", "carried by Kanal", "said on Kanal", and a reporting verb after the
#: words it reports ("..., reports the Daily Globe", "..., reported news agency Kanal").
_CITE_BEFORE_OUTLET = re.compile(
    r"(?:\bciting|\bquoting|^\W*[Pp]er|[,;(]\s*per|\b(?:carried|broadcast|shared|posted|translated"
    r"|analy[sz]ed|documented|identified)(?:\s+online)?\s+by"
    r"|\binterviews?" + _WHEN + r"\s+on|\breleased\s+(?:[\w'\u2019-]+\s+){0,2}?by"
    r"|\b(?:reported|reports|reporting)\s+(?:for|from)"
    # a story an outlet broke: "the plan, first revealed by X"
    r"|\b(?:revealed|disclosed|uncovered|exposed|broken)\s+by"
    r"|\baired\s+(?:by|on)"
    r"|\b(?:said|says|spoke|[Ss]peaking|[Tt]alking)" + _WHEN + r"\s+(?:to|on|with)"
    r"|\b[Aa]ppear(?:ed|ing)" + _WHEN + r"\s+(?:on|with)|\b" + _SPEAKING + _WHEN + r"\s+on"
    r"|\b(?:filmed|[Cc]ontacted|[Aa]sked)(?:\s+(?:later|again|earlier))?\s+by|\b[Aa]sked\s+on|\b(?:broadcast|episode|edition)\s+of"
    r"|\b(?:[Ww]rites|[Ww]rote|[Ww]riting)\s+(?:in|for)"
    r"|\b(?:confirmed|clarified|explained|revealed|admitted|disclosed|described|insisted"
    r"|acknowledged|conceded|complained)\s+(?:(?:the|this|that|it|his|her|their)\s+)?(?:[a-z]+\s+)?to|\b(?:statement|comments?|remarks)\s+to"
    r"|\b(?:seen|reviewed|viewed)\s+by|\bshared\s+with|\breported\s+(?:in|on)"
    r"|\bbroadcast\s+(?:[\w'\u2019-]+\s+){0,3}?by|\b(?:was|were|been)\s+broadcast\s+on"
    r"|\b(?:aired|televised|published|shown)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:by|on|in)"
    r"|\b(?:article|story|piece|op-ed|editorial|column|investigation|documentary|analysis"
    r"|podcast|translation|reporting)\s+(?:by|in|for|from|on|with)"
    r"|\btold\s+(?:[A-Z][\w'\u2019-]*\s+){1,3}on"
    r"|[,\"\u201d\u2019':]\s*(?:(?:first|also|later|earlier|previously)\s+)?(?:reports|reported"
    r"|writes|wrote|says|said|adds|added|claims|claimed|notes|noted|argues|argued|explains"
    r"|explained|tweeted))"
    r"(?:\s+(?:(?!(?:of|that|be)\b)[a-z][\w'\u2019-]*|The|[A-Z][a-z]+(?:ian|ish|ese|ean|an|ch|ic|i)))"
    r"{0,5}?\s*$"
)
#: "On Kanal, she said": a sentence that opens on an outlet's air.
_ON_AIR = re.compile(r"^\W*On\s+(?:the\s+)?$")
#: "as the Daily Globe reported", "as Kanal put it"; not "as a Kanal analyst" (a role).
_CITE_AS = re.compile(r"(?<!such )(?<!known )(?<!well )\b[Aa]s(?:\s+the)?\s*$")
#: An outlet's people: "Kanal's chief correspondent, Mira Tal, said", "Kanal reporters saw".
_STAFF = (
    r"(?:\s+(?:[\w-]+\s+){0,3}?(?:[Cc]orrespondent|[Rr]eporter|[Jj]ournalist|[Cc]olumnist"
    r"|photographer|team|crew|source|witness(?:e(?=s))?)s?(?:,?\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2},?)?)"
)
_CITE_AFTER = re.compile(
    r"^(?:['\u2019]s?)?(?:\s+(?:news\s+agency|agency|newspaper|paper|broadcaster|tabloid|daily"
    r"|magazine|outlet|news\s+(?:web)?site|website|(?:TV|television|radio)\s+(?:channel|station"
    r"|network)|television|channel|network)|" + _STAFF + r")?"
    # an apposition: "Kanal, the state news agency, reported", "Kanal, citing sources, said"
    r"(?:(?:,|\s[-\u2013\u2014])\s+(?:a|an|the|which|who|citing|quoting|[A-Z]\w+['\u2019]s"
    # a circumstance set off by commas: "Kanal, as part of a joint project, reported"
    r"|as|in|after|like|for|with|on|among|through)\s+"
    r"[^,;:\"\u201c\u201d]{1,150}?(?:,|\s[-\u2013\u2014]))?"
    # an adverb set off by commas: "Kanal, meanwhile, reported"
    r"(?:,\s+(?:meanwhile|however|too|separately|similarly|likewise|instead|in\s+turn"
    r"|for\s+its\s+part|in\s+contrast),)?"
    r"(?:\s*,?\s+(?:and|&)\s+(?:the\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})*"
    r"\s*(?:(?:has|had|have|also|first|both|all|earlier|previously|later|[a-z]+ly|this|"
    r"further|again|then|now|once|already|still|even|too|itself|"
    r"[A-Z][a-z]+day|week|month|morning|afternoon|evening|night|"
    r"(?:in|on|last)\s+[A-Z]?\w+|(?:over|during)\s+the\s+\w+)\s+)*"
    r"(?P<cue>reported|reports|reporting|report|said|says|cited|"
    r"quoted|confirmed|learned|wrote|published|noted|highlighted|found|revealed|obtained|citing|"
    r"quoting|quotes|writes|claimed|claims|added|adds|aired|broadcast|carried|interview|"
    r"interviewed|discovered|stated|detailed|disclosed|uncovered|understands|estimated|verified|"
    r"geolocated|saw|witnessed|counted|observed|identified|analy[sz]ed|documented|tracked|"
    r"explained|argued|tweeted|publishes|pointed\s+out|(?:was|were|has\s+been)\s+told|"
    r"(?:is|was|are|were|has\s+been)\s+(?:also\s+)?reporting|shared|released|"
    r"spoke\s+(?:to|with)|"
    r"(?:was|were|is)\s+(?:the\s+)?first\s+to\s+(?:report|reveal)|"
    r"(?:guest\s+)?(?:article|story|column|op-ed|essay|editorial(?!\s+staff)|investigation"
    r"|analysis|documentary|podcast|poll)|"
    r"(?:could\s+not|was\s+not\s+able\s+to|was\s+unable\s+to)\s+(?:independently\s+)?"
    r"(?:verify|confirm))\b"
)
#: "Kanal's sources told the outlet": an outlet's people tell it, and so cite it.
_STAFF_TOLD = re.compile(r"^(?:['\u2019]s?)?" + _STAFF + r"\s+(?:also\s+|later\s+)?told\b")
#: "Kanal's Mira Tal reported": an outlet's journalist, named, reports for it (a reporting
#: verb, not "said": its hosts and guests say much that is not its reporting).
_STAFF_NAMED = re.compile(
    r"^['\u2019]s?\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}\s+"
    r"(?:(?:has|had|also|first|earlier|previously)\s+)?(?:reported|reports|writes|wrote|revealed"
    r"|found|noted|learned|tweeted|asked)\b"
)
#: "Mira Tal, a correspondent for X, wrote": the outlet's reporter speaks for it.
_ROLE_BEFORE = re.compile(
    r"\b(?:correspondent|reporter|journalist|columnist)\s+(?:for|with|at)\s+(?:the\s+)?"
    r"(?:(?:[\w'\u2019-]+\s+){0,3}?(?:news\s+agency|newspaper|broadcaster|tabloid|daily|"
    r"magazine|outlet|channel|website)\s+)?$",
    re.I,
)
#: "Mira Tal, from Kanal, said": a named person set off as the outlet's.
_NAMED_FROM = re.compile(r"\b[A-Z][\w'\u2019-]+,\s+(?:from|of)\s+(?:the\s+)?$")
_ROLE_CUE = re.compile(
    r"^(?:['\u2019]s?)?[,)]?\s+(?:who\s+)?(?:(?:has|had|also|later)\s+)*"
    r"(?:said|says|wrote|writes|reported|reports|posted|told)\b"
)
#: An opening quotation mark right before a name, and its closing one right after it (or
#: after the rest of a programme's name, 'told "Kanal News Sunday"', or a full stop).
_OPEN_QUOTE = re.compile(r"[\"\u201c\u2018]\s*$")
_CLOSE_QUOTE = re.compile(r"^(?:\s+[A-Z][\w'\u2019-]*){0,3}[.,]?[\"\u201d\u2019]")
#: A press noun and a comma right before a name: "the state news agency, Kanal, said".
_APPOSED = re.compile(
    r"\b(?:agency|service|newspaper|broadcaster|tabloid|daily|magazine|outlet|channel|website"
    r"|network|station|publication),\s*$"
)
#: What joins two outlets cited together: "Kanal and the Post", "Kanal media outlet and X".
_JOINED = re.compile(
    r"(?:['\u2019]s?)?(?:\s+(?:(?:news|media)\s+outlet|newspaper|magazine|broadcaster))?"
    r"(?:\s*,)?\s+(?:and|&)\s+(?:the\s+)?|\s*,\s+(?:the\s+)?"
)
_FORMER = re.compile(r"\bformer\s+$", re.I)
#: A credit or an owner, not a citation: "In this photo released by Kanal", "the Daily
#: Globe, a tabloid published by Kanal".
_CREDIT = re.compile(
    r"(?:\b(?:[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture)s?\s+(?:released|provided|taken|supplied"
    r"|distributed)|\b(?:newspaper|tabloid|magazine|outlet|website|channel|daily)\s+"
    r"(?:published|owned|run|founded))\s+(?:[\w'\u2019-]+\s+){0,2}?by\s+(?:[\w'\u2019-]+\s+){0,4}?$"
)
#: A name in the phrase of a noun other than an outlet's people: "the editor of the Kanal
#: liberal newspaper said", "the former chief editor of Kanal, ..., wrote": the noun speaks.
_HEAD_OF = re.compile(
    r"\b(?!(?:correspondent|reporter|journalist|columnist)s?\b)[a-z][\w-]*\s+of\s+(?:the\s+)?$"
)
#: "Mira Tal, also on Kanal, said": an appearance on the outlet's air set off by commas.
_ON_AIR_APPOSED = re.compile(r"[,(]\s*(?:also\s+|appearing\s+|speaking\s+)?on\s+(?:the\s+)?$")
#: "told his friend, Kanal host Mira Tal,": whom one tells, set off as the outlet's host.
_TOLD_APPOSED = re.compile(
    r"\b(?:told|telling|tells)\s+(?:[\w'\u2019-]+\s+){0,4}?[\w'\u2019-]+,\s+$"
)
#: "tells viewers the Daily Globe may have erred": after a verb of telling, a name that a
#: finite verb follows opens what was told, and is no one told.
_TOLD_END = re.compile(r"\b(?:told|tells|telling)(?:\s+[\w'\u2019-]*\w){0,4}?\s+(?:the\s+)?$")
_FINITE_NEXT = re.compile(
    r"^\s+(?:may|might|will|would|could|should|can|must|is|are|was|were|has|have|had|did"
    r"|does)\b"
)
_HOST_NEXT = re.compile(
    r"^(?:['\u2019]s?)?\s+(?:[a-z]+\s+)?(?:host|anchor|presenter|correspondent|reporter"
    r"|journalist)\s+[A-Z]"
)
_SAID_NEXT = re.compile(r"^[,)]\s+(?:said|says|told|added|argued|warned)\b")
#: The cues after a name that cite a body known only by its news word ("the Energy Agency
#: said" is a body speaking; "the Harbour Press reported" is an outlet).
_CITE_STRONG = frozenset({"reported", "reports", "reporting", "report", "interview"})
#: Cues after a name that are nouns ("the Kanal report"): the outlet's work, whatever
#: noun comes before it ("the specifics of the Kanal report").
_NOUN_CUES = frozenset(
    "report article story column op-ed essay editorial investigation analysis documentary "
    "podcast poll interview".split()
)


def cited(before: str, after: str, *, strong: bool) -> bool:
    """Whether the words around an outlet's name attribute something to it.

    A name in quotation marks of its own ('told "Face the Nation"') is read without them, and
    a name set off by commas after its press noun ("the news agency, Kanal, reported")
    without the comma after it.

    Args:
        before: The sentence's words before the name (60 characters are enough).
        after: The sentence's words after it.
        strong: Only the cues that cite any outlet count ("according to", "told", "X
            reported"): for a name known as an outlet only by its news word.

    Example:
        >>> cited("It fell, according to ", " on Monday.", strong=True)
        True
        >>> cited("It fell, ", " said.", strong=True)
        False
    """
    longer = False  # the name starts a longer quoted title: 'as "Kanal Breakfast" host'
    if (quoted := _OPEN_QUOTE.search(before)) and (close := _CLOSE_QUOTE.match(after)):
        before, after, longer = before[: quoted.start()], after[close.end() :], after[:1].isspace()
    if after[:1] == "," and _APPOSED.search(before):
        after = after[1:]
    if _FORMER.search(before) or _CREDIT.search(before) or _told_clause(before, after):
        return False  # "the former Kanal correspondent said": no longer speaks for it
    if _CITE_BEFORE.search(before) or _CITE_BEFORE_PRESS.search(before):
        return True
    if not strong and (_CITE_BEFORE_OUTLET.search(before) or _ON_AIR.match(before)):
        return True
    if (_ROLE_BEFORE.search(before) or _NAMED_FROM.search(before)) and _ROLE_CUE.match(after):
        return True
    if not strong and _ON_AIR_APPOSED.search(before) and _SAID_NEXT.match(after):
        return True
    if not strong and _TOLD_APPOSED.search(before) and _HOST_NEXT.match(after):
        return True
    if not strong and (_STAFF_NAMED.match(after) or _STAFF_TOLD.match(after)):
        return True
    hit = _CITE_AFTER.match(after)
    if hit is not None and hit.group("cue") not in _NOUN_CUES and _HEAD_OF.search(before):
        return False  # "the editor of Kanal said": the noun before "of" speaks
    if strong:
        return hit is not None and hit.group("cue") in _CITE_STRONG
    return hit is not None or (not longer and _CITE_AS.search(before) is not None)


def _told_clause(before: str, after: str) -> bool:
    """Whether the name opens what was told: "told viewers the Daily Globe had erred"."""
    return bool(_TOLD_END.search(before) and _FINITE_NEXT.match(after))


def joined(text: str, start: int, spans: list[tuple[int, int]] | tuple) -> bool:
    """Whether a name at ``start`` is joined to one cited before it: "Kanal and the Post".

    Args:
        text: The sentence.
        start: Where the name starts in it.
        spans: ``(start, end)`` of the names cited in the sentence.
    """
    return any(b <= start and _JOINED.fullmatch(text[b:start]) for _, b in spans)
