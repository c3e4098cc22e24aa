"""``alliances serve --workers N``: real server processes on 127.0.0.1."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.web.servers import SERVE, free_port, start_serve


def _children(pid: int) -> list[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(child) for child in text.split()]


def _sockets(pid: int) -> int:
    folder = Path(f"/proc/{pid}/fd")
    return sum(os.readlink(folder / fd).startswith("socket:") for fd in os.listdir(folder))


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except FileNotFoundError:
        return False


def _gone(pids: list[int], seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not any(_alive(pid) for pid in pids)


LINUX = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux's /proc")


@LINUX
def test_two_workers_share_the_port_answer_alike_and_stop_together(tmp_path: Path) -> None:
    port = free_port()
    server = start_serve(tmp_path, port, "--workers", "2")
    try:
        base = f"http://127.0.0.1:{port}"
        workers = _children(server.pid)
        assert len(workers) == 2
        query = "/api/attack?by=CHN&on=PHL&at=second-thomas-shoal&date=2024-06-17"
        sockets_before = {pid: _sockets(pid) for pid in workers}
        answers = set()
        connections = []
        for _ in range(24):  # new connections, kept open: the kernel spreads them over workers
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", query)
            response = connection.getresponse()
            assert response.status == 200
            answers.add(response.read())
            connections.append(connection)
        for pid in workers:  # each worker holds some of the connections (all on one: p < 1e-7)
            assert _sockets(pid) > sockets_before[pid], f"worker {pid} got no connection"
        for connection in connections:
            connection.close()
        assert len(answers) == 1  # every worker gives the same bytes
        report = json.loads(answers.pop())
        assert report["attack"]["place"] == "second-thomas-shoal"
        document = urllib.request.urlopen(f"{base}/api/proposals/ishiba-reform/document")
        saved = urllib.request.urlopen(
            urllib.request.Request(
                base + "/api/scenarios",
                data=json.loads(document.read())["yaml"].encode(),
                headers={"content-type": "application/yaml"},
            ),
            timeout=30,
        )
        scenario_id = json.loads(saved.read())["id"]
        for _ in range(6):  # the store is shared: any worker can load it
            loaded = urllib.request.urlopen(f"{base}/api/scenarios/{scenario_id}", timeout=30)
            assert json.loads(loaded.read())["id"] == scenario_id
        second = subprocess.run(  # a second server may not join this one's port
            [*SERVE, "--port", str(port), "--workers", "2", "--database", "sqlite:///b.db"],
            check=False,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode != 0
        assert f"cannot listen on 127.0.0.1:{port}" in second.stderr
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0
    assert _gone(workers), "a worker outlived the server"
    assert server.stderr is not None
    assert "Traceback" not in server.stderr.read().decode()


@LINUX
def test_workers_die_with_a_killed_parent_and_a_dead_worker_stops_the_server(
    tmp_path: Path,
) -> None:
    server = start_serve(tmp_path, free_port(), "--workers", "2")
    workers = _children(server.pid)
    os.kill(workers[0], signal.SIGKILL)  # a worker crashes
    assert server.wait(timeout=30) != 0
    assert server.stderr is not None
    assert (
        "a server worker stopped: alliances-web-0 (exit code -9)" in server.stderr.read().decode()
    )
    assert _gone(workers)

    server = start_serve(tmp_path, free_port(), "--workers", "2")
    workers = _children(server.pid)
    server.kill()  # SIGKILL: the parent cannot clean up, the kernel tells the workers
    server.wait(timeout=30)
    assert _gone(workers), "workers outlived a killed parent"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--workers", "2", "--database", "sqlite://"], "needs a database the workers can share"),
        (["--workers", "0"], "--workers must be at least 1"),
    ],
)
def test_impossible_worker_settings_are_refused_before_serving(
    arguments: list[str], message: str, tmp_path: Path
) -> None:
    done = subprocess.run(
        [*SERVE, "--port", str(free_port()), *arguments],
        check=False,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "ALLIANCES_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"},
    )
    assert done.returncode != 0
    assert message in done.stderr
    assert not (tmp_path / "x.db").exists()
