"""Which mentions are news outlets, whatever type the model gave them.

The model types many outlets as organisations ("Baltic News Service"), places or even
people ("the Times"). Four signs make a mention an outlet for the quote and citation
rules, none of them a list of outlets:

- its name holds a word only the press uses ("News", "Newspaper", "TV", "Radio");
- a press noun stands right before or after it ("state news agency Daily Globe",
  "the Daily Globe newspaper", "broadcaster Kanal Nine");
- it is a masthead word on its own after "the" ("the Times", "the Observer");
- a press role or an interview stands around it ("a correspondent for X", "X's reporter",
  "told X in an interview", "X reported, citing"), for a name the model did not type a
  person, country or group.

The words around a name inside a hyphenated modifier ("pro-Kremlin newspaper") are no sign.

A body whose name only holds a word the press shares with others ("Energy Agency",
"Press Service") is no outlet by its name alone; :mod:`workbench.actors.citations`
weighs such names with the words around them.

:func:`named_outlets` finds outlets' names the text sets off by these signs, whatever the
model found. The tests on a name's words alone (press words, masthead words, a
nationality's press) live in :mod:`workbench.actors.mastheads`.
"""

from __future__ import annotations

import re

from workbench.actors.gazetteer import fold
from workbench.actors.mastheads import (
    LAST_MASTHEADS,
    MASTHEADS,
    PRESS_WORDS,
    generic,
    nationality,
)

#: Broadcast nouns: "TV channel", "television station", "radio network".
_BROADCAST = r"(?:TV|television|radio)\s+(?:channel|station|network)"
#: A news channel on a messaging app, named after its noun ("Telegram channel Kanal"); not
#: someone's own channel ("his Telegram channel", "the governor's Telegram channel").
_TELEGRAM = r"(?<!\bhis )(?<!\bher )(?<!\bits )(?<!\btheir )(?<!['\u2019]s )Telegram\s+channel"
#: "daily" is a press noun after a nationality or an article ("Russian daily X", "the
#: daily X"), not in "daily briefings".
_DAILY = r"(?-i:(?:[A-Z][a-z]+\s+|\b(?:[Tt]he|[Aa])\s+)daily)"
#: A bare "outlet" or "channel" after a word that says whose or what kind ("Russian outlet
#: X", "local channel X"; not "a power outlet", "the English Channel"), and a network's
#: "affiliate" ("ABC affiliate WJLA", "local affiliate, KTRK"; not "ISIS affiliate X").
_KIND_NOUN = (
    r"(?-i:(?:[A-Z][a-z]+(?:ian|ish|ese|ean|an|ch|ic|i)|news|media|local|national|state|"
    r"independent|investigative|opposition|online|cable|private|satellite)\s+(?:outlet|channel)"
    r"|(?:[A-Z]{3}|News|TV|local|station)\s+affiliate)"
)
#: The press nouns both name patterns share: broadcasters, kinds of outlet and affiliates,
#: dailies and Telegram channels.
_PRESS_KINDS = "|".join((_BROADCAST, _KIND_NOUN, _DAILY, _TELEGRAM))
#: A press noun right before a name: "state news agency Daily Globe", "broadcaster X".
_NOUN_BEFORE = re.compile(
    r"\b(?:news\s+agency|news\s+service|news\s+(?:web)?site|newspaper|broadcaster|tabloid|"
    r"magazine|outlet|publication|wire\s+service|(?:state|public)\s+(?:TV|television)|"
    + _PRESS_KINDS
    + r")(?P<comma>,)?\s+$",
    re.I,
)
#: What ends a name set off by a comma after its press noun: "the news agency, Kanal."
_APPOSITION_END = re.compile(r"^\s*(?:[,.;:)]|$)")
#: A press noun right after a name: "the Daily Globe newspaper", "X news agency".
_NOUN_AFTER = re.compile(
    r"^\s+(?:news\s+agency|news\s+service|news\s+outlet|news\s+(?:web)?site|newspaper|"
    r"broadcaster|tabloid|daily|magazine|outlet|wire\s+service|" + _BROADCAST + r")\b"
)
#: A press role or an interview right before a name: "a correspondent for the Daily Globe",
#: "in an interview with Kanal Nine"; only a body, never a person or a country, is so read.
_ROLE_BEFORE = re.compile(
    r"\b(?:(?:correspondent|reporter|journalist|columnist|contributor|writer)s?\s+(?:for|with)"
    r"|editor(?:-in-chief)?\s+(?:of|at))\s+(?:the\s+)?$",
    re.I,
)
#: After a name: "X's correspondent", "X reported, citing".
_ROLE_AFTER = re.compile(
    r"^(?:['\u2019]s\s+(?:[a-z]+\s+)?(?:correspondent|reporter|journalist|columnist|editor)"
    r"|\s+reported,?\s+citing)\b"
)
#: "told X in an interview": whom one tells in an interview is the press.
_TOLD = re.compile(r"\btold\s+(?:the\s+)?$")
_IN_INTERVIEW = re.compile(r"^,?\s+in\s+an?\s+(?:[\w-]+\s+){0,2}interview\b")
#: Model types that a press role near the name does not make an outlet.
_NOT_BODIES = frozenset({"PERSON", "GPE", "NORP"})
_THE = re.compile(r"\b[Tt]he\s+$")
#: Whether a text holds any press noun: only mentions in such sentences need the full test.
PRESS_HINT = re.compile(
    r"(?i:news\s+(?:agency|service|outlet|site|website)|newspaper|broadcaster|tabloid|daily|"
    r"magazine|outlet|publication|wire\s+service|telegram\s+channel|correspondent|reporter|journalist|columnist|contributor|"
    r"writer|editor|interview|citing|television|radio|affiliate|channel)|\b(?:TV|News)\b"
)


def is_outlet(text: str, start: int, end: int, name: str, kind: str | None = None) -> bool:
    """Whether the mention ``text[start:end]`` of ``name`` is a news outlet by the signs above.

    A press role or an interview around the name ("a correspondent for X", "X's reporter",
    "told X in an interview", "X reported, citing") makes it an outlet too, unless the model
    typed it (``kind``) a person, country or group ("in an interview with Mira Tal").

    Example:
        >>> t = "Mira Tal told state news agency Daily Globe that it rained."
        >>> is_outlet(t, 32, 43, "Daily Globe")
        True
        >>> is_outlet("The Energy Agency said so.", 4, 17, "Energy Agency")
        False
    """
    words = fold(name).split()
    if generic(name):
        return False
    if PRESS_WORDS.intersection(words):
        return True
    if _modifier(text, start, end):
        return False
    if press_noun_beside(text, start, end, kind):
        return True
    if kind not in _NOT_BODIES and _by_role(text, start, end):
        return True
    return len(words) == 1 and words[0] in MASTHEADS and bool(_THE.search(text[:start][-5:]))


#: A capitalised name right after a press noun: "the Jesuit magazine [La Civilta]".
_NAME_NEXT = re.compile(r"^\s+(?:[A-Z]|\d)")


def press_noun_beside(text: str, start: int, end: int, kind: str | None = None) -> bool:
    """Whether a press noun stands right before or after ``text[start:end]``.

    "news outlet Kanal", "the Kanal newspaper", "broadcaster Kanal, ...": the name is an
    outlet's whatever type the model gave it. Not inside a hyphenated modifier, and a
    press noun after the name makes no outlet of a person, country or group (``kind``) or
    of a word that only describes the name after it ("the Jesuit magazine La Civilta").

    Example:
        >>> press_noun_beside("according to the Kanal newspaper", 17, 22)
        True
    """
    if _modifier(text, start, end):
        return False
    noun = _NOUN_BEFORE.search(text[max(0, start - 30) : start])
    if noun and (not noun.group("comma") or _APPOSITION_END.match(text[end : end + 3])):
        return True
    if kind not in _NOT_BODIES and _APPOSED_AFTER.match(text[end : end + 90]):
        return True  # "The Recorder, an upstate newspaper, ..."
    after = _NOUN_AFTER.match(text[end : end + 30])
    return (
        bool(after) and kind not in _NOT_BODIES and not _NAME_NEXT.match(text[end + after.end() :])
    )


def _modifier(text: str, start: int, end: int) -> bool:
    """Whether the mention is part of a hyphenated modifier: "pro-Kremlin", "Kyiv-based"."""
    return text[start:end][:1].islower() or "-" in (text[start - 1 : start], text[end : end + 1])


def _by_role(text: str, start: int, end: int) -> bool:
    """Whether a press role or an interview stands around ``text[start:end]``."""
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    if _ROLE_BEFORE.search(before) or _ROLE_AFTER.match(after):
        return True
    return bool(_TOLD.search(before[-12:]) and _IN_INTERVIEW.match(after))


#: A name word: a capital or a digit first ("Rossiya-1", "Antena 3", "ITAR-TASS").
_WORD = r"(?:[A-Z]|\d)(?:[\w&-]|\.(?=\w))*"
_NAME = _WORD + r"(?:\s+(?:(?:of|de|del|della|di|du|la|le|el|y|and|&)\s+)?" + _WORD + r")*"
#: A lower-case name, as outlets write theirs ("dpa", "t-online", "gazeta.ru").
_LOWER = r"[a-z]+(?:[-.][a-z0-9]+)+|[a-z]{2,4}"
#: Press nouns that set off an outlet's name after them ("broadcaster Antena 3") or before
#: them ("the Kanal Nine newspaper"); a channel of a messaging app is no outlet.
_PRESS_BEFORE_NAME = re.compile(
    r"(?<![\w-])(?:news\s+agency|news\s+service|news\s+(?:web)?site|newspaper|broadcaster|"
    r"tabloid|magazine|(?:news|media)\s+outlet|wire\s+service|publication|"
    r"(?P<web>(?:news\s+)?website|(?:news|online)\s+portal)|(?:state|public)\s+(?:TV|"
    r"television)|(?<!Telegram )(?<!YouTube )" + _PRESS_KINDS + r")(?P<comma>,)?"
    r"\s+(?P<name>" + _NAME + "|" + _LOWER + r")(?![\w'\u2019-])"
)
_PRESS_AFTER_NAME = re.compile(
    r"(?<![\w'\u2019.-])(?P<name>" + _NAME + r")\s+(?:news\s+agency|news\s+service|"
    r"news\s+(?:web)?site|newspaper|broadcaster|tabloid|magazine|wire\s+service|"
    r"(?:news|media)\s+outlet|"
    # whose television: "Rossiya state television", "Kanal public TV"
    r"(?:state|public)(?:-run|-owned|-controlled)?\s+(?:TV|television)\b(?!\s+(?:host|presenter"
    r"|personality|star|journalist|anchor|show|program|channel|station|network))|"
    r"television(?!\s+(?:host|presenter|personality|star|journalist|anchor|show|program))|"
    + _BROADCAST
    + r")\b"
)
#: A press noun heading an apposition after a name: "The Recorder, an upstate newspaper,";
#: the noun ends it ("Mira Tal, a newspaper editor," is a person, "Tal, a reporter for the
#: newspaper," too).
_APPOSED_NOUN = (
    r",\s+(?:an?|the)\s+(?:(?!(?:for|with|of|at|by|from|in|on|to|who|which|that)\b)"
    r"[\w'\u2019-]+\s+){0,5}?(?:newspaper|news\s+agency|news\s+service|news\s+(?:web)?site|"
    r"broadcaster|tabloid|magazine|(?:news|media)\s+outlet|outlet|publication|daily|"
    r"wire\s+service|" + _BROADCAST + r")(?=\s*(?:[,.;:)]|$)|\s+(?:that|which|based|owned|run)\b"
    # a participle and its preposition: "IStories, a media outlet linked to ..."
    r"|\s+[a-z]+ed\s+(?:to|by|with|in|on)\b)"
)
_APPOSED_AFTER = re.compile("^" + _APPOSED_NOUN)
_APPOSED_NAME = re.compile(r"(?<![\w'\u2019.-])(?P<name>" + _NAME + ")" + _APPOSED_NOUN)
#: "a [upstate] Kanal newspaper": a newspaper from Kanal, not one named so.
_INDEFINITE = re.compile(
    r"\b[Aa]n?\s+(?:(?!(?:by|with|the|of|in|for|from|to|at|on|and)\b)[a-z][\w-]*\s+){0,3}$"
)
#: A piece of press work published in a name: "an op-ed published Monday in Kanal".
_PUBLISHED_IN = re.compile(
    r"\b(?:article|op-ed|column|editorial|essay|obituary)s?\s+(?:published|that\s+appeared|"
    r"appearing)(?:\s+[\w'\u2019-]+){0,2}?\s+in\s+(?:the\s+)?(?P<name>" + _NAME + ")"
)
#: A name that ends in a press word, whatever the model found: "the Harbour Morning News".
_PRESS_WORD_NAME = re.compile(
    r"(?<![\w'\u2019.-])(?P<name>(?:[A-Z][\w'\u2019.&-]*\s+){1,3}(?:News|TV|Radio|Television))"
    r"(?![\w-])(?!\s+[A-Z\d])"
)
#: "the Post", "the Mail": a masthead word after "the".
_THE_MASTHEAD = re.compile(
    r"\b[Tt]he\s+(?P<name>" + "|".join(sorted(w.title() for w in MASTHEADS)) + r")(?![\w-])"
    r"(?<!Journal(?=\s+of\s))"
)
#: "the Kharkiv Post", "the Baltic Times": capitalised words and a masthead word after "the".
_THE_LONG_MASTHEAD = re.compile(
    r"\b[Tt]he\s+(?P<name>(?:[A-Z][\w'\u2019.-]*\s+){1,3}(?:"
    + "|".join(sorted(w.title() for w in LAST_MASTHEADS))
    + r"))(?![\w-])(?!\s+(?!(?:Mr|Mrs|Ms|Dr)\b)[A-Z])"
)
#: "the Scottish Sun", "the Irish Examiner": a nationality and any masthead word after "the"
#: (the nationality makes a paper of a word that names other things: "the Sun").
_THE_NATIONAL_MASTHEAD = re.compile(
    r"\b[Tt]he\s+(?P<name>[A-Z][a-z]+(?:ian|ish|ese|ean|an|ch|ic|i)\s+(?:"
    + "|".join(sorted(w.title() for w in MASTHEADS))
    + r"))(?![\w-])(?!\s+(?!(?:Mr|Mrs|Ms|Dr)\b)[A-Z])"
)
_FIRST_WORD = re.compile(r"(\w+)\s+")
#: Words that open a sentence or qualify a name but are no name: "The", "Russian".
_LEADING = re.compile(r"(?:The|A|An|[A-Z][a-z]+(?:ian|ish|ese|ean|an|ch|ic|i))\s+")
#: "told a news agency X is ...": a verb of telling before the press noun, and a finite
#: verb right after the name, make the name the subject of what was told.
_TOLD_NOUN = re.compile(r"\b(?:told|telling|tells)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}$")
_FINITE = re.compile(
    r"^\s+(?:is|are|was|were|has|have|had|will|would|could|should|may|might|can|did|does)\b"
)
#: Function words that are no lower-case name ("the newspaper has", "news agency said").
_NOT_LOWER = frozenset(
    "the a an and or but that this its his her their our which who has had have was were is "
    "are said says also last on in at of for with from to by as said told wrote ran she he it "
    "they we you him them us how what why when where if not now then there here so too".split()
)


#: Words of a date that follow a press noun but name no outlet ("told a news outlet Tuesday").
DATE_WORDS = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
    r"|Sept?|Oct|Nov|Dec|Today|Tonight|Yesterday|Last|This|Earlier|On|In)\b"
)


def named_outlets(text: str) -> list[tuple[int, int, str]]:
    """Outlet names the text itself sets off by a press noun, whatever the model found.

    "Spanish broadcaster Antena 3", "the news agency, Kanal", "news agency dpa", "the
    state-run Kanal-1 television channel", "the Post": a name right after a press noun (a
    lower-case one too, as some outlets write theirs), a name right before one (without a
    nationality before it: "the British Kanal newspaper" names "Kanal"), and a masthead
    word after "the", on its own or ending a name ("the Kharkiv Post"). Names inside a
    hyphenated modifier ("pro-Kremlin newspaper") are no outlets. A name set off by a comma
    ends there ("the outlet, Kanal, said"). "website" and "news portal" set off a lower-case
    name only with a dot or a hyphen in it ("website k-online", not "a website post").

    Returns:
        ``(start, end, name)`` for each outlet name, in text order.

    Example:
        >>> named_outlets("It rained, Spanish broadcaster Antena 3 reported.")
        [(31, 39, 'Antena 3')]
    """
    found = {a: (a, b, name) for a, b, name in _after_noun(text)}
    for a, b, name in _before_noun(text):
        if not any(x < b and a < y for x, y, _ in found.values()):
            found[a] = (a, b, name)
    for m in (
        *_THE_NATIONAL_MASTHEAD.finditer(text),
        *_THE_LONG_MASTHEAD.finditer(text),
        *_THE_MASTHEAD.finditer(text),
        *_APPOSED_NAME.finditer(text),
        *_PRESS_WORD_NAME.finditer(text),
        *_PUBLISHED_IN.finditer(text),
    ):
        a, b = m.span("name")
        while (lead := _FIRST_WORD.match(text, a, b)) and fold(lead.group(1)) in _NOT_LOWER:
            a = lead.end()  # "The Recorder, a newspaper", "As Kanal News reported": no name
        words = [w for w in text[a:b].split() if fold(w) not in PRESS_WORDS]
        if generic(text[a:b]) or _modifier(text, a, b) or all(map(nationality, words)):
            continue  # "Russian TV", "pro-Kremlin newspaper", "Baltic TV"
        if not any(x < b and a < y for x, y, _ in found.values()):
            found[a] = (a, b, text[a:b])
    return [found[k] for k in sorted(found)]


def _after_noun(text: str) -> list[tuple[int, int, str]]:
    """Names right after a press noun: "broadcaster Antena 3", "news agency dpa"."""
    out = []
    for m in _PRESS_BEFORE_NAME.finditer(text):
        start, end = m.span("name")
        name = m.group("name")
        if name[:1].islower() and (name in _NOT_LOWER or m.group("web") and name.isalpha()):
            continue  # "the newspaper has", "a website post": no name
        if m.group("comma") and not _APPOSITION_END.match(text[end : end + 3]):
            continue
        if _TOLD_NOUN.search(text[max(0, m.start() - 40) : m.start()]) and _FINITE.match(
            text[end : end + 12]
        ):
            continue  # "told a news agency Kanal is safe": the name opens what was told
        if not DATE_WORDS.match(name):
            out.append((start, end, name))
    return out


def _before_noun(text: str) -> list[tuple[int, int, str]]:
    """Names right before a press noun, less a nationality: "the British Kanal newspaper"."""
    out = []
    for m in _PRESS_AFTER_NAME.finditer(text):
        start, end = m.span("name")
        while lead := _LEADING.match(text, start, end):
            start = lead.end()
        last = text[start:end].rsplit(" ", 1)[-1]
        if nationality(last) or fold(last) in PRESS_WORDS:
            continue  # a nationality or a press word: "Baltic newspaper", "British TV network"
        if text[start - 1 : start] == "-" or re.search(r"-[a-z]+$", text[start:end]):
            continue  # a modifier: "pro-Kremlin newspaper", "a Kanal-linked media outlet"
        if start == _sentence_start(text) and " " not in text[start:end]:
            continue  # a capitalised first word ("Local newspaper")
        if _NAME_NEXT.match(text[m.end() :]):
            continue  # a modifier of the name after the noun: "the Jesuit magazine La Civilta"
        if _INDEFINITE.search(text[max(0, start - 40) : start]):
            continue  # a place, not a name: "an upstate New York newspaper"
        out.append((start, end, text[start:end]))
    return out


def _sentence_start(text: str) -> int:
    """Where the first word of ``text`` starts."""
    return len(text) - len(text.lstrip(" \"'\u201c\u2018("))
