"""Shared fixtures: a private cache folder for the whole run, and the sample corpus."""

from __future__ import annotations

import pytest

import workbench
from workbench import config


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Every test run writes its caches to a fresh folder, never to data/interim."""
    mp = pytest.MonkeyPatch()
    mp.setenv("WORKBENCH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    yield
    mp.undo()


@pytest.fixture(scope="session")
def sample_ingest():
    """The bundled sample corpus, loaded once per run."""
    return workbench.ingest(config.sample_corpus(), warn=False)


@pytest.fixture(scope="session")
def sample_corpus(sample_ingest):
    return sample_ingest.corpus
