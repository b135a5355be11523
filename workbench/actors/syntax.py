"""The subject of a speech verb, read off a dependency parse of its sentence.

"The speaker is the subject of the speech verb": the model's dependency parser finds that
subject however long the words between them ("Tal, who visited the city last week and
met its mayor, said"), after the verb ("..., said the mayor"), or through a second verb
that shares it ("... and added", "..., adding that"). With :data:`SELECT` on, the rules
run first and a sentence with a speech verb is parsed only where they found no speaker
or a weak one (:data:`WEAK`, :func:`ask`; in news about a fifth of the words); its
document is then read again with the parse tried first. Off, every sentence with a
speech verb is parsed (half the words). :mod:`workbench.actors.parsing` makes and
caches the parses. :data:`PARSE` is the switch (on by default): off, the speaker rules of
:mod:`workbench.actors.speakers` work from the words alone, as they also do wherever the
parse names no actor.

This module finds the subject; :mod:`workbench.actors.speakers` says whom it names.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.actors.cues import CUE, CUES
from workbench.actors.parsing import Parse

#: The switch: parse the sentences with a speech verb and take its subject from the parse.
PARSE = True
#: Parse only the sentences where the rules ask for help (:data:`WEAK`), in a second pass
#: over their documents; False: every sentence with a speech verb, before the rules.
SELECT = True
#: The rule outcomes that send a sentence to the parser (see :func:`ask`): no speaker
#: (``empty``: "..., but said", "..., saying", "who said", a long aside, a subject after
#: the verb), a mention found past a comma or a bracket (``apposed``: "Tal, who met Dan,
#: the mayor, said"), and a second verb's subject taken from the verb before it
#: (``shared``); after a quotation, an attribution that names no person (``unnamed``:
#: "Ruritania's ministry said", whose head is the ministry). Where the words right before
#: the verb are the subject (a mention, a pronoun, a description, a body's noun, a text,
#: a name no mention covers), the parse finds that same subject, so those sentences are
#: not parsed.
WEAK = frozenset({"empty", "apposed", "shared", "unnamed"})
#: Relations that make a word the subject of its verb. A passive speech verb speaks for
#: its agent ("claimed by Tal"); a passive verb that a speech verb depends on, for its
#: subject ("Tal was quoted as saying").
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Relations of a verb without a subject of its own that shares its head's subject:
#: "... and added", "..., adding that", "refused to say".
SHARED = frozenset({"conj", "advcl", "xcomp"})
#: Relative pronouns: "Tal, who said ...": the speaker is the noun the clause qualifies.
RELATIVES = frozenset({"who", "that", "which"})
_CUE_WORDS = frozenset(CUES)


@dataclass(frozen=True)
class Subject:
    """The subject of a speech verb as the parse gives it.

    Attributes:
        head: Character offsets of the subject's head word ("Tal" in "Mira Tal").
        word: That word, lower-cased.
        phrase: Offsets from the phrase's first word through the head word and the
            prepositional phrases after it ("the head of the agency"), without a relative
            clause or an apposition.
        names: Offsets of the head and of the names in apposition to it ("the mayor,
            Mira Tal"; not an abbreviation in brackets), which a mention may cover.
        shared: Whether the verb has no subject of its own and shares another verb's
            ("... and added"), which a subject right before the verb overrules.
    """

    head: tuple[int, int]
    word: str
    phrase: tuple[int, int]
    names: tuple[tuple[int, int], ...]
    shared: bool = False


def ask(doc, pos: int, how: str) -> None:
    """Note that the rules found the speaker of the verb at ``pos`` by ``how``.

    In the rules' pass over a document (``doc.memo["asked"]`` is a set) a sentence whose
    outcome is :data:`WEAK` is added to the sentences to parse; otherwise nothing happens.
    """
    asked = doc.memo.get("asked")
    if asked is not None and how in WEAK:
        asked.add(doc.sentence(pos)[0])


def parse_of(doc, pos: int) -> Parse | None:
    """The parse of the sentence of a :class:`~workbench.actors.document.Document` at ``pos``."""
    parses = doc.memo.get("parses")
    if not parses:
        return None
    return parses.get(doc.sentence(pos)[0])


def subject_of(doc, cue_at: int) -> Subject | None:
    """The subject of the speech verb starting at ``cue_at``, or None when the parse has none.

    A verb without a subject of its own shares its head verb's (:data:`SHARED`); a
    relative pronoun stands for the noun its clause qualifies.
    """
    parse = parse_of(doc, cue_at)
    i = parse.at(cue_at) if parse is not None else None
    if i is None:
        return None
    seen: set[int] = set()
    while i not in seen:
        seen.add(i)
        s = _only_subject(parse, i)
        if s is not None and parse.deps[s] == "nsubjpass" and len(seen) == 1:
            # "the region, which is claimed by Tal": the agent speaks, not the subject
            agents = [c for c in parse.children(i) if parse.deps[c] == "agent"]
            objects = [c for a in agents for c in parse.children(a) if parse.deps[c] == "pobj"]
            return _subject(doc.text, parse, objects[0]) if objects else None
        if s is not None:
            if doc.text[parse.starts[s] : parse.ends[s]].lower() in RELATIVES:
                if parse.deps[i] != "relcl" or parse.heads[i] == i:
                    return None
                s = parse.heads[i]
            return _subject(doc.text, parse, s, shared=len(seen) > 1)
        if parse.deps[i] not in SHARED or parse.heads[i] == i:
            return None
        i = _shared_head(doc.text, parse, i)
    return None


def _only_subject(parse: Parse, i: int) -> int | None:
    """The subject of token ``i``; None for none, or for two, a misparse the rules judge.

    Two subjects come of a dateline or a headline run into the sentence ("KYIV, Ukraine
    — Tal vowed", "Sport | Tal promised") or of a place after a comma ("the centre in
    Houston, Texas confirmed").
    """
    subjects = [c for c in parse.children(i) if parse.deps[c] in SUBJECTS]
    return subjects[0] if len(subjects) == 1 else None


def _shared_head(text: str, parse: Parse, i: int) -> int:
    """The verb whose subject token ``i`` shares: its head, but past a clause complement.

    "Tal said the plan has failed and warned ...", "Tal described how the city held out and
    argued ...", "Tal said the city was lost, emphasizing that ...", "Tal seized on signals
    that talks may resume, saying ...": the speech verb goes with the main verb, not with
    the verb of the clause that verb (or its object) governs.
    """
    head = parse.heads[i]
    if parse.deps[i] in ("conj", "advcl") and parse.deps[head] in ("ccomp", "acl"):
        up = parse.heads[head]
        while parse.deps[up] in ("pobj", "dobj", "prep") and parse.heads[up] != up:
            up = parse.heads[up]  # "seized on signals that ..., saying": "seized"
        return up
    return head


def bound_person(doc, pronoun_at: int) -> tuple[int, int] | None:
    """Where a verb above the one whose subject is the pronoun at ``pronoun_at`` has its subject.

    "Tal went on to say that he ...": the subject of "went" (``Tal``) is the first place to
    look for whom "he" stands for. Offsets of the nearest such subject's head, or None.
    """
    parse = parse_of(doc, pronoun_at)
    s = parse.at(pronoun_at) if parse is not None else None
    if s is None:
        return None
    i, seen = parse.heads[s], {s}
    while i not in seen and parse.deps[i] in ("ccomp", "xcomp", "conj", "advcl"):
        seen.add(i)
        i = parse.heads[i]
        if (up := _only_subject(parse, i)) is not None and up not in seen:
            return parse.starts[up], parse.ends[up]
    return None


def subject_within(doc, lo: int, hi: int) -> Subject | None:
    """The subject of a speech verb whose head word lies between ``lo`` and ``hi``.

    For an attribution after a quotation ('"...," the mayor of the city said').
    """
    parse = parse_of(doc, lo)
    if parse is None:
        return None
    for s, dep in enumerate(parse.deps):
        if dep in SUBJECTS and lo <= parse.starts[s] < hi:
            verb = parse.heads[s]
            if doc.text[parse.starts[verb] : parse.ends[verb]] in _CUE_WORDS:
                return _subject(doc.text, parse, s)
    return None


def _subject(text: str, parse: Parse, s: int, *, shared: bool = False) -> Subject:
    first, _ = parse.subtree(s)
    last = s
    for c in parse.children(s):
        if c > s and parse.deps[c] == "prep":
            last = max(last, parse.subtree(c)[1])
    names = [s] + [
        c
        for c in parse.children(s)
        if parse.deps[c] == "appos" and text[: parse.starts[c]].rstrip()[-1:] != "("
    ]  # "the Defence Ministry (MoD)": an abbreviation, no second name
    return Subject(
        head=(parse.starts[s], parse.ends[s]),
        word=text[parse.starts[s] : parse.ends[s]].lower(),
        phrase=(parse.starts[first], parse.ends[last]),
        names=tuple((parse.starts[j], parse.ends[j]) for j in names),
        shared=shared,
    )


def asked_sentences(doc) -> list[tuple[int, str]]:
    """The sentences the rules asked to parse (:func:`ask`) that hold a speech verb."""
    out = []
    for lo in sorted(doc.memo.get("asked") or ()):
        _, hi = doc.sentence(lo)
        if CUE.search(doc.text, lo, hi):
            out.append((lo, doc.text[lo:hi]))
    return out
