import pandas as pd
import pytest

from workbench.core.inputs import MissingColumnError
from workbench.timeline.build import actor_timeline, build_timeline, topic_timeline, volume

CORPUS = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c", "d", "e"],
        "date": pd.to_datetime(
            ["2022-03-01", "2022-03-02", "2022-03-09", None, "2022-03-02"], utc=True
        ),
        "source": ["AP", "CNN", "AP", "AP", None],
        "n_words": [100, 200, 300, 400, 500],
        "duplicate_of": [None, None, None, None, "b"],
    }
)


def _utc(*days: str) -> list[pd.Timestamp]:
    return [pd.Timestamp(d, tz="UTC") for d in days]


def test_volume_counts_each_story_once_and_skips_undated():
    v = volume(CORPUS, "week")
    assert v.to_dict("list") == {
        "bin": _utc("2022-02-28", "2022-02-28", "2022-03-07"),
        "source": ["AP", "CNN", "AP"],
        "n_docs": [1, 1, 1],
        "n_words": [100, 200, 300],
    }
    assert str(v["bin"].dtype) == "datetime64[us, UTC]"
    assert volume(CORPUS, "month", include_duplicates=True)["n_docs"].sum() == 4


@pytest.mark.parametrize(
    ("bin", "bins"),
    [
        ("day", _utc("2022-03-01", "2022-03-02", "2022-03-09")),
        ("D", _utc("2022-03-01", "2022-03-02", "2022-03-09")),
        ("auto", _utc("2022-03-01", "2022-03-02", "2022-03-09")),  # 8 days: by day
        ("W", _utc("2022-02-28", "2022-03-07")),
        ("W-MON", _utc("2022-02-28", "2022-03-07")),
        ("M", _utc("2022-03-01")),
        ("Month", _utc("2022-03-01")),
        ("quarter", _utc("2022-01-01")),
        ("Y", _utc("2022-01-01")),
    ],
)
def test_volume_reads_every_bin_spelling(bin, bins):
    assert volume(CORPUS, bin)["bin"].drop_duplicates().tolist() == bins


def test_an_unknown_bin_names_the_parameter_and_the_choices():
    with pytest.raises(ValueError, match=r"bin='fortnight': use one of 'day', 'week', 'month'"):
        volume(CORPUS, "fortnight")


def test_topic_timeline_joins_the_volume_on_utc_bins():
    doc_topics = pd.DataFrame({"doc_id": ["a", "b", "b", "c"], "topic": [0, 0, 1, 1]})
    for bin in ("week", "M"):
        tt, v = topic_timeline(doc_topics, CORPUS, bin), volume(CORPUS, bin)
        joined = tt.merge(v.groupby("bin", as_index=False)["n_docs"].sum(), on="bin")
        assert len(joined) == len(tt) and str(joined["bin"].dtype) == "datetime64[us, UTC]"
    week = topic_timeline(doc_topics, CORPUS, "week").merge(volume(CORPUS, "week"), on="bin")
    assert week[["bin", "topic", "source", "n_docs"]].values.tolist() == [
        [pd.Timestamp("2022-02-28", tz="UTC"), 0, "AP", 1],
        [pd.Timestamp("2022-02-28", tz="UTC"), 0, "CNN", 1],
        [pd.Timestamp("2022-02-28", tz="UTC"), 1, "AP", 1],
        [pd.Timestamp("2022-02-28", tz="UTC"), 1, "CNN", 1],
        [pd.Timestamp("2022-03-07", tz="UTC"), 1, "AP", 1],
    ]


def test_empty_timelines_still_join_on_a_utc_bin():
    empty = topic_timeline(None, CORPUS)
    assert str(empty["bin"].dtype) == "datetime64[us, UTC]"
    assert empty.merge(volume(CORPUS, "week"), on="bin").empty


def test_actor_and_topic_timelines():
    mentions = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "c", "d"],
            "actor": ["Putin", "Putin", "Putin", "Biden", "Biden"],
            "actor_type": "PERSON",
        }
    )
    at = actor_timeline(mentions, CORPUS, "month")
    assert at[["bin", "actor", "n_mentions", "n_docs"]].values.tolist() == [
        [pd.Timestamp("2022-03-01", tz="UTC"), "Putin", 3, 2],
        [pd.Timestamp("2022-03-01", tz="UTC"), "Biden", 1, 1],
    ]
    doc_topics = pd.DataFrame({"doc_id": ["a", "b", "b", "c"], "topic": [0, 0, 1, 1]})
    tt = topic_timeline(doc_topics, CORPUS, "week")
    assert tt["share"].round(3).tolist() == [0.667, 0.333, 1.0]
    assert topic_timeline(None, CORPUS).empty


@pytest.mark.slow
def test_sample_events_read_like_the_articles(sample_corpus):
    tl = build_timeline(sample_corpus, bin="month")
    events = tl.events
    top = {(r.event_type, r.place): r for r in events.head(4).itertuples()}
    malaysia = next(r for r in events.itertuples() if r.place == "Malaysia")
    assert {"Marco Rubio", "Sergey Lavrov"} <= set(malaysia.participants)
    assert malaysia.n_docs == 2 and malaysia.date == pd.Timestamp("2025-07-11", tz="UTC")
    paris = next(r for r in events.itertuples() if r.place == "Paris")
    assert "Emmanuel Macron" in paris.participants and paris.date.month == 4
    saudi = next(r for r in events.itertuples() if r.place == "Saudi Arabia")
    assert saudi.event_type in ("talks", "meeting") and saudi.date.month == 3
    assert len(top) == 4
    assert tl.places.set_index("place").loc["Kyiv", "kind"] == "city"
    assert tl.volume["n_docs"].sum() == 5 and tl.dated == 1.0
    assert {"Sunday", "early next week", "earlier this week"} <= set(tl.dates_in_text["expression"])


@pytest.mark.slow
def test_undated_corpus_still_gives_events_places_and_years(sample_corpus):
    undated = sample_corpus.assign(date=pd.NaT)
    tl = build_timeline(undated)
    assert tl.dated == 0.0 and tl.volume.empty
    assert tl.notes and "No document has a publication date" in tl.notes[0]
    assert {2014, 1991} <= set(tl.years["year"])
    assert len(tl.places) > 5
    assert tl.events["date"].isna().any()


@pytest.mark.slow
def test_a_second_timeline_reads_the_text_tables_from_the_cache(sample_corpus, monkeypatch):
    from workbench.actors import extract_actors
    from workbench.timeline import temporal

    actors = extract_actors(sample_corpus)
    first = build_timeline(sample_corpus, actors=actors, bin="week")

    def no_reading(*args, **kwargs):
        raise AssertionError("the texts were read again")

    monkeypatch.setattr(temporal, "temporal_expressions", no_reading)
    again = build_timeline(sample_corpus, actors=actors, bin="month")
    for name in ("events", "event_reports", "places", "dates_in_text", "years"):
        pd.testing.assert_frame_equal(getattr(again, name), getattr(first, name), obj=name)
    assert again.bin == "month" and again.volume["bin"].dt.day.eq(1).all()
    # Another gap between reports is another reading: computed, not read.
    with pytest.raises(AssertionError, match="the texts were read again"):
        build_timeline(sample_corpus, actors=actors, max_event_gap_days=5)


# ----------------------------------------------------------------------------- inputs


def _actor_tables(mentions: pd.DataFrame):
    from workbench.actors.extract import ActorTables

    empty = pd.DataFrame()
    return ActorTables(mentions, empty, empty, empty, empty, empty, sentences=empty)


MENTIONS = pd.DataFrame(
    {
        "doc_id": ["a"],
        "sentence_id": ["a:p1:s1"],
        "start": [0],
        "end": [5],
        "surface": ["Putin"],
        "actor": ["Vladimir Putin"],
        "actor_type": ["PERSON"],
    }
)


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        (
            {"actors": _actor_tables(MENTIONS.drop(columns="doc_id"))},
            MissingColumnError,
            "the mentions table has no 'doc_id' column .*pass the ActorTables of extract_actors",
        ),
        (
            {"actors": MENTIONS},
            TypeError,
            "takes the actors layer's tables, not DataFrame",
        ),
        (
            {"actors": _actor_tables(MENTIONS), "doc_topics": pd.DataFrame({"doc_id": ["a"]})},
            MissingColumnError,
            "the doc_topics table has no 'topic' column .*result.doc_topics",
        ),
    ],
)
def test_build_timeline_names_the_table_and_column_it_lacks(options, error, message):
    with pytest.raises(error, match=message):
        build_timeline(CORPUS.assign(text="Putin spoke."), **options)


def test_build_timeline_names_the_corpus_columns_it_needs():
    corpus = CORPUS.assign(text="Putin spoke.").drop(columns=["date", "n_words"])
    with pytest.raises(MissingColumnError, match="the corpus table has no 'date', 'n_words'"):
        build_timeline(corpus, actors=_actor_tables(MENTIONS))


def test_timeline_tables_name_the_missing_column():
    with pytest.raises(MissingColumnError, match="the mentions table has no 'actor_type'"):
        actor_timeline(MENTIONS.drop(columns="actor_type"), CORPUS)
    with pytest.raises(MissingColumnError, match="the doc_topics table has no 'doc_id'"):
        topic_timeline(pd.DataFrame({"topic": [0]}), CORPUS)
    with pytest.raises(MissingColumnError, match="the corpus table has no 'n_words'"):
        volume(CORPUS.drop(columns="n_words"))


@pytest.mark.slow
def test_build_timeline_reads_a_path_and_its_reports_carry_the_document(sample_corpus):
    from workbench import config

    tl = build_timeline(str(config.sample_corpus()), bin="month")
    reports = tl.event_reports
    assert len(reports) > 0 and reports["doc_id"].isin(sample_corpus["doc_id"]).all()
    meta = sample_corpus.set_index("doc_id").loc[reports["doc_id"], ["source", "date"]]
    pd.testing.assert_frame_equal(
        reports[["source", "published"]],
        meta.reset_index(drop=True).rename(columns={"date": "published"}),
        check_dtype=False,
    )
    for column in ("participants", "persons"):
        assert reports[column].map(lambda v: isinstance(v, list)).all(), column
    for column in ("participants", "sources", "doc_ids"):
        assert tl.events[column].map(lambda v: isinstance(v, list)).all(), column
    assert tl.places["surfaces"].map(lambda v: isinstance(v, list)).all()


def test_build_timeline_of_an_empty_selection_says_so():
    from workbench.corpus.inputs import EmptyCorpusError

    empty = CORPUS.assign(text="Putin spoke.").iloc[:0]
    with pytest.raises(EmptyCorpusError, match="the corpus has no articles; check the filter"):
        build_timeline(empty, actors=_actor_tables(MENTIONS.iloc[:0]))


def test_timeline_tables_show_a_few_lines():
    from workbench.timeline.build import TimelineTables

    empty = pd.DataFrame()
    tl = TimelineTables(volume(CORPUS, "week"), *[empty] * 7, dated=0.8, bin="week")
    text = repr(tl)
    assert text.startswith("TimelineTables: week bins, 80% of documents dated")
    assert ".volume" in text and "3 rows × 4 columns" in text and len(text.splitlines()) <= 12


def test_every_timeline_rule_module_keys_the_cache():
    # A rule module left out of the key would let an edited rule hide behind old tables.
    from pathlib import Path

    from workbench.timeline import build

    folder = Path(build.__file__).parent
    rules = {f"workbench.timeline.{p.stem}" for p in folder.glob("*.py")}
    rules -= {"workbench.timeline.__init__", "workbench.timeline.build", "workbench.timeline.prose"}
    assert rules <= set(build.RULE_MODULES)
