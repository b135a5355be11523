"""The per-document steps give the same tables on a local Dask cluster of two workers."""

import shutil

import numpy as np
import pandas as pd
import pytest

from workbench import config
from workbench.actors import ner
from workbench.actors.gazetteer import load_gazetteer
from workbench.core import distributed
from workbench.corpus.load import ingest


def test_map_batches_keeps_order_without_a_cluster():
    assert distributed.current_client() is None
    assert list(distributed.map_batches(divmod, [7, 9, 11], 4)) == [(1, 3), (2, 1), (2, 3)]


def test_use_needs_exactly_one_of_scheduler_and_workers():
    with pytest.raises(ValueError, match="either scheduler=ADDRESS or workers=N"):
        distributed.use()
    with pytest.raises(ValueError, match="either"):
        distributed.use(scheduler="tcp://127.0.0.1:1", workers=2)


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for f in config.sample_corpus().iterdir():
        shutil.copy(f, folder)
    return folder


@pytest.mark.slow
def test_cluster_gives_the_same_tables(corpus_folder):
    texts = ingest(corpus_folder, use_cache=False, warn=False).corpus["text"].tolist()
    gaz = load_gazetteer()
    with distributed.cluster(workers=2) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        assert list(distributed.map_batches(divmod, [7, 9, 11], 4)) == [(1, 3), (2, 1), (2, 3)]
        remote = ingest(corpus_folder, use_cache=False, warn=False)
        remote_spans = ner.entity_spans(texts, gaz, use_cache=False)
    assert distributed.current_client() is None
    local = ingest(corpus_folder, use_cache=False, warn=False)
    pd.testing.assert_frame_equal(remote.corpus, local.corpus)
    pd.testing.assert_frame_equal(remote.report.rules_frame(), local.report.rules_frame())
    local_spans = ner.entity_spans(texts, gaz, use_cache=False, n_process=1)
    key = ["text_hash", "start", "end"]
    assert len(local_spans) > 300
    pd.testing.assert_frame_equal(
        remote_spans.sort_values(key).reset_index(drop=True),
        local_spans.sort_values(key).reset_index(drop=True),
    )


@pytest.mark.slow
def test_cli_workers_option(capsys, tmp_path):
    from workbench.cli import main

    assert main(["ingest", "--workers", "2", "--no-cache", "--show", "0"]) == 0
    captured = capsys.readouterr()
    assert (
        "running per-document steps on tcp://127.0.0.1:" in captured.err
        and "(2 workers)" in captured.err
    )
    assert "documents   5" in captured.out
    assert distributed.current_client() is None


@pytest.mark.slow
@pytest.mark.parametrize("embedding, dims", [("static", 256), ("minilm", 384)])
def test_embeddings_on_a_cluster_match(monkeypatch, embedding, dims):
    from workbench.topics import embeddings

    monkeypatch.setattr(embeddings, "PARTITION_TEXTS", 2)
    texts = [
        "Talks resumed in Geneva on Monday.",
        "Rubio met Lavrov in Kuala Lumpur.",
        "A missile strike hit Kharkiv overnight.",
        "The ceasefire held for a week.",
        "Markets rose as the deal was signed.",
    ]
    with distributed.cluster(workers=2):
        remote = embeddings.Embedder(embedding, use_cache=False).embed(texts)
    local = embeddings.Embedder(embedding, use_cache=False).embed(texts)
    assert remote.shape == (5, dims)
    np.testing.assert_allclose(remote, local, atol=1e-5)
