"""Direct quotations: words in quotation marks, with the speech verb that attributes them.

A stretch of :data:`~workbench.actors.speech.MIN_QUOTE_WORDS` words or more in quotation
marks (double, or single where a text quotes with them) is attributed by a speech verb
after it (``"...," he insisted``, ``"...," said Mira Tal``, ``"...," Mira Tal, an analyst
at the institute, told reporters``), a speech verb before it in its sentence (``Tal said
in a statement: "..."``, ``Tal said the plan will "..."``), or as the next stretch of a
run one speaker began in the sentence before (``"...," Tal said. "And ..."``); in
``"...," she said, according to Dan`` she speaks and Dan reports it.

Rows are ``(doc_id, speaker, cue, quote, kind, start, end)``; the speakers come from
:mod:`workbench.actors.speakers` and :mod:`workbench.actors.attributions`.
"""

from __future__ import annotations

import re

from workbench.actors import references
from workbench.actors.attributions import apposed_person, named_in, np_speaker
from workbench.actors.cues import CUES, NAMING_VERBS, PREPOSITIONS, adverbial, noun_before
from workbench.actors.document import Document
from workbench.actors.speakers import sentence_subject, subject, unlisted_subject
from workbench.actors.speech import MIN_QUOTE_WORDS, NAMED, naming

#: A letter of a noun phrase: no clause break, but the full stop of an initial ("U.S.").
_NP = r"(?:[^,.;:\"!?]|(?<=\b[A-Z])\.)"
#: A speech verb after a quotation, with its subject: a name, perhaps with a noun phrase in
#: apposition between commas ('"...," Mira Tal, an analyst at the institute, told Harbour';
#: '"...," Mira Tal, Ruritania's envoy to the U.N., said').
_AFTER = re.compile(
    r"^\s*(?:,|--?)?\s*(?:(?P<subj>"
    + _NP
    + r"{1,70}?(?:,\s+(?:(?:a|an|the)\s|[A-Z])"
    + _NP
    + r"{1,90},)?)\s+)?"
    r"(?:(?:has|had|later|also)\s+|(?:was|were)\s+quoted\s+as\s+)?"
    r"(?P<cue>called out|" + "|".join(CUES) + r")\b(?P<rest>[^.;\"!?]{0,80})"
)
#: A person noun and its verb (no speech verb), then a colon: "The reporter went on:" (not
#: "The soldier's letter read:").
_VERB_COLON = re.compile(r"\s*([Tt]he\s+[a-z]+)\s+[a-z]+(?:\s+(?:on|up))?\s*:\s*")
#: A colon right after a speech verb (perhaps after a time or a listener): the verb opens
#: the words that follow ('Dan posted: "..."', 'Dan told reporters on Monday: "..."'), and
#: attributes no quotation before it.
_OPENS_NEXT = re.compile(r"(?:\s+[\w'-]+){0,4}?\s*:")
#: A name and a verb that open a quotation after a colon ("But Tal continued:", "Mira Tal
#: shot back:"): the name is the subject of the verb, whatever the verb.
_NAME_COLON = re.compile(
    r"\s*(?:(?:But|And|Then|So|Yet|Later|Earlier),?\s+)?"
    r"(?P<name>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){0,2})"
    r"\s+(?:(?:then|later|also|simply)\s+)?[a-z]+(?:\s+(?:on|up|back|in))?\s*:\s*"
)
#: A quotation closed by a comma, inside or after its mark: its attribution follows.
_ATTRIBUTED = re.compile(r",[\"'\u201d\u2019]|[\"'\u201d\u2019]?\s*,")
_AFTER_INVERTED = re.compile(
    r"^\s*(?:,|--?)?\s*(?P<cue>said|says|added|adds|asked|wrote|continued|told)\s+"
    r"(?P<subj>" + _NP + r"{1,80})"
)


def direct(doc: Document, lo: int = 0, hi: int | None = None) -> None:
    """Adds the direct quotations that a speech verb attributes to ``doc.found``.

    Each is added as it is found, so the speaker rules of the next one read it (a pronoun
    after a quotation continues its speaker).

    Args:
        doc: The document.
        lo: Read the quotations that open at or after this offset ...
        hi: ... and before this one (default: to the end of the text).
    """
    for q0, q1 in doc.quotations(lo, hi):
        quote = doc.text[q0:q1].strip()
        if len(quote.split()) < MIN_QUOTE_WORDS:
            continue
        hit = _cue_after(doc, q0, q1) or _cue_before(doc, q0) or _run_on(doc, q0)
        if hit is not None:
            cue, who = hit
            doc.found.append((doc.doc_id, who, cue.lower(), quote, "direct", q0, q1))


def _cue_after(doc: Document, q0: int, q1: int) -> tuple[str, str | None] | None:
    """``"...," Tal said`` / ``"...," said Tal`` / ``"...," he began`` / ``"...", according to``."""
    at = q1 + 1
    tail = doc.text[at : at + 120]
    tail = tail[: min((tail.find(c) for c in '"\n' if c in tail), default=len(tail))]
    according = re.match(r"^[^.;!?]{0,30}?\baccording to\s+", tail)
    # '"...," he said, according to a witness': the verb's subject spoke, not the witness
    found = None
    if according is None or doc.may_cue(at, at + according.end()):
        found = _attribution(doc, q0, q1, tail)
    if found is None and according is not None:
        return "according to", np_speaker(doc, at + according.end(), at + len(tail))
    return found


def _attribution(doc: Document, q0: int, q1: int, tail: str) -> tuple[str, str | None] | None:
    """A speech verb and its subject in ``tail``, the words after a quotation."""
    text, at = doc.text, q1 + 1
    inverted = _AFTER_INVERTED.match(tail)
    if inverted and _OPENS_NEXT.match(tail, inverted.end("cue")) and _introduced(doc, q0):
        return None  # 'Tal said: "...?" Dan said: "..."': the colon binds the one after it
    if inverted:
        subj = (at + inverted.start("subj"), at + inverted.end("subj"))
        who = apposed_person(doc, *subj) or named_in(doc, *subj, q0, governed=False)
        return inverted.group("cue"), who
    m = _AFTER.match(tail)
    if m is None or m.group("subj") is None or noun_before(m.group("subj")):
        return None
    if _OPENS_NEXT.match(m.group("rest")) and _introduced(doc, q0):
        return None  # 'Tal said: "...?" Dan posted: "..."': the colon binds the one after it
    closed = text[max(q0, q1 - 1) : q1] in (",", "?", "!") or tail.lstrip().startswith((",", "-"))
    rest = m.group("rest").lower().split()
    # After a full stop only a bare attribution counts: '"..." Tal said to reporters.'
    bare = len(rest) <= 3 and (not rest or rest[0] in PREPOSITIONS or adverbial(rest[0]))
    if not closed and (len(m.group("subj").split()) > 5 or not bare):
        return None
    return m.group("cue"), named_in(doc, at, at + m.end("subj"), q0, governed=False)


def _introduced(doc: Document, q0: int) -> bool:
    """Whether a speech verb before a quotation in its sentence introduces it ("Tal said:")."""
    return bool(doc.cues(doc.sentence(q0 - 1)[0], q0 - 1))


def _cue_before(doc: Document, q0: int) -> tuple[str, str | None] | None:
    """A speech verb before the quotation in its sentence: ``Tal said: "..."``."""
    lo = doc.sentence(q0 - 1)[0]
    cues = [c for c in doc.cues(lo, q0 - 1) if _names(doc, c, q0)]
    if cues:
        return cues[-1].group(0), subject(doc, lo, cues[-1].start())
    if doc.text[lo : q0 - 1].rstrip().endswith(":") and lo < q0 - 2:
        colon = doc.text.rindex(":", lo, q0)
        nesting = [r for r in doc.found if r[4] == "direct" and r[5] < colon <= r[6] + 1]
        if nesting:  # "'... And he told her: 'Enjoy it'": the words quoted in a quotation
            return nesting[-1][2], nesting[-1][1]
        inside = [q for q in doc.quoted if q[0] < colon < q[1]]
        if inside and (run := _run_on(doc, inside[-1][0])) is not None:
            return run  # "..., said Tal. 'She told me: 'Go'": a short quotation of Tal's
        who = sentence_subject(doc, lo, q0)
        if who is None and (verb := _VERB_COLON.fullmatch(doc.text, lo, q0 - 1)):
            who = references.described(doc, verb.group(1), q0)  # "The reporter went on:"
        if who is None and (named := _NAME_COLON.fullmatch(doc.text, lo, q0 - 1)):
            who = unlisted_subject(doc, named.group("name"), lo + named.start("name"))
        return ":", who
    return None


def _names(doc: Document, cue, q0: int) -> bool:
    """Whether a cue before a quotation may attribute it.

    A verb of naming attributes only its own name, and "called on" none.
    """
    if cue.group(0).endswith(" on"):
        return False  # "called on Kyiv to ...": an appeal, not the quotation's verb
    if cue.group(0) not in NAMING_VERBS:
        return True
    m = NAMED.match(doc.text, cue.end(), q0)
    return m is not None and m.end() == q0 and naming(doc, cue, q0) is not None


def _run_on(doc: Document, q0: int) -> tuple[str, str | None] | None:
    """The next stretch of a run: a quotation or report ended in this or the last sentence."""
    if doc.text[doc.sentence(q0 - 1)[0] : q0 - 1].strip():
        return None
    since, (lo, hi) = doc.previous_sentence_start(q0 - 1), doc.sentence(q0 - 1)
    closed = max([q[1] for q in doc.quoted if q[0] <= q0 < q[1]], default=q0)
    own = [c for c in doc.cues(closed, hi) if not doc.in_quotes(c.start())]
    if own and _ATTRIBUTED.match(doc.text, max(q0, closed - 1)):
        # '"...," Tal, who ..., said.': a comma hands the quotation to its own verb
        return own[0].group(0), subject(doc, closed, own[0].start())
    before = [r for r in doc.found if r[5] < q0 and r[6] >= since]
    if before:
        last = max(before, key=lambda r: r[6])
        return last[2], last[1]
    cues = doc.cues(since, lo)
    if cues and since < lo:
        return cues[-1].group(0), subject(doc, since, cues[-1].start())
    return None
