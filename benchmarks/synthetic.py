"""A reproducible synthetic world for scale benchmarks (not real data: benchmarks only).

States get random capitals and capabilities; treaties get 2-6 random members
with mutual defence (a fifth limited to members' territory in their region),
some with consultation. Everything comes from one seed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import string

import numpy as np

from alliances.model import (
    Article,
    Capital,
    Conditions,
    Figure,
    Membership,
    Obligation,
    ObligationKind,
    PlaceScope,
    ScopeTarget,
    State,
    Strength,
    Treaty,
    World,
)

REGIONS = ("north", "south", "east", "west")


def synthetic_world(states: int = 250, treaties: int = 2000, seed: int = 2024) -> World:
    """A world of ``states`` states and ``treaties`` treaties, all in force in 2000."""
    rng = np.random.default_rng(seed)
    codes = ["".join(c) for c in itertools.product(string.ascii_uppercase, repeat=3)][:states]
    made = tuple(
        State(
            id=code,
            cow=None,
            name=f"State {code}",
            capital=Capital(
                name=code, lat=float(rng.uniform(-60, 60)), lon=float(rng.uniform(-180, 180))
            ),
            home_tags=("metropolitan", REGIONS[i % len(REGIONS)]),
            figures={
                "military_expenditure_usd": Figure(
                    value=float(rng.lognormal(22, 1.5)), source="synthetic"
                )
            },
        )
        for i, code in enumerate(codes)
    )
    strengths = list(Strength)[:3]
    made_treaties = []
    for t in range(treaties):
        members = rng.choice(states, size=int(rng.integers(2, 7)), replace=False)
        region = REGIONS[int(members[0]) % len(REGIONS)]
        scopes = (
            (PlaceScope(target=ScopeTarget.TERRITORY, areas=(region,)),)
            if rng.random() < 0.2
            else ()
        )
        obligations = [
            Obligation(
                id="defence",
                kind=ObligationKind.DEFENSE,
                owed_by=("members",),
                owed_to=("members",),
                strength=strengths[int(rng.integers(0, 3))],
                article=Article(ref="1", summary="synthetic"),
                conditions=Conditions(scopes=scopes),
            )
        ]
        if rng.random() < 0.3:
            obligations.append(
                Obligation(
                    id="consult",
                    kind=ObligationKind.CONSULTATION,
                    owed_by=("members",),
                    owed_to=("members",),
                    strength=Strength.CONSULT_FIRST,
                    article=Article(ref="2", summary="synthetic"),
                )
            )
        made_treaties.append(
            Treaty(
                id=f"T{t:04d}",
                name=f"Treaty {t}",
                source="synthetic",
                in_force=dt.date(1990, 1, 1),
                members=tuple(Membership(state=codes[int(m)]) for m in members),
                obligations=tuple(obligations),
            )
        )
    return World(
        id="synthetic",
        name="Synthetic world",
        states=made,
        treaties=tuple(made_treaties),
        tags={"metropolitan": "home", **{r: r for r in REGIONS}},
    )
