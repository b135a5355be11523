"""Paragraphs and sentences with stable ids and character offsets.

The topics and actors layers work on units smaller than an article. A paragraph
id is ``<doc_id>:p<n>`` and a sentence id ``<doc_id>:p<n>:s<m>`` (both counted
from 1), and ``start``/``end`` are character offsets into the normalised
``text`` column, so ``text[start:end]`` is the unit. A body flattened to one
line (common in scraped exports) has no paragraph breaks; long paragraphs are
then cut into groups of whole sentences, so a "paragraph" stays readable.
"""

from __future__ import annotations

import re
from typing import Literal

import pandas as pd

from workbench.core.inputs import require_columns
from workbench.corpus.inputs import CORPUS_COLUMNS, CorpusLike, as_corpus

# Words whose trailing full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj st mt ft jr sr inc ltd co
    corp dept est approx vs etc no nos jan feb mar apr jun jul aug sep sept oct nov dec u.s
    u.k u.n e.u d.c u.s.a a.m p.m i.e e.g ph.d fig al""".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")

#: Paragraphs longer than this many words are regrouped by sentences.
MAX_PARAGRAPH_WORDS = 150
#: Sentences per group when a long paragraph is regrouped.
SENTENCES_PER_GROUP = 4


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text[start:end]``, as offsets into ``text``.

    Abbreviations (``Mr.``, ``U.S.``, ``Jan.``) and initials (``J. Smith``) do not end a
    sentence. Leading and trailing spaces are not part of a span.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        stop = m.start() + len(m.group(0).rstrip())
        if _is_abbreviation(text, cursor, m.start()):
            continue
        spans.append(_trim(text, cursor, stop))
        cursor = m.end()
    if cursor < end:
        spans.append(_trim(text, cursor, end))
    return [s for s in spans if s[1] > s[0]]


def _is_abbreviation(text: str, lo: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word_start = max(text.rfind(" ", lo, dot), text.rfind("\n", lo, dot), lo - 1) + 1
    word = text[word_start:dot].lstrip("\"'([").lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def split_paragraphs(
    text: str,
    *,
    max_words: int = MAX_PARAGRAPH_WORDS,
    sentences_per_group: int = SENTENCES_PER_GROUP,
) -> list[tuple[int, int]]:
    """Paragraph spans of ``text``: split at line breaks, long ones regrouped by sentences.

    Args:
        text: A normalised body.
        max_words: A paragraph longer than this is cut into groups of sentences.
        sentences_per_group: Sentences per group when cutting.
    """
    spans: list[tuple[int, int]] = []
    cursor = 0
    for m in [*_PARAGRAPH_BREAK.finditer(text), None]:
        stop = m.start() if m else len(text)
        lo, hi = _trim(text, cursor, stop)
        if hi > lo:
            spans.extend(_regroup(text, lo, hi, max_words, sentences_per_group))
        cursor = m.end() if m else len(text)
    return spans


def _regroup(text: str, lo: int, hi: int, max_words: int, per_group: int) -> list[tuple[int, int]]:
    if text.count(" ", lo, hi) < max_words:
        return [(lo, hi)]
    sentences = split_sentences(text, lo, hi)
    return [
        (sentences[i][0], sentences[min(i + per_group, len(sentences)) - 1][1])
        for i in range(0, len(sentences), per_group)
    ]


def segment(
    corpus: CorpusLike, level: Literal["paragraph", "sentence"] = "paragraph"
) -> pd.DataFrame:
    """Cut every document of a corpus table into paragraphs or sentences.

    Args:
        corpus: A corpus table with ``doc_id`` and ``text`` (an ingest, or a file or folder
            to load: :func:`workbench.corpus.inputs.as_corpus`).
        level: ``"paragraph"`` or ``"sentence"``.

    Returns:
        One row per unit: ``unit_id``, ``doc_id``, ``paragraph_id``, ``sentence_id``
        (missing at paragraph level), ``start``, ``end``, ``text``.
    """
    if level not in ("paragraph", "sentence"):
        raise ValueError(f"level={level!r}: choose 'paragraph' or 'sentence'")
    if isinstance(corpus, pd.DataFrame):  # a table of no rows gives no units
        require_columns(corpus, CORPUS_COLUMNS)
    else:
        corpus = as_corpus(corpus)
    rows: list[tuple] = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"], strict=True):
        text = text if isinstance(text, str) else ""
        for p, (plo, phi) in enumerate(split_paragraphs(text), start=1):
            pid = f"{doc_id}:p{p}"
            if level == "paragraph":
                rows.append((pid, doc_id, pid, None, plo, phi, text[plo:phi]))
                continue
            for s, (slo, shi) in enumerate(split_sentences(text, plo, phi), start=1):
                sid = f"{pid}:s{s}"
                rows.append((sid, doc_id, pid, sid, slo, shi, text[slo:shi]))
    columns = ["unit_id", "doc_id", "paragraph_id", "sentence_id", "start", "end", "text"]
    out = pd.DataFrame(rows, columns=columns)
    return out.astype({"start": "int64", "end": "int64"})
