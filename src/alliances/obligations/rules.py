"""The cascade's modelling choices, as named parameters with documented defaults.

Examples
--------
>>> CascadeRules().counterattack_is_armed_attack
False
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["DEFAULT_RULES", "CascadeRules"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CascadeRules:
    """How obligations propagate once a war has begun.

    Parameters
    ----------
    counterattack_is_armed_attack
        False (default): when defenders strike back at the aggressor's side,
        that is not an "armed attack" that triggers defence pledges owed to
        the aggressor's side. This is the reading of defensive alliances and
        of self-defence under UN Charter Art. 51: the state that started the
        war cannot invoke its allies' defence. True gives the worst-case
        (entrapment) reading: each attacker-side state counts as attacked at
        home by the defending side, so its allies' pledges trigger unless
        they carry a non-provocation clause.
    on_conflict
        What a state does when its triggered pledges point to both sides, or
        when it owes neutrality to a belligerent it would have to fight:
        ``"abstain"`` (default) keeps it out of the war and reports the
        conflict; ``"first"`` lets it join the side it was first obliged to.
    """

    counterattack_is_armed_attack: bool = False
    on_conflict: Literal["abstain", "first"] = "abstain"


DEFAULT_RULES = CascadeRules()
"""The documented defaults."""
