import pandas as pd
import pytest

from workbench.timeline.build import (
    actor_timeline,
    bin_dates,
    build_timeline,
    topic_timeline,
    volume,
)


@pytest.mark.parametrize(
    ("bin", "expected"),
    [
        ("day", ["2025-03-19", "2025-03-20", "2025-03-23"]),
        ("week", ["2025-03-17", "2025-03-17", "2025-03-17"]),
        ("month", ["2025-03-01", "2025-03-01", "2025-03-01"]),
    ],
)
def test_bin_dates(bin, expected):
    dates = pd.Series(
        pd.to_datetime(["2025-03-19T23:00Z", "2025-03-20T01:00Z", "2025-03-23T12:00Z"])
    )
    assert bin_dates(dates, bin).dt.strftime("%Y-%m-%d").tolist() == expected


def test_bin_dates_rejects_unknown_bin():
    with pytest.raises(ValueError, match="bin='year'"):
        bin_dates(pd.Series([], dtype="datetime64[ns, UTC]"), "year")


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


def test_volume_counts_each_story_once_and_skips_undated():
    v = volume(CORPUS, "week")
    assert v.to_dict("list") == {
        "bin": [pd.Timestamp("2022-02-28"), pd.Timestamp("2022-02-28"), pd.Timestamp("2022-03-07")],
        "source": ["AP", "CNN", "AP"],
        "n_docs": [1, 1, 1],
        "n_words": [100, 200, 300],
    }
    assert volume(CORPUS, "month", include_duplicates=True)["n_docs"].sum() == 4


def test_actor_and_topic_timelines():
    mentions = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "c", "d"],
            "actor": ["Putin", "Putin", "Putin", "Biden", "Biden"],
            "actor_type": "PERSON",
        }
    )
    at = actor_timeline(mentions, CORPUS, "month")
    assert at[["actor", "n_mentions", "n_docs"]].values.tolist() == [
        ["Putin", 3, 2],
        ["Biden", 1, 1],
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
    assert {"Marco Rubio", "Sergey Lavrov"} <= set(malaysia.participants.split("; "))
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
