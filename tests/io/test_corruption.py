"""Random corruption of a valid file gives a ScenarioError or a valid world, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from alliances.errors import Problem, ScenarioError
from alliances.io import check_file
from tests.conftest import MINIMAL

_EDITS = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=len(MINIMAL) - 1),
        st.integers(min_value=0, max_value=8),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=6),
    ),
    min_size=1,
    max_size=4,
)


def _problems_of(path: Path) -> tuple[Problem, ...] | None:
    """The problems of a file, or None when it loads."""
    try:
        check_file(path)
    except ScenarioError as error:
        return error.problems
    return None


def _corrupt(edits: list[tuple[int, int, str]]) -> str:
    text = MINIMAL
    for position, length, replacement in edits:
        start = min(position, len(text))
        text = text[:start] + replacement + text[start + length :]
    return text


@settings(max_examples=300, deadline=None)
@given(_EDITS)
def test_corrupted_file_never_crashes(edits: list[tuple[int, int, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "world.yaml"
        path.write_text(_corrupt(edits), encoding="utf-8")
        problems = _problems_of(path)
    if problems is not None:
        assert problems
        assert all(p.file is not None for p in problems)
        assert all(p.message for p in problems)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_never_crash(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "world.yaml"
        path.write_bytes(data)
        problems = _problems_of(path)
    assert problems is None or len(problems) > 0
