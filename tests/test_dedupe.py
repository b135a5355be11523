import numpy as np
import pandas as pd

from workbench.corpus.dedupe import (
    MinHasher,
    Tokens,
    find_duplicates,
    lsh_bands,
    shingles,
    text_reuse,
)

STORY = (
    "Russian and American diplomats met in Riyadh on Tuesday to discuss a partial ceasefire covering "
    "energy infrastructure, officials from both delegations said after more than nine hours of talks. "
    "The meeting followed a phone call between the two presidents last week and was described as "
    "businesslike by a Kremlin spokesman, who said technical teams would continue their work."
)
OTHER = (
    "Heavy rain flooded several streets in the coastal city overnight, and the local council opened "
    "two shelters for residents whose homes were damaged by the water, a spokeswoman for the council "
    "said on Wednesday morning while crews cleared drains and pumped water from basements."
)
WIRE = (
    "The United Nations atomic energy agency said its inspectors had regained access to the plant "
    "after a week without contact, and that the reactors were in a stable cold shutdown while "
    "engineers repaired the last remaining external power line damaged by shelling nearby."
)


LONG = " ".join([STORY, WIRE, OTHER])


def flags(out, col="duplicate_of"):
    return [None if pd.isna(v) else v for v in out[col]]


def corpus(texts, dates=None):
    df = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    if dates:
        df["date"] = pd.to_datetime(dates, utc=True)
    return df


def test_exact_duplicate_flags_the_earliest_copy():
    df = corpus([STORY, OTHER, STORY.upper()], dates=["2022-03-02", "2022-03-01", "2022-03-01"])
    out = find_duplicates(df)
    assert flags(out) == ["d2", None, None]
    assert flags(out, "duplicate_kind") == ["exact", None, None]
    assert out.loc[0, "similarity"] == 1.0


def test_near_duplicate_with_small_edit_is_found_and_unrelated_is_not():
    edited = LONG.replace("Tuesday", "Wednesday").replace("nine", "ten")
    out = find_duplicates(corpus([LONG, OTHER, edited]))
    assert flags(out) == [None, None, "d0"]
    assert out.loc[2, "duplicate_kind"] == "near"
    assert 0.5 < out.loc[2, "similarity"] < 1.0


def test_threshold_controls_what_counts_as_near():
    half = STORY[: len(STORY) // 2] + " " + OTHER[: len(OTHER) // 2]
    strict = find_duplicates(corpus([STORY, half]), threshold=0.9)
    assert strict["duplicate_of"].isna().all()


def test_empty_texts_are_not_duplicates_of_each_other():
    out = find_duplicates(corpus(["", "", STORY]))
    assert out["duplicate_of"].isna().all()


def test_flags_are_reproducible():
    df = corpus([STORY, STORY + " Extra words at the end.", OTHER])
    a, b = find_duplicates(df, seed=7), find_duplicates(df, seed=7)
    pd.testing.assert_frame_equal(a, b)


def test_lsh_bands_cross_below_threshold():
    bands, rows = lsh_bands(0.8, 128)
    assert bands * rows == 128
    assert (1 / bands) ** (1 / rows) <= 0.75


def test_minhash_estimates_jaccard():
    a = np.arange(0, 1000, dtype=np.uint64)
    b = np.arange(500, 1500, dtype=np.uint64)  # Jaccard 1/3
    h = MinHasher(256, seed=1)
    est = float(np.mean(h.signature(a) == h.signature(b)))
    assert abs(est - 1 / 3) < 0.08


def test_shingles_of_short_text_is_one_hash():
    ids = Tokens.of(["two words"]).ids[0]
    assert len(shingles(ids, 5)) == 1


def test_text_reuse_finds_the_shared_wire_passage_with_offsets():
    a = "Local intro sentence about the mayor. " + WIRE + " A local closing remark follows here."
    b = "A different opening line entirely. " + WIRE
    df = corpus([a, b, OTHER])
    reuse = text_reuse(df, min_words=20)
    assert len(reuse) == 1
    row = reuse.iloc[0]
    assert (row.doc_id, row.other_doc_id) == ("d0", "d1")
    assert row.passage == WIRE.rstrip(".")
    assert a[row.start : row.end] == row.passage
    assert b[row.other_start : row.other_end] == row.passage
    assert row.n_words == len(WIRE.split())


def test_text_reuse_ignores_short_overlaps_and_skipped_docs():
    a = "In other news the weather was fine. " + OTHER
    b = "In other news the weather was fine. " + STORY
    assert text_reuse(corpus([a, b]), min_words=20).empty
    both = corpus([WIRE, "Intro. " + WIRE])
    assert text_reuse(both, skip_docs={"d1"}).empty
