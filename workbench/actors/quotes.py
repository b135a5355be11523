"""Who said what, and which outlets an article cites.

Quotes come in three kinds, all found with rules over the normalised text, its sentences
and the resolved mentions (so a speaker is an actor wherever possible):

- ``direct``: a stretch of four words or more in quotation marks (double, or single where
  a text quotes with them), attributed by a speech verb after it (``"...," he insisted``,
  ``"...," said Mira Tal``), a speech verb before it in its sentence (``Tal said in a
  statement: "..."``, ``Tal said the plan will "..."``), or as the next stretch of a run
  one speaker began in the sentence before (``"...," Tal said. "And ..."``);
- ``reported``: ``X said (that) ...``, ``X told reporters that ...``, ``X announced it
  has ...``, ``..., X said.`` and ``According to X, ...`` / ``..., according to X``;
- ``interview turn``: a paragraph opening with a speaker label (``Dr. Sharma: ...``),
  when that label opens at least two paragraphs of the article.

The speaker is the subject of the speech verb: the actor just before it (an apposition,
an auxiliary or an adverb may come between), a pronoun's antecedent (the last person, or
for "it" the last body, named as a subject outside quotation marks), the subject of the
sentence for a participle or a second verb ("..., adding that"; "... and said"), or none
when the subject names no actor ("a spokesperson said"). An outlet is never the speaker.

Citations are mentions of outlets and agencies in a citing context ("According to AP
News", "CNN reported", "as Politico reports", "told Russian news agency RIA Novosti");
an article's own outlet (its ``source``) is its own reporting, not a citation.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pandas as pd

from workbench.actors import names
from workbench.actors.gazetteer import Gazetteer, fold
from workbench.core.tables import with_doc_columns

QUOTE_COLUMNS = ["doc_id", "source", "date", "speaker", "cue", "quote", "kind", "start", "end"]
CITATION_COLUMNS = ["doc_id", "source", "date", "cited", "sentence_id"]
_QUOTE_FOUND = [c for c in QUOTE_COLUMNS if c not in ("source", "date")]

#: Speech verbs whose words follow in any shape ("said the plan failed", "denied any role").
SAY_VERBS = frozenset(
    "say says said saying add adds added adding warn warns warned warning claim claims "
    "claimed claiming states stated stating insist insists insisted insisting argue "
    "argues argued arguing assert asserts asserted asserting allege alleges alleged alleging "
    "contend contends contended vowed pledged promised proclaimed urge urges urged demanded".split()
)
#: Speech verbs that report words only before "that" or a clause ("announced it has ...",
#: not "announced sanctions").
CLAUSE_VERBS = frozenset(
    "announce announces announced announcing confirm confirms confirmed confirming reports "
    "reported reporting reveal reveals revealed revealing tweets tweeted posts posted write "
    "writes wrote notes noted noting stress stresses stressed "
    "emphasize emphasizes emphasized emphasised explain explains explained declare declares "
    "declared acknowledge acknowledges acknowledged admit admits admitted concede concedes "
    "conceded suggest suggests suggested predict predicts predicted recall recalls recalled "
    "believe believes believed maintain maintains maintained reiterate reiterates reiterated "
    "indicate indicates indicated conclude concluded caution cautioned hailed denounced "
    "replied responded deny denies denied denying accuse accuses accused accusing".split()
)
#: Verbs of promising: the words after one may be an infinitive ("vowed to remain").
_PROMISES = frozenset("vowed pledged promised threatened".split())
#: Verbs of reporting: with an outlet as their subject they cite it, and quote no one.
_REPORTING = frozenset("reported reports reporting revealed reveals wrote writes".split())
#: Verbs of telling: the listener comes first ("told reporters that ...").
TELL_VERBS = frozenset("tell tells told telling".split())
#: Verbs that attribute a quotation only right after it ("...," he began).
AFTER_VERBS = frozenset("began continued asked joked quipped read remarked commented".split())
#: Speech verbs recognised as quote cues.
CUES = tuple(sorted(SAY_VERBS | CLAUSE_VERBS | TELL_VERBS | AFTER_VERBS))
#: Minimum words in a direct quotation (shorter ones are scare quotes: "technical teams").
MIN_QUOTE_WORDS = 4
#: Turn labels that are not speakers (FAQ blocks).
NOT_SPEAKERS = frozenset({"q", "a", "question", "answer", "faq", "note", "source", "update"})

_SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "MEDIA")
_PRONOUNS = frozenset("he she it they we i you there this these those".split())
_AUX = frozenset(
    "is are was were has have had will would can could must should may might did does do "
    "isn't aren't wasn't weren't hasn't haven't won't wouldn't can't couldn't didn't".split()
)
_NOT_CLAUSE = frozenset("and but or nor after before when while since until because if".split())
_PREPOSITIONS = frozenset(
    "in on at to by for with from of about against during via through into over under near "
    "as like between among across outside inside".split()
)
_NOUN_BEFORE = _PREPOSITIONS | frozenset(
    "the a an his her its their our my your these those such no any some many new media "
    "news received recent unconfirmed were was been being be is are this".split()
)
#: Nouns that stand for a body named before ("the agency said": the last body named).
_BODY_NOUNS = (
    "organization organisation agency company firm ministry military government department "
    "office alliance bloc council commission command institute court administration army "
    "service group"
).split()
#: Nouns a name before them only qualifies: "a NATO spokesperson" names no speaker.
_ROLE_NOUNS = frozenset(
    "spokesperson spokesman spokeswoman spokespeople official officials source sources minister "
    "ministry officer officers commander governor envoy ambassador representative region "
    "country government forces military army troops president leader staff authorities "
    "administration media embassy city province district state residents analyst analysts "
    "expert experts adviser advisers aide aides lawmakers lawmaker employee worker".split()
)
_SPEECH = sorted(SAY_VERBS | CLAUSE_VERBS | TELL_VERBS)
_CUE = re.compile(r"\b(?:called for|calls for|call for|" + "|".join(_SPEECH) + r")\b")
# Words between a subject and its verb: auxiliaries, adverbs, a date ("Tal has long said").
_ADV = (
    r"(?:has|have|had|also|did|does|do|will|would|could|can|may|might|must|should|not|never|"
    r"later|earlier|previously|repeatedly|today|yesterday|tonight|now|again|long|already|then|"
    r"first|once|originally|simply|[a-z]+ly|[A-Z][a-z]+day|last\s+\w+|this\s+\w+|"
    r"(?:on|in)\s+[A-Z]\w+|(?:was|were)\s+quoted\s+as)"
)
_SUBJECT_GAP = re.compile(
    r"^(?:\s*\([^()]{1,40}\))?(?:\s*,[^,;:\"]{1,80}(?:,[^,;:\"]{1,40}){0,2},)?(?:\s+"
    + _ADV
    + r")*\s*$"
)
_BODY_GAP = re.compile(
    r"^(?:\s+[a-z]+)?\s+(?:" + "|".join(_BODY_NOUNS) + r")(?:\s+" + _ADV + r")*\s*$"
)
_TRAILING_ADV = re.compile(r"(?:\s+" + _ADV + r")+\s*$")
_COORDINATED = re.compile(r"(?:\band|,|--)\s*$")
_THE_BODY = re.compile(r"\b[Tt]he\s+(?:[a-z-]+\s+)?(?:" + "|".join(_BODY_NOUNS) + r")\s*$")
_AFTER_MARK = re.compile(r"[\"']\s*$")
_PRONOUN_BEFORE = re.compile(r"\b(?P<p>[Hh]e|[Ss]he|[Ii]t|[Tt]hey)(?:\s+" + _ADV + r")*\s*$")
_CLAUSE_EDGE = re.compile(r"\b(?:that|who|which|while|whom|whose|and|but)\b|;")
_THAT = re.compile(r"^(?P<adv>[^,;:\"]{0,70}?)\s*(?:--[^-]{1,60}--\s*)?\bthat\s+(?=\S)")
_LEAD_ADV = re.compile(r"^(?:\s+" + _ADV + r"|\s+(?:on|last|this|earlier|late)\s+\w+)*\s+")
_AFTER = re.compile(
    r"^\s*(?:,|--?)?\s*(?:(?P<subj>[^,.;:\"!?]{1,70}?)\s+)?(?:(?:has|had|later|also)\s+)?"
    r"(?P<cue>called out|" + "|".join(CUES) + r")\b(?P<rest>[^.;\"!?]{0,80})"
)
_AFTER_INVERTED = re.compile(
    r"^\s*(?:,|--?)?\s*(?P<cue>said|says|added|adds|asked|wrote|continued|told)\s+"
    r"(?P<subj>[^,.;:\"!?]{1,60})"
)
_FINAL = re.compile(
    r"(?P<sep>,[\"']?|\s--?)\s+(?P<subj>[^,;:\"]{1,80}?)\s+(?:(?:has|have|had|also|later)\s+)*"
    r"(?P<cue>" + "|".join(_SPEECH) + r")(?P<tail>(?:\s+[\w'.-]+){0,6}?)"
    r"\s*(?:[.!]?[\"']?\s*$|,\s+(?:[a-z]+ing|and|but|while|as|a|an|after|before|when)\b)"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_TURN = re.compile(r"^(?P<label>[A-Za-z][\w.'\- ]{0,40}?):\s+(?P<text>\S.*)$", re.S)


# ----------------------------------------------------------------------------- quotation marks


def quoted_stretches(text: str) -> list[tuple[int, int]]:
    """Offsets of the words inside quotation marks, in text order.

    A mark opens after a space or bracket and before a word, closes after a word and before
    a space or punctuation; an apostrophe inside a word does neither. A quotation left open
    (a quoted paragraph whose next paragraph opens with a mark again) runs to that next
    opening mark. Single-quoted stretches inside double-quoted ones are not their own.
    """
    double = _marked(text, '"')
    single = [
        s for s in _marked(text, "'") if not any(lo < s[1] and s[0] < hi for lo, hi in double)
    ]
    return sorted(double + single)


def _marked(text: str, mark: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    open_at = None
    for m in re.finditer(mark, text):
        p = m.start()
        before = text[p - 1] if p else " "
        after = text[p + 1] if p + 1 < len(text) else " "
        opens = (before.isspace() or before in "([{:;,-\u2014") and not after.isspace()
        closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}-\u2014\u2026")
        if before.isalnum() and after.isalnum() or opens == closes:
            continue
        if opens:
            if open_at is not None:
                out.append((open_at, p))
            open_at = p + 1
        elif open_at is not None:
            out.append((open_at, p))
            open_at = None
    if open_at is not None:
        out.append((open_at, len(text)))
    return [(lo, _paragraph_end(text, lo, hi)) for lo, hi in out if hi > lo]


def _paragraph_end(text: str, lo: int, hi: int) -> int:
    cut = text.find("\n", lo, hi)
    return hi if cut < 0 else cut


# ----------------------------------------------------------------------------- one document


@dataclass
class _Doc:
    """A document's text, its mentions outside quotation marks, quotations and sentences."""

    doc_id: str
    text: str
    mentions: list[tuple[int, int, str, str]]
    quoted: list[tuple[int, int]]
    sents: list[tuple[int, int]]
    found: list[tuple] = field(default_factory=list)
    subjects: list[tuple[int, int, str, str]] = field(default_factory=list)
    types: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._quote_starts = [q[0] for q in self.quoted]
        self._sent_starts = [s[0] for s in self.sents]
        self.mentions = [s for s in self.mentions if not self.in_quotes(s[0])]
        self.subjects = [s for s in self.mentions if self.subject_like(s)]
        self._subject_starts = {s[0] for s in self.subjects}
        self.types = {s[2]: s[3] for s in self.mentions}

    def in_quotes(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation."""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and pos < self.quoted[i][1]

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos`` (its start and end)."""
        i = max(0, bisect.bisect_right(self._sent_starts, pos) - 1)
        return self.sents[i] if self.sents else (0, len(self.text))

    def previous_sentence_start(self, pos: int) -> int:
        """Where the sentence before the one holding ``pos`` starts."""
        i = bisect.bisect_right(self._sent_starts, pos) - 1
        return self.sents[i - 1][0] if i >= 1 else self.sentence(pos)[0]

    def modifier(self, span: tuple) -> bool:
        """A mention qualifying a noun after it ("a NATO spokesperson", "the Donetsk region")."""
        after = self.text[span[1] : span[1] + 30].split()
        return bool(after) and after[0].lower().strip(",.") in _ROLE_NOUNS

    def acts(self, span: tuple) -> bool:
        """Whether a verb follows a mention ("Kyiv said", "NATO, the alliance, has")."""
        after = re.match(r"(?:\s*,[^,]{1,60},)?,?\s+(\w+)", self.text[span[1] : span[1] + 90])
        word = after.group(1) if after else ""
        verb = word in _AUX or word in CUES or word.endswith("ed") or bool(re.fullmatch(_ADV, word))
        return verb or (span[3] == "PERSON" and word.islower() and word.endswith("s"))

    def subject_like(self, span: tuple) -> bool:
        """A mention not governed by a preposition and not a possessive ("to Kyiv", "Kyiv's")."""
        before = self.text[max(0, span[0] - 25) : span[0]].split()
        word = before[-1].lower() if before else ""
        if word == "the" and len(before) > 1:
            word = before[-2].lower()
        address = span[3] != "PERSON" and re.search(r"[A-Z]\w+,\s*$", self.text[: span[0]][-30:])
        return (
            not address
            and word not in _PREPOSITIONS
            and not self.text.startswith("'s", span[1])
            and not self.modifier(span)
        )


def extract_quotes(
    corpus: pd.DataFrame, mentions: pd.DataFrame, sentences: pd.DataFrame
) -> pd.DataFrame:
    """Direct quotes, reported speech and interview turns of every document.

    Args:
        corpus: The corpus table (``doc_id``, ``text``; ``source`` and ``date`` when present).
        mentions: Resolved mentions (``doc_id``, ``start``, ``end``, ``actor``, ``actor_type``).
        sentences: The sentence table of the corpus (:func:`workbench.segment`).

    Returns:
        :data:`QUOTE_COLUMNS`: the document's ``doc_id``, ``source`` and publication ``date``,
        then the quote; ``start``/``end`` are offsets of the quoted words in ``text``. The
        speaker is ``None`` when the words are attributed to no named actor.
    """
    from workbench.actors.resolve import _plain_strings

    mentions, sentences = _plain_strings(mentions), _plain_strings(sentences)
    rows: list[tuple] = []
    speakers = mentions[mentions["actor_type"].isin(_SPEAKER_TYPES)]
    spans_of, bounds_of = defaultdict(list), defaultdict(list)
    columns = ("doc_id", "start", "end", "actor", "actor_type")
    for d, *span in zip(*(speakers[c].tolist() for c in columns), strict=True):
        spans_of[d].append(tuple(span))
    for d, lo, hi in zip(*(sentences[c].tolist() for c in ("doc_id", "start", "end")), strict=True):
        bounds_of[d].append((lo, hi))
    for doc_id, text in zip(corpus["doc_id"], corpus["text"], strict=True):
        if not isinstance(text, str) or doc_id not in bounds_of:
            continue
        spans = sorted(spans_of.get(doc_id, []))
        doc = _Doc(doc_id, text, spans, quoted_stretches(text), sorted(bounds_of[doc_id]))
        _reported(doc)
        doc.found += _direct(doc)
        rows.extend(doc.found)
        rows.extend(_turns(doc_id, text, spans))
    out = pd.DataFrame(rows, columns=_QUOTE_FOUND)
    out = out.drop_duplicates(["doc_id", "start", "end", "kind"])
    out = out.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    return with_doc_columns(out, corpus)[QUOTE_COLUMNS]


# ----------------------------------------------------------------------------- speakers


def _speaker(span: tuple) -> str | None:
    """The actor a mention names as a speaker: never an outlet, which only carries words."""
    return None if span[3] == "MEDIA" else span[2]


def _subject(doc: _Doc, lo: int, cue_at: int) -> str | None:
    """The speaker of the verb at ``cue_at``: the subject before it in its clause."""
    text = doc.text
    edges = [m.end() for m in _CLAUSE_EDGE.finditer(text, lo, cue_at)]
    clause_lo = edges[-1] if edges else lo
    for span in doc.mentions:
        if clause_lo <= span[0] and span[1] <= cue_at and span[0] in doc._subject_starts:
            gap = text[span[1] : cue_at]
            if _SUBJECT_GAP.match(gap) or (span[3] == "ORG" and _BODY_GAP.match(gap)):
                return _speaker(span)
    head = _TRAILING_ADV.sub(" ", text[lo:cue_at])
    pronoun = _PRONOUN_BEFORE.search(head)
    if pronoun:
        return _antecedent(doc, lo + pronoun.start(), pronoun.group("p"))
    if _COORDINATED.search(head) and head.strip(" ,-"):
        return _sentence_subject(doc, lo, cue_at)
    if _THE_BODY.search(head):
        return _antecedent(doc, doc.sentence(cue_at)[0], "it")
    return None


def _sentence_subject(doc: _Doc, lo: int, before: int) -> str | None:
    """The subject of the sentence's first speech verb, else its first subject-like actor."""
    first = next((m for m in _CUE.finditer(doc.text, lo, before) if _verb_use(doc, m)), None)
    if first is not None:
        return _subject(doc, lo, first.start())
    opening = re.match(r"\s*(?:[A-Z]\w+,\s+)?(?P<p>He|She|It|They)\b", doc.text[lo:before])
    if opening:
        return _antecedent(doc, lo, opening.group("p"))
    span = next((s for s in doc.subjects if lo <= s[0] < before), None)
    return _speaker(span) if span else None


def _antecedent(doc: _Doc, pos: int, pronoun: str) -> str | None:
    """Who a pronoun before ``pos`` stands for.

    "he" or "she": the last person named as a subject outside quotation marks (else the last
    person named); "it": the last body that spoke or acted ("Kyiv said"); "they": no one.
    """
    if pronoun.lower() in ("he", "she"):
        people = [s for s in doc.mentions if s[1] <= pos and s[3] == "PERSON"]
        subjects = [s for s in people if doc.subject_like(s)]
        named = [s for s in subjects if doc.acts(s)] or subjects or people
        return named[-1][2] if named else None
    if pronoun.lower() != "it":
        return None
    acted = [
        (s[0], s[2]) for s in doc.subjects if s[1] <= pos and s[3] in ("ORG", "GPE") and doc.acts(s)
    ]
    spoke = [
        (r[5], r[1]) for r in doc.found if r[5] < pos and doc.types.get(r[1]) in ("ORG", "GPE")
    ]
    return max(acted + spoke, default=(0, None))[1]


def _verb_use(doc: _Doc, cue: re.Match) -> bool:
    """A cue word used as a verb outside quotation marks ("the claims", "reports of": nouns)."""
    if doc.in_quotes(cue.start()) or doc.text[cue.start() - 1 : cue.start()] == "-":
        return False
    before = doc.text[max(0, cue.start() - 20) : cue.start()].split()
    after = doc.text[cue.end() : cue.end() + 6].split()
    if before and before[-1].lower() in _NOUN_BEFORE:
        return False
    return not (after and after[0] == "of")


# ----------------------------------------------------------------------------- reported speech


def _reported(doc: _Doc) -> None:
    """Adds each sentence's reported speech to ``doc.found``, each up to the next one."""
    for lo, hi in doc.sents:
        rows = _forward(doc, lo, hi)
        rows += _according(doc, lo, hi, rows)
        final = _final(doc, lo, hi, rows)
        rows = sorted(rows + ([final] if final else []), key=lambda r: r[5])
        for row, nxt in zip(rows, [*rows[1:], None], strict=False):
            if nxt is not None and row[5] < nxt[5] < row[6]:
                row = (*row[:3], doc.text[row[5] : nxt[5]].strip(), row[4], row[5], nxt[5])
            if len(row[3].split()) >= 3:
                doc.found.append(row)


def _forward(doc: _Doc, lo: int, hi: int) -> list[tuple]:
    """``X said (that) ...``, ``X told reporters that ...``: the words after the verb."""
    rows = []
    for cue in _CUE.finditer(doc.text, lo, hi):
        if not _verb_use(doc, cue) or _AFTER_MARK.search(doc.text, lo, cue.start()):
            continue
        q0 = _complement(doc.text, cue.group(0), cue.end(), hi)
        if q0 is None and re.match(r"\s*As\s", doc.text[lo : cue.start()]):
            q0 = cue.end() + 2 if doc.text.startswith(", ", cue.end()) else None
        if q0 is None or (cue.group(0) in _REPORTING and _outlet_before(doc, lo, cue.start())):
            continue
        speaker = _subject(doc, lo, cue.start())
        rows.append(
            (doc.doc_id, speaker, cue.group(0), doc.text[q0:hi].strip(), "reported", q0, hi)
        )
    return rows


def _outlet_before(doc: _Doc, lo: int, cue_at: int) -> bool:
    """Whether an outlet is the subject ("Reuters reported that": a citation, not a quote)."""
    return any(
        s[3] == "MEDIA" and lo <= s[0] and _SUBJECT_GAP.match(doc.text[s[1] : cue_at])
        for s in doc.mentions
    )


def _complement(text: str, cue: str, at: int, hi: int) -> int | None:
    """Where the reported words after a speech verb start, or None when it reports none."""
    rest = text[at:hi]
    that = _THAT.match(rest)
    if that and _adverbial(that.group("adv"), cue):
        return at + that.end()
    lead = _LEAD_ADV.match(rest)
    start = at + (lead.end() if lead else 0)
    words = [(m.start(), m.group(0).lower()) for m in re.finditer(r"\S+", text[start:hi])][:9]
    if len(words) < 3 or not words[0][1][0].isalnum() or words[0][1] in _NOT_CLAUSE:
        return None
    if cue in TELL_VERBS:
        told = [p for p, w in words[1:5] if w in _PRONOUNS]
        return start + told[0] if told else None
    return start if _clause(cue, [w for _, w in words]) else None


def _clause(cue: str, words: list[str]) -> bool:
    """Whether the words after a verb (no "that") are what it reports."""
    first = words[0]
    if first == "to":
        return cue in _PROMISES
    if first in _PREPOSITIONS:
        return False
    if (
        cue in SAY_VERBS
        or cue.endswith(" for")
        or (cue.startswith("den") and first.endswith("ing"))
    ):
        return True
    return first in _PRONOUNS or any(w in _AUX for w in words[1:5])


def _adverbial(words: str, cue: str) -> bool:
    """Whether the words between a verb and "that" qualify the verb ("in a statement").

    A teller names a listener there ("told reporters"); a sayer may name whom it warns.
    """
    words = words.split()
    if not words or cue in TELL_VERBS:
        return True
    if _AUX.intersection(w.lower() for w in words):
        return False
    first = words[0].lower()
    return (
        cue in SAY_VERBS or first in _PREPOSITIONS or bool(re.fullmatch(_ADV, " ".join(words[:2])))
    )


def _according(doc: _Doc, lo: int, hi: int, found: list[tuple]) -> list[tuple]:
    """``According to X, ...`` and ``..., according to X``: speaker X (none if no actor)."""
    rows = []
    text = doc.text
    for m in _ACCORDING.finditer(text, lo, hi):
        if doc.in_quotes(m.start()):
            continue
        speaker = _np_speaker(doc, m.end(), hi)
        head = text[lo : m.start()]
        if not head.strip(" ,") or re.fullmatch(r"\s*(?:But|And|However,?|Yet)\s*", head):
            comma = text.find(", ", m.end(), hi)
            if comma > 0:
                q0 = comma + 2
                rows.append((doc.doc_id, speaker, "according to", text[q0:hi], "reported", q0, hi))
        elif not doc.in_quotes(lo + 1) and not any(lo <= r[5] < m.start() for r in found):
            q1 = lo + len(head.rstrip(" ,"))
            rows.append((doc.doc_id, speaker, "according to", text[lo:q1], "reported", lo, q1))
    return rows


def _final(doc: _Doc, lo: int, hi: int, found: list[tuple]) -> tuple | None:
    """``..., X said Tuesday.`` / ``..., officials said, and ...``: the clause before."""
    text = doc.text
    m = _FINAL.search(text, lo, hi)
    if m is None or doc.in_quotes(m.start("subj")) or len(m.group("subj").split()) > 8:
        return None
    opened = [q for q in doc.quoted if lo <= q[0] <= lo + 1 and q[1] >= m.start() - 1]
    if opened or doc.in_quotes(lo):  # '"...," she said.' attributes a direct quotation
        return None
    tail = m.group("tail").lower().split()
    if "that" in tail or (tail and tail[0] in _PRONOUNS):
        return None
    start = max([lo] + [r[5] for r in found if r[5] < m.start()])
    if start != lo:  # words reported earlier in the sentence: keep to the last clause
        edge = [e.end() for e in re.finditer(r",\s+(?:but|and|while)\s+", text[start : m.start()])]
        if not edge:
            return None
        start += edge[-1]
    speaker = _subject(doc, m.start("subj") - 1, m.start("cue"))
    quote = text[start : m.start()].strip(" \"'")
    return (doc.doc_id, speaker, m.group("cue"), quote, "reported", start, m.start())


# ----------------------------------------------------------------------------- direct quotes


def _direct(doc: _Doc) -> list[tuple]:
    rows: list[tuple] = []
    for q0, q1 in doc.quoted:
        quote = doc.text[q0:q1].strip()
        if len(quote.split()) < MIN_QUOTE_WORDS:
            continue
        hit = _cue_after(doc, q0, q1) or _cue_before(doc, q0) or _run_on(doc, q0, rows)
        if hit is not None:
            cue, speaker = hit
            rows.append((doc.doc_id, speaker, cue.lower(), quote, "direct", q0, q1))
    return rows


def _cue_after(doc: _Doc, q0: int, q1: int) -> tuple[str, str | None] | None:
    """``"...," Tal said`` / ``"...," said Tal`` / ``"...," he began`` / ``"...", according to``."""
    text, at = doc.text, q1 + 1
    tail = text[at : at + 120]
    tail = tail[: min((tail.find(c) for c in '"\n' if c in tail), default=len(tail))]
    according = re.match(r"^[^.;!?]{0,30}?\baccording to\s+", tail)
    if according:
        return "according to", _np_speaker(doc, at + according.end(), at + len(tail))
    inverted = _AFTER_INVERTED.match(tail)
    if inverted:
        return inverted.group("cue"), _named_in(
            doc, at + inverted.start("subj"), at + inverted.end("subj"), q0
        )
    m = _AFTER.match(tail)
    if m is None or m.group("subj") is None or m.group("subj").split()[-1].lower() in _NOUN_BEFORE:
        return None
    closed = text[max(q0, q1 - 1) : q1] in (",", "?", "!") or tail.lstrip().startswith((",", "-"))
    rest = m.group("rest").lower().split()
    # After a full stop only a bare attribution counts: '"..." Tal said to reporters.'
    bare = len(rest) <= 3 and (not rest or rest[0] in _PREPOSITIONS or re.fullmatch(_ADV, rest[0]))
    if not closed and (len(m.group("subj").split()) > 5 or not bare):
        return None
    return m.group("cue"), _named_in(doc, at, at + m.end("subj"), q0)


def _named_in(doc: _Doc, lo: int, hi: int, quote_at: int) -> str | None:
    """The speaker a short attribution names: a person first, else a body, else a pronoun's."""
    inside = [
        s
        for s in doc.mentions
        if lo <= s[0] < hi and not doc.modifier(s) and not doc.text.startswith("'s", s[1])
    ]
    people = [s for s in inside if s[3] == "PERSON"] or inside
    if people:
        return _speaker(people[0])
    pronoun = re.search(r"\b(he|she|it|He|She|It)\b", doc.text[lo:hi])
    return _antecedent(doc, quote_at, pronoun.group(1)) if pronoun else None


def _np_speaker(doc: _Doc, lo: int, hi: int) -> str | None:
    """The actor a noun phrase after "according to" names (none for "a NATO spokesperson")."""
    stop = re.search(r"[,.;(]\s|[,.;]?$", doc.text[lo:hi])
    hi = lo + (stop.start() if stop else 0)
    return _named_in(doc, lo, hi, lo) if hi > lo else None


def _cue_before(doc: _Doc, q0: int) -> tuple[str, str | None] | None:
    """A speech verb before the quotation in its sentence: ``Tal said: "..."``."""
    lo = doc.sentence(q0 - 1)[0]
    cues = [m for m in _CUE.finditer(doc.text, lo, q0 - 1) if _verb_use(doc, m)]
    if cues:
        return cues[-1].group(0), _subject(doc, lo, cues[-1].start())
    if doc.text[lo : q0 - 1].rstrip().endswith(":") and lo < q0 - 2:
        return ":", _sentence_subject(doc, lo, q0)
    return None


def _run_on(doc: _Doc, q0: int, rows: list[tuple]) -> tuple[str, str | None] | None:
    """The next stretch of a run: a quotation or report ended in this or the last sentence."""
    if doc.text[doc.sentence(q0 - 1)[0] : q0 - 1].strip():
        return None
    since, lo = doc.previous_sentence_start(q0 - 1), doc.sentence(q0 - 1)[0]
    before = [r for r in doc.found + rows if r[5] < q0 and r[6] >= since]
    if before:
        last = max(before, key=lambda r: r[6])
        return last[2], last[1]
    cues = [m for m in _CUE.finditer(doc.text, since, lo) if _verb_use(doc, m)]
    if cues and since < lo:
        return cues[-1].group(0), _subject(doc, since, cues[-1].start())
    return None


# ----------------------------------------------------------------------------- interview turns


def _turns(doc_id: str, text: str, spans: list) -> list[tuple]:
    found: list[tuple[str, int, int, str]] = []
    offset = 0
    for line in text.split("\n"):
        m = _TURN.match(line)
        if m and len(m.group("label").split()) <= 5 and len(m.group("text").split()) >= 3:
            label = names.clean_name(m.group("label"))[0]
            if fold(label) not in NOT_SPEAKERS and len(fold(label)) > 1:
                t0 = offset + m.start("text")
                found.append((label, t0, offset + len(line.rstrip()), m.group("text").strip()))
        offset += len(line) + 1
    speakers = [_turn_speaker(f[0], spans) for f in found]
    counts = Counter(speakers)
    return [
        (doc_id, speaker, "interview", quote, "interview turn", t0, t1)
        for speaker, (_, t0, t1, quote) in zip(speakers, found, strict=True)
        if counts[speaker] >= 2
    ]


def _turn_speaker(label: str, spans: list) -> str:
    """The actor a turn label names: exact, by surname, else the label itself."""
    key = fold(label)
    actors = {s[2] for s in spans}
    for actor in actors:
        if fold(actor) == key:
            return actor
    by_surname = [a for a in actors if names.last_token(a) == names.last_token(label)]
    return by_surname[0] if len(by_surname) == 1 else label


# ----------------------------------------------------------------------------- citations

_DESCRIPTOR = r"(?:\s+(?!(?:that|which|who|and|but|said|says|when|while)\b)[\w'\u2019-]+){0,4}?"
_CITE_BEFORE = re.compile(
    r"(?:\b[Aa]ccording to|\breported by|\btold|\binterview with|\b[Ss]peaking to|\bquoted by"
    r"|\bquoted as saying by|\bcited by|\bpublished by|\bobtained by|\breport (?:by|from|in)"
    r"|\bwriting (?:in|for))" + _DESCRIPTOR + r"\s*$"
)
_CITE_AS = re.compile(r"\b[Aa]s(?:\s+(?:the|a|an))?\s*$")
_CITE_AFTER = re.compile(
    r"^(?:'s?)?(?:\s*,?\s+(?:and|&)\s+(?:the\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})*"
    r"\s*(?:(?:has|had|have|also|first|both|all|earlier|previously|later|[a-z]+ly|"
    r"(?:in|on|last)\s+[A-Z]?\w+)\s+)*(?P<cue>reported|reports|reporting|report|said|says|cited|"
    r"quoted|confirmed|learned|wrote|published|noted|highlighted|found|revealed|obtained|citing|"
    r"quoting|interview|could\s+not\s+(?:independently\s+)?(?:verify|confirm))\b"
)
_CITE_STRONG = frozenset({"reported", "reports", "reporting", "report", "interview"})


def extract_citations(
    mentions: pd.DataFrame, sentences: pd.DataFrame, gazetteer: Gazetteer | None = None
) -> pd.DataFrame:
    """Outlets and agencies each article cites, one row per (document, outlet, sentence).

    An outlet is an actor of type MEDIA, or an organisation whose name carries a news word
    from the gazetteer's ``outlet_words`` ("Kharkiv Times"). It is cited when the words
    before it say so ("according to", "as", "told", "told the news agency", "quoted as saying
    by") or the words after it do ("reported", "and the Daily Globe both reported", "in
    August reported", "could not verify"); an organisation known only by its news word is
    cited only by the strong ones ("according to", "reported"), as "the Energy Agency said"
    is a body speaking. The article's own outlet (the mentions' ``source``) is never cited.

    Args:
        mentions: Resolved mentions with ``sentence_id`` (and the document's ``source`` and
            ``date``, as :func:`workbench.actors.extract.find_mentions` gives them).
        sentences: The sentence table (``unit_id``, ``start``, ``text``).
        gazetteer: Supplies ``outlet_words``.

    Returns:
        :data:`CITATION_COLUMNS`: the citing document's ``doc_id``, ``source`` and ``date``,
        the outlet cited and the sentence.
    """
    words = gazetteer.outlet_words if gazetteer is not None else frozenset()
    is_media = mentions["actor_type"] == "MEDIA"
    by_word = (mentions["actor_type"] == "ORG") & mentions["actor"].map(
        lambda a: names.looks_like_outlet(a, words)
    )
    keep = (is_media | by_word).to_numpy()
    outlets = mentions[keep]
    by_media = is_media.to_numpy()[keep]
    own = outlets["source"] if "source" in outlets else [None] * len(outlets)
    sent = sentences.set_index("unit_id")[["start", "text"]]
    rows = []
    for doc_id, sid, start, end, actor, media, source in zip(
        outlets["doc_id"],
        outlets["sentence_id"],
        outlets["start"],
        outlets["end"],
        outlets["actor"],
        by_media,
        own,
        strict=True,
    ):
        if pd.isna(sid) or sid not in sent.index or _own_outlet(actor, source):
            continue
        s0, text = sent.at[sid, "start"], sent.at[sid, "text"]
        if _cited(text[max(0, start - s0 - 60) : start - s0], text[end - s0 :], strong=not media):
            rows.append((doc_id, actor, sid))
    out = pd.DataFrame(rows, columns=["doc_id", "cited", "sentence_id"]).drop_duplicates()
    return with_doc_columns(out.reset_index(drop=True), mentions)[CITATION_COLUMNS]


def _cited(before: str, after: str, *, strong: bool) -> bool:
    """Whether the words around an outlet's name attribute something to it."""
    if _CITE_BEFORE.search(before):
        return True
    hit = _CITE_AFTER.match(after)
    if strong:
        return hit is not None and hit.group("cue") in _CITE_STRONG
    return hit is not None or _CITE_AS.search(before) is not None


def _own_outlet(actor: str, source: object) -> bool:
    """Whether an outlet is the article's own ("CNN" or "CNN Digital" in a CNN article)."""
    if not isinstance(source, str) or not source.strip():
        return False
    a, s = (re.sub(r"^the ", "", fold(x)) for x in (actor, source))
    return a == s or s.startswith(a + " ") or a.startswith(s + " ")
