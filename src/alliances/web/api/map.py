"""The map view: layers at a date, the country outlines, and the treaty timeline."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from fastapi import APIRouter, Response

from alliances.io.proposals import CURRENT
from alliances.web.api.common import ArchitectureQuery, DateQuery, json_bytes, json_response
from alliances.web.architectures import parse_day, snapshot, timeline
from alliances.web.map import map_layers, timeline_events
from alliances.web.map.layers import coastlines

__all__ = ["router"]

router = APIRouter(prefix="/api/map", tags=["map"])


@functools.lru_cache(maxsize=512)
def _layers(architecture: str, day: dt.date) -> bytes:
    return json_bytes(map_layers(snapshot(architecture, day)))


@router.get("", summary="Map layers: states, treaty ties, deployments")
def layers(architecture: ArchitectureQuery = CURRENT, date: DateQuery = None) -> Response:
    """States at their capitals, ties by kind and status (in force, suspended, not yet in
    force) with each treaty's key article and source, deployments with command and size."""
    return json_response(_layers(architecture, parse_day(date)))


@functools.cache
def _shapes() -> bytes:
    return json_bytes(coastlines())


@router.get("/shapes", summary="Country outlines (Natural Earth 1:110m, served offline)")
def shapes() -> Response:
    """Outlines of the Indo-Pacific frame as x/y arrays separated by nulls."""
    response = json_response(_shapes())
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


@router.get("/timeline", summary="Treaty signatures, entries into force and ends")
def events(architecture: ArchitectureQuery = CURRENT) -> dict[str, Any]:
    """The range the date slider covers and the events along it, oldest first."""
    world = timeline(architecture)
    return {
        "from": max(world.coverage_from, dt.date(1951, 1, 1)).isoformat(),
        "to": dt.date.today().isoformat(),
        "events": timeline_events(world),
    }
