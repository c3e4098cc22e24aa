"""The HTML shell, our own JS/CSS, and plotly.js from the installed ``plotly`` package.

Everything a page needs is served from here: no CDN, no web fonts.
"""

from __future__ import annotations

import functools
from html import escape
from importlib import resources
from pathlib import Path

from fastapi import APIRouter, Request, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

from alliances.web.store import ScenarioStore, UnknownScenarioError

__all__ = ["STATIC_DIR", "plotly_js_path", "router", "swagger_ui_dir"]

STATIC_DIR = Path(str(resources.files("alliances.web") / "static"))

router = APIRouter(include_in_schema=False)


@functools.cache
def plotly_js_path() -> Path:
    """The minified plotly.js bundled in the ``plotly`` Python package."""
    return Path(str(resources.files("plotly") / "package_data" / "plotly.min.js"))


@functools.cache
def _index() -> str:
    return (STATIC_DIR / "index.html").read_text(encoding="utf-8")


@router.get("/", response_class=HTMLResponse)
def index() -> HTMLResponse:
    """The single page: map, crisis explorer, proposal editor, alignment."""
    return HTMLResponse(_index())


@router.get("/s/{scenario_id}", response_class=HTMLResponse)
def shared(request: Request, scenario_id: str) -> HTMLResponse:
    """A share link: the page, which opens the saved scenario in the editor; 404 if unknown."""
    store: ScenarioStore = request.app.state.store
    try:
        store.load(scenario_id)
    except UnknownScenarioError as error:
        return HTMLResponse(_not_found(str(error)), status_code=404)
    return HTMLResponse(_index())


def _not_found(message: str) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Scenario not found · alliances</title>"
        "<link rel='stylesheet' href='/static/app.css'></head><body><main class='notice'>"
        f"<h1>Scenario not found</h1><p>{escape(message)}</p>"
        "<p><a href='/'>Open the app</a></p></main></body></html>"
    )


@router.get("/vendor/plotly.min.js")
def plotly_js() -> Response:
    """plotly.js, from the installed plotly package (cached by the browser for a day)."""
    return FileResponse(
        plotly_js_path(),
        media_type="text/javascript",
        headers={"Cache-Control": "public, max-age=86400"},
    )


def swagger_ui_dir() -> Path:
    """Swagger UI's files, from the ``swagger-ui-bundle`` package (no CDN)."""
    import swagger_ui_bundle  # type: ignore[import-untyped]

    return Path(swagger_ui_bundle.swagger_ui_path)


@router.get("/docs", response_class=HTMLResponse)
def api_docs() -> HTMLResponse:
    """Interactive OpenAPI documentation of the JSON API."""
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="alliances API",
        swagger_js_url="/vendor/swagger-ui/swagger-ui-bundle.js",
        swagger_css_url="/vendor/swagger-ui/swagger-ui.css",
        swagger_favicon_url="/vendor/swagger-ui/favicon-32x32.png",
    )
