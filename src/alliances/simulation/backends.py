"""Where work runs: inline, local processes, a Ray cluster or a Dask cluster.

A backend maps a picklable module-level function over a list of items and
yields ``(index, result)`` as results complete. Ray and Dask are optional
extras (``pip install "alliances[ray]"`` / ``"alliances[dask]"``), imported
only when asked for.

Examples
--------
>>> with open_backend("inline") as backend:
...     sorted(backend.map(abs, [-2, 3]))
[(0, 2), (1, 3)]
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from alliances.errors import AlliancesError

__all__ = ["BACKENDS", "Backend", "open_backend", "use_backend"]

T = TypeVar("T")
R = TypeVar("R")

BACKENDS = ("local", "inline", "ray", "dask")


class Backend(Protocol):
    """Runs a function over items somewhere; results come back as they finish."""

    name: str
    workers: int

    def map(self, function: Callable[[T], R], items: Sequence[T]) -> Iterator[tuple[int, R]]:
        """Yield ``(index, function(items[index]))`` in completion order."""
        ...


class InlineBackend:
    """This process, one item after another (no start-up cost)."""

    name = "inline"
    workers = 1

    def map(self, function: Callable[[T], R], items: Sequence[T]) -> Iterator[tuple[int, R]]:
        for index, item in enumerate(items):
            yield index, function(item)


class LocalBackend:
    """A pool of processes on this machine."""

    name = "local"

    def __init__(self, workers: int) -> None:
        self.workers = workers
        context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)

    def map(self, function: Callable[[T], R], items: Sequence[T]) -> Iterator[tuple[int, R]]:
        # keep at most 2 tasks per worker in flight: memory stays flat on long sweeps
        pending: dict[Future[R], int] = {}
        queue = iter(enumerate(items))
        for index, item in queue:
            pending[self._pool.submit(function, item)] = index
            if len(pending) >= 2 * self.workers:
                break
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield pending.pop(future), future.result()
                for index, item in queue:
                    pending[self._pool.submit(function, item)] = index
                    break

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class RayBackend:
    """Ray: an existing cluster (``ray://host:port`` or ``auto``) or a local one."""

    name = "ray"

    def __init__(self, workers: int, address: str | None) -> None:
        try:
            import ray
        except ImportError:
            raise AlliancesError('the Ray backend needs: pip install "alliances[ray]"') from None
        self._ray = ray
        self._started = not ray.is_initialized()
        if self._started:
            options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
            if address:
                ray.init(address=address, **options)
            else:
                ray.init(num_cpus=workers, **options)
        self.workers = int(ray.cluster_resources().get("CPU", workers))  # type: ignore[no-untyped-call]

    def map(self, function: Callable[[T], R], items: Sequence[T]) -> Iterator[tuple[int, R]]:
        ray = self._ray
        remote = ray.remote(num_cpus=1)(function)
        pending = {remote.remote(item): index for index, item in enumerate(items)}
        while pending:
            done, _ = ray.wait(list(pending), num_returns=1)
            for ref in done:
                yield pending.pop(ref), ray.get(ref)

    def close(self) -> None:
        if self._started:
            self._ray.shutdown()


class DaskBackend:
    """Dask distributed: a scheduler address (``tcp://host:8786``) or a local cluster."""

    name = "dask"

    def __init__(self, workers: int, address: str | None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise AlliancesError('the Dask backend needs: pip install "alliances[dask]"') from None
        self._cluster = (
            None
            if address
            else LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
        )
        self._client = Client(address or self._cluster)  # type: ignore[no-untyped-call]
        self.workers = len(self._client.scheduler_info()["workers"]) or workers

    def map(self, function: Callable[[T], R], items: Sequence[T]) -> Iterator[tuple[int, R]]:
        from distributed import as_completed

        futures = self._client.map(function, list(items), pure=False)
        indices = {future.key: index for index, future in enumerate(futures)}
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            yield indices[future.key], future.result()

    def close(self) -> None:
        self._client.close()  # type: ignore[no-untyped-call]
        if self._cluster is not None:
            self._cluster.close()


@contextmanager
def open_backend(
    name: str = "local", *, workers: int | None = None, address: str | None = None
) -> Iterator[Backend]:
    """A backend by name, closed on exit; ``workers`` defaults to the machine's cores."""
    count = workers or os.cpu_count() or 1
    if count < 1:
        raise AlliancesError(f"workers must be at least 1, got {count}")
    backend: InlineBackend | LocalBackend | RayBackend | DaskBackend
    if name == "inline":
        backend = InlineBackend()
    elif name == "local":
        backend = LocalBackend(count)
    elif name == "ray":
        backend = RayBackend(count, address)
    elif name == "dask":
        backend = DaskBackend(count, address)
    else:
        raise AlliancesError(f"unknown backend {name!r} (known: {', '.join(BACKENDS)})")
    try:
        yield backend
    finally:
        if not isinstance(backend, InlineBackend):
            backend.close()


@contextmanager
def use_backend(
    backend: str | Backend, *, workers: int | None = None, address: str | None = None
) -> Iterator[Backend]:
    """Open a backend by name (closed on exit), or use an open one as it is (left open)."""
    if not isinstance(backend, str):
        yield backend
        return
    with open_backend(backend, workers=workers, address=address) as opened:
        yield opened
