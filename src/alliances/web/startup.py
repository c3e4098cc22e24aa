"""What the server does before its first request: load the embedded worlds, then
take them out of the garbage collector's way.

Loading every embedded architecture and today's snapshot of each takes about
0.1 s; done at start-up, no user's first query waits for it. The loaded
worlds are some 160,000 immutable Python objects that live as long as the
process. CPython's cyclic garbage collector would otherwise walk them all in
each full collection: about 150 ms on the 2-core test machine, during which
every open request stalls (the load test's slowest answers). ``gc.freeze()``
moves them to a permanent generation that collections skip; objects made
later (caches, answers) are collected as usual.

Examples
--------
>>> preload(freeze=False)[:3]
('current', 'asian-nato-broad', 'asian-nato-broad-us')
"""

from __future__ import annotations

import datetime as dt
import gc

from alliances.web.architectures import architecture_names, snapshot

__all__ = ["preload"]


def preload(*, freeze: bool = True) -> tuple[str, ...]:
    """Load every embedded architecture and its snapshot for today; freeze the heap.

    Returns the architectures loaded.
    """
    names = architecture_names()
    today = dt.date.today()
    for name in names:
        snapshot(name, today)
    if freeze:
        gc.freeze()
    return names
