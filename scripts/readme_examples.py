"""Refresh the real command output quoted in README.md (run after changing data or output).

Each block between ``<!-- example: COMMAND -->`` and ``<!-- /example -->`` is
replaced by the output of ``alliances COMMAND`` at 100 columns. The test
``tests/test_readme.py`` fails when a block is out of date.

Run: ``python scripts/readme_examples.py``
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(
    r"(<!-- example: (?P<command>.+?) -->\n```\n)(?P<body>.*?)(```\n<!-- /example -->)", re.DOTALL
)


def run(command: str) -> str:
    """The output of ``alliances COMMAND`` as a user sees it at 100 columns."""
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    done = subprocess.run(
        [sys.executable, "-m", "alliances", *shlex.split(command)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return "\n".join(line.rstrip() for line in done.stdout.splitlines()) + "\n"


def refreshed(text: str) -> str:
    """README text with every example block replaced by fresh output."""
    return BLOCK.sub(lambda m: m.group(1) + run(m.group("command")) + m.group(4), text)


def main() -> None:
    README.write_text(refreshed(README.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()
