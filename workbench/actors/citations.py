"""Which outlets an article cites: mentions of outlets and agencies in a citing context.

"According to AP News", "CNN reported", "as Politico reports", "told Russian news agency
RIA Novosti" cite an outlet; an article's own outlet (its ``source``) is its own
reporting, not a citation. Rules over each mention's sentence, no model; the cues
themselves are :mod:`workbench.actors.citing`'s.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from workbench.actors import antecedents, citing, names
from workbench.actors.gazetteer import Gazetteer, fold
from workbench.actors.mastheads import generic, nationality, outlet_name
from workbench.actors.outlets import DATE_WORDS, PRESS_HINT, is_outlet, named_outlets
from workbench.actors.repeats import sentence_rows
from workbench.core.tables import with_doc_columns

CITATION_COLUMNS = ["doc_id", "source", "date", "cited", "sentence_id"]


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
    Kanal, wrote"), and a press noun cites the outlet last named before it ("according to
    the newspaper": :mod:`workbench.actors.antecedents`). The article's own outlet (the
    mentions' ``source``) is never cited.

    Args:
        mentions: Resolved mentions with ``sentence_id`` (and the document's ``source`` and
            ``date``, as :func:`workbench.actors.extract.find_mentions` gives them).
        sentences: The sentence table (``unit_id``, ``start``, ``text``).
        gazetteer: Supplies ``outlet_words``.

    Returns:
        :data:`CITATION_COLUMNS`: the citing document's ``doc_id``, ``source`` and ``date``,
        the outlet cited and the sentence.
    """
    words = (gazetteer.outlet_words if gazetteer is not None else frozenset()) - _BODY_WORDS
    known = _media_names(gazetteer)
    units, texts = sentences["unit_id"].tolist(), sentences["text"].fillna("").tolist()
    sent = dict(zip(units, zip(sentences["start"].tolist(), texts, strict=True), strict=True))
    is_media = (mentions["actor_type"] == "MEDIA").to_numpy().copy()
    is_media |= (
        _by_actor(mentions["actor"], lambda a: _sister(a, known))
        & (mentions["actor_type"] != "PERSON").to_numpy()
    )
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
    keep = (is_media | by_word) & ~_by_actor(mentions["actor"], generic)
    outlets = mentions[keep]
    by_media = is_media[keep]
    own = outlets["source"] if "source" in outlets else [None] * len(outlets)
    rows, spans, joined = [], {}, []
    people = _surnames(outlets, sent, mentions)
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
        if pd.isna(sid) or sid not in sent or _own_outlet(actor, source, known):
            continue
        if (doc_id, actor) in people:
            continue  # "Mira Forbes said": a person's surname, here and in the whole article
        s0, text = sent[sid]
        a, b = start - s0, end - s0
        if _lower_case(text[a:b]):
            continue  # "the state news" before "agency Kanal": the name comes after it
        if _next_to(text, a, spans.get(sid, ())):
            spans[sid].append((a, b))
            continue  # "Kanal Nightly" after "Kanal": one outlet's name, cited once
        if citing.cited(text[max(0, a - 60) : a], text[b:], strong=not media):
            rows.append((doc_id, actor, sid))
            spans.setdefault(sid, []).append((a, b))
        elif media:
            joined.append((doc_id, actor, sid, text, a))
    found: list[tuple[str, int, str, str]] = []
    rows += _named_in_text(sentences, mentions, spans, known, found, hinted)
    # An outlet joined to one cited before it is cited with it: "according to X and Y".
    rows += [
        (d, actor, sid)
        for d, actor, sid, text, a in joined
        if citing.joined(text, a, spans.get(sid, ()))
    ]
    # "According to the newspaper": the outlet last named before, if cited there.
    columns = ("doc_id", "start", "actor", "sentence_id")
    found += zip(*(outlets[c] for c in columns), strict=True)
    done = set(rows)
    rows += antecedents.referred(
        sentences, [(d, at, actor, (d, actor, sid) in done) for d, at, actor, sid in found]
    )
    out = pd.DataFrame(rows, columns=["doc_id", "cited", "sentence_id"]).drop_duplicates()
    return with_doc_columns(out.reset_index(drop=True), mentions)[CITATION_COLUMNS]


def _named_in_text(
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    cited: dict[str, list[tuple[int, int]]],
    known: dict[str, str | None],
    found: list[tuple[str, int, str, str]] | None = None,
    hinted: set[str] | None = None,
) -> list[tuple[str, str, str]]:
    """Citations of outlets the text names by a press noun, whether the model found them.

    The model misses many an outlet it has never seen, or cuts or types it otherwise
    ("Antena 3", "t-online", "Rossiya-1"); :func:`workbench.actors.outlets.named_outlets`
    finds them by the press noun beside them, and any citing cue cites them, as it cites a
    known outlet. A name a mention already cites in its sentence is left to the mention;
    a mention of exactly the name lends it its actor's name.

    Args:
        sentences: The sentence table.
        mentions: The mentions (their actors lend names their spelling).
        cited: Spans cited so far, by sentence (added to).
        known: The gazetteer's outlets (:func:`_media_names`).
        found: Collects ``(doc_id, offset, name, sentence_id)`` of every name found and
            left to no mention, cited or not.
        hinted: The sentences (``unit_id``) that :data:`PRESS_HINT` finds a press noun in,
            where the caller has searched them already; None: searched here.

    Returns:
        ``(doc_id, cited, sentence_id)`` rows.
    """
    source = dict(zip(mentions["doc_id"], mentions.get("source", mentions["doc_id"]), strict=True))
    exact: dict[tuple[str, int, int], str] = {}
    for sid, start, end, actor in zip(
        mentions["sentence_id"], mentions["start"], mentions["end"], mentions["actor"], strict=True
    ):
        exact[(sid, start, end)] = actor
    rows = []
    for doc_id, sid, s0, text, keep in sentence_rows(sentences):
        if not keep:
            continue
        hint = sid in hinted if hinted is not None else PRESS_HINT.search(text)
        if not (hint or "the " in text.lower()):
            continue
        for a, b, name in named_outlets(text):
            if any(x < b and a < y for x, y in cited.get(sid, ())) or _next_to(
                text, a, cited.get(sid, ())
            ):
                continue
            name = exact.get((sid, a + s0, b + s0), name)
            if found is not None:
                found.append((doc_id, a + s0, name, sid))
            if _own_outlet(name, source.get(doc_id), known):
                continue
            # A name known only by its masthead word ("the Kharkiv Times") is cited only
            # by the strong cues, as an organisation known by its news word is.
            strong = fold(name) not in known and not is_outlet(text, a, b, name)
            if citing.cited(text[max(0, a - 60) : a], text[b:], strong=strong) or citing.joined(
                text, a, cited.get(sid, ())
            ):
                rows.append((doc_id, name, sid))
                cited.setdefault(sid, []).append((a, b))
    return rows


#: What stands between two names that are one outlet's: "Kanal Nightly" (not "Kanal's
#: Nightly", which a reader may cite by either name).
_ADJACENT = re.compile(r"\s+")


def _next_to(text: str, start: int, spans) -> bool:
    """Whether a name at ``start`` follows one already cited with nothing between them."""
    return any(b <= start and _ADJACENT.fullmatch(text[b:start]) for _, b in spans)


#: A first name right before an outlet's name: "Mira Forbes".
_FORENAME = re.compile(r"(?<=[a-z,;:\"\u201d\u2019] )(?P<word>[A-Z][a-z]{2,})\s$")


def _surnames(outlets: pd.DataFrame, sent: dict, mentions: pd.DataFrame) -> set[tuple[str, str]]:
    """``(doc_id, actor)`` of outlet names an article gives a person as a surname.

    A capitalised word right before the name, inside the sentence, that is no mention of
    its own, no nationality and no date ("Mira Forbes said") makes the name a person's;
    so it is wherever that article repeats it ('"...," Forbes said').
    """
    ends = set(zip(mentions["doc_id"], mentions["end"], strict=True))
    out = set()
    for doc_id, sid, start, actor in zip(
        outlets["doc_id"], outlets["sentence_id"], outlets["start"], outlets["actor"], strict=True
    ):
        if sid not in sent:
            continue
        s0, text = sent[sid]
        m = _FORENAME.search(text[max(0, start - s0 - 30) : start - s0])
        if not m or (doc_id, start - 1) in ends:
            continue
        word = m.group("word")
        if not (DATE_WORDS.fullmatch(word) or nationality(word) or word == "The"):
            out.add((doc_id, actor))
    return out


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


def own_outlet(name: str, source: object) -> bool:
    """Whether ``name`` is the article's own outlet (``source``): "CNN Digital" in CNN's."""
    return _own_outlet(name, source)


def _own_outlet(actor: str, source: object, known: dict[str, str | None] | None = None) -> bool:
    """Whether an outlet is the article's own.

    "CNN" or "CNN Digital" in a CNN article, "the Mirror" in a Daily Mirror one, and a
    programme the gazetteer gives the article's outlet as its affiliation ("Face the
    Nation" in a CBS News article), or a longer name of one ("Face the Nation Weekend"),
    and a name opening with the initials that open the outlet's ("CBS MoneyWatch" in a
    CBS News article).
    """
    if not isinstance(source, str) or not source.strip():
        return False
    s = re.sub(r"^the |\s*\(.*\)$", "", fold(source))  # "Kanal (via Globe wires)"
    known = known or {}
    words = fold(actor).split()
    key = next((k for n in range(len(words), 0, -1) if (k := " ".join(words[:n])) in known), None)
    parent = known[key] if key else None
    for name in (actor, parent) if parent else (actor,):
        a = re.sub(r"^the ", "", fold(name))
        if a == s or s.startswith(a + " ") or a.startswith(s + " ") or s.endswith(" " + a):
            return True
        if a.endswith(" " + s):
            return True  # a longer spelling, a word before it: "Voters Kanal News spoke with"
    brand = source.split()[0]  # a network's initials: "KNL MoneyWatch" in a "KNL News" one
    return brand.isupper() and len(brand) > 1 and actor.split()[:1] == [brand]


#: An outlet word that names many a body too: "European Space Agency".
_BODY_WORDS = frozenset({"agency"})
#: Words after an outlet's name that start no sister outlet's name ("Washington Post Mr").
_NOT_SISTER = frozenset(
    "mr mrs ms dr president minister said says reported and or of photo photos images file "
    "via".split()
)


def _media_names(gazetteer: Gazetteer | None) -> dict[str, str | None]:
    """The gazetteer's outlets: each folded name and alias, and the outlet it belongs to."""
    if gazetteer is None:
        return {}
    return {
        fold(surface): (fold(e.affiliation) if e.affiliation else None)
        for e in gazetteer.entries.values()
        if e.type == "MEDIA"
        for surface in e.surfaces
    }


def _sister(actor: str, known: dict[str, str | None]) -> bool:
    """Whether a name starts with a known outlet's name: "BBC Radio 4", "Sky News Australia"."""
    words = re.sub(r"^the ", "", fold(actor)).split()
    if any(c in actor for c in "()/"):
        return False  # a credit: "AP Photo/Mira Tal"
    for n in range(len(words) - 1, 0, -1):
        if " ".join(words[:n]) in known:
            return words[n] not in _NOT_SISTER
    return False
