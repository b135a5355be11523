"""The hand-annotated gold set (data/gold) is well formed, and drafts become offsets faithfully."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import gold  # noqa: E402


def test_the_gold_set_covers_the_period_outlets_and_halves_it_promises():
    manifest = gold.read_jsonl(gold.MANIFEST)
    rows = gold.read_jsonl(gold.GOLD_FILE)
    assert len(rows) == len(manifest) >= 60
    assert {r["doc_id"] for r in rows} == {m["doc_id"] for m in manifest}
    assert len({r["source"] for r in rows}) >= 8
    months = {r["date"][:7] for r in rows}
    assert len(months) >= 10  # the whole of 2022, not one stretch
    for batch in {r["batch"] for r in rows}:  # each batch is split in two even halves
        halves = Counter(r["split"] for r in rows if r["batch"] == batch)
        assert set(halves) == {"tuning", "held_back"}
        assert abs(halves["tuning"] - halves["held_back"]) <= 1


def test_every_gold_annotation_is_well_formed():
    for row in gold.read_jsonl(gold.GOLD_FILE):
        spans = sorted((m["start"], m["end"]) for m in row["mentions"])
        assert all(a < b for a, b in spans), row["doc_id"]
        assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:], strict=False)), row[
            "doc_id"
        ]
        assert {m["type"] for m in row["mentions"]} <= set(gold.TYPES)
        assert all(m["actor"] for m in row["mentions"])
        assert {e["type"] for e in row["events"]} <= set(gold.EVENT_TYPES)
        assert all(q["kind"] in ("direct", "reported") for q in row["quotes"])
        assert all(c["cited"] for c in row["citations"])


def test_a_draft_becomes_offsets_longest_strings_first_with_skips():
    text = "Ivo Marek met Marek's aides. The gates were shut. Gates spoke; Marek left."
    mentions = gold.resolve_mentions(
        "d",
        text,
        [
            {"text": "Ivo Marek", "actor": "Ivo Marek", "type": "PERSON"},
            {"text": "Marek", "actor": "Ivo Marek", "type": "PERSON"},
            {"text": "Gates", "actor": "Ada Gates", "type": "PERSON"},
        ],
    )
    got = [(text[m["start"] : m["end"]], m["start"]) for m in mentions]
    assert got == [
        ("Ivo Marek", 0),
        ("Marek", text.index("Marek's")),
        ("Gates", text.index("Gates spoke")),
        ("Marek", text.rindex("Marek")),
    ]
    with pytest.raises(gold.DraftError, match="'Olek' is not in the text|not in the text"):
        gold.resolve_mentions("d", text, [{"text": "Olek", "actor": "Olek", "type": "PERSON"}])
    with pytest.raises(gold.DraftError, match="type 'PER'"):
        gold.resolve_mentions("d", text, [{"text": "Marek", "actor": "Marek", "type": "PER"}])


def test_a_draft_that_skips_an_occurrence_leaves_it_out():
    text = "Ivo Marek spoke. Later Marek and Marek's son left."
    mentions = gold.resolve_mentions(
        "d", text, [{"text": "Marek", "actor": "Ivo Marek", "type": "PERSON", "skip": [3]}]
    )
    assert [m["start"] for m in mentions] == [text.index("Marek"), text.index("Marek and")]


def test_an_unnamed_speakers_body_reaches_the_gold_quote():
    text = 'A spokesperson said "we will not talk about it" on Monday.'
    meta = {"doc_id": "d", "source": "s", "date": "2022-01-03", "split": "tuning"}
    draft = {
        "quotes": [
            {"quote": "we will not talk", "speaker": "", "cue": "said", "affiliation": "Ivo Bank"},
            {"quote": "on Monday", "speaker": "", "cue": "said", "kind": "reported"},
        ]
    }
    quotes = gold.build_article({**meta, "text_sha1": ""}, text, draft)["quotes"]
    assert quotes[0]["affiliation"] == "Ivo Bank" and quotes[0]["speaker"] == ""
    assert "affiliation" not in quotes[1]


def test_the_drafts_in_the_project_are_the_gold_sets_source():
    drafts = {p.stem for p in (gold.GOLD / "drafts").glob("*.json")}
    rows = gold.read_jsonl(gold.GOLD_FILE)
    assert drafts == {r["doc_id"] for r in rows}
    one = json.loads((gold.GOLD / "drafts" / f"{rows[0]['doc_id']}.json").read_text("utf-8"))
    assert len(one["mentions"]) <= len(rows[0]["mentions"])  # a string, every occurrence


@pytest.mark.slow
@pytest.mark.skipif(not gold.CORPUS.exists(), reason="the shared corpus is not beside the project")
def test_each_batch_is_chosen_again_by_its_seed_and_leaves_the_earlier_ones_alone():
    manifest = gold.read_jsonl(gold.MANIFEST)
    earlier: set[str] = set()
    for batch in sorted(gold.BATCHES):
        rows = [m for m in manifest if m.get("batch", 1) == batch]
        assert gold.select(batch, earlier) == rows
        per_outlet = gold.BATCHES[batch][0]
        assert len(rows) == per_outlet * len({m["source"] for m in rows})
        assert not earlier & {m["doc_id"] for m in rows}
        splits = Counter(m["split"] for m in rows)
        assert abs(splits["tuning"] - splits["held_back"]) <= 1
        earlier |= {m["doc_id"] for m in rows}


def test_reconciled_names_reach_every_field_and_leave_the_draft_alone():
    draft = {
        "mentions": [{"text": "Tal", "actor": "Ivo Tall", "type": "PERSON"}],
        "quotes": [{"quote": "x", "speaker": "Ivo Tall", "affiliation": "Harbor Aid"}],
        "citations": [{"text": "Post", "cited": "Daily Post"}],
        "events": [{"sentence": "x", "place": "Kyjiv", "participants": ["Ivo Tall", "Mira"]}],
    }
    names = {"Ivo Tall": "Ivo Tal", "Harbor Aid": "Harbour Aid", "Kyjiv": "Kyiv"}
    out = gold.reconcile(draft, names)
    assert out["mentions"][0]["actor"] == out["quotes"][0]["speaker"] == "Ivo Tal"
    assert out["quotes"][0]["affiliation"] == "Harbour Aid"
    assert out["citations"][0]["cited"] == "Daily Post"
    assert out["events"][0] == {
        "sentence": "x",
        "place": "Kyiv",
        "participants": ["Ivo Tal", "Mira"],
    }
    assert draft["mentions"][0]["actor"] == "Ivo Tall"


def test_the_reconciled_names_are_canonical_themselves():
    names = gold.canonical_names()
    assert names and not set(names) & set(names.values())  # no chains, no loops
