"""The hand-annotated gold set: choose its articles, hand out their texts, build it from drafts.

The gold set (``data/gold/gold.jsonl``, guide in ``data/gold/README.md``) holds, for a
seeded selection of articles of ``../shared/corpora/ukraine_war_media_2022/``, every
actor mention, quote, citation and reported event, with offsets into the workbench's
normalised text. The article texts themselves stay in the shared corpus: a line holds
the doc_id, a hash of the normalised text and the annotations.

Annotators write one *draft* per article (JSON, by hand, from the text alone; see the
guide): mentions as the exact strings they saw, quotes, citations and events by a few
words of their text. ``build`` turns the drafts into offsets and fails loudly on any
string it cannot find, so no annotation is silently lost.

Usage::

    python benchmarks/gold.py select [--batch K]  # choose a batch (seeded), add it to the manifest
    python benchmarks/gold.py texts DIR [--batch K]  # write each chosen text to DIR/<doc_id>.txt
    python benchmarks/gold.py build DRAFTS      # drafts (DRAFTS/<doc_id>.json) -> gold.jsonl
    python benchmarks/gold.py show DRAFT.json   # a draft's spans in context, to check by eye
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "ukraine_war_media_2022" / "articles.csv.gz"
GOLD = ROOT / "data" / "gold"
MANIFEST = GOLD / "articles.jsonl"
GOLD_FILE = GOLD / "gold.jsonl"
#: Spellings of one actor that different annotators chose, reconciled to one name.
CANONICAL_FILE = GOLD / "canonical.json"

#: Types a mention can have in the gold set (FAC is annotated as LOC; NORP is not annotated).
TYPES = ("PERSON", "ORG", "GPE", "LOC", "MEDIA")
#: Event types, as in ``workbench.timeline.events.TRIGGERS``.
EVENT_TYPES = (
    "summit",
    "meeting",
    "call",
    "visit",
    "talks",
    "ceasefire",
    "agreement",
    "attack",
    "strike",
)
#: Articles per outlet, and the seed that chooses them and splits them into halves.
PER_OUTLET = 5
SEED = 20221
#: Each batch of the gold set: (articles per outlet, seed). Batch 1 is the first 65
#: articles; a later batch draws from the articles no earlier batch chose, by its own
#: seed, and is split into halves the same way, so adding one never moves an article
#: between halves.
BATCHES = {
    1: (PER_OUTLET, SEED),
    2: (2, 20222),
    3: (3, 20223),
    4: (3, 20224),
    5: (3, 20225),
    6: (2, 20226),
    7: (2, 20227),
    8: (2, 20228),
    9: (2, 20229),
    10: (3, 20230),
}
#: Length bounds in words: long enough to hold actors and quotes, short enough to annotate.
MIN_WORDS, MAX_WORDS = 120, 700


def load_texts(doc_ids: list[str] | None = None):
    """The normalised corpus (the workbench's own ingest), optionally only ``doc_ids``."""
    import workbench

    corpus = workbench.ingest(str(CORPUS), warn=False, progress=False).corpus
    if doc_ids is not None:
        corpus = corpus[corpus["doc_id"].isin(doc_ids)]
    return corpus


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def select(batch: int = 1, exclude: set[str] | frozenset[str] = frozenset()) -> list[dict]:
    """A batch's articles: n per outlet, one from each of n stretches of its dates, seeded.

    Args:
        batch: A key of :data:`BATCHES` (articles per outlet and seed).
        exclude: doc_ids an earlier batch chose.
    """
    import pandas as pd

    per_outlet, seed = BATCHES[batch]

    corpus = load_texts()
    raw = pd.read_csv(CORPUS, keep_default_na=False, usecols=["doc_id", "offtopic_flag"])
    offtopic = set(raw.loc[raw["offtopic_flag"].astype(str) == "True", "doc_id"])
    words = corpus["text"].str.split().str.len()
    ok = (
        (corpus["date"].dt.year == 2022)
        & ~corpus["doc_id"].isin(offtopic)
        & words.between(MIN_WORDS, MAX_WORDS)
    )
    if "is_duplicate" in corpus:
        ok &= ~corpus["is_duplicate"].astype(bool)
    ok &= ~corpus["doc_id"].isin(exclude)
    pool = corpus[ok].sort_values(["source", "date", "doc_id"])
    rng = random.Random(seed)
    chosen = []
    for source, part in pool.groupby("source", sort=True):
        rows = part.reset_index(drop=True)
        if len(rows) < per_outlet:
            continue
        bounds = [round(i * len(rows) / per_outlet) for i in range(per_outlet + 1)]
        for lo, hi in zip(bounds, bounds[1:], strict=False):
            row = rows.iloc[rng.randrange(lo, hi)]
            chosen.append(
                {
                    "doc_id": row["doc_id"],
                    "source": source,
                    "date": row["date"].strftime("%Y-%m-%d"),
                    "title": row["title"],
                    "n_words": len(row["text"].split()),
                    "text_sha1": text_hash(row["text"]),
                    **({"batch": batch} if batch > 1 else {}),
                }
            )
    order = list(range(len(chosen)))
    rng.shuffle(order)
    for rank, i in enumerate(order):
        chosen[i]["split"] = "tuning" if rank % 2 == 0 else "held_back"
    return chosen


def write_jsonl(path: Path, rows: list[dict]) -> None:
    """Atomic: a temporary file beside ``path``, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


# ----------------------------------------------------------------------------- drafts


class DraftError(ValueError):
    """A draft names a string the text does not hold, or a field it should not."""


_WORD_CHAR = re.compile(r"\w")


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of ``needle`` in ``text`` at word boundaries, case kept."""
    out, at = [], text.find(needle)
    while at >= 0:
        before = text[at - 1] if at else " "
        end = at + len(needle)
        after = text[end] if end < len(text) else " "
        starts_word = not (_WORD_CHAR.match(needle[0]) and _WORD_CHAR.match(before))
        ends_word = not (_WORD_CHAR.match(needle[-1]) and _WORD_CHAR.match(after))
        if starts_word and ends_word:
            out.append(at)
        at = text.find(needle, at + 1)
    return out


def _pick(where: str, text: str, needle: str, n: int | None) -> int:
    found = occurrences(text, needle)
    if not found:
        raise DraftError(f"{where}: {needle!r} is not in the text")
    if n is None:
        return found[0]
    if not 1 <= n <= len(found):
        raise DraftError(f"{where}: {needle!r} occurs {len(found)} times, not {n}")
    return found[n - 1]


def resolve_mentions(doc_id: str, text: str, drafts: list[dict]) -> list[dict]:
    """Every occurrence of each drafted string (longest strings first; none inside another)."""
    taken = [False] * len(text)
    out = []
    order = sorted(range(len(drafts)), key=lambda i: -len(drafts[i]["text"]))
    for i in order:
        d = drafts[i]
        where = f"{doc_id} mention {d.get('text')!r}"
        if d.get("type") not in TYPES:
            raise DraftError(f"{where}: type {d.get('type')!r} is not one of {TYPES}")
        if not d.get("actor"):
            raise DraftError(f"{where}: no actor name")
        found = occurrences(text, d["text"])
        if not found:
            raise DraftError(f"{where}: not in the text")
        skip = set(d.get("skip", []))
        only = set(d.get("only", [])) or None
        kept = 0
        for n, start in enumerate(found, 1):
            end = start + len(d["text"])
            if n in skip or (only is not None and n not in only) or any(taken[start:end]):
                continue
            taken[start:end] = [True] * (end - start)
            out.append(
                {
                    "start": start,
                    "end": end,
                    "surface": d["text"],
                    "actor": d["actor"],
                    "type": d["type"],
                }
            )
            kept += 1
        if kept == 0:
            raise DraftError(f"{where}: every occurrence is skipped or inside a longer mention")
    return sorted(out, key=lambda m: m["start"])


def canonical_names(path: Path = CANONICAL_FILE) -> dict[str, str]:
    """Variant -> the one canonical name the whole gold set uses for that actor."""
    if not path.exists():
        return {}
    return {k: v for k, v in json.loads(path.read_text("utf-8")).items() if not k.startswith("_")}


def reconcile(draft: dict, names: dict[str, str]) -> dict:
    """A copy of ``draft`` with every actor name put under its gold-wide canonical name."""

    def one(name):
        return names.get(name, name) if isinstance(name, str) else name

    out = json.loads(json.dumps(draft))
    for m in out.get("mentions", []):
        m["actor"] = one(m.get("actor"))
    for q in out.get("quotes", []):
        q["speaker"] = one(q.get("speaker", ""))
        if q.get("affiliation"):
            q["affiliation"] = one(q["affiliation"])
    for c in out.get("citations", []):
        c["cited"] = one(c.get("cited"))
    for e in out.get("events", []):
        e["place"] = one(e.get("place", ""))
        e["participants"] = [one(p) for p in e.get("participants", [])]
    return out


def build_article(meta: dict, text: str, draft: dict) -> dict:
    doc_id = meta["doc_id"]
    draft = reconcile(draft, canonical_names())
    mentions = resolve_mentions(doc_id, text, draft.get("mentions", []))
    quotes = []
    for q in draft.get("quotes", []):
        where = f"{doc_id} quote {q.get('quote', '')[:40]!r}"
        start = _pick(where, text, q["quote"], q.get("n"))
        cue_at = _pick(where + " cue", text, q["cue"], q.get("cue_n")) if q.get("cue") else -1
        quotes.append(
            {
                "start": start,
                "end": start + len(q["quote"]),
                "speaker": q.get("speaker", ""),
                "speaker_type": q.get("speaker_type", "PERSON"),
                **({"affiliation": q["affiliation"]} if q.get("affiliation") else {}),
                "cue": q.get("cue", ""),
                "cue_start": cue_at,
                "kind": q.get("kind", "direct"),
            }
        )
    citations = []
    for c in draft.get("citations", []):
        where = f"{doc_id} citation {c.get('text')!r}"
        start = _pick(where, text, c["text"], c.get("n"))
        citations.append({"start": start, "end": start + len(c["text"]), "cited": c["cited"]})
    events = []
    for e in draft.get("events", []):
        where = f"{doc_id} event {e.get('sentence', '')[:40]!r}"
        if e.get("type") not in EVENT_TYPES:
            raise DraftError(f"{where}: type {e.get('type')!r} is not one of {EVENT_TYPES}")
        start = _pick(where, text, e["sentence"], e.get("n"))
        date = e.get("date", "")
        if date and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date):
            raise DraftError(f"{where}: date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        events.append(
            {
                "start": start,
                "event": e.get("id", f"e{len(events) + 1}"),
                "type": e["type"],
                "place": e.get("place", ""),
                "date": date,
                "date_text": e.get("date_text", ""),
                "participants": list(e.get("participants", [])),
            }
        )
    return {
        **{k: meta[k] for k in ("doc_id", "source", "date", "split", "text_sha1")},
        "batch": meta.get("batch", 1),
        "annotator_note": draft.get("note", ""),
        "mentions": mentions,
        "quotes": quotes,
        "citations": citations,
        "events": events,
    }


def build(drafts_dir: Path) -> int:
    manifest = read_jsonl(MANIFEST)
    texts = load_texts([m["doc_id"] for m in manifest]).set_index("doc_id")["text"]
    rows, problems = [], []
    for meta in manifest:
        path = drafts_dir / f"{meta['doc_id']}.json"
        if not path.exists():
            problems.append(f"{path}: no draft yet")
            continue
        text = texts[meta["doc_id"]]
        if text_hash(text) != meta["text_sha1"]:
            problems.append(f"{meta['doc_id']}: the normalised text changed since selection")
            continue
        try:
            rows.append(build_article(meta, text, json.loads(path.read_text("utf-8"))))
        except (DraftError, KeyError, json.JSONDecodeError) as err:
            problems.append(f"{path}: {err}")
    for line in problems:
        print(line, file=sys.stderr)
    write_jsonl(GOLD_FILE, rows)
    counts = {
        k: sum(len(r[k]) for r in rows) for k in ("mentions", "quotes", "citations", "events")
    }
    print(f"{len(rows)} articles -> {GOLD_FILE.relative_to(ROOT)}: {counts}")
    return 1 if problems else 0


def show(path: Path, texts_dir: Path | None = None) -> int:
    draft = json.loads(path.read_text("utf-8"))
    manifest = {m["doc_id"]: m for m in read_jsonl(MANIFEST)}
    meta = manifest[draft["doc_id"]]
    if texts_dir is not None:  # a text written by ``texts``: its header, "---", the text
        text = (texts_dir / f"{meta['doc_id']}.txt").read_text("utf-8").split("\n---\n", 1)[1]
    else:
        text = load_texts([meta["doc_id"]])["text"].iloc[0]
    if text_hash(text) != meta["text_sha1"]:
        raise SystemExit(f"{meta['doc_id']}: the text differs from the one selected")
    article = build_article(meta, text, draft)
    for m in article["mentions"]:
        left = text[max(0, m["start"] - 30) : m["start"]].replace("\n", " ")
        right = text[m["end"] : m["end"] + 30].replace("\n", " ")
        print(
            f"{m['start']:>6} {m['type']:<6} {m['actor']:<28} ...{left}[{m['surface']}]{right}..."
        )
    for q in article["quotes"]:
        said = text[q["start"] : q["start"] + 50].replace("\n", " ")
        print(f"quote   {q['kind']:<8} {q['speaker'] or '(unnamed)':<28} {q['cue']!r}: {said}...")
    for c in article["citations"]:
        print(f"cites   {c['cited']:<28} ...{text[max(0, c['start'] - 30) : c['end']]}")
    for e in article["events"]:
        said = text[e["start"] : e["start"] + 60].replace("\n", " ")
        where = f"{e['place'] or '-':<14} {e['date'] or '-':<10}"
        print(f"event   {e['type']:<10} {where} {e['participants']}: {said}...")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sel = sub.add_parser("select")
    sel.add_argument("--batch", type=int, default=1, choices=sorted(BATCHES))
    texts = sub.add_parser("texts")
    texts.add_argument("dir", type=Path)
    texts.add_argument("--batch", type=int, help="only this batch's articles")
    b = sub.add_parser("build")
    b.add_argument("drafts", type=Path)
    s = sub.add_parser("show")
    s.add_argument("draft", type=Path)
    s.add_argument("--texts", type=Path, help="read the text from a folder written by texts")
    args = parser.parse_args()
    if args.command == "select":
        known = read_jsonl(MANIFEST) if MANIFEST.exists() else []
        earlier = [m for m in known if m.get("batch", 1) < args.batch]
        chosen = select(args.batch, {m["doc_id"] for m in earlier})
        write_jsonl(MANIFEST, earlier + chosen)
        sources = {c["source"] for c in chosen}
        print(f"{len(chosen)} articles from {len(sources)} outlets -> {MANIFEST.relative_to(ROOT)}")
        return 0
    if args.command == "texts":
        manifest = read_jsonl(MANIFEST)
        if args.batch is not None:
            manifest = [m for m in manifest if m.get("batch", 1) == args.batch]
        corpus = load_texts([m["doc_id"] for m in manifest]).set_index("doc_id")
        args.dir.mkdir(parents=True, exist_ok=True)
        for m in manifest:
            row = corpus.loc[m["doc_id"]]
            head = f"doc_id: {m['doc_id']}\nsource: {m['source']}\ndate: {m['date']}\n"
            head += f"title: {row['title']}\n---\n"
            (args.dir / f"{m['doc_id']}.txt").write_text(head + row["text"], "utf-8")
        print(f"{len(manifest)} texts -> {args.dir}")
        return 0
    if args.command == "build":
        return build(args.drafts)
    return show(args.draft, args.texts)


if __name__ == "__main__":
    sys.exit(main())
