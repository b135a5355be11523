from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from workbench import config
from workbench.core.errors import InputError
from workbench.topics import static
from workbench.topics.embeddings import (
    DEFAULT_MODEL,
    MINILM,
    STATIC,
    TFIDF,
    Embedder,
    chunk_spans,
    resolve_model,
)
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
    "name, expected, kind",
    [
        (None, STATIC, "static"),
        ("default", STATIC, "static"),
        ("static", STATIC, "static"),
        (" Static ", STATIC, "static"),
        ("minilm", MINILM, "sentence-transformers"),
        ("all-MiniLM-L6-v2", MINILM, "sentence-transformers"),
        ("sentence-transformers/all-MiniLM-L6-v2", MINILM, "sentence-transformers"),
        ("tfidf", TFIDF, "tfidf"),
        ("TFIDF", TFIDF, "tfidf"),
    ],
)
def test_resolve_model_names(name, expected, kind):
    resolved = resolve_model(name)
    assert (resolved.name, resolved.kind, resolved.note) == (expected, kind, "")


def test_default_is_the_static_model_in_the_models_folder():
    assert DEFAULT_MODEL == STATIC
    assert resolve_model(None).target == str(config.models_dir(static.FOLDER))


def _fake_model2vec(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text('{"model_type": "model2vec", "hidden_dim": 4}')
    (folder / "model.safetensors").write_bytes(b"weights")
    (folder / "tokenizer.json").write_text("{}")
    return folder


@pytest.mark.parametrize(
    "files, kind",
    [
        ({"modules.json": "[]"}, "sentence-transformers"),
        ({"config.json": '{"model_type": "bert"}'}, "sentence-transformers"),
        (None, "static"),
    ],
)
def test_local_folders_are_told_apart_by_their_files(tmp_path, files, kind):
    folder = tmp_path / "model"
    if files is None:
        _fake_model2vec(folder)
    else:
        folder.mkdir()
        for name, text in files.items():
            (folder / name).write_text(text)
    resolved = resolve_model(folder)
    assert (resolved.target, resolved.kind, resolved.note) == (str(folder.resolve()), kind, "")


def test_a_folder_without_a_model_says_what_to_give(tmp_path):
    with pytest.raises(InputError, match="neither a model2vec model.*'static'.*'minilm'.*'tfidf'"):
        resolve_model(tmp_path)


@pytest.mark.parametrize("name", ["no-such-org/no-such-model", "minilm-l12", "statics"])
def test_unknown_model_lists_the_choices(name):
    with pytest.raises(
        InputError, match=r"never downloads.*'static' \(the default.*'minilm'.*'tfidf'.*folder"
    ):
        resolve_model(name)


def test_unknown_model_in_fit_topics_lists_the_choices():
    from workbench.topics import fit_topics

    corpus = {"doc_id": ["a"], "text": ["Talks resumed in Geneva on Monday morning."]}
    with pytest.raises(InputError, match="embedding='bert'.*'static'.*'minilm'.*'tfidf'"):
        fit_topics(pd.DataFrame(corpus), unit="document", embedding="bert")


@pytest.mark.parametrize(
    "name, max_windows, unit, expected",
    [
        (
            "static",
            None,
            "document",
            "static (model2vec, distilled from all-MiniLM-L6-v2), every word of each document",
        ),
        ("static", 1, "paragraph", "every word of each paragraph"),
        (
            "minilm",
            None,
            "document",
            "all-MiniLM-L6-v2, every 254-token window of each document, mean-pooled",
        ),
        (
            "minilm",
            1,
            "document",
            "all-MiniLM-L6-v2, the first 254-token window of each document only",
        ),
        ("minilm", 3, "sentence", "the first 3 254-token windows of each sentence, mean-pooled"),
        ("tfidf", 2, "document", "TF-IDF + SVD of every word of each document"),
    ],
)
def test_describe_says_what_is_embedded(name, max_windows, unit, expected):
    embedder = Embedder(name, max_windows=max_windows, use_cache=False)
    assert embedder.describe(unit).startswith("embeddings: ")
    assert expected in embedder.describe(unit)
    assert embedder.max_windows == (max_windows if name == "minilm" else None)


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
        "heavy = {'torch', 'bertopic', 'sentence_transformers', 'umap', 'hdbscan', 'transformers', "
        "'model2vec'}; "
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ----------------------------------------------------------------------------- static model


def test_static_model_is_built_atomically_once_and_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_MODELS_DIR", str(tmp_path))
    calls = []

    def fake_distill(folder):
        calls.append(folder)
        assert folder.parent == tmp_path and folder.name.startswith(".")  # beside the model's
        assert not static.model_path().exists()  # nothing at the model's path while building
        _fake_model2vec(folder)

    monkeypatch.setattr(static, "distill_into", fake_distill)
    path = static.ensure_model(quiet=True)
    assert path == tmp_path / static.FOLDER and static.is_model_folder(path)
    assert static.ensure_model(quiet=True) == path
    assert len(calls) == 1  # the second call reused the folder
    assert [p.name for p in tmp_path.iterdir()] == [static.FOLDER]  # no temporary folder left


def test_interrupted_static_build_leaves_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_MODELS_DIR", str(tmp_path))

    def broken(folder):
        (folder / "config.json").write_text('{"model_type": "model2vec"}')
        raise RuntimeError("distilling the static model failed: killed")

    monkeypatch.setattr(static, "distill_into", broken)
    with pytest.raises(RuntimeError, match="killed"):
        static.ensure_model(quiet=True)
    assert list(tmp_path.iterdir()) == []


def test_static_build_keeps_a_model_another_process_finished_first(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_MODELS_DIR", str(tmp_path))

    def racing(folder):
        _fake_model2vec(folder)
        other = _fake_model2vec(static.model_path())
        (other / "config.json").write_text('{"model_type": "model2vec", "hidden_dim": 8}')

    monkeypatch.setattr(static, "distill_into", racing)
    path = static.ensure_model(quiet=True)
    assert '"hidden_dim": 8' in (path / "config.json").read_text()
    assert [p.name for p in tmp_path.iterdir()] == [static.FOLDER]


def test_a_broken_static_model_folder_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_MODELS_DIR", str(tmp_path))
    (tmp_path / static.FOLDER).mkdir()
    with pytest.raises(InputError, match="holds no model2vec model; delete the folder"):
        static.ensure_model(quiet=True)


def test_models_dir_follows_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_MODELS_DIR", str(tmp_path / "m"))
    assert config.models_dir("x") == tmp_path / "m" / "x"
    monkeypatch.delenv("WORKBENCH_MODELS_DIR")
    assert config.models_dir() == config.project_root() / "data" / "models"
    assert config.models_dir() != config.cache_dir()  # make clean-cache leaves it


@pytest.fixture(scope="module")
def static_embedder():
    static.ensure_model()  # distils the model first (once) if it is missing
    return Embedder("static", use_cache=False)


@pytest.mark.slow
def test_static_embeds_offline_with_every_word_counted(static_embedder):
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = refuse; socket.create_connection = refuse\n"
        "from workbench.topics.embeddings import Embedder\n"
        "v = Embedder('static', use_cache=False).embed(['Talks resumed in Geneva.'])\n"
        "print(v.shape, v.dtype)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "(1, 256) float32"
    head = "The central bank raised interest rates to fight inflation. " * 200
    tail = "The football club won the championship final on penalties. " * 200
    whole, head_only = static_embedder.embed([head + tail, head])
    assert whole @ head_only < 0.95  # the tail, past any 512-token limit, counts


@pytest.mark.slow
def test_static_vectors_have_the_right_shape_and_are_deterministic(static_embedder):
    first = static_embedder.embed(TEXTS)
    second = Embedder("static", use_cache=False).embed(TEXTS)
    assert first.shape == (4, static.PCA_DIMS) and first.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1, atol=1e-5)
    np.testing.assert_array_equal(first, second)
    sims = first @ first.T
    assert sims[0, 2] > sims[0, 1] and sims[1, 3] > sims[1, 2]


@pytest.mark.slow
def test_static_model_is_loaded_not_distilled_again(static_embedder, monkeypatch):
    static_embedder.embed(TEXTS[:1])  # built (once) by now

    def refuse(folder):
        raise AssertionError("distilled again")

    monkeypatch.setattr(static, "distill_into", refuse)
    static.load.cache_clear()
    vectors = Embedder("static", use_cache=False).embed(TEXTS)
    assert vectors.shape == (4, static.PCA_DIMS)


@pytest.fixture(scope="module")
def minilm():
    return Embedder("minilm")


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
def test_vector_cache_keys_static_and_minilm_apart(static_embedder, minilm):
    cached_static = Embedder("static")
    assert cached_static.model_key != minilm.model_key
    a, b = cached_static.embed(TEXTS), minilm.embed(TEXTS)
    assert (a.shape[1], b.shape[1]) == (256, 384)
    _forget_memory()
    again = Embedder("static")
    np.testing.assert_array_equal(again.embed(TEXTS), a)
    assert again.reused == 4 and again.computed == 0
    shards = {Path(p).parent.name for p in config.cache_dir("embeddings").glob("*/*.npz")}
    assert {cached_static.model_key, minilm.model_key} <= shards


@pytest.mark.slow
def test_minilm_second_run_computes_no_embedding(minilm):
    first = minilm.embed(TEXTS)
    assert first.shape == (4, 384)
    _forget_memory()
    again = Embedder("minilm")
    second = again.embed(TEXTS)
    assert again.computed == 0 and again.reused == 4
    np.testing.assert_array_equal(first, second)
    assert (first[0] @ first[2]) > (first[0] @ first[1])


@pytest.mark.slow
def test_max_windows_embeds_the_lead_only_and_is_its_own_cache_entry(minilm):
    from workbench.topics.embeddings import Embedder

    head = "The central bank raised interest rates to fight inflation. " * 30
    tail = "The football club won the championship final on penalties. " * 30
    lead = Embedder("minilm", max_windows=1)
    assert lead.model_key != minilm.model_key
    lead_only, head_only = lead.embed([head + tail, head])
    assert lead_only @ head_only > 0.99  # only the first window counts
    with pytest.raises(ValueError, match="max_windows=0"):
        Embedder("minilm", max_windows=0)


@pytest.mark.parametrize(
    ("max_windows", "level", "n_units", "windowed", "expected", "noted"),
    [
        ("auto", "document", 5_000, True, 1, True),
        ("auto", "document", 500, True, None, False),
        ("auto", "paragraph", 50_000, True, None, False),
        (None, "document", 50_000, True, None, False),
        (3, "paragraph", 10, True, 3, False),
        ("auto", "document", 50_000, False, None, False),  # static: every word at any size
        (3, "document", 50_000, False, None, False),
    ],
)
def test_automatic_windows(max_windows, level, n_units, windowed, expected, noted):
    from workbench.topics.fit import resolve_windows

    notes = []
    assert resolve_windows(max_windows, level, n_units, notes, windowed=windowed) == expected
    assert bool(notes) is noted
