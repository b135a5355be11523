"""Who said what, and which outlets an article cites: the public face of the quote rules.

Quotes come in three kinds, all found with rules over the normalised text, its sentences
and the resolved mentions (so a speaker is an actor wherever possible):

- ``direct``: words in quotation marks (:mod:`~workbench.actors.marks`) that a speech
  verb attributes (:mod:`~workbench.actors.speech`);
- ``reported``: ``X said (that) ...``, ``..., X said.``, ``According to X, ...``
  (:mod:`~workbench.actors.speech`);
- ``interview turn``: a paragraph opening with a speaker label (``Dr. Sharma: ...``),
  when that label opens at least two paragraphs of the article (here); a label naming
  the article's own outlet, or any outlet (``Daily Globe: ...``, ``globe.news: ...``),
  heads the interviewer's questions, which are no quotes.

The speaker is the subject of the speech verb (:mod:`~workbench.actors.speakers`); the
speech verbs and the words around them are in :mod:`~workbench.actors.cues`. Citations
of outlets are :func:`extract_citations` (:mod:`~workbench.actors.citations`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable

import pandas as pd

from workbench.actors import names, syntax
from workbench.actors.citations import CITATION_COLUMNS, extract_citations, own_outlet
from workbench.actors.cues import AFTER_VERBS, CLAUSE_VERBS, CUES, SAY_VERBS, TELL_VERBS
from workbench.actors.document import Document
from workbench.actors.gazetteer import fold
from workbench.actors.marks import quoted_stretches
from workbench.actors.mastheads import masthead_name, outlet_name
from workbench.actors.outlets import PRESS_HINT, is_outlet
from workbench.actors.quotations import direct
from workbench.actors.speech import MIN_QUOTE_WORDS, reported
from workbench.core import pool
from workbench.core.tables import with_doc_columns

__all__ = [
    "AFTER_VERBS",
    "CITATION_COLUMNS",
    "CLAUSE_VERBS",
    "CUES",
    "MIN_QUOTE_WORDS",
    "NOT_SPEAKERS",
    "QUOTE_COLUMNS",
    "SAY_VERBS",
    "TELL_VERBS",
    "extract_citations",
    "extract_quotes",
    "quoted_stretches",
]

QUOTE_COLUMNS = ["doc_id", "source", "date", "speaker", "cue", "quote", "kind", "start", "end"]
_QUOTE_FOUND = [c for c in QUOTE_COLUMNS if c not in ("source", "date")]
#: Turn labels that are not speakers (FAQ blocks).
NOT_SPEAKERS = frozenset({"q", "a", "question", "answer", "faq", "note", "source", "update"})

_SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "MEDIA")
_TURN = re.compile(r"^(?P<label>[A-Za-z][\w.'\- ]{0,40}?):\s+(?P<text>\S.*)$", re.S)


def extract_quotes(
    corpus: pd.DataFrame,
    mentions: pd.DataFrame,
    sentences: pd.DataFrame,
    parses: dict | Callable[[dict], dict] | None = None,
    n_process: int | None = None,
    countries: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Direct quotes, reported speech and interview turns of every document.

    Documents are independent: from :data:`PARALLEL_MIN_DOCS` documents on they are read
    in chunks by forked workers (as many as :func:`workbench.core.pool.processes` allows),
    and the table is the same as one process makes.

    Args:
        corpus: The corpus table (``doc_id``, ``text``; ``source`` and ``date`` when present).
        mentions: Resolved mentions (``doc_id``, ``start``, ``end``, ``actor``, ``actor_type``).
        sentences: The sentence table of the corpus (:func:`workbench.segment`).
        parses: Read when :data:`workbench.actors.syntax.PARSE` is on. Parses of the
            sentences with a speech verb (:func:`workbench.actors.parsing.parse_cues`),
            tried before the rules; or a function from ``{doc_id: [(sentence start,
            sentence), ...]}`` to such parses (:func:`workbench.actors.parsing.parse_found`):
            then the rules run first, the function parses the sentences where they ask for
            help (:func:`workbench.actors.syntax.ask`), and only the documents that asked
            are read again with those parses. None: the words alone.
        n_process: Worker processes for the rules (default: every core the budget allows).
        countries: The country of a person the gazetteer knows (``{actor: country}``):
            "Ukraine's president" is no one tied to another country
            (:func:`workbench.actors.descriptions.titled_person`).

    Returns:
        :data:`QUOTE_COLUMNS`: the document's ``doc_id``, ``source`` and publication ``date``,
        then the quote; ``start``/``end`` are offsets of the quoted words in ``text``. The
        speaker is ``None`` when the words are attributed to no named actor.
    """
    from workbench.actors.resolve import _plain_strings

    mentions, sentences = _plain_strings(mentions), _plain_strings(sentences)
    speakers = mentions[mentions["actor_type"].isin(_SPEAKER_TYPES)]
    spans_of, bounds_of = defaultdict(list), defaultdict(list)
    columns = ("doc_id", "start", "end", "actor", "actor_type")
    for d, *span in zip(*(speakers[c].tolist() for c in columns), strict=True):
        spans_of[d].append(tuple(span))
    for d, lo, hi in zip(*(sentences[c].tolist() for c in ("doc_id", "start", "end")), strict=True):
        bounds_of[d].append((lo, hi))
    sources = corpus["source"] if "source" in corpus else [None] * len(corpus)
    inputs = {
        doc_id: (text, spans_of.get(doc_id, []), bounds_of[doc_id], source)
        for doc_id, text, source in zip(corpus["doc_id"], corpus["text"], sources, strict=True)
        if isinstance(text, str) and doc_id in bounds_of
    }
    ask = callable(parses)
    _INPUTS.update(inputs)  # read by the forked workers, which inherit it
    _COUNTRIES.update(countries or {})
    try:
        found = _read_all(list(inputs), {} if ask else (parses or {}), ask, n_process)
        if ask:
            wanted = {d: asked for d, (_, asked) in found.items() if asked}
            parsed = parses(wanted)
            again = [d for d in inputs if d in parsed]
            found.update(_read_all(again, parsed, False, n_process))
    finally:
        _INPUTS.clear()
        _COUNTRIES.clear()
        _DOCS.clear()
    rows = [row for doc_rows, _ in found.values() for row in doc_rows]
    out = pd.DataFrame(rows, columns=_QUOTE_FOUND)
    out = out.drop_duplicates(["doc_id", "start", "end", "kind"])
    out = out.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    return with_doc_columns(out, corpus)[QUOTE_COLUMNS]


#: From this many documents on, quotes are found by forked workers.
PARALLEL_MIN_DOCS = 1_000
#: Documents per worker task.
CHUNK_DOCS = 250
#: ``{doc_id: (text, speaker spans, sentence bounds, source)}`` of the current call.
_INPUTS: dict[str, tuple] = {}
#: ``{person: country}`` of the current call (see :func:`extract_quotes`).
_COUNTRIES: dict[str, str] = {}
#: The documents the first pass built in this process, which a second pass reuses.
_DOCS: dict[str, Document] = {}


def _read_all(doc_ids: list[str], parses: dict, ask: bool, n_process: int | None) -> dict:
    """``{doc_id: (quote rows, sentences asked to parse)}``, in ``doc_ids``' order.

    ``parses`` (``{doc_id: parses}``) travel with the chunk of their documents.
    """
    tasks = [
        (chunk, {d: parses[d] for d in chunk if d in parses})
        for chunk in (doc_ids[i : i + CHUNK_DOCS] for i in range(0, len(doc_ids), CHUNK_DOCS))
    ]
    parallel = len(doc_ids) >= PARALLEL_MIN_DOCS and pool.fork_is_safe()
    workers = pool.processes(n_process, len(tasks)) if parallel else 1
    out: dict = {}
    for part in pool.fork_map(_read_chunk, tasks, ask, workers=workers):
        out.update(part)
    return out


def _read_chunk(task: tuple[list[str], dict], ask: bool) -> dict:
    """:func:`_read_all` for one chunk of documents, from :data:`_INPUTS`."""
    doc_ids, parses = task
    out = {}
    for doc_id in doc_ids:
        known = _DOCS.get(doc_id)
        text, spans, bounds, source = _INPUTS[doc_id]
        if known is not None:  # a second pass in the process that made the first
            doc = known.fresh()
        else:
            spans = [_as_outlet(text, span) for span in sorted(spans)]
            doc = Document(doc_id, text, spans, quoted_stretches(text), sorted(bounds))
        doc.memo["parses"] = None if ask else parses.get(doc_id)
        doc.memo["countries"] = _COUNTRIES
        doc.memo["asked"] = set() if ask else None
        _find(doc)
        if ask:
            _DOCS[doc_id] = doc
        rows = doc.found + _turns(doc.doc_id, doc.text, doc.named, source)
        out[doc_id] = (rows, syntax.asked_sentences(doc) if ask else [])
    return out


def _find(doc: Document) -> Document:
    """The document with its reported speech and direct quotes in ``doc.found``.

    The text is read in order, a sentence at a time: its reported speech, then the
    quotations that open in it. So every rule that looks back (a pronoun continues the
    last speaker: '"...," Tal said. He said the port ...') sees each speaker before it,
    whether of reported words or of a quotation.
    """
    done = 0
    for lo, hi in doc.sents:
        reported(doc, [(lo, hi)])
        direct(doc, done, hi)
        done = max(done, hi)
    direct(doc, done)
    return doc


def _as_outlet(text: str, span: tuple) -> tuple:
    """A mention the text shows to be an outlet is typed MEDIA, so it is never a speaker.

    So is a name after "the" that ends in a masthead word ("the Harbour Bay Times reported").
    """
    start, end, actor, kind = span
    if kind == "MEDIA" or not isinstance(actor, str):
        return span
    near = (
        outlet_name(actor)
        or masthead_name(actor)
        or PRESS_HINT.search(text, max(0, start - 30), end + 30)
    )
    the = text[max(0, start - 4) : start].lower() == "the "
    is_media = near and (is_outlet(text, start, end, actor, kind) or (the and masthead_name(actor)))
    return (start, end, actor, "MEDIA") if is_media else span


# ----------------------------------------------------------------------------- interview turns


#: A web address as a label: "globe.news", "Kanal.com".
_ADDRESS = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|news|net|org|info|co\.uk|uk|ru|ua)$", re.I)


def _turns(doc_id: str, text: str, spans: list, source: object = None) -> list[tuple]:
    """Interview turns: paragraphs opening with a label that opens two paragraphs or more.

    The interviewer's turns are not quotes: those whose label names the article's own
    outlet (``source``), an outlet the text names, an outlet by its name's press word
    ("Kanal News"), or a web address ("globe.news").
    """
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
    outlets = {s[2] for s in spans if s[3] == "MEDIA"}
    return [
        (doc_id, speaker, "interview", quote, "interview turn", t0, t1)
        for speaker, (label, t0, t1, quote) in zip(speakers, found, strict=True)
        if counts[speaker] >= 2 and not _interviewer(label, speaker, outlets, source)
    ]


def _interviewer(label: str, speaker: str, outlets: set[str], source: object) -> bool:
    """Whether a turn label names an outlet: the interviewer's, not a speaker's."""
    return (
        speaker in outlets
        or own_outlet(label, source)
        or outlet_name(label)
        or bool(_ADDRESS.match(label))
    )


def _turn_speaker(label: str, spans: list) -> str:
    """The actor a turn label names: exact, by surname, else the label itself."""
    key = fold(label)
    actors = {s[2] for s in spans}
    for actor in actors:
        if fold(actor) == key:
            return actor
    by_surname = [a for a in actors if names.last_token(a) == names.last_token(label)]
    return by_surname[0] if len(by_surname) == 1 else label
