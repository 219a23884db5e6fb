"""Job and bid state machines as tables: (state, action) -> (next state, who may do it).

Pure Python, property-tested. A missing pair is an illegal move (409), a pair the caller is
no party to is forbidden (403).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.jobs.models import BidState, JobState
from domain.shared.errors import Conflict, ConflictReason, Forbidden


class JobAction(StrEnum):
    AWARD = "award"  # the customer accepts a bid
    CANCEL = "cancel"
    EXPIRE = "expire"


class BidAction(StrEnum):
    UPDATE = "update"  # change amount, message or time while the job is open
    RENEW = "renew"  # bid again after withdrawing
    WITHDRAW = "withdraw"
    ACCEPT = "accept"
    REJECT = "reject"  # another bid won, or the job closed without an award


class JobParty(StrEnum):
    CUSTOMER = "customer"  # who posted the job
    BIDDER = "bidder"  # who placed the bid
    ADMIN = "admin"
    SYSTEM = "system"


@dataclass(frozen=True)
class Move:
    to: str
    parties: frozenset[JobParty]


def _move(to: JobState | BidState, *parties: JobParty) -> Move:
    return Move(to.value, frozenset(parties))


C, B, A, SYS = JobParty.CUSTOMER, JobParty.BIDDER, JobParty.ADMIN, JobParty.SYSTEM

JOB_TRANSITIONS: dict[tuple[JobState, JobAction], Move] = {
    (JobState.OPEN, JobAction.AWARD): _move(JobState.AWARDED, C),
    (JobState.OPEN, JobAction.CANCEL): _move(JobState.CANCELLED, C, A),
    (JobState.OPEN, JobAction.EXPIRE): _move(JobState.EXPIRED, SYS),
}

BID_TRANSITIONS: dict[tuple[BidState, BidAction], Move] = {
    (BidState.ACTIVE, BidAction.UPDATE): _move(BidState.ACTIVE, B),
    (BidState.ACTIVE, BidAction.WITHDRAW): _move(BidState.WITHDRAWN, B),
    (BidState.ACTIVE, BidAction.ACCEPT): _move(BidState.ACCEPTED, C),
    (BidState.ACTIVE, BidAction.REJECT): _move(BidState.REJECTED, C, A, SYS),
    (BidState.WITHDRAWN, BidAction.RENEW): _move(BidState.ACTIVE, B),
}

# Jobs people may still talk about (questions after the award are normal).
DISCUSSABLE = frozenset({JobState.OPEN, JobState.AWARDED})


def job_move(state: JobState, action: JobAction, parties: frozenset[JobParty]) -> JobState:
    move = JOB_TRANSITIONS.get((state, action))
    if move is None:
        raise Conflict(f"A {state.value} job does not allow {action.value}.",
                       details={"state": state.value, "action": action.value}, reason=ConflictReason.INVALID_TRANSITION)
    if not parties & move.parties:
        raise Forbidden(f"You may not {action.value} this job.")
    return JobState(move.to)


def bid_move(state: BidState, action: BidAction, parties: frozenset[JobParty]) -> BidState:
    move = BID_TRANSITIONS.get((state, action))
    if move is None:
        raise Conflict(f"A {state.value} bid does not allow {action.value}.",
                       details={"state": state.value, "action": action.value}, reason=ConflictReason.INVALID_TRANSITION)
    if not parties & move.parties:
        raise Forbidden(f"You may not {action.value} this bid.")
    return BidState(move.to)
