"""Proposal files: a named list of edits to a base world, validated like scenario files.

Examples
--------
>>> proposal = load_proposal("asian-nato-core")
>>> proposal.name
'Asian NATO (core: Japan, South Korea, the Philippines)'
>>> world = proposal_world("asian-nato-core")
>>> world.at("2025-01-01").members_of("ASIAN-NATO")
('JPN', 'KOR', 'PHL')
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path as FilePath
from typing import Any

from pydantic import BaseModel, Field

from alliances.errors import Problem, ScenarioError, suggest
from alliances.io.build import build_conditions, build_deployment, build_obligation, build_treaty
from alliances.io.loader import load_world
from alliances.io.schema import (
    MAX_PERSONNEL,
    ArticleIn,
    ConditionsIn,
    DeploymentIn,
    ObligationIn,
    StateId,
    StrictModel,
    TreatyIn,
)
from alliances.io.sources import Item
from alliances.io.validate import Referee, TreatyReferee, parse_entry
from alliances.io.yaml_source import Document, parse_yaml
from alliances.model import (
    AddDeployment,
    AddMembers,
    AddObligation,
    AddTreaty,
    AmendObligation,
    Article,
    ChangeDeployment,
    Command,
    Edit,
    EndDeployment,
    EndObligation,
    EndTreaty,
    Proposal,
    RemoveMembers,
    Strength,
    World,
    apply_proposal,
    parse_date,
)

__all__ = [
    "CURRENT",
    "ProposalFileIn",
    "comparison_date",
    "embedded_proposal_names",
    "load_proposal",
    "parse_proposal",
    "proposal_world",
]

CURRENT = "current"
"""The name of the embedded world itself, unchanged, among proposals."""


class ProposalInfoIn(StrictModel):
    """What a proposal is, whose idea, and when its edits take effect."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    description: str | None = None
    base: str = "indo-pacific-2024"
    effective: dt.date
    source: str | None = None


class _TreatyRef(StrictModel):
    treaty: str
    on: dt.date | None = None


class _AddObligationIn(StrictModel):
    treaty: str
    obligation: ObligationIn


class _ObligationRef(StrictModel):
    treaty: str
    obligation: str
    on: dt.date | None = None


class _AmendObligationIn(StrictModel):
    treaty: str
    obligation: str
    owed_by: list[str] | None = None
    owed_to: list[str] | None = None
    strength: Strength | None = None
    conditions: ConditionsIn | None = None
    article: ArticleIn | None = None
    note: str | None = None


class _AddMembersIn(StrictModel):
    treaty: str
    members: list[StateId] = Field(min_length=1)


class _RemoveMembersIn(StrictModel):
    treaty: str
    members: list[StateId] = Field(min_length=1)
    on: dt.date | None = None


class _DeploymentRef(StrictModel):
    deployment: str
    on: dt.date | None = None


class _ChangeDeploymentIn(StrictModel):
    deployment: str
    command: Command | None = None
    personnel: int | None = Field(default=None, ge=0, le=MAX_PERSONNEL)
    note: str | None = None


EDIT_MODELS: dict[str, type[BaseModel]] = {
    "add_treaty": TreatyIn,
    "end_treaty": _TreatyRef,
    "add_obligation": _AddObligationIn,
    "end_obligation": _ObligationRef,
    "amend_obligation": _AmendObligationIn,
    "add_members": _AddMembersIn,
    "remove_members": _RemoveMembersIn,
    "add_deployment": DeploymentIn,
    "end_deployment": _DeploymentRef,
    "change_deployment": _ChangeDeploymentIn,
}
"""Each edit is a mapping with one of these keys."""


class ProposalFileIn(StrictModel):
    """A proposal file (for the JSON Schema; edits are checked one by one)."""

    format: str = "alliances/1"
    proposal: ProposalInfoIn
    edits: list[dict[str, Any]] = Field(default_factory=list)


def embedded_proposal_names() -> tuple[str, ...]:
    """Ids of the proposals shipped in the package, ``current`` first."""
    folder = resources.files("alliances.data") / "proposals"
    names = sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )
    return (CURRENT, *names)


def proposal_world(source: str | FilePath) -> World:
    """The world a proposal describes: ``current``, an embedded proposal's id, or a file."""
    if str(source) == CURRENT:
        return load_world()
    proposal = load_proposal(source)
    return _applied(proposal)


def comparison_date(
    sources: Iterable[str | FilePath], date: dt.date | str | None = None
) -> dt.date:
    """The date to compare architectures at: ``date``, else the latest date on which
    the proposals' edits take effect, else today (``current`` has no such date).

    Examples
    --------
    >>> comparison_date(["current", "ishiba-reform"]) == load_proposal("ishiba-reform").effective
    True
    >>> comparison_date(["current"], "2024-10-01")
    datetime.date(2024, 10, 1)
    """
    if date:
        return parse_date(date)
    effective = [load_proposal(s).effective for s in sources if str(s) != CURRENT]
    return max(effective) if effective else dt.date.today()


@functools.lru_cache(maxsize=16)
def _applied(proposal: Proposal) -> World:
    return apply_proposal(load_world(proposal.base), proposal)


def load_proposal(source: str | FilePath) -> Proposal:
    """Read and validate a proposal (embedded id or file path) against its base world.

    Raises
    ------
    ScenarioError
        Every problem, located at file:line:column, with nothing applied.
    """
    path = _locate(source)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ScenarioError(
            [Problem(message=f"cannot read proposal: {error}", file=str(path))]
        ) from None
    return parse_proposal(parse_yaml(text, str(path)))


def _locate(source: str | FilePath) -> FilePath:
    if str(source) in embedded_proposal_names():
        return FilePath(str(resources.files("alliances.data") / "proposals" / f"{source}.yaml"))
    path = FilePath(source)
    if not path.is_file():
        known = embedded_proposal_names()
        raise ScenarioError(
            [
                Problem(
                    message=f"no proposal file or embedded proposal {str(source)!r}",
                    hint=suggest(str(source), known) or f"embedded: {', '.join(known)}",
                )
            ]
        )
    return path


def parse_proposal(doc: Document) -> Proposal:
    """Validate a parsed proposal document (a file's or an upload's) against its base world.

    Raises
    ------
    ScenarioError
        Every problem, located at the document's file:line:column.
    """
    problems: list[Problem] = []
    data = doc.data if isinstance(doc.data, dict) else {}
    for key in data:
        if key not in ("format", "proposal", "edits"):
            problems.append(
                doc.problem(
                    (key,),
                    f"unknown section {key!r}",
                    hint=suggest(str(key), ("format", "proposal", "edits")),
                )
            )
    info = parse_entry(
        Item(doc, ("proposal",), data.get("proposal"), "proposal"), ProposalInfoIn, problems
    )
    if not isinstance(info, ProposalInfoIn):
        raise ScenarioError(problems or [doc.problem((), "a proposal needs a 'proposal' section")])
    base = load_world(info.base)
    edits = data.get("edits", [])
    if not isinstance(edits, list):
        problems.append(doc.problem(("edits",), "'edits' must be a list"))
        edits = []
    built = [_edit(doc, index, raw, base, problems) for index, raw in enumerate(edits)]
    if problems:
        raise ScenarioError(problems)
    return Proposal(
        id=info.id,
        name=info.name,
        effective=info.effective,
        base=info.base,
        description=info.description,
        source=info.source,
        edits=tuple(e for e in built if e is not None),
    )


def _edit(doc: Document, index: int, raw: Any, base: World, problems: list[Problem]) -> Edit | None:
    if not isinstance(raw, dict) or len(raw) != 1:
        problems.append(
            doc.problem(
                ("edits", index),
                f"each edit is a mapping with exactly one key: {', '.join(EDIT_MODELS)}",
            )
        )
        return None
    ((action, body),) = raw.items()
    model = EDIT_MODELS.get(action)
    if model is None:
        problems.append(
            doc.problem(
                ("edits", index, action),
                f"unknown edit {action!r}",
                hint=suggest(str(action), EDIT_MODELS),
            )
        )
        return None
    entity = (
        "treaty"
        if action == "add_treaty"
        else "deployment"
        if action == "add_deployment"
        else f"edit {action}"
    )
    item = Item(doc, ("edits", index, action), body, entity)
    parsed = parse_entry(item, model, problems)
    if parsed is None:
        return None
    before = len(problems)
    _EditReferee(base, item, problems).check(parsed)
    return _build(parsed) if len(problems) == before else None


class _EditReferee:
    """Checks one edit against the base world."""

    def __init__(self, base: World, item: Item, problems: list[Problem]) -> None:
        self.base = base
        self.item = item
        self.problems = problems
        self.referee = Referee(
            states={s.id for s in base.states},
            places={p.id for p in base.places},
            tags=dict(base.tags),
            coverage_from=base.coverage_from,
            problems=problems,
        )

    def report(self, field: str, message: str, hint: str | None = None) -> None:
        self.problems.append(self.item.problem(message, (field,), hint))

    def treaty(self, treaty_id: str) -> bool:
        known = {t.id for t in self.base.treaties}
        if treaty_id in known:
            return True
        self.report(
            "treaty", f"treaty {treaty_id!r} is not in the base world", suggest(treaty_id, known)
        )
        return False

    def check(self, edit: BaseModel) -> None:
        if isinstance(edit, TreatyIn):
            if edit.id in {t.id for t in self.base.treaties}:
                self.report("id", f"treaty {edit.id!r} already exists in the base world")
            TreatyReferee(self.referee, self.item, edit).run()
        elif isinstance(edit, DeploymentIn):
            if edit.id in {d.id for d in self.base.deployments}:
                self.report("id", f"deployment {edit.id!r} already exists in the base world")
            self.referee.check_deployment(self.item, edit)
        elif isinstance(edit, _DeploymentRef | _ChangeDeploymentIn):
            known = {d.id for d in self.base.deployments}
            if edit.deployment not in known:
                self.report(
                    "deployment",
                    f"deployment {edit.deployment!r} is not in the base world",
                    suggest(edit.deployment, known),
                )
        elif self.treaty(edit.treaty):  # type: ignore[attr-defined]
            self._check_treaty_edit(edit)

    def _check_treaty_edit(self, edit: BaseModel) -> None:
        treaty = self.base.treaty(edit.treaty)  # type: ignore[attr-defined]
        members = {m.state for m in treaty.members}
        if isinstance(edit, _ObligationRef | _AmendObligationIn):
            known = {o.id for o in treaty.obligations}
            if edit.obligation not in known:
                self.report(
                    "obligation",
                    f"treaty {treaty.id} has no obligation {edit.obligation!r}",
                    suggest(edit.obligation, known),
                )
        if isinstance(edit, _AddMembersIn):
            for state in edit.members:
                self.referee.state_ref(self.item, ("members",), state, "member")
                if state in members:
                    self.report("members", f"{state} is already a member of {treaty.id}")
        if isinstance(edit, _RemoveMembersIn):
            for state in edit.members:
                if state not in members:
                    self.report("members", f"{state} is not a member of {treaty.id}")
        parties = []
        if isinstance(edit, _AddObligationIn):
            parties = [*edit.obligation.owed_by, *edit.obligation.owed_to]
        elif isinstance(edit, _AmendObligationIn):
            parties = [*(edit.owed_by or []), *(edit.owed_to or [])]
        for state in parties:
            if state != "members" and state not in members:
                self.report("obligation", f"{state!r} is not a member of treaty {treaty.id}")


def _amend(edit: _AmendObligationIn) -> AmendObligation:
    return AmendObligation(
        treaty=edit.treaty,
        obligation=edit.obligation,
        owed_by=tuple(edit.owed_by) if edit.owed_by else None,
        owed_to=tuple(edit.owed_to) if edit.owed_to else None,
        strength=edit.strength,
        conditions=build_conditions(edit.conditions) if edit.conditions else None,
        article=Article(ref=edit.article.ref, summary=edit.article.summary)
        if edit.article
        else None,
        note=edit.note,
    )


_BUILDERS: dict[type[BaseModel], Callable[[Any], Edit]] = {
    TreatyIn: lambda e: AddTreaty(treaty=build_treaty(e)),
    DeploymentIn: lambda e: AddDeployment(deployment=build_deployment(e)),
    _TreatyRef: lambda e: EndTreaty(treaty=e.treaty, on=e.on),
    _AddObligationIn: lambda e: AddObligation(
        treaty=e.treaty, obligation=build_obligation(e.obligation)
    ),
    _ObligationRef: lambda e: EndObligation(treaty=e.treaty, obligation=e.obligation, on=e.on),
    _AmendObligationIn: _amend,
    _AddMembersIn: lambda e: AddMembers(treaty=e.treaty, members=tuple(e.members)),
    _RemoveMembersIn: lambda e: RemoveMembers(treaty=e.treaty, members=tuple(e.members), on=e.on),
    _DeploymentRef: lambda e: EndDeployment(deployment=e.deployment, on=e.on),
    _ChangeDeploymentIn: lambda e: ChangeDeployment(
        deployment=e.deployment, command=e.command, personnel=e.personnel, note=e.note
    ),
}


def _build(edit: BaseModel) -> Edit:
    return _BUILDERS[type(edit)](edit)
