"""Damaged cache files: rebuilt with a warning that names them; bugs in the readers propagate.

Covers :func:`workbench.core.cache.read_entry` and every cache read that goes through it
(cached tables, the ingested corpus, actor tables, entity spans, embedding vectors).
"""

import json
import sys

import numpy as np
import pandas as pd
import pytest

from workbench import config
from workbench.core import cache
from workbench.core.cache import CacheWarning


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    """A cache folder of this test's own, so the entries it damages are the only ones."""
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path / "cache"))


def _parquet_bytes() -> bytes:
    import io

    buf = io.BytesIO()
    pd.DataFrame({"a": range(200), "b": ["word"] * 200}).to_parquet(buf)
    return buf.getvalue()


def _npz_bytes(**arrays) -> bytes:
    import io

    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


def _read_json_count(path):
    return json.loads(path.read_text())["n_records_read"]


def _read_vectors(path):
    with np.load(path, allow_pickle=False) as data:
        return data["vectors"]


GOOD_NPZ = _npz_bytes(hashes=np.array(["a" * 16], dtype="U16"), vectors=np.zeros((1, 4)))


@pytest.mark.parametrize(
    ("name", "content", "read", "error"),
    [
        ("t.parquet", _parquet_bytes()[:300], pd.read_parquet, "ArrowInvalid"),
        ("t.parquet", b"", pd.read_parquet, "ArrowInvalid"),
        ("t.parquet", b"not parquet at all", pd.read_parquet, "ArrowInvalid"),
        ("v.npz", GOOD_NPZ[:100], _read_vectors, "BadZipFile"),
        ("v.npz", b"", _read_vectors, "EOFError"),
        ("v.npz", _npz_bytes(hashes=np.array(["a"], dtype="U16")), _read_vectors, "KeyError"),
        ("v.npz", _npz_bytes(vectors=np.array([{}], dtype=object)), _read_vectors, "ValueError"),
        ("r.json", b'{"n_records_read": 1', _read_json_count, "JSONDecodeError"),
        ("r.json", b"{}", _read_json_count, "KeyError"),
        ("r.json", b"\xff\xfe", _read_json_count, "UnicodeDecodeError"),
    ],
)
def test_a_damaged_entry_is_warned_about_and_deleted(tmp_path, name, content, read, error):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.warns(CacheWarning) as caught:
        assert cache.read_entry(path, read) is None
    message = str(caught[0].message)
    assert message.startswith(f"{config.display_path(path)}: ")
    assert error in message and "rebuilt" in message
    assert not path.exists()


def test_a_missing_entry_is_a_quiet_miss(tmp_path, recwarn):
    assert cache.read_entry(tmp_path / "absent.parquet", pd.read_parquet) is None
    assert not recwarn.list


def test_a_good_entry_is_read(tmp_path):
    path = tmp_path / "v.npz"
    path.write_bytes(GOOD_NPZ)
    assert cache.read_entry(path, _read_vectors).tolist() == [[0.0, 0.0, 0.0, 0.0]]


@pytest.mark.parametrize(
    "error", [TypeError("bad call"), AttributeError("no such thing"), NameError("typo")]
)
def test_a_bug_in_the_reader_propagates_and_the_entry_stays(tmp_path, error):
    path = tmp_path / "t.parquet"
    path.write_bytes(_parquet_bytes())

    def buggy(_path):
        raise error

    with pytest.raises(type(error)):
        cache.read_entry(path, buggy)
    assert path.exists()


# ----------------------------------------------------------------------------- cached_frame


def _cached_path(key: str):
    return config.cache_dir("tables") / f"{key}.parquet"


def test_cached_frame_rebuilds_a_damaged_table():
    computed = pd.DataFrame({"x": [1, 2, 3]})
    _cached_path("k").write_bytes(b"half a file")
    with pytest.warns(CacheWarning, match="tables/k.parquet: .*ArrowInvalid"):
        out = cache.cached_frame("tables", "k", lambda: computed)
    pd.testing.assert_frame_equal(out, computed)
    pd.testing.assert_frame_equal(pd.read_parquet(_cached_path("k")), computed)


def test_cached_frame_lets_a_reader_bug_through(monkeypatch):
    cache.cached_frame("tables", "k", lambda: pd.DataFrame({"x": [1]}))

    def buggy(*_args, **_kwargs):
        raise TypeError("read_parquet() got an unexpected keyword argument")

    monkeypatch.setattr(pd, "read_parquet", buggy)
    with pytest.raises(TypeError, match="unexpected keyword"):
        cache.cached_frame("tables", "k", lambda: pd.DataFrame({"x": [2]}))
    assert _cached_path("k").exists()


# ----------------------------------------------------------------------------- the corpus

BODY = "Officials in Kyiv said the talks would resume next week, according to a statement."


def _corpus_file(tmp_path):
    path = tmp_path / "a.csv"
    pd.DataFrame({"id": ["a", "b"], "text": [BODY, BODY + " Two."]}).to_csv(path, index=False)
    return path


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("corpus.parquet", b"PAR1 truncated", "ArrowInvalid"),
        ("reuse.parquet", b"", "ArrowInvalid"),
        ("report.json", b'{"n_records_read": 2, "problems": [', "JSONDecodeError"),
        ("report.json", b'{"problems": []}', "KeyError"),
    ],
)
def test_a_damaged_corpus_cache_is_rebuilt(tmp_path, name, content, error):
    from workbench.corpus import ingest

    source = _corpus_file(tmp_path)
    first = ingest(source, warn=False)
    (damaged,) = config.cache_dir("corpus").glob(f"*/{name}")
    damaged.write_bytes(content)
    with pytest.warns(CacheWarning) as caught:
        again = ingest(source, warn=False)
    assert [str(w.message).split(": ")[0] for w in caught] == [config.display_path(damaged)]
    assert error in str(caught[0].message)
    pd.testing.assert_frame_equal(again.corpus, first.corpus)
    assert damaged.exists()  # written again


def test_a_bug_reading_the_corpus_cache_propagates(tmp_path, monkeypatch):
    from workbench.corpus import ingest
    from workbench.corpus import load as load_module

    source = _corpus_file(tmp_path)
    ingest(source, warn=False)

    def buggy(_path):
        raise AttributeError("'IngestReport' object has no attribute 'rule'")

    monkeypatch.setattr(load_module, "_read_report", buggy)
    with pytest.raises(AttributeError, match="no attribute 'rule'"):
        ingest(source, warn=False)


def test_a_broken_parquet_input_is_reported_not_taken_for_a_corpus(tmp_path):
    from workbench.corpus import ingest

    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    (tmp_path / "ok.txt").write_text(BODY)
    result = ingest(tmp_path, use_cache=False, warn=False)
    assert result.corpus["doc_id"].tolist() == ["ok"]
    assert [(p.file, p.kind) for p in result.report.problems] == [
        (config.display_path(tmp_path / "broken.parquet"), "malformed_parquet")
    ]


# ----------------------------------------------------------------------------- actors


def test_damaged_actor_tables_are_a_warned_miss(tmp_path):
    from workbench.actors import extract

    folder = tmp_path / "tables"
    folder.mkdir()
    for name in extract._TABLES:
        pd.DataFrame({"doc_id": ["a"]}).to_parquet(folder / f"{name}.parquet")
    assert extract._read_tables(folder) is not None
    (folder / "edges.parquet").write_bytes(b"")
    with pytest.warns(CacheWarning, match="edges.parquet: .*ArrowInvalid"):
        assert extract._read_tables(folder) is None


def test_missing_actor_tables_are_a_quiet_miss(tmp_path, recwarn):
    from workbench.actors import extract

    assert extract._read_tables(tmp_path) is None
    assert not recwarn.list


def test_a_bug_reading_actor_tables_propagates(tmp_path, monkeypatch):
    from workbench.actors import extract

    for name in extract._TABLES:
        pd.DataFrame({"doc_id": ["a"]}).to_parquet(tmp_path / f"{name}.parquet")

    def buggy(_df):
        raise KeyError("aliases")

    monkeypatch.setattr(extract, "as_lists", buggy)
    with pytest.raises(KeyError, match="aliases"):
        extract._read_tables(tmp_path)


def _spans(h: str) -> pd.DataFrame:
    from workbench.actors.ner import MODEL_COLUMNS

    row = {"start": 0, "end": 4, "label": "PERSON"}
    return pd.DataFrame([{c: row.get(c, h) for c in MODEL_COLUMNS}]).astype(
        {"start": "int64", "end": "int64"}
    )


def test_a_damaged_span_shard_is_dropped_and_the_rest_kept(tmp_path):
    from workbench.actors import ner

    _spans("good").to_parquet(tmp_path / "1.parquet")
    (tmp_path / "2.parquet").write_bytes(_parquet_bytes()[:-20])
    with pytest.warns(CacheWarning, match="2.parquet: .*ArrowInvalid"):
        spans = ner._read_spans(tmp_path, {"good"})
    assert spans["start"].tolist() == [0] and spans["text_hash"].tolist() == ["good"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["1.parquet"]


def test_a_bug_reading_span_shards_propagates(tmp_path, monkeypatch):
    from workbench.actors import ner

    _spans("good").to_parquet(tmp_path / "1.parquet")

    def buggy(*_args, **_kwargs):
        raise AttributeError("module 'pandas' has no attribute 'read_parquett'")

    monkeypatch.setattr(ner.pd, "read_parquet", buggy)
    with pytest.raises(AttributeError):
        ner._read_spans(tmp_path, {"good"})
    assert (tmp_path / "1.parquet").exists()


# ----------------------------------------------------------------------------- vectors


def test_a_damaged_vector_shard_is_dropped_and_its_texts_embedded_again():
    from workbench.topics.vectors import VectorStore

    store = VectorStore("model-a")
    store.add(["h1", "h2"], np.ones((2, 3)))
    (store.folder / "broken.npz").write_bytes(GOOD_NPZ[:50])
    fresh = VectorStore("model-a")
    fresh.read.clear()
    fresh.vectors.clear()
    with pytest.warns(CacheWarning, match="broken.npz: .*BadZipFile"):
        found = fresh.lookup({"h1", "h2", "h3"})
    assert sorted(found) == ["h1", "h2"] and found["h1"].tolist() == [1.0, 1.0, 1.0]
    assert not (store.folder / "broken.npz").exists()


def test_a_vector_shard_without_its_vectors_is_dropped():
    from workbench.topics.vectors import VectorStore

    store = VectorStore("model-b")
    (store.folder / "half.npz").write_bytes(_npz_bytes(hashes=np.array(["h1"], dtype="U16")))
    with pytest.warns(CacheWarning, match="half.npz: .*KeyError"):
        assert store.lookup({"h1"}) == {}


def test_a_bug_reading_vector_shards_propagates(monkeypatch):
    from workbench.topics import vectors

    store = vectors.VectorStore("model-c")
    store.add(["h1"], np.ones((1, 3)))
    store.read.clear()
    store.vectors.clear()

    def buggy(*_args, **_kwargs):
        raise TypeError("load() got an unexpected keyword argument 'allow_pickle'")

    monkeypatch.setattr(vectors.np, "load", buggy)
    with pytest.raises(TypeError, match="allow_pickle"):
        store.lookup({"h1"})
    assert list(store.folder.glob("*.npz"))


# ----------------------------------------------------------------------------- UMAP


@pytest.mark.parametrize(
    ("content", "error"), [(b"", "EOFError"), (b"\x93NUMPY garbage", "ValueError")]
)
def test_a_damaged_umap_reduction_is_computed_again(monkeypatch, content, error):
    from types import SimpleNamespace

    from workbench.topics import models

    x = np.arange(12, dtype=np.float32).reshape(4, 3)
    reducer = models.CachedUMAP(n_components=2)
    reduced = np.ones((4, 2), dtype=np.float32)
    monkeypatch.setattr(
        models.CachedUMAP, "_fitted", lambda self: SimpleNamespace(embedding_=reduced)
    )
    reducer.fit(x)
    (path,) = config.cache_dir("umap").glob("*.npy")
    path.write_bytes(content)
    with pytest.warns(CacheWarning, match=f"{path.name}: .*{error}"):
        again = models.CachedUMAP(n_components=2).fit(x)
    assert again.embedding_.tolist() == reduced.tolist()
    assert np.load(path).tolist() == reduced.tolist()


def test_code_key_follows_the_source_of_the_modules(tmp_path, monkeypatch):
    rule = tmp_path / "wb_rule_module.py"
    rule.write_text("LIMIT = 3\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    first = cache.code_key("wb_rule_module", "workbench.core.tables")
    assert cache.code_key("wb_rule_module", "workbench.core.tables") == first
    rule.write_text("LIMIT = 4\n")  # an edited rule: a new key, so no stale tables
    assert cache.code_key("wb_rule_module", "workbench.core.tables") != first
    assert "wb_rule_module" not in sys.modules  # hashed, not imported
    with pytest.raises(ModuleNotFoundError, match="wb_no_such_module"):
        cache.code_key("wb_no_such_module")


def test_read_shards_keeps_the_wanted_rows_in_file_order(tmp_path):
    pd.DataFrame({"h": ["a", "b", "a", "c"], "n": [1, 2, 3, 4]}).to_parquet(tmp_path / "1.parquet")
    pd.DataFrame({"h": ["c", "d"], "n": [5, 6]}).to_parquet(tmp_path / "2.parquet")
    pd.DataFrame({"h": ["b"], "n": [7]}).to_parquet(tmp_path / "3.parquet")
    frames = cache.read_shards(tmp_path, "h", {"a", "b"})
    assert [f["n"].tolist() for f in frames] == [[1, 2, 3], [7]]  # no shard without a key
    whole = pd.read_parquet(tmp_path / "1.parquet")
    pd.testing.assert_frame_equal(
        frames[0], whole[whole["h"].isin({"a", "b"})].reset_index(drop=True)
    )
    assert cache.read_shards(tmp_path, "h", set()) == []
