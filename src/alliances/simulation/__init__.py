"""Monte Carlo over unreliable commitments: who fights, how likely, and with what balance.

Examples
--------
>>> import alliances
>>> from alliances.simulation import simulate
>>> result = simulate(alliances.load_world(), by="CHN", on="PHL", at="second-thomas-shoal",
...                   date="2024-10-01", samples=10_000, seed=1, backend="inline")
>>> result.estimates.state("PHL").defender
1.0
"""

from alliances.simulation.backends import BACKENDS, open_backend
from alliances.simulation.estimates import Estimates, binomial_se, estimate
from alliances.simulation.program import CrisisProgram, compile_crisis
from alliances.simulation.reliability import PRESETS, ReliabilityModel, preset
from alliances.simulation.run import Simulation, simulate
from alliances.simulation.sampling import BLOCK, Crisis, blocks_of, sample_blocks, tally_blocks
from alliances.simulation.tally import Tally

__all__ = [
    "BACKENDS",
    "BLOCK",
    "PRESETS",
    "Crisis",
    "CrisisProgram",
    "Estimates",
    "ReliabilityModel",
    "Simulation",
    "Tally",
    "binomial_se",
    "blocks_of",
    "compile_crisis",
    "estimate",
    "open_backend",
    "preset",
    "sample_blocks",
    "simulate",
    "tally_blocks",
]
