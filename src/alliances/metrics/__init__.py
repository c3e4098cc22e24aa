"""Architecture metrics: hub dominance, asymmetry, protection, resilience, entrapment,
encirclement and deterrence, per world and per state (formulas in docs/metrics.md)."""

from alliances.metrics.assessment import Assessment, Scorecard, assess, summary_rows
from alliances.metrics.comparison import Comparison, compare
from alliances.metrics.graph import CommitmentGraph, commitment_graph
from alliances.metrics.parameters import DEFAULT_PARAMETERS, MetricParameters

__all__ = [
    "DEFAULT_PARAMETERS",
    "Assessment",
    "CommitmentGraph",
    "Comparison",
    "MetricParameters",
    "Scorecard",
    "assess",
    "commitment_graph",
    "compare",
    "summary_rows",
]
