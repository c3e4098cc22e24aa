"""Saved scenarios: save a proposal, get a link, open it again."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from alliances.web.api.common import read_text
from alliances.web.proposals import parse_document, to_yaml
from alliances.web.store import ScenarioStore

__all__ = ["router"]

router = APIRouter(prefix="/api/scenarios", tags=["scenarios"])

ScenarioId = Annotated[str, Path(max_length=64, description="The id from the share link.")]


def _store(request: Request) -> ScenarioStore:
    store: ScenarioStore = request.app.state.store
    return store


@router.post(
    "",
    status_code=201,
    summary="Save a proposal; returns its id and share link",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/yaml": {"schema": {"type": "string"}}},
        }
    },
)
async def save(request: Request) -> JSONResponse:
    """Validate the proposal (422 with located problems if invalid), store it, return the link."""
    text = await read_text(request, request.app.state.settings.max_upload_bytes)
    doc = await run_in_threadpool(parse_document, text)
    saved = await run_in_threadpool(_store(request).save, doc.proposal.name, to_yaml(doc.data))
    return JSONResponse(
        {
            "id": saved.id,
            "name": saved.name,
            "url": f"/s/{saved.id}",
            "created": saved.created.isoformat(),
        },
        status_code=201,
    )


@router.get("/{scenario_id}", summary="A saved scenario")
def load(request: Request, scenario_id: ScenarioId) -> dict[str, Any]:
    """The saved proposal's YAML, its data and summary; 404 for an unknown id."""
    saved = _store(request).load(scenario_id)
    doc = parse_document(saved.yaml, f"{saved.id}.yaml")
    return {
        "id": saved.id,
        "name": saved.name,
        "created": saved.created.isoformat(),
        "yaml": saved.yaml,
        "document": doc.data,
        "proposal": doc.summary(),
    }
