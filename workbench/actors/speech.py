"""Reported speech: the words a speech verb reports, each with its cue and speaker.

``X said (that) ...``, ``X told reporters that ...``, ``X announced it has ...``,
``..., X said.`` and ``According to X, ...`` / ``..., according to X`` / ``The cost,
according to X, would ...``. Direct quotations are found by
:mod:`workbench.actors.quotations`.

Rows are ``(doc_id, speaker, cue, quote, kind, start, end)``; the speakers come from
:mod:`workbench.actors.speakers`.
"""

from __future__ import annotations

import re
from itertools import islice

from workbench.actors.attributions import np_speaker
from workbench.actors.cues import (
    ADV,
    ASK_VERBS,
    AUX,
    NAMING_VERBS,
    NOT_CLAUSE,
    PREPOSITIONS,
    PROMISES,
    PRONOUNS,
    SAY_VERBS,
    SPEECH,
    TELL_VERBS,
    adverbial,
)
from workbench.actors.document import Document
from workbench.actors.references import antecedent
from workbench.actors.speakers import subject

#: Minimum words in a direct quotation (shorter ones are scare quotes: "technical teams").
MIN_QUOTE_WORDS = 4

_AFTER_MARK = re.compile(r"[\"']\s*$")
_THAT = re.compile(
    r"^(?P<adv>(?:[^,;:\"]|\"[^\"]{1,40}\"){0,70}?)\s*(?:--[^-]{1,60}--\s*)?\bthat\s+(?=\S)"
)
#: Adverbs and times between a verb and its words: "said late Sunday", "vowed in recent
#: weeks not to".
_LEAD_ADV = re.compile(
    r"^(?:\s+" + ADV + r"|\s+(?:on|last|this|earlier|late)\s+\w+"
    r"|\s+(?:in|over)\s+(?:the\s+)?(?:recent|past|last|coming)\s+(?:few\s+)?"
    r"(?:days|weeks|months|years))*\s+"
)
#: A short phrase in quotation marks that opens the reported words, which go on after it
#: ('said "sabotage" was behind', 'demanded "hostile countries" pay'): no quotation of its
#: own (under :data:`MIN_QUOTE_WORDS` words).
_SCARE = re.compile(r"[\"“](?:[\w'-]+\s){0,2}[\w'-]+[\"”]\s+\w")
#: "that" right after a verb: '"...", adding that ...' reports what follows.
_THAT_NEXT = re.compile(r"\s+that\s")
_NEGATION = re.compile(r"\b(?:not|never)\s+$")
#: A speech verb negated, or after a verb of not doing: the words after it are what no one
#: said ("has not stated that ...", "never said the ...", "failed to announce ...",
#: "refused to even acknowledge ..."); not "not only said".
_DENIED = re.compile(
    r"(?:\b(?:not|never)|n['\u2019]t|\b(?:fail(?:s|ed|ing)?|refus(?:e|es|ed|ing))\s+to)"
    r"(?:\s+(?:even|yet|(?!only\b)[a-z]+ly))*\s+$"
)
_FINAL = re.compile(
    r"(?P<sep>,[\"']?|\s--?)\s+(?P<subj>[^,;:\"]{1,80}?)\s+(?:(?:has|have|had|also|later)\s+)*"
    r"(?P<cue>" + "|".join(SPEECH) + r")(?P<tail>(?:\s+[\w'.-]+){0,6}?)"
    r"\s*(?:[.!]?[\"']?\s*$|,\s+(?:[a-z]+ing|and|but|while|as|a|an|after|before|when|with)\b"
    r"|\s+(?:after|before|when|while|as|because|during|since)\s)"
)
#: A pronoun as the whole subject of a verb after the words it reports ("..., he said").
_PRONOUN = re.compile(r"\s*([Hh]e|[Ss]he|[Ii]t)(?:\s+" + ADV + r")*\s*")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
#: Words that open the subject of a clause after a listener ("told Kyiv the plan would").
DETERMINERS = frozenset("the a an his her its their".split())
#: Verbs whose object is itself what was said: "confirmed the deaths" (not "deny": "denied
#: Russia the gains" withholds).
OBJECT_VERBS = ("confirm", "admit", "acknowledg", "report")
ACCUSE = "accus"
#: Verbs of blame: what the speaker blames, and for what ("blamed Kyiv for the attack").
BLAME = "blam"
#: Speech verbs that may name a listener before "that": "warned Kyiv that ...".
LISTENER_VERBS = ("warn", "urg", "promis", "pledg", "assur", "remind", "inform", "notif")
#: Verbs that report words only before "that": "informed Kyiv that ...", not "informed
#: sources" or "informed the talks".
THAT_ONLY = ("inform", "notif")
#: After "called on": a listener, then what they are asked to do ("called on Kyiv to
#: withdraw"), not a day ("called on Monday for talks").
_CALL_ON = re.compile(
    r"(?!(?:[A-Z][a-z]+day|the\s+(?:morning|evening|night|weekend)|[a-z]+day)\b)"
    r"[^,;:.\"]{1,80}?\bto\s+[a-z]"
)
#: A relative or nested clause before "called on": "the move, which both parties have
#: called on Kyiv to make", "argued that Moscow has ... and called on": its words are not
#: an appeal of the sentence's subject.
#: After "asked": a listener (or none), then what was asked: "asked Kyiv to withdraw",
#: "asked whether ...", "asked for help" (not "asked for comment").
_ASKED = re.compile(r"(?:[^,;:.\"]{1,60}?\s)??(?:to\s+[a-z]|whether\s|if\s|for\s+(?!comment\b))")
#: "was asked", "when asked": the subject is asked, and reports nothing.
_ASKED_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|when|if|once|after|before)\s+(?:[a-z]+ly\s+)?$",
    re.IGNORECASE,
)
#: A passive verb with an empty subject: "it's believed", "it is said" (no one speaks).
_IMPERSONAL = re.compile(r"\b[Ii]t(?:['’]s|\s+(?:is|was|has\s+been))\s+(?:(?:widely|now)\s+)?$")
_CLAUSE_OPEN = re.compile(r"\b(?:which|that)\s+[^,;:\"]{1,80}$")
_WORD = re.compile(r"\S+")
#: A form of "be" and adverbs before a verb: the verb is passive ("was often labelled").
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:not|[a-z]+ly)\s+)*$")
#: The object of a verb of naming, then the opening mark of the name it gives: up to eight
#: words without a clause break ("branded the authors of the attack 'villains'").
NAMED = re.compile(r"\s+([^\s,;:.!?\"“‘']\S*(?:\s+[^\s,;:.!?\"“‘']\S*){0,7}?)\s+[\"“‘']")


# ----------------------------------------------------------------------------- reported speech


def reported(doc: Document, sents: list[tuple[int, int]] | None = None) -> None:
    """Adds each sentence's reported speech to ``doc.found``, each up to the next one.

    Args:
        doc: The document.
        sents: The sentences to read (default: all of ``doc.sents``).
    """
    for lo, hi in doc.sents if sents is None else sents:
        if not doc.may_cue(lo, hi) and doc.text.find("ccording to", lo, hi) < 0:
            continue  # quick test: every rule below needs a speech verb or "according to"
        rows = _forward(doc, lo, hi)
        rows += _according(doc, lo, hi, rows)
        doc.memo["pending"] = rows
        final = _final(doc, lo, hi, rows)
        doc.memo["pending"] = []
        rows = sorted(rows + ([final] if final else []), key=lambda r: r[5])
        for row, nxt in zip(rows, [*rows[1:], None], strict=False):
            if nxt is not None and row[5] < nxt[5] < row[6]:
                row = (*row[:3], doc.text[row[5] : nxt[5]].strip(), row[4], row[5], nxt[5])
            if len(row[3].split()) >= 3:
                doc.found.append(row)


def _forward(doc: Document, lo: int, hi: int) -> list[tuple]:
    """``X said (that) ...``, ``X told reporters that ...``: the words after the verb."""
    rows = []
    for cue in doc.cues(lo, hi):
        if cue.group(0).endswith(" on") and _CLAUSE_OPEN.search(doc.text, lo, cue.start()):
            continue
        if _AFTER_MARK.search(doc.text, lo, cue.start()) and not _THAT_NEXT.match(
            doc.text, cue.end()
        ):
            continue  # '"...," said Tal': the verb attributes the quotation before it
        if rows and _IMPERSONAL.search(doc.text, max(lo, cue.start() - 20), cue.start()):
            continue  # "Tal said that it's believed ...": words of Tal's, not of a new speaker
        if _denied(doc.text, lo, cue):
            continue  # "has not stated that ...", "failed to announce ...": no one said it
        if cue.group(0) in NAMING_VERBS:
            q0 = naming(doc, cue, hi)
        elif cue.group(0) in ASK_VERBS:
            q0 = _asked(doc, lo, cue, hi)
        else:
            q0 = _complement(doc.text, cue.group(0), cue.end(), hi)
        if q0 is None and re.match(r"\s*As\s", doc.text[lo : cue.start()]):
            q0 = cue.end() + 2 if doc.text.startswith(", ", cue.end()) else None
        if q0 is None:
            q0 = _after_aside(doc.text, lo, cue, hi)
        if q0 is None:
            continue
        # The words reported before this verb in the sentence are read as reported:
        # "Tal said Ek had left, as he said ...": he is Tal, not Ek.
        doc.memo["pending"] = rows
        who = subject(doc, lo, cue.start())
        rows.append((doc.doc_id, who, cue.group(0), doc.text[q0:hi].strip(), "reported", q0, hi))
    doc.memo["pending"] = []
    return rows


#: A cue between commas after an adverbial opening: "Even so, Tal said, the ..."; "During
#: the war, he says, a ...". The opening is a preposition or adverb, and short.
_ASIDE_OPENING = re.compile(
    r"\s*(?:(?:[A-Z][a-z]*ly|Even|Still|Yet|But|And|So|Now|Then|Instead|However|Meanwhile|"
    r"Otherwise|Already|(?:In|On|At|During|For|After|Before|Since|Under|With|Without|By|"
    r"Despite|Unlike|Like|Over)\s[^,;:\"]{1,50}?)),?(?:\s[^,;:\"]{1,40}?)?,\s+[^,;:\"]{1,60}$"
)


def _after_aside(text: str, lo: int, cue: re.Match, hi: int) -> int | None:
    """Where the words start that a cue between commas reports, after an adverbial opening.

    "Even so, Tal said, the port will close": what follows the aside is a whole clause
    (it opens with no verb), and the opening only qualifies it. An opening that is the
    clause's subject ("The port, Tal said, will close") is no adverbial: none.
    """
    if not text.startswith(", ", cue.end()) or not _ASIDE_OPENING.fullmatch(text, lo, cue.start()):
        return None
    at = cue.end() + 2
    words = text[at:hi].split()[:2]
    if len(words) < 2 or words[0].lower() in AUX | NOT_CLAUSE or words[0].endswith(("ed", "ing")):
        return None
    if words[0][0].islower() and words[0] not in ("a", "an", "the") and words[0] not in PRONOUNS:
        return None  # "..., Tal said, citing ...": no clause of its own
    return at


def _denied(text: str, lo: int, cue: re.Match) -> bool:
    """Whether a speech verb is negated, so what follows is what no one said.

    Not a belief ("does not believe that ..." holds the opposite view).
    """
    if cue.group(0).startswith("believ"):
        return False
    return _DENIED.search(text, max(lo, cue.start() - 40), cue.start()) is not None


def _asked(doc: Document, lo: int, cue: re.Match, hi: int) -> int | None:
    """Where what a subject asked starts: a request or a question, after any listener.

    "Tal asked the council to act", "asked whether the port is open", "asked for help";
    not a passive ("Tal was asked to leave", "when asked about it") nor a request for
    comment.
    """
    if _ASKED_PASSIVE.search(doc.text, max(lo, cue.start() - 30), cue.start()):
        return None
    at = cue.end() + 1
    return at if _ASKED.match(doc.text, at, hi) else None


def naming(doc: Document, cue: re.Match, hi: int) -> int | None:
    """Where the words after a verb of naming start, when they are an object and a quotation.

    "Tal branded the move 'a provocation'": the active verb reports the name it gives,
    which follows its object in quotation marks. Without an object the verb is passive or
    its object stands before it, and the name is no one's words: a quotation right after
    the verb, after a preposition or after a lone article ("boxes labelled 'fragile'",
    "dubbed by locals 'the fort'", "what the council dubbed a 'reform'"), or a verb after
    "be" ("was quickly dubbed the 'fort'").
    """
    m = NAMED.match(doc.text, cue.end(), hi)
    if m is None or not doc.in_quotes(m.end()) or _PASSIVE.search(doc.text, 0, cue.start()):
        return None
    words = m.group(1).lower().split()
    if words[0] in PREPOSITIONS or words in (["a"], ["an"], ["the"]):
        return None
    return m.start(1)


def _complement(text: str, cue: str, at: int, hi: int) -> int | None:
    """Where the reported words after a speech verb start, or None when it reports none."""
    rest = text[at:hi]
    that = _THAT.match(rest)
    if that and _adverbial(that.group("adv"), cue):
        return at + that.end()
    if cue.startswith(THAT_ONLY):
        return None
    lead = _LEAD_ADV.match(rest)
    start = at + (lead.end() if lead else 0)
    if cue.endswith(" on"):
        return start if _CALL_ON.match(text, start, hi) else None
    if negated := _NEGATION.search(text, at, start):  # "vowed not to": the words say "not"
        start = negated.start()
    words = [(m.start(), m.group(0).lower()) for m in islice(_WORD.finditer(text[start:hi]), 9)]
    if _SCARE.match(text, start, hi):  # 'said "sabotage" was behind': a phrase it quotes
        words = [(p, w.strip('"“”')) for p, w in words]
    if len(words) < 3 or not words[0][1][:1].isalnum() or words[0][1] in NOT_CLAUSE:
        return None
    first = words[0][1]
    if first[-1] in ",;:" and (adverbial(first[:-1]) or adverbial(first[:-1].capitalize())):
        return None  # "said Monday, with ...": the verb reports nothing after it
    if cue in TELL_VERBS:  # past the listener: "told reporters he", "told Kyiv the plan would"
        told = [p for p, w in words[1:5] if w in PRONOUNS]
        told += [
            p
            for i, (p, w) in enumerate(words[1:5], 1)
            if w in DETERMINERS and any(v in AUX for _, v in words[i + 1 : i + 4])
        ]
        return start + min(told) if told else None
    if cue.startswith(ACCUSE) and any(w == "of" for _, w in words[1:6]):
        return start  # "accused Kyiv of shelling the plant"
    if cue.startswith(BLAME):  # "blamed Kyiv for the attack", not "was blamed on"
        passive = _PASSIVE.search(text, max(0, at - len(cue) - 30), at - len(cue))
        blamed = any(w in ("for", "on") for _, w in words[1:6])
        return start if blamed and not passive and first not in PREPOSITIONS else None
    if cue.startswith(OBJECT_VERBS) and words[0][1] not in PREPOSITIONS and len(words) >= 3:
        return start  # "confirmed details of the deal", "reports 300 casualties"
    return start if _clause(cue, [w for _, w in words]) else None


def _clause(cue: str, words: list[str]) -> bool:
    """Whether the words after a verb (no "that") are what it reports."""
    first = words[0]
    if first == "to":
        return cue in PROMISES
    if first in PREPOSITIONS:
        return False
    if (
        cue in SAY_VERBS
        or cue.endswith(" for")
        or (cue.startswith("den") and first.endswith("ing"))
    ):
        return True
    return first in PRONOUNS or any(w in AUX for w in words[1:5])


def _adverbial(words: str, cue: str) -> bool:
    """Whether the words between a verb and "that" qualify the verb ("in a statement").

    A teller names a listener there ("told reporters"), and so may one who warns, urges or
    promises ("warned Kyiv that"); after any other verb, words that are no adverbial make
    "that" a relative pronoun ("said the system that ...": the words after the verb).
    """
    words = words.split()
    if not words or cue in TELL_VERBS:
        return True
    if AUX.intersection(w.lower() for w in words):
        return False
    first = words[0].lower()
    if cue.startswith(LISTENER_VERBS):
        return True
    return first in PREPOSITIONS or adverbial(" ".join(words[:2])) or adverbial(words[0])


def _according(doc: Document, lo: int, hi: int, found: list[tuple]) -> list[tuple]:
    """``According to X, ...`` and ``..., according to X``: speaker X (none if no actor)."""
    rows = []
    text = doc.text
    if text.find("ccording to", lo, hi) < 0:  # quick test: no match can follow
        return rows
    for m in _ACCORDING.finditer(text, lo, hi):
        if doc.in_quotes(m.start()):
            continue
        who = np_speaker(doc, m.end(), hi)
        head = text[lo : m.start()]
        if not head.strip(" ,") or re.fullmatch(r"\s*(?:But|And|However|Yet),?\s*", head):
            comma = text.find(", ", m.end(), hi)
            if comma > 0:
                q0 = comma + 2
                rows.append((doc.doc_id, who, "according to", text[q0:hi], "reported", q0, hi))
        elif not doc.in_quotes(lo + 1) and not any(lo <= r[5] < m.start() for r in found):
            # "The cost, according to Tal, would reach ...": an aside; the whole sentence
            q1 = hi if _aside(text, head, m.end(), hi) else lo + len(head.rstrip(" ,"))
            rows.append((doc.doc_id, who, "according to", text[lo:q1], "reported", lo, q1))
    return rows


def _aside(text: str, head: str, at: int, hi: int) -> bool:
    """Whether "according to" after ``head`` opens an aside that commas close mid-sentence.

    The sentence goes on with its verb after the aside ("The cost, according to Tal,
    would reach ...", "..., according to Tal, agreed ..."), not with words about the
    source ("..., according to Tal, who ...", "..., according to Tal, head of ...").
    """
    if not head.rstrip().endswith(","):
        return False
    comma = text.find(", ", at, hi)
    rest = text[comma + 2 : hi].split() if comma > 0 else []
    return len(rest) >= 2 and (rest[0] in AUX or (rest[0].islower() and rest[0].endswith("ed")))


def _final(doc: Document, lo: int, hi: int, found: list[tuple]) -> tuple | None:
    """``..., X said Tuesday.`` / ``..., officials said, and ...``: the clause before."""
    text = doc.text
    if not doc.may_cue(lo, hi):  # quick test: the pattern needs a speech verb
        return None
    m = _FINAL.search(text, lo, hi)
    if m is None or doc.in_quotes(m.start("subj")) or len(m.group("subj").split()) > 8:
        return None
    opened = [q for q in doc.quoted if lo <= q[0] <= lo + 1 and q[1] >= m.start() - 1]
    if opened or doc.in_quotes(lo):  # '"...," she said.' attributes a direct quotation
        return None
    tail = m.group("tail").lower().split()
    if "that" in tail or (tail and tail[0] in PRONOUNS and not adverbial(_words(tail[:2]))):
        return None
    if any(r[5] >= m.end("cue") and r[2] == m.group("cue") for r in found):
        return None  # the verb reports the words after it: "..., Tal said after it that ..."
    start = max([lo] + [r[5] for r in found if r[5] < m.start()])
    if start != lo:  # words reported earlier in the sentence: keep to the last clause
        edge = [e.end() for e in re.finditer(r",\s+(?:but|and|while)\s+", text[start : m.start()])]
        if not edge:
            return None
        start += edge[-1]
    who = subject(doc, m.start("subj") - 1, m.start("cue"))
    if pronoun := _PRONOUN.fullmatch(m.group("subj")):
        # "The army was cut off, it said": no one named in the words it reports
        who = antecedent(doc, start, pronoun.group(1))
    quote = text[start : m.start()].strip(" \"'")
    return (doc.doc_id, who, m.group("cue"), quote, "reported", start, m.start())


def _words(words: list[str]) -> str:
    """Words joined, without the full stop of a sentence's last one."""
    return " ".join(words).rstrip(".!?\"'")
