import pandas as pd
import pytest

from workbench.core.places import country_centroids, resolve_place
from workbench.timeline.places import places_table


@pytest.mark.parametrize(
    ("name", "kind", "country", "lat", "lon"),
    [
        ("Ukraine", "country", "Ukraine", 49.0, 31.4),
        ("Russia", "country", "Russia", 61.7, 99.8),  # its outline crosses the antimeridian
        ("the United Kingdom", "country", "United Kingdom", 53.9, -2.5),
        ("Kyiv", "city", "Ukraine", 50.45, 30.52),
        ("Riyadh", "city", "Saudi Arabia", 24.69, 46.72),
        ("Kuala Lumpur", "city", "Malaysia", 3.14, 101.69),
    ],
)
def test_resolve_place(name, kind, country, lat, lon):
    p = resolve_place(name)
    assert (p.kind, p.country) == (kind, country)
    assert p.lat == pytest.approx(lat, abs=0.1) and p.lon == pytest.approx(lon, abs=0.1)


def test_ambiguous_names_are_reported_not_hidden():
    paris = resolve_place("Paris")
    assert paris.country == "France" and "Paris, United States" in paris.alternatives
    assert not paris.ambiguous  # Paris, Texas is far smaller
    geneva = resolve_place("Geneva")
    assert geneva.country == "Switzerland" and geneva.ambiguous


def test_unknown_place_keeps_its_name_without_coordinates():
    p = resolve_place("Donbas")
    assert (p.kind, p.lat, p.lon) == ("unresolved", None, None)


def test_centroids_cover_the_world():
    c = country_centroids()
    assert len(c) > 150
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in c.values())


def test_places_table_counts_and_resolves_once():
    mentions = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "b"],
            "surface": ["Kiev", "Kyiv", "Kyiv", "Riyadh"],
            "place": ["Kyiv", "Kyiv", "Kyiv", "Riyadh"],
        }
    )
    t = places_table(mentions)
    assert t["place"].tolist() == ["Kyiv", "Riyadh"]
    assert t.loc[0, ["n_mentions", "n_docs"]].tolist() == [3, 2]
    assert t.loc[0, "surfaces"] == ["Kyiv", "Kiev"]
    assert t.loc[0, "alternatives"] == []
    assert places_table(mentions.iloc[:0]).empty
