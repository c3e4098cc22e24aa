"""Tests for the vendored world-atlas decoder (alliances.report.geo)."""

from __future__ import annotations

import hashlib
import itertools
import json
from importlib import resources

from alliances.report.geo import (
    INDO_PACIFIC_BBOX,
    Country,
    countries_in,
    load_countries,
    unwrap,
)

COUNTRIES_110M_SHA256 = "2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8"


def _by_id(country_id: str) -> Country:
    return next(c for c in load_countries() if c.id == country_id)


def _vendored_bytes() -> bytes:
    files = resources.files("alliances.report.vendor").joinpath("world-atlas")
    return files.joinpath("countries-110m.json").read_bytes()


def test_vendored_file_is_unchanged() -> None:
    assert hashlib.sha256(_vendored_bytes()).hexdigest() == COUNTRIES_110M_SHA256


def test_licence_is_vendored() -> None:
    files = resources.files("alliances.report.vendor").joinpath("world-atlas")
    assert "Michael Bostock" in files.joinpath("LICENSE").read_text(encoding="utf-8")


def test_decodes_more_than_170_countries() -> None:
    countries = load_countries()
    assert len(countries) > 170
    geometries = json.loads(_vendored_bytes())["objects"]["countries"]["geometries"]
    assert len(countries) == len(geometries)


def test_ids_are_iso_numeric_strings() -> None:
    coded = [c.id for c in load_countries() if c.id]
    assert all(len(code) == 3 and code.isdigit() for code in coded)
    assert len(coded) == len(set(coded))
    # Only the three disputed territories carry no code in world-atlas 2.0.2.
    assert sorted(c.name for c in load_countries() if not c.id) == [
        "Kosovo",
        "N. Cyprus",
        "Somaliland",
    ]


def test_japan_covers_the_tokyo_band() -> None:
    japan = _by_id("392")
    assert japan.name == "Japan"
    assert any(
        min(lon for lon, _ in ring) <= 141.0
        and max(lon for lon, _ in ring) >= 139.0
        and min(lat for _, lat in ring) <= 37.0
        and max(lat for _, lat in ring) >= 35.0
        for ring in japan.rings
    )


def test_every_ring_is_closed() -> None:
    for country in load_countries():
        assert country.rings, country.name
        for ring in country.rings:
            assert len(ring) >= 4, country.name
            assert ring[0] == ring[-1], country.name


def test_coordinates_are_in_range() -> None:
    for country in load_countries():
        lon_min, lat_min, lon_max, lat_max = country.bbox()
        assert -180.0 - 1e-9 <= lon_min <= lon_max <= 180.0 + 1e-9, country.name
        assert -90.0 <= lat_min <= lat_max <= 90.0, country.name


def test_countries_in_indo_pacific() -> None:
    ids = {c.id for c in countries_in(INDO_PACIFIC_BBOX)}
    assert {"392", "608", "036", "156"} <= ids
    assert "076" not in ids


def test_countries_in_matches_past_180() -> None:
    # Only Alaska-ish longitudes (-170..-160 = 190..200 E) and high latitudes.
    ids = {c.id for c in countries_in((190.0, 55.0, 200.0, 70.0))}
    assert "840" in ids
    assert "392" not in ids


def test_decode_is_deterministic() -> None:
    first = load_countries()
    load_countries.cache_clear()
    second = load_countries()
    assert first is not second
    assert first == second


def _max_lon_jump(ring: tuple[tuple[float, float], ...]) -> float:
    return max(abs(b[0] - a[0]) for a, b in itertools.pairwise(ring))


def test_some_rings_jump_across_the_antimeridian() -> None:
    # world-atlas 2.x rings run along +-180 for Russia and Fiji: a 360-degree jump.
    for country_id in ("643", "242"):
        assert any(_max_lon_jump(r) > 180.0 for r in _by_id(country_id).rings)


def test_unwrap_makes_pacific_rings_continuous() -> None:
    for country_id in ("643", "242", "840"):  # Russia, Fiji, USA
        country = _by_id(country_id)
        for ring in country.rings:
            assert _max_lon_jump(unwrap(ring)) < 20.0, country.name


def test_unwrap_moves_whole_rings_only() -> None:
    uk = _by_id("826")
    for ring in uk.rings:
        unwrapped = unwrap(ring)
        shifted = {round(b[0] - a[0], 9) for a, b in zip(ring, unwrapped, strict=True)}
        assert shifted in ({0.0}, {360.0})


def test_unwrap_keeps_eastern_rings() -> None:
    japan = _by_id("392")
    assert all(unwrap(ring) == ring for ring in japan.rings)
