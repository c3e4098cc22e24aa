"""The modelling choices of the metrics, as named parameters with documented defaults.

Examples
--------
>>> MetricParameters().strength_weight("automatic")
1.0
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["DEFAULT_PARAMETERS", "MetricParameters"]


@dataclass(frozen=True, slots=True, kw_only=True)
class MetricParameters:
    """Weights and choices behind every metric (see docs/metrics.md).

    Parameters
    ----------
    strength_weights
        Weight of a defence pledge by its strength: an automatic pledge counts
        fully; one subject to constitutional processes 0.75; consult-first or
        unspecified 0.5. Our assumption, in the spirit of ATOP's distinction
        between automatic and conditional commitments.
    capability
        The state figure that measures capability: ``military_expenditure_usd``
        (default, SIPRI) or ``active_personnel`` (IISS).
    hub
        The state whose defection the resilience metric tests; None picks the
        most central state (highest degree in the defence network).
    observer
        The state whose encirclement is measured (default China).
    neighbourhood_km
        States whose capitals lie within this great-circle distance of the
        observer's capital are its neighbourhood (default 5,000 km: Beijing to
        Jakarta is about 5,200 km, to Canberra about 9,000 km).
    aggressors
        The states whose attacks the deterrence ratio tests.
    """

    strength_weights: dict[str, float] = field(
        default_factory=lambda: {
            "automatic": 1.0,
            "constitutional-processes": 0.75,
            "consult-first": 0.5,
            "none": 0.5,
        }
    )
    capability: str = "military_expenditure_usd"
    hub: str | None = None
    observer: str = "CHN"
    neighbourhood_km: float = 5000.0
    aggressors: tuple[str, ...] = ("CHN", "RUS", "PRK")

    def strength_weight(self, strength: str) -> float:
        """The weight of a pledge of this strength."""
        return self.strength_weights[strength]

    def __hash__(self) -> int:
        return hash(
            (
                tuple(sorted(self.strength_weights.items())),
                self.capability,
                self.hub,
                self.observer,
                self.neighbourhood_km,
                self.aggressors,
            )
        )


DEFAULT_PARAMETERS = MetricParameters()
"""The documented defaults."""
