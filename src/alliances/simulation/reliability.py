"""How likely a guarantor is to honour a commitment when it is invoked.

The model works on the odds scale: a commitment's odds of being honoured
are the base rate's odds times one factor per modifier, and a per-pair
override replaces the result. Every parameter is named, has a default and
a citation or a stated assumption (docs/simulation.md).

Examples
--------
>>> model = ReliabilityModel(base_rate=0.75)
>>> round(model.probability(strength="constitutional-processes"), 3)
0.75
>>> round(model.probability(strength="constitutional-processes", tripwire=True), 3) > 0.75
True
>>> model.with_overrides({("USA", "TWN"): 0.4}).override("USA", "TWN")
0.4
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from alliances.errors import AlliancesError

__all__ = ["PRESETS", "ReliabilityModel", "parse_overrides", "preset"]


def _strength_odds() -> dict[str, float]:
    return {
        "automatic": 1.5,
        "constitutional-processes": 1.0,
        "consult-first": 0.5,
        "none": 0.5,
    }


@dataclass(frozen=True, slots=True, kw_only=True)
class ReliabilityModel:
    """Parameters of the honour probability (odds-scale modifiers; see docs/simulation.md).

    Parameters
    ----------
    base_rate
        Probability that a reference commitment (constitutional processes,
        no tripwire, at the guarantor's capital, guarantor not exposed) is
        honoured. Default 0.745: Leeds, Long & Mitchell (2000), 1816-1944.
    strength_odds
        Odds factor by pledge strength. Assumption: automatic pledges x1.5,
        constitutional processes x1, consult-first or unspecified x0.5
        (Leeds & Anac 2005 find no evidence that more formal alliances are
        honoured more; set all to 1 to follow them).
    tripwire_odds
        Odds factor when the guarantor has forces deployed on the
        beneficiary's territory at the date. Assumption: x1.5 (Schelling's
        tripwire logic; Reiter & Poast 2021 find small tripwires deter little).
    odds_per_1000km
        Odds factor per 1,000 km between the guarantor's capital and the place
        of the attack (Boulding's loss-of-strength gradient, which gives no
        figure). Assumption: x0.98.
    exposure_odds
        Odds factor when the guarantor's capital lies within ``exposure_km`` of
        the aggressor's (it risks retaliation at home). Assumption: x0.8.
    exposure_km
        Radius for ``exposure_odds``. Assumption: 2,000 km.
    overrides
        (guarantor, beneficiary) -> probability, replacing the model's value.
    coupling
        How one state's decisions on its several commitments relate.
        ``"guarantor"`` (default): a state decides once per war, with one
        draw for all its commitments; it honours each commitment whose
        probability exceeds that draw (so it never honours a weaker
        commitment and betrays a firmer one). ``"pair"``: every
        (guarantor, beneficiary) commitment is drawn independently, which
        gives a state drawn in by several allies several chances to join.
        Assumption: the literature codes honouring per alliance, not how a
        state's choices across alliances correlate.
    name
        The preset's name, for reports.
    """

    base_rate: float = 0.745
    strength_odds: Mapping[str, float] = field(default_factory=_strength_odds)
    tripwire_odds: float = 1.5
    odds_per_1000km: float = 0.98
    exposure_odds: float = 0.8
    exposure_km: float = 2000.0
    overrides: Mapping[tuple[str, str], float] = field(default_factory=dict)
    coupling: Literal["guarantor", "pair"] = "guarantor"
    name: str = "leeds2000"

    def __post_init__(self) -> None:
        _check_probability("base_rate", self.base_rate)
        factors = {
            **{f"strength_odds[{k}]": v for k, v in self.strength_odds.items()},
            "tripwire_odds": self.tripwire_odds,
            "odds_per_1000km": self.odds_per_1000km,
            "exposure_odds": self.exposure_odds,
            "exposure_km": self.exposure_km,
        }
        for key, value in factors.items():
            if not math.isfinite(value) or value < 0:
                raise AlliancesError(f"reliability parameter {key} must be >= 0, got {value}")
        if self.coupling not in ("guarantor", "pair"):
            raise AlliancesError(f"coupling must be 'guarantor' or 'pair', got {self.coupling!r}")
        for (guarantor, beneficiary), value in self.overrides.items():
            _check_probability(f"override {guarantor}->{beneficiary}", value)

    def probability(
        self,
        *,
        strength: str,
        tripwire: bool = False,
        distance_km: float = 0.0,
        exposed: bool = False,
    ) -> float:
        """Honour probability of one pledge from its strength and circumstances."""
        if self.base_rate in (0.0, 1.0):
            return self.base_rate
        try:
            factor = self.strength_odds[strength]
        except KeyError:
            raise AlliancesError(f"no strength_odds for pledge strength {strength!r}") from None
        odds = self.base_rate / (1.0 - self.base_rate) * factor
        odds *= self.tripwire_odds if tripwire else 1.0
        odds *= math.pow(self.odds_per_1000km, distance_km / 1000.0)
        odds *= self.exposure_odds if exposed else 1.0
        return odds / (1.0 + odds)

    def override(self, guarantor: str, beneficiary: str) -> float | None:
        """The user's fixed probability for this pair, if any."""
        return self.overrides.get((guarantor, beneficiary))

    def with_overrides(self, overrides: Mapping[tuple[str, str], float]) -> ReliabilityModel:
        """A copy with ``overrides`` added (they win over existing ones)."""
        return replace(self, overrides={**self.overrides, **overrides})

    def adjusted(
        self,
        *,
        base_rate: float | None = None,
        coupling: str | None = None,
        overrides: Mapping[tuple[str, str], float] | None = None,
    ) -> ReliabilityModel:
        """A copy with the given settings changed (None keeps the current one)."""
        changes: dict[str, Any] = {}
        if base_rate is not None:
            changes["base_rate"] = base_rate
        if coupling is not None:
            changes["coupling"] = coupling
        model = replace(self, **changes) if changes else self
        return model.with_overrides(overrides) if overrides else model

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready parameters (overrides as "A->B" keys)."""
        return {
            "name": self.name,
            "base_rate": self.base_rate,
            "strength_odds": dict(self.strength_odds),
            "tripwire_odds": self.tripwire_odds,
            "odds_per_1000km": self.odds_per_1000km,
            "exposure_odds": self.exposure_odds,
            "exposure_km": self.exposure_km,
            "overrides": {f"{a}->{b}": p for (a, b), p in sorted(self.overrides.items())},
            "coupling": self.coupling,
        }

    def __hash__(self) -> int:
        return hash(
            (
                self.base_rate,
                tuple(sorted(self.strength_odds.items())),
                self.tripwire_odds,
                self.odds_per_1000km,
                self.exposure_odds,
                self.exposure_km,
                tuple(sorted(self.overrides.items())),
                self.coupling,
                self.name,
            )
        )


def _check_probability(what: str, value: float) -> None:
    if not (isinstance(value, int | float) and 0.0 <= value <= 1.0):
        raise AlliancesError(f"{what} must be a probability in [0, 1], got {value!r}")


PRESETS: dict[str, ReliabilityModel] = {
    "leeds2000": ReliabilityModel(),
    "berkemeier2018": ReliabilityModel(base_rate=0.50, name="berkemeier2018"),
    "berkemeier2018-post1945": ReliabilityModel(base_rate=0.22, name="berkemeier2018-post1945"),
    "certain": ReliabilityModel(
        base_rate=1.0,
        strength_odds=dict.fromkeys(_strength_odds(), 1.0),
        tripwire_odds=1.0,
        odds_per_1000km=1.0,
        exposure_odds=1.0,
        name="certain",
    ),
}
"""Named models: the published base rates, and ``certain`` (every pledge honoured).

``leeds2000``: 74.5% of commitments honoured when invoked, 1816-1944 (Leeds,
Long & Mitchell 2000). ``berkemeier2018``: 50% (73 of 146), 1816-2003;
``berkemeier2018-post1945``: 22% (12 of 54), 1945-2003 (Berkemeier &
Fuhrmann 2018, counting every wartime commitment that applied).
"""


def parse_overrides(texts: Sequence[str]) -> dict[tuple[str, str], float]:
    """Parse ``USA->TWN=0.4`` overrides.

    Examples
    --------
    >>> parse_overrides(["USA->TWN=0.4"])
    {('USA', 'TWN'): 0.4}
    """
    found: dict[tuple[str, str], float] = {}
    for text in texts:
        pair, _, value = text.partition("=")
        guarantor, arrow, beneficiary = pair.partition("->")
        try:
            probability = float(value)
        except ValueError:
            probability = math.nan
        if (
            not arrow
            or not guarantor.strip()
            or not beneficiary.strip()
            or "->" in beneficiary
            or not 0 <= probability <= 1
        ):
            raise AlliancesError(f"override {text!r}: expected GUARANTOR->BENEFICIARY=PROBABILITY")
        found[(guarantor.strip().upper(), beneficiary.strip().upper())] = probability
    return found


def preset(name: str) -> ReliabilityModel:
    """The preset called ``name`` (an error lists the known ones)."""
    try:
        return PRESETS[name]
    except KeyError:
        known = ", ".join(sorted(PRESETS))
        raise AlliancesError(f"unknown reliability preset {name!r} (known: {known})") from None
