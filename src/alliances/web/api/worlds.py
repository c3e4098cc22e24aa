"""What there is to choose from: architectures, and ``alliances list`` for each."""

from __future__ import annotations

import functools
from typing import Annotated, Any

from fastapi import APIRouter, Path

from alliances.errors import UnknownEntityError
from alliances.io.listing import LISTABLE, listing
from alliances.io.proposals import CURRENT, load_proposal
from alliances.web.api.common import ArchitectureQuery, DateQuery
from alliances.web.architectures import architecture_names, timeline

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["worlds"])


@functools.cache
def _architectures() -> tuple[dict[str, Any], ...]:
    rows: list[dict[str, Any]] = [
        {
            "id": CURRENT,
            "name": "Current order (embedded world)",
            "description": timeline(CURRENT).description,
            "effective": None,
        }
    ]
    for name in architecture_names():
        if name != CURRENT:
            proposal = load_proposal(name)
            rows.append(
                {
                    "id": name,
                    "name": proposal.name,
                    "description": proposal.description,
                    "effective": proposal.effective.isoformat(),
                }
            )
    return tuple(rows)


@router.get("/architectures", summary="Architectures: the current order and shipped proposals")
def architectures() -> list[dict[str, Any]]:
    """``current`` and every embedded proposal, with name, description and effective date."""
    return list(_architectures())


@router.get("/list/{kind}", summary="States, places, treaties in force, or crises")
def list_entities(
    kind: Annotated[str, Path(max_length=16, description="states, places, treaties or crises")],
    architecture: ArchitectureQuery = CURRENT,
    date: DateQuery = None,
) -> list[dict[str, Any]]:
    """The rows of ``alliances list KIND --json`` for an architecture at a date."""
    if kind not in LISTABLE:
        raise UnknownEntityError("list", kind, LISTABLE)
    return listing(timeline(architecture), kind, date)
