"""July 1914 on the embedded europe-1914 world: what the treaty texts oblige (hand-derived).

Each expectation cites the treaty article in ../shared/facts/europe-1914.md.
"""

from __future__ import annotations

import alliances
from alliances.obligations import Duty, ObligationReport, Side

WORLD = alliances.load_world("europe-1914")


def _run(by: str, on: str, date: str) -> ObligationReport:
    return alliances.attack(WORLD, by=by, on=on, date=date, cascade=True)


def test_july_28_austria_serbia() -> None:
    report = _run("AUH", "SRB", "1914-07-28")
    # No Russian-Serbian treaty existed: Russia is not obliged by any text.
    assert report.verdict("RUS").duty is Duty.NONE
    # Dual Alliance Art. I binds Germany only if Austria-Hungary is attacked by Russia;
    # the Triple Alliance is defensive (Art. 3, unprovoked attack): Austria is the aggressor.
    assert "DEU" not in report.coalition(Side.ATTACKER).states
    assert report.verdict("ITA").duty is not Duty.DEFEND
    # Serbia-Montenegro (1912) and Serbia-Greece (1913, unprovoked attack) read literally.
    assert set(report.coalition(Side.DEFENDER).states) == {"SRB", "MNE", "GRC"}


def test_august_1_germany_russia() -> None:
    report = _run("DEU", "RUS", "1914-08-01")
    # Franco-Russian convention: Russia attacked by Germany -> France fights Germany.
    assert report.verdict("FRA").duty is Duty.DEFEND
    # Dual Alliance Art. I covers Germany attacked by Russia, not Germany attacking Russia.
    assert report.verdict("AUH").duty is not Duty.DEFEND
    # The Ottoman-German treaty was signed on 2 August: not binding on 1 August.
    assert "TUR" not in report.coalition(Side.ATTACKER).states


def test_august_4_germany_belgium() -> None:
    report = _run("DEU", "BEL", "1914-08-04")
    # Treaty of London (1839): Britain among the guarantors of Belgian neutrality.
    assert report.verdict("GBR").duty is Duty.DEFEND
    guarantee = next(f for f in report.triggered() if f.state == "GBR")
    assert guarantee.pledge.treaty == "LONDON-1839"
