"""One document as the quote rules read it: text, sentences, quotations, mentions, finds.

:class:`Document` is shared by the rules that find quotations
(:mod:`workbench.actors.speech`), name their speakers (:mod:`workbench.actors.speakers`)
and resolve descriptions (:mod:`workbench.actors.descriptions`).
"""

from __future__ import annotations

import bisect
import copy
import re
from dataclasses import dataclass, field

from workbench.actors.cues import (
    AFTER_COMMA,
    AUX,
    CUE,
    CUES,
    DASH_ASIDE,
    IRREGULAR_PAST,
    PREPOSITIONS,
    ROLE_NOUNS,
    adverbial,
    noun_before,
)
from workbench.actors.names import TITLE_WORDS


@dataclass
class Document:
    """A document's text, its mentions outside quotation marks, quotations and sentences.

    ``named`` keeps every mention, those inside quotation marks too.

    ``mentions`` are ``(start, end, actor, actor_type)``; ``found`` collects the quote rows
    found so far (``doc_id, speaker, cue, quote, kind, start, end``), which later rules read.
    """

    doc_id: str
    text: str
    mentions: list[tuple[int, int, str, str]]
    quoted: list[tuple[int, int]]
    sents: list[tuple[int, int]]
    found: list[tuple] = field(default_factory=list)
    subjects: list[tuple[int, int, str, str]] = field(default_factory=list)
    types: dict[str, str] = field(default_factory=dict)
    memo: dict = field(default_factory=dict)
    named: list[tuple[int, int, str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._quote_starts = [q[0] for q in self.quoted]
        self._sent_starts = [s[0] for s in self.sents]
        self.named = self.mentions  # every mention, quoted ones too
        self.mentions = [s for s in self.mentions if not self.in_quotes(s[0])]
        # what subject_like and acts say of a span, kept: the speaker rules ask again and again
        self._subject_like: dict[tuple, bool] = {}
        self._acts: dict[tuple, bool] = {}
        self.subjects = [s for s in self.mentions if self.subject_like(s)]
        self.subject_starts = {s[0] for s in self.subjects}
        self.types = {s[2]: s[3] for s in self.mentions}
        self._verbs: list[re.Match] | None = None  # the cue words used as verbs, on demand
        self._verb_starts: list[int] = []
        self._cue_starts: list[int] = []  # every cue word, verb or not

    def fresh(self) -> Document:
        """The document again with nothing found, for another pass of the rules.

        What it knows of its text and mentions (sentences, quotations, cue words, which
        mentions can be subjects, which act) is kept: it does not change between passes.
        """
        again = copy.copy(self)
        again.found = []
        again.memo = {k: v for k, v in self.memo.items() if k in _TEXT_MEMOS}
        return again

    def in_quotes(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation."""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and pos < self.quoted[i][1]

    def quotations(self, lo: int, hi: int | None = None) -> list[tuple[int, int]]:
        """The quoted stretches that open at or after ``lo`` and before ``hi``."""
        i = bisect.bisect_left(self._quote_starts, lo)
        j = len(self.quoted) if hi is None else bisect.bisect_left(self._quote_starts, hi)
        return self.quoted[i:j]

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
        return bool(after) and after[0].lower().strip(",.") in ROLE_NOUNS

    def acts(self, span: tuple) -> bool:
        """Whether a verb follows a mention ("Kyiv said", "NATO, the alliance, has")."""
        known = self._acts.get(span)
        if known is None:
            known = self._acts[span] = self._acts_now(span)
        return known

    def _acts_now(self, span: tuple) -> bool:
        clause = _OBJECT_CLAUSE.search(self.text, max(0, span[0] - 30), span[0])
        if clause and clause.group(1) not in TITLE_WORDS and clause.group(1) not in ROLE_NOUNS:
            return False  # "a comment Tal made": the object of her verb stands before her
        after = _VERB_AFTER.match(self.text[span[1] : span[1] + 90])
        word = after.group(1) if after else ""
        verb = word in AUX or word in CUES or word.endswith("ed") or word in IRREGULAR_PAST
        verb = verb or adverbial(word)
        return verb or (span[3] == "PERSON" and word.islower() and word.endswith("s"))

    def subject_like(self, span: tuple) -> bool:
        """A mention not governed by a preposition and not a possessive ("to Kyiv", "Kyiv's")."""
        known = self._subject_like.get(span)
        if known is None:
            known = self._subject_like[span] = self._subject_like_now(span)
        return known

    def _subject_like_now(self, span: tuple) -> bool:
        before = self.text[max(0, span[0] - 40) : span[0]].split()
        while len(before) > 1 and _title(before[-1]):  # "close to Ms Tal", "for President Tal"
            before.pop()
            if len(before) >= 2 and before[-1] == "of" and _title(before[-2]):
                before.pop()  # "Secretary of State Mira Tal"
        if len(before) > 2 and before[-1] in ("'s", "\u2019s"):  # "Ruritania 's"
            before[-2:] = [before[-2] + before[-1]]
        if len(before) > 1 and before[-1].endswith(("'s", "\u2019s")):
            before.pop()  # "an aide to Ruritania's Mira Tal": "to" governs her
            while len(before) > 1 and _title(before[-1]):
                before.pop()
        if len(before) > 1 and before[-1].lower() in _COMPASS:  # "in eastern Ruritania"
            before.pop()
        word = before[-1].lower() if before else ""
        if word == "the" and len(before) > 1:
            word = before[-2].lower()
        address = span[3] != "PERSON" and _ADDRESS.search(self.text[max(0, span[0] - 30) : span[0]])
        return (
            not address
            and word not in PREPOSITIONS
            and not self.text.startswith("'s", span[1])
            and not self.modifier(span)
        )

    def verb_use(self, cue: re.Match) -> bool:
        """A cue word used as a verb outside quotation marks ("the claims", "reports of": nouns).

        A word of :data:`~workbench.actors.cues.AFTER_COMMA` is a verb only after a comma.
        """
        if self.in_quotes(cue.start()) or self.text[cue.start() - 1 : cue.start()] == "-":
            return False
        after = self.text[cue.end() : cue.end() + 6].split()
        before = self.text[max(0, cue.start() - 30) : cue.start()]
        if noun_before(before) or (cue.group(0) in AFTER_COMMA and not before.endswith(", ")):
            return False
        return not (after and after[0] == "of")

    def cues(self, lo: int, hi: int) -> list[re.Match]:
        """The speech verbs used as verbs between ``lo`` and ``hi``.

        The text is searched once; each call picks the cues that lie between ``lo`` and
        ``hi``, as a search of that stretch alone would find them. Only a stretch that
        ends inside a word ("say|ing") is searched again: there a word cut short may be a
        cue ("say").
        """
        text = self.text
        lo, hi = min(max(lo, 0), len(text)), min(max(hi, 0), len(text))
        if 0 < hi < len(text) and _word_char(text[hi - 1]) and _word_char(text[hi]):
            return [m for m in CUE.finditer(text, lo, hi) if self.verb_use(m)]
        if self._verbs is None:
            self._find_cues()
        out = []
        for m in self._verbs[bisect.bisect_left(self._verb_starts, lo) :]:
            if m.end() > hi:
                break
            out.append(m)
        return out

    def may_cue(self, lo: int, hi: int) -> bool:
        """Whether a speech verb may stand between ``lo`` and ``hi``; False: surely none.

        Any word of :data:`~workbench.actors.cues.CUE`, used as a verb or not: a quick test
        before a costlier pattern that needs one.
        """
        text = self.text
        lo, hi = min(max(lo, 0), len(text)), min(max(hi, 0), len(text))
        if 0 < hi < len(text) and _word_char(text[hi - 1]) and _word_char(text[hi]):
            return True
        if self._verbs is None:
            self._find_cues()
        i = bisect.bisect_left(self._cue_starts, lo)
        return i < len(self._cue_starts) and self._cue_starts[i] < hi

    def _find_cues(self) -> None:
        """Search the whole text for speech verbs (once: the callers test ``_verbs``)."""
        found = list(CUE.finditer(self.text))
        self._cue_starts = [m.start() for m in found]
        self._verbs = [m for m in found if self.verb_use(m)]
        self._verb_starts = [m.start() for m in self._verbs]

    def in_caption(self, pos: int) -> bool:
        """Whether ``pos`` lies in a photo caption run into the text (:data:`CAPTION`).

        "Mira Tal attends a meeting in Harbour, Ruritania, Tuesday, Nov. 30, 2021.": the
        person a caption shows is no one the next sentence goes on about.
        """
        spans = self.memo.get("captions")
        if spans is None:
            spans = self.memo["captions"] = self._captions()
        return any(lo <= pos < hi for lo, hi in spans)

    def _captions(self) -> list[tuple[int, int]]:
        spans = []
        for year in _YEAR_END.finditer(self.text):
            i = max(0, bisect.bisect_right(self._sent_starts, year.start()) - 1)
            for lo, _ in self.sents[max(0, i - 1) : i + 1]:  # the caption may be split
                m = CAPTION.match(self.text, lo, year.end())
                if m is not None and m.end() == year.end():
                    spans.append((lo, year.end()))
                    break
        return spans

    def sentence_index(self, pos: int) -> int:
        """The number of the sentence holding ``pos`` (0 for the first)."""
        return max(0, bisect.bisect_right(self._sent_starts, pos) - 1)


#: What the rules memoise of the text alone (kept by :meth:`Document.fresh`).
_TEXT_MEMOS = ("titles", "sexes", "captions")
#: Verbs in the present tense that say what a photo shows ("Tal attends a meeting").
CAPTION_VERBS = (
    "attends|speaks|looks on|gestures|walks|arrives|listens|poses|stands|sits|holds|delivers|"
    "visits|waves|meets|shakes hands|talks|addresses|is pictured|are pictured|greets|reacts|"
    "leaves|smiles|takes part|votes|testifies|prays|hugs|rides|inspects|chairs|signs"
)
#: A photo caption run into the text: a present-tense verb of what it shows, a place and a
#: date with its year, and no full stop of a sentence in between (the full stop of an
#: abbreviation, "Nov." or "U.S.", is none).
_CAPTION_CHAR = (
    r"(?:[^.\n]|(?<=\b[A-Z])\.|(?<=\b[A-Z][a-z])\.|(?<=\b[A-Z][a-z]{2})\.|(?<=\b[A-Z][a-z]{3})\.)"
)
CAPTION = re.compile(
    r"[A-Z]"
    + _CAPTION_CHAR
    + r"{0,200}?\b(?:"
    + CAPTION_VERBS
    + r")\b"
    + _CAPTION_CHAR
    + r"{0,250}?\b(?:19|20)\d\d\."
)
_YEAR_END = re.compile(r"\b(?:19|20)\d\d\.")
#: The word after a mention, past an apposition ("NATO, the alliance, has"; "Tal - the
#: mayor - said").
_VERB_AFTER = re.compile(r"(?:\s*,[^,]{1,60},,?\s+|" + DASH_ASIDE + r"\s*|,?\s+)(\w+)")
#: A determiner and a noun right before a mention: its verb has that noun for its object,
#: in a relative clause ("a comment Tal made", "the plan Kyiv rejected").
_OBJECT_CLAUSE = re.compile(
    r"\b(?:a|an|the|this|that|these|those|his|her|its|their|any|every)\s+([a-z]+)\s+$"
)
#: Words of direction before a place: "in east Ruritania" is governed by "in".
_COMPASS = frozenset(
    """east west north south eastern western northern southern central northeastern
    northwestern southeastern southwestern north-eastern north-western south-eastern
    south-western""".split()
)
#: A capitalised word and a comma right before a mention ("Donetsk, Ukraine": an address).
_ADDRESS = re.compile(r"[A-Z]\w+,\s*$")


def _title(word: str) -> bool:
    """A capitalised title word before a name ("Ms", "Mr.", "President").

    Not a preposition, nor an abbreviation ("envoy to the UN Mira Tal": "to" governs her).
    """
    folded = word.rstrip(".").lower()
    named = word[:1].isupper() and not word.rstrip(".").isupper()  # "Ms", not "UN"
    return named and folded in TITLE_WORDS and folded not in PREPOSITIONS


def _word_char(char: str) -> bool:
    r"""Whether ``char`` is a word character (``\w``) of a regular expression."""
    return char.isalnum() or char == "_"
