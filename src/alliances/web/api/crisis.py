"""The crisis explorer: ``alliances attack --json`` and ``alliances crises --json`` over HTTP.

Reports are pure functions of their query, so each answer is encoded once
and kept (``_attack_json``); the engines' own caches key on the snapshot,
which :func:`alliances.web.architectures.snapshot` keeps stable.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from alliances.io.proposals import CURRENT
from alliances.model import World
from alliances.obligations import Attack, CascadeRules, crisis_rows, resolve_attack
from alliances.obligations import attack as run_attack
from alliances.web.api.common import ArchitectureQuery, DateQuery, json_bytes, json_response
from alliances.web.architectures import parse_day, snapshot, timeline

__all__ = ["ProbabilityProvider", "router"]

router = APIRouter(prefix="/api", tags=["crisis"])

ProbabilityProvider = Callable[[World, Attack, CascadeRules], dict[str, Any]]
"""What the Monte Carlo engine plugs in: (snapshot, attack, rules) -> JSON-ready result."""

StateQuery = Annotated[str, Query(min_length=1, max_length=64)]
PlaceQuery = Annotated[
    str | None, Query(max_length=80, description="Place (default: the target's home).")
]


@functools.lru_cache(maxsize=2048)
def _attack_json(
    *,
    architecture: str,
    by: str,
    on: str,
    at: str | None,
    day: dt.date,
    cascade: bool,
    counterattack: bool,
) -> bytes:
    rules = CascadeRules(counterattack_is_armed_attack=counterattack)
    report = run_attack(
        snapshot(architecture, day), by=by, on=on, at=at, date=day, cascade=cascade, rules=rules
    )
    return json_bytes(report.to_dict())


@router.get("/attack", summary="Who is obliged to do what if BY attacks ON (attack --json)")
async def attack(
    *,
    by: StateQuery,
    on: StateQuery,
    at: PlaceQuery = None,
    date: DateQuery = None,
    cascade: bool = True,
    counterattack: Annotated[
        bool, Query(description="Entrapment reading: strikes on the aggressor's side trigger.")
    ] = False,
    architecture: ArchitectureQuery = CURRENT,
) -> Response:
    """The obligation report of ``alliances attack --json``: obligations with their
    conditions met and failed, each state's verdict, the cascade and the coalitions.

    Unlike the command, which follows the cascade only with ``--cascade``, the
    explorer follows it by default (``cascade=false`` for the first strike only)."""
    day = parse_day(date)
    # computed on the event loop (a worker thread measured worse): a new answer takes about
    # 1 ms, the first on a new date or architecture 6-20 ms; repeats are served before
    # routing by alliances.web.answers.AnswerCache, or by _attack_json's cache
    report = _attack_json(
        architecture=architecture,
        by=by,
        on=on,
        at=at or None,
        day=day,
        cascade=cascade,
        counterattack=counterattack,
    )
    return json_response(report)


@functools.lru_cache(maxsize=32)
def _crises_json(architecture: str) -> bytes:
    return json_bytes(crisis_rows(timeline(architecture)))


@router.get("/crises", summary="The shipped flagship crises, with cascade (crises --json)")
def crises(architecture: ArchitectureQuery = CURRENT) -> Response:
    """Every flagship crisis of the world with its full report, as ``alliances crises --json``."""
    return json_response(_crises_json(architecture))


@router.get("/attack/probabilities", summary="Probabilities of the cascade (Monte Carlo hook)")
def probabilities(
    request: Request,
    *,
    by: StateQuery,
    on: StateQuery,
    at: PlaceQuery = None,
    date: DateQuery = None,
    counterattack: bool = False,
    architecture: ArchitectureQuery = CURRENT,
) -> dict[str, Any]:
    """``{"available": false, "reason": ...}`` until a simulation engine is plugged in with
    ``create_app(probabilities=...)``; then that engine's result under ``"result"``."""
    provider: ProbabilityProvider | None = request.app.state.probabilities
    if provider is None:
        return {
            "available": False,
            "reason": "no simulation engine is installed in this version of alliances",
        }
    world = snapshot(architecture, parse_day(date))
    attack_ = resolve_attack(world, by=by, on=on, at=at or None, date=world.day)
    rules = CascadeRules(counterattack_is_armed_attack=counterattack)
    return {"available": True, "result": provider(world, attack_, rules)}
