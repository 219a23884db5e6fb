"""Payment cases: checkout, capture at acceptance, release after completion, refunds, voids
and expiry, and the outcomes of the gateway calls they store.

Every transition is ONE unit of work: the compare-and-set on (state, version) decided by the
state table (states.py), the ledger entry (postings.py), the stored gateway operation
(operations/store.py), the `finance` event (key `case:<id>`, per-case `seq`) and the audit
record. Gateway calls happen outside it (the operations worker), with keys stored first.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any

from tortoise.exceptions import IntegrityError

from domain.access.policy import Permission, authorize
from domain.bookings.models import Assignment, Booking, BookingState
from domain.bookings.parties import parties_of
from domain.bookings.states import Party as BookingParty
from domain.finance import ledger, promo
from domain.finance.cases import access as _access  # noqa: F401 - registers the policy relations
from domain.finance.cases import breakdown as bd
from domain.finance.cases import rows
from domain.finance.cases.models import CaseState, PaymentCase, PaymentMilestone
from domain.finance.cases.moving import PaymentRules, Who, register_payout_destination
from domain.finance.cases.outcomes import CaseOutcomes
from domain.finance.cases.payloads import CheckoutDraft
from domain.finance.cases.states import Action, Party, actions_for
from domain.finance.cases.views import CaseView, view_of
from domain.finance.operations import store
from domain.finance.operations.models import FinanceOperation, OpKind
from domain.finance.operations.worker import LATE_CAPTURES, OperationWorker
from domain.shared import sql
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Conflict, ConflictReason, DomainError, NotFound
from domain.shared.events import EventEnvelope
from domain.shared.ids import as_uuid
from domain.shared.money import Money
from domain.shared.switches import FeatureGuard
from domain.shared.uow import UnitOfWork, unit_of_work, within
from domain.shared.uow import current as current_uow

__all__ = ["CONSUMER", "PaymentCases", "PaymentRules", "Who", "register_payout_destination"]

log = logging.getLogger(__name__)

CONSUMER = "payments"  # the reaction to booking events (its inbox key and Kafka group)

S = CaseState
A = Action
P = Party


class PaymentCases(CaseOutcomes):
    # The kill switch of checkout (domain/flags/catalog.py); off: `feature_disabled` everywhere.
    CHECKOUT_SWITCH = "checkout.enabled"

    def __init__(self, gateway: Any, rules: PaymentRules | None = None, guard: FeatureGuard | None = None) -> None:
        self.gateway = gateway  # domain.finance.gateway.port.PaymentGateway
        self.rules = rules or PaymentRules()
        self.guard = guard
        self.worker = OperationWorker(gateway, self, self.rules.worker)

    async def checkout(self, actor: Actor, booking_id: str, draft: CheckoutDraft, *,
                       context: RequestContext | None = None) -> CaseView:
        """Authorize the booking's total on the customer's payment method, less the promotional
        credit it spends (domain/finance/promo.py; `use_promo_credit=False` keeps the credit).
        REST, the socket's `payment:checkout` and an offline `payment.checkout` all come here.

        The operation and its key are stored first; the call is made right away, and by the
        worker if this process cannot finish it (the answer is then `authorizing`). Called
        inside someone else's unit of work (an offline push), the call waits for that commit:
        money is never asked for on the strength of rows that may still roll back."""
        context = context or RequestContext()
        payment_method, milestones, use_promo_credit = draft.payment_method, draft.milestones, draft.use_promo_credit
        if self.guard is not None:
            await self.guard.require(self.CHECKOUT_SWITCH, actor)
        booking = await _booking(booking_id)
        await authorize(actor, Permission.PAYMENT_CHECKOUT, booking)
        if booking.state not in (BookingState.REQUESTED, BookingState.ACCEPTED, BookingState.SCHEDULED):
            raise Conflict(f"A {booking.state.value} booking cannot be paid.",
                           details={"cause": "not_payable", "state": booking.state.value},
                           reason=ConflictReason.INVALID_TRANSITION)
        who = Who.person(actor, context)
        existing = await PaymentCase.get_or_none(booking_id=booking.id)
        if existing is not None:
            if existing.state is not S.FAILED:
                raise Conflict("This booking already has a payment.",
                               details={"cause": "already_paid", "case_id": str(existing.id),
                                        "state": existing.state.value}, reason=ConflictReason.DUPLICATE)
            op = await self._retry(existing, payment_method, who, use_promo_credit)
        else:
            op = await self._open(booking, payment_method, milestones, who, use_promo_credit)
        if (outer := current_uow()) is not None:
            op_id = op.id
            outer.after_commit(lambda: self.worker.run_own(op_id))
        else:
            await self.worker.run_own(op.id)
        return await self._view(await rows.case(sql.reader(), op.case_id), actor, booking)

    async def get(self, actor: Actor, case_id: str) -> CaseView:
        case, booking = await _case_and_booking(case_id, actor)
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
        case, booking = await _case_and_booking(case_id, actor)
        await authorize(actor, Permission.PAYMENT_REFUND, booking)
        parties = await self._parties(actor, booking)
        async with unit_of_work() as uow:
            case = await self._refund(uow, case, amount, parties, Who.person(actor, context or RequestContext()),
                                      reason=reason or "refund")
        return await self._view(case, actor, booking)

    async def release(self, actor: Actor, case_id: str, *, milestone: int | None = None,
                      context: RequestContext | None = None) -> CaseView:
        """An admin releases everything still held now; the customer (or an admin) releases one
        milestone of a job paid in parts."""
        case, booking = await _case_and_booking(case_id, actor)
        permission = Permission.PAYMENT_RELEASE_MILESTONE if milestone is not None else Permission.PAYMENT_RELEASE
        await authorize(actor, permission, booking)
        parties = await self._parties(actor, booking)
        who = Who.person(actor, context or RequestContext())
        async with unit_of_work() as uow:
            if milestone is None:
                case = await self._release(uow, case, A.RELEASE, parties, who, reason="released by an admin")
            else:
                case = await self._release(uow, case, A.RELEASE_MILESTONE, parties, who, positions=[milestone],
                                           reason="milestone approved")
        return await self._view(case, actor, booking)

    async def accept_guard(self, booking: Booking) -> None:
        """With `require_payment_to_accept`, a booking is accepted only with a live authorization
        (domain/bookings/transitions.py asks before accepting)."""
        if not self.rules.require_payment_to_accept:
            return
        case = await PaymentCase.get_or_none(booking_id=booking.id)
        if case is None or case.state is not S.AUTHORIZED:
            raise Conflict("The customer has not paid for this booking yet.",
                           details={"cause": "payment_required", "payment_state": case.state.value if case else None},
                           reason=ConflictReason.NOT_ELIGIBLE)
        if case.capture_before is not None and case.capture_before <= utcnow() + self.rules.expiry_margin:
            LATE_CAPTURES.inc()
            raise Conflict("The customer's payment authorization has expired; they must pay again.",
                           details={"cause": "authorization_expired"}, reason=ConflictReason.EXPIRED)

    def _handler_of(self, event_type: str) -> Any:
        return {"booking.accepted": self._on_accepted, "booking.completed": self._on_completed,
                "booking.cancelled": self._on_ended, "booking.declined": self._on_ended,
                "booking.expired": self._on_ended}.get(event_type)

    def wants(self, envelope: EventEnvelope) -> bool:
        """The events `on_booking_event` acts on (the others pass it by without an inbox claim)."""
        return self._handler_of(envelope.type) is not None

    async def on_booking_event(self, envelope: EventEnvelope, uow: UnitOfWork) -> None:
        """Booking accepted: capture. Completed: the release window starts. Cancelled, declined,
        expired: void the authorization, or refund what was captured. Runs once per event (its
        inbox claim commits with these effects)."""
        handler = self._handler_of(envelope.type)
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

    async def on_booking_events(self, envelopes: Sequence[EventEnvelope], uow: UnitOfWork) -> None:
        """`on_booking_event` of each event (a relay batch), with one read for all of them of
        which bookings have a payment case: an event whose booking has none does nothing (most
        bookings: no checkout), the others go through `on_booking_event` in order."""
        wanted = [(e, as_uuid(str(e.body.get("data", {}).get("booking_id", "")))) for e in envelopes
                  if self._handler_of(e.type) is not None]
        ids = sorted({uid for _, uid in wanted if uid}, key=str)
        paid = {str(b) for b in await PaymentCase.filter(booking_id__in=ids).using_db(uow.connection).values_list(
            "booking_id", flat=True)} if ids else set()
        for envelope, uid in wanted:
            if uid is not None and str(uid) in paid:
                async with within(uow) as inner:  # as the bus gives each event on its own
                    await self.on_booking_event(envelope, inner)

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

    async def _open(self, booking: Booking, payment_method: str, milestones: list[tuple[str, int]] | None,
                    who: Who, use_promo_credit: bool) -> FinanceOperation:
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
                    organisation_id=booking.organisation_id, region=booking.region, state=S.AUTHORIZING,
                    currency=booking.currency,
                    amount=frozen["total"], breakdown=frozen, gateway=self.gateway.name, seq=1, using_db=conn)
                for position, ((title, amount), part) in enumerate(zip(parts, shares, strict=True), start=1):
                    await PaymentMilestone.create(case=case, position=position, title=title, amount=amount,
                                                  shares=part, using_db=conn)
                case = await self._spend_credit(uow, case, who, use_promo_credit)
                op = await store.enqueue(uow, case.id, OpKind.AUTHORIZE, self._authorize_params(case, payment_method),
                                         due=self.worker.leased_until())
                await self._announce(uow, case, "payment.checkout", who, None, {})
                return op
        except IntegrityError as exc:  # a concurrent checkout of the same booking won
            raise Conflict("This booking already has a payment.", details={"cause": "already_paid"},
                           reason=ConflictReason.DUPLICATE) from exc

    async def _retry(self, case: PaymentCase, payment_method: str, who: Who, use_promo_credit: bool
                     ) -> FinanceOperation:
        async with unit_of_work() as uow:
            case = await self._move(uow, case, A.RETRY, frozenset({P.CUSTOMER}), who,
                                    updates={"attempt": case.attempt + 1, "failure": ""})
            case = await self._spend_credit(uow, case, who, use_promo_credit)
            return await store.enqueue(uow, case.id, OpKind.AUTHORIZE, self._authorize_params(case, payment_method),
                                       attempt=case.attempt, due=self.worker.leased_until())

    async def _spend_credit(self, uow: UnitOfWork, case: PaymentCase, who: Who, wanted: bool) -> PaymentCase:
        """Reserve the customer's promotional credit for this attempt (promo.py's rules)."""
        amount = promo.applicable(await promo.available(case.customer_id, case.currency), case.amount,
                                  case.currency) if wanted else 0
        try:
            entry_id = await promo.reserve(uow, case, amount, actor=who.ledger_actor,
                                           request_id=who.context.request_id)
        except ledger.InsufficientFunds as exc:  # another checkout spent it since we read it: nothing written
            raise Conflict("Your promotional credit changed meanwhile; check out again.",
                           details={"cause": "promo_credit_changed"}, reason=ConflictReason.STALE_VERSION) from exc
        await PaymentCase.filter(id=case.id).using_db(uow.connection).update(promo_amount=amount,
                                                                            promo_entry_id=entry_id)
        return await PaymentCase.get(id=case.id, using_db=uow.connection)

    def _authorize_params(self, case: PaymentCase, payment_method: str) -> dict[str, Any]:
        return {"amount": promo.card_amount(case), "currency": case.currency, "payment_method": payment_method,
                "transfer_group": f"case:{case.id}",
                "metadata": {"case_id": str(case.id), "booking_id": str(case.booking_id)}}

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
            booking = await rows.booking(uow.connection, case.booking_id)
            await self._settle_ended(uow, case, booking, who)
        # capture pending: the capture's outcome refunds when it sees the booking ended.

    async def _sweep(self, cases: list[PaymentCase],
                     step: Callable[[UnitOfWork, PaymentCase, Who], Awaitable[Any]], job: str) -> int:
        """Many due cases per transaction (one commit for a batch), each in its own savepoint:
        a case moved meanwhile (an admin, another replica: theirs stands) or refused leaves the others."""
        done = 0
        for start in range(0, len(cases), self.rules.timer_commit_batch):
            async with unit_of_work():
                for case in cases[start:start + self.rules.timer_commit_batch]:
                    try:
                        async with unit_of_work() as uow:
                            await step(uow, case, Who(f"system:{job}"))
                        done += 1
                    except Conflict:
                        continue
                    except DomainError as exc:  # refused (its savepoint undone): the rest of the batch goes on
                        log.warning("payment_timer_refused job=%s case=%s reason=%s", job, case.id, exc.message)
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


async def _case_and_booking(case_id: str, actor: Actor) -> tuple[PaymentCase, Booking]:
    """The case and its booking (for the policy) and who `actor` is on it, in one query."""
    uid = as_uuid(case_id)
    found = await rows.case_and_booking(sql.reader(), uid, actor) if uid else None
    if found is None:
        raise NotFound()
    return found
