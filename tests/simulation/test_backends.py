"""Every backend gives the inline result bit for bit: local processes, real Ray and Dask."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from alliances.model import World
from alliances.simulation import BLOCK, open_backend, simulate
from alliances.simulation.spec import parse_spec
from alliances.simulation.sweep import run_sweep

SPEC = """\
sweep: {samples: 3000, seed: 5}
crises: [korea-dmz, second-thomas-shoal]
proposals: [current, asian-nato-core]
parameters: {preset: [leeds2000, berkemeier2018]}
"""
VOLATILE = ["seconds"]


def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


BACKENDS = [
    "local",
    pytest.param(
        "dask", marks=pytest.mark.skipif(not _installed("distributed"), reason="dask extra")
    ),
    pytest.param("ray", marks=pytest.mark.skipif(not _installed("ray"), reason="ray extra")),
]


@pytest.fixture(scope="module")
def inline_sweep(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("inline") / "sweep.parquet"
    return run_sweep(parse_spec(SPEC, "spec.yaml"), out, backend="inline").drop(columns=VOLATILE)


@pytest.mark.parametrize("backend", BACKENDS)
def test_backend_matches_inline_bit_for_bit(
    backend: str, world: World, inline_sweep: pd.DataFrame, tmp_path: Path
) -> None:
    crisis = {"by": "CHN", "on": "PHL", "at": "second-thomas-shoal", "date": "2024-10-01"}
    samples = 5 * BLOCK + 123  # six blocks, grouped differently by each backend
    reference = simulate(world, **crisis, samples=samples, seed=8, backend="inline")
    with open_backend(backend, workers=2) as cluster:  # a real cluster with two workers
        result = simulate(world, **crisis, samples=samples, seed=8, backend=cluster)
        table = run_sweep(
            parse_spec(SPEC, "spec.yaml"), tmp_path / "sweep.parquet", backend=cluster
        ).drop(columns=VOLATILE)
    assert result.workers == 2
    assert result.backend == backend
    assert result.tally.same_as(reference.tally)
    assert result.estimates == reference.estimates
    pd.testing.assert_frame_equal(table, inline_sweep, check_exact=True)


def test_unknown_backend_is_a_clear_error() -> None:
    from alliances.errors import AlliancesError

    with pytest.raises(AlliancesError, match="unknown backend 'spark'"), open_backend("spark"):
        pass
