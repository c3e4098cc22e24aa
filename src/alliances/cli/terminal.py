"""Rich terminal rendering of engine results (the CLI's face; no logic of its own)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from alliances.model import Crisis
from alliances.obligations import Coalition, Duty, Finding, ObligationReport, Side, Tie

__all__ = ["format_money", "show_crises", "show_listing", "show_report"]

_DUTY_STYLE = {
    Duty.ATTACKER: "bold red",
    Duty.ATTACKED: "bold blue",
    Duty.DEFEND: "bold green",
    Duty.JOIN_ATTACK: "bold red",
    Duty.CONFLICT: "bold magenta",
    Duty.CONSULT: "yellow",
    Duty.STAY_NEUTRAL: "cyan",
    Duty.BREACH: "red",
    Duty.NONE: "dim",
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


def show_report(report: ObligationReport, *, verbose: bool = False) -> None:
    """Print one obligation report: duties, reasons, cascade, coalitions and ties.

    Only obligations of the first strike are detailed, unless ``verbose``.
    """
    console = _console()
    world, attack = report.world, report.attack
    place = world.place(attack.place)
    holder = place.administered_by or "no state"
    console.print(
        Text.assemble(
            (f"{_name(report, attack.aggressor)} attacks {_name(report, attack.target)}", "bold"),
            f" at {place.name} (administered by {holder}) on {attack.date.isoformat()}",
            (f"  [world {world.id}]", "dim"),
        )
    )
    shown = [f for f in report.findings if verbose or f.round == 1]
    console.print(_obligations_table([f for f in shown if f.triggered]))
    failed = [f for f in shown if not f.triggered]
    if failed:
        console.print(_failed_table(failed))
    if report.cascade:
        _print_cascade(console, report)
    _print_ties(console, report)
    for treaty in report.pending:
        console.print(
            f"[yellow]Not yet in force:[/] {treaty.label} (signed "
            f"{treaty.signed}, in force from {treaty.in_force}): not binding on "
            f"{attack.date.isoformat()}."
        )
    _print_articles(
        console,
        [f for f in shown if f.triggered]
        + [s.finding for s in report.steps if s.finding is not None],
    )


def _print_articles(console: Console, findings: Sequence[Finding]) -> None:
    cited = {
        (f.treaty.label, f.pledge.obligation.article.ref): f.pledge.obligation
        for f in findings
        if f.pledge.obligation.kind.fights
    }
    if cited:
        console.print("[bold]Articles cited[/] (our paraphrase)")
        for (label, ref), obligation in cited.items():
            console.print(f"  [bold]{label}, {ref}[/]: {obligation.article.summary}")
            if obligation.note:
                console.print(
                    f"    [yellow]note ({obligation.confidence.value} confidence):[/] "
                    f"{obligation.note}"
                )


def _name(report: ObligationReport, state: str) -> str:
    return f"{report.world.state(state).name} ({state})"


def _obligations_table(findings: Sequence[Finding]) -> Table:
    """Triggered obligations; states bound by the same article to the same state share a row."""
    table = Table(title="Obligations triggered", title_justify="left", expand=True)
    table.add_column("Round", justify="right", no_wrap=True)
    table.add_column("State", max_width=12)
    table.add_column("Duty", no_wrap=True)
    table.add_column("Under", ratio=3)
    table.add_column("Why", ratio=5)
    groups: dict[tuple[int, str, str, str], list[Finding]] = {}
    for finding in sorted(
        findings, key=lambda f: (f.round, _KIND_ORDER.index(f.pledge.obligation.kind.value))
    ):
        pledge = finding.pledge
        key = (finding.round, pledge.treaty, pledge.obligation.id, pledge.owed_to)
        groups.setdefault(key, []).append(finding)
    for group in groups.values():
        finding = group[0]
        treaty, obligation = finding.treaty, finding.pledge.obligation
        under = Text.assemble((f"{treaty.label}, {obligation.article.ref}", "bold"))
        if obligation.strength.value != "none":
            under.append(f"\n{obligation.strength.value}")
        if not treaty.instrument.legally_binding:
            under.append(f"\n{treaty.instrument.value}: not legally binding", style="yellow")
        checks = finding.checks()
        why = Text("\n".join(f"{'✓' if c.met else '✗'} {c.text}" for c in checks), style="green")
        states = ", ".join(f.state for f in group)
        table.add_row(str(finding.round), states, _duty_words(finding), under, why)
    if not groups:
        table.add_row("", "-", "none", "no obligation is triggered", "")
    return table


_KIND_ORDER = [
    "defense",
    "offense",
    "neutrality",
    "nonaggression",
    "consultation",
    "access",
    "forum",
]


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
    """Untriggered obligations, one row per (state, treaty, article) with every creditor."""
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for finding in failed:
        key = (finding.pledge.owed_by, finding.pledge.treaty, finding.pledge.obligation.id)
        groups.setdefault(key, []).append(finding)
    table = Table(title="Obligations examined but not triggered", title_justify="left", expand=True)
    table.add_column("State", no_wrap=True)
    table.add_column("Obligation", ratio=2)
    table.add_column("Condition that failed", ratio=5)
    for findings in groups.values():
        first = findings[0]
        pledge, treaty = first.pledge, first.treaty
        owed_to = ", ".join(dict.fromkeys(f.pledge.owed_to for f in findings))
        unmet = [c.text for c in first.checks() if not c.met]
        table.add_row(
            pledge.owed_by,
            f"{pledge.obligation.kind.value} to {owed_to}: {treaty.label}, "
            f"{pledge.obligation.article.ref}",
            Text("\n".join(f"✗ {t}" for t in unmet), style="red"),
        )
    return table


def _print_ties(console: Console, report: ObligationReport) -> None:
    lines = []
    for verdict in report.verdicts:
        if verdict.duty is not Duty.NONE or not verdict.ties:
            continue
        ties = "; ".join(f"{_tie_words(t)} with {t.with_state}" for t in verdict.ties)
        lines.append(f"  {verdict.state}: {ties}")
    if lines:
        console.print("[bold]Ties that oblige nothing here[/]")
        for line in lines:
            console.print(line)


def _tie_words(tie: Tie) -> str:
    kinds = "no obligations" if tie.kinds == ("none",) else "/".join(tie.kinds)
    legal = "" if tie.instrument in ("treaty", "forum") else f"; {tie.instrument}"
    return f"{tie.label} ({kinds}{legal})"


def _print_cascade(console: Console, report: ObligationReport) -> None:
    steps = Table(
        title="Cascade: the order in which the treaties draw states in",
        title_justify="left",
        expand=True,
    )
    steps.add_column("Round", justify="right")
    steps.add_column("State")
    steps.add_column("Side")
    steps.add_column("Because", ratio=3)
    for step in report.steps:
        if step.finding is None:
            because = "starts the war" if step.side is Side.ATTACKER else "is attacked"
        else:
            pledge = step.finding.pledge
            because = (
                f"{step.finding.treaty.label}, {pledge.obligation.article.ref}: owed to "
                f"{pledge.owed_to}"
            )
        steps.add_row(str(step.round), step.state, step.side.value, because)
    console.print(steps)
    for conflict in report.conflicts:
        console.print(f"  [magenta]conflict:[/] {conflict}")
    table = Table(title="Coalitions the treaties call for", title_justify="left")
    table.add_column("Side")
    table.add_column("States")
    table.add_column("Military expenditure", justify="right")
    table.add_column("Active personnel", justify="right")
    for coalition in report.coalitions:
        table.add_row(
            coalition.side.value, ", ".join(coalition.states), *_capability_cells(coalition)
        )
    console.print(table)


def _capability_cells(coalition: Coalition) -> list[str]:
    money = coalition.total("military_expenditure_usd")
    people = coalition.total("active_personnel")
    cells = [format_money(money.value), f"{people.value:,.0f}"]
    return [
        cell + (f" (no figure: {', '.join(total.missing)})" if total.missing else "")
        for cell, total in zip(cells, (money, people), strict=True)
    ]


def show_crises(reports: Sequence[tuple[Crisis, ObligationReport]]) -> None:
    """Print the flagship crises as one table."""
    table = Table(
        title="Flagship crises (treaty obligations, with cascade)",
        title_justify="left",
        expand=True,
    )
    table.add_column("Crisis", ratio=4)
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
        table.add_row(
            crisis.name, crisis.date.isoformat(), joined, consult, _ratio(defenders, attackers)
        )
    _console().print(table)


def _ratio(defenders: Coalition, attackers: Coalition) -> str:
    """Defenders' over attackers' military expenditure, flagging missing figures."""
    defense = defenders.total("military_expenditure_usd")
    offense = attackers.total("military_expenditure_usd")
    missing = (*offense.missing, *defense.missing)
    note = f" (no figure: {', '.join(missing)})" if missing else ""
    if not offense.value or not defense.value:
        return "n/a" + note
    return f"{defense.value / offense.value:.2f}" + note


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
