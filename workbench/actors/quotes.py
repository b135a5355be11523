"""Who said what, and which outlets an article cites.

Quotes come in three kinds, all found with rules over the normalised text and the
resolved mentions (so a speaker is an actor wherever possible):

- ``direct``: a quotation in double quotes with a speech verb beside it and a speaker
  named next to the verb (``Macron stated, "Everyone wants ..."``, ``"...," he insisted``;
  a pronoun speaker is the last person quoted or named before it);
- ``reported``: ``X said that ...``, ``X has repeatedly insisted that ...``, and
  ``According to X, ...`` / ``..., according to X``;
- ``interview turn``: a paragraph opening with a speaker label (``Dr. Sharma: ...``),
  when that label opens at least two paragraphs of the article.

Citations are mentions of outlets and agencies in a citing context ("According to AP
News", "CNN reported", "as Politico reports", "told the BBC").
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from workbench.actors import names
from workbench.actors.gazetteer import Gazetteer, fold
from workbench.core.tables import with_doc_columns

QUOTE_COLUMNS = ["doc_id", "source", "date", "speaker", "cue", "quote", "kind", "start", "end"]
CITATION_COLUMNS = ["doc_id", "source", "date", "cited", "sentence_id"]
_QUOTE_FOUND = [c for c in QUOTE_COLUMNS if c not in ("source", "date")]

#: Speech verbs recognised as quote cues.
CUES = (
    "said says say stated states insisted insists told tells added adds wrote writes warned warns "
    "noted notes asserted asserts declared declares explained explains argued argues claimed "
    "claims tweeted tweets announced announces stressed stresses emphasized emphasised "
    "emphasizes urged urges replied asked asks continued commented posted remarked acknowledged "
    "acknowledges admitted admits conceded confirmed confirms reported reports suggested "
    "suggests alleged vowed vows pledged predicted recalled denied denies responded highlighted "
    "maintained maintains believes believed contended concluded cautioned indicated indicates "
    "told reiterated"
).split()
#: Minimum words in a direct quotation (shorter ones are scare quotes: "technical teams").
MIN_QUOTE_WORDS = 4
#: Turn labels that are not speakers (FAQ blocks).
NOT_SPEAKERS = frozenset({"q", "a", "question", "answer", "faq", "note", "source", "update"})

_CUE = r"(?P<cue>" + "|".join(sorted(set(CUES), key=len, reverse=True)) + r")"
_QUOTE = re.compile(r'"([^"\n]{3,}?)"')
_PRONOUN = re.compile(r"\b(he|she|they)\b", re.IGNORECASE)
_AFTER = re.compile(r"^[,.!?]?\s*(?:(?P<w1>[^,;]{0,60}?)\s+)?" + _CUE + r"\b(?P<w2>[^,.;:]{0,60})")
_BEFORE = re.compile(r"\b" + _CUE + r"(?:\s+\w+ly)?\s*[,:]?(?:\s+that)?\s*$")
_REPORTED = re.compile(r"^(?:'s)?(?:\s+[a-z]+){0,3}?\s+" + _CUE + r"\s+that\s+(?P<q>\S.*)$", re.S)
_ACCORDING = re.compile(r"\b[Aa]ccording to (?:(?:the|a|an|reports?|report by|report from)\s+)*$")
_TURN = re.compile(r"^(?P<label>[A-Za-z][\w.'\- ]{0,40}?):\s+(?P<text>\S.*)$", re.S)
_CITE_BEFORE = re.compile(
    r"(?:\b[Aa]ccording to|\b[Aa]s|\breported by|\btold|\binterview with|\bspeaking to|\bquoted by"
    r"|\bcited by|\bpublished by|\bobtained by|\breport (?:by|from|in))(?:\s+(?:the|a|an|report"
    r"|reports|by|from))*\s*$"
)
_CITE_AFTER = re.compile(
    r"^(?:'s?)?\s*(?:has\s+|had\s+|have\s+)?(?:also\s+)?(?:reported|reports|reporting|said|says|"
    r"cited|quoted|confirmed|learned|wrote|published|noted|highlighted|found|revealed|obtained|"
    r"citing|quoting|report)\b"
)
_SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "MEDIA")


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
        then the quote; ``start``/``end`` are offsets of the quoted words in ``text``.
    """
    from workbench.actors.resolve import _plain_strings

    mentions, sentences = _plain_strings(mentions), _plain_strings(sentences)
    rows: list[tuple] = []
    by_doc = {
        d: g
        for d, g in mentions[mentions["actor_type"].isin(_SPEAKER_TYPES)].groupby(
            "doc_id", sort=False
        )
    }
    sents = {d: g for d, g in sentences.groupby("doc_id", sort=False)}
    for doc_id, text in zip(corpus["doc_id"], corpus["text"], strict=True):
        if not isinstance(text, str) or doc_id not in sents:
            continue
        ments = by_doc.get(doc_id, mentions.iloc[:0])
        spans = list(
            zip(ments["start"], ments["end"], ments["actor"], ments["actor_type"], strict=True)
        )
        found = _reported(doc_id, text, spans, sents[doc_id])
        found += _direct(doc_id, text, spans, found)
        found += _turns(doc_id, text, spans)
        rows.extend(found)
    out = pd.DataFrame(rows, columns=_QUOTE_FOUND)
    out = out.drop_duplicates(["doc_id", "start", "end", "kind"])
    out = out.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    return with_doc_columns(out, corpus)[QUOTE_COLUMNS]


def _direct(doc_id: str, text: str, spans: list, earlier: list[tuple]) -> list[tuple]:
    rows = []
    for m in _QUOTE.finditer(text):
        quote = m.group(1).strip()
        if len(quote.split()) < MIN_QUOTE_WORDS:
            continue
        hit = _cue_after(text, m, spans) or _cue_before(text, m, spans)
        if hit is None:
            continue
        cue, speaker = hit
        if speaker is None:
            speaker = _antecedent(m.start(), spans, earlier + rows)
        if speaker:
            rows.append((doc_id, speaker, cue.lower(), quote, "direct", m.start(1), m.end(1)))
    return rows


def _cue_after(text: str, m: re.Match, spans: list) -> tuple[str, str | None] | None:
    line_end = text.find("\n", m.end())
    tail = text[m.end() : m.end() + 90 if line_end < 0 else min(line_end, m.end() + 90)]
    hit = _AFTER.match(tail)
    if hit is None:
        return None
    lo, hi = m.end() + hit.start(), m.end() + hit.end()
    speaker = _speaker_in(spans, lo, hi)
    if speaker is None and not _PRONOUN.search(hit.group(0)):
        return None
    return hit.group("cue"), speaker


def _cue_before(text: str, m: re.Match, spans: list) -> tuple[str, str | None] | None:
    line_start = text.rfind("\n", 0, m.start()) + 1
    lo = max(line_start, m.start() - 120)
    head = text[lo : m.start()]
    hit = _BEFORE.search(head)
    if hit is None:
        return None
    cue_at = lo + hit.start()
    sentence_lo = max(lo, text.rfind(". ", lo, cue_at) + 1)
    speaker = _speaker_in(spans, sentence_lo, cue_at, nearest_to=cue_at)
    if speaker is None and not _PRONOUN.search(text[sentence_lo:cue_at]):
        return None
    return hit.group("cue"), speaker


def _speaker_in(spans: list, lo: int, hi: int, *, nearest_to: int | None = None) -> str | None:
    inside = [s for s in spans if lo <= s[0] < hi]
    if not inside:
        return None
    people = [s for s in inside if s[3] == "PERSON"] or inside
    if nearest_to is None:
        return people[0][2]
    return min(people, key=lambda s: abs(nearest_to - s[1]))[2]


def _antecedent(pos: int, spans: list, quotes: list[tuple]) -> str | None:
    """The speaker a pronoun refers to: the last quoted speaker or named person before ``pos``."""
    last_quote = max((q for q in quotes if q[5] < pos), key=lambda q: q[5], default=None)
    last_person = max(
        (s for s in spans if s[3] == "PERSON" and s[1] <= pos), key=lambda s: s[0], default=None
    )
    if last_quote is not None and (last_person is None or pos - last_quote[5] < 400):
        return last_quote[1]
    return last_person[2] if last_person else None


def _reported(doc_id: str, text: str, spans: list, sents: pd.DataFrame) -> list[tuple]:
    rows = []
    for lo, hi in zip(sents["start"], sents["end"], strict=True):
        inside = [s for s in spans if lo <= s[0] < hi]
        for start, end, actor, _ in inside:
            after = _REPORTED.match(text[end:hi])
            if after is not None and not after.group("q").startswith('"'):
                q0 = end + after.start("q")
                rows.append(
                    (
                        doc_id,
                        actor,
                        after.group("cue").lower(),
                        text[q0:hi].strip(),
                        "reported",
                        q0,
                        hi,
                    )
                )
            if _ACCORDING.search(text[max(lo, start - 40) : start]):
                rows.append(_according(doc_id, text, lo, hi, start, end, actor))
    return [r for r in rows if r is not None and len(r[3].split()) >= 3]


def _according(doc_id, text, lo, hi, start, end, actor) -> tuple | None:
    rest = text[end:hi]
    if rest.startswith(","):
        q0 = end + 1 + (len(rest) - 1 - len(rest[1:].lstrip()))
        return (doc_id, actor, "according to", text[q0:hi].strip(), "reported", q0, hi)
    cut = text.rfind(",", lo, start)
    if cut > lo and text[end:hi].strip(" .") == "":
        return (doc_id, actor, "according to", text[lo:cut].strip(), "reported", lo, cut)
    return None


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


def extract_citations(
    mentions: pd.DataFrame, sentences: pd.DataFrame, gazetteer: Gazetteer | None = None
) -> pd.DataFrame:
    """Outlets and agencies each article cites, one row per (document, outlet, sentence).

    An outlet is an actor of type MEDIA, or an organisation whose name carries a news word
    from the gazetteer's ``outlet_words`` ("Kharkiv Times"). It is cited when the words
    before it say so ("according to", "as", "told", "reported by") or the words after it
    do ("reported", "said", "quoted").

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
    outlets = mentions[
        (mentions["actor_type"] == "MEDIA")
        | (
            (mentions["actor_type"] == "ORG")
            & mentions["actor"].map(lambda a: names.looks_like_outlet(a, words))
        )
    ]
    sent = sentences.set_index("unit_id")[["start", "text"]]
    rows = []
    for doc_id, sid, start, end, actor in zip(
        outlets["doc_id"],
        outlets["sentence_id"],
        outlets["start"],
        outlets["end"],
        outlets["actor"],
        strict=True,
    ):
        if pd.isna(sid) or sid not in sent.index:
            continue
        s0, text = sent.at[sid, "start"], sent.at[sid, "text"]
        before, after = text[max(0, start - s0 - 40) : start - s0], text[end - s0 :]
        if _CITE_BEFORE.search(before) or _CITE_AFTER.match(after):
            rows.append((doc_id, actor, sid))
    out = pd.DataFrame(rows, columns=["doc_id", "cited", "sentence_id"]).drop_duplicates()
    return with_doc_columns(out.reset_index(drop=True), mentions)[CITATION_COLUMNS]
