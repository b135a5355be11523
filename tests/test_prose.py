"""The generated sentences of the actors and timeline notebooks."""

import pandas as pd

from workbench.actors import prose as actors_prose
from workbench.timeline import prose as timeline_prose


def test_volume_sentence_names_the_peak_and_the_undated_share():
    volume = pd.DataFrame(
        {
            "bin": pd.to_datetime(["2022-03-07", "2022-03-07", "2022-03-14"]),
            "source": ["AP", "CNN", "AP"],
            "n_docs": [2, 3, 1],
        }
    )
    text = timeline_prose.describe_volume(volume, dated=0.75, bin="week")
    assert "starts **2022-03-07** with 5 documents, over 2 weeks" in text
    assert "25% of the documents have no date" in text
    assert "No document has a publication date" in timeline_prose.describe_volume(
        volume.iloc[:0], 0.0, "week"
    )


def test_volume_sentence_reads_a_pandas_alias_as_its_word():
    volume = pd.DataFrame(
        {"bin": pd.to_datetime(["2022-03-01"], utc=True), "source": ["AP"], "n_docs": [4]}
    )
    assert timeline_prose.describe_volume(volume, dated=1.0, bin="M") == (
        "Coverage per month: the busiest month starts **2022-03-01** with 4 documents, "
        "over 1 month with coverage."
    )


def test_event_sentence_escapes_markdown():
    events = pd.DataFrame(
        [
            {
                "event_type": "meeting",
                "place": "Kuala_Lumpur*",
                "date": pd.Timestamp("2025-07-10"),
                "participants": ["Marco Rubio", "Sergey Lavrov"],
                "n_docs": 2,
                "n_reports": 3,
                "status": "reported",
            }
        ]
    )
    text = timeline_prose.describe_events(events)
    assert text.startswith("1 event reported, 0 of them planned")
    assert r"**meeting in Kuala\_Lumpur\***" in text and "2 articles, 3 sentences" in text
    assert text.endswith("with Marco Rubio, Sergey Lavrov.")


def test_places_sentence_counts_unresolved_and_ambiguous():
    places = pd.DataFrame(
        {
            "place": ["Kyiv", "Donbas", "Geneva"],
            "n_mentions": [9, 3, 1],
            "lat": [50.4, None, 46.2],
            "ambiguous": [False, False, True],
        }
    )
    text = timeline_prose.describe_places(places)
    assert "Kyiv (9), Donbas (3), Geneva (1)" in text
    assert "1 place could not be located" in text and "1 is ambiguous" in text


def test_actor_sentences():
    actors = pd.DataFrame(
        {
            "actor": ["Ukraine", "Marco Rubio"],
            "actor_type": ["GPE", "PERSON"],
            "n_mentions": [110, 16],
            "n_docs": [5, 3],
        }
    )
    text = actors_prose.describe_actors(actors)
    assert text.startswith("2 actors (1 place or government, 1 person)")
    assert "The most named person is **Marco Rubio** (16 mentions in 3 documents)" in text
    quotes = pd.DataFrame(
        {"speaker": ["A", "A", None], "kind": ["direct", "reported", "interview turn"]}
    )
    assert actors_prose.describe_quotes(quotes) == (
        "3 quotes (1 direct, 1 reported, 1 interview turn). The most quoted speaker is **A**."
    )
    edges = pd.DataFrame(
        {"source": ["Russia"], "target": ["United States"], "count": [49], "n_docs": [5]}
    )
    assert (
        "**Russia** and **United States** (49 times, in 5 documents)"
        in actors_prose.describe_pairs(edges, "count")
    )


def test_actor_kinds_read_as_words_in_the_plural():
    actors = pd.DataFrame(
        {
            "actor": [
                "Ukraine",
                "Russia",
                "Marco Rubio",
                "Sergey Lavrov",
                "NATO",
                "CNN",
                "Reuters",
            ],
            "actor_type": ["GPE", "GPE", "PERSON", "PERSON", "ORG", "MEDIA", "MEDIA"],
            "n_mentions": [9, 8, 7, 6, 5, 4, 3],
            "n_docs": [3, 3, 2, 2, 1, 1, 1],
        }
    )
    text = actors_prose.describe_actors(actors, min_mentions=1)
    assert text.startswith(
        "7 actors (2 places or governments, 2 people, 2 outlets and agencies, 1 organisation)"
    )


def test_a_stray_early_unit_is_not_the_sharpest_topic_peak():
    from workbench.topics import prose as topics_prose

    day = pd.Timestamp("2022-03-07", tz="UTC")
    table = pd.DataFrame(
        {
            "topic": [0, 1, 0, 1, 2],
            "label": [
                "grain, ships",
                "gas, prices",
                "grain, ships",
                "gas, prices",
                "finland, nato",
            ],
            "date": [
                day,
                day,
                day + pd.Timedelta(weeks=1),
                day + pd.Timedelta(weeks=1),
                pd.Timestamp("2013-07-01", tz="UTC"),
            ],
            "documents": [30, 10, 12, 28, 1],
            "share": [0.75, 0.25, 0.3, 0.7, 1.0],
        }
    )
    text = topics_prose.describe_over_time(table)
    assert text.startswith("The sharpest peak: **grain, ships** takes 75% of the units")
    assert "2022-03-07" in text


def test_a_name_seen_three_times_in_a_tiny_topic_is_not_the_strongest_tie():
    from workbench.topics import prose as topics_prose

    by_actor = pd.DataFrame(
        {
            "actor": ["Android", "Olena Petrenko"] + [f"Actor {i}" for i in range(40)],
            "topic": [5, 0] + [1] * 40,
            "label": ["audio, tinge", "grain, ships"] + ["gas, prices"] * 40,
            "mentions": [3, 400] + [250] * 40,
            "lift": [2357.2, 4.1] + [1.0] * 40,
        }
    )
    text = topics_prose.describe_actors(by_actor)
    assert text.startswith("The strongest tie: **Olena Petrenko** is named 4.1 times")
    assert "Android" in topics_prose.describe_actors(by_actor, min_mentions=3)
