"""Commands of the ``alliances`` program. Heavy modules are imported inside commands.

Every :class:`~alliances.errors.AlliancesError` becomes a message on stderr
and exit code 2, in one place (:func:`main`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from alliances.model import World

__all__ = ["app", "main"]

EXIT_USER_ERROR = 2

app = typer.Typer(
    name="alliances",
    help="Military-alliance commitments, machine-readable: who must do what, and why.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: rendering it with rich costs ~0.1 s of cold start
)

WorldOption = Annotated[
    str | None,
    typer.Option(
        "--world", "-w", help="Scenario file or embedded world id (default: indo-pacific-2024)."
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print one JSON object instead of tables.")
]
DateOption = Annotated[
    str | None,
    typer.Option("--date", "-d", help="Date of the attack, YYYY-MM-DD (default: today)."),
]

ByOption = Annotated[str, typer.Option("--by", help="The aggressor (ISO code or name).")]
OnOption = Annotated[str, typer.Option("--on", help="The target (ISO code or name).")]
AtOption = Annotated[
    str | None,
    typer.Option("--at", help="Place of the attack (default: the target's home territory)."),
]
CounterattackOption = Annotated[
    bool,
    typer.Option(
        "--counterattack-triggers",
        help="Entrapment reading: strikes on the aggressor's side "
        "trigger its allies' defence pledges.",
    ),
]
ProposalOption = Annotated[
    str | None,
    typer.Option(
        "--proposal", "-p", help="An embedded proposal id or proposal file (instead of --world)."
    ),
]


def _load(world: str | None) -> World:
    from alliances.io import load_world

    return load_world(world)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


@app.command()
def attack(
    by: ByOption,
    on: OnOption,
    at: AtOption = None,
    date: DateOption = None,
    cascade: Annotated[
        bool,
        typer.Option("--cascade", help="Follow obligations until no more states are drawn in."),
    ] = False,
    counterattack: CounterattackOption = False,
    world: WorldOption = None,
    as_json: JsonOption = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            help="List every obligation examined, not only those owed to the target.",
        ),
    ] = False,
) -> None:
    """If BY attacks ON at a place and date: who is obliged to do what, under which article."""
    from alliances.obligations import CascadeRules
    from alliances.obligations import attack as run_attack

    rules = CascadeRules(counterattack_is_armed_attack=counterattack)
    report = run_attack(_load(world), by=by, on=on, at=at, date=date, cascade=cascade, rules=rules)
    if as_json:
        _print_json(report.to_dict())
        return
    from alliances.cli.terminal import show_report

    show_report(report, verbose=verbose)


@app.command()
def crises(
    world: WorldOption = None,
    as_json: JsonOption = False,
) -> None:
    """Run the shipped flagship crises (with cascade) and print one table."""
    from alliances.obligations import crisis_rows, evaluate_crises

    loaded = _load(world)
    if as_json:
        _print_json(crisis_rows(loaded))
        return
    reports = evaluate_crises(loaded)
    from alliances.cli.terminal import show_crises

    show_crises(reports)


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="Scenario files to validate.")],
) -> None:
    """Validate scenario files: report every problem with file:line:column, or say OK."""
    from alliances.errors import ScenarioError
    from alliances.io import check_file

    failed = False
    for file in files:
        try:
            loaded = check_file(file)
        except ScenarioError as error:
            failed = True
            for problem in error.problems:
                typer.echo(str(problem), err=True)
            typer.echo(f"{file}: {len(error.problems)} problem(s); nothing loaded", err=True)
            continue
        typer.echo(
            f"{file}: OK ({len(loaded.states)} states, {len(loaded.places)} places, "
            f"{len(loaded.treaties)} treaties, {len(loaded.deployments)} deployments, "
            f"{len(loaded.crises)} crises)"
        )
    if failed:
        raise typer.Exit(EXIT_USER_ERROR)


@app.command()
def schema(
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file.")] = None,
) -> None:
    """Print the JSON Schema of scenario files."""
    from alliances.io import scenario_json_schema

    text = json.dumps(scenario_json_schema(), indent=2) + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        from alliances.io.atomic import write_text_atomic

        write_text_atomic(out, text)


@app.command(name="list")
def list_entities(
    kind: Annotated[str, typer.Argument(help="states, places, treaties or crises")],
    date: DateOption = None,
    world: WorldOption = None,
    as_json: JsonOption = False,
) -> None:
    """List a world's states, places, treaties (in force at --date) or crises."""
    from alliances.cli.terminal import show_listing
    from alliances.io.listing import listing

    rows = listing(_load(world), kind, date)
    if as_json:
        _print_json(rows)
    else:
        show_listing(kind, rows)


ProposalArgument = Annotated[
    str, typer.Argument(help="'current', an embedded proposal id, or a proposal file.")
]


def _proposal_world(name: str) -> World:
    from alliances.io.proposals import proposal_world

    return proposal_world(name)


def _default_date(names: list[str], date: str | None) -> dt.date:
    """The date to compare at: --date, else the latest effective date of the proposals."""
    from alliances.io.proposals import comparison_date

    return comparison_date(names, date)


@app.command()
def compare(
    architectures: Annotated[
        list[str],
        typer.Argument(
            help="Architectures to compare: 'current', embedded proposal ids or proposal files. "
            "The first is the base."
        ),
    ],
    date: DateOption = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Write a self-contained HTML report here, with PNG, CSV and JSON beside it.",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Compare alliance architectures: every metric, per-actor scorecards, and the changes."""
    from alliances.metrics import compare as run_compare

    day = _default_date(architectures, date)
    result = run_compare([_proposal_world(name) for name in architectures], day)
    if out is not None:
        from alliances.report.html import write_report

        files = write_report(result, out)
        typer.echo(f"wrote {files[0]} and {len(files) - 1} files beside it", err=True)
    if as_json:
        _print_json(result.to_dict())
    elif out is None or sys.stdout.isatty():
        from alliances.cli.architecture import show_comparison

        show_comparison(result)


@app.command()
def diff(
    base: ProposalArgument,
    proposal: ProposalArgument,
    date: DateOption = None,
    as_json: JsonOption = False,
) -> None:
    """What PROPOSAL changes relative to BASE: pledges and deployments added, removed, changed."""
    from alliances.metrics.comparison import diff_dict
    from alliances.model.diff import world_diff

    day = _default_date([base, proposal], date)
    change = world_diff(_proposal_world(base), _proposal_world(proposal), day)
    if as_json:
        _print_json(diff_dict(change))
        return
    from alliances.cli.architecture import show_diff

    show_diff(change)


@app.command()
def export(
    architecture: ProposalArgument,
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="graphml, gexf, geojson or json.")
    ] = "json",
    date: DateOption = None,
) -> None:
    """Export a world at a date: GraphML or GEXF (Gephi), GeoJSON (treaties as lines,
    deployments as points) or JSON."""
    from alliances.report.exports import export_world

    day = _default_date([architecture], date)
    export_world(_proposal_world(architecture).at(day), fmt, out)
    typer.echo(f"wrote {out}", err=True)


@app.command()
def align(
    input_file: Annotated[
        Path | None,
        typer.Option(
            "--input", "-i", help="A JSON file {actors, sizes, propensity} instead of a world."
        ),
    ] = None,
    landscape: Annotated[
        str | None,
        typer.Option(
            "--landscape", "-l", help="A component landscape file or embedded id (europe-1936)."
        ),
    ] = None,
    world: WorldOption = None,
    proposal: ProposalOption = None,
    date: DateOption = None,
    k: Annotated[int, typer.Option("--k", min=2, max=8, help="Number of coalitions.")] = 2,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the annealing heuristic.")] = 0,
    as_json: JsonOption = False,
) -> None:
    """Predict which coalitions form (landscape theory): exact for two coalitions."""
    from alliances.alignment import align as run_align
    from alliances.alignment import landscape_of
    from alliances.alignment.inputs import read_landscape

    left_out: tuple[str, ...] = ()
    if input_file is not None:
        problem = read_landscape(input_file)
    elif landscape is not None:
        from alliances.alignment.inputs import load_landscape_spec

        problem, _ = load_landscape_spec(landscape)
    else:
        loaded = _proposal_world(proposal) if proposal else _load(world)
        day = date or dt.date.today().isoformat()
        problem, left_out = landscape_of(loaded.at(day))
    result = run_align(problem, k=k, seed=seed)
    if as_json:
        _print_json({**result.to_dict(), "left_out": list(left_out)})
        return
    from alliances.cli.architecture import show_alignment

    show_alignment(result, left_out)


@app.command()
def dyads(
    data: Annotated[
        Path,
        typer.Option(
            "--data",
            help="Folder holding the official files (states2016.csv, atop5_1m.csv, "
            "alliance_v4.1_by_dyad.csv, NMC-60-abridged.csv).",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output: .parquet, .csv or .dta.")],
    start: Annotated[int, typer.Option("--from", help="First year.")] = 1816,
    end: Annotated[int, typer.Option("--to", help="Last year.")] = 2016,
    directed: Annotated[
        bool, typer.Option("--directed/--undirected", help="Directed dyads (default) or not.")
    ] = True,
    datasets: Annotated[
        str, typer.Option("--with", help="Comma-separated: atop,cow,nmc.")
    ] = "atop,cow,nmc",
) -> None:
    """Build a dyad-year table of system members with ATOP, COW alliance and NMC columns."""
    from alliances.dyads import dyads as build
    from alliances.dyads import write_table

    table = build(
        data,
        start=start,
        end=end,
        directed=directed,
        with_=tuple(d.strip() for d in datasets.split(",") if d.strip()),
    )
    for note in table.attrs.get("notes", []):
        typer.echo(f"note: {note}", err=True)
    write_table(table, out)
    typer.echo(f"wrote {out}: {len(table):,} rows, {len(table.columns)} columns", err=True)


BackendOption = Annotated[
    str,
    typer.Option(
        "--backend",
        help="Where samples run: local (processes here), inline (this process), ray or dask.",
    ),
]
WorkersOption = Annotated[
    int | None, typer.Option("--workers", help="Worker processes (default: this machine's cores).")
]
AddressOption = Annotated[
    str | None,
    typer.Option(
        "--address", help="Cluster to use: ray://host:10001 (Ray) or tcp://host:8786 (Dask)."
    ),
]


@app.command()
def simulate(
    by: ByOption,
    on: OnOption,
    at: AtOption = None,
    date: DateOption = None,
    world: WorldOption = None,
    proposal: ProposalOption = None,
    samples: Annotated[int, typer.Option("--samples", "-n", help="Monte Carlo samples.")] = 100_000,
    seed: Annotated[int, typer.Option("--seed", help="Random seed (same seed, same result).")] = 0,
    reliability: Annotated[
        str,
        typer.Option(
            "--reliability",
            help="Preset: leeds2000, berkemeier2018, berkemeier2018-post1945, certain.",
        ),
    ] = "leeds2000",
    base_rate: Annotated[
        float | None, typer.Option("--base-rate", help="Override the preset's base rate.")
    ] = None,
    coupling: Annotated[
        str | None,
        typer.Option("--coupling", help="guarantor (one decision per state) or pair."),
    ] = None,
    override: Annotated[
        list[str] | None,
        typer.Option(
            "--override", help="Fix a commitment's probability: USA->TWN=0.4 (repeatable)."
        ),
    ] = None,
    counterattack: CounterattackOption = False,
    backend: BackendOption = "local",
    workers: WorkersOption = None,
    address: AddressOption = None,
    as_json: JsonOption = False,
) -> None:
    """Monte Carlo: how likely each state is to fight if BY attacks ON, when allies may defect."""
    from alliances.obligations import CascadeRules
    from alliances.simulation import simulate as run_simulation
    from alliances.simulation.reliability import parse_overrides, preset

    if world and proposal:
        from alliances.errors import AlliancesError

        raise AlliancesError("give --world or --proposal, not both")
    model = preset(reliability).adjusted(
        base_rate=base_rate, coupling=coupling, overrides=parse_overrides(override or [])
    )
    loaded = _proposal_world(proposal) if proposal else _load(world)
    result = run_simulation(
        loaded,
        by=by,
        on=on,
        at=at,
        date=date,
        samples=samples,
        seed=seed,
        model=model,
        rules=CascadeRules(counterattack_is_armed_attack=counterattack),
        backend=backend,
        workers=workers,
        address=address,
    )
    if as_json:
        _print_json(result.to_dict())
        return
    from alliances.cli.simulation import show_simulation

    show_simulation(result)


@app.command()
def sweep(
    spec: Annotated[Path, typer.Argument(help="Sweep spec (YAML): crises, proposals, parameters.")],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Parquet file (default: SPEC.parquet).")
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Finish an interrupted sweep from its checkpoints.")
    ] = False,
    backend: BackendOption = "local",
    workers: WorkersOption = None,
    address: AddressOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Run a grid of simulations (crises x proposals x parameters) into a Parquet table."""
    from alliances.cli.simulation import sweep_progress
    from alliances.simulation.spec import load_spec
    from alliances.simulation.sweep import run_sweep

    target = out or spec.with_suffix(".parquet")
    with sweep_progress(enabled=not quiet) as progress:
        table = run_sweep(
            load_spec(spec),
            target,
            backend=backend,
            workers=workers,
            address=address,
            resume=resume,
            progress=progress,
        )
    typer.echo(f"wrote {target}: {len(table)} cells, {len(table.columns)} columns", err=True)


def main() -> None:
    """Entry point of the console script: run the app, map our errors to exit code 2."""
    from alliances.errors import AlliancesError

    try:
        app()
    except AlliancesError as error:
        typer.echo(f"error: {error}", err=True)
        sys.exit(EXIT_USER_ERROR)


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    database: Annotated[
        str | None,
        typer.Option(
            "--database",
            help="SQLAlchemy URL of the saved-scenario store (default: $ALLIANCES_DATABASE_URL, "
            "else sqlite:///alliances-web.db in the current directory).",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            help="Server processes sharing the port (one per core serves many users at once).",
        ),
    ] = 1,
) -> None:
    """Start the web app: map, crisis explorer, proposal editor, alignment (needs [web])."""
    try:
        import uvicorn  # noqa: F401 - checks the extra is installed

        from alliances.web import Settings
        from alliances.web.serve import run
    except ImportError as error:
        typer.echo(
            f'error: the web app needs the "web" extra ({error.name} is missing): '
            'pip install "alliances[web]"',
            err=True,
        )
        raise typer.Exit(EXIT_USER_ERROR) from None
    settings = Settings.from_env()
    if database is not None:
        settings = dataclasses.replace(settings, database_url=database)
    typer.echo(f"alliances web app on http://{host}:{port}  (API docs: /docs)", err=True)
    run(host, port, settings, workers=workers)
