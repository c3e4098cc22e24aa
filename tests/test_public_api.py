"""The public names of each package are listed, sorted, and importable (httpx's habit)."""

from __future__ import annotations

import importlib

import pytest

PACKAGES = [
    "alliances",
    "alliances.model",
    "alliances.io",
    "alliances.obligations",
    "alliances.errors",
]


def _isort_key(name: str) -> tuple[int, str]:
    """Constants, then classes, then functions (the order ruff's RUF022 keeps)."""
    if name.isupper():
        return (0, name)
    return (1, name) if name[:1].isupper() else (2, name)


@pytest.mark.parametrize("name", PACKAGES)
def test_all_is_sorted_and_importable(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(module.__all__)
    assert exported == sorted(exported, key=_isort_key)
    for public in exported:
        assert getattr(module, public) is not None


def test_import_alliances_is_light() -> None:
    import subprocess
    import sys

    code = "import sys, alliances; print('pydantic' in sys.modules, 'yaml' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]
