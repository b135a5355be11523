from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from workbench import cli, config
from workbench.topics import tables as topic_tables
from workbench.topics.fit import TopicResult, fit_topics, make_units, resolve_unit
from workbench.topics.models import TopicSettings, choose_settings, stop_words, vocabulary

# ----------------------------------------------------------------------------- settings


@pytest.mark.parametrize(
    "n, method, min_topic_size, n_neighbors, min_df, selection",
    [
        (3, "single", 3, 2, 1, "leaf"),
        (20, "kmeans", 3, 5, 1, "leaf"),
        (124, "bertopic", 5, 15, 1, "leaf"),
        (2_225, "bertopic", 13, 15, 2, "eom"),
        (100_000, "bertopic", 46, 15, 10, "eom"),
    ],
)
def test_settings_adapt_to_size(n, method, min_topic_size, n_neighbors, min_df, selection):
    s = choose_settings(n, unit="paragraph", embedding="tfidf")
    assert (s.method, s.min_topic_size, s.n_neighbors, s.min_df, s.cluster_selection) == (
        method,
        min_topic_size,
        n_neighbors,
        min_df,
        selection,
    )


def test_given_settings_are_kept_and_bad_ones_explained():
    s = choose_settings(500, unit="document", embedding="x", min_topic_size=7, nr_topics="12")
    assert (s.min_topic_size, s.nr_topics) == (7, 12)
    with pytest.raises(ValueError, match="nr_topics='many'"):
        choose_settings(500, unit="document", embedding="x", nr_topics="many")
    with pytest.raises(ValueError, match="min_topic_size=1"):
        choose_settings(500, unit="document", embedding="x", min_topic_size=1)


def test_vocabulary_leaves_out_stop_words_numbers_and_possessives():
    texts = [
        "Russia's envoy said the 2022 talks would resume",
        "The envoy told reporters talks resume",
    ]
    assert vocabulary(texts, min_df=1) == ["envoy", "reporters", "resume", "russia", "talks"]
    assert vocabulary(texts, min_df=2) == ["envoy", "resume", "talks"]
    assert {"said", "told", "would", "the"} <= set(stop_words())


def test_vocabulary_of_stop_words_only_is_an_error():
    with pytest.raises(ValueError, match="stop-word"):
        vocabulary(["the and of", "said would"], min_df=1)


# ----------------------------------------------------------------------------- units


def _corpus(n_docs: int = 3) -> pd.DataFrame:
    body = "Ceasefire talks resumed in Geneva as envoys met for a second day of negotiations.\n\nBy Staff"
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n_docs)],
            "title": [f"T{i}" for i in range(n_docs)],
            "text": [body] * n_docs,
            "source": ["Wire"] * n_docs,
            "date": pd.to_datetime(["2022-03-01"] * n_docs, utc=True),
            "duplicate_of": [pd.NA] * (n_docs - 1) + ["d0"],
        }
    )


def test_units_drop_duplicates_and_short_paragraphs_with_notes():
    notes: list[str] = []
    units = make_units(_corpus(), "paragraph", notes)
    assert units["unit_id"].tolist() == ["d0:p1", "d1:p1"]
    assert units.columns.tolist() == [
        "unit_id",
        "doc_id",
        "paragraph_id",
        "sentence_id",
        "text",
        "title",
        "date",
        "source",
    ]
    assert notes == [
        "1 duplicate document(s) left out (see the corpus' duplicate_of column)",
        "2 paragraph(s) under 8 words (headings, bylines, captions) left out",
    ]


def test_no_unit_left_is_explained():
    with pytest.raises(ValueError, match="no paragraph with 8 words"):
        make_units(pd.DataFrame({"doc_id": ["a"], "text": ["Too short."]}), "paragraph")


@pytest.mark.parametrize(
    "unit, n_docs, expected",
    [("auto", 5, "paragraph"), ("auto", 300, "document"), ("sentence", 5, "sentence")],
)
def test_resolve_unit(unit, n_docs, expected):
    assert resolve_unit(unit, pd.DataFrame({"doc_id": range(n_docs)})) == expected


def test_unknown_unit_is_explained():
    with pytest.raises(ValueError, match="unit='page'"):
        resolve_unit("page", pd.DataFrame())


# ----------------------------------------------------------------------------- tables (inline result)


@pytest.fixture
def small_result() -> TopicResult:
    units = pd.DataFrame(
        {
            "unit_id": ["a:p1", "a:p2", "b:p1", "b:p2", "c:p1", "c:p2"],
            "doc_id": ["a", "a", "b", "b", "c", "c"],
            "paragraph_id": ["a:p1", "a:p2", "b:p1", "b:p2", "c:p1", "c:p2"],
            "sentence_id": [pd.NA] * 6,
            "text": ["t"] * 6,
            "title": ["A", "A", "B", "B", "C", "C"],
            "date": pd.to_datetime(
                ["2022-03-01", "2022-03-01", "2022-03-02", "2022-03-02", None, None], utc=True
            ),
            "source": ["BBC", "BBC", "CNN", "CNN", None, None],
        }
    )
    doc_topics = pd.DataFrame(
        {
            "unit_id": units["unit_id"],
            "doc_id": units["doc_id"],
            "topic": [0, 1, 0, 0, 1, -1],
            "probability": [1.0] * 6,
        }
    )
    info = pd.DataFrame(
        {"topic": [0, 1, -1], "label": ["talks, geneva", "sanctions, oil", "(outliers)"]}
    )
    settings = choose_settings(6, unit="paragraph", embedding="tfidf")
    centroids = np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]])
    return TopicResult(
        model=None,
        units=units,
        doc_topics=doc_topics,
        topic_info=info,
        topic_words=pd.DataFrame(),
        representatives=pd.DataFrame(),
        centroids=centroids,
        settings=settings,
    )


def test_topics_over_time(small_result):
    table = topic_tables.topics_over_time(small_result, freq="D")
    expected = pd.DataFrame(
        {
            "date": pd.to_datetime(["2022-03-01", "2022-03-01", "2022-03-02"], utc=True),
            "topic": [0, 1, 0],
            "label": ["talks, geneva", "sanctions, oil", "talks, geneva"],
            "units": [1, 1, 2],
            "documents": [1, 1, 1],
            "share": [0.5, 0.5, 1.0],
        }
    )
    assert_frame_equal(table, expected, check_dtype=False)
    assert table.attrs["undated_units"] == 2 and table.attrs["freq_name"] == "day"


def test_topics_per_source(small_result):
    table = topic_tables.topics_per_source(small_result)
    assert table[["source", "topic", "units", "share"]].values.tolist() == [
        ["(unknown)", 1, 1, 0.5],
        ["BBC", 0, 1, 0.5],
        ["BBC", 1, 1, 0.5],
        ["CNN", 0, 2, 1.0],
    ]


def test_topics_by_actor_joins_mentions_by_paragraph(small_result):
    mentions = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "b", "c", "c"],
            "paragraph_id": ["a:p1", "a:p2", "b:p1", "b:p2", "c:p1", "c:p2"],
            "sentence_id": [None] * 6,
            "actor": ["Lavrov", "Putin", "Lavrov", "Lavrov", "Putin", "Putin"],
        }
    )
    table = topic_tables.topics_by_actor(small_result, mentions)
    assert table[["topic", "actor", "mentions", "units", "share"]].values.tolist() == [
        [0, "Lavrov", 3, 3, 1.0],
        [1, "Putin", 2, 2, 1.0],
    ]
    assert table["lift"].tolist() == [pytest.approx(5 / 3, abs=1e-3), pytest.approx(5 / 2)]


def test_topics_by_actor_names_the_missing_column(small_result):
    with pytest.raises(ValueError, match="'paragraph_id'"):
        topic_tables.topics_by_actor(
            small_result, pd.DataFrame({"doc_id": ["a"], "actor": ["Putin"]})
        )


def test_topic_similarity_leaves_out_outliers(small_result):
    table = topic_tables.topic_similarity(small_result)
    assert table[["topic_a", "topic_b", "similarity"]].values.tolist() == [
        [0, 0, 1.0],
        [0, 1, 0.6],
        [1, 0, 0.6],
        [1, 1, 1.0],
    ]


@pytest.mark.parametrize(
    ("freq", "unit", "dates"),
    [
        ("auto", "day", ["2022-03-01", "2022-03-02"]),  # a day apart: by day
        ("D", "day", ["2022-03-01", "2022-03-02"]),
        ("W", "week", ["2022-02-28"]),
        ("week", "week", ["2022-02-28"]),
        ("MS", "month", ["2022-03-01"]),
        ("M", "month", ["2022-03-01"]),
        ("Quarter", "quarter", ["2022-01-01"]),
        ("YS", "year", ["2022-01-01"]),
    ],
)
def test_topics_over_time_reads_every_bin_spelling(small_result, freq, unit, dates):
    table = topic_tables.topics_over_time(small_result, freq=freq)
    assert table.attrs["freq"] == unit and table.attrs["freq_name"] == unit
    assert table["date"].drop_duplicates().tolist() == pd.to_datetime(dates, utc=True).tolist()
    assert str(table["date"].dtype) == "datetime64[us, UTC]"


def test_topics_over_time_rejects_an_unknown_bin(small_result):
    with pytest.raises(ValueError, match=r"freq='H': use one of 'day', 'week'"):
        topic_tables.topics_over_time(small_result, freq="H")


def test_topics_over_time_joins_the_timeline_volume_on_utc_bins(small_result):
    from workbench.timeline.build import volume

    corpus = small_result.units.drop_duplicates("doc_id").assign(n_words=10)
    over_time = topic_tables.topics_over_time(small_result, freq="W")
    joined = over_time.merge(volume(corpus, "week"), left_on="date", right_on="bin")
    assert joined[["date", "topic", "units", "source", "n_docs"]].values.tolist() == [
        [pd.Timestamp("2022-02-28", tz="UTC"), 0, 3, "BBC", 1],
        [pd.Timestamp("2022-02-28", tz="UTC"), 0, 3, "CNN", 1],
        [pd.Timestamp("2022-02-28", tz="UTC"), 1, 1, "BBC", 1],
        [pd.Timestamp("2022-02-28", tz="UTC"), 1, 1, "CNN", 1],
    ]


# ----------------------------------------------------------------------------- fits (slow)


@pytest.fixture(scope="module")
def sample_topics(sample_corpus) -> TopicResult:
    return fit_topics(sample_corpus)


@pytest.mark.slow
def test_sample_gives_a_handful_of_readable_topics(sample_topics):
    r = sample_topics
    assert r.settings.unit == "paragraph" and r.settings.method == "bertopic"
    assert 3 <= r.n_topics <= 8
    assert r.doc_topics.columns.tolist() == ["unit_id", "doc_id", "topic", "probability"]
    assert r.topic_info.columns.tolist() == [
        "topic",
        "label",
        "size",
        "share",
        "words",
        "weights",
        "representative_units",
        "representative_text",
    ]
    assert r.topic_info["size"].sum() == len(r.doc_topics) == len(r.units)
    stops = set(stop_words())
    for words in r.topic_info.loc[r.topic_info["topic"] != -1, "words"]:
        assert isinstance(words, list) and words and not stops & set(words)
    first = r.topic_info.iloc[0]
    assert len(first["weights"]) == len(first["words"])
    assert (
        first["representative_units"]
        == r.representatives.loc[r.representatives["topic"] == first["topic"], "unit_id"].tolist()
    )
    assert r.topic_info["label"].is_unique
    assert 0 <= r.outlier_share < 0.5
    assert any("left out" in n for n in r.notes)


@pytest.mark.slow
def test_representatives_belong_to_their_topic(sample_topics):
    reps = sample_topics.representatives.merge(sample_topics.doc_topics, on=["unit_id", "doc_id"])
    assert (reps["topic_x"] == reps["topic_y"]).all()
    assert reps.groupby("topic_x")["rank"].max().le(3).all()


@pytest.mark.slow
def test_same_input_and_seed_give_the_same_topics(sample_corpus, sample_topics):
    again = fit_topics(sample_corpus, use_cache=False)
    assert_frame_equal(again.doc_topics, sample_topics.doc_topics)
    assert_frame_equal(again.topic_info, sample_topics.topic_info)


@pytest.mark.slow
def test_outlier_reduction_leaves_no_outliers(sample_corpus, sample_topics):
    reduced = fit_topics(sample_corpus, reduce_outliers=True)
    assert reduced.outlier_share == 0
    assert reduced.n_topics == sample_topics.n_topics
    assert any("outlier reduction moved" in n for n in reduced.notes)


@pytest.mark.slow
@pytest.mark.parametrize("n_docs, method, n_topics", [(3, "single", 1), (12, "kmeans", 2)])
def test_tiny_corpora_fall_back_with_a_note(n_docs, method, n_topics):
    topics = [
        "Ceasefire talks between the envoys resumed in Geneva on the second day.",
        "The central bank raised interest rates to curb inflation in the economy.",
    ]
    corpus = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n_docs)],
            "text": [f"{topics[i % 2]} Report number {i} of the series." for i in range(n_docs)],
        }
    )
    r = fit_topics(corpus, unit="document", embedding="tfidf")
    assert r.settings.method == method and r.n_topics == n_topics
    assert any("too few" in n or "k-means" in n for n in r.notes)
    assert r.outlier_share == 0


@pytest.mark.slow
def test_save_and_load_round_trip_without_pickle(sample_topics, tmp_path):
    from workbench.topics.result import load_topics

    folder = sample_topics.save(tmp_path / "topics")
    names = {p.name for p in folder.rglob("*")}
    assert {
        "doc_topics.csv",
        "topic_info.csv",
        "topic_embeddings.safetensors",
        "ctfidf.safetensors",
    } <= names
    assert not [n for n in names if n.endswith((".pkl", ".pickle", ".bin", ".joblib"))]
    loaded = load_topics(folder)
    assert_frame_equal(loaded.doc_topics, sample_topics.doc_topics)
    assert_frame_equal(loaded.topic_info, sample_topics.topic_info)
    topic, _ = loaded.model.transform(["Rubio and Lavrov met in Riyadh; the talks will continue."])
    assert topic[0] in set(sample_topics.topic_info["topic"])


def test_fit_topics_names_the_missing_text_column():
    from workbench.core.inputs import MissingColumnError

    with pytest.raises(MissingColumnError, match="the corpus table has no 'text' column"):
        fit_topics(pd.DataFrame({"doc_id": ["a"], "content": ["Talks resumed in Geneva."]}))


@pytest.mark.slow
def test_fit_topics_reads_a_path():
    from workbench import config

    r = fit_topics(str(config.sample_corpus()), unit="document", embedding="tfidf")
    assert sorted(r.units["doc_id"]) == sorted(p.stem for p in config.sample_corpus().glob("*.txt"))
    assert r.topic_info["words"].map(lambda w: isinstance(w, list)).all()


@pytest.mark.parametrize(
    ("fmt", "words", "weights", "units"),
    [
        (1, "talks, geneva", "0.4000, 0.3000", "a:p1; b:p2"),  # folders saved before lists
        (2, "talks; geneva", "0.4; 0.3", "a:p1; b:p2"),
    ],
)
def test_saved_topic_info_reads_back_as_lists(fmt, words, weights, units):
    from workbench.topics.result import _info_lists

    info = pd.DataFrame({"words": [words], "weights": [weights], "representative_units": [units]})
    assert _info_lists(info, fmt).iloc[0].tolist() == [
        ["talks", "geneva"],
        [0.4, 0.3],
        ["a:p1", "b:p2"],
    ]


def test_load_topics_names_a_wrong_folder(tmp_path):
    from workbench.topics.result import load_topics

    with pytest.raises(FileNotFoundError, match="not a saved topic folder"):
        load_topics(tmp_path)


@pytest.mark.slow
def test_cli_topics_writes_tables_and_model(tmp_path, capsys):
    out = tmp_path / "t"
    status = cli.main(
        [
            "topics",
            str(config.sample_corpus()),
            "--out",
            str(out),
            "--embedding",
            "tfidf",
            "--unit",
            "document",
        ]
    )
    assert status == 0
    assert (out / "doc_topics.csv").exists() and (out / "topic_info.csv").exists()
    assert (out / "model" / "topic_embeddings.safetensors").exists()
    doc_topics = pd.read_csv(out / "doc_topics.csv")
    assert doc_topics.columns.tolist() == ["unit_id", "doc_id", "topic", "probability"]
    assert "single topic" in capsys.readouterr().out


def test_cli_topics_bad_nr_topics_is_a_message(tmp_path, capsys):
    status = cli.main(
        ["topics", str(config.sample_corpus()), "--out", str(tmp_path), "--nr-topics", "lots"]
    )
    assert status == 2
    assert "--nr-topics 'lots'" in capsys.readouterr().err


def test_settings_round_trip_as_dict():
    s = choose_settings(50, unit="sentence", embedding="tfidf", nr_topics="auto")
    assert TopicSettings(**s.as_dict()) == s


@pytest.mark.slow
def test_a_fit_is_cached_whole_and_its_model_loads_on_first_use(sample_corpus, sample_topics):
    cached = fit_topics(sample_corpus)  # sample_topics stored it
    assert "model" not in vars(cached)  # read back without BERTopic
    assert_frame_equal(cached.doc_topics, sample_topics.doc_topics)
    assert_frame_equal(cached.topic_info, sample_topics.topic_info)
    assert_frame_equal(cached.units, sample_topics.units)
    np.testing.assert_array_equal(cached.embeddings, sample_topics.embeddings)
    assert cached.notes == sample_topics.notes and cached.settings == sample_topics.settings
    topic, _ = cached.model.transform(["Rubio and Lavrov met in Riyadh; the talks will go on."])
    assert topic[0] in set(sample_topics.topic_info["topic"])
    other = fit_topics(sample_corpus, seed=7)  # another parameter, another entry
    assert "model" in vars(other)
    assert len(list(config.cache_dir("topic_fits").iterdir())) >= 2


def test_a_damaged_cached_fit_is_discarded_with_a_warning(tmp_path):
    from workbench.core.cache import CacheWarning
    from workbench.topics.result import read_fit

    folder = tmp_path / "fit"
    folder.mkdir()
    (folder / "workbench_topics.json").write_text("{not json")
    with pytest.warns(CacheWarning, match="could not be read"):
        assert read_fit(folder) is None
    assert not folder.exists()
    assert read_fit(tmp_path / "missing") is None
