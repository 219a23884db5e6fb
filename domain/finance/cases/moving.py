"""The one way a payment case changes: a compare-and-set on (state, version) decided by the
state table, with its `finance` event (key `case:<id>`, per-case `seq`, money as {amount,
currency}) and its audit record, in the caller's unit of work. And who moves it (`Who`), the
rules it follows (`PaymentRules`) and where payees are paid (`register_payout_destination`)."""

from __future__ import annotations

import copy
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from prometheus_client import Counter

from domain.audit import services as audit
from domain.finance import ledger
from domain.finance.cases import rows
from domain.finance.cases.models import CaseState, PaymentCase
from domain.finance.cases.states import EVENT_TYPES, Action, Decision, Party, decide
from domain.finance.operations.worker import WorkerRules
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Conflict, ConflictReason
from domain.shared.events import DomainEvent
from domain.shared.money import Money
from domain.shared.uow import UnitOfWork

TRANSITIONS_TOTAL = Counter("fieldsync_finance_case_transitions_total", "Payment case transitions", ["action"])

S = CaseState
A = Action
P = Party


@dataclass(frozen=True)
class PaymentRules:
    release_window: timedelta = timedelta(hours=48)
    # Authorizations are voided this long before capture_before; a capture is never tried after it.
    expiry_margin: timedelta = timedelta(hours=1)
    # When the gateway does not say (cards hold 5-7 days; Visa MIT 4 days 18 h): stay inside it.
    authorization_lifetime: timedelta = timedelta(days=4)
    require_payment_to_accept: bool = False
    sweep_batch: int = 200
    timer_commit_batch: int = 50  # due cases the timers release or expire per transaction
    worker: WorkerRules = field(default_factory=WorkerRules)


@dataclass(frozen=True)
class Who:
    """Who moves money: a person (audited with their request) or a job, a reaction, the gateway."""

    ledger_actor: str  # "user:<uuid>" | "system:<job>" | "gateway:<name>"
    actor: Actor | None = None
    context: RequestContext = field(default_factory=RequestContext)

    @staticmethod
    def person(actor: Actor, context: RequestContext) -> Who:
        return Who(f"user:{actor.user_id}", actor, context)


PayoutDestination = Callable[[str], Awaitable[str | None]]
_destinations: list[PayoutDestination] = []


def register_payout_destination(lookup: PayoutDestination) -> Callable[[], None]:
    """Plug in where a payee (`org:<id>` / `user:<id>`) is paid: their payout-enabled connected
    account, or None (then their share accrues as provider_payable). Returns an unregister."""
    _destinations.append(lookup)
    return lambda: _destinations.remove(lookup)


async def destination_of(owner: str) -> str | None:
    for lookup in reversed(_destinations):
        found = await lookup(owner)
        if found:
            return found
    return None


class CaseMoves:
    gateway: Any  # domain.finance.gateway.port.PaymentGateway
    rules: PaymentRules

    async def _move(self, uow: UnitOfWork, case: PaymentCase, action: Action | None, parties: frozenset[Party],
                    who: Who, *, to: CaseState | None = None, updates: dict[str, Any] | None = None,
                    extra: dict[str, Any] | None = None, event_type: str | None = None,
                    released: rows.Releasing | None = None) -> PaymentCase:
        """The compare-and-set with its event and audit record, in the caller's unit of work
        (with `released`, those milestones marked released by the same statement, and its reads
        answered: rows.Releasing)."""
        if action is not None:
            decision = decide(case.state, action, parties)
            target = to or decision.to
        else:  # a compensation: back to where the refused call found it
            assert to is not None
            decision = Decision(to, next(iter(parties)))
            target = to
        values = {"state": target, "version": case.version + 1, "seq": case.seq + 1, "updated_at": utcnow(),
                  **(updates or {})}
        if not await rows.compare_and_set(uow.connection, case, values, released):
            raise Conflict("The payment changed meanwhile; read it again.", reason=ConflictReason.STALE_VERSION)
        # Every writer moves a case through this compare-and-set, so the row is now the one read
        # plus these values: no read back.
        fresh = copy.copy(case)
        for name, value in values.items():
            setattr(fresh, name, value)
        TRANSITIONS_TOTAL.labels(action.value if action else "compensate").inc()
        type_ = event_type or (EVENT_TYPES[action] if action else "payment.compensated")
        await self._announce(uow, fresh, type_, who, case.state,
                             {**(extra or {}), "acting_as": decision.acting_as.value})
        return fresh

    async def _announce(self, uow: UnitOfWork, case: PaymentCase, type_: str, who: Who, before: CaseState | None,
                        extra: dict[str, Any]) -> None:
        """The `finance` event and the audit record (one round trip on PostgreSQL: audit.record)."""
        def money(amount: int) -> dict[str, int | str]:
            return Money(amount, case.currency).as_dict()

        data = {
            "case_id": str(case.id), "booking_id": str(case.booking_id), "customer_id": str(case.customer_id),
            "organisation_id": str(case.organisation_id) if case.organisation_id else None,
            "seq": case.seq, "state": case.state.value, "from_state": before.value if before else None,
            "version": case.version, "amount": money(case.amount), "captured": money(case.captured_amount),
            "refunded": money(case.refunded_amount), "released": money(case.released_amount),
            "region": case.region, **extra,
        }
        actor_id = who.actor.user_id if who.actor else None
        event = DomainEvent(stream="finance", type=type_, subject=f"case:{case.id}", actor_id=actor_id, data=data)
        await audit.record(uow, actor=who.actor, action=type_, subject_type="payment_case", subject_id=str(case.id),
                           context=who.context, before={"state": before.value} if before else None,
                           after={"state": case.state.value, "seq": case.seq, "by": who.ledger_actor},
                           events=[event])


async def receivables(owners: Iterable[str], currency: str) -> dict[str, int]:
    """What each payee owes us (a refund after payout), to net against a release; one query."""
    keys = {owner: ledger.AccountKey(ledger.AccountKind.PROVIDER_RECEIVABLE, owner, currency) for owner in owners}
    found = await ledger.balances_of(list(keys.values()))
    return {owner: max(0, int(found[key].posted)) for owner, key in keys.items()}


def parse_time(value: Any) -> datetime | None:
    if not value:
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
