from __future__ import annotations

import json
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from workbench import cli
from workbench.core import pool
from workbench.core.errors import InputError
from workbench.topics.assign import (
    Predictor,
    assign_topics,
    nearest_topics,
    sample_indices,
)
from workbench.topics.fit import fit_topics

# ----------------------------------------------------------------------------- the sample


def test_sample_is_seeded_sorted_and_without_repeats():
    a = sample_indices(1_000, 100, seed=7)
    assert len(a) == 100 and len(set(a.tolist())) == 100
    assert (np.diff(a) > 0).all() and a.min() >= 0 and a.max() < 1_000
    assert np.array_equal(a, sample_indices(1_000, 100, seed=7))
    assert not np.array_equal(a, sample_indices(1_000, 100, seed=8))


@pytest.mark.parametrize("fit_sample", [None, 50, 51, 10_000])
def test_a_sample_as_large_as_the_units_fits_on_all(fit_sample):
    assert sample_indices(50, fit_sample, seed=1) is None


@pytest.mark.parametrize(("fit_sample", "message"), [(1, "at least 2"), ("many", "a number")])
def test_a_bad_sample_size_is_explained(fit_sample, message):
    with pytest.raises(InputError, match=f"fit_sample={fit_sample!r}: .*{message}"):
        sample_indices(50, fit_sample, seed=1)


# ----------------------------------------------------------------------------- assignment (inline)


def test_nearest_topics_by_cosine_skip_the_outlier_row():
    # Rows of topic_embeddings_ are topics -1, 0, 1 (BERTopic's order, outliers first).
    model = SimpleNamespace(
        topics_=[-1, 0, 1, 1], topic_embeddings_=np.array([[1.0, 1.0], [1.0, 0.0], [0.0, 1.0]])
    )
    x = np.array([[0.9, 0.1], [0.2, 3.0], [-1.0, -1.0]])
    assert nearest_topics(model, x).tolist() == [0, 1, -1]


def test_predictor_maps_clusters_onto_topics_chunk_by_chunk():
    from sklearn.cluster import KMeans

    x = np.array([[0, 0], [0, 1], [10, 10], [10, 11], [0, 2], [11, 10]], dtype=np.float32)
    kmeans = KMeans(n_clusters=2, random_state=0, n_init=10).fit(x)
    near_origin = int(kmeans.predict(x[:1])[0])
    mapper = SimpleNamespace(
        get_mappings=lambda original_topics: {near_origin: 1, 1 - near_origin: 0}
    )
    model = SimpleNamespace(umap_model=None, hdbscan_model=kmeans, topic_mapper_=mapper)
    topics, probs = assign_topics(Predictor(model), x, workers=1, chunk_units=4)
    assert topics.tolist() == [1, 1, 0, 0, 1, 0] and probs is None


# ----------------------------------------------------------------------------- fits (slow)

#: Three invented themes, each with words of its own.
THEMES = {
    "war": "tanks artillery shelling frontline troops missiles drones offensive brigade trenches "
    "soldiers battalion",
    "energy": "gas pipeline prices oil exports tariffs refinery winter supply heating electricity "
    "grid",
    "diplomacy": "summit envoys ceasefire negotiations treaty ministers embassy talks mediation "
    "agreement delegation accord",
}


def themed_corpus(per_theme: int = 60, seed: int = 0) -> pd.DataFrame:
    """``per_theme`` short documents of 12 words drawn from each theme's words."""
    rng = np.random.default_rng(seed)
    rows = [
        (f"{name}-{i}", " ".join(rng.choice(words.split(), size=12)) + ".")
        for name, words in THEMES.items()
        for i in range(per_theme)
    ]
    return pd.DataFrame(rows, columns=["doc_id", "text"])


def theme_of(doc_ids: pd.Series) -> pd.Series:
    return doc_ids.str.split("-").str[0]


#: Topics of at least 10 units: a theme each (the default for 90 units, 4, splits themes).
FIT = dict(unit="document", embedding="tfidf", min_topic_size=10, fit_sample=90, seed=1)


@pytest.fixture(scope="module")
def sampled():
    """180 documents, the model fitted on 90 of them (freshly: not a cached fit's loaded model)."""
    return fit_topics(themed_corpus(), **FIT, use_cache=False)


@pytest.mark.slow
def test_fit_sample_gives_every_unit_a_topic_of_the_sample(sampled):
    r = sampled
    assert len(r.doc_topics) == len(r.units) == 180
    assert r.settings.fit_sample == 90 and r.settings.n_units == 180
    assert len(r.model.topics_) == 90  # the model saw the sample only
    assert set(r.doc_topics["topic"]) <= set(r.model.topics_) | {-1}
    assert set(r.topic_info["topic"]) == set(r.doc_topics["topic"])
    assert r.topic_info["size"].sum() == 180
    assert r.topic_info["share"].sum() == pytest.approx(1, abs=0.01)
    assert any(
        n.startswith("fitted on 90 of 180 units (seed 1); the rest assigned") for n in r.notes
    )
    # one topic per theme, fitted on the sample; the other units assigned to their theme's
    frame = r.doc_topics.assign(theme=theme_of(r.doc_topics["doc_id"]))
    fitted = sample_indices(180, 90, seed=1)
    topic_of_theme = frame.iloc[fitted].groupby("theme")["topic"].agg(lambda s: s.mode()[0])
    assert r.n_topics == 3 and sorted(topic_of_theme) == [0, 1, 2]
    assigned = frame.drop(index=fitted)
    assert len(assigned) == 90
    assert (assigned["topic"] == assigned["theme"].map(topic_of_theme)).mean() >= 0.9


@pytest.mark.slow
def test_assigning_the_sample_again_gives_its_fitted_topics(sampled):
    fitted = sample_indices(180, 90, seed=1)
    topics, _ = assign_topics(sampled.model, sampled.embeddings[fitted], workers=1)
    agreement = (topics == sampled.doc_topics["topic"].to_numpy()[fitted]).mean()
    assert agreement >= 0.9


@pytest.mark.slow
def test_assignment_is_bertopic_transform(sampled):
    x = sampled.embeddings
    expected, strengths = sampled.model.transform([""] * len(x), x)
    topics, probs = assign_topics(sampled.model, x, workers=1, chunk_units=len(x))
    assert topics.tolist() == list(expected)
    assert np.allclose(probs, strengths)


@pytest.mark.slow
def test_parallel_assignment_equals_serial(sampled):
    if pool.processes(2, 2) < 2:
        pytest.skip("one core: no pool to compare with")
    x = sampled.embeddings
    serial = assign_topics(sampled.model, x, workers=1, chunk_units=40)
    parallel = assign_topics(sampled.model, x, workers=2, chunk_units=40)
    assert np.array_equal(serial[0], parallel[0])
    assert np.array_equal(serial[1], parallel[1])


@pytest.mark.slow
def test_the_same_seed_gives_the_same_sampled_fit(sampled):
    again = fit_topics(themed_corpus(), **FIT, use_cache=False)
    assert_frame_equal(again.doc_topics, sampled.doc_topics)
    assert_frame_equal(again.topic_info, sampled.topic_info)


@pytest.mark.slow
def test_a_sampled_fit_saves_and_loads(sampled, tmp_path):
    from workbench.topics.result import load_topics

    loaded = load_topics(sampled.save(tmp_path / "topics"))
    assert loaded.settings == sampled.settings and loaded.settings.fit_sample == 90
    assert loaded.notes == sampled.notes
    assert_frame_equal(loaded.doc_topics, sampled.doc_topics)
    # a loaded model has no UMAP or HDBSCAN: BERTopic and the assignment take the nearest topic
    x = sampled.embeddings[:30]
    expected, similarity = loaded.model.transform([""] * len(x), x)
    topics, probs = assign_topics(loaded.model, x, workers=1)
    assert topics.tolist() == list(expected) and np.allclose(probs, similarity)


@pytest.mark.slow
def test_a_small_sample_falls_back_to_kmeans_and_assigns_every_unit():
    corpus = themed_corpus(per_theme=20)
    r = fit_topics(corpus, unit="document", embedding="tfidf", fit_sample=24, seed=3)
    assert r.settings.method == "kmeans" and r.settings.fit_sample == 24
    assert len(r.doc_topics) == 60 and r.outlier_share == 0
    assert any("the nearest k-means centre" in n for n in r.notes)


@pytest.mark.slow
def test_cli_fit_sample_with_outlier_reduction(tmp_path, capsys):
    source = tmp_path / "themes.csv"
    themed_corpus().to_csv(source, index=False)
    out = tmp_path / "topics"
    argv = ["topics", str(source), "--out", str(out), "--unit", "document", "--embedding", "tfidf"]
    argv += ["--min-topic-size", "10"]
    status = cli.main([*argv, "--fit-sample", "90", "--seed", "1", "--reduce-outliers"])
    assert status == 0
    doc_topics = pd.read_csv(out / "doc_topics.csv")
    assert len(doc_topics) == 180 and (doc_topics["topic"] != -1).all()
    meta = json.loads((out / "workbench_topics.json").read_text())
    assert meta["settings"]["fit_sample"] == 90
    assert "fitted on 90 of 180 units (seed 1)" in capsys.readouterr().out


def test_cli_fit_sample_below_two_is_a_message(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["topics", "data/sample", "--out", str(tmp_path), "--fit-sample", "1"])
    assert exit_.value.code == 2
    assert "--fit-sample '1': give a number of units, 2 or more" in capsys.readouterr().err
