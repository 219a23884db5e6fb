"""The dispute state machine as one table: (state, action) -> (next state, who may).

Who is a `Side` relative to the dispute: the opener's side may not "respond" to itself; that
rule and the amounts are the services' job. A missing pair is an illegal move (409)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.disputes.models import DisputeState as S
from domain.disputes.models import Side
from domain.shared.errors import Conflict, ConflictReason, Forbidden


class Action(StrEnum):
    RESPOND = "respond"  # the other side's first entry
    ESCALATE = "escalate"  # a party asks for an admin, or a deadline passed
    SETTLE = "settle"  # an accepted offer
    DECIDE = "decide"  # an admin's outcome
    DEFAULT = "default"  # the admin deadline passed: the default outcome
    WITHDRAW = "withdraw"  # the opener drops it


@dataclass(frozen=True)
class Rule:
    to: S
    sides: frozenset[Side]


_PARTIES = frozenset({Side.CUSTOMER, Side.PROVIDER})
OPEN = frozenset({S.AWAITING_RESPONSE, S.NEGOTIATING, S.AWAITING_ADMIN})
CLOSED = frozenset({S.RESOLVED, S.WITHDRAWN})

TRANSITIONS: dict[tuple[S, Action], Rule] = {
    (S.AWAITING_RESPONSE, Action.RESPOND): Rule(S.NEGOTIATING, _PARTIES),
    (S.AWAITING_RESPONSE, Action.ESCALATE): Rule(S.AWAITING_ADMIN, _PARTIES | {Side.SYSTEM, Side.ADMIN}),
    (S.NEGOTIATING, Action.ESCALATE): Rule(S.AWAITING_ADMIN, _PARTIES | {Side.SYSTEM, Side.ADMIN}),
    **{(s, Action.SETTLE): Rule(S.RESOLVED, _PARTIES) for s in OPEN},
    **{(s, Action.DECIDE): Rule(S.RESOLVED, frozenset({Side.ADMIN})) for s in OPEN},
    (S.AWAITING_ADMIN, Action.DEFAULT): Rule(S.RESOLVED, frozenset({Side.SYSTEM})),
    **{(s, Action.WITHDRAW): Rule(S.WITHDRAWN, _PARTIES | {Side.ADMIN}) for s in OPEN},
}


def decide(state: S, action: Action, side: Side) -> S:
    rule = TRANSITIONS.get((state, action))
    if rule is None:
        raise Conflict(f"A dispute that is {state.value.replace('_', ' ')} does not allow {action.value}.",
                       details={"state": state.value, "action": action.value}, reason=ConflictReason.INVALID_TRANSITION)
    if side not in rule.sides:
        raise Forbidden(f"You may not {action.value} this dispute.")
    return rule.to


def actions_for(state: S, side: Side) -> list[str]:
    return [action.value for (s, action), rule in TRANSITIONS.items() if s == state and side in rule.sides]
