"""Payment cases: checkout, capture at acceptance, release after completion, refunds, voids
and expiry, and the outcomes of the gateway calls they store.

Every transition is ONE unit of work: the compare-and-set on (state, version) decided by the
state table (states.py), the ledger entry (postings.py), the stored gateway operation
(operations/store.py), the `finance` event (key `case:<id>`, per-case `seq`) and the audit
record. Gateway calls happen outside it (the operations worker), with keys stored first.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from prometheus_client import Counter
from tortoise.exceptions import IntegrityError

from domain.access.policy import Permission, authorize
from domain.audit import services as audit
from domain.bookings.models import Assignment, Booking, BookingState
from domain.bookings.parties import parties_of
from domain.bookings.states import Party as BookingParty
from domain.finance import ledger
from domain.finance.cases import access as _access  # noqa: F401 - registers the policy relations
from domain.finance.cases import breakdown as bd
from domain.finance.cases import postings
from domain.finance.cases.models import CaseState, MilestoneState, PaymentCase, PaymentMilestone
from domain.finance.cases.states import CAPTURED, EVENT_TYPES, Action, Decision, Party, actions_for, decide
from domain.finance.cases.views import CaseView, view_of
from domain.finance.operations import store
from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from domain.finance.operations.worker import LATE_CAPTURES, OperationWorker, WorkerRules
from domain.shared.clock import isoformat, utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Conflict, DomainError, NotFound, ValidationFailed
from domain.shared.events import DomainEvent, EventEnvelope
from domain.shared.ids import as_uuid
from domain.shared.money import Money
from domain.shared.uow import UnitOfWork, unit_of_work

log = logging.getLogger(__name__)

CONSUMER = "payments"  # the reaction to booking events (its inbox key and Kafka group)
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


class PaymentCases:
    def __init__(self, gateway: Any, rules: PaymentRules | None = None) -> None:
        self.gateway = gateway  # domain.finance.gateway.port.PaymentGateway
        self.rules = rules or PaymentRules()
        self.worker = OperationWorker(gateway, self, self.rules.worker)

    # ---- people -------------------------------------------------------------------------

    async def checkout(self, actor: Actor, booking_id: str, payment_method: str, *,
                       milestones: list[tuple[str, int]] | None = None,
                       context: RequestContext | None = None) -> CaseView:
        """Authorize the booking's total on the customer's payment method. The operation and
        its key are stored first; the call is made right away, and by the worker if this
        process cannot finish it (the answer is then `authorizing`)."""
        context = context or RequestContext()
        booking = await _booking(booking_id)
        await authorize(actor, Permission.PAYMENT_CHECKOUT, booking)
        if booking.state not in (BookingState.REQUESTED, BookingState.ACCEPTED, BookingState.SCHEDULED):
            raise Conflict(f"A {booking.state.value} booking cannot be paid.", details={"state": booking.state.value})
        who = Who.person(actor, context)
        existing = await PaymentCase.get_or_none(booking_id=booking.id)
        if existing is not None:
            if existing.state is not S.FAILED:
                raise Conflict("This booking already has a payment.",
                               details={"case_id": str(existing.id), "state": existing.state.value})
            op = await self._retry(existing, payment_method, who)
        else:
            op = await self._open(booking, payment_method, milestones, who)
        await self.worker.run_own(op.id)
        return await self._view(await PaymentCase.get(id=op.case_id), actor)

    async def get(self, actor: Actor, case_id: str) -> CaseView:
        case = await _case(case_id)
        booking = await Booking.get(id=case.booking_id)
        await authorize(actor, Permission.BOOKING_READ, booking)
        return await self._view(case, actor, booking)

    async def of_booking(self, actor: Actor, booking_id: str) -> CaseView:
        booking = await _booking(booking_id)
        await authorize(actor, Permission.BOOKING_READ, booking)
        case = await PaymentCase.get_or_none(booking_id=booking.id)
        if case is None:
            raise NotFound("This booking has no payment yet.")
        return await self._view(case, actor, booking)

    async def refund(self, actor: Actor, case_id: str, amount: Money | None, *, reason: str = "",
                     context: RequestContext | None = None) -> CaseView:
        """A provider manager or an admin gives money back: all that remains, or `amount`.
        Never more than was captured and not yet refunded (409)."""
        case = await _case(case_id)
        booking = await Booking.get(id=case.booking_id)
        await authorize(actor, Permission.PAYMENT_REFUND, booking)
        parties = await self._parties(actor, booking)
        async with unit_of_work() as uow:
            await self._refund(uow, case, amount, parties, Who.person(actor, context or RequestContext()),
                               reason=reason or "refund")
        return await self._view(await PaymentCase.get(id=case.id), actor, booking)

    async def release(self, actor: Actor, case_id: str, *, milestone: int | None = None,
                      context: RequestContext | None = None) -> CaseView:
        """An admin releases everything still held now; the customer (or an admin) releases one
        milestone of a job paid in parts."""
        case = await _case(case_id)
        booking = await Booking.get(id=case.booking_id)
        permission = Permission.PAYMENT_RELEASE_MILESTONE if milestone is not None else Permission.PAYMENT_RELEASE
        await authorize(actor, permission, booking)
        parties = await self._parties(actor, booking)
        who = Who.person(actor, context or RequestContext())
        async with unit_of_work() as uow:
            if milestone is None:
                await self._release(uow, case, A.RELEASE, parties, who, reason="released by an admin")
            else:
                await self._release(uow, case, A.RELEASE_MILESTONE, parties, who, positions=[milestone],
                                    reason="milestone approved")
        return await self._view(await PaymentCase.get(id=case.id), actor, booking)

    async def accept_guard(self, booking: Booking) -> None:
        """With `require_payment_to_accept`, a booking is accepted only with a live authorization
        (domain/bookings/transitions.py asks before accepting)."""
        if not self.rules.require_payment_to_accept:
            return
        case = await PaymentCase.get_or_none(booking_id=booking.id)
        if case is None or case.state is not S.AUTHORIZED:
            raise Conflict("The customer has not paid for this booking yet.",
                           details={"reason": "payment_required", "payment_state": case.state.value if case else None})
        if case.capture_before is not None and case.capture_before <= utcnow() + self.rules.expiry_margin:
            LATE_CAPTURES.inc()
            raise Conflict("The customer's payment authorization has expired; they must pay again.",
                           details={"reason": "authorization_expired"})

    # ---- reactions and timers -------------------------------------------------------------

    async def on_booking_event(self, envelope: EventEnvelope, uow: UnitOfWork) -> None:
        """Booking accepted: capture. Completed: the release window starts. Cancelled, declined,
        expired: void the authorization, or refund what was captured. Runs once per event (its
        inbox claim commits with these effects)."""
        handler = {"booking.accepted": self._on_accepted, "booking.completed": self._on_completed,
                   "booking.cancelled": self._on_ended, "booking.declined": self._on_ended,
                   "booking.expired": self._on_ended}.get(envelope.type)
        if handler is None:
            return
        booking_id = as_uuid(str(envelope.body.get("data", {}).get("booking_id", "")))
        case = await PaymentCase.get_or_none(booking_id=booking_id, using_db=uow.connection) if booking_id else None
        if case is None:
            return
        who = Who(f"system:{CONSUMER}", None, RequestContext(request_id=envelope.event_id))
        try:
            async with unit_of_work() as inner:  # a savepoint: a refused move leaves the rest of the batch
                await handler(inner, case, who)
        except DomainError as exc:
            log.info("payment_reaction_skipped type=%s case=%s reason=%s", envelope.type, case.id, exc.message)

    async def release_due(self, now: datetime | None = None) -> int:
        """The release timer: completed cases whose window passed, without an open dispute."""
        now = now or utcnow()
        due = await PaymentCase.filter(state=S.RELEASE_PENDING, release_after__lte=now, dispute_open=False).limit(
            self.rules.sweep_batch)
        return await self._sweep(due, lambda uow, case, who: self._release(
            uow, case, A.RELEASE, frozenset({P.TIMER}), who, reason="release window passed"), "release_timer")

    async def expire_due(self, now: datetime | None = None) -> int:
        """The authorization timer: void authorizations before they lapse; never capture after."""
        now = now or utcnow()
        due = await PaymentCase.filter(state=S.AUTHORIZED, capture_before__lte=now + self.rules.expiry_margin).limit(
            self.rules.sweep_batch)
        return await self._sweep(due, lambda uow, case, who: self._end_authorization(
            uow, case, A.EXPIRE, frozenset({P.TIMER}), who, reason="authorization about to expire"), "expiry_timer")

    async def run_operations(self) -> int:
        return await self.worker.run_due()

    # ---- operation outcomes (called by the worker) ------------------------------------------

    async def succeeded(self, op: FinanceOperation, result: dict[str, Any]) -> None:
        who = Who(f"gateway:{self.gateway.name}")
        async with unit_of_work() as uow:
            if not await store.close(uow, op, OpStatus.SUCCEEDED, result):
                return
            case = await PaymentCase.get(id=op.case_id, using_db=uow.connection)
            if op.op is OpKind.AUTHORIZE:
                await self._authorized(uow, case, result, who)
            elif op.op is OpKind.CAPTURE:
                await self._captured(uow, case, result, who)
            elif op.op is OpKind.TRANSFER:
                await self._transferred(uow, case, op, result, who)
            # A void or a refund was booked when it was decided: nothing more to write.

    async def declined(self, op: FinanceOperation, error: str) -> None:
        who = Who(f"gateway:{self.gateway.name}")
        async with unit_of_work() as uow:
            if not await store.close(uow, op, OpStatus.FAILED, None, error):
                return
            case = await PaymentCase.get(id=op.case_id, using_db=uow.connection)
            if op.op is OpKind.AUTHORIZE and case.state is S.AUTHORIZING and case.attempt == op.attempt:
                await self._move(uow, case, A.DECLINE, frozenset({P.GATEWAY}), who,
                                 updates={"failure": error[:300]}, extra={"error": error[:300]})
            elif op.op is OpKind.CAPTURE and case.state in (S.CAPTURE_PENDING, S.AUTHORIZED):
                await self._end_authorization(uow, case, A.EXPIRE, frozenset({P.GATEWAY}), who, reason=error)
            elif op.op is OpKind.REFUND:
                await self._refund_failed(uow, case, op, who, error)
            # A refused void: the authorization lapses on its own. A refused transfer: the
            # payee's share stays in their provider_payable until a payout sends it.

    # ---- webhooks: apply the gateway object's state, whatever the order of its events ------

    # The gateway event types whose object leads to a payment (the webhook inbox's router).
    GATEWAY_EVENT_TYPES = ("payment_intent.", "charge.refunded", "charge.captured", "refund.")

    async def apply_gateway_event(self, event: Any, uow: UnitOfWork) -> None:
        """A stored webhook (domain/finance/gateway/inbox.py): whatever its type and order, the
        payment it concerns is refetched and applied by its current state."""
        payment_id = await _payment_id_of(event)
        if payment_id is None:
            return
        await self.apply_payment_state(await self.gateway.payment(payment_id))

    async def apply_payment_state(self, payment: Any) -> PaymentCase | None:
        """Bring the case of this gateway payment (a refetched PaymentIntentState) to what the
        gateway says, with the same ledger keys as the operations, so replays and any order of
        events end in the same state and ledger."""
        case = await PaymentCase.get_or_none(payment_id=payment.id)
        if case is None:  # authorized, but our own record of it was lost (a crash): the metadata says whose
            case_id = as_uuid(str(dict(payment.metadata or {}).get("case_id", "")))
            case = await PaymentCase.get_or_none(id=case_id, payment_id=None) if case_id else None
        if case is None:
            return None
        who = Who(f"gateway:{self.gateway.name}")
        result = {"id": payment.id, "status": payment.status, "charge_id": payment.charge_id,
                  "capture_before": isoformat(payment.capture_before) if payment.capture_before else None,
                  "amount_captured": payment.amount_captured}
        async with unit_of_work() as uow:
            case = await PaymentCase.get(id=case.id, using_db=uow.connection)
            if payment.status in ("requires_capture", "succeeded") and case.state is S.AUTHORIZING:
                case = await self._authorized(uow, case, result, who)
            if payment.status == "succeeded" and case.state in (S.AUTHORIZED, S.CAPTURE_PENDING):
                case = await self._captured(uow, case, result, who)
            if payment.status == "canceled" and case.state in (S.AUTHORIZING, S.AUTHORIZED, S.CAPTURE_PENDING):
                case = await self._end_authorization(uow, case, A.EXPIRE, frozenset({P.GATEWAY}), who,
                                                     reason="cancelled at the gateway", call_gateway=False)
            outside = payment.amount_refunded - case.refunded_amount
            if outside > 0 and case.state in CAPTURED:  # refunded at the gateway, not by us
                case = await self._refund(uow, case, Money(outside, case.currency), frozenset({P.GATEWAY}), who,
                                          reason="refunded at the gateway", call_gateway=False,
                                          key=f"gw:{payment.id}:refunded:{payment.amount_refunded}")
        return case

    # ---- the transitions ---------------------------------------------------------------------

    async def _open(self, booking: Booking, payment_method: str, milestones: list[tuple[str, int]] | None,
                    who: Who) -> FinanceOperation:
        crew = await Assignment.filter(booking_id=booking.id).order_by("-lead", "created_at")
        lead = str(crew[0].serviceman_id) if crew else None
        frozen = bd.of_booking(booking, [bd.payee_owner(booking, lead)])
        parts = milestones or [("", frozen["total"])]
        shares = bd.split(frozen, [amount for _title, amount in parts])
        try:
            async with unit_of_work() as uow:
                conn = uow.connection
                case = await PaymentCase.create(
                    booking_id=booking.id, job_id=booking.job_id, customer_id=booking.customer_id,
                    organisation_id=booking.organisation_id, state=S.AUTHORIZING, currency=booking.currency,
                    amount=frozen["total"], breakdown=frozen, gateway=self.gateway.name, seq=1, using_db=conn)
                for position, ((title, amount), part) in enumerate(zip(parts, shares, strict=True), start=1):
                    await PaymentMilestone.create(case=case, position=position, title=title, amount=amount,
                                                  shares=part, using_db=conn)
                op = await store.enqueue(uow, case.id, OpKind.AUTHORIZE, self._authorize_params(case, payment_method),
                                         due=self.worker.leased_until())
                await self._announce(uow, case, "payment.checkout", who, None, {})
                return op
        except IntegrityError as exc:  # a concurrent checkout of the same booking won
            raise Conflict("This booking already has a payment.") from exc

    async def _retry(self, case: PaymentCase, payment_method: str, who: Who) -> FinanceOperation:
        async with unit_of_work() as uow:
            case = await self._move(uow, case, A.RETRY, frozenset({P.CUSTOMER}), who,
                                    updates={"attempt": case.attempt + 1, "failure": ""})
            return await store.enqueue(uow, case.id, OpKind.AUTHORIZE, self._authorize_params(case, payment_method),
                                       attempt=case.attempt, due=self.worker.leased_until())

    def _authorize_params(self, case: PaymentCase, payment_method: str) -> dict[str, Any]:
        return {"amount": case.amount, "currency": case.currency, "payment_method": payment_method,
                "transfer_group": f"case:{case.id}",
                "metadata": {"case_id": str(case.id), "booking_id": str(case.booking_id)}}

    async def _authorized(self, uow: UnitOfWork, case: PaymentCase, result: dict[str, Any], who: Who) -> PaymentCase:
        if case.state is not S.AUTHORIZING:
            return case
        payment_id = str(result["id"])
        capture_before = _parse(result.get("capture_before")) or utcnow() + self.rules.authorization_lifetime
        entry = await ledger.post(uow, postings.authorize(case.id, case.currency, case.amount,
                                                          key=f"gw:{payment_id}:authorized", actor=who.ledger_actor,
                                                          request_id=who.context.request_id))
        case = await self._move(uow, case, A.AUTHORIZED, frozenset({P.GATEWAY}), who, updates={
            "payment_id": payment_id, "capture_before": capture_before, "authorize_entry_id": entry.id,
            "charge_id": result.get("charge_id")})
        booking = await Booking.get(id=case.booking_id, using_db=uow.connection)
        if booking.state in (BookingState.ACCEPTED, BookingState.SCHEDULED, BookingState.IN_PROGRESS,
                             BookingState.COMPLETED):  # accepted before the card answered: capture now
            case = await self._capture(uow, case, frozenset({P.SYSTEM}), who)
        elif booking.state in (BookingState.CANCELLED, BookingState.DECLINED, BookingState.EXPIRED):
            case = await self._end_authorization(uow, case, A.VOID, frozenset({P.SYSTEM}), who,
                                                 reason=f"booking {booking.state.value}")
        return case

    async def _capture(self, uow: UnitOfWork, case: PaymentCase, parties: frozenset[Party], who: Who) -> PaymentCase:
        decide(case.state, A.CAPTURE, parties)
        if case.capture_before is None or case.capture_before <= utcnow():
            LATE_CAPTURES.inc()  # never capture after it: the authorization is gone
            return await self._end_authorization(uow, case, A.EXPIRE, frozenset({P.TIMER}), who,
                                                 reason="authorization expired before the capture")
        case = await self._move(uow, case, A.CAPTURE, parties, who)
        await store.enqueue(uow, case.id, OpKind.CAPTURE, {
            "payment_id": case.payment_id, "capture_before": isoformat(case.capture_before)
            if case.capture_before else None})
        return case

    async def _captured(self, uow: UnitOfWork, case: PaymentCase, result: dict[str, Any], who: Who) -> PaymentCase:
        if case.state not in (S.AUTHORIZED, S.CAPTURE_PENDING) or case.authorize_entry_id is None:
            return case
        payment_id = case.payment_id
        await ledger.resolve_pending(uow, case.authorize_entry_id, post=True, key=f"gw:{payment_id}:captured",
                                     actor=who.ledger_actor, reason="captured")
        await ledger.post(uow, postings.settle(case.id, case.currency, case.amount,
                                               key=f"gw:{payment_id}:captured:settle", actor=who.ledger_actor))
        case = await self._move(uow, case, A.CAPTURED, frozenset({P.GATEWAY}), who, updates={
            "captured_amount": case.amount, "charge_id": result.get("charge_id") or case.charge_id})
        booking = await Booking.get(id=case.booking_id, using_db=uow.connection)
        if booking.state is BookingState.COMPLETED:
            case = await self._complete(uow, case, who)
        elif booking.state in (BookingState.CANCELLED, BookingState.DECLINED, BookingState.EXPIRED):
            case = await self._settle_ended(uow, case, booking, who)
        return case

    async def _complete(self, uow: UnitOfWork, case: PaymentCase, who: Who) -> PaymentCase:
        release_after = utcnow() + self.rules.release_window
        return await self._move(uow, case, A.COMPLETE, frozenset({P.SYSTEM}), who,
                                updates={"release_after": release_after},
                                extra={"release_after": isoformat(release_after)})

    async def _end_authorization(self, uow: UnitOfWork, case: PaymentCase, action: Action,
                                 parties: frozenset[Party], who: Who, *, reason: str,
                                 call_gateway: bool = True) -> PaymentCase:
        """Void or expire: the ledger's pending hold is voided now; the gateway is told."""
        decide(case.state, action, parties)
        if case.authorize_entry_id is not None:
            await ledger.resolve_pending(uow, case.authorize_entry_id, post=False,
                                         key=f"case:{case.id}:{action.value}", actor=who.ledger_actor, reason=reason)
        moved = await self._move(uow, case, action, parties, who, extra={"reason": reason})
        if call_gateway and case.payment_id:
            await store.enqueue(uow, case.id, OpKind.VOID, {"payment_id": case.payment_id})
        return moved

    async def _release(self, uow: UnitOfWork, case: PaymentCase, action: Action, parties: frozenset[Party],
                       who: Who, *, reason: str, positions: list[int] | None = None,
                       override: dict[str, Any] | None = None) -> PaymentCase:
        """Held money to the payees, the platform and tax: each chosen milestone's frozen shares
        (or, for a cancellation fee, `override` for everything still held), with one transfer
        operation per payee who can be paid."""
        conn = uow.connection
        decision = decide(case.state, action, parties)
        pending = await PaymentMilestone.filter(case_id=case.id, state=MilestoneState.PENDING).using_db(
            conn).order_by("position")
        chosen = [m for m in pending if positions is None or m.position in positions]
        if not chosen:
            raise Conflict("Nothing is held for this milestone.", details={"milestones": positions})
        target = S.RELEASED if len(chosen) == len(pending) else decision.to
        now = utcnow()
        released = 0
        for index, milestone in enumerate(chosen):
            shares = milestone.shares
            if override is not None:  # the fee's own split, booked once on the first part
                if index:
                    await PaymentMilestone.filter(id=milestone.id).using_db(conn).update(
                        state=MilestoneState.RELEASED, released_at=now)
                    continue
                shares = override
            netted = {p["owner"]: await _receivable(p["owner"], case.currency, p["amount"]) for p in shares["payees"]}
            await ledger.post(uow, postings.release(
                case.id, case.currency, shares, netted, key=f"case:{case.id}:release:m{milestone.position}",
                actor=who.ledger_actor, reason=reason[:200], request_id=who.context.request_id))
            await PaymentMilestone.filter(id=milestone.id).using_db(conn).update(
                state=MilestoneState.RELEASED, released_at=now)
            released += shares["total"]
            for number, payee in enumerate(shares["payees"]):
                amount = payee["amount"] - netted[payee["owner"]]
                destination = await destination_of(payee["owner"])
                if amount > 0 and destination is not None:
                    await store.enqueue(uow, case.id, OpKind.TRANSFER, {
                        "amount": amount, "currency": case.currency, "destination": destination,
                        "owner": payee["owner"], "transfer_group": f"case:{case.id}",
                        "source_transaction": case.charge_id,
                        "metadata": {"case_id": str(case.id), "milestone": str(milestone.position)},
                    }, label=f"transfer-m{milestone.position}-p{number}")
        return await self._move(uow, case, action, parties, who, to=target,
                                updates={"released_amount": case.released_amount + released},
                                extra={"released": Money(released, case.currency).as_dict(),
                                       "milestones": [m.position for m in chosen]})

    async def _transferred(self, uow: UnitOfWork, case: PaymentCase, op: FinanceOperation, result: dict[str, Any],
                           who: Who) -> None:
        p = op.params
        transfer_id = str(result.get("id") or op.idempotency_key)
        await ledger.post(uow, postings.transfer(case.id, case.currency, p["owner"], int(p["amount"]),
                                                 key=f"gw:{transfer_id}:transfer", actor=who.ledger_actor))
        open_ops = await FinanceOperation.filter(case_id=case.id, op=OpKind.TRANSFER,
                                                 status=OpStatus.PENDING).using_db(uow.connection).count()
        left = await PaymentMilestone.filter(case_id=case.id, state=MilestoneState.PENDING).using_db(
            uow.connection).count()
        if not open_ops and not left and case.state in (S.RELEASED, S.PARTIALLY_REFUNDED):
            await self._move(uow, case, A.PAID_OUT, frozenset({P.GATEWAY}), who)

    async def _refund(self, uow: UnitOfWork, case: PaymentCase, amount: Money | None, parties: frozenset[Party],
                      who: Who, *, reason: str, call_gateway: bool = True, key: str | None = None) -> PaymentCase:
        conn = uow.connection
        refundable = case.captured_amount - case.refunded_amount
        value = refundable if amount is None else amount.amount
        if amount is not None and amount.currency != case.currency:
            raise ValidationFailed("The refund must be in the payment's currency.",
                                   errors=[{"field": "amount.currency", "message": f"must be {case.currency}",
                                            "type": "value_error", "location": "body"}])
        if case.state not in CAPTURED:
            raise Conflict(f"A payment that is {case.state.value.replace('_', ' ')} cannot be refunded.",
                           details={"state": case.state.value})
        if value <= 0 or value > refundable:
            raise Conflict("A refund cannot exceed what was captured and not refunded yet.",
                           details={"refundable": Money(refundable, case.currency).as_dict()})
        action = A.REFUND_FULL if value == refundable else A.REFUND_PARTIAL
        decide(case.state, action, parties)
        # Take it from what is still held first (last milestone first), then from what was released.
        milestones = await PaymentMilestone.filter(case_id=case.id).using_db(conn).order_by("-position")
        ordered = [m for m in milestones if m.state is MilestoneState.PENDING] + \
                  [m for m in milestones if m.state is MilestoneState.RELEASED]
        left, from_held, after_release = value, 0, None
        for milestone in ordered:
            if left == 0:
                break
            take = min(left, milestone.amount)
            if take == 0:
                continue
            piece = bd.proportion(milestone.shares, take)
            await PaymentMilestone.filter(id=milestone.id).using_db(conn).update(
                amount=milestone.amount - take, shares=bd.combine(milestone.shares, piece, -1))
            if milestone.state is MilestoneState.PENDING:
                from_held += take
            else:
                after_release = bd.combine(after_release, piece)
            left -= take
        entry_key = key or f"case:{case.id}:refund:s{case.seq + 1}"  # seq: unique even after a compensation
        entry = await ledger.post(uow, postings.refund(case.id, case.currency, from_held, after_release,
                                                       key=entry_key, actor=who.ledger_actor, reason=reason,
                                                       request_id=who.context.request_id))
        before = case.state
        case = await self._move(uow, case, action, parties, who,
                                updates={"refunded_amount": case.refunded_amount + value},
                                extra={"refund": Money(value, case.currency).as_dict(), "reason": reason})
        if call_gateway:
            await store.enqueue(uow, case.id, OpKind.REFUND, {
                "payment_id": case.payment_id, "amount": value, "currency": case.currency, "entry_id": str(entry.id),
                "from_state": before.value, "from_held": from_held,
            }, attempt=case.seq)  # the case's sequence: a distinct key per refund
        return case

    async def _refund_failed(self, uow: UnitOfWork, case: PaymentCase, op: FinanceOperation, who: Who,
                             error: str) -> None:
        """The gateway refused a refund: its ledger entry is reversed and the amounts restored
        (the key is closed; asking again makes a new refund with a new key)."""
        p = op.params
        await ledger.reverse(uow, UUID(p["entry_id"]), key=f"{op.idempotency_key}:declined",
                             actor=who.ledger_actor, reason=f"refund declined: {error}"[:200])
        amount = int(p["amount"])
        # The money is back where it was: held first (the first pending milestone takes it).
        first = await PaymentMilestone.filter(case_id=case.id, state=MilestoneState.PENDING).using_db(
            uow.connection).order_by("position").first()
        if first is not None and int(p.get("from_held", 0)):
            restored = bd.proportion(case.breakdown, int(p["from_held"]))
            await PaymentMilestone.filter(id=first.id).using_db(uow.connection).update(
                amount=first.amount + int(p["from_held"]), shares=bd.combine(first.shares, restored))
        await self._move(uow, case, None, frozenset({P.GATEWAY}), who, to=CaseState(p["from_state"]),
                         updates={"refunded_amount": case.refunded_amount - amount},
                         event_type="payment.refund_failed", extra={"error": error[:300]})

    async def _on_accepted(self, uow: UnitOfWork, case: PaymentCase, who: Who) -> None:
        if case.state is S.AUTHORIZED:
            await self._capture(uow, case, frozenset({P.SYSTEM}), who)
        # authorizing: the authorization's outcome captures once it sees the booking accepted.

    async def _on_completed(self, uow: UnitOfWork, case: PaymentCase, who: Who) -> None:
        if case.state is S.HELD:
            await self._complete(uow, case, who)
        # capture pending: the capture's outcome sees the completed booking.

    async def _on_ended(self, uow: UnitOfWork, case: PaymentCase, who: Who) -> None:
        if case.state in (S.AUTHORIZING, S.AUTHORIZED):
            await self._end_authorization(uow, case, A.VOID, frozenset({P.SYSTEM}), who, reason="booking ended")
        elif case.state in (S.HELD, S.RELEASE_PENDING):
            booking = await Booking.get(id=case.booking_id, using_db=uow.connection)
            await self._settle_ended(uow, case, booking, who)
        # capture pending: the capture's outcome refunds when it sees the booking ended.

    async def _settle_ended(self, uow: UnitOfWork, case: PaymentCase, booking: Booking, who: Who) -> PaymentCase:
        """A captured booking that ended: the customer's late cancellation keeps the fee its
        frozen terms say (released to the payees and the platform as they say); anything else
        (declined, expired, a free cancellation) refunds everything still refundable."""
        kept = bd.cancellation(booking.pricing, booking.scheduled_start, utcnow()) \
            if booking.state is BookingState.CANCELLED and case.refunded_amount == 0 and case.released_amount == 0 \
            else None
        if kept is None or kept["total"] >= case.captured_amount:
            return await self._refund(uow, case, None, frozenset({P.SYSTEM}), who,
                                      reason=f"booking {booking.state.value}")
        case = await self._refund(uow, case, Money(case.captured_amount - kept["total"], case.currency),
                                  frozenset({P.SYSTEM}), who, reason="cancelled: refund less the cancellation fee")
        return await self._release(uow, case, A.RELEASE, frozenset({P.SYSTEM}), who,
                                   reason="cancellation fee", override=kept)

    async def _move(self, uow: UnitOfWork, case: PaymentCase, action: Action | None, parties: frozenset[Party],
                    who: Who, *, to: CaseState | None = None, updates: dict[str, Any] | None = None,
                    extra: dict[str, Any] | None = None, event_type: str | None = None) -> PaymentCase:
        """The compare-and-set with its event and audit record, in the caller's unit of work."""
        if action is not None:
            decision = decide(case.state, action, parties)
            target = to or decision.to
        else:  # a compensation: back to where the refused call found it
            assert to is not None
            decision = Decision(to, next(iter(parties)))
            target = to
        conn = uow.connection
        changed = await PaymentCase.filter(id=case.id, version=case.version, state=case.state).using_db(conn).update(
            state=target, version=case.version + 1, seq=case.seq + 1, updated_at=utcnow(), **(updates or {}))
        if not changed:
            raise Conflict("The payment changed meanwhile; read it again.")
        fresh = await PaymentCase.get(id=case.id, using_db=conn)
        TRANSITIONS_TOTAL.labels(action.value if action else "compensate").inc()
        type_ = event_type or (EVENT_TYPES[action] if action else "payment.compensated")
        await self._announce(uow, fresh, type_, who, case.state,
                             {**(extra or {}), "acting_as": decision.acting_as.value})
        return fresh

    async def _announce(self, uow: UnitOfWork, case: PaymentCase, type_: str, who: Who, before: CaseState | None,
                        extra: dict[str, Any]) -> None:
        def money(amount: int) -> dict[str, int | str]:
            return Money(amount, case.currency).as_dict()

        data = {
            "case_id": str(case.id), "booking_id": str(case.booking_id), "customer_id": str(case.customer_id),
            "organisation_id": str(case.organisation_id) if case.organisation_id else None,
            "seq": case.seq, "state": case.state.value, "from_state": before.value if before else None,
            "version": case.version, "amount": money(case.amount), "captured": money(case.captured_amount),
            "refunded": money(case.refunded_amount), "released": money(case.released_amount), **extra,
        }
        actor_id = who.actor.user_id if who.actor else None
        await uow.record(DomainEvent(stream="finance", type=type_, subject=f"case:{case.id}", actor_id=actor_id,
                                     data=data))
        await audit.record(uow, actor=who.actor, action=type_, subject_type="payment_case", subject_id=str(case.id),
                           context=who.context, before={"state": before.value} if before else None,
                           after={"state": case.state.value, "seq": case.seq, "by": who.ledger_actor})

    async def _sweep(self, cases: list[PaymentCase],
                     step: Callable[[UnitOfWork, PaymentCase, Who], Awaitable[Any]], job: str) -> int:
        done = 0
        for case in cases:
            try:
                async with unit_of_work() as uow:
                    await step(uow, case, Who(f"system:{job}"))
                done += 1
            except Conflict:
                continue  # moved meanwhile (an admin, another replica): theirs stands
        return done

    async def _parties(self, actor: Actor, booking: Booking) -> frozenset[Party]:
        found = await parties_of(actor, booking)
        mapping = {BookingParty.CUSTOMER: P.CUSTOMER, BookingParty.LEAD: P.LEAD, BookingParty.MANAGER: P.MANAGER,
                   BookingParty.ADMIN: P.ADMIN}
        return frozenset(mapping[p] for p in found if p in mapping)

    async def _view(self, case: PaymentCase, actor: Actor, booking: Booking | None = None) -> CaseView:
        booking = booking or await Booking.get(id=case.booking_id)
        return await view_of(case, actions_for(case.state, await self._parties(actor, booking)))


async def _booking(booking_id: str) -> Booking:
    uid = as_uuid(booking_id)
    booking = await Booking.get_or_none(id=uid) if uid else None
    if booking is None:
        raise NotFound()
    return booking


async def _case(case_id: str) -> PaymentCase:
    uid = as_uuid(case_id)
    case = await PaymentCase.get_or_none(id=uid) if uid else None
    if case is None:
        raise NotFound()
    return case


async def _payment_id_of(event: Any) -> str | None:
    """The gateway payment an event is about: the object itself, the object's payment, or the
    payment of the charge it names."""
    if str(event.type).startswith("payment_intent."):
        return str(event.object_id)
    obj = (event.payload.get("data") or {}).get("object") or {}
    if isinstance(obj, dict) and obj.get("payment_intent"):
        return str(obj["payment_intent"])
    charge = obj.get("charge") if isinstance(obj, dict) else None
    for charge_id in (charge, event.object_id):
        if charge_id:
            case = await PaymentCase.get_or_none(charge_id=str(charge_id))
            if case is not None:
                return case.payment_id
    return None


async def _receivable(owner: str, currency: str, up_to: int) -> int:
    """What this payee owes us (a refund after payout), to net against a release: at most `up_to`."""
    owed = await ledger.balance(ledger.AccountKey(ledger.AccountKind.PROVIDER_RECEIVABLE, owner, currency))
    return max(0, min(int(owed.posted), up_to))


def _parse(value: Any) -> datetime | None:
    if not value:
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
