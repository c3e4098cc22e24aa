"""The proposal editor: start documents, editor choices, check, compare, map, YAML download.

Bodies are proposal documents as YAML or JSON text (JSON is YAML), read with
a size limit and checked by :func:`alliances.web.proposals.parse_document`
with the same located problems as ``alliances check``.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response
from starlette.concurrency import run_in_threadpool

from alliances.io import DEFAULT_WORLD, load_world
from alliances.io.proposals import CURRENT
from alliances.metrics import compare as run_compare
from alliances.model import Command, ObligationKind, Strength
from alliances.web.api.common import DateQuery, json_bytes, json_response, read_text
from alliances.web.architectures import parse_day, snapshot
from alliances.web.map import map_layers
from alliances.web.proposals import (
    ProposalDocument,
    embedded_document,
    parse_document,
    to_yaml,
)

__all__ = ["router"]

router = APIRouter(prefix="/api/proposals", tags=["proposals"])

_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/yaml": {"schema": {"type": "string"}},
            "application/json": {"schema": {"type": "object"}},
        },
        "description": "A proposal document (YAML, or the same as JSON); at most 256 KiB "
        "unless the server sets ALLIANCES_MAX_UPLOAD_BYTES.",
    }
}


async def _document(request: Request) -> ProposalDocument:
    text = await read_text(request, request.app.state.settings.max_upload_bytes)
    return await run_in_threadpool(parse_document, text)


@router.get("/options", summary="What the editor can change in the base world")
def options(date: DateQuery = None) -> dict[str, Any]:
    """States, treaties (members, obligations) and deployments of the base world."""
    return _options(parse_day(date).isoformat())


@functools.lru_cache(maxsize=64)
def _options(day: str) -> dict[str, Any]:
    world = load_world(DEFAULT_WORLD)
    now = snapshot(CURRENT, day)
    return {
        "states": [{"id": s.id, "name": s.name} for s in now.existing_states()],
        "treaties": [
            {
                "id": t.id,
                "name": t.label,
                "in_force": t.in_force_on(now.day),
                "members": sorted({m.state for m in t.members}),
                "obligations": [
                    {
                        "id": o.id,
                        "kind": o.kind.value,
                        "owed_by": list(o.owed_by),
                        "owed_to": list(o.owed_to),
                        "article": o.article.ref,
                    }
                    for o in t.obligations
                ],
            }
            for t in world.treaties
        ],
        "deployments": [
            {
                "id": d.id,
                "guest": d.guest,
                "host": d.host,
                "personnel": d.personnel,
                "command": d.command.value,
            }
            for d in now.deployments_in_force()
        ],
        "kinds": [kind.value for kind in ObligationKind],
        "strengths": [strength.value for strength in Strength],
        "commands": [command.value for command in Command],
    }


@router.get("/{name}/document", summary="A starting document: 'current' (blank) or a shipped one")
def document(
    name: Annotated[str, Path(max_length=64, description="'current' or an embedded proposal id")],
) -> dict[str, Any]:
    """The proposal's data (for the editor) and its YAML text."""
    data = embedded_document(name)
    return {"document": data, "yaml": to_yaml(data)}


@router.post("/check", summary="Validate a proposal (as alliances check does)", openapi_extra=_BODY)
async def check(request: Request) -> dict[str, Any]:
    """``ok`` with the proposal's summary and data, or 422 with every located problem."""
    doc = await _document(request)
    return {"ok": True, "proposal": doc.summary(), "document": doc.data, "yaml": to_yaml(doc.data)}


@router.post(
    "/compare",
    summary="The proposal against the current world (compare --json)",
    openapi_extra=_BODY,
)
async def compare(request: Request, date: DateQuery = None) -> Response:
    """Metrics, scorecards and changes of ``current`` and the proposal, at ``date`` or the
    proposal's effective date."""
    doc = await _document(request)
    day = parse_day(date) if date else doc.proposal.effective
    result = await run_in_threadpool(
        lambda: run_compare([load_world(doc.proposal.base), doc.world()], day).to_dict()
    )
    return json_response(json_bytes(result))


@router.post("/map", summary="Map layers of the proposal's world", openapi_extra=_BODY)
async def proposal_map(request: Request, date: DateQuery = None) -> Response:
    """The same layers as /api/map, for the world the proposal describes."""
    doc = await _document(request)
    day = parse_day(date) if date else doc.proposal.effective
    layers = await run_in_threadpool(lambda: map_layers(doc.world().at(day)))
    return json_response(json_bytes(layers))


@router.post("/yaml", summary="The proposal as a YAML file to download", openapi_extra=_BODY)
async def download(request: Request) -> Response:
    """The validated proposal as ``<id>.yaml`` (an attachment)."""
    doc = await _document(request)
    return Response(
        content=to_yaml(doc.data),
        media_type="application/yaml",
        headers={"Content-Disposition": f'attachment; filename="{doc.proposal.id}.yaml"'},
    )
