"""Golden crises whose answers can be read from treaty text (article cited in each test).

Each expectation below was derived by hand from the treaty wording quoted in
../shared/facts/indo-pacific-2024.md and docs/data-sources.md, not from the engine.
"""

from __future__ import annotations

import pytest

import alliances
from alliances.errors import DateOutOfCoverageError, UnknownEntityError
from alliances.model import World
from alliances.obligations import CascadeRules, Duty, ObligationReport, Side


def _defenders(report: ObligationReport) -> set[str]:
    """States whose defence pledge the attack itself triggers (first strike)."""
    return {f.state for f in report.triggered() if f.round == 1}


def _run(
    world: World,
    by: str,
    on: str,
    at: str | None = None,
    date: str = "2024-10-01",
    **options: object,
) -> ObligationReport:
    return alliances.attack(world, by=by, on=on, at=at, date=date, **options)  # type: ignore[arg-type]


def test_senkakus_us_japan_article_5(world: World) -> None:
    # US-Japan 1960 Art. V: an armed attack "in the territories under the administration of
    # Japan"; Japan administers the Senkakus. No other treaty protects Japan.
    report = _run(world, "CHN", "JPN", "senkaku-islands")
    assert _defenders(report) == {"USA"}
    [finding] = report.triggered()
    assert (finding.pledge.treaty, finding.pledge.obligation.article.ref) == (
        "US-JPN-1960",
        "Art. V",
    )
    assert all(check.met for check in finding.checks())


def test_japan_owes_no_defence_of_us_territory(world: World) -> None:
    # Art. V limits Japan's duty to territories under Japan's administration: Guam is not.
    report = _run(world, "CHN", "USA", "guam")
    assert "JPN" not in _defenders(report)
    # but an attack on US forces in Okinawa is inside Japanese-administered territory.
    assert "JPN" in _defenders(_run(world, "CHN", "USA", "okinawa"))


def test_korea_art_3_covers_us_pacific_territory_not_us_ships_at_sea(world: World) -> None:
    # US-ROK Art. III: armed attack in the Pacific area on "territories now under their
    # respective administrative control". Guam is US territory in the Pacific; a destroyer
    # in the Taiwan Strait is not territory.
    assert "KOR" in _defenders(_run(world, "CHN", "USA", "guam"))
    assert "KOR" not in _defenders(_run(world, "CHN", "USA", "taiwan-strait"))


def test_philippines_mdt_covers_public_vessels_in_the_south_china_sea(world: World) -> None:
    # US-Philippines MDT Art. V: armed attack on "its armed forces, public vessels or
    # aircraft in the Pacific"; the US position (2019-2023) includes the South China Sea.
    report = _run(world, "CHN", "PHL", "second-thomas-shoal")
    assert "USA" in _defenders(report)
    mdt = next(f for f in report.triggered() if f.pledge.treaty == "US-PHL-1951")
    assert "armed forces, public vessels or aircraft" in mdt.checks()[-1].text


def test_taiwan_relations_act_is_no_defence_obligation(world: World) -> None:
    # TRA (22 USC 3301-3316) states policy; no article obliges the US to defend Taiwan.
    report = _run(world, "CHN", "TWN", "taiwan")
    assert _defenders(report) == set()
    usa = report.verdict("USA")
    assert usa.duty is Duty.NONE
    assert [(t.treaty, t.instrument) for t in usa.ties] == [("US-TRA-1979", "statute")]


def test_us_roc_treaty_covered_taiwan_but_not_kinmen(world: World) -> None:
    # US-ROC 1954 Arts. V-VI: "territories" of the ROC mean Taiwan and the Pescadores.
    assert _defenders(_run(world, "CHN", "TWN", "taiwan", date="1970-01-01")) == {"USA"}
    assert _defenders(_run(world, "CHN", "TWN", "kinmen", date="1970-01-01")) == set()
    # terminated with effect from 1980-01-01.
    assert _defenders(_run(world, "CHN", "TWN", "taiwan", date="1980-01-01")) == set()


def test_anzus_us_suspension_of_new_zealand(world: World) -> None:
    # ANZUS Art. IV-V; the US suspended its obligations to NZ on 1986-08-11; AUS-NZ remain.
    assert _defenders(_run(world, "CHN", "NZL", date="2024-10-01")) >= {"AUS"}
    assert "USA" not in {
        f.state for f in _run(world, "CHN", "NZL").triggered() if f.pledge.treaty == "ANZUS"
    }
    assert "USA" in {
        f.state
        for f in _run(world, "CHN", "NZL", date="1985-01-01").triggered()
        if f.pledge.treaty == "ANZUS"
    }


def test_china_dprk_art_2_and_russia_dprk_entry_into_force(world: World) -> None:
    # China-DPRK 1961 Art. II: if either is attacked, the other renders assistance at once.
    # Russia-DPRK 2024 Art. 4: same duty, but only from entry into force on 2024-12-04.
    before = _run(world, "USA", "PRK", date="2024-10-01")
    after = _run(world, "USA", "PRK", date="2025-01-01")
    assert _defenders(before) == {"CHN"}
    assert _defenders(after) == {"CHN", "RUS"}
    assert [t.id for t in before.pending] == ["RUS-PRK-2024"]


def test_manila_pact_us_understanding_limits_the_us_to_communist_aggression(world: World) -> None:
    # Manila Pact Art. IV(1) with the US Understanding: the US acts only against communist
    # aggression; for other aggression it consults (Art. IV(2)).
    china = _run(world, "CHN", "THA")
    assert "USA" in _defenders(china)
    india = _run(world, "IND", "THA")
    assert "USA" not in _defenders(india)
    assert india.verdict("USA").duty is Duty.CONSULT


def test_manila_pact_treaty_area_excludes_the_pacific_north_of_21_30(world: World) -> None:
    # Art. VIII: Southeast Asia and the South-West Pacific, not the Pacific north of 21 deg
    # 30 min N: Philippine forces at Second Thomas Shoal are inside; US forces at Okinawa not.
    assert "THA" in _defenders(_run(world, "CHN", "PHL", "second-thomas-shoal"))
    assert "THA" not in _defenders(_run(world, "CHN", "USA", "okinawa"))


def test_pakistan_left_the_manila_pact_in_1973(world: World) -> None:
    # Pakistan's withdrawal took effect in November 1973 (Art. X).
    assert "USA" in _defenders(_run(world, "CHN", "PAK", date="1970-01-01"))
    assert "USA" not in _defenders(_run(world, "CHN", "PAK", date="1975-01-01"))


def test_fpda_is_consultation_only(world: World) -> None:
    # FPDA communique para. 5: the five consult if Malaysia or Singapore is attacked.
    report = _run(world, "CHN", "MYS")
    assert _defenders(report) == set()
    consulting = {v.state for v in report.verdicts if v.duty is Duty.CONSULT}
    assert consulting == {"AUS", "GBR", "NZL", "SGP"}


def test_compact_of_free_association(world: World) -> None:
    # FSM Compact Sec. 311(b)(1): the US must defend the FSM as it defends itself.
    assert _defenders(_run(world, "CHN", "FSM")) == {"USA"}


def test_korean_aggression_does_not_bind_the_us_under_the_understanding(world: World) -> None:
    # The Senate understanding: no US duty unless Korea faces external armed attack. Even in
    # the entrapment reading (counter-strikes count as attacks), the US is not drawn in.
    report = _run(
        world, "KOR", "PRK", cascade=True, rules=CascadeRules(counterattack_is_armed_attack=True)
    )
    assert "USA" not in report.coalition(Side.ATTACKER).states
    assert "CHN" in report.coalition(Side.DEFENDER).states


def test_cascade_draws_in_anzus_and_the_philippines_after_the_us(world: World) -> None:
    # Senkakus: the US joins (Art. V); China's war on the US then reaches US forces in the
    # Pacific, which ANZUS Arts. IV-V and the US-Philippine MDT Art. V cover.
    report = _run(world, "CHN", "JPN", "senkaku-islands", cascade=True)
    defenders = report.coalition(Side.DEFENDER).states
    assert defenders[:2] == ("JPN", "USA")
    assert set(defenders) == {"JPN", "USA", "PHL", "AUS", "NZL"}
    assert report.coalition(Side.ATTACKER).states == ("CHN",)
    rounds = {s.state: s.round for s in report.steps}
    assert rounds == {"CHN": 0, "JPN": 0, "USA": 1, "PHL": 2, "AUS": 2, "NZL": 2}


def test_defensive_reading_keeps_north_korea_out_when_china_attacks(world: World) -> None:
    # China-DPRK Art. II needs China to be "subjected to armed attack"; China started it.
    default = _run(world, "CHN", "JPN", "senkaku-islands", cascade=True)
    assert "PRK" not in default.coalition(Side.ATTACKER).states
    entrapment = _run(
        world,
        "CHN",
        "JPN",
        "senkaku-islands",
        cascade=True,
        rules=CascadeRules(counterattack_is_armed_attack=True),
    )
    assert "PRK" in entrapment.coalition(Side.ATTACKER).states


def test_capability_totals_sum_the_coalition(world: World) -> None:
    report = _run(world, "PRK", "KOR", "korean-dmz-south", cascade=True)
    defenders = report.coalition(Side.DEFENDER)
    expected = sum(world.state(s).figure("military_expenditure_usd") or 0 for s in defenders.states)
    assert defenders.total("military_expenditure_usd").value == pytest.approx(expected)
    assert report.coalition(Side.ATTACKER).total("military_expenditure_usd").missing == ("PRK",)


def test_bad_queries(world: World) -> None:
    with pytest.raises(UnknownEntityError, match="unknown state 'XXX'"):
        _run(world, "XXX", "JPN")
    with pytest.raises(UnknownEntityError, match="unknown place"):
        _run(world, "CHN", "JPN", "Atlantis")
    with pytest.raises(DateOutOfCoverageError, match="before the coverage"):
        _run(world, "CHN", "JPN", date="1944-01-01")
    with pytest.raises(alliances.AlliancesError, match="cannot attack itself"):
        _run(world, "CHN", "CHN")


def test_json_shape(world: World) -> None:
    data = _run(world, "CHN", "JPN", "senkaku-islands", cascade=True).to_dict()
    assert data["date"] == "2024-10-01"
    assert data["attack"]["aggressor"] == "CHN"
    first = data["obligations"][0]
    assert {"state", "kind", "treaty", "article", "strength", "conditions"} <= set(first)
    assert data["coalitions"]["defender"][:2] == ["JPN", "USA"]


def test_korea_defends_us_forces_in_korea(world: World) -> None:
    # US-ROK Art. III: armed attack on either party "in territories now under their respective
    # administrative control": US forces at the DMZ are in Korean-administered territory.
    assert "KOR" in _defenders(_run(world, "PRK", "USA", "korean-dmz-south"))


def test_us_japan_article_5_does_not_cover_ships_on_the_high_seas(world: World) -> None:
    # Art. V covers attacks "in the territories under the administration of Japan" only.
    assert _defenders(_run(world, "CHN", "JPN", "east-china-sea")) == set()


def test_okinawa_was_us_administered_until_1972(world: World) -> None:
    # Okinawa Reversion Agreement, in force 1972-05-15: before it, Art. V did not cover Okinawa.
    assert world.at("1965-01-01").place("okinawa").administered_by == "USA"
    assert "USA" not in _defenders(_run(world, "RUS", "JPN", "okinawa", date="1965-01-01"))
    assert "USA" in _defenders(_run(world, "RUS", "JPN", "okinawa", date="1973-01-01"))


def test_russia_dprk_2000_treaty_was_consultation_only(world: World) -> None:
    # The 2000 treaty: contact each other at once if aggression threatens; no assistance.
    report = _run(world, "USA", "PRK", date="2010-01-01")
    assert "RUS" not in _defenders(report)
    assert report.verdict("RUS").duty is Duty.CONSULT
