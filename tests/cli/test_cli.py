"""The command line as a user meets it: output, JSON, exit codes, error messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINIMAL


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "alliances", *args],
        capture_output=True,
        text=True,
        check=False,
        env={"COLUMNS": "120", "PATH": ""},
    )


def test_attack_json_is_exactly_one_object() -> None:
    done = _run(
        "attack",
        "--by",
        "CHN",
        "--on",
        "JPN",
        "--at",
        "Senkaku Islands",
        "--date",
        "2024-10-01",
        "--cascade",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["date"] == "2024-10-01"
    usa = next(o for o in data["obligations"] if o["state"] == "USA" and o["kind"] == "defense")
    assert usa["treaty"] == "US-JPN-1960"
    assert usa["article"] == "Art. V"
    assert all(c["met"] for c in usa["conditions"])
    assert data["coalitions"]["attacker"] == ["CHN"]


def test_attack_table_explains_in_plain_english() -> None:
    done = _run(
        "attack",
        "--by",
        "CHN",
        "--on",
        "PHL",
        "--at",
        "second-thomas-shoal",
        "--date",
        "2024-10-01",
    )
    assert done.returncode == 0, done.stderr
    assert "defend PHL" in done.stdout
    assert "public vessels" in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--by", "XYZ", "--on", "JPN"), "unknown state 'XYZ'"),
        (("--by", "CHN", "--on", "JPN", "--at", "Atlantis"), "unknown place 'Atlantis'"),
        (("--by", "CHN", "--on", "JPN", "--date", "1900-01-01"), "before the coverage"),
        (("--by", "CHN", "--on", "JPN", "--date", "2024-13-01"), "not a valid date"),
    ],
)
def test_bad_queries_exit_2_with_a_clear_message(args: tuple[str, ...], message: str) -> None:
    done = _run("attack", *args)
    assert done.returncode == 2
    assert message in done.stderr
    assert done.stdout == ""


def test_check_reports_every_problem_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "world.yaml"
    bad.write_text(
        MINIMAL.replace("members: [AAA, BBB]", "members: [AAA, BBX]").replace("lat: 15", "lat: 95")
    )
    done = _run("check", str(bad))
    assert done.returncode == 2
    assert "member 'BBX' is not a known state" in done.stderr
    assert "place reef: lat: input should be less than or equal to 90, found 95" in done.stderr
    assert "2 problem(s); nothing loaded" in done.stderr


def test_check_accepts_the_embedded_world() -> None:
    from alliances.io.sources import embedded_world_path

    done = _run("check", str(embedded_world_path("indo-pacific-2024")))
    assert done.returncode == 0, done.stderr
    assert "OK (" in done.stdout


def test_schema_prints_json_schema() -> None:
    done = _run("schema")
    assert done.returncode == 0
    assert json.loads(done.stdout)["title"] == "alliances scenario file"


def test_crises_table_runs_the_flagship_set() -> None:
    done = _run("crises")
    assert done.returncode == 0, done.stderr
    assert "Senkaku" in done.stdout
    assert "Hokkaido" in done.stdout


def test_list_states_json() -> None:
    done = _run("list", "states", "--date", "2024-10-01", "--json")
    rows = json.loads(done.stdout)
    assert {"USA", "JPN", "PLW"} <= {row["id"] for row in rows}


def test_usage_error_exits_2() -> None:
    done = _run("attack", "--on", "JPN")
    assert done.returncode == 2
    assert "--by" in done.stderr


def test_compare_json_has_a_row_per_metric() -> None:
    done = _run("compare", "current", "us-retrenchment", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["date"] == "2025-01-01"  # the proposal's effective date
    hub = next(r for r in data["summary"] if r["metric"] == "hub")
    assert hub["values"] == ["USA", "GBR"]


def test_diff_lists_the_changes() -> None:
    done = _run("diff", "current", "ishiba-reform")
    assert done.returncode == 0, done.stderr
    assert "national -> shared command" in done.stdout


def test_unknown_proposal_exits_2() -> None:
    done = _run("compare", "current", "asian-nato-cor")
    assert done.returncode == 2
    assert "did you mean 'asian-nato-core'?" in done.stderr
