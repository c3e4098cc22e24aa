"""Landscape theory of aggregation: which coalitions form (Axelrod and Bennett 1993)."""

from alliances.alignment.enumerate import Enumeration, LocalMinimum, enumerate_landscape
from alliances.alignment.exact import branch_and_bound
from alliances.alignment.heuristic import anneal, descend
from alliances.alignment.landscape import Landscape, Solution
from alliances.alignment.propensity import PropensityWeights, landscape_of
from alliances.alignment.solve import Alignment, align

__all__ = [
    "Alignment",
    "Enumeration",
    "Landscape",
    "LocalMinimum",
    "PropensityWeights",
    "Solution",
    "align",
    "anneal",
    "branch_and_bound",
    "descend",
    "enumerate_landscape",
    "landscape_of",
]
