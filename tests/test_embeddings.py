from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from workbench import config
from workbench.topics.embeddings import DEFAULT_MODEL, TFIDF, Embedder, chunk_spans, resolve_model
from workbench.topics.vectors import VectorStore

TEXTS = [
    "Ceasefire talks resumed in Geneva on Monday.",
    "The central bank raised interest rates again.",
    "Negotiators met in Geneva to discuss a ceasefire.",
    "Inflation and interest rates worry the markets.",
]


def _forget_memory():
    """Drop the in-process copy of the cache, so the next look-up reads the disk."""
    VectorStore._memory.clear()
    VectorStore._read.clear()


@pytest.mark.parametrize(
    "name, expected",
    [
        (None, DEFAULT_MODEL),
        ("default", DEFAULT_MODEL),
        ("all-MiniLM-L6-v2", DEFAULT_MODEL),
        ("sentence-transformers/all-MiniLM-L6-v2", DEFAULT_MODEL),
        ("tfidf", TFIDF),
        ("TFIDF", TFIDF),
    ],
)
def test_resolve_model_names(name, expected):
    assert resolve_model(name)[0] == expected


def test_resolve_model_local_folder(tmp_path):
    name, target, note = resolve_model(tmp_path)
    assert target == str(tmp_path.resolve()) and note == ""


def test_unknown_model_says_what_to_give():
    with pytest.raises(ValueError, match="never downloads.*'tfidf'"):
        resolve_model("no-such-org/no-such-model")


def test_tfidf_vectors_are_unit_length_and_similar_texts_are_close():
    vectors = Embedder(TFIDF, use_cache=False).embed(TEXTS)
    assert vectors.shape[0] == 4 and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    sims = vectors @ vectors.T
    assert sims[0, 2] > sims[0, 1] and sims[1, 3] > sims[1, 2]


def test_cache_second_run_computes_nothing():
    first = Embedder(TFIDF)
    a = first.embed(TEXTS + [TEXTS[0]])
    assert (first.computed, first.reused) == (4, 0)  # the duplicate is encoded once
    _forget_memory()
    second = Embedder(TFIDF)
    b = second.fit(TEXTS + [TEXTS[0]]).embed(TEXTS + [TEXTS[0]])
    assert (second.computed, second.reused) == (0, 4)
    np.testing.assert_array_equal(a, b)


def test_cache_is_keyed_by_text_and_written_atomically():
    emb = Embedder(TFIDF).fit(TEXTS)
    emb.embed(TEXTS[:2])
    emb.embed(TEXTS)  # only the two new texts are computed
    assert emb.computed == 4 and emb.reused == 2
    folder = config.cache_dir("embeddings", emb.model_key)
    assert len(list(folder.glob("*.npz"))) == 2
    assert not list(folder.glob(".*.tmp"))


def test_corrupt_cache_shard_is_recomputed_not_trusted():
    emb = Embedder(TFIDF).fit(TEXTS[1:])
    emb.embed(TEXTS[1:])
    folder = config.cache_dir("embeddings", emb.model_key)
    for shard in folder.glob("*.npz"):
        shard.write_bytes(b"not an npz file")
    _forget_memory()
    again = Embedder(TFIDF).fit(TEXTS[1:])
    again.embed(TEXTS[1:])
    assert again.computed == 3


def test_use_cache_false_writes_nothing():
    emb = Embedder(TFIDF, use_cache=False).fit(TEXTS[:3])
    emb.embed(TEXTS[:3])
    assert not list(config.cache_dir("embeddings", emb.model_key).glob("*.npz"))


def test_import_workbench_stays_light():
    code = (
        "import sys, workbench, workbench.topics.embeddings, workbench.topics, workbench.topics.tables, "
        "workbench.topics.models, workbench.plots.topics; "
        "heavy = {'torch', 'bertopic', 'sentence_transformers', 'umap', 'hdbscan', 'transformers'}; "
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.fixture(scope="module")
def minilm():
    return Embedder()


@pytest.mark.slow
def test_long_text_is_chunked_at_word_starts_and_covered(minilm):
    text = " ".join(f"Delegates{i} discussed ceasefire arrangements in Geneva." for i in range(150))
    spans = chunk_spans(text, minilm.model.tokenizer, 254)
    assert len(spans) > 1
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(n <= 254 for _, _, n in spans)
    for (_, end, _), (start, _, _) in zip(spans, spans[1:], strict=False):
        assert text[end:start].isspace() and text[start - 1] == " "


@pytest.mark.slow
def test_long_text_is_mean_pooled_not_truncated(minilm):
    head = "The central bank raised interest rates to fight inflation. " * 30
    tail = "The football club won the championship final on penalties. " * 30
    pooled, head_only = minilm.embed([head + tail, head])
    assert np.linalg.norm(pooled) == pytest.approx(1, abs=1e-5)
    assert (
        pooled @ head_only < 0.95
    )  # the tail counts: a truncating model would return the head's vector


@pytest.mark.slow
def test_default_model_second_run_computes_no_embedding(minilm):
    first = minilm.embed(TEXTS)
    assert first.shape == (4, 384)
    _forget_memory()
    again = Embedder()
    second = again.embed(TEXTS)
    assert again.computed == 0 and again.reused == 4
    np.testing.assert_array_equal(first, second)
    assert (first[0] @ first[2]) > (first[0] @ first[1])


@pytest.mark.slow
def test_max_windows_embeds_the_lead_only_and_is_its_own_cache_entry(minilm):
    from workbench.topics.embeddings import Embedder

    head = "The central bank raised interest rates to fight inflation. " * 30
    tail = "The football club won the championship final on penalties. " * 30
    lead = Embedder(None, max_windows=1)
    assert lead.model_key != minilm.model_key
    lead_only, head_only = lead.embed([head + tail, head])
    assert lead_only @ head_only > 0.99  # only the first window counts
    with pytest.raises(ValueError, match="max_windows=0"):
        Embedder(None, max_windows=0)


@pytest.mark.parametrize(
    ("max_windows", "level", "n_units", "expected", "noted"),
    [
        ("auto", "document", 5_000, 1, True),
        ("auto", "document", 500, None, False),
        ("auto", "paragraph", 50_000, None, False),
        (None, "document", 50_000, None, False),
        (3, "paragraph", 10, 3, False),
    ],
)
def test_automatic_windows(max_windows, level, n_units, expected, noted):
    from workbench.topics.fit import resolve_windows

    notes = []
    assert resolve_windows(max_windows, level, n_units, notes) == expected
    assert bool(notes) is noted
