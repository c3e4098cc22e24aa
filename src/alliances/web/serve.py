"""Run the web app: one uvicorn process, or several sharing the port.

With ``workers > 1`` the parent loads the embedded worlds and migrates the
database once, opens one listening socket per worker on the same address
with ``SO_REUSEPORT`` (all listening before any worker starts), then forks
the workers, each serving its own socket; the kernel spreads connections over
them. uvicorn's own ``--workers`` shares one socket instead, and on Linux the
first idle process accepted most of a burst: 43 of 50 load-test connections
landed on one of two workers. Each worker computes and caches its own
answers, so the cores help most when many clients query at once.

Examples
--------
>>> check_workers(2, "sqlite:///alliances-web.db")
>>> try:
...     check_workers(2, "sqlite://")
... except AlliancesError as error:
...     print(str(error).split(":")[0])
--workers 2 needs a database the workers can share
"""

from __future__ import annotations

import multiprocessing
import signal
import socket
from types import FrameType

from alliances.errors import AlliancesError
from alliances.web.settings import Settings
from alliances.web.startup import preload

__all__ = ["check_workers", "run"]

_IN_MEMORY = ("sqlite://", "sqlite:///:memory:")


def check_workers(workers: int, database_url: str) -> None:
    """Refuse worker counts the app cannot honour (raises :class:`AlliancesError`)."""
    if workers < 1:
        raise AlliancesError(f"--workers must be at least 1, not {workers}")
    if workers > 1 and database_url in _IN_MEMORY:
        raise AlliancesError(
            f"--workers {workers} needs a database the workers can share: an in-memory "
            "SQLite database would be one per worker; give --database a file or server URL"
        )


def run(host: str, port: int, settings: Settings, *, workers: int = 1) -> None:
    """Serve on ``host:port`` until interrupted (Ctrl-C or SIGTERM)."""
    import uvicorn

    from alliances.web.app import create_app
    from alliances.web.simulation import monte_carlo
    from alliances.web.store import ScenarioStore

    check_workers(workers, settings.database_url)
    if workers == 1:
        app = create_app(settings, probabilities=monte_carlo)
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    ScenarioStore.open(settings.database_url).engine.dispose()  # migrate once
    preload()  # the workers inherit the loaded, frozen worlds
    # every socket listens before any worker starts, so connections are spread from the first
    sockets = [_listening_socket(host, port) for _ in range(workers)]
    fork = multiprocessing.get_context("fork")
    children = [
        fork.Process(target=_worker, args=(sockets, i, settings), name=f"alliances-web-{i}")
        for i in range(workers)
    ]
    for child in children:
        child.start()
    for sock in sockets:
        sock.close()  # the workers hold them now

    def stop(signum: int, frame: FrameType | None) -> None:
        for child in children:
            if child.is_alive():
                child.terminate()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        for child in children:
            child.join()
    except KeyboardInterrupt:
        stop(signal.SIGINT, None)
        for child in children:
            child.join()
    finally:
        signal.signal(signal.SIGTERM, previous)


def _worker(sockets: list[socket.socket], index: int, settings: Settings) -> None:
    import uvicorn

    from alliances.web.app import create_app
    from alliances.web.simulation import monte_carlo

    for i, sock in enumerate(sockets):
        if i != index:
            sock.close()  # only the parent and this worker keep this worker's socket
    app = create_app(settings, probabilities=monte_carlo)
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sockets[index]])


def _listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` that other workers may bind too (``SO_REUSEPORT``).

    A program holding the port without ``SO_REUSEPORT`` makes the bind fail;
    another ``alliances serve --workers`` of the same user would share it.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise AlliancesError(f"cannot listen on {host}:{port}: {error.strerror}") from None
    sock.listen(2048)
    return sock
