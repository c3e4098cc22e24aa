"""Real ``alliances serve`` processes for the tests: a free port, and a server once it answers."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

SERVE = [sys.executable, "-c", "from alliances.cli import main; main()", "serve"]
"""``alliances serve`` with this interpreter, installed or not."""


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_serve(folder: Path, port: int, *arguments: str) -> subprocess.Popen[bytes]:
    """``alliances serve --port PORT ARGUMENTS`` run in ``folder`` with a SQLite file there,
    returned once it answers (its stderr is piped); fails the test after 60 s."""
    database = f"sqlite:///{folder / 'web.db'}"
    command = [*SERVE, "--port", str(port), "--database", database, *arguments]
    server = subprocess.Popen(command, cwd=folder, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/architectures", timeout=2)
            return server
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise AssertionError("the server did not start") from None
            time.sleep(0.1)
