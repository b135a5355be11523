import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from workbench import config
from workbench.core import cache


def test_cache_dir_follows_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path / "c"))
    assert config.cache_dir("x") == tmp_path / "c" / "x"
    assert (tmp_path / "c" / "x").is_dir()
    monkeypatch.delenv("WORKBENCH_CACHE_DIR")
    assert config.cache_dir() == config.project_root() / "data" / "interim"


def test_paths_derive_from_project_root():
    root = config.project_root()
    assert (root / "pyproject.toml").exists()
    assert config.sample_corpus() == root / "data" / "sample"


def test_display_path_is_relative_to_project():
    assert config.display_path(config.sample_corpus() / "a.txt") == "data/sample/a.txt"
    assert not config.display_path(Path("/tmp/elsewhere.csv")).startswith("/")


def test_atomic_write_leaves_old_file_on_failure(tmp_path):
    target = tmp_path / "t.csv"
    cache.write_table(pd.DataFrame({"a": [1]}), target)
    with pytest.raises(RuntimeError), cache.atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("interrupted")
    assert pd.read_csv(target)["a"].tolist() == [1]
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_write_table_rejects_unknown_extension(tmp_path):
    with pytest.raises(ValueError, match=r"t\.xlsx.*use .csv, .tsv or .parquet"):
        cache.write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.xlsx")


def test_keys_are_stable_and_sensitive():
    assert cache.key("m", [1, 2], {"a": 1}) == cache.key("m", [1, 2], {"a": 1})
    assert cache.key("m", [1, 2]) != cache.key("m", [2, 1])
    assert cache.text_hash("abc") == "d8bb14d833d59559"  # BLAKE2b-64, the same on every machine


def test_import_workbench_is_light():
    code = (
        "import sys, workbench, workbench.cli;"
        "heavy = [m for m in ('torch', 'spacy', 'bertopic', 'sentence_transformers', 'umap', 'transformers')"
        " if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(config.project_root())},
    )
    assert out.stdout.strip() == "[]"
