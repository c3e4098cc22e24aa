"""The obligation engine: an attack, who must do what under which article, and the cascade."""

from alliances.obligations.attack import Attack, Strike
from alliances.obligations.conditions import ConditionCheck, check_pledge
from alliances.obligations.engine import (
    Engine,
    attack,
    crisis_rows,
    engine_for,
    evaluate,
    evaluate_crises,
    resolve_attack,
)
from alliances.obligations.report import (
    Coalition,
    Duty,
    Finding,
    ObligationReport,
    Side,
    Step,
    Tie,
    Total,
    Verdict,
)
from alliances.obligations.rules import CascadeRules
from alliances.obligations.verdicts import CAPABILITY_MEASURES

__all__ = [
    "CAPABILITY_MEASURES",
    "Attack",
    "CascadeRules",
    "Coalition",
    "ConditionCheck",
    "Duty",
    "Engine",
    "Finding",
    "ObligationReport",
    "Side",
    "Step",
    "Strike",
    "Tie",
    "Total",
    "Verdict",
    "attack",
    "check_pledge",
    "crisis_rows",
    "engine_for",
    "evaluate",
    "evaluate_crises",
    "resolve_attack",
]
