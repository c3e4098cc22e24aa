"""Convergence of the Monte Carlo estimates for the flagship crises (docs/simulation.md).

For each crisis, P(defenders' capability exceeds the attackers') is computed
exactly (every combination of decisions enumerated) and estimated from
10^3 ... 10^6 samples; the table gives estimate, standard error and actual
error, and the figure plots both against the number of samples.

Run: ``python scripts/simulation_convergence.py`` (writes docs/simulation-convergence.md
and docs/img/simulation-convergence.png)
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

import alliances
from alliances.obligations import Attack
from alliances.simulation import Crisis, estimate, preset, sample_blocks
from alliances.simulation.estimates import side_capabilities
from alliances.simulation.exact import exact_outcomes

ROOT = Path(__file__).resolve().parents[1]
CRISES = ("second-thomas-shoal", "senkaku", "hokkaido", "darwin", "palau")
SIZES = (1_000, 10_000, 100_000, 1_000_000)
SEED = 2024


def exact_values(crisis: Crisis) -> tuple[float, float]:
    """Exact P(defenders stronger) and P(USA defends), by enumeration."""
    usa = crisis.program.states.index("USA")
    stronger = defends = 0.0
    for sides, weight in exact_outcomes(crisis).items():
        defence, offence = side_capabilities(crisis, sides)
        stronger += weight if defence > offence else 0.0
        defends += weight if sides[usa] == 1 else 0.0
    return stronger, defends


def main() -> None:
    world = alliances.load_world()
    lines = [
        "| crisis | exact | samples | estimate | standard error | actual error |",
        "|---|---|---|---|---|---|",
    ]
    figure, axis = plt.subplots(figsize=(7, 4.5), dpi=120)
    markers = "osD^v"
    ratios: list[float] = []
    same_as_usa: list[bool] = []
    for number, crisis_id in enumerate(CRISES):
        attack = Attack.of_crisis(world.crisis(crisis_id))
        crisis = Crisis.of(world, attack, preset("leeds2000"))
        exact, exact_usa = exact_values(crisis)
        errors, ses = [], []
        for size in SIZES:
            estimates = estimate(crisis, sample_blocks(crisis, seed=SEED, samples=size))
            balance, usa = estimates.balance, estimates.state("USA")
            error = abs(balance.defenders_stronger - exact)
            errors.append(error)
            ses.append(balance.defenders_stronger_se)
            lines.append(
                f"| {crisis_id} | {exact:.5f} | {size:,} |"
                f" {balance.defenders_stronger:.5f} | {balance.defenders_stronger_se:.5f} |"
                f" {error:.5f} |"
            )
            same_as_usa.append(
                abs(exact - exact_usa) < 1e-12 and usa.defender == balance.defenders_stronger
            )
            ratios.append(error / balance.defenders_stronger_se)
        axis.loglog(SIZES, ses, "-", marker=markers[number], label=f"{crisis_id}: standard error")
        axis.loglog(
            SIZES,
            [max(e, 1e-6) for e in errors],
            ":",
            marker=markers[number],
            alpha=0.6,
            color=axis.lines[-1].get_color(),
        )
    axis.set_xlabel("samples")
    axis.set_ylabel("standard error (solid)\nactual error (dotted)")
    axis.set_title("Monte Carlo convergence, flagship crises (leeds2000, seed 2024)", fontsize=10)
    axis.grid(True, which="both", alpha=0.3)
    axis.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(ROOT / "docs" / "img" / "simulation-convergence.png")
    text = (
        "# Convergence of the Monte Carlo estimates\n\n"
        "P(defenders' capability exceeds the attacker's), flagship crises. "
        "Made by `python scripts/simulation_convergence.py` (leeds2000 reliability,"
        f" guarantor coupling, seed {SEED}). *exact* enumerates every combination of decisions"
        " (`alliances.simulation.exact`); the standard error is sqrt(p(1-p)/N); the actual error"
        " is |estimate - exact|. Errors shrink as 1/sqrt(N); the largest actual error is"
        f" {max(ratios):.1f} standard errors."
        + (
            " In all five crises the defenders out-spend the attacker exactly when the United"
            " States fights, so P(USA defends) has the same values."
            if all(same_as_usa)
            else ""
        )
        + "\n\n![standard error and actual error against samples]"
        "(img/simulation-convergence.png)\n\n" + "\n".join(lines) + "\n"
    )
    (ROOT / "docs" / "simulation-convergence.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
