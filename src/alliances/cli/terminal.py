"""Rich terminal rendering of engine results (the CLI's face; no logic of its own)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from alliances.model import Crisis
from alliances.obligations import Coalition, Duty, Finding, ObligationReport, Side

__all__ = ["format_money", "show_crises", "show_listing", "show_report"]

_DUTY_STYLE = {
    Duty.ATTACKER: "bold red", Duty.ATTACKED: "bold blue", Duty.DEFEND: "bold green",
    Duty.JOIN_ATTACK: "bold red", Duty.CONFLICT: "bold magenta", Duty.CONSULT: "yellow",
    Duty.STAY_NEUTRAL: "cyan", Duty.BREACH: "red", Duty.NONE: "dim",
}


def _console() -> Console:
    return Console(highlight=False)


def format_money(value: float) -> str:
    """Dollars in billions: ``$916.0 bn``.

    Examples
    --------
    >>> format_money(916_000_000_000)
    '$916.0 bn'
    """
    return f"${value / 1e9:,.1f} bn"


def show_report(report: ObligationReport) -> None:
    """Print one obligation report: verdicts, reasons, cascade and coalitions."""
    console = _console()
    world, attack = report.world, report.attack
    place = world.place(attack.place)
    holder = place.administered_by or "no state"
    console.print(Text.assemble(
        (f"{_name(report, attack.aggressor)} attacks {_name(report, attack.target)}", "bold"),
        f" at {place.name} (administered by {holder}) on {attack.date.isoformat()}",
        (f"  [world {world.id}]", "dim")))
    console.print(_obligations_table(report))
    failed = [f for f in report.findings if not f.triggered]
    if failed:
        console.print(_failed_table(failed))
    _print_ties(console, report)
    for treaty in report.pending:
        console.print(f"[yellow]Not yet in force:[/] {treaty.label} (signed "
                      f"{treaty.signed}, in force from {treaty.in_force}): not binding on "
                      f"{attack.date.isoformat()}.")
    if report.cascade:
        _print_cascade(console, report)


def _name(report: ObligationReport, state: str) -> str:
    return f"{report.world.state(state).name} ({state})"


def _obligations_table(report: ObligationReport) -> Table:
    table = Table(title="Obligations triggered", title_justify="left", expand=True)
    table.add_column("State", no_wrap=True)
    table.add_column("Duty", no_wrap=True)
    table.add_column("Under", ratio=2)
    table.add_column("Why", ratio=5)
    shown = 0
    for finding in report.findings:
        if not finding.triggered:
            continue
        shown += 1
        pledge, treaty = finding.pledge, finding.treaty
        duty = _duty_words(finding)
        under = Text.assemble((f"{treaty.label}, {pledge.obligation.article.ref}", "bold"),
                              f"\n{pledge.obligation.strength.value}",
                              ("" if treaty.instrument.legally_binding
                               else f"\n{treaty.instrument.value}: not legally binding", "yellow"))
        why = Text(pledge.obligation.article.summary + "\n", style="italic")
        for check in finding.checks():
            why.append(f"{'✓' if check.met else '✗'} {check.text}\n",
                       style="green" if check.met else "red")
        table.add_row(pledge.owed_by, duty, under, why)
    if not shown:
        table.add_row("-", "none", "no obligation is triggered", "")
    return table


def _duty_words(finding: Finding) -> Text:
    pledge = finding.pledge
    words = {
        "defense": (f"defend {pledge.owed_to}", Duty.DEFEND),
        "offense": (f"join {pledge.owed_to}'s attack", Duty.JOIN_ATTACK),
        "consultation": (f"consult {pledge.owed_to}", Duty.CONSULT),
        "neutrality": (f"stay neutral toward {pledge.owed_to}", Duty.STAY_NEUTRAL),
        "nonaggression": (f"breaches pledge to {pledge.owed_to}", Duty.BREACH),
    }
    text, duty = words[pledge.obligation.kind.value]
    return Text(text, style=_DUTY_STYLE[duty])


def _failed_table(failed: Sequence[Finding]) -> Table:
    table = Table(title="Obligations examined but not triggered", title_justify="left",
                  expand=True)
    table.add_column("State", no_wrap=True)
    table.add_column("Obligation", ratio=2)
    table.add_column("Condition that failed", ratio=5)
    for finding in failed:
        pledge, treaty = finding.pledge, finding.treaty
        unmet = [c.text for c in finding.checks() if not c.met]
        table.add_row(pledge.owed_by,
                      f"{pledge.obligation.kind.value} to {pledge.owed_to}: {treaty.label}, "
                      f"{pledge.obligation.article.ref}",
                      Text("\n".join(f"✗ {t}" for t in unmet), style="red"))
    return table


def _print_ties(console: Console, report: ObligationReport) -> None:
    lines = []
    for verdict in report.verdicts:
        if verdict.duty is not Duty.NONE or not verdict.ties:
            continue
        ties = "; ".join(f"{t.label} ({t.instrument}, {'/'.join(t.kinds)}) with {t.with_state}"
                         for t in verdict.ties)
        lines.append(f"  {verdict.state}: {ties}")
    if lines:
        console.print("[bold]Ties that oblige nothing here[/]")
        for line in lines:
            console.print(line)


def _print_cascade(console: Console, report: ObligationReport) -> None:
    console.print("[bold]Cascade[/] (order in which states are drawn in)")
    for step in report.steps:
        if step.finding is None:
            role = "attacks" if step.side is Side.ATTACKER else "is attacked"
            console.print(f"  round 0: {step.state} {role}")
            continue
        pledge = step.finding.pledge
        console.print(f"  round {step.round}: {step.state} joins the {step.side.value}s "
                      f"({step.finding.treaty.label}, {pledge.obligation.article.ref}, owed to "
                      f"{pledge.owed_to})")
    for conflict in report.conflicts:
        console.print(f"  [magenta]conflict:[/] {conflict}")
    table = Table(title="Coalitions the treaties call for", title_justify="left")
    table.add_column("Side")
    table.add_column("States")
    table.add_column("Military expenditure", justify="right")
    table.add_column("Active personnel", justify="right")
    for coalition in report.coalitions:
        table.add_row(coalition.side.value, ", ".join(coalition.states),
                      *_capability_cells(coalition))
    console.print(table)


def _capability_cells(coalition: Coalition) -> list[str]:
    money = coalition.total("military_expenditure_usd")
    people = coalition.total("active_personnel")
    cells = [format_money(money.value), f"{people.value:,.0f}"]
    return [cell + (f" (no figure: {', '.join(total.missing)})" if total.missing else "")
            for cell, total in zip(cells, (money, people), strict=True)]


def show_crises(reports: Sequence[tuple[Crisis, ObligationReport]]) -> None:
    """Print the flagship crises as one table."""
    table = Table(title="Flagship crises (treaty obligations, with cascade)",
                  title_justify="left", expand=True)
    table.add_column("Crisis", ratio=3)
    table.add_column("Date", no_wrap=True)
    table.add_column("Obliged to defend", ratio=3)
    table.add_column("Obliged to consult", ratio=2)
    table.add_column("Defenders : attackers (milex)", ratio=2, justify="right")
    for crisis, report in reports:
        defenders = report.coalition(Side.DEFENDER)
        attackers = report.coalition(Side.ATTACKER)
        joined = ", ".join(defenders.states[1:]) or "nobody"
        if len(attackers.states) > 1:
            joined += f"  | attacker side: {', '.join(attackers.states[1:])}"
        consult = ", ".join(v.state for v in report.verdicts if v.duty is Duty.CONSULT) or "-"
        defense_money = defenders.total("military_expenditure_usd").value
        attack_money = attackers.total("military_expenditure_usd").value
        ratio = f"{defense_money / attack_money:.2f}" if attack_money else "n/a"
        table.add_row(crisis.name, crisis.date.isoformat(), joined, consult, ratio)
    _console().print(table)


def show_listing(kind: str, rows: list[dict[str, Any]]) -> None:
    """Print the rows of ``alliances list``."""
    table = Table(title=kind.capitalize(), title_justify="left")
    if not rows:
        _console().print(f"no {kind}")
        return
    for column in rows[0]:
        table.add_column(column.replace("_", " "))
    for row in rows:
        table.add_row(*(_cell(value) for value in row.values()))
    _console().print(table)


def _cell(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:,.0f}"
    return "" if value is None else str(value)
