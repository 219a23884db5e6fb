"""The payment case state machine as one table: (state, action) -> (next state, who may).

Pure Python, property-tested on its own (tests/test_finance_case_states.py). Services work
out who the caller is and ask `decide`; a missing pair is an illegal move (409), a caller who
is none of the allowed parties is refused (403). Amount rules (a refund never exceeds the
capture, a partial refund or milestone leaves the state as it is) are the services' job.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.finance.cases.models import CaseState as S
from domain.shared.errors import Conflict, ConflictReason, Forbidden


class Action(StrEnum):
    AUTHORIZED = "authorized"  # the gateway holds the amount on the card
    DECLINE = "decline"  # the gateway refused the authorization (definitive)
    RETRY = "retry"  # a new checkout after a decline: a new attempt, a new key
    CAPTURE = "capture"  # the provider accepted the booking
    CAPTURED = "captured"  # the gateway confirmed the capture
    VOID = "void"  # the booking ended before capture (cancelled, declined, expired)
    EXPIRE = "expire"  # capture_before is near or past: never capture after it
    COMPLETE = "complete"  # the work is done: the release window starts
    RELEASE = "release"  # every remaining milestone to the payees, platform and tax
    RELEASE_MILESTONE = "release_milestone"  # one part of a custom job, others still held
    PAID_OUT = "paid_out"  # every transfer to a payee went through
    REFUND_PARTIAL = "refund_partial"
    REFUND_FULL = "refund_full"  # what remains of the capture goes back


class Party(StrEnum):
    CUSTOMER = "customer"
    LEAD = "lead"  # the lead serviceman of the booking
    MANAGER = "manager"  # owner or manager of the booking's provider organisation
    ADMIN = "admin"
    SYSTEM = "system"  # a reaction to a booking event (accepted, completed, cancelled...)
    TIMER = "timer"  # the release and authorization-expiry timers
    GATEWAY = "gateway"  # an operation's outcome or an applied webhook


@dataclass(frozen=True)
class Rule:
    to: S
    parties: frozenset[Party]


def _rule(to: S, *parties: Party) -> Rule:
    return Rule(to, frozenset(parties))


P = Party
A = Action
_REFUNDERS = (P.MANAGER, P.ADMIN, P.SYSTEM, P.GATEWAY)  # SYSTEM: a cancellation by policy; GATEWAY: refunded there
_HOLDING = (S.HELD, S.RELEASE_PENDING)  # captured, nothing released as a whole yet
_AFTER_RELEASE = (S.RELEASED, S.PAID_OUT, S.PARTIALLY_REFUNDED)

TRANSITIONS: dict[tuple[S, Action], Rule] = {
    (S.AUTHORIZING, A.AUTHORIZED): _rule(S.AUTHORIZED, P.GATEWAY),
    (S.AUTHORIZING, A.DECLINE): _rule(S.FAILED, P.GATEWAY),
    (S.AUTHORIZING, A.VOID): _rule(S.VOIDED, P.SYSTEM, P.ADMIN),
    (S.FAILED, A.RETRY): _rule(S.AUTHORIZING, P.CUSTOMER),
    (S.AUTHORIZED, A.CAPTURE): _rule(S.CAPTURE_PENDING, P.SYSTEM, P.ADMIN),
    # A webhook may show the capture before our own operation reports it.
    (S.AUTHORIZED, A.CAPTURED): _rule(S.HELD, P.GATEWAY),
    (S.AUTHORIZED, A.VOID): _rule(S.VOIDED, P.SYSTEM, P.ADMIN),
    (S.AUTHORIZED, A.EXPIRE): _rule(S.EXPIRED, P.TIMER, P.GATEWAY),
    (S.CAPTURE_PENDING, A.CAPTURED): _rule(S.HELD, P.GATEWAY),
    # Too late (the authorization lapsed) or refused: nothing was captured.
    (S.CAPTURE_PENDING, A.EXPIRE): _rule(S.EXPIRED, P.TIMER, P.GATEWAY),
    (S.HELD, A.COMPLETE): _rule(S.RELEASE_PENDING, P.SYSTEM),
    (S.HELD, A.RELEASE): _rule(S.RELEASED, P.ADMIN, P.SYSTEM),  # SYSTEM: a late cancellation's fee
    (S.HELD, A.RELEASE_MILESTONE): _rule(S.HELD, P.CUSTOMER, P.ADMIN),
    (S.RELEASE_PENDING, A.RELEASE): _rule(S.RELEASED, P.TIMER, P.ADMIN),
    (S.RELEASE_PENDING, A.RELEASE_MILESTONE): _rule(S.RELEASE_PENDING, P.CUSTOMER, P.ADMIN),
    (S.RELEASED, A.PAID_OUT): _rule(S.PAID_OUT, P.GATEWAY),
    (S.PARTIALLY_REFUNDED, A.PAID_OUT): _rule(S.PARTIALLY_REFUNDED, P.GATEWAY),
    **{(s, A.REFUND_PARTIAL): _rule(s, *_REFUNDERS) for s in _HOLDING},
    **{(s, A.REFUND_FULL): _rule(S.REFUNDED, *_REFUNDERS) for s in _HOLDING},
    **{(s, A.REFUND_PARTIAL): _rule(S.PARTIALLY_REFUNDED, *_REFUNDERS) for s in _AFTER_RELEASE},
    **{(s, A.REFUND_FULL): _rule(S.REFUNDED, *_REFUNDERS) for s in _AFTER_RELEASE},
}

# Nothing more happens to these (a failed case may be retried by a new checkout).
TERMINAL = frozenset({S.VOIDED, S.EXPIRED, S.REFUNDED})
# The gateway holds an authorization that a capture may still take.
CAPTURABLE = frozenset({S.AUTHORIZED})
# Money is captured and (partly) ours to release or refund.
CAPTURED = frozenset({S.HELD, S.RELEASE_PENDING, S.RELEASED, S.PAID_OUT, S.PARTIALLY_REFUNDED})
# Where each case state sits on the way (for `no state ever moves backwards`): a state only
# moves to one of a higher or equal rank, except a retry after a decline.
RANK: dict[S, int] = {
    S.AUTHORIZING: 0, S.FAILED: 1, S.AUTHORIZED: 2, S.CAPTURE_PENDING: 3, S.HELD: 4, S.RELEASE_PENDING: 5,
    S.RELEASED: 6, S.PAID_OUT: 7, S.PARTIALLY_REFUNDED: 8, S.VOIDED: 9, S.EXPIRED: 9, S.REFUNDED: 9,
}

# The finance event recorded for each action (stream "finance", key case:<id>).
EVENT_TYPES: dict[Action, str] = {
    A.AUTHORIZED: "payment.authorized", A.DECLINE: "payment.failed", A.RETRY: "payment.retried",
    A.CAPTURE: "payment.capture_requested", A.CAPTURED: "payment.captured", A.VOID: "payment.voided",
    A.EXPIRE: "payment.expired", A.COMPLETE: "payment.release_scheduled", A.RELEASE: "payment.released",
    A.RELEASE_MILESTONE: "payment.milestone_released", A.PAID_OUT: "payment.paid_out",
    A.REFUND_PARTIAL: "payment.refunded", A.REFUND_FULL: "payment.refunded",
}

_PRECEDENCE = (P.GATEWAY, P.TIMER, P.SYSTEM, P.LEAD, P.MANAGER, P.CUSTOMER, P.ADMIN)


@dataclass(frozen=True)
class Decision:
    to: S
    acting_as: Party


def decide(state: S, action: Action, parties: frozenset[Party]) -> Decision:
    """The next state and the capacity the caller acts in, or Conflict/Forbidden."""
    rule = TRANSITIONS.get((state, action))
    if rule is None:
        said, asked = state.value.replace("_", " "), action.value.replace("_", " ")
        raise Conflict(f"A payment that is {said} does not allow {asked}.",
                       details={"state": state.value, "action": action.value}, reason=ConflictReason.INVALID_TRANSITION)
    allowed = parties & rule.parties
    if not allowed:
        raise Forbidden(f"Only the {' or '.join(p.value for p in _PRECEDENCE if p in rule.parties)} "
                        f"may {action.value.replace('_', ' ')} this payment.")
    return Decision(rule.to, next(p for p in _PRECEDENCE if p in allowed))


def actions_for(state: S, parties: frozenset[Party]) -> list[Action]:
    """What the caller can do next with this payment."""
    return [action for (s, action), rule in TRANSITIONS.items() if s == state and parties & rule.parties]
