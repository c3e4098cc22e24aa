"""Build the FastAPI application: routers, error handlers, static files, the database.

Examples
--------
>>> from fastapi.testclient import TestClient
>>> client = TestClient(create_app(Settings(database_url="sqlite://")))
>>> client.get("/api/attack", params={"by": "CHN", "on": "JPN", "at": "Senkaku Islands",
...                                   "date": "2024-10-01"}).json()["states"][2]["state"]
'USA'
>>> client.get("/api/attack", params={"by": "CHN", "on": "JPX"}).json()
{'error': "unknown state 'JPX' (did you mean 'JPN'?)"}
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import alliances
from alliances.web.answers import AnswerCache
from alliances.web.api import (
    align_router,
    compare_router,
    crisis_router,
    map_router,
    proposals_router,
    scenarios_router,
    worlds_router,
)
from alliances.web.api.crisis import ProbabilityProvider
from alliances.web.errors import install_error_handlers
from alliances.web.pages import STATIC_DIR, swagger_ui_dir
from alliances.web.pages import router as pages_router
from alliances.web.settings import Settings
from alliances.web.startup import preload
from alliances.web.store import ScenarioStore

__all__ = ["create_app"]

_SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def create_app(
    settings: Settings | None = None, *, probabilities: ProbabilityProvider | None = None
) -> FastAPI:
    """The web app, its database migrated to the latest schema.

    Parameters
    ----------
    settings
        Database URL and upload limit (default: from the environment, see
        :meth:`Settings.from_env`).
    probabilities
        A Monte Carlo engine for the crisis explorer's probabilities panel;
        without one, ``/api/attack/probabilities`` says it is unavailable.
    """
    settings = settings or Settings.from_env()
    app = FastAPI(
        title="alliances",
        version=alliances.__version__,
        description="Military-alliance commitments, machine-readable: the JSON API behind "
        "the web app. Shapes mirror the command line's `--json` output.",
        docs_url=None,  # served by pages.py with local assets instead of a CDN
        redoc_url=None,
        lifespan=_preloaded,
    )
    # the bundled Swagger UI (4.x) renders OpenAPI 3.0 documents; ours use nothing 3.1-only
    app.openapi_version = "3.0.3"
    app.state.settings = settings
    app.state.store = ScenarioStore.open(settings.database_url)
    app.state.probabilities = probabilities
    install_error_handlers(app)
    for router in (
        worlds_router,
        map_router,
        crisis_router,
        compare_router,
        proposals_router,
        align_router,
        scenarios_router,
        pages_router,
    ):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount("/vendor/swagger-ui", StaticFiles(directory=swagger_ui_dir()), name="swagger-ui")
    app.add_middleware(AnswerCache, paths=("/api/attack", "/api/map"))
    app.add_middleware(_SecurityHeaders)
    return app


@contextlib.asynccontextmanager
async def _preloaded(app: FastAPI) -> AsyncIterator[None]:
    """Load the embedded worlds before the first request (see :mod:`alliances.web.startup`)."""
    preload()
    yield


class _SecurityHeaders:
    """Adds the content-security policy and friends to every page and API answer.

    A plain ASGI middleware: Starlette's ``BaseHTTPMiddleware`` costs a task per request.
    The API docs page (/docs) loads their own inline script, so it gets only
    ``nosniff``.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        strict = not str(scope.get("path", "")).startswith("/docs")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[Any] = list(message.get("headers", []))
                for name, value in _SECURITY_HEADERS.items():
                    if strict or name == "X-Content-Type-Options":
                        headers.append((name.lower().encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
