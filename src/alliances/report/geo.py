"""Country outlines for offline maps, decoded from the vendored world-atlas TopoJSON.

The shapes are Natural Earth 1:110m Admin 0 countries (public domain), as packaged
by the npm package ``world-atlas`` 2.0.2 (ISC licence); see
``alliances/report/vendor/world-atlas/README.md``. Decoding is pure Python: no
network, no CDN, no third-party dependency.

Examples
--------
>>> japan = next(c for c in load_countries() if c.id == "392")
>>> japan.name
'Japan'
>>> lon_min, lat_min, lon_max, lat_max = japan.bbox()
>>> lon_min < 140.0 < lon_max and lat_min < 36.0 < lat_max
True
>>> "392" in {c.id for c in countries_in(INDO_PACIFIC_BBOX)}
True
"""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

__all__ = [
    "INDO_PACIFIC_BBOX",
    "BBox",
    "Country",
    "Point",
    "Ring",
    "countries_in",
    "load_countries",
    "unwrap",
]

Point = tuple[float, float]
"""A ``(longitude, latitude)`` pair in degrees."""

Ring = tuple[Point, ...]
"""A closed ring: the first point equals the last."""

BBox = tuple[float, float, float, float]
"""``(lon_min, lat_min, lon_max, lat_max)`` in degrees."""

INDO_PACIFIC_BBOX: BBox = (60.0, -50.0, 200.0, 60.0)
"""The Indo-Pacific view: 60°E eastward across the antimeridian to 160°W (= 200°E)."""

_VENDOR_PACKAGE = "alliances.report.vendor"
_VENDOR_DIR = "world-atlas"
_VENDOR_FILE = "countries-110m.json"


@dataclass(frozen=True, slots=True)
class Country:
    """One country outline.

    Parameters
    ----------
    id
        ISO 3166-1 numeric code exactly as in the file (zero-padded string, e.g.
        ``"036"`` for Australia). Three disputed territories in the file carry no
        code (N. Cyprus, Somaliland, Kosovo); their ``id`` is ``""``.
    name
        Short English name from the file (e.g. ``"United States of America"``).
    rings
        Every ring of every polygon, outer and inner alike, flattened into one
        tuple. Each ring is closed (first point == last point) and uses longitudes
        in ``[-180, 180]`` as stored; see :func:`unwrap` for Pacific views.

    Examples
    --------
    >>> square = Country("000", "Square", (((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)),))
    >>> square.bbox()
    (0.0, 0.0, 1.0, 1.0)
    """

    id: str
    name: str
    rings: tuple[Ring, ...]

    def bbox(self) -> BBox:
        """Return ``(lon_min, lat_min, lon_max, lat_max)`` over all rings, as stored."""
        lons = [lon for ring in self.rings for lon, _ in ring]
        lats = [lat for ring in self.rings for _, lat in ring]
        return (min(lons), min(lats), max(lons), max(lats))


def _decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Turn quantized, delta-encoded arcs into absolute ``(lon, lat)`` point lists."""
    (scale_x, scale_y) = topology["transform"]["scale"]
    (translate_x, translate_y) = topology["transform"]["translate"]
    decoded: list[list[Point]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: list[Point] = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        decoded.append(points)
    return decoded


def _ring(arc_indices: Sequence[int], arcs: Sequence[Sequence[Point]]) -> Ring:
    """Stitch arcs into one ring; a negative index ``~i`` means arc ``i`` reversed.

    Consecutive arcs share their joining point, so it is kept only once.
    """
    points: list[Point] = []
    for index in arc_indices:
        arc = list(reversed(arcs[~index])) if index < 0 else list(arcs[index])
        points.extend(arc[1:] if points else arc)
    return tuple(points)


def _polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    kind = geometry.get("type")
    if kind == "Polygon":
        return [geometry["arcs"]]
    if kind == "MultiPolygon":
        return list(geometry["arcs"])
    return []


@functools.lru_cache(maxsize=1)
def load_countries() -> tuple[Country, ...]:
    """Decode every country in the vendored ``countries-110m.json``, in file order.

    Returns
    -------
    tuple of Country
        177 countries for world-atlas 2.0.2; the result is cached.

    Examples
    --------
    >>> countries = load_countries()
    >>> len(countries) > 170
    True
    >>> countries is load_countries()
    True
    """
    source = resources.files(_VENDOR_PACKAGE).joinpath(_VENDOR_DIR, _VENDOR_FILE)
    topology: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    countries: list[Country] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        rings = tuple(_ring(ring, arcs) for polygon in _polygons(geometry) for ring in polygon)
        if not rings:
            continue
        name = str((geometry.get("properties") or {}).get("name", ""))
        countries.append(Country(id=str(geometry.get("id", "")), name=name, rings=rings))
    return tuple(countries)


def _inside(point: Point, bbox: BBox) -> bool:
    lon, lat = point
    lon_min, lat_min, lon_max, lat_max = bbox
    if not lat_min <= lat <= lat_max:
        return False
    return any(lon_min <= candidate <= lon_max for candidate in (lon - 360.0, lon, lon + 360.0))


def countries_in(bbox: BBox) -> tuple[Country, ...]:
    """Return the countries with at least one ring point inside ``bbox`` (no clipping).

    Parameters
    ----------
    bbox
        ``(lon_min, lat_min, lon_max, lat_max)`` in degrees. Longitudes may run
        past 180 (e.g. ``200.0`` for 160°W): a point matches if its longitude,
        or that longitude ±360, falls within ``[lon_min, lon_max]``.

    Returns
    -------
    tuple of Country
        In file order.

    Examples
    --------
    >>> ids = {c.id for c in countries_in(INDO_PACIFIC_BBOX)}
    >>> "036" in ids, "076" in ids
    (True, False)
    """
    return tuple(
        country
        for country in load_countries()
        if any(_inside(point, bbox) for ring in country.rings for point in ring)
    )


def _crosses_antimeridian(points: Sequence[Point]) -> bool:
    """True if two consecutive points are more than 180° of longitude apart."""
    return any(abs(b[0] - a[0]) > 180.0 for a, b in itertools.pairwise(points))


def unwrap(ring: Sequence[Point], min_lon: float = 0.0) -> Ring:
    """Make a ring continuous in a view that runs east past 180° (e.g. 60..200°E).

    Longitudes in the file lie in ``[-180, 180]``. Most rings stay on one side
    of the antimeridian (Alaska and its islands lie between -180 and -130), but
    a few run *along* it and jump by 360° between consecutive points (Russia's
    mainland and Wrangel Island, one Fiji island, Antarctica). The rule, applied
    per ring:

    1. if the ring crosses the antimeridian (two consecutive points more than
       180° of longitude apart), add 360 to every longitude below ``min_lon``;
    2. else, if **every** longitude is below ``min_lon``, add 360 to all of them;
    3. else return the ring unchanged.

    Ordinary rings are only ever moved whole, so none is torn apart. With the
    default ``min_lon=0.0`` every ring that touches the 60..200°E view becomes
    continuous. Antarctica circles the pole and cannot be made continuous by
    any shift; it lies outside :data:`INDO_PACIFIC_BBOX` anyway.

    Parameters
    ----------
    ring
        ``(lon, lat)`` points.
    min_lon
        The western edge below which longitudes are moved east by 360°.

    Returns
    -------
    Ring
        The shifted or unchanged ring, as a tuple of float pairs.

    Examples
    --------
    >>> unwrap([(-179.0, 65.0), (-170.0, 66.0), (-179.0, 65.0)])
    ((181.0, 65.0), (190.0, 66.0), (181.0, 65.0))
    >>> unwrap([(179.0, -16.0), (-180.0, -16.0), (-179.5, -17.0), (180.0, -17.0), (179.0, -16.0)])
    ((179.0, -16.0), (180.0, -16.0), (180.5, -17.0), (180.0, -17.0), (179.0, -16.0))
    >>> unwrap([(-5.0, 50.0), (2.0, 51.0), (-5.0, 50.0)])
    ((-5.0, 50.0), (2.0, 51.0), (-5.0, 50.0))
    """
    points = tuple((float(lon), float(lat)) for lon, lat in ring)
    if _crosses_antimeridian(points) or all(lon < min_lon for lon, _ in points):
        return tuple((lon + 360.0 if lon < min_lon else lon, lat) for lon, lat in points)
    return points
