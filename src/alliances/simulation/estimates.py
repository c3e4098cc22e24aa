"""Estimates with Monte Carlo standard errors, computed from a :class:`Tally`.

Every estimate is a function of integer counts, so it is identical for a
given seed whatever the backend. Formulas (docs/simulation.md):

* a probability p from k of N samples has standard error sqrt(p (1 - p) / N);
* the mean balance has standard error sd / sqrt(N) over samples;
* a state's *pivotality* is P(defenders stronger) minus
  P(defenders stronger | that state honours none of its commitments). Its
  own draws are independent of every other state's, so the conditional
  probability equals the probability in a war where it surely defects.

Examples
--------
>>> binomial_se(0.5, 100)
0.05
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from alliances.simulation.program import ATTACKER, DEFENDER
from alliances.simulation.sampling import Crisis
from alliances.simulation.tally import Tally, decode_outcome

__all__ = [
    "Balance",
    "Estimates",
    "Outcome",
    "Pivot",
    "StateOdds",
    "binomial_se",
    "estimate",
    "side_capabilities",
]

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


def binomial_se(p: float, n: int) -> float:
    """Standard error of a proportion ``p`` estimated from ``n`` samples."""
    p = min(max(p, 0.0), 1.0)
    return math.sqrt(p * (1.0 - p) / n) if n > 0 else math.nan


@dataclass(frozen=True, slots=True)
class StateOdds:
    """How often one state fought on each side, with standard errors."""

    state: str
    defender: float
    defender_se: float
    attacker: float
    attacker_se: float
    conflicted: float

    @property
    def out(self) -> float:
        """Probability that the state stays out."""
        return max(0.0, 1.0 - self.defender - self.attacker)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready probabilities."""
        return {
            "state": self.state,
            "defender": self.defender,
            "defender_se": self.defender_se,
            "attacker": self.attacker,
            "attacker_se": self.attacker_se,
            "out": self.out,
            "conflicted": self.conflicted,
        }


@dataclass(frozen=True, slots=True)
class Outcome:
    """One distinct way the war lines up, and how often it occurred."""

    defenders: tuple[str, ...]
    attackers: tuple[str, ...]
    probability: float
    balance: float
    samples: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready outcome (an infinite balance becomes null)."""
        return {
            "defenders": list(self.defenders),
            "attackers": list(self.attackers),
            "probability": self.probability,
            "samples": self.samples,
            "balance": self.balance if math.isfinite(self.balance) else None,
        }


@dataclass(frozen=True, slots=True)
class Balance:
    """Distribution of defenders' capability / attackers' capability over samples."""

    mean: float
    mean_se: float
    quantiles: tuple[tuple[float, float], ...]
    defenders_stronger: float
    defenders_stronger_se: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready distribution summary."""
        return {
            "mean": self.mean,
            "mean_se": self.mean_se,
            "quantiles": {f"{q:g}": v for q, v in self.quantiles},
            "defenders_stronger": self.defenders_stronger,
            "defenders_stronger_se": self.defenders_stronger_se,
        }


@dataclass(frozen=True, slots=True)
class Pivot:
    """What one state's defection does to P(defenders stronger)."""

    state: str
    defects: float
    stronger_if_defects: float | None
    stronger_if_defects_se: float | None
    loss: float | None
    loss_se: float | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready sensitivity entry."""
        return {
            "state": self.state,
            "defects": self.defects,
            "defenders_stronger_if_defects": self.stronger_if_defects,
            "defenders_stronger_if_defects_se": self.stronger_if_defects_se,
            "loss": self.loss,
            "loss_se": self.loss_se,
        }


@dataclass(frozen=True, slots=True)
class Estimates:
    """Everything a simulation of one crisis estimates."""

    samples: int
    states: tuple[StateOdds, ...]
    balance: Balance
    outcomes: tuple[Outcome, ...]
    pivots: tuple[Pivot, ...]
    capability_figure: str
    missing_capability: tuple[str, ...]

    def state(self, key: str) -> StateOdds:
        """The odds of one state."""
        return next(s for s in self.states if s.state == key)

    @property
    def most_pivotal(self) -> Pivot | None:
        """The state whose defection costs the defenders most (None if none can be measured)."""
        measured = [p for p in self.pivots if p.loss is not None]
        return max(measured, key=lambda p: (p.loss, p.state)) if measured else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready estimates."""
        pivotal = self.most_pivotal
        return {
            "samples": self.samples,
            "states": [s.to_dict() for s in self.states],
            "balance": self.balance.to_dict(),
            "outcomes": [o.to_dict() for o in self.outcomes],
            "sensitivity": [p.to_dict() for p in self.pivots],
            "most_pivotal": pivotal.state if pivotal else None,
            "capability": self.capability_figure,
            "missing_capability": list(self.missing_capability),
        }


def estimate(crisis: Crisis, tally: Tally, *, top_outcomes: int = 10) -> Estimates:
    """The estimates of ``tally``, a run of ``crisis``."""
    n = tally.samples
    names = crisis.program.states
    states = tuple(
        StateOdds(
            state=name,
            defender=(d := int(tally.joined[i, 0]) / n),
            defender_se=binomial_se(d, n),
            attacker=(a := int(tally.joined[i, 1]) / n),
            attacker_se=binomial_se(a, n),
            conflicted=int(tally.conflicted[i]) / n,
        )
        for i, name in enumerate(names)
    )
    outcomes = sorted(
        (_outcome(crisis, key, count, n) for key, count in tally.outcomes.items()),
        key=lambda o: (-o.probability, o.defenders, o.attackers),
    )
    return Estimates(
        samples=n,
        states=states,
        balance=_balance(outcomes, n),
        outcomes=tuple(outcomes[:top_outcomes]),
        pivots=_pivots(crisis, tally),
        capability_figure=crisis.capability_figure,
        missing_capability=crisis.missing_capability,
    )


def side_capabilities(crisis: Crisis, sides: Sequence[int]) -> tuple[float, float]:
    """Summed capability of the defenders and of the attackers in one line-up
    (``sides[i]`` is state i's side code)."""
    capability = crisis.capability
    defence = sum(float(capability[i]) for i, s in enumerate(sides) if s == DEFENDER)
    offence = sum(float(capability[i]) for i, s in enumerate(sides) if s == ATTACKER)
    return defence, offence


def _outcome(crisis: Crisis, key: bytes, count: int, n: int) -> Outcome:
    sides = decode_outcome(key, crisis.program.size)
    names = crisis.program.states
    defence, offence = side_capabilities(crisis, sides)
    return Outcome(
        defenders=tuple(names[i] for i, s in enumerate(sides) if s == 1),
        attackers=tuple(names[i] for i, s in enumerate(sides) if s == 2),
        probability=count / n,
        balance=defence / offence if offence > 0 else (math.inf if defence > 0 else math.nan),
        samples=count,
    )


def _balance(outcomes: list[Outcome], n: int) -> Balance:
    """Mean, quantiles and P(balance > 1) over samples (nan balances, 0 / 0, sort last)."""
    ordered = sorted(outcomes, key=lambda o: (math.isnan(o.balance), o.balance))
    counts = np.array([o.samples for o in ordered], dtype=np.int64)
    values = np.array([o.balance for o in ordered])
    cumulative = np.cumsum(counts)
    quantiles = tuple(
        (q, float(values[min(int(np.searchsorted(cumulative, q * n)), len(values) - 1)]))
        for q in QUANTILES
    )
    finite = np.isfinite(values)
    weight = int(counts[finite].sum())
    mean = float(np.sum(counts[finite] * values[finite]) / weight) if weight else math.nan
    variance = (
        float(np.sum(counts[finite] * (values[finite] - mean) ** 2) / weight) if weight else 0.0
    )
    stronger = sum(o.samples for o in ordered if o.balance > 1.0) / n
    return Balance(
        mean=mean,
        mean_se=math.sqrt(variance / weight) if weight else math.nan,
        quantiles=quantiles,
        defenders_stronger=stronger,
        defenders_stronger_se=binomial_se(stronger, n),
    )


def _pivots(crisis: Crisis, tally: Tally) -> tuple[Pivot, ...]:
    """Sensitivity of P(defenders stronger) to each guarantor's defection."""
    n = tally.samples
    program = crisis.program
    guarantors = sorted(set(program.pair_guarantor.tolist()) - {0, 1})
    pivots = []
    for i in guarantors:
        kept_win, defect_lose, defect_win = (
            int(tally.defect_tally[i, 0, 1]),
            int(tally.defect_tally[i, 1, 0]),
            int(tally.defect_tally[i, 1, 1]),
        )
        defected = defect_lose + defect_win
        stronger = (kept_win + defect_win) / n
        if defected == 0:
            pivots.append(Pivot(program.states[i], 0.0, None, None, None, None))
            continue
        if_defects = defect_win / defected
        kept = n - defected
        if_kept = kept_win / kept if kept else if_defects
        share_kept = kept / n
        pivots.append(
            Pivot(
                state=program.states[i],
                defects=defected / n,
                stronger_if_defects=if_defects,
                stronger_if_defects_se=binomial_se(if_defects, defected),
                loss=stronger - if_defects,
                loss_se=share_kept
                * math.sqrt(
                    (if_kept * (1 - if_kept) / kept if kept else 0.0)
                    + if_defects * (1 - if_defects) / defected
                ),
            )
        )
    return tuple(sorted(pivots, key=lambda p: (-(p.loss or 0.0), p.state)))
