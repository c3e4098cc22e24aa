"""``alliances serve --workers N``: real server processes on 127.0.0.1."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

SERVE = [sys.executable, "-c", "from alliances.cli import main; main()", "serve"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


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


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux's /proc")
def test_two_workers_share_the_port_answer_alike_and_stop_together(tmp_path: Path) -> None:
    port = _free_port()
    database = f"sqlite:///{tmp_path / 'web.db'}"
    command = [*SERVE, "--port", str(port), "--workers", "2", "--database", database]
    server = subprocess.Popen(command, cwd=tmp_path)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/api/architectures", timeout=2)
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
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
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers), "a worker outlived the server"


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
        [*SERVE, "--port", str(_free_port()), *arguments],
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
