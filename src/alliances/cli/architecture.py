"""Rich rendering of architecture comparisons and proposal diffs."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from alliances.alignment import Alignment, Solution
from alliances.metrics import Comparison, summary_rows
from alliances.model.diff import WorldDiff

__all__ = ["show_alignment", "show_comparison", "show_diff"]


def _cell(value: object, delta: float | None = None) -> str:
    if isinstance(value, float):
        text = f"{value:,.3g}" if abs(value) < 1e4 else f"{value:,.0f}"
    else:
        text = "-" if value is None else str(value)
    if delta is None or abs(delta) < 1e-12:
        return text
    colour = "blue" if delta > 0 else "dark_orange"
    return f"{text} [{colour}]({delta:+.3g})[/]"


def show_comparison(comparison: Comparison) -> None:
    """Summary metrics side by side, then per-state protection and entrapment."""
    console = Console(highlight=False)
    names = [a.world for a in comparison.assessments]
    summary = Table(
        title=f"Architectures compared on {comparison.date} (changes against {names[0]})",
        title_justify="left",
    )
    summary.add_column("metric")
    for name in names:
        summary.add_column(name, justify="right")
    for row in summary_rows(list(comparison.assessments)):
        cells = [
            _cell(v, d if i else None)
            for i, (v, d) in enumerate(zip(row["values"], row["deltas"], strict=True))
        ]
        summary.add_row(row["metric"].replace("_", " "), *cells)
    console.print(summary)
    cards = Table(
        title="Per state: weighted protection (US$ bn) / entrapment (crises)", title_justify="left"
    )
    cards.add_column("state")
    for name in names:
        cards.add_column(name, justify="right")
    base = comparison.base
    for state in base.graph.states:
        rows = [(a.scorecard(state), base.scorecard(state)) for a in comparison.assessments]
        if not any(card.protection_weighted or card.entrapment.crises for card, _ in rows):
            continue
        cells = []
        for index, (card, before) in enumerate(rows):
            money = card.protection_weighted / 1e9
            money_delta = (card.protection_weighted - before.protection_weighted) / 1e9
            crises = card.entrapment.crises - before.entrapment.crises
            cells.append(
                f"{_cell(money, money_delta if index else None)} / "
                f"{_cell(card.entrapment.crises, crises if index else None)}"
            )
        cards.add_row(state, *cells)
    console.print(cards)
    for assessment in comparison.assessments:
        encircled = assessment.encirclement
        console.print(
            f"[bold]{assessment.world}[/]: {encircled.observer}'s neighbours in pacts "
            f"covering its attacks: {', '.join(encircled.aligned) or 'none'} "
            f"({encircled.share:.0%} of neighbours' capability)"
        )


def show_diff(change: WorldDiff) -> None:
    """The pledges and deployments a proposal adds, removes or changes."""
    console = Console(highlight=False)
    console.print(f"[bold]{change.other}[/] against [bold]{change.base}[/] on {change.date}")
    if change.empty:
        console.print("no differences")
        return
    for pledge in change.pledges_added:
        console.print(
            f"  [blue]+[/] {pledge.owed_by} owes {pledge.owed_to} {pledge.kind.value} "
            f"({pledge.treaty}, {pledge.obligation.article.ref})"
        )
    for pledge in change.pledges_removed:
        console.print(
            f"  [dark_orange]-[/] {pledge.owed_by} no longer owes {pledge.owed_to} "
            f"{pledge.kind.value} ({pledge.treaty}, {pledge.obligation.article.ref})"
        )
    for old, new in change.pledges_changed:
        console.print(
            f"  [magenta]~[/] {new.owed_by} to {new.owed_to} "
            f"{new.kind.value}: {old.obligation.article.ref} becomes "
            f"{new.obligation.article.ref}"
        )
    for deployment in change.deployments_added:
        size = deployment.personnel if deployment.personnel is not None else "no figure"
        console.print(
            f"  [blue]+[/] {deployment.guest} forces in {deployment.host} "
            f"({size}, {deployment.command.value} command)"
        )
    for deployment in change.deployments_removed:
        console.print(f"  [dark_orange]-[/] {deployment.guest} forces leave {deployment.host}")
    for before, after in change.deployments_changed:
        console.print(
            f"  [magenta]~[/] {after.guest} forces in {after.host}: "
            f"{before.command.value} -> {after.command.value} command"
        )


def show_alignment(result: Alignment, left_out: tuple[str, ...] = ()) -> None:
    """The predicted coalitions, how they were found, and the local minima."""
    console = Console(highlight=False)
    actors = result.problem.actors
    proof = "proved optimal" if result.solution.optimal else "best found, not proved optimal"
    console.print(
        f"[bold]Predicted alignment[/] ({result.k} coalitions, energy "
        f"{result.solution.energy:.6g}, {result.solution.solver}: {proof})"
    )
    console.print(f"  {result.solution.detail}")
    for index, coalition in enumerate(result.solution.coalitions(actors), start=1):
        console.print(f"  coalition {index}: {', '.join(coalition)}")
    if "JPN" in actors:
        side = next(c for c in result.solution.coalitions(actors) if "JPN" in c)
        others = [a for a in actors if a not in side]
        console.print(f"  with Japan (candidates for an Asian NATO): {', '.join(side)}")
        console.print(f"  not with Japan: {', '.join(others) or 'none'}")
    if left_out:
        console.print(f"  left out (no capability figure, size unknown): {', '.join(left_out)}")
    if result.minima:
        table = Table(
            title="Local minima (stable configurations) and their basins", title_justify="left"
        )
        table.add_column("energy", justify="right")
        table.add_column("basin", justify="right")
        table.add_column("smaller coalition")
        for minimum in result.minima[:12]:
            groups = Solution(minimum.labels, minimum.energy, False, "").coalitions(actors)
            table.add_row(
                f"{minimum.energy:.6g}",
                f"{minimum.basin_size:,}",
                ", ".join(groups[-1]) if len(groups) > 1 else "(none: one coalition)",
            )
        console.print(table)
        if len(result.minima) > 12:
            console.print(f"  ... {len(result.minima) - 12} more (see --json)")
