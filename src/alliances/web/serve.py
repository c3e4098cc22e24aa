"""Run the web app: one uvicorn process, or several sharing the port.

With ``workers > 1`` the parent checks that nothing listens on the port yet,
loads the embedded worlds and migrates the database (the workers' own
start-up then finds both done), opens one listening
socket per worker on the same address with ``SO_REUSEPORT`` (all listening
before any worker starts), then forks the workers, each serving its own
socket; the kernel spreads connections over them. uvicorn's own
``--workers`` shares one socket instead, and on Linux the first idle process
accepted most of a burst: 43 of 50 load-test connections landed on one of
two workers. Each worker computes and caches its own answers, so the cores
help most when many clients query at once. The workers stop with the parent
(even if it is killed), and the parent stops when any worker does.

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

import ctypes
import multiprocessing
import multiprocessing.connection
import os
import signal
import socket
import sys
from collections.abc import Sequence
from types import FrameType

from alliances.errors import AlliancesError
from alliances.web.settings import Settings
from alliances.web.startup import preload

__all__ = ["check_workers", "run"]


def check_workers(workers: int, database_url: str) -> None:
    """Refuse worker counts the app cannot honour (raises :class:`AlliancesError`)."""
    from alliances.web.store import in_memory

    if workers < 1:
        raise AlliancesError(f"--workers must be at least 1, not {workers}")
    if workers > 1 and in_memory(database_url):
        raise AlliancesError(
            f"--workers {workers} needs a database the workers can share: an in-memory "
            "SQLite database would be one per worker; give --database a file or server URL"
        )


def run(host: str, port: int, settings: Settings, *, workers: int = 1) -> None:
    """Serve on ``host:port`` until interrupted (Ctrl-C or SIGTERM).

    With several workers, the server stops when any worker stops, and says so
    (:class:`AlliancesError`) if one failed.
    """
    import uvicorn

    from alliances.web.app import create_app
    from alliances.web.simulation import monte_carlo
    from alliances.web.store import ScenarioStore

    check_workers(workers, settings.database_url)
    if workers == 1:
        app = create_app(settings, probabilities=monte_carlo)
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    _refuse_if_taken(host, port)
    ScenarioStore.open(settings.database_url).engine.dispose()  # migrate before forking
    preload()  # the workers inherit the loaded, frozen worlds
    # every socket listens before any worker starts, so connections are spread from the first
    sockets = [_listening_socket(host, port) for _ in range(workers)]
    fork = multiprocessing.get_context("fork")
    children: list[multiprocessing.process.BaseProcess] = []
    interrupted: list[int] = []
    ready: Sequence[object] = ()

    def terminate_all() -> None:
        for child in children:
            if child.is_alive():
                child.terminate()

    def on_sigterm(signum: int, frame: FrameType | None) -> None:
        interrupted.append(signum)
        terminate_all()

    previous = signal.signal(signal.SIGTERM, on_sigterm)  # before forking: no orphans
    try:
        for index in range(workers):
            worker = fork.Process(
                target=_worker, args=(sockets, index, settings), name=f"alliances-web-{index}"
            )
            worker.start()
            children.append(worker)
        for sock in sockets:
            sock.close()  # the workers hold them now
        ready = multiprocessing.connection.wait([child.sentinel for child in children])
    except KeyboardInterrupt:
        interrupted.append(signal.SIGINT)
    finally:
        first = [child for child in children if child.sentinel in ready]
        for child in first:  # its pipe closes a moment before it can be reaped
            child.join(timeout=10)
        ended = [(child.name, child.exitcode) for child in first]
        terminate_all()
        for child in children:
            child.join()
        signal.signal(signal.SIGTERM, previous)
    failed = [f"{name} (exit code {code})" for name, code in ended if code != 0]
    if failed and not interrupted:
        raise AlliancesError(f"a server worker stopped: {', '.join(failed)}; the server stopped")


def _worker(sockets: list[socket.socket], index: int, settings: Settings) -> None:
    import uvicorn

    from alliances.web.app import create_app
    from alliances.web.simulation import monte_carlo

    for signum in (signal.SIGTERM, signal.SIGINT):  # not the parent's handlers: uvicorn
        signal.signal(signum, signal.SIG_DFL)  # re-raises the signal it shut down on
    _die_with_parent()
    for i, sock in enumerate(sockets):
        if i != index:
            sock.close()  # only the parent and this worker keep this worker's socket
    app = create_app(settings, probabilities=monte_carlo)
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sockets[index]])


def _die_with_parent() -> None:
    """Ask Linux to send this worker SIGTERM when the parent dies (even by SIGKILL)."""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _refuse_if_taken(host: str, port: int) -> None:
    """Fail now if anything listens on ``host:port``, another ``alliances serve`` included.

    The workers' ``SO_REUSEPORT`` sockets would otherwise join that server's and
    share its traffic; a plain bind is refused while anyone listens there.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # old connections are fine
        try:
            probe.bind((host, port))
        except OSError as error:
            raise AlliancesError(f"cannot listen on {host}:{port}: {error.strerror}") from None


def _listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` that other workers may bind too (``SO_REUSEPORT``).

    :func:`_refuse_if_taken` has checked first that nobody else listens there.
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
