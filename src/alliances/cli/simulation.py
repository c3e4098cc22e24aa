"""Terminal views of simulations and sweep progress (the CLI's face; no logic of its own)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from alliances.simulation import Simulation

__all__ = ["show_simulation", "sweep_progress"]


def _percent(p: float, se: float | None = None) -> str:
    return f"{100 * p:5.1f}%" + (f" ± {100 * se:.1f}" if se else "")


def show_simulation(result: Simulation) -> None:
    """Per-state odds, the balance of capability, sensitivity and the likeliest line-ups."""
    console = Console(highlight=False)
    attack = result.crisis.program.attack
    estimates = result.estimates
    console.print(
        f"[bold]{attack.aggressor} attacks {attack.target} at {attack.place} on {attack.date}[/]"
        f" — {estimates.samples:,} samples, seed {result.seed},"
        f" reliability {result.model.name} (base {result.model.base_rate:.3g},"
        f" {result.model.coupling} coupling)"
    )
    Console(stderr=True, highlight=False).print(
        f"[dim]{result.seconds:.2f} s on the {result.backend} backend,"
        f" {result.workers} worker(s)[/]"
    )
    table = Table(title="Who fights (± one standard error)", title_justify="left")
    for column in ("state", "treaties oblige", "defends", "joins attack", "stays out"):
        table.add_column(
            column, justify="left" if column in ("state", "treaties oblige") else "right"
        )
    for odds in estimates.states:
        table.add_row(
            odds.state,
            result.obliged.get(odds.state, "-"),
            _percent(odds.defender, odds.defender_se),
            _percent(odds.attacker, odds.attacker_se),
            _percent(odds.out),
        )
    console.print(table)
    balance = estimates.balance
    quantiles = ", ".join(f"{100 * q:g}%: {v:.2f}" for q, v in balance.quantiles)
    console.print(
        f"Capability balance, defenders / attackers ({estimates.capability_figure}):"
        f" mean {balance.mean:.3f} ± {balance.mean_se:.3f}; quantiles {quantiles}"
    )
    console.print(
        "P(defenders' capability exceeds the attackers'):"
        f" [bold]{_percent(balance.defenders_stronger, balance.defenders_stronger_se)}[/]"
    )
    if estimates.missing_capability:
        console.print(
            f"[dim]No capability figure (counted as 0): "
            f"{', '.join(estimates.missing_capability)}[/]"
        )
    pivots = [p for p in estimates.pivots if p.loss is not None][:5]
    if pivots:
        sensitivity = Table(title="If one state defects", title_justify="left")
        for column in ("state", "P(defects)", "P(defenders stronger | it defects)", "loss"):
            sensitivity.add_column(column, justify="left" if column == "state" else "right")
        for pivot in pivots:
            sensitivity.add_row(
                pivot.state,
                _percent(pivot.defects),
                _percent(pivot.stronger_if_defects or 0.0, pivot.stronger_if_defects_se),
                _percent(pivot.loss or 0.0, pivot.loss_se),
            )
        console.print(sensitivity)
    lines = Table(title="Likeliest line-ups", title_justify="left")
    for column in ("probability", "defenders", "attackers", "balance"):
        lines.add_column(
            column, justify="right" if column in ("probability", "balance") else "left"
        )
    for outcome in estimates.outcomes[:5]:
        lines.add_row(
            _percent(outcome.probability),
            " ".join(outcome.defenders),
            " ".join(outcome.attackers),
            f"{outcome.balance:.2f}",
        )
    console.print(lines)


@contextmanager
def sweep_progress(*, enabled: bool = True) -> Iterator[Callable[[int, int], None]]:
    """A reporter fed ``(done, total)``: a rich progress bar with an ETA on stderr (unless
    disabled), after a line saying how much a resumed sweep had already done."""
    console = Console(stderr=True)
    bar = Progress(
        TextColumn("sweep"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("cells"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        disable=not enabled,
    )
    task = bar.add_task("sweep", total=None)

    def update(done: int, total: int) -> None:
        if bar.tasks[task].total is None:  # the first report: what checkpoints already hold
            if done:
                console.print(
                    f"resuming: {done} of {total} cells already done, computing {total - done}"
                )
            bar.reset(task, total=total, completed=done)  # ETA counts only this run's cells
        bar.update(task, completed=done)

    with bar:
        yield update
