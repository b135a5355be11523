"""How right the actors, quotes, citations and events are, against the hand-annotated gold set.

Scores the workbench (``extract_actors`` and ``build_timeline`` with their defaults) on
the articles of ``data/gold/gold.jsonl`` (see ``data/gold/README.md``), and plain spaCy
(``en_core_web_sm`` with its whole pipeline, every entity an actor under its exact
string) beside it, and prints one table: a row per measure, a column per half
(``tuning``, ``held_back``) and side. Then the errors by cause, so the next fix is
chosen by size.

Matching, in short:

- a mention is right for span+type when start, end and type equal a gold mention's
  (the workbench's FAC counts as LOC; NORP is not annotated and not scored);
- every gold actor is mapped to the workbench actor most of its found mentions got; a
  found mention's actor is right when it is its gold actor's mapped actor, that actor
  carries the gold actor's name (a shared name word or spelling), and no other gold actor
  maps to it. "Pairs merged" counts pairs of different gold people whose mentions the
  workbench gives one actor;
- a quote is found when the workbench's quotation span holds the gold quote's first
  words; its speaker is right when it is the gold speaker's mapped actor (or none for an
  unnamed gold speaker);
- a citation is the same outlet cited in the same sentence;
- an event report is right when a gold event in the same sentence has its type, its
  place (or both none), a date within a day (a gold date of a month or a year: inside
  it; no date in the text: the publication date) and at least one participant in common
  (or none on both sides);
- a merged workbench event "merges two gold events" when its reports stand for gold
  events that are not one; gold events of two articles are one when type, date and place
  agree and they share two participants (the annotators number events per article).

Usage::

    .venv/bin/python benchmarks/validity.py                 # both halves, both sides
    .venv/bin/python benchmarks/validity.py --half tuning   # the tuning half only
    .venv/bin/python benchmarks/validity.py --errors 15     # list 15 errors of each cause
    .venv/bin/python benchmarks/validity.py --batch 2       # score the second batch only
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import gold as goldset  # noqa: E402

HALVES = ("tuning", "held_back")
SCORED_TYPES = {"PERSON", "ORG", "GPE", "LOC", "MEDIA", "FAC"}
TYPE_MAP = {"FAC": "LOC"}
TOP_PERSONS = 50
TOP_EVENTS = 20


# ----------------------------------------------------------------------------- names


def fold(name: str) -> str:
    from workbench.core.names import fold as core_fold

    return core_fold(str(name))


#: Words that tell no name from another ("The Times" is not "The Guardian").
_FILLER_WORDS = frozenset({"the", "and", "for"})
#: Words an acronym skips ("OSCE": Organization for Security and Co-operation in Europe).
_SMALL_WORDS = _FILLER_WORDS | frozenset({"of", "in", "on", "de", "du", "des", "la"})


def name_words(name: str) -> set[str]:
    words = fold(name).replace(".", " ").replace("-", " ").replace("/", " ").split()
    return {w for w in words if len(w) > 2 and w not in _FILLER_WORDS}


def compatible(predicted: str, gold_names: set[str]) -> bool:
    """The predicted actor is one of the gold actor's names, or close to or part of one.

    A close spelling, or one name holding the other's words ("Zelensky" and "Volodymyr
    Zelensky"), or one the acronym of the other ("AFP" and "Agence France-Presse"); not
    one shared word ("NBC News" and "Sky News", "Ivo Tal" and "Ada Tal").
    """
    from rapidfuzz import fuzz

    p = fold(predicted)
    if not p:
        return False
    words = name_words(predicted)
    for g in gold_names:
        gf = fold(g)
        if p == gf or fuzz.ratio(p, gf) >= 85:
            return True
        other = name_words(g)
        if words and other and (words <= other or other <= words):
            return True
        if p.replace(".", "") == gf.replace(".", ""):
            return True
        if _initials_of(predicted, g) or _initials_of(g, predicted):
            return True
    return False


def _initials_of(short: str, long: str) -> bool:
    """Whether ``short`` is written in capitals as the initials of ``long``'s words.

    "AFP" and "Agence France-Presse", "UN" and "United Nations": the same outlet or body
    under its acronym, whichever side wrote which.
    """
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    for joined in (long, long.replace("-", " ")):  # "France-Presse": one word or two
        words = [w for w in joined.replace("/", " ").split() if fold(w) not in _SMALL_WORDS]
        if len(words) > 1 and "".join(w[0] for w in words).upper() == letters:
            return True
    return False


# ----------------------------------------------------------------------------- sides


@dataclass
class Side:
    """What one side found in the gold articles."""

    name: str
    mentions: pd.DataFrame  # doc_id, start, end, surface, actor, type
    quotes: pd.DataFrame | None = None  # doc_id, start, end, speaker
    citations: pd.DataFrame | None = None  # doc_id, sentence, cited
    reports: pd.DataFrame | None = None  # doc_id, sentence, type, place, date, participants
    events: pd.DataFrame | None = None  # event_id, n_docs, type, place, date, participants
    event_of_report: dict = field(default_factory=dict)  # report index -> event_id


def workbench_side(corpus: pd.DataFrame) -> tuple[Side, pd.DataFrame]:
    from workbench.actors import extract_actors
    from workbench.core.tables import split_cell
    from workbench.timeline import build_timeline

    tables = extract_actors(corpus, progress=False)
    timeline = build_timeline(corpus, actors=tables, progress=False)
    m = tables.mentions
    mentions = pd.DataFrame(
        {
            "doc_id": m["doc_id"],
            "start": m["start"].astype(int),
            "end": m["end"].astype(int),
            "surface": m["surface"],
            "actor": m["actor"],
            "type": m["actor_type"].map(lambda t: TYPE_MAP.get(t, t)),
        }
    )
    mentions = mentions[m["actor_type"].isin(SCORED_TYPES).to_numpy()]
    sentences = tables.sentences[["doc_id", "sentence_id", "start", "end"]]
    q = tables.quotes
    quotes = pd.DataFrame(
        {
            "doc_id": q["doc_id"],
            "start": q["start"].astype(int),
            "end": q["end"].astype(int),
            "speaker": q["speaker"].fillna(""),
            "kind": q["kind"],
        }
    )
    c = tables.citations.merge(sentences, on=["doc_id", "sentence_id"], how="left")
    citations = pd.DataFrame(
        {"doc_id": c["doc_id"], "sentence": c["start"].astype("Int64"), "cited": c["cited"]}
    )
    r = timeline.event_reports.merge(
        sentences.rename(columns={"start": "s_start"}), on=["doc_id", "sentence_id"], how="left"
    )
    reports = pd.DataFrame(
        {
            "doc_id": r["doc_id"],
            "sentence": r["s_start"].astype("Int64"),
            "type": r["event_type"],
            "place": r["place"].fillna(""),
            "date": r["date"],
            "date_source": r["date_source"],
            "published": r["published"],
            "participants": [list(split_cell(p)) for p in r["participants"]],
            "text": r["sentence"],
        }
    )
    events = timeline.events
    if "sentence_ids" not in events:  # an older workbench: its events list only documents
        events = events.assign(
            sentence_ids=[_sentences_of(e, r) for e in events.to_dict("records")]
        )
    # Each event lists the sentences of the reports it merged.
    event_of_report = {}
    key_of = {(d, s): i for i, (d, s) in enumerate(zip(r["doc_id"], r["sentence_id"], strict=True))}
    for event_id, sentence_ids in zip(events["event_id"], events["sentence_ids"], strict=True):
        for sentence_id in sentence_ids:
            doc_id = sentence_id.rsplit(":", 2)[0]
            if (doc_id, sentence_id) in key_of:
                event_of_report.setdefault(key_of[(doc_id, sentence_id)], event_id)
    side = Side(
        "workbench",
        mentions.reset_index(drop=True),
        quotes,
        citations,
        reports,
        events,
        event_of_report,
    )
    return side, sentences


def _sentences_of(event: dict, reports: pd.DataFrame) -> list[str]:
    """The sentences an older workbench's event merged: its documents' reports of its kind."""
    part = reports[reports["doc_id"].isin(set(event["doc_ids"]))]
    return [
        sid
        for sid, kind, place in zip(
            part["sentence_id"], part["event_type"], part["place"], strict=True
        )
        if kind == event["event_type"]
        and (not _text(event["place"]) or _text(place) in ("", event["place"]))
    ]


def _text(value) -> str:
    """A table cell as text: missing values (None, NaN, NA) are empty."""
    return value if isinstance(value, str) else ""


def spacy_side(corpus: pd.DataFrame) -> Side:
    """Plain spaCy: its whole default pipeline, every entity an actor under its exact string."""
    import spacy

    from workbench.actors.ner import model_name

    nlp = spacy.load(model_name())
    rows = []
    for doc_id, doc in zip(corpus["doc_id"], nlp.pipe(corpus["text"].tolist()), strict=True):
        for ent in doc.ents:
            if ent.label_ in SCORED_TYPES:
                rows.append(
                    (
                        doc_id,
                        ent.start_char,
                        ent.end_char,
                        ent.text,
                        ent.text,
                        TYPE_MAP.get(ent.label_, ent.label_),
                    )
                )
    cols = ["doc_id", "start", "end", "surface", "actor", "type"]
    return Side("plain spaCy", pd.DataFrame(rows, columns=cols))


# ----------------------------------------------------------------------------- scoring


@dataclass
class Score:
    """One side's measures on one half, and its errors by cause with examples."""

    values: dict = field(default_factory=dict)
    errors: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=lambda: defaultdict(list))

    def error(self, cause: str, example: str) -> None:
        """Count one error of ``cause`` and keep its example."""
        self.errors[cause] += 1
        self.examples[cause].append(example)


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def _f1(p, r):
    return None if p is None or r is None or p + r == 0 else 2 * p * r / (p + r)


def score(side: Side, gold: list[dict], texts: dict, sentences: pd.DataFrame | None) -> Score:
    out = Score()
    gold_mentions = pd.DataFrame(
        [{**m, "doc_id": g["doc_id"]} for g in gold for m in g["mentions"]],
        columns=["doc_id", "start", "end", "surface", "actor", "type"],
    )
    docs = {g["doc_id"] for g in gold}
    pred = side.mentions[side.mentions["doc_id"].isin(docs)]
    _score_mentions(out, pred, gold_mentions, texts)
    mapping = _map_actors(out, pred, gold_mentions, texts)
    _score_persons(out, pred, gold_mentions, mapping, texts)
    if side.quotes is not None:
        _score_quotes(out, side.quotes[side.quotes["doc_id"].isin(docs)], gold, mapping, texts)
    if side.citations is not None:
        _score_citations(out, side.citations[side.citations["doc_id"].isin(docs)], gold, sentences)
    if side.reports is not None:
        _score_events(out, side, gold, mapping, sentences, texts)
    return out


def _context(texts: dict, doc_id: str, start: int, end: int, width: int = 40) -> str:
    text = texts[doc_id]
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"{doc_id}: ...{left}[{text[start:end]}]{right}..."


def _by_doc(frame: pd.DataFrame) -> dict:
    return {d: part for d, part in frame.groupby("doc_id", sort=False)}


def _overlaps(part: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    return part[(part["start"] < end) & (part["end"] > start)]


def _score_mentions(out: Score, pred, gold_m, texts) -> None:
    gold_keys = set(
        zip(gold_m["doc_id"], gold_m["start"], gold_m["end"], gold_m["type"], strict=True)
    )
    pred_keys = set(zip(pred["doc_id"], pred["start"], pred["end"], pred["type"], strict=True))
    tp = len(gold_keys & pred_keys)
    p, r = _ratio(tp, len(pred_keys)), _ratio(tp, len(gold_keys))
    out.values.update({"mention precision": p, "mention recall": r, "mention F1": _f1(p, r)})
    gold_by, pred_by = _by_doc(gold_m), _by_doc(pred)
    for row in pred.itertuples():
        if (row.doc_id, row.start, row.end, row.type) in gold_keys:
            continue
        hits = _overlaps(gold_by.get(row.doc_id, gold_m.iloc[:0]), row.start, row.end)
        where = _context(texts, row.doc_id, row.start, row.end)
        if hits.empty:
            out.error("mention: not an actor (no gold mention there)", f"{row.type} {where}")
        elif ((hits["start"] == row.start) & (hits["end"] == row.end)).any():
            g = hits.iloc[0]
            out.error(f"mention: wrong type ({g['type']} typed {row.type})", where)
        elif (hits["start"] <= row.start).all() and (hits["end"] >= row.end).all():
            out.error("mention: fragment of a longer name", f"{row.type} {where}")
        else:
            out.error("mention: boundary differs", f"{row.type} {where}")
    for row in gold_m.itertuples():
        if (row.doc_id, row.start, row.end, row.type) in pred_keys:
            continue
        if _overlaps(pred_by.get(row.doc_id, pred.iloc[:0]), row.start, row.end).empty:
            out.error(
                f"mention: missed ({row.type})", _context(texts, row.doc_id, row.start, row.end)
            )


def _map_actors(out: Score, pred, gold_m, texts) -> dict:
    """Gold actor -> the workbench actor most of its found mentions got (and the scores)."""
    pred_by = _by_doc(pred)
    found = []  # (gold actor, gold type, pred actor, where)
    for row in gold_m.itertuples():
        hits = _overlaps(pred_by.get(row.doc_id, pred.iloc[:0]), row.start, row.end)
        if hits.empty:
            continue
        # The predicted mention sharing most of the gold span; one sharing less than half
        # of the two spans' union is a boundary error (counted above), not a name to judge.
        inter = hits["end"].clip(upper=row.end) - hits["start"].clip(lower=row.start)
        union = hits["end"].clip(lower=row.end) - hits["start"].clip(upper=row.start)
        jaccard = (inter / union).to_numpy()
        if jaccard.max() < 0.5:
            continue
        best = hits.iloc[int(jaccard.argmax())]
        found.append((row.actor, row.type, best["actor"], row.doc_id, row.start, row.end))
    names = defaultdict(set)
    for row in gold_m.itertuples():
        names[row.actor].update({row.actor, row.surface})
    votes = defaultdict(Counter)
    for g, _, p, *_ in found:
        votes[g][p] += 1
    mapping = {g: c.most_common(1)[0][0] for g, c in votes.items()}
    targets = defaultdict(set)
    for g, p in mapping.items():
        targets[p].add(g)
    # Where several gold actors land on one workbench actor, the one with most mentions
    # there owns it; only the others' mentions are merged into it (one "BBC Russian
    # Service" resolved to Russia does not make every right "Russia" wrong).
    owner = {p: max(gs, key=lambda g: (votes[g][p], g)) for p, gs in targets.items()}
    right = 0
    for g, _type, p, doc_id, start, end in found:
        where = _context(texts, doc_id, start, end)
        if p != mapping[g]:
            out.error(
                "actor: split from its other spellings (missed merge)", f"{g} -> {p}: {where}"
            )
        elif not compatible(p, names[g]):
            out.error("actor: wrong name", f"{g} -> {p}: {where}")
        elif owner[p] != g:
            out.error("actor: merged with another actor", f"{sorted(targets[p])} -> {p}: {where}")
        else:
            right += 1
    out.values["canonical actor accuracy"] = _ratio(right, len(found))
    persons = {g for g, t, *_ in found if t == "PERSON"}
    merged_pairs = 0
    for gs in targets.values():
        people = sorted(gs & persons)
        merged_pairs += len(people) * (len(people) - 1) // 2
    out.values["pairs of people merged"] = merged_pairs
    return {"mapping": mapping, "names": names, "found": found, "targets": targets}


def _score_persons(out: Score, pred, gold_m, mapping, texts) -> None:
    persons = pred[pred["type"] == "PERSON"]
    top = persons["actor"].value_counts().head(TOP_PERSONS)
    gold_by = _by_doc(gold_m)
    right = 0
    for actor in top.index:
        rows = persons[persons["actor"] == actor]
        hit_actors, hit_types = Counter(), Counter()
        for row in rows.itertuples():
            hits = _overlaps(gold_by.get(row.doc_id, gold_m.iloc[:0]), row.start, row.end)
            for h in hits.itertuples():
                hit_actors[h.actor] += 1
                hit_types[h.type] += 1
        if not hit_actors:
            out.error("top persons: not an actor", actor)
            continue
        gold_actor, n = hit_actors.most_common(1)[0]
        gold_type = hit_types.most_common(1)[0][0]
        if gold_type != "PERSON":
            out.error(f"top persons: a {gold_type}, not a person", actor)
        elif len([a for a in hit_actors if a in _gold_persons(gold_m)]) > 1:
            out.error("top persons: two people merged", f"{actor}: {dict(hit_actors)}")
        elif not compatible(actor, mapping["names"][gold_actor]):
            out.error("top persons: wrong name", f"{actor} for {gold_actor}")
        else:
            right += 1
    out.values[f"top {TOP_PERSONS} persons precision"] = _ratio(right, len(top))
    out.values["top persons scored"] = len(top)


_PERSONS_CACHE: dict[int, set] = {}


def _gold_persons(gold_m) -> set:
    key = id(gold_m)
    if key not in _PERSONS_CACHE:
        _PERSONS_CACHE[key] = set(gold_m.loc[gold_m["type"] == "PERSON", "actor"])
    return _PERSONS_CACHE[key]


def _speaker_right(pred: str, gold: dict, mapping) -> bool:
    pred = pred or ""
    if not gold["speaker"]:
        return not pred or bool(gold.get("affiliation") and compatible(pred, {gold["affiliation"]}))
    if not pred:
        return False
    target = mapping["mapping"].get(gold["speaker"])
    if target is not None:
        return pred == target
    return compatible(pred, {gold["speaker"]})


def _score_quotes(out: Score, pred, gold, mapping, texts) -> None:
    pred_by = _by_doc(pred)
    n_gold, found, right = 0, 0, 0
    matched_pred = set()
    for g in gold:
        part = pred_by.get(g["doc_id"], pred.iloc[:0])
        for q in g["quotes"]:
            n_gold += 1
            hits = _overlaps(part, q["start"], q["end"])
            where = _context(texts, g["doc_id"], q["start"], q["end"])
            if hits.empty:
                out.error(f"quote: missed ({q['kind']})", f"{q['speaker'] or '-'}: {where}")
                continue
            found += 1
            matched_pred.update(hits.index)
            best = hits.iloc[0]
            if _speaker_right(best["speaker"], q, mapping):
                right += 1
            else:
                cause = "quote: wrong speaker" if best["speaker"] else "quote: no speaker"
                out.error(cause, f"{best['speaker']!r} for {q['speaker'] or '-'!r}: {where}")
    for i, row in pred.iterrows():
        if i not in matched_pred:
            out.error(
                "quote: not a quote in the gold set",
                f"{row['speaker']}: {_context(texts, row['doc_id'], row['start'], row['end'], 0)}",
            )
    out.values["quote recall"] = _ratio(found, n_gold)
    out.values["quote speaker accuracy"] = _ratio(right, found)
    out.values["quote precision"] = _ratio(len(matched_pred), len(pred))


def _sentence_of(sentences: pd.DataFrame, doc_id: str, offset: int) -> int | None:
    part = sentences[sentences["doc_id"] == doc_id]
    hit = part[(part["start"] <= offset) & (part["end"] > offset)]
    return None if hit.empty else int(hit["start"].iloc[0])


def _score_citations(out: Score, pred, gold, sentences) -> None:
    gold_keys = []
    for g in gold:
        for c in g["citations"]:
            gold_keys.append((g["doc_id"], _sentence_of(sentences, g["doc_id"], c["start"]), c))
    used = set()
    tp_gold = 0
    for doc_id, sent, c in gold_keys:
        hit = pred[
            (pred["doc_id"] == doc_id)
            & (pred["sentence"] == sent)
            & pred["cited"].map(lambda p, c=c: compatible(p, {c["cited"]}))
        ]
        free = [i for i in hit.index if i not in used]
        if free:
            used.add(free[0])
            tp_gold += 1
        else:
            out.error("citation: missed", f"{doc_id} {c['cited']}")
    for i, row in pred.iterrows():
        if i not in used:
            out.error("citation: not in the gold set", f"{row['doc_id']} {row['cited']}")
    out.values["citation precision"] = _ratio(len(used), len(pred))
    out.values["citation recall"] = _ratio(tp_gold, len(gold_keys))


def _date_right(pred_date, gold_date: str, published) -> bool:
    if pred_date is None or pd.isna(pred_date):
        return not gold_date
    day = pd.Timestamp(pred_date).tz_localize(None).normalize()
    if not gold_date:
        pub = pd.Timestamp(published).tz_localize(None).normalize()
        return abs((day - pub).days) <= 1
    if len(gold_date) == 4:
        return day.year == int(gold_date)
    if len(gold_date) == 7:
        return day.strftime("%Y-%m") == gold_date
    return abs((day - pd.Timestamp(gold_date)).days) <= 1


def _event_match(r: dict, e: dict, mapping, published) -> list[str]:
    """What differs between a workbench report and a gold event ([] when it is right)."""
    wrong = []
    if r["type"] != e["type"]:
        wrong.append("type")
    gplace = e["place"]
    if bool(r["place"]) != bool(gplace) or (
        gplace and not _same_actor(r["place"], gplace, mapping)
    ):
        wrong.append("place")
    if not _date_right(r["date"], e["date"], published):
        wrong.append("date")
    named = r["participants"] or e["participants"]  # none on either side is right (as places)
    if named and not any(
        _same_actor(p, g, mapping) for p in r["participants"] for g in e["participants"]
    ):
        wrong.append("participants")
    return wrong


def _same_actor(pred: str, gold: str, mapping) -> bool:
    target = mapping["mapping"].get(gold)
    return pred == target if target is not None else compatible(pred, {gold})


def _score_events(out: Score, side: Side, gold, mapping, sentences, texts) -> None:
    published = {g["doc_id"]: g["date"] for g in gold}
    gold_events = []  # (doc_id, sentence, event)
    for g in gold:
        for e in g["events"]:
            gold_events.append((g["doc_id"], _sentence_of(sentences, g["doc_id"], e["start"]), e))
    reports = side.reports[side.reports["doc_id"].isin(published)]
    right_reports, matched_gold = 0, set()
    gold_of_report = {}
    for i, r in zip(reports.index, reports.to_dict("records"), strict=True):
        here = [
            (k, e)
            for k, (d, s, e) in enumerate(gold_events)
            if d == r["doc_id"] and s == r["sentence"]
        ]
        if not here:
            out.error("event: not an event in the gold set", f"{r['type']}: {r['text'][:120]}")
            continue
        diffs = [(_event_match(r, e, mapping, published[r["doc_id"]]), k, e) for k, e in here]
        diffs.sort(key=lambda d: len(d[0]))
        wrong, k, e = diffs[0]
        gold_of_report[i] = k
        if not wrong:
            right_reports += 1
            matched_gold.add(k)
            continue
        for w in wrong:
            detail = {
                "type": f"{r['type']} for {e['type']}",
                "place": f"{r['place'] or '-'} for {e['place'] or '-'}",
                "date": f"{r['date']} ({r['date_source']}) for {e['date'] or 'none'}"
                f" ({e['date_text']})",
                "participants": f"{r['participants']} for {e['participants']}",
            }[w]
            out.error(f"event: wrong {w}", f"{detail}: {r['text'][:100]}")
    for k, (d, s, e) in enumerate(gold_events):
        if k not in matched_gold and k not in gold_of_report.values():
            where = f"{e['place'] or '-'} {e['date'] or '-'}"
            head = texts[d][s : s + 100] if s is not None else ""
            out.error("event: missed", f"{d} {e['type']} {e['participants']} {where}: {head}")
    out.values["event precision"] = _ratio(right_reports, len(reports))
    out.values["event recall"] = _ratio(len(matched_gold), len(gold_events))
    _score_merged_events(out, side, gold_events, gold_of_report, mapping, published)


def _score_merged_events(out: Score, side: Side, gold_events, gold_of_report, mapping, published):
    """Merged events: which gold events their reports stand for; the top ones fully right?"""
    identity, gold_of_identity = _gold_identities(gold_events)
    members = defaultdict(set)
    for i in gold_of_report:
        event_id = side.event_of_report.get(i)
        if event_id is not None:
            d, _s, e = gold_events[gold_of_report[i]]
            members[event_id].add(identity[(d, e["event"])])
    multi = [e for e, gs in members.items() if gs]
    merging = [e for e in multi if len(members[e]) > 1]
    for e in merging:
        out.error("event: merges different events", f"{e}: {sorted(map(str, members[e]))}")
    out.values["events merging two gold events"] = _ratio(len(merging), len(multi))
    # The events reported by the most articles of this half: fully right?
    events = side.events
    here = events["sentence_ids"].map(
        lambda ids: any(i.rsplit(":", 2)[0] in published for i in ids)
    )
    ranked = events[here.to_numpy()].head(TOP_EVENTS)
    full = 0
    for ev in ranked.to_dict("records"):
        wrong = _top_event_errors(
            ev, members.get(ev["event_id"], set()), gold_of_identity, mapping, published
        )
        if wrong:
            out.error(
                f"top event: {wrong}",
                f"{ev['event_type']} {_text(ev['place']) or '-'} "
                f"{ev['participants']}: {ev['example'][:100]}",
            )
        else:
            full += 1
    out.values["top events fully right"] = _ratio(full, len(ranked))
    out.values["top events scored"] = len(ranked)


def _top_event_errors(ev: dict, ids: set, gold_of_identity, mapping, published) -> str:
    """Why a merged event is not fully right ("" when it is)."""
    if not ids:
        return "not an event in the gold set"
    if len(ids) > 1:
        return "merges different events"
    (identity,) = ids
    d, e = identity[0], gold_of_identity[identity]
    r = {
        "type": ev["event_type"],
        "place": _text(ev["place"]),
        "date": ev["date"],
        "participants": list(ev["participants"]),
    }
    wrong = _event_match(r, e, mapping, published[d])
    if not wrong and not all(
        any(_same_actor(p, g, mapping) for g in e["participants"]) for p in r["participants"]
    ):
        wrong.append("participants")
    return "wrong " + " and ".join(wrong) if wrong else ""


def _gold_identities(gold_events) -> tuple[dict, dict]:
    """Which gold events of different articles are one event, and what each event says.

    Annotators give an event an id within its article ("e1"); two articles reporting the
    Istanbul grain deal of July 22 hold two ids of one event, and a workbench event that
    merges them merges nothing. Events of two articles are one when they share the type,
    both give a date and the dates agree (the same day within one, or one inside the
    other: "2022-07" holds "2022-07-22"), the places agree (the same, or one not given; a
    strike or attack needs both, and the same), and they share at least two participants.
    Within an article, an id's sentences are one event: the first place given, the finest
    date, every participant; two ids of one article are never one event.

    Returns:
        The identity of each ``(doc_id, id)`` and the event of each identity.
    """
    events: dict[tuple, dict] = {}
    for d, _s, e in gold_events:
        _absorb(events.setdefault((d, e["event"]), {**e, "participants": []}), e)
    identity: dict[tuple, tuple] = {}
    merged: dict[tuple, dict] = {}  # each cluster's event so far, by its first id
    docs: dict[tuple, set] = {}
    for k in sorted(events):
        # an event joins the first cluster it agrees with, as the cluster stands so far
        # (the grain deal of "2022-07" and one of "2022-07-22" are one; a third of
        # "2022-07-25" is not); two ids of one article are two events, as its annotator
        # said, so no cluster takes a second id of an article
        home = next(
            (r for r, ev in merged.items() if k[0] not in docs[r] and _one_event(ev, events[k])),
            k,
        )
        identity[k] = home
        docs.setdefault(home, set()).add(k[0])
        _absorb(merged.setdefault(home, {**events[k], "participants": []}), events[k])
    return identity, merged


def _absorb(event: dict, other: dict) -> None:
    """Fill ``event`` in from ``other``, a report of it: a place, a finer date, participants."""
    event["place"] = event["place"] or other["place"]
    if len(other["date"] or "") > len(event["date"] or ""):
        event["date"], event["date_text"] = other["date"], other["date_text"]
    event["participants"] += [p for p in other["participants"] if p not in event["participants"]]


def _one_event(a: dict, b: dict) -> bool:
    """Whether gold events of two articles are one event (see :func:`_gold_identities`)."""
    if a["type"] != b["type"] or not a["date"] or not b["date"]:
        return False
    da, db = a["date"], b["date"]
    if len(da) == len(db) == 10:
        if abs((pd.Timestamp(da) - pd.Timestamp(db)).days) > 1:
            return False
    elif not (da.startswith(db) or db.startswith(da)):
        return False
    pa, pb = a["place"], b["place"]
    if a["type"] in ("attack", "strike"):
        if not (pa and pa == pb):
            return False
    elif pa and pb and pa != pb:
        return False
    return len(set(a["participants"]) & set(b["participants"])) >= 2


# ----------------------------------------------------------------------------- report

ROWS = [
    ("mention precision", "pct"),
    ("mention recall", "pct"),
    ("mention F1", "f2"),
    ("canonical actor accuracy", "pct"),
    (f"top {TOP_PERSONS} persons precision", "pct"),
    ("top persons scored", "int"),
    ("pairs of people merged", "int"),
    ("quote recall", "pct"),
    ("quote precision", "pct"),
    ("quote speaker accuracy", "pct"),
    ("citation precision", "pct"),
    ("citation recall", "pct"),
    ("event precision", "pct"),
    ("event recall", "pct"),
    ("events merging two gold events", "pct"),
    ("top events fully right", "pct"),
    ("top events scored", "int"),
]


def _fmt(value, kind: str) -> str:
    if value is None:
        return "-"
    if kind == "pct":
        return f"{100 * value:.1f}%"
    if kind == "f2":
        return f"{value:.3f}"
    return f"{value:,}"


def _in_batch(article: dict, batch: int | None) -> bool:
    return batch is None or article.get("batch", 1) == batch


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=[*HALVES, "both"], default="both")
    parser.add_argument(
        "--errors", type=int, default=3, help="examples listed per cause (tuning half only)"
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip plain spaCy")
    parser.add_argument("--json", type=Path, help="also write the scores as JSON here")
    parser.add_argument(
        "--batch", type=int, help="score one batch of the gold set only (all are extracted)"
    )
    args = parser.parse_args()
    gold = goldset.read_jsonl(goldset.GOLD_FILE)
    halves = HALVES if args.half == "both" else (args.half,)
    corpus = goldset.load_texts([g["doc_id"] for g in gold])
    texts = dict(zip(corpus["doc_id"], corpus["text"], strict=True))
    stale = [g["doc_id"] for g in gold if goldset.text_hash(texts[g["doc_id"]]) != g["text_sha1"]]
    if stale:
        print(f"the normalised text changed for {len(stale)} gold articles: {stale[:5]}")
        return 1
    workbench, sentences = workbench_side(corpus)
    sides = [workbench] if args.no_baseline else [workbench, spacy_side(corpus)]
    scores = {}
    for side in sides:
        for half in halves:
            part = [g for g in gold if g["split"] == half and _in_batch(g, args.batch)]
            scores[(side.name, half)] = score(side, part, texts, sentences)
    n = {h: sum(g["split"] == h and _in_batch(g, args.batch) for g in gold) for h in halves}
    cols = [(s.name, h) for s in sides for h in halves]
    head = ["measure"] + [f"{s} · {h} ({n[h]})" for s, h in cols]
    lines = [head]
    for key, kind in ROWS:
        lines.append([key] + [_fmt(scores[c].values.get(key), kind) for c in cols])
    widths = [max(len(row[i]) for row in lines) for i in range(len(head))]
    print()
    for k, row in enumerate(lines):
        print(
            " | ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if k == 0:
            print("-|-".join("-" * w for w in widths))
    for side in sides:
        for half in halves:
            sc = scores[(side.name, half)]
            print(f"\nerrors by cause, {side.name}, {half}:")
            for cause, count in sc.errors.most_common():
                print(f"  {count:>5}  {cause}")
                # Examples only from the tuning half: rules are never tuned on the other.
                for ex in sc.examples[cause][: args.errors if half == "tuning" else 0]:
                    print(f"           {ex[:220]}")
    if args.json:
        payload = {
            f"{s}|{h}": {"values": sc.values, "errors": dict(sc.errors)}
            for (s, h), sc in scores.items()
        }
        args.json.write_text(json.dumps(payload, indent=1, default=str), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
