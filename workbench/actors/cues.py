"""The words of speech: speech verbs, the small words around them, and their patterns.

Word lists and regular expressions shared by the rules that find quotations
(:mod:`workbench.actors.speech`) and the rules that name their speakers
(:mod:`workbench.actors.speakers`). Nothing here reads a document.
"""

from __future__ import annotations

import re

#: Speech verbs whose words follow in any shape ("said the plan failed", "denied any role").
SAY_VERBS = frozenset(
    "say says said saying added adding warn warns warned warning claim claims "
    "claimed claiming states stated stating insist insists insisted insisting argue "
    "argues argued arguing assert asserts asserted asserting allege alleges alleged alleging "
    "contend contends contended vowed pledged promised proclaimed urge urges urged demanded".split()
)
#: Speech verbs that report words only before "that" or a clause ("announced it has ...",
#: not "announced sanctions").
CLAUSE_VERBS = frozenset(
    "add adds announce announces announced announcing confirm confirms confirmed confirming "
    "reports "
    "reported reporting reveal reveals revealed revealing tweets tweeted posts posted write "
    "writes wrote writing notes noted noting stress stresses stressed stressing "
    "emphasize emphasizes emphasized emphasised emphasizing emphasising explain explains "
    "explained explaining declare declares "
    "declared acknowledge acknowledges acknowledged admit admits admitted concede concedes "
    "conceded suggest suggests suggested predict predicts predicted recall recalls recalled "
    "believe believes believed maintain maintains maintained reiterate reiterates reiterated "
    "indicate indicates indicated conclude concluded caution cautioned hailed denounced "
    "replied responded deny denies denied denying accuse accuses accused accusing "
    "hint hints hinted disclose discloses disclosed blames blamed blaming".split()
)
#: Participles that also name an activity ("script writing"): a speech verb only after a
#: comma (", writing that ...").
AFTER_COMMA = frozenset({"writing"})
#: Verbs of promising: the words after one may be an infinitive ("vowed to remain").
PROMISES = frozenset("vowed pledged promised threatened".split())
#: Verbs of reporting: with an outlet as their subject they cite it, and quote no one.
REPORTING = frozenset("reported reports reporting revealed reveals wrote writes".split())
#: Verbs of telling: the listener comes first ("told reporters that ...").
TELL_VERBS = frozenset("tell tells told telling".split())
#: Verbs that attribute a quotation only right after it ("...," he began).
AFTER_VERBS = frozenset("began continued asked joked quipped read remarked commented".split())
#: Verbs of naming: they report words only where an object and then a quotation follow
#: ("branded the move 'a provocation'"), not before a bare quotation ("boxes labelled
#: 'fragile'", "the plan, dubbed 'Sea Wall'": a participle that names a thing).
NAMING_VERBS = frozenset("branded labelled labeled dubbed".split())
#: Verbs in the past tense without "-ed": after a mention they show it acts ("Tal gave an
#: address", "Tal met the mayor"), as a verb in "-ed" does.
IRREGULAR_PAST = frozenset(
    """gave met made took went came spoke sent held left began became brought thought
    knew saw felt kept ran sat stood won lost paid sold bought fought struck drove flew
    found heard meant built spent broke chose rose fell sought taught caught threw shook
    got withdrew overtook undertook forgot swore""".split()
)
#: Speech verbs recognised as quote cues.
CUES = tuple(sorted(SAY_VERBS | CLAUSE_VERBS | TELL_VERBS | AFTER_VERBS | NAMING_VERBS))

PRONOUNS = frozenset("he she it they we i you there this these those".split())
AUX = frozenset(
    "is are was were has have had will would can could must should may might did does do "
    "isn't aren't wasn't weren't hasn't haven't won't wouldn't can't couldn't didn't".split()
)
#: Words that open no reported clause ("said and ...", "said after ...").
NOT_CLAUSE = frozenset("and but or nor after before when while since until because if".split())
PREPOSITIONS = frozenset(
    "in on at to by for with from of about against during via through into over under near "
    "as like between among across outside inside".split()
)
#: Words after which a cue word is a noun ("the claims", "recent reports").
NOUN_BEFORE = PREPOSITIONS | frozenset(
    "the a an his her its their our my your these those such no any some many new media "
    "news received recent unconfirmed were was been being be is are this".split()
)
#: Nouns that stand for a body named before ("the agency said": the last body named).
BODY_NOUNS = (
    "organization organisation agency company firm ministry military government department "
    "office alliance bloc council commission command institute court administration army "
    "service group"
).split()
#: Nouns a name before them only qualifies: "a NATO spokesperson" names no speaker.
ROLE_NOUNS = frozenset(
    "spokesperson spokesman spokeswoman spokespeople official officials source sources minister "
    "ministry officer officers commander governor envoy ambassador representative region "
    "country government forces military army troops president leader staff authorities "
    "administration media embassy city province district state residents analyst analysts "
    "expert experts adviser advisers aide aides lawmakers lawmaker employee worker".split()
)

SPEECH = sorted(SAY_VERBS | CLAUSE_VERBS | TELL_VERBS)

#: Two capitalised words on one line, the last at the end: words of a name ("Harbour News").
_NAME_END = re.compile(r"\b[A-Z][\w'’&-]*[ \t]+[A-Z][\w'’&-]*[ \t]*$")


def noun_before(before: str) -> bool:
    """Whether the last word of ``before`` makes a cue word after it a noun.

    "the claims", "recent reports", "news reports": a word of :data:`NOUN_BEFORE`. A
    capitalised word after another capitalised word belongs to a name, and the cue word
    after the name is its verb ("Harbour News said", "The New Review reported").
    """
    words = before.split()
    return bool(words) and words[-1].lower() in NOUN_BEFORE and not _NAME_END.search(before)


def word_trie(words: list[str] | tuple[str, ...]) -> str:
    r"""A regular expression for any of ``words``, one branch per shared prefix.

    ``"say|says|said"`` becomes ``"sa(?:id|y(?:s)?)"``. Framed by ``\b`` on both sides it
    matches exactly where the plain alternation does (at most one whole word or phrase of
    the list fits at a position), but the engine tries a letter or two at each word instead
    of every alternative in turn.

    Example:
        >>> word_trie(["say", "says", "said"])
        'sa(?:id|y(?:s)?)'
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(trie)


def _branches(node: dict) -> str:
    alts = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" not in node:
        return body
    return ("(?:" + body + ")" if len(alts) == 1 else body) + "?"


#: Verbs of appeal: what the speaker asks for follows ("called for talks", "called on Kyiv
#: to withdraw", "appealed for calm").
APPEALS = (
    "called for",
    "calls for",
    "call for",
    "called on",
    "calls on",
    "call on",
    "appealed for",
    "appeals for",
)
#: Verbs of informing: they report words only before "that" ("informed Kyiv that ..."),
#: never after them ("to stay informed about ...").
INFORM_VERBS = ("inform", "informs", "informed", "informing", "notified", "notifies")
#: Verbs of asking: what follows a listener is a request or a question ("asked Kyiv to
#: withdraw", "asked whether ...").
ASK_VERBS = ("asked",)
#: A speech verb anywhere ("said", "called for").
CUE = re.compile(
    r"\b" + word_trie([*APPEALS, *INFORM_VERBS, *ASK_VERBS, *SPEECH, *NAMING_VERBS]) + r"\b"
)
#: Words between a subject and its verb: auxiliaries, adverbs, a date ("Tal has long said").
ADV = (
    r"(?:has|have|had|also|did|does|do|will|would|could|can|may|might|must|should|not|never|"
    r"later|earlier|previously|repeatedly|today|yesterday|tonight|now|again|long|already|then|"
    r"first|once|originally|simply|[a-z]+ly|[A-Z][a-z]+day|last\s+\w+|this\s+\w+|"
    r"(?:on|in)\s+[A-Z]\w+|(?:was|were)\s+quoted\s+as)"
)
#: A dash that sets off an aside: spaced hyphens, or an en or em dash.
DASH = r"(?:\s-{1,2}(?=\s)|\s*[\u2013\u2014])"
#: An aside between dashes: "Tal - seen as the mayor's ally - said".
DASH_ASIDE = DASH + r"[^;:\"\u2013\u2014]{1,80}?" + DASH
#: What may stand between a subject and its verb: a bracket, an apposition, adverbs.
SUBJECT_GAP = re.compile(
    r"^(?:\s*\([^()]{1,40}\))?(?:\s*,[^,;:\"]{1,80}(?:,[^,;:\"]{1,40}){0,2},|"
    + DASH_ASIDE
    + r")?(?:\s+"
    + ADV
    + r")*\s*$"
)


def adverbial(word: str) -> bool:
    """Whether a word (or two) may sit between a subject and its verb ("also", "on Monday")."""
    return re.fullmatch(ADV, word) is not None
