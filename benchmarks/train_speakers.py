"""EXPERIMENT: does a small learned ranker choose quote speakers better than the rules?

For each quote the workbench finds that matches a gold quote (as ``validity.py`` matches
them: the found quotation holds the gold quote's first words; the first such row), the
candidate speakers are the actors mentioned near it (the two sentences before the quote's
first sentence through the sentence after its last), the rules' own choice, and "no
speaker". Each candidate gets a few features (below: :data:`FEATURES`); a logistic
regression scores each candidate (right / not right, as ``validity.py`` judges a speaker)
and the ranker picks the candidate it scores highest.

Evaluation is honest: grouped cross-validation by article on the tuning half (each fold
is scored by a model trained on the other folds), beside the rules on the same quotes; and
a model trained on batches 1-6 of the tuning half, scored on batch 7's tuning articles.

It reads ONLY the tuning half of the gold set (asserted), extracts only the tuning
articles, and never prints a held-back article. With ``--write PATH`` it writes the
coefficients of a model trained on the whole tuning half as JSON (atomically).

Result (2026-12-01, the 132 tuning articles of batches 1-7; 1,303 matched quotes, 6.1
candidates each; a right candidate exists for 96.9% of them): NEGATIVE, not integrated.
Cross-validated by article (5 folds), the pointwise model picks exactly what the rules
pick on every quote (91.7% vs 91.7%, +0.00 points per fold; batch 7 trained on batches
1-6: 82.9% vs 82.9%); the listwise one (``--listwise --c 10``) overrules the rules three
times, wrongly each time (91.5%, -0.23); gradient-boosted trees on the same features did
not overrule them either, and a model of only the quotes the rules leave without a
speaker fixed none of them. Without the rules' choice as a feature (``--without-rules``)
the model is 11 points worse (80.7%; batch 7: 78.1%). The rules' choice carries the
weight (+4.6); the parsed subject of the speech verb (+1.3), "no speaker" where the
parse finds no speech verb or a common-noun subject (+1.4, +1.3), and the last speaker
(+0.7) come next, but they mostly restate what the rules already read. The 5 points
between the rules and the oracle are in cases these features do not tell apart from the
rules' right choices: more rules (or richer features), not a reweighting, would be
needed to reach them.

Usage::

    PYTHONPATH=. .venv/bin/python benchmarks/train_speakers.py [--cache /tmp/x.pkl]
    PYTHONPATH=. .venv/bin/python benchmarks/train_speakers.py --listwise --c 10
    PYTHONPATH=. .venv/bin/python benchmarks/train_speakers.py --without-rules
    PYTHONPATH=. .venv/bin/python benchmarks/train_speakers.py --write weights.json
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pickle
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import gold as goldset  # noqa: E402
import validity  # noqa: E402

SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "MEDIA")
#: Sentences before the quote's first and after its last whose mentions are candidates.
BEFORE, AFTER = 2, 1
SEED = 20221
FOLDS = 5

FEATURES = [
    "bias_actor",  # 1 for an actor candidate, 0 for "no speaker"
    "none",  # the "no speaker" candidate
    "rules",  # the rules chose this candidate (an actor, or none)
    "rules_none",  # "no speaker", and the rules chose none
    "rules_far",  # the rules' actor is not mentioned in the quote's own sentences
    "rules_unseen",  # the rules' actor has no mention in the window (an unlisted name)
    "sent_dist",  # sentences between the nearest mention and the quote (0: same)
    "tok_dist",  # log(1 + words between the nearest mention outside it and the quote)
    "before",  # a mention in the window before the quote
    "after",  # a mention in the window after the quote
    "inside",  # a mention inside the quotation
    "only_inside",  # every mention in the window is inside quotation marks
    "subject_like",  # a mention not governed by a preposition nor a possessive
    "acts",  # a verb follows a mention
    "nsubj_cue",  # a mention is the parsed subject of the quote's speech verb
    "near_cue",  # a mention within three words of the speech verb
    "person",
    "org",
    "gpe",
    "media",
    "last_speaker",  # the rules' speaker of the previous quote in the article
    "n_mentions",  # log(1 + mentions of the actor in the article)
    "first_in_window",  # the first actor mentioned in the window
    "direct",  # the quote is a direct quotation (x actor candidate)
    # The parsed subject of the speech verb, crossed with the candidate:
    "pronoun_last",  # it is "he"/"she", and the candidate spoke last
    "pronoun_person",  # it is "he"/"she", and the candidate is a person
    "noun_none",  # it is a common noun ("a spokesperson"), and the candidate is no speaker
    "nocue_last",  # no speech verb was found in the parse, and the candidate spoke last
    "nocue_none",  # no speech verb was found in the parse, and the candidate is no speaker
]

#: The features that carry the rules' own choice.
RULES_FEATURES = ("rules", "rules_none", "rules_far", "rules_unseen")


# ----------------------------------------------------------------------------- data


def tuning_gold() -> list[dict]:
    """The tuning half of the gold set, and only it."""
    rows = [g for g in goldset.read_jsonl(goldset.GOLD_FILE) if g["split"] == "tuning"]
    assert rows and all(g["split"] == "tuning" for g in rows)
    return rows


def extract(gold: list[dict], cache: Path | None) -> dict:
    """The workbench's tables over the tuning articles (cached in ``cache`` when given)."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    from workbench.actors import extract_actors

    corpus = goldset.load_texts([g["doc_id"] for g in gold])
    assert set(corpus["doc_id"]) <= {g["doc_id"] for g in gold}
    tables = extract_actors(corpus, progress=False)
    m = tables.mentions
    out = {
        "texts": dict(zip(corpus["doc_id"], corpus["text"], strict=True)),
        "mentions": pd.DataFrame(
            {
                "doc_id": m["doc_id"],
                "start": m["start"].astype(int),
                "end": m["end"].astype(int),
                "surface": m["surface"],
                "actor": m["actor"],
                "actor_type": m["actor_type"],
            }
        ),
        "sentences": tables.sentences[["doc_id", "start", "end"]].copy(),
        "quotes": tables.quotes[["doc_id", "start", "end", "speaker", "cue", "kind"]].copy(),
    }
    if cache is not None:
        cache.write_bytes(pickle.dumps(out))
    return out


def scored_mentions(m: pd.DataFrame) -> pd.DataFrame:
    """The mentions as ``validity.py`` scores them."""
    types = m["actor_type"].map(lambda t: validity.TYPE_MAP.get(t, t))
    keep = m["actor_type"].isin(validity.SCORED_TYPES).to_numpy()
    return m.assign(type=types)[keep].reset_index(drop=True)


# ----------------------------------------------------------------------------- features


class Article:
    """One article's text, sentences, mentions, quotes and parse, for the features."""

    def __init__(self, doc_id: str, text: str, mentions, sents, quotes, nlp) -> None:
        from workbench.actors.document import Document
        from workbench.actors.marks import quoted_stretches

        self.doc_id, self.text = doc_id, text
        spans = sorted(
            (int(r.start), int(r.end), r.actor, r.actor_type)
            for r in mentions.itertuples()
            if r.actor_type in SPEAKER_TYPES and isinstance(r.actor, str)
        )
        self.sents = sorted(sents)
        self.doc = Document(doc_id, text, spans, quoted_stretches(text), self.sents)
        self.spans = spans
        self.counts = Counter(s[2] for s in spans)
        self.quotes = quotes.sort_values("start").to_dict("records")
        self.nlp = nlp
        self._parsed: dict[int, object] = {}

    def parse(self, i: int):
        """Sentence ``i``'s start and its spaCy parse (parsed once)."""
        if i not in self._parsed:
            lo, hi = self.sents[i]
            self._parsed[i] = (lo, self.nlp(self.text[lo:hi]))
        return self._parsed[i]

    def cue_token(self, q: dict):
        """The spaCy token of the quote's speech verb (nearest outside the quote), or None."""
        cue = str(q["cue"] or "").split()[0] if q["cue"] else ""
        if not cue or cue in ("interview", ":", "according"):
            return None
        i0 = self.doc.sentence_index(q["start"])
        i1 = self.doc.sentence_index(max(q["start"], q["end"] - 1))
        best = None
        for i in range(max(0, i0 - 1), min(len(self.sents), i1 + 2)):
            lo, parsed = self.parse(i)
            for tok in parsed:
                at = lo + tok.idx
                if tok.lower_ != cue or q["start"] <= at < q["end"]:
                    continue
                d = min(abs(at - q["start"]), abs(at - q["end"]))
                if best is None or d < best[0]:
                    best = (d, lo, tok)
        return None if best is None else best[1:]

    def candidates(self, q: dict, previous: str | None) -> tuple[list, np.ndarray]:
        """The candidates of quote ``q`` (actors and None) and their feature rows."""
        doc = self.doc
        i0 = doc.sentence_index(q["start"])
        i1 = doc.sentence_index(max(q["start"], q["end"] - 1))
        lo = self.sents[max(0, i0 - BEFORE)][0] if self.sents else 0
        hi = self.sents[min(len(self.sents) - 1, i1 + AFTER)][1] if self.sents else len(self.text)
        window = [s for s in self.spans if lo <= s[0] < hi]
        rules = _name(q["speaker"]) or None
        actors = list(dict.fromkeys([s[2] for s in window] + ([rules] if rules else [])))
        cue = self.cue_token(q)
        subj_offsets, cue_at, subj_kind = set(), None, "nocue"
        if cue is not None:
            subj_kind = "none"
            base, tok = cue
            cue_at = base + tok.idx
            verbs = [tok] + ([tok.head] if tok.dep_ in ("conj", "advcl", "xcomp") else [])
            for v in verbs:
                for child in v.children:
                    if child.dep_ in ("nsubj", "nsubjpass"):
                        subj_offsets.update(base + t.idx for t in child.subtree)
                        if child.lower_ in ("he", "she"):
                            subj_kind = "pronoun"
                        elif child.pos_ == "NOUN" and subj_kind == "none":
                            subj_kind = "noun"
        first = window[0][2] if window else None
        rows, cands = [], []
        for actor in actors:
            mine = [s for s in window if s[2] == actor]
            f = dict.fromkeys(FEATURES, 0.0)
            f["bias_actor"] = 1.0
            f["rules"] = float(actor == rules)
            own = [s for s in mine if i0 <= doc.sentence_index(s[0]) <= i1]
            f["rules_far"] = float(actor == rules and not [s for s in own if not self._in(s, q)])
            f["rules_unseen"] = float(actor == rules and not mine)
            if mine:
                dists = [
                    max(0, i0 - doc.sentence_index(s[0]), doc.sentence_index(s[0]) - i1)
                    for s in mine
                ]
                f["sent_dist"] = float(min(dists))
                outside = [s for s in mine if not self._in(s, q)]
                if outside:
                    words = min(self._words_between(s, q) for s in outside)
                    f["tok_dist"] = math.log1p(words)
                f["before"] = float(any(s[1] <= q["start"] for s in mine))
                f["after"] = float(any(s[0] >= q["end"] for s in mine))
                f["inside"] = float(any(self._in(s, q) for s in mine))
                f["only_inside"] = float(all(doc.in_quotes(s[0]) for s in mine))
                f["subject_like"] = float(any(doc.subject_like(s) for s in mine))
                f["acts"] = float(any(doc.acts(s) for s in mine))
                f["nsubj_cue"] = float(any(s[0] <= o < s[1] for s in mine for o in subj_offsets))
                if cue_at is not None:
                    near = [
                        len(self.text[min(s[1], cue_at) : max(s[0], cue_at)].split()) for s in mine
                    ]
                    f["near_cue"] = float(min(near) <= 3)
            kind = doc.types.get(actor) or next((s[3] for s in mine), "")
            f["person"] = float(kind == "PERSON")
            f["org"] = float(kind == "ORG")
            f["gpe"] = float(kind == "GPE")
            f["media"] = float(kind == "MEDIA")
            f["last_speaker"] = float(actor == previous)
            f["n_mentions"] = math.log1p(self.counts.get(actor, 0))
            f["first_in_window"] = float(actor == first)
            f["direct"] = float(q["kind"] == "direct")
            f["pronoun_last"] = float(subj_kind == "pronoun" and actor == previous)
            f["pronoun_person"] = float(subj_kind == "pronoun" and kind == "PERSON")
            f["nocue_last"] = float(subj_kind == "nocue" and actor == previous)
            rows.append([f[k] for k in FEATURES])
            cands.append(actor)
        f = dict.fromkeys(FEATURES, 0.0)
        f["none"] = 1.0
        f["rules"] = float(rules is None)
        f["rules_none"] = float(rules is None)
        f["noun_none"] = float(subj_kind == "noun")
        f["nocue_none"] = float(subj_kind == "nocue")
        rows.append([f[k] for k in FEATURES])
        cands.append(None)
        return cands, np.array(rows, dtype=float)

    @staticmethod
    def _in(span: tuple, q: dict) -> bool:
        return q["start"] <= span[0] < q["end"]

    def _words_between(self, span: tuple, q: dict) -> int:
        if span[1] <= q["start"]:
            return len(self.text[span[1] : q["start"]].split())
        return len(self.text[q["end"] : span[0]].split())


def dataset(gold: list[dict], tables: dict) -> list[dict]:
    """One item per matched gold quote: its candidates, features, labels, rules' verdict."""
    import spacy

    from workbench.actors.ner import model_name

    nlp = spacy.load(model_name(), disable=["ner", "lemmatizer"])
    texts = tables["texts"]
    pred = scored_mentions(tables["mentions"])
    gold_m = pd.DataFrame(
        [{**m, "doc_id": g["doc_id"]} for g in gold for m in g["mentions"]],
        columns=["doc_id", "start", "end", "surface", "actor", "type"],
    )
    mapping = validity._map_actors(validity.Score(), pred, gold_m, texts)
    quotes = tables["quotes"].copy()
    quotes["speaker"] = [v if isinstance(v, str) and v else None for v in quotes["speaker"]]
    quotes = quotes.astype({"speaker": object})
    q_by = validity._by_doc(quotes)
    m_by = validity._by_doc(tables["mentions"])
    s_by = validity._by_doc(tables["sentences"])
    items = []
    for g in gold:
        d = g["doc_id"]
        part = q_by.get(d, quotes.iloc[:0])
        if not g["quotes"] or part.empty:
            continue
        sents = list(zip(s_by[d]["start"].astype(int), s_by[d]["end"].astype(int), strict=True))
        art = Article(d, texts[d], m_by.get(d, tables["mentions"].iloc[:0]), sents, part, nlp)
        previous_of, last = {}, None
        for r in art.quotes:
            previous_of[(r["start"], r["end"], r["kind"])] = last
            last = _name(r["speaker"]) or last
        for q in g["quotes"]:
            hits = validity._overlaps(part, q["start"], q["end"])
            if hits.empty:
                continue
            best = hits.iloc[0].to_dict()
            prev = previous_of.get((best["start"], best["end"], best["kind"]))
            cands, x = art.candidates(best, prev)
            labels = [validity._speaker_right(c or "", q, mapping) for c in cands]
            items.append(
                {
                    "doc_id": d,
                    "batch": g.get("batch", 1),
                    "cands": cands,
                    "x": x,
                    "y": np.array(labels, dtype=float),
                    "rules_right": validity._speaker_right(_name(best["speaker"]), q, mapping),
                }
            )
    return items


def _name(value) -> str:
    """A speaker cell as text: a missing one (None, NaN, NA) is empty."""
    return value if isinstance(value, str) else ""


# ----------------------------------------------------------------------------- model


def train(items: list[dict], c: float = 1.0, listwise: bool = False) -> dict:
    """A logistic regression over the candidates of ``items``.

    Pointwise (default): every candidate is an example, right or not (scikit-learn).
    Listwise: a conditional logit, a softmax over each quote's candidates that maximises
    the chance of its right ones, with an L2 penalty of ``1 / c`` (scipy's L-BFGS from
    zeros, deterministic).
    """
    if listwise:
        coef = _conditional_logit(items, 1.0 / c)
        return {"features": FEATURES, "coef": [round(float(v), 6) for v in coef], "intercept": 0.0}
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([it["x"] for it in items])
    y = np.concatenate([it["y"] for it in items])
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    model.fit(x, y)
    return {
        "features": FEATURES,
        "coef": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
    }


def _conditional_logit(items: list[dict], penalty: float) -> np.ndarray:
    from scipy.optimize import minimize

    usable = [it for it in items if it["y"].max() > 0]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = penalty * w @ w, 2 * penalty * w
        for it in usable:
            s = it["x"] @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            right = it["y"] > 0
            mass = p[right].sum()
            total -= math.log(mass)
            grad -= it["x"].T @ (np.where(right, p / mass, 0.0) - p)
        return total, grad

    return minimize(loss, np.zeros(len(FEATURES)), jac=True, method="L-BFGS-B").x


def choose(weights: dict, x: np.ndarray) -> int:
    """The index of the candidate the weights score highest (the first on a tie)."""
    scores = x @ np.asarray(weights["coef"]) + weights["intercept"]
    return int(np.argmax(scores))


def accuracy(weights: dict, items: list[dict]) -> dict:
    """Ranker, rules and oracle (a right candidate exists) accuracy on ``items``.

    Also how often the ranker overrules the rules, and whether it is then right
    (``fixed``: the rules were wrong; ``broken``: the rules were right).
    """
    picks = [it["y"][choose(weights, it["x"])] > 0 for it in items]
    rules = [bool(it["rules_right"]) for it in items]
    n = len(items)
    return {
        "n": n,
        "ranker": sum(picks) / n,
        "rules": sum(rules) / n,
        "oracle": sum(it["y"].max() > 0 for it in items) / n,
        "fixed": sum(p and not r for p, r in zip(picks, rules, strict=True)),
        "broken": sum(r and not p for p, r in zip(picks, rules, strict=True)),
    }


def folds(items: list[dict], k: int = FOLDS) -> list[set[str]]:
    """Articles split into ``k`` folds, seeded, balanced by quotes."""
    per_doc = Counter(it["doc_id"] for it in items)
    docs = sorted(per_doc)
    rng = np.random.default_rng(SEED)
    rng.shuffle(docs)
    docs.sort(key=lambda d: -per_doc[d])  # stable: big articles first, shuffled among equals
    out: list[set[str]] = [set() for _ in range(k)]
    load = [0] * k
    for d in docs:
        i = int(np.argmin(load))
        out[i].add(d)
        load[i] += per_doc[d]
    return out


def write_atomic(path: Path, payload: dict) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(payload, out, indent=1)
        out.write("\n")
    os.replace(tmp, path)


def _row(name: str, a: dict) -> str:
    return (
        f"{name:>5} | {a['n']:>6} | {100 * a['rules']:5.1f}% | {100 * a['ranker']:5.1f}% | "
        f"{100 * (a['ranker'] - a['rules']):+5.1f} | {a['fixed']:>5} | {a['broken']:>6} | "
        f"{100 * a['oracle']:5.1f}%"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="keep the extracted tables here (pickle)")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation")
    parser.add_argument("--listwise", action="store_true", help="a conditional logit")
    parser.add_argument(
        "--without-rules", action="store_true", help="drop the features of the rules' choice"
    )
    parser.add_argument("--write", type=Path, help="write the full-tuning model here (JSON)")
    args = parser.parse_args()
    gold = tuning_gold()
    items = dataset(gold, extract(gold, args.cache))
    if args.without_rules:  # a zero column is a dropped feature (its weight stays 0)
        for it in items:
            it["x"][:, [FEATURES.index(f) for f in RULES_FEATURES]] = 0.0
    print(f"{len(items)} matched tuning quotes in {len({i['doc_id'] for i in items})} articles")
    print(f"candidates per quote: {np.mean([len(i['cands']) for i in items]):.1f}")
    print("\n fold | quotes | rules  | ranker |  gain | fixed | broken | oracle")
    gains, pooled = [], []
    for k, held in enumerate(folds(items)):
        test = [i for i in items if i["doc_id"] in held]
        a = accuracy(
            train([i for i in items if i["doc_id"] not in held], args.c, args.listwise), test
        )
        gains.append(a["ranker"] - a["rules"])
        pooled.append(a)
        print(_row(str(k + 1), a))
    n = sum(a["n"] for a in pooled)
    total = {"n": n}
    for key in ("rules", "ranker", "oracle"):
        total[key] = sum(a[key] * a["n"] for a in pooled) / n
    for key in ("fixed", "broken"):
        total[key] = sum(a[key] for a in pooled)
    print(_row("all", total))
    print(f"mean gain over the rules, per fold: {100 * np.mean(gains):+.2f} points")
    early = [i for i in items if i["batch"] < 7]
    late = [i for i in items if i["batch"] == 7]
    if late:
        print("\nbatch 7 tuning, a model trained on batches 1-6 only:")
        print(_row("b7", accuracy(train(early, args.c, args.listwise), late)))
    full = train(items, args.c, args.listwise)
    print("\nweights (all tuning quotes):")
    for name, w in sorted(zip(FEATURES, full["coef"], strict=True), key=lambda p: -abs(p[1])):
        print(f"  {name:>16} {w:+.3f}")
    print(f"  {'intercept':>16} {full['intercept']:+.3f}")
    if args.write:
        write_atomic(args.write, {**full, "trained_on": "tuning half", "quotes": len(items)})
        print(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
