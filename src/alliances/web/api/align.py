"""Alignment: ``alliances align --json`` for an architecture at a date."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Annotated

from fastapi import APIRouter, Query, Response

from alliances.alignment import align as run_align
from alliances.alignment import landscape_of
from alliances.io.proposals import CURRENT
from alliances.web.api.common import ArchitectureQuery, DateQuery, json_bytes, json_response
from alliances.web.architectures import parse_day, snapshot

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["alignment"])


@functools.lru_cache(maxsize=64)
def _align_json(architecture: str, day: dt.date, k: int, seed: int) -> bytes:
    problem, left_out = landscape_of(snapshot(architecture, day))
    result = run_align(problem, k=k, seed=seed)
    return json_bytes({**result.to_dict(), "left_out": list(left_out)})


@router.get("/align", summary="Predicted coalitions and the landscape's minima (align --json)")
def align(
    architecture: ArchitectureQuery = CURRENT,
    date: DateQuery = None,
    k: Annotated[int, Query(ge=2, le=8, description="Number of coalitions.")] = 2,
    seed: Annotated[int, Query(ge=0, le=2**31 - 1, description="Seed of the heuristic.")] = 0,
) -> Response:
    """The lowest-energy partition (proved optimal for two coalitions), the solver's account,
    every local minimum with its basin, and the states left out for want of a size."""
    return json_response(_align_json(architecture, parse_day(date), k, seed))
