"""Fraud rules at checkout: they look at each authorization as the payment case books it
(domain/finance/cases/review_holds.py) and hold the payment for review on a hit: the case stays
authorized, nothing is captured, and an admin clears the hold (the capture then runs if the
booking was accepted meanwhile) or lets the authorization lapse. Never a silent refusal: the
customer's payment shows as authorized and the hold is in the admin queue.

Rules (thresholds in settings, every hit counted in `fieldsync_fraud_rule_hits_total`):
- card_velocity: more distinct cards than allowed on one account within a day;
- failed_payment_velocity: as many declined authorizations as allowed within a day, or more;
- first_high_value: the account's first paid booking, at or above the high-value amount;
- card_country_mismatch: the card's country differs from the country of the booking's zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from uuid import UUID

from prometheus_client import Counter
from tortoise.exceptions import IntegrityError

from domain.access.policy import Permission, authorize
from domain.audit import services as audit
from domain.bookings.models import Booking
from domain.finance.cases.models import PaymentCase
from domain.finance.cases.moving import Who
from domain.finance.cases.review_holds import Authorized
from domain.finance.cases.services import PaymentCases
from domain.finance.cases.states import CAPTURED
from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from domain.jobs.models import Job
from domain.safety.models import HoldState, PaymentHold
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Conflict, ConflictReason, NotFound
from domain.shared.events import DomainEvent
from domain.shared.ids import as_uuid
from domain.shared.uow import UnitOfWork, unit_of_work
from domain.zones.models import Zone

HITS = Counter("fieldsync_fraud_rule_hits_total", "Fraud rule hits at checkout (payments held for review)", ["rule"])
HOLDS = Counter("fieldsync_fraud_holds_total", "Payments held for review, and cleared", ["outcome"])
DAY = timedelta(days=1)


@dataclass(frozen=True)
class FraudRules:
    max_cards_per_day: int = 3  # distinct cards one account may try within a day
    max_failed_payments_per_day: int = 3  # a hit at this many declines within a day
    first_booking_high_value: dict[str, int] = field(default_factory=lambda: {"GBP": 50_000, "EUR": 60_000,
                                                                              "USD": 60_000})
    home_country: str | None = None  # the zone's country when the zone has none
    enabled: bool = True


async def _customer_authorizations(customer_id: UUID, since: Any, conn: Any) -> list[FinanceOperation]:
    case_ids = await PaymentCase.filter(customer_id=customer_id).using_db(conn).values_list("id", flat=True)
    return await FinanceOperation.filter(case_id__in=list(case_ids), op=OpKind.AUTHORIZE,
                                         created_at__gte=since).using_db(conn)


async def _zone_country(booking: Booking, conn: Any) -> str | None:
    zone_id = booking.zone_id
    if zone_id is None and booking.job_id is not None:
        job = await Job.get_or_none(id=booking.job_id, using_db=conn)
        zone_id = job.zone_id if job else None
    zone = await Zone.get_or_none(id=zone_id, using_db=conn) if zone_id else None
    return zone.country if zone and zone.country else None


class FraudScreen:
    def __init__(self, payments: PaymentCases, rules: FraudRules) -> None:
        self._payments = payments
        self.rules = rules

    async def hits(self, uow: UnitOfWork, seen: Authorized) -> dict[str, Any]:
        """The rules the authorization hits, each with what it saw."""
        conn, case, r = uow.connection, seen.case, self.rules
        found: dict[str, Any] = {}
        ops = await _customer_authorizations(case.customer_id, utcnow() - DAY, conn)
        cards = {str(op.params.get("payment_method")) for op in ops}
        if len(cards) > r.max_cards_per_day:
            found["card_velocity"] = {"cards": len(cards), "max": r.max_cards_per_day}
        failed = sum(op.status is OpStatus.FAILED for op in ops)
        if failed >= r.max_failed_payments_per_day:
            found["failed_payment_velocity"] = {"failed": failed, "max": r.max_failed_payments_per_day}
        high = r.first_booking_high_value.get(case.currency)
        if high is not None and case.amount >= high and not await PaymentCase.filter(
                customer_id=case.customer_id, state__in=list(CAPTURED)).exclude(id=case.id).using_db(conn).exists():
            found["first_high_value"] = {"amount": case.amount, "currency": case.currency, "threshold": high}
        booking = await Booking.get(id=case.booking_id, using_db=conn)
        zone_country = await _zone_country(booking, conn) or r.home_country
        if seen.card_country and zone_country and seen.card_country.upper() != zone_country.upper():
            found["card_country_mismatch"] = {"card": seen.card_country.upper(), "zone": zone_country.upper()}
        return found

    async def screen(self, uow: UnitOfWork, seen: Authorized) -> None:
        """The payment screen finance calls as an authorization lands: a hit holds it."""
        if not self.rules.enabled:
            return
        found = await self.hits(uow, seen)
        if not found:
            return
        for rule in found:
            HITS.labels(rule).inc()
        case = seen.case
        try:
            async with unit_of_work() as inner:  # a retried authorization of a held case: one hold
                await PaymentHold.create(case_id=case.id, customer_id=case.customer_id, rules=found,
                                         using_db=inner.connection)
        except IntegrityError:
            await PaymentHold.filter(case_id=case.id).using_db(uow.connection).update(
                rules=found, state=HoldState.HELD, cleared_by_id=None, cleared_at=None)
        HOLDS.labels("held").inc()
        await uow.record(DomainEvent(
            stream="domain", type="payment.held_for_review", subject=str(case.id), actor_id=None,
            data={"case_id": str(case.id), "booking_id": str(case.booking_id), "rules": sorted(found)}))

    async def blocks(self, uow: UnitOfWork, case_id: UUID) -> bool:
        """The capture guard: a held payment is not captured."""
        return await PaymentHold.filter(case_id=case_id, state=HoldState.HELD).using_db(uow.connection).exists()

    async def list_holds(self, actor: Actor, state: HoldState | None = HoldState.HELD, limit: int = 50,
                         offset: int = 0) -> list[PaymentHold]:
        await authorize(actor, Permission.MODERATION_MANAGE)
        query = PaymentHold.all() if state is None else PaymentHold.filter(state=state)
        return await query.order_by("created_at", "id").offset(offset).limit(limit)

    async def clear(self, actor: Actor, hold_id: str, note: str, context: RequestContext) -> PaymentHold:
        """An admin clears the hold: the payment is captured now if the booking was accepted
        meanwhile, or at acceptance as any other."""
        await authorize(actor, Permission.MODERATION_MANAGE)
        uid = as_uuid(hold_id)
        hold = await PaymentHold.get_or_none(id=uid) if uid else None
        if hold is None:
            raise NotFound()
        async with unit_of_work() as uow:
            cleared = await PaymentHold.filter(id=hold.id, state=HoldState.HELD).using_db(uow.connection).update(
                state=HoldState.CLEARED, cleared_by_id=actor.user_id, cleared_at=utcnow(), note=note.strip()[:500])
            if not cleared:
                raise Conflict("This hold was cleared already.", details={"state": hold.state.value},
                               reason=ConflictReason.INVALID_TRANSITION)
            await audit.record(uow, actor=actor, action="payment.hold_cleared", subject_type="payment_case",
                               subject_id=str(hold.case_id), context=context, before={"state": "held"},
                               after={"state": "cleared", "rules": sorted(hold.rules), "note": note.strip()[:500]})
            case = await self._payments.capture_after_review(uow, hold.case_id, Who.person(actor, context))
            await uow.record(DomainEvent(
                stream="domain", type="payment.hold_cleared", subject=str(hold.case_id), actor_id=actor.user_id,
                data={"case_id": str(hold.case_id), "state": case.state.value}))
        HOLDS.labels("cleared").inc()
        return await PaymentHold.get(id=hold.id)

