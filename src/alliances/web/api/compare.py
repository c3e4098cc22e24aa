"""Architectures side by side: ``alliances compare --json`` and ``alliances diff --json``."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Annotated

from fastapi import APIRouter, Query, Response

from alliances.errors import AlliancesError
from alliances.io.proposals import CURRENT, comparison_date
from alliances.metrics import compare as run_compare
from alliances.metrics.comparison import diff_dict
from alliances.model.diff import world_diff
from alliances.web.api.common import ArchitectureQuery, DateQuery, json_bytes, json_response
from alliances.web.architectures import timeline

__all__ = ["default_day", "router"]

router = APIRouter(prefix="/api", tags=["compare"])

MAX_ARCHITECTURES = 8


def default_day(names: tuple[str, ...], date: str | None) -> dt.date:
    """The date to compare at, as the CLI picks it (:func:`comparison_date`); the names
    are checked against the embedded architectures first, so none reaches the file system."""
    for name in names:
        timeline(name)
    return comparison_date(names, date)


@functools.lru_cache(maxsize=64)
def _compare_json(names: tuple[str, ...], day: dt.date) -> bytes:
    return json_bytes(run_compare([timeline(n) for n in names], day).to_dict())


@router.get("/compare", summary="Metrics, scorecards and changes of architectures (compare --json)")
def compare(
    architectures: Annotated[
        list[str],
        Query(description="'current' and/or embedded proposal ids; the first is the base."),
    ],
    date: DateQuery = None,
) -> Response:
    """Every metric side by side with deltas against the first, per-state scorecards, diffs."""
    names = tuple(architectures)
    if not 1 <= len(names) <= MAX_ARCHITECTURES:
        raise AlliancesError(f"compare 1 to {MAX_ARCHITECTURES} architectures, not {len(names)}")
    return json_response(_compare_json(names, default_day(names, date)))


@router.get("/diff", summary="What a proposal changes relative to a base (diff --json)")
def diff(
    proposal: ArchitectureQuery,
    base: ArchitectureQuery = CURRENT,
    date: DateQuery = None,
) -> Response:
    """Pledges and deployments added, removed and changed."""
    day = default_day((base, proposal), date)
    return json_response(json_bytes(diff_dict(world_diff(timeline(base), timeline(proposal), day))))
