"""Every error a request can meet becomes a short JSON message and a 4xx status.

``AlliancesError`` subclasses map to statuses in one place; request
validation errors are flattened into one readable line; anything unexpected
is logged and answered with a generic message, never a stack trace.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from alliances.errors import (
    AlliancesError,
    Problem,
    ScenarioError,
    UnknownEntityError,
)
from alliances.web.limits import TooLargeError

__all__ = ["install_error_handlers", "problem_dict", "status_of"]

_log = logging.getLogger("alliances.web")


def status_of(error: AlliancesError) -> int:
    """The HTTP status of one of our errors.

    Examples
    --------
    >>> status_of(UnknownEntityError("state", "JPX", ["JPN"]))
    404
    """
    if isinstance(error, UnknownEntityError):
        return 404
    if isinstance(error, TooLargeError):
        return 413
    if isinstance(error, ScenarioError):
        return 422
    return 400  # anything else the user got wrong, e.g. a date outside the data


def problem_dict(problem: Problem) -> dict[str, Any]:
    """A located problem as JSON, with its one-line text as ``alliances check`` prints it."""
    return {
        "text": str(problem),
        "message": problem.message,
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "entity": problem.entity,
        "hint": problem.hint,
    }


def _body(error: AlliancesError) -> dict[str, Any]:
    if isinstance(error, ScenarioError):
        count = len(error.problems)
        return {
            "error": f"{count} problem{'s' if count != 1 else ''} found; nothing loaded",
            "problems": [problem_dict(p) for p in error.problems],
        }
    return {"error": str(error)}


async def _on_alliances_error(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, AlliancesError)
    return JSONResponse(_body(error), status_code=status_of(error))


async def _on_validation_error(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    parts = [
        f"{'.'.join(str(p) for p in e.get('loc', ()) if p not in ('query', 'path', 'body'))}: "
        f"{e.get('msg', 'invalid')}"
        for e in error.errors()
    ]
    return JSONResponse({"error": "; ".join(parts) or "invalid request"}, status_code=422)


async def _on_http_error(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    return JSONResponse(
        {"error": str(error.detail)}, status_code=error.status_code, headers=error.headers
    )


async def _on_anything(request: Request, error: Exception) -> JSONResponse:
    _log.exception("unexpected error on %s", request.url.path, exc_info=error)
    return JSONResponse({"error": "internal error; the request changed nothing"}, status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers above on ``app``."""
    app.add_exception_handler(AlliancesError, _on_alliances_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(HTTPException, _on_http_error)
    app.add_exception_handler(Exception, _on_anything)
