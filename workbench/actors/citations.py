"""Which outlets an article cites: mentions of outlets and agencies in a citing context.

"According to AP News", "CNN reported", "as Politico reports", "told Russian news agency
RIA Novosti" cite an outlet; an article's own outlet (its ``source``) is its own
reporting, not a citation. Rules over each mention's sentence, no model.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from workbench.actors import names
from workbench.actors.gazetteer import Gazetteer, fold
from workbench.actors.outlets import PRESS_HINT, is_outlet, named_outlets, outlet_name
from workbench.core.tables import with_doc_columns

CITATION_COLUMNS = ["doc_id", "source", "date", "cited", "sentence_id"]

_DESCRIPTOR = r"(?:\s+(?!(?:that|which|who|and|but|said|says|when|while)\b)[\w'\u2019-]+){0,4}?"
_CITE_BEFORE = re.compile(
    r"(?:\b[Aa]ccording to|\breported by|\btold|\binterview with|\b[Ss]peaking to|\bquoted by"
    r"|\bquoted as saying by|\bcited by|\bpublished by|\bobtained by|\breport (?:by|from|in)"
    r"|\bwriting (?:in|for))" + _DESCRIPTOR + r"\s*$"
)
#: The same cues before a longer description that ends in a press noun: "told the Russian
#: state news agency X", "according to the country's largest independent newspaper X".
_CITE_BEFORE_PRESS = re.compile(
    r"(?:\b[Aa]ccording to|\btold|\binterview with|\b[Ss]peaking to|\bquoted by|\bcited by"
    r"|\breported by)(?:\s+[\w'\u2019-]+){0,7}?\s+(?:news\s+agency|news\s+service|"
    r"newspaper|broadcaster|tabloid|daily|magazine|outlet|channel|website|podcast|"
    r"wire\s+service|television|TV),?\s*$"
)
#: Cues that cite only a name known to be an outlet (they cite people and bodies too):
#: "citing Kanal", "carried by Kanal", "said on Kanal", and a reporting verb after the
#: words it reports ("..., reports the Daily Globe", "..., reported news agency Kanal").
_CITE_BEFORE_OUTLET = re.compile(
    r"(?:\bciting|\bquoting|\b(?:carried|broadcast)\s+by|\baired\s+(?:by|on)"
    r"|\b(?:said|says|spoke|speaking|appeared|appearing)\s+(?:to|on)"
    r"|[,\"\u201d\u2019':]\s*(?:reports|reported|writes|wrote|says|said|adds|added"
    r"|claims|claimed))(?:\s+(?:[a-z][\w'\u2019-]*|[A-Z][a-z]+(?:ian|ish|ese|ean|an|ch|ic|i)))"
    r"{0,5}?\s*$"
)
_CITE_AS = re.compile(r"\b[Aa]s(?:\s+(?:the|a|an))?\s*$")
_CITE_AFTER = re.compile(
    r"^(?:['\u2019]s?)?(?:\s+(?:news\s+agency|newspaper|broadcaster|tabloid|daily|magazine|outlet"
    r"|news\s+(?:web)?site|(?:TV|television|radio)\s+(?:channel|station|network)|television"
    r"|(?:[a-z]+\s+)?(?:correspondent|reporter|journalist|columnist)))?"
    r"(?:\s*,?\s+(?:and|&)\s+(?:the\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})*"
    r"\s*(?:(?:has|had|have|also|first|both|all|earlier|previously|later|[a-z]+ly|"
    r"(?:in|on|last)\s+[A-Z]?\w+)\s+)*(?P<cue>reported|reports|reporting|report|said|says|cited|"
    r"quoted|confirmed|learned|wrote|published|noted|highlighted|found|revealed|obtained|citing|"
    r"quoting|quotes|writes|claimed|claims|added|adds|aired|broadcast|carried|interview|"
    r"could\s+not\s+(?:independently\s+)?(?:verify|confirm))\b"
)
#: "Mira Tal, a correspondent for X, wrote": the outlet's reporter speaks for it.
_ROLE_BEFORE = re.compile(
    r"\b(?:correspondent|reporter|journalist|columnist)\s+(?:for|with|at)\s+(?:the\s+)?"
    r"(?:(?:[\w'\u2019-]+\s+){0,3}?(?:news\s+agency|newspaper|broadcaster|tabloid|daily|"
    r"magazine|outlet|channel|website)\s+)?$",
    re.I,
)
_ROLE_CUE = re.compile(
    r"^(?:['\u2019]s?)?[,)]?\s+(?:who\s+)?(?:(?:has|had|also|later)\s+)*"
    r"(?:said|says|wrote|writes|reported|reports|posted|told)\b"
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
    is a body speaking; so is an organisation that the text shows an outlet elsewhere in
    the corpus ("Kanal magazine" in one sentence, "according to Kanal" in another). A
    mention of any type that :func:`workbench.actors.outlets.is_outlet` finds an outlet
    ("Baltic News Service", "news agency Kanal", "the Times", "a reporter for Kanal") is one
    like a MEDIA mention. Cues before it may run longer where they end in a press noun
    ("told the Russian state news agency Kanal", "according to the outlet, Kanal"), and an
    outlet's reporter speaks for it ("Kanal's correspondent said", "Mira Tal, a reporter for
    Kanal, wrote"). The article's own outlet (the mentions' ``source``) is never cited.

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
    units, texts = sentences["unit_id"].tolist(), sentences["text"].fillna("").tolist()
    sent = dict(zip(units, zip(sentences["start"].tolist(), texts, strict=True), strict=True))
    is_media = (mentions["actor_type"] == "MEDIA").to_numpy().copy()
    hinted = {u for u, t in zip(units, texts, strict=True) if PRESS_HINT.search(t)}
    named = _by_actor(mentions["actor"], lambda a: bool(outlet_name(a)))
    maybe = ~is_media & (named | mentions["sentence_id"].isin(hinted).to_numpy())
    columns = [
        mentions[c].to_numpy() for c in ("sentence_id", "start", "end", "actor", "actor_type")
    ]
    for i in maybe.nonzero()[0]:
        sid, start, end, actor, kind = (c[i] for c in columns)
        if sid in sent and isinstance(actor, str):
            s0, text = sent[sid]
            is_media[i] = is_outlet(text, start - s0, end - s0, actor, kind)
    is_org = (mentions["actor_type"] == "ORG").to_numpy()
    shown = _mostly_outlets(mentions["actor"], maybe & is_media & is_org, is_org)
    by_word = is_org & (
        _by_actor(mentions["actor"], lambda a: names.looks_like_outlet(a, words))
        | mentions["actor"].isin(shown).to_numpy()
    )
    keep = is_media | by_word
    outlets = mentions[keep]
    by_media = is_media[keep]
    own = outlets["source"] if "source" in outlets else [None] * len(outlets)
    rows, spans = [], {}
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
        if pd.isna(sid) or sid not in sent or _own_outlet(actor, source):
            continue
        s0, text = sent[sid]
        a, b = start - s0, end - s0
        if _lower_case(text[a:b]):
            continue  # "the state news" before "agency Kanal": the name comes after it
        if _cited(text[max(0, a - 60) : a], text[b:], strong=not media):
            rows.append((doc_id, actor, sid))
            spans.setdefault(sid, []).append((a, b))
    rows += _named_in_text(sentences, mentions, spans)
    out = pd.DataFrame(rows, columns=["doc_id", "cited", "sentence_id"]).drop_duplicates()
    return with_doc_columns(out.reset_index(drop=True), mentions)[CITATION_COLUMNS]


def _named_in_text(
    sentences: pd.DataFrame, mentions: pd.DataFrame, cited: dict[str, list[tuple[int, int]]]
) -> list[tuple[str, str, str]]:
    """Citations of outlets the text names by a press noun, whether the model found them.

    The model misses many an outlet it has never seen, or cuts or types it otherwise
    ("Antena 3", "t-online", "Rossiya-1"); :func:`workbench.actors.outlets.named_outlets`
    finds them by the press noun beside them, and any citing cue cites them, as it cites a
    known outlet. A name a mention already cites in its sentence is left to the mention;
    a mention of exactly the name lends it its actor's name.

    Returns:
        ``(doc_id, cited, sentence_id)`` rows.
    """
    source = dict(zip(mentions["doc_id"], mentions.get("source", mentions["doc_id"]), strict=True))
    exact: dict[tuple[str, int, int], str] = {}
    for sid, start, end, actor in zip(
        mentions["sentence_id"], mentions["start"], mentions["end"], mentions["actor"], strict=True
    ):
        exact[(sid, start, end)] = actor
    counted = sentences["counted"] if "counted" in sentences else [True] * len(sentences)
    rows = []
    for doc_id, sid, s0, text, keep in zip(
        sentences["doc_id"],
        sentences["unit_id"],
        sentences["start"],
        sentences["text"].fillna(""),
        counted,
        strict=True,
    ):
        if not keep or not (PRESS_HINT.search(text) or "the " in text.lower()):
            continue
        for a, b, name in named_outlets(text):
            if any(x < b and a < y for x, y in cited.get(sid, ())):
                continue
            name = exact.get((sid, a + s0, b + s0), name)
            if _own_outlet(name, source.get(doc_id)):
                continue
            if _cited(text[max(0, a - 60) : a], text[b:], strong=False):
                rows.append((doc_id, name, sid))
    return rows


def _lower_case(surface: str) -> bool:
    """Whether a mention's words start in lower case ("the state news"): no outlet's name."""
    words = re.sub(r"^[Tt]he\s+", "", surface)
    return words[:1].islower() and " " in words


def _mostly_outlets(actors: pd.Series, outlet: np.ndarray, org: np.ndarray) -> set[str]:
    """Organisations the text shows to be outlets in at least half of their mentions.

    One outlet-like mention among many ("UN News" beside thousands of "the United
    Nations said") does not make a body an outlet everywhere.
    """
    shown = actors[outlet].value_counts()
    named = actors[org].value_counts()
    return {a for a, n in shown.items() if 2 * n >= named.get(a, 0)}


def _by_actor(actors: pd.Series, test) -> np.ndarray:
    """``test(actor)`` for every row, computed once per distinct name (False where none)."""
    seen: dict[str, bool] = {}
    out = np.zeros(len(actors), dtype=bool)
    for i, actor in enumerate(actors.tolist()):
        if isinstance(actor, str):
            known = seen.get(actor)
            if known is None:
                known = seen[actor] = bool(test(actor))
            out[i] = known
    return out


def _cited(before: str, after: str, *, strong: bool) -> bool:
    """Whether the words around an outlet's name attribute something to it."""
    if _CITE_BEFORE.search(before) or _CITE_BEFORE_PRESS.search(before):
        return True
    if not strong and _CITE_BEFORE_OUTLET.search(before):
        return True
    if _ROLE_BEFORE.search(before) and _ROLE_CUE.match(after):
        return True
    hit = _CITE_AFTER.match(after)
    if strong:
        return hit is not None and hit.group("cue") in _CITE_STRONG
    return hit is not None or _CITE_AS.search(before) is not None


def _own_outlet(actor: str, source: object) -> bool:
    """Whether an outlet is the article's own.

    "CNN" or "CNN Digital" in a CNN article, "the Mirror" in a Daily Mirror one.
    """
    if not isinstance(source, str) or not source.strip():
        return False
    a, s = (re.sub(r"^the ", "", fold(x)) for x in (actor, source))
    return a == s or s.startswith(a + " ") or a.startswith(s + " ") or s.endswith(" " + a)
