"""The booking state machine as one table: (state, action) -> (next state, who may do it).

Pure Python so it can be property-tested on its own; services resolve which parties the
caller is on a booking and ask `decide`. A missing (state, action) pair is an illegal
transition (409); a pair the caller is no party to is forbidden (403).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.bookings.models import BookingState as S
from domain.shared.errors import Conflict, ConflictReason, Forbidden


class Action(StrEnum):
    ACCEPT = "accept"
    SCHEDULE = "schedule"
    START = "start"
    COMPLETE = "complete"
    CANCEL = "cancel"
    DECLINE = "decline"
    EXPIRE = "expire"


class Party(StrEnum):
    """How the caller relates to one booking (a person can be several)."""

    CUSTOMER = "customer"
    LEAD = "lead"  # the assigned serviceman leading the crew
    SERVICEMAN = "serviceman"  # any assigned serviceman (the lead too)
    MANAGER = "manager"  # owner or manager of the booking's provider organisation
    ADMIN = "admin"
    SYSTEM = "system"  # the expiry sweeper


@dataclass(frozen=True)
class Rule:
    to: S
    parties: frozenset[Party]


def _rule(to: S, *parties: Party) -> Rule:
    return Rule(to, frozenset(parties))


P = Party
_CANCEL_BEFORE_WORK = _rule(S.CANCELLED, P.CUSTOMER, P.MANAGER, P.ADMIN)

TRANSITIONS: dict[tuple[S, Action], Rule] = {
    (S.REQUESTED, Action.ACCEPT): _rule(S.ACCEPTED, P.LEAD, P.MANAGER),
    (S.REQUESTED, Action.DECLINE): _rule(S.DECLINED, P.SERVICEMAN, P.MANAGER),
    (S.REQUESTED, Action.EXPIRE): _rule(S.EXPIRED, P.SYSTEM),
    (S.REQUESTED, Action.CANCEL): _CANCEL_BEFORE_WORK,
    # The provider side sets or confirms the time the work happens.
    (S.ACCEPTED, Action.SCHEDULE): _rule(S.SCHEDULED, P.LEAD, P.MANAGER),
    (S.ACCEPTED, Action.CANCEL): _CANCEL_BEFORE_WORK,
    (S.SCHEDULED, Action.START): _rule(S.IN_PROGRESS, P.SERVICEMAN),
    (S.SCHEDULED, Action.CANCEL): _CANCEL_BEFORE_WORK,
    # Once work started, only the provider side or an admin can call it off.
    (S.IN_PROGRESS, Action.COMPLETE): _rule(S.COMPLETED, P.SERVICEMAN, P.MANAGER),
    (S.IN_PROGRESS, Action.CANCEL): _rule(S.CANCELLED, P.MANAGER, P.ADMIN),
}

# Reaching these ends the booking and gives its slots back.
TERMINAL = frozenset({S.COMPLETED, S.CANCELLED, S.DECLINED, S.EXPIRED})
# States in which the crew can still be changed.
ASSIGNABLE = frozenset({S.REQUESTED, S.ACCEPTED, S.SCHEDULED})

# Event type per target state: past tense `<entity>.<verb-ed>` (in_progress -> started).
EVENT_TYPES: dict[S, str] = {
    S.REQUESTED: "booking.requested",
    S.ACCEPTED: "booking.accepted",
    S.SCHEDULED: "booking.scheduled",
    S.IN_PROGRESS: "booking.started",
    S.COMPLETED: "booking.completed",
    S.CANCELLED: "booking.cancelled",
    S.DECLINED: "booking.declined",
    S.EXPIRED: "booking.expired",
}

# When the caller is several parties, the transition is recorded under the most specific.
_PRECEDENCE = (P.SYSTEM, P.LEAD, P.SERVICEMAN, P.MANAGER, P.CUSTOMER, P.ADMIN)
# Transition.actor_role values (the lead is recorded as a serviceman).
RECORDED_ROLE = {P.LEAD: "serviceman", P.SERVICEMAN: "serviceman", P.MANAGER: "manager",
                 P.CUSTOMER: "customer", P.ADMIN: "admin", P.SYSTEM: "system"}


@dataclass(frozen=True)
class Decision:
    to: S
    acting_as: Party


def decide(state: S, action: Action, parties: frozenset[Party]) -> Decision:
    """The next state and the capacity the caller acts in, or Conflict/Forbidden."""
    rule = TRANSITIONS.get((state, action))
    if rule is None:
        raise Conflict(f"A {state.value} booking cannot be {_past(action)}.",
                       details={"state": state.value, "action": action.value}, reason=ConflictReason.INVALID_TRANSITION)
    allowed = parties & rule.parties
    if not allowed:
        raise Forbidden(f"Only the {_names(rule.parties)} may {action.value} this booking.")
    return Decision(rule.to, next(p for p in _PRECEDENCE if p in allowed))


def actions_for(state: S, parties: frozenset[Party]) -> list[Action]:
    """What the caller can do next (clients show these as buttons)."""
    return [action for (s, action), rule in TRANSITIONS.items() if s == state and parties & rule.parties]


def _past(action: Action) -> str:
    return {Action.ACCEPT: "accepted", Action.SCHEDULE: "scheduled", Action.START: "started",
            Action.COMPLETE: "completed", Action.CANCEL: "cancelled", Action.DECLINE: "declined",
            Action.EXPIRE: "expired"}[action]


def _names(parties: frozenset[Party]) -> str:
    labels = {P.LEAD: "lead serviceman", P.SERVICEMAN: "assigned serviceman", P.MANAGER: "provider manager",
              P.CUSTOMER: "customer", P.ADMIN: "admin", P.SYSTEM: "system"}
    return " or ".join(labels[p] for p in _PRECEDENCE if p in parties)
