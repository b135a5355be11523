import json

import pandas as pd
import plotly.graph_objects as go

from workbench.plots import timeline as tp

EVIL = '<img src=x onerror="alert(1)">'


def test_coverage_volume_stacks_top_sources_and_groups_the_rest():
    volume = pd.DataFrame(
        {
            "bin": pd.to_datetime(["2022-03-07"] * 3 + ["2022-03-14"]),
            "source": ["AP", "CNN", EVIL, "AP"],
            "n_docs": [5, 3, 1, 2],
            "n_words": 0,
        }
    )
    fig = tp.coverage_volume(volume, top_sources=2)
    assert isinstance(fig, go.Figure) and fig.layout.barmode == "stack"
    assert [t.name for t in fig.data] == ["AP", "CNN", "other sources"]
    assert list(fig.data[0].y) == [5, 2]
    assert EVIL not in fig.to_json()


def test_empty_tables_give_a_figure_that_says_why():
    for fig in (
        tp.coverage_volume(pd.DataFrame(columns=["bin", "source", "n_docs"])),
        tp.event_timeline(pd.DataFrame(columns=["date"])),
        tp.places_map(pd.DataFrame(columns=["lat", "lon"])),
        tp.actor_mentions_over_time(pd.DataFrame()),
    ):
        assert fig.layout.annotations and fig.layout.annotations[0].text


def test_actor_lines_for_top_n_or_a_chosen_list():
    at = pd.DataFrame(
        {
            "bin": pd.to_datetime(["2022-03-07", "2022-03-07", "2022-03-14"]),
            "actor": ["Putin", "Biden", "Putin"],
            "actor_type": "PERSON",
            "n_mentions": [4, 1, 2],
        }
    )
    assert [t.name for t in tp.actor_mentions_over_time(at, top_n=1).data] == ["Putin"]
    fig = tp.actor_mentions_over_time(at, actors=["Biden", "Macron"])
    assert [t.name for t in fig.data] == ["Biden"] and "Macron" in fig.layout.annotations[0].text


def test_event_timeline_escapes_sentences():
    events = pd.DataFrame(
        [
            {
                "event_type": "meeting",
                "participants": ["A", "B"],
                "place": "Riyadh",
                "date": pd.Timestamp("2025-03-20", tz="UTC"),
                "precision": "day",
                "status": "planned",
                "n_reports": 3,
                "n_docs": 2,
                "sources": ["AP", "CNN"],
                "example": f"They met {EVIL} in Riyadh.",
            }
        ]
    )
    fig = tp.event_timeline(events)
    hover = fig.data[0].text[0]
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in hover and "<img" not in hover
    assert "(planned)" in hover and fig.data[0].marker.size[0] == 24  # the largest event
    assert "<br>A; B<br>" in hover and "articles: AP; CNN<br>" in hover


def test_places_map_is_offline():
    places = pd.DataFrame(
        {
            "place": ["Kyiv", "Paris"],
            "kind": "city",
            "country": ["Ukraine", "France"],
            "lat": [50.45, 48.85],
            "lon": [30.52, 2.35],
            "n_mentions": [10, 2],
            "n_docs": [5, 1],
            "ambiguous": [False, True],
            "alternatives": [[], ["Paris, United States", "Paris, Canada"]],
        }
    )
    fig = tp.places_map(places)
    assert fig.layout.geo.resolution == 110 and len(fig.data[0].lon) == 2
    assert "could also be" not in fig.data[0].text[0]
    assert "could also be: Paris, United States; Paris, Canada" in fig.data[0].text[1]
    script = tp.offline_map_assets()
    assert script.startswith("<script>window.PlotlyGeoAssets") and "world_110m" in script
    payload = script.split("['world_110m'] = ", 1)[1].rsplit(";</script>", 1)[0]
    assert "countries" in json.loads(payload)["objects"]


def test_figures_open_on_where_the_coverage_is():
    bins = pd.to_datetime(["2013-07-29"] + [f"2022-03-{d:02d}" for d in range(1, 29)])
    volume = pd.DataFrame({"bin": bins, "source": "AP", "n_docs": [1] + [50] * 28, "n_words": 0})
    fig = tp.coverage_volume(volume)
    lo, hi = fig.layout.xaxis.range
    assert pd.Timestamp(lo) > pd.Timestamp("2022-01-01") and pd.Timestamp(hi) < pd.Timestamp(
        "2022-04-15"
    )
    assert "double-click to see all" in fig.layout.annotations[0].text
    assert tp.focus_range(bins[1:]) is None  # nothing to cut: the full span shows
