"""Sweeps: located spec errors, checkpoints, and a real sweep killed with SIGKILL then resumed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from alliances.cli.app import app
from alliances.errors import AlliancesError, ScenarioError
from alliances.simulation.spec import parse_spec
from alliances.simulation.sweep import checkpoint_folder, run_sweep

runner = CliRunner()

KILL_SPEC = """\
sweep: {samples: 40000, seed: 3}
crises: [korea-dmz, second-thomas-shoal, senkaku, okinawa-strike, guam-strike]
proposals: [current, asian-nato-core]
parameters:
  preset: [leeds2000, berkemeier2018]
  tripwire_odds: [1.0, 1.5, 2.0]
"""


def test_spec_errors_name_file_line_and_entry() -> None:
    text = """\
sweep: {samples: 0}
crises:
  - {aggressor: CHN}
proposals: current
parameters: {preset: [leeds], coupling: [sometimes]}
extra: 1
"""
    with pytest.raises(ScenarioError) as caught:
        parse_spec(text, "bad.yaml")
    message = str(caught.value)
    assert "bad.yaml:1:" in message
    assert "samples" in message
    assert "bad.yaml:3:" in message
    assert "target: field required" in message
    assert "bad.yaml:4:" in message
    assert "'proposals' must be a list" in message
    assert "bad.yaml:5:" in message
    assert "unknown preset 'leeds'" in message
    assert "bad.yaml:6:" in message
    assert "unknown section 'extra'" in message


@pytest.mark.parametrize("key", ["->TWN", "USA->", "USA", "USA->TWN->JPN"])
def test_spec_overrides_are_read_as_the_override_option_reads_them(key: str) -> None:
    text = f'crises: [second-thomas-shoal]\nparameters: {{overrides: [{{"{key}": 0.4}}]}}\n'
    with pytest.raises(ScenarioError, match=r"(?i)expected guarantor->beneficiary=probability"):
        parse_spec(text, "bad.yaml")
    good = parse_spec(
        'crises: [second-thomas-shoal]\nparameters: {overrides: [{"usa->twn": 0.4}]}\n', "ok.yaml"
    )
    assert good.cells()[0].model().override("USA", "TWN") == 0.4


def test_grid_is_crises_by_proposals_by_parameters() -> None:
    spec = parse_spec(KILL_SPEC, "spec.yaml")
    cells = spec.cells()
    assert len(cells) == 5 * 2 * 2 * 3
    assert [c.index for c in cells] == list(range(60))
    assert dict(cells[1].parameters) == {"preset": "leeds2000", "tripwire_odds": 1.5}
    assert cells[1].model().tripwire_odds == 1.5
    assert cells[3].model().base_rate == 0.50  # berkemeier2018


def test_unfinished_checkpoints_need_resume_and_the_same_spec(tmp_path: Path) -> None:
    out = tmp_path / "s.parquet"
    folder = checkpoint_folder(out)
    folder.mkdir()
    (folder / "spec.json").write_text(json.dumps({"fingerprint": "different"}))
    spec = parse_spec("crises: [korea-dmz]\nsweep: {samples: 100}", "spec.yaml")
    with pytest.raises(AlliancesError, match="add --resume"):
        run_sweep(spec, out, backend="inline")
    with pytest.raises(AlliancesError, match="different spec"):
        run_sweep(spec, out, backend="inline", resume=True)
    assert not out.exists()


def test_bad_crisis_in_a_sweep_fails_cleanly(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("crises: [{aggressor: CHN, target: XYZ}]\nsweep: {samples: 100}\n")
    result = _cli("sweep", str(spec), "--backend", "inline", "-q")
    assert result.returncode == 2
    assert "unknown state 'XYZ'" in result.stderr
    assert not (tmp_path / "spec.parquet").exists()
    assert not checkpoint_folder(tmp_path / "spec.parquet").exists()


def _sweep_command(spec: Path, out: Path, *extra: str) -> list[str]:
    code = "from alliances.cli.app import main; main()"
    return [sys.executable, "-c", code, "sweep", str(spec), "--out", str(out), "-q", *extra]


def test_sweep_killed_with_sigkill_resumes_without_losing_or_repeating_cells(
    tmp_path: Path,
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(KILL_SPEC)
    out = tmp_path / "sweep.parquet"
    folder = checkpoint_folder(out)
    process = subprocess.Popen(
        _sweep_command(spec, out, "--backend", "local", "--workers", "2"),
        start_new_session=True,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while len(list(folder.glob("cell-*.json"))) < 8:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        assert time.monotonic() < deadline, "the sweep made no progress"
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)  # the sweep and its worker processes, mid-run
    process.wait()
    finished = sorted(folder.glob("cell-*.json"))
    assert 8 <= len(finished) < 60, "killed too late to test resuming"
    assert not out.exists()
    before = {p.name: p.read_text() for p in finished}

    resumed = subprocess.run(
        _sweep_command(spec, out, "--resume", "--backend", "local", "--workers", "2"),
        capture_output=True,
        text=True,
        check=True,
    )
    assert (
        f"resuming: {len(finished)} of 60 cells already done, computing {60 - len(finished)}"
        in (resumed.stderr)
    )
    table = pd.read_parquet(out)
    assert sorted(table["cell"]) == list(range(60))  # no cell lost, none twice
    assert not folder.exists()
    for name, text in before.items():  # checkpointed cells were kept, not recomputed
        row = table[table["cell"] == int(name[5:11])].iloc[0]
        assert row["seconds"] == json.loads(text)["seconds"]

    fresh = run_sweep(
        parse_spec(KILL_SPEC, str(spec)), tmp_path / "fresh.parquet", backend="inline"
    )
    pd.testing.assert_frame_equal(
        table.drop(columns=["seconds"]), fresh.drop(columns=["seconds"]), check_exact=True
    )


def test_simulate_json_and_errors(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "simulate",
            "--by",
            "PRK",
            "--on",
            "KOR",
            "--date",
            "2024-10-01",
            "--samples",
            "5000",
            "--seed",
            "2",
            "--backend",
            "inline",
            "--override",
            "USA->KOR=0.3",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    usa = next(s for s in data["states"] if s["state"] == "USA")
    assert {"defender", "defender_se", "attacker", "attacker_se", "out", "obliged_side"} <= set(usa)
    assert data["reliability"]["overrides"] == {"USA->KOR": 0.3}
    assert abs(usa["defender"] - 0.3) < 5 * usa["defender_se"]

    unknown = _cli("simulate", "--by", "PRK", "--on", "XYZ", "--samples", "10")
    assert unknown.returncode == 2
    assert "unknown state 'XYZ'" in unknown.stderr
    assert unknown.stdout == ""
    bad_date = _cli("simulate", "--by", "PRK", "--on", "KOR", "--date", "2024-02-30")
    assert bad_date.returncode == 2
    assert "2024-02-30" in bad_date.stderr
    bad_override = _cli("simulate", "--by", "PRK", "--on", "KOR", "--override", "USA=1")
    assert bad_override.returncode == 2
    assert "GUARANTOR->BENEFICIARY" in bad_override.stderr


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "alliances", *args], capture_output=True, text=True, check=False
    )
