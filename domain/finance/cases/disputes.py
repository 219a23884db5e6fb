"""What disputes (domain/disputes) may do to a payment case, each in the caller's unit of work.

- `freeze` / `unfreeze` set `dispute_open` (it stays set while any registered holder, an internal
  dispute or a chargeback, still holds the case). The flag bumps `version`, so a release already
  decided on the old row (the release timer, `release_due`) fails its compare-and-set: once the
  dispute commits, nothing is released behind its back.
- `settle` books an outcome through the case's own refund and release: `refund` back to the
  customer, then whatever is still held (all pending milestones, or the disputed one) to the
  payees; refund + release = what was held, to the minor unit.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from tortoise.expressions import F

from domain.finance.cases.models import MilestoneState, PaymentCase, PaymentMilestone
from domain.finance.cases.moving import Who
from domain.finance.cases.states import CAPTURED, Action, Party
from domain.finance.cases.transitions import CaseTransitions
from domain.shared.clock import utcnow
from domain.shared.errors import Conflict, ConflictReason, NotFound
from domain.shared.money import Money
from domain.shared.uow import UnitOfWork

# An outcome acts with the authority of the dispute process: refunds as the system does,
# releases as an admin's early release (held) or the timer's (release pending) would.
_SETTLERS = frozenset({Party.SYSTEM, Party.TIMER, Party.ADMIN})


@dataclass(frozen=True)
class Settled:
    refunded: int
    released: int


async def _set(uow: UnitOfWork, case_id: UUID, value: bool) -> PaymentCase:
    changed = await PaymentCase.filter(id=case_id).using_db(uow.connection).update(
        dispute_open=value, version=F("version") + 1, updated_at=utcnow())
    if not changed:
        raise NotFound("This booking has no payment.")
    return await PaymentCase.get(id=case_id, using_db=uow.connection)


# Who may hold a case frozen (internal disputes, the gateway's chargebacks), each with a check
# run in the caller's unit of work: one holder's end must not thaw a case another still holds.
FreezeCheck = Callable[[UnitOfWork, UUID], Awaitable[bool]]
_HOLDERS: dict[str, FreezeCheck] = {}


def register_freeze_holder(name: str, still_holds: FreezeCheck) -> None:
    _HOLDERS[name] = still_holds


async def frozen_elsewhere(uow: UnitOfWork, case_id: UUID, *, besides: str | None = None) -> bool:
    """Whether a holder (other than `besides`) still holds the case frozen."""
    for name, still_holds in _HOLDERS.items():
        if name != besides and await still_holds(uow, case_id):
            return True
    return False


async def freeze(uow: UnitOfWork, case_id: UUID) -> PaymentCase:
    return await _set(uow, case_id, True)


async def unfreeze(uow: UnitOfWork, case_id: UUID) -> PaymentCase:
    """Called once the caller's own hold is closed in this unit of work: the case thaws unless a
    holder still holds it."""
    return await _set(uow, case_id, await frozen_elsewhere(uow, case_id))


async def held(case_id: UUID, milestone: int | None = None, *, uow: UnitOfWork | None = None) -> int:
    """What is still held: the pending milestones' amounts (or the one disputed)."""
    query = PaymentMilestone.filter(case_id=case_id, state=MilestoneState.PENDING)
    if milestone is not None:
        query = query.filter(position=milestone)
    rows = await (query.using_db(uow.connection) if uow else query)
    return sum(int(row.amount) for row in rows)


async def settle(cases: CaseTransitions, uow: UnitOfWork, case_id: UUID, refund: int, who: Who, *,
                 milestone: int | None = None, reason: str) -> Settled:
    """Refund `refund` (0: none), then release what is still held of the disputed part."""
    case = await PaymentCase.get(id=case_id, using_db=uow.connection)
    if case.state not in CAPTURED:
        raise Conflict(f"A payment that is {case.state.value.replace('_', ' ')} cannot settle a dispute.",
                       details={"state": case.state.value}, reason=ConflictReason.INVALID_TRANSITION)
    if refund > 0:
        case = await cases._refund(uow, case, Money(refund, case.currency), _SETTLERS, who, reason=reason[:200])
    left = await held(case_id, milestone, uow=uow)
    if left > 0:
        positions = [milestone] if milestone is not None else None
        case = await cases._release(uow, case, Action.RELEASE if milestone is None else Action.RELEASE_MILESTONE,
                                    _SETTLERS, who, reason=reason[:200], positions=positions)
    return Settled(refund, left)


async def milestone_amount(case_id: UUID, position: int) -> int | None:
    """What remains of one milestone (after refunds), or None when the case has no such part."""
    found = await PaymentMilestone.get_or_none(case_id=case_id, position=position)
    return int(found.amount) if found else None


# Chargebacks (`charge.dispute.*`) are booked on the case by the gateway work; disputes show
# them on the same timeline. Finance may not import disputes (it is the lower context): the
# disputes context registers here, and the chargeback code calls `chargeback_seen`.
ChargebackListener = Callable[[UnitOfWork, UUID, dict[str, Any]], Awaitable[None]]
_chargeback_listeners: list[ChargebackListener] = []


def register_chargeback_listener(listener: ChargebackListener) -> Callable[[], None]:
    _chargeback_listeners.append(listener)
    return lambda: _chargeback_listeners.remove(listener)


# Who writes on a chargeback locks first: a dispute's outcome locks the dispute, then the case;
# the chargeback's unit of work calls `chargeback_coming` before it writes the case, so the
# disputes it will add to are locked in the same order (no deadlock between the two).
ChargebackLock = Callable[[UnitOfWork, UUID], Awaitable[None]]
_chargeback_locks: list[ChargebackLock] = []


def register_chargeback_lock(lock: ChargebackLock) -> None:
    _chargeback_locks.append(lock)


async def chargeback_coming(uow: UnitOfWork, case_id: UUID) -> None:
    """Call first in the unit of work that books `charge.dispute.*`, before the case is written."""
    for lock in _chargeback_locks:
        await lock(uow, case_id)


async def chargeback_seen(uow: UnitOfWork, case_id: UUID, event: dict[str, Any]) -> None:
    """HOOK for the chargeback work: call in the unit of work that books `charge.dispute.*`
    (`event`: type, dispute id, amount, status); open disputes of the case show it."""
    for listener in _chargeback_listeners:
        await listener(uow, case_id, event)
