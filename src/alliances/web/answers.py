"""Repeat answers served before routing: an in-process cache of pure GET endpoints.

The crisis and map answers are pure functions of their query (and of today's
date, when the query names none). The routers already keep each answer's
encoded JSON, but reaching them costs FastAPI's parameter handling, about
0.2 ms per request with seven query parameters: more than the rest of a
repeat answer. This middleware keeps each successful answer by path, exact
query string and today's date, and replays it without entering the router.
Anything else (another path, a POST, an error answer) passes through.

Examples
--------
>>> import asyncio
>>> calls = []
>>> async def endpoint(scope, receive, send):
...     calls.append(scope["query_string"])
...     await send({"type": "http.response.start", "status": 200, "headers": []})
...     await send({"type": "http.response.body", "body": b'{"ok":true}'})
>>> app = AnswerCache(endpoint, paths=("/api/attack",))
>>> async def get(query):
...     sent = []
...     async def send(message):
...         sent.append(message)
...     scope = {"type": "http", "method": "GET", "path": "/api/attack", "query_string": query}
...     await app(scope, None, send)
...     return sent[-1]["body"]
>>> asyncio.run(get(b"by=CHN&on=JPN")), asyncio.run(get(b"by=CHN&on=JPN"))
(b'{"ok":true}', b'{"ok":true}')
>>> calls  # the second answer did not reach the endpoint
[b'by=CHN&on=JPN']
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["AnswerCache"]

_Answer = tuple[list[tuple[bytes, bytes]], bytes]
"""Headers and body of a successful answer."""


def _today() -> dt.date:
    """The date a query without one is answered for."""
    return dt.date.today()


class AnswerCache:
    """ASGI middleware: replays successful GET answers of ``paths`` for the same query.

    Keeps at most ``size`` answers, least recently used dropped first: crisis
    answers are 3-77 KB (38 KB on average), so about 40 MB at most. The key is
    the raw query string, so a query with extra or reordered parameters is
    kept as well (the routers' caches, keyed by parsed parameters, still answer
    it quickly); at worst such queries push others out.
    """

    def __init__(self, app: ASGIApp, *, paths: Iterable[str], size: int = 1024) -> None:
        self.app = app
        self.paths = frozenset(paths)
        self.size = size
        self._answers: OrderedDict[tuple[str, bytes, dt.date], _Answer] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope["query_string"], _today())
        answer = self._answers.get(key)
        if answer is not None:
            self._answers.move_to_end(key)
            headers, body = answer
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        started: list[Message] = []
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.append(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False) and started[0]["status"] == 200:
                    body = chunks[0] if len(chunks) == 1 else b"".join(chunks)
                    self._keep(key, (list(started[0].get("headers", [])), body))
            await send(message)

        await self.app(scope, receive, keep)

    def _keep(self, key: tuple[str, bytes, dt.date], answer: _Answer) -> None:
        self._answers[key] = answer
        if len(self._answers) > self.size:
            self._answers.popitem(last=False)
