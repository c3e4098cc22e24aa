"""The answer cache in front of the router, and the start-up preload."""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
from typing import Any

import pytest
from fastapi.testclient import TestClient

from alliances.web import answers
from alliances.web.answers import AnswerCache
from alliances.web.startup import preload


class _Endpoint:
    """An ASGI app answering with the next status in line; counts its calls."""

    def __init__(self, *statuses: int) -> None:
        self.statuses = list(statuses)
        self.calls = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        status = self.statuses[min(self.calls, len(self.statuses) - 1)]
        self.calls += 1
        await send({"type": "http.response.start", "status": status, "headers": [(b"x", b"1")]})
        await send({"type": "http.response.body", "body": b"part-", "more_body": True})
        await send({"type": "http.response.body", "body": f"{self.calls}".encode()})


def _get(app: AnswerCache, query: bytes, method: str = "GET", path: str = "/api/attack") -> bytes:
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": method, "path": path, "query_string": query}
    asyncio.run(app(scope, None, send))
    return b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def test_a_successful_answer_is_replayed_whole_and_the_endpoint_not_called_again() -> None:
    endpoint = _Endpoint(200)
    app = AnswerCache(endpoint, paths=("/api/attack",))
    assert _get(app, b"by=CHN") == b"part-1"
    assert _get(app, b"by=CHN") == b"part-1"  # both chunks, from the cache
    assert endpoint.calls == 1
    assert _get(app, b"by=PRK") == b"part-2"  # another query is computed


def test_error_answers_other_paths_and_posts_are_never_kept() -> None:
    endpoint = _Endpoint(404, 200)
    app = AnswerCache(endpoint, paths=("/api/attack",))
    assert _get(app, b"by=XXX") == b"part-1"
    assert _get(app, b"by=XXX") == b"part-2"  # the 404 was not kept
    assert _get(app, b"", path="/api/other") == b"part-3"
    assert _get(app, b"", path="/api/other") == b"part-4"
    assert _get(app, b"by=CHN", method="POST") == b"part-5"
    assert _get(app, b"by=CHN", method="POST") == b"part-6"


def test_answers_are_kept_per_day_so_a_dateless_query_follows_today(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    endpoint = _Endpoint(200)
    app = AnswerCache(endpoint, paths=("/api/attack",))
    assert _get(app, b"by=CHN") == b"part-1"
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    monkeypatch.setattr(answers, "_today", lambda: tomorrow)
    assert _get(app, b"by=CHN") == b"part-2"


def test_the_cache_keeps_at_most_size_answers_dropping_the_least_recently_used() -> None:
    endpoint = _Endpoint(200)
    app = AnswerCache(endpoint, paths=("/api/attack",), size=2)
    for query in (b"a", b"b", b"a", b"c"):  # "b" is the least recently used when "c" comes
        _get(app, query)
    assert endpoint.calls == 3
    _get(app, b"a")
    _get(app, b"b")
    assert endpoint.calls == 4


def test_a_replayed_crisis_answer_equals_the_first_with_the_security_headers(
    client: TestClient,
) -> None:
    query = {"by": "CHN", "on": "PHL", "at": "Second Thomas Shoal", "date": "2024-06-17"}
    first = client.get("/api/attack", params=query)
    again = client.get("/api/attack", params=query)
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    for response in (first, again):
        assert response.headers["content-type"] == "application/json"
        assert "default-src 'self'" in response.headers["content-security-policy"]
    assert int(again.headers["content-length"]) == len(again.content)


def test_preload_loads_every_embedded_architecture_and_freezes_the_heap() -> None:
    frozen_before = gc.get_freeze_count()
    names = preload()
    assert names[0] == "current"
    assert len(names) >= 2
    assert gc.get_freeze_count() > frozen_before
    gc.unfreeze()
