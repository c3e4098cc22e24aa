"""The reliability model: hand-computed odds, presets, overrides and bad parameters."""

from __future__ import annotations

import pytest

from alliances.errors import AlliancesError
from alliances.model import World, great_circle_km
from alliances.obligations import Attack
from alliances.simulation import PRESETS, Crisis, ReliabilityModel, preset
from alliances.simulation.reliability import parse_overrides


def test_reference_pledge_is_the_base_rate() -> None:
    assert ReliabilityModel().probability(strength="constitutional-processes") == pytest.approx(
        0.745
    )


def test_odds_modifiers_by_hand() -> None:
    model = ReliabilityModel()
    # odds 0.745 / 0.255 = 2.92157; x1.5 (automatic) = 4.38235 -> p = 4.38235 / 5.38235
    assert model.probability(strength="automatic") == pytest.approx(0.814208, abs=1e-6)
    # x1.5 again for a tripwire: 6.57353 -> 0.867961
    assert model.probability(strength="automatic", tripwire=True) == pytest.approx(
        0.867961, abs=1e-6
    )
    # consult-first x0.5: 1.46078 -> 0.593625
    assert model.probability(strength="consult-first") == pytest.approx(0.593625, abs=1e-6)
    # 10,000 km: x0.98^10 = 0.817073 -> odds 2.387139 -> 0.704765
    # exposed x0.8 -> 1.90971 -> 0.656323
    assert model.probability(
        strength="constitutional-processes", distance_km=10_000
    ) == pytest.approx(0.704765, abs=1e-6)
    assert model.probability(
        strength="constitutional-processes", distance_km=10_000, exposed=True
    ) == pytest.approx(0.656323, abs=1e-6)


def test_presets_carry_the_published_rates() -> None:
    assert PRESETS["leeds2000"].base_rate == 0.745
    assert PRESETS["berkemeier2018"].base_rate == 0.50
    assert PRESETS["berkemeier2018-post1945"].base_rate == 0.22
    assert preset("certain").probability(strength="consult-first", distance_km=1e5) == 1.0


def test_bad_parameters_are_refused() -> None:
    with pytest.raises(AlliancesError, match="base_rate"):
        ReliabilityModel(base_rate=1.2)
    with pytest.raises(AlliancesError, match="tripwire_odds"):
        ReliabilityModel(tripwire_odds=-1)
    with pytest.raises(AlliancesError, match="coupling"):
        ReliabilityModel(coupling="sometimes")  # type: ignore[arg-type]
    with pytest.raises(AlliancesError, match="unknown reliability preset 'leeds'"):
        preset("leeds")
    with pytest.raises(AlliancesError, match="expected GUARANTOR->BENEFICIARY=PROBABILITY"):
        parse_overrides(["USA-TWN=0.4"])
    with pytest.raises(AlliancesError):
        parse_overrides(["USA->TWN=1.4"])
    with pytest.raises(AlliancesError):
        parse_overrides(["USA->TWN->JPN=0.4"])


def test_pair_probabilities_use_tripwire_distance_and_overrides(world: World) -> None:
    snapshot = world.at("2024-10-01")
    attack = Attack(aggressor="PRK", target="KOR", place="KOR", date=snapshot.date)
    model = ReliabilityModel()
    crisis = Crisis.of(snapshot, attack, model)
    pairs = crisis.program.pairs
    usa = pairs.index(("USA", "KOR"))
    washington, korea = snapshot.state("USA").capital, snapshot.place("KOR")
    expected = model.probability(
        strength="constitutional-processes",  # US-ROK Mutual Defense Treaty Art. III
        tripwire=True,  # United States Forces Korea
        distance_km=great_circle_km(washington.lat, washington.lon, korea.lat, korea.lon),
    )
    assert crisis.probabilities[usa] == pytest.approx(expected)
    assert crisis.probabilities[usa] > model.probability(
        strength="constitutional-processes",
        distance_km=great_circle_km(washington.lat, washington.lon, korea.lat, korea.lon),
    )
    fixed = Crisis.of(snapshot, attack, model.with_overrides({("USA", "KOR"): 0.4}))
    assert fixed.probabilities[usa] == 0.4
