import pandas as pd
import pytest

from workbench.core.places import country_centroids, resolve_place
from workbench.timeline.places import antecedent, definite_scene, is_scene, places_table


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


def test_a_building_is_no_city_of_that_other_name():
    # "White House" is an English other name of Casablanca; in the news it is a building
    assert resolve_place("White House").kind == "unresolved"
    assert resolve_place("Casablanca").country == "Morocco"
    assert resolve_place("Kiev").country == "Ukraine"  # other one-word names still count


@pytest.mark.parametrize("name", ["Asia", "Africa", "Europe", "South America"])
def test_a_continent_is_no_town_of_its_name(name):
    # "Asia" (the Philippines) and "Africa" (Tunisia) are towns the news never means
    assert resolve_place(name).kind == "unresolved"


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


def test_the_place_index_is_built_once_and_read_from_the_cache(monkeypatch):
    from workbench import config
    from workbench.core import places

    index = places.place_index()
    assert index.columns.tolist() == places.INDEX_COLUMNS
    kinds = index["kind"].tolist()
    assert kinds == sorted(kinds) and {"country", "city"} == set(kinds)  # cities first
    cities = index[index["kind"] == "city"]["key"].tolist()
    assert cities == sorted(cities)  # looked up by bisection
    assert len(cities) > 100_000
    assert list(config.cache_dir("places").glob("*.parquet"))

    def no_build():
        raise AssertionError("the index was built again")

    monkeypatch.setattr(places, "_build_index", no_build)
    pd.testing.assert_frame_equal(places.place_index(), index)
    places.warm_place_index()  # there already: neither built nor read


@pytest.mark.parametrize(
    ("name", "cities"),
    [("Springfield", 5), ("Kyiv", 1), ("No Such Town", 0)],
)
def test_every_city_of_a_name_is_found(name, cities):
    from workbench.core.places import _cities, _key

    found = _cities(_key(name))
    assert len(found) >= cities if cities else found == []
    assert all(set(c) == {"name", "country", "lat", "lon", "population"} for c in found)


@pytest.mark.parametrize(
    ("text", "word", "definite"),
    [
        ("Attacks on the outskirts of the city went on.", "Attacks", True),
        ("Strikes on the city killed two.", "Strikes", True),
        ("Leaders met in the town on Monday.", "met", True),
        ("Leaders met in the city of Lviv.", "met", False),  # named: no antecedent needed
        ("The strikes went on, and people in the city fled.", "strikes", False),  # another clause
        ("Strikes hit the port as the city mourned.", "Strikes", False),
    ],
)
def test_definite_scene(text, word, definite):
    start = text.index(word)
    assert definite_scene(text, (start, start + len(word)), 90) is definite


@pytest.mark.parametrize(
    ("places", "before", "city"),
    [
        ([(0, "Kharkiv"), (10, "Ukraine")], 100, "Kharkiv"),  # the country passed over
        ([(0, "Kharkiv"), (40, "Odesa")], 100, None),  # two cities together: unsure
        ([(0, "Kharkiv"), (200, "Odesa")], 300, "Odesa"),  # the last one named
        ([(0, "Ukraine")], 100, None),  # no city
        ([(150, "Kharkiv")], 100, None),  # named only after
    ],
)
def test_antecedent(places, before, city):
    assert antecedent(places, before) == city


@pytest.mark.parametrize(
    ("before", "kind", "scene"),
    [
        # where people are is no gathering's place; violence's victims are where it struck
        ("said the visit honoured Ukrainians in the ", {"visit": True}, False),
        ("a treaty on nuclear forces in ", {}, False),
        ("the shelling killed civilians in ", {"violence": True}, True),
        ("Leaders met in ", {}, True),
        # the subject of a passive violence verb, told with where it lies
        ("", {"violence": True, "to_trigger": " in Avalon region was "}, True),
        ("", {"violence": True, "to_trigger": " in the morning was "}, False),
        # a journey's destination hosts the gathering it was for
        ("Ann Lee flew to ", {"to_trigger": " to "}, True),
        ("Ann Lee visits the Avalon-run military base “", {"to_trigger": "” to "}, True),
        ("Ann Lee flew to ", {"to_trigger": " because she wanted to "}, False),
    ],
)
def test_is_scene_of_people_passives_and_journeys(before, kind, scene):
    assert is_scene(before, **kind) is scene


@pytest.mark.parametrize(
    ("text", "definite"),
    [
        ("Strikes hit just outside of the rural village on Monday.", True),
        ("Strikes hit the small town on Monday.", False),  # not a scene: no preposition
        ("Strikes hit in the nearby village on Monday.", False),  # another village
        ("Strikes hit in the same town on Monday.", False),
    ],
)
def test_definite_scene_with_modifiers(text, definite):
    assert definite_scene(text, (8, 11), 90) is definite


@pytest.mark.parametrize(
    ("before", "from_trigger", "scene"),
    [
        # the place violence sets out to take is its target
        ("an offensive to seize the ", " to seize the ", True),
        ("a push to take control of ", " to take control of ", True),
        ("an offensive to retake the city of ", " to retake the city of ", True),
        ("an offensive to help ", " to help ", False),
    ],
)
def test_is_scene_of_what_violence_sets_out_to_take(before, from_trigger, scene):
    assert is_scene(before, violence=True, from_trigger=from_trigger) is scene
