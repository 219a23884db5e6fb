"""Quotes (what an app shows before checkout) and the breakdown frozen on a booking.

Both go through `price`, so a quote and the booking made right after it from the same rules
carry the same breakdown. Payees: the organisation selling, or the independent serviceman; a
crew split (1..N payees with weights) is passed in as `payees` (the organisation's split rule
will provide it).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.access.policy import Permission, authorize
from domain.bookings import pricing as booking_pricing
from domain.bookings.models import Assignment, Booking
from domain.catalog.models import ListingState, Service
from domain.finance.pricing import rules
from domain.finance.pricing.breakdown import Breakdown, PayeeShare, PayeeWeight, Rates, TaxParty, compute
from domain.jobs.models import Bid, Job, JobState
from domain.shared.context import Actor
from domain.shared.errors import NotFound, ValidationFailed
from domain.shared.ids import as_uuid
from domain.shared.money import Money
from domain.shared.uow import UnitOfWork

MAX_PAYEES = 20

# The crew split of an organisation's booking (domain/finance/payouts/splits.py plugs in here):
# the payees and weights of the breakdown, or None for "all to the seller".
Splitter = Callable[[booking_pricing.PricingInput, str, BaseDBAsyncClient], Awaitable[Sequence[PayeeWeight] | None]]
_SPLITTERS: list[Splitter] = []


def register_split(splitter: Splitter) -> None:
    if splitter not in _SPLITTERS:
        _SPLITTERS.append(splitter)


def org_payee(org_id: UUID | str) -> str:
    return f"org:{org_id}"


def user_payee(user_id: UUID | str) -> str:
    return f"user:{user_id}"


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(errors=[{"field": field, "message": message, "type": "value_error", "location": "body"}])


async def price(amount: Money, *, seller_key: str, category_id: str | None, zone_id: UUID | None,
                payees: Sequence[PayeeWeight] | None = None, conn: BaseDBAsyncClient | None = None) -> Breakdown:
    """The breakdown of `amount` sold by `seller_key` under today's rules."""
    chosen = list(payees) if payees else [PayeeWeight(seller_key, 1)]
    if len(chosen) > MAX_PAYEES:
        raise _invalid("payees", f"at most {MAX_PAYEES} payees")
    if any(p.weight < 0 for p in chosen) or sum(p.weight for p in chosen) <= 0:
        raise _invalid("payees", "weights are non-negative and not all zero")
    who = await rules.seller(seller_key, conn)
    applied = await rules.applied(rules.Scope(category_id, zone_id, who.plan), who, conn)
    return compute(amount, applied.rates, chosen, applied.cancellation, applied.rules)


async def quote_service(actor: Actor, service_id: str, *, zone_id: str | None = None) -> Breakdown:
    """The breakdown of booking a published service (zone: where it would be done, if known)."""
    await authorize(actor, Permission.PRICING_QUOTE)
    uid = as_uuid(service_id)
    service = await Service.get_or_none(id=uid, state=ListingState.PUBLISHED) if uid else None
    if service is None:
        raise NotFound("No such published service.")
    if service.price_amount is None or not service.currency:
        raise _invalid("service_id", "this service has no price")
    zone = as_uuid(zone_id) if zone_id else None
    if zone_id and zone is None:
        raise _invalid("zone_id", "not a zone id")
    seller_key = org_payee(service.owner_org_id) if service.owner_org_id else user_payee(service.owner_user_id or "")
    return await price(Money(int(service.price_amount), service.currency), seller_key=seller_key,
                       category_id=service.category_id, zone_id=zone)


async def quote_bid(actor: Actor, bid_id: str) -> Breakdown:
    """The breakdown of accepting an active bid (its job's owner, its bidder, admins)."""
    uid = as_uuid(bid_id)
    bid = await Bid.get_or_none(id=uid).prefetch_related("job") if uid else None
    if bid is None:
        raise NotFound("No such bid.")
    await authorize(actor, Permission.BID_QUOTE, bid)
    job: Job = bid.job
    return await price(Money(bid.amount, bid.currency), seller_key=user_payee(bid.serviceman_id),
                       category_id=job.category_id, zone_id=job.zone_id)


async def quote_job_amount(actor: Actor, job_id: str, amount: Money) -> Breakdown:
    """What a bid of `amount` on an open job would come to, the caller being the bidder."""
    await authorize(actor, Permission.PRICING_QUOTE)
    uid = as_uuid(job_id)
    job = await Job.get_or_none(id=uid) if uid else None
    if job is None:
        raise NotFound("No such job.")
    await authorize(actor, Permission.JOB_READ, job)
    if job.state != JobState.OPEN:
        raise _invalid("job_id", "this job takes no more bids")
    if amount.currency != job.currency:
        raise _invalid("amount.currency", f"this job is priced in {job.currency}")
    return await price(amount, seller_key=user_payee(actor.user_id), category_id=job.category_id,
                       zone_id=job.zone_id)


async def freeze_for_booking(uow: UnitOfWork, request: booking_pricing.PricingInput) -> booking_pricing.FrozenPrice:
    """The pricer bookings call inside their creating transaction (domain/bookings/pricing.py)."""
    if request.organisation_id is not None:
        seller_key = org_payee(request.organisation_id)
    elif request.seller_user_id is not None:
        seller_key = user_payee(request.seller_user_id)
    elif request.crew:
        seller_key = user_payee(request.crew[0])
    else:
        seller_key = "unknown"
    payees = None
    for splitter in _SPLITTERS:
        payees = await splitter(request, seller_key, uow.connection) or payees
    breakdown = await price(request.price, seller_key=seller_key, category_id=request.category_id,
                            zone_id=request.zone_id, payees=payees, conn=uow.connection)
    return booking_pricing.FrozenPrice(commission=breakdown.platform_fee, tax=breakdown.service_tax,
                                       total=breakdown.customer_total, breakdown=breakdown.as_dict())


async def breakdown_of(booking: Booking) -> Breakdown:
    """The breakdown frozen on a booking; for a booking made before breakdowns were frozen (its
    `pricing` is NULL), one rebuilt from its frozen columns at the rates those columns imply
    (no fee VAT, the platform owes the tax, the seller or the lead serviceman paid in full)."""
    if booking.pricing is not None:
        return Breakdown.from_dict(booking.pricing)
    if booking.organisation_id is not None:
        payee = org_payee(booking.organisation_id)
    else:
        lead = await Assignment.filter(booking_id=booking.id).order_by("-lead", "created_at").first()
        payee = user_payee(lead.serviceman_id) if lead is not None else "unknown"
    currency = booking.currency
    price_, fee = Money(booking.price_amount, currency), Money(booking.commission_amount, currency)
    return Breakdown(
        price=price_, service_tax=Money(booking.tax_amount, currency), platform_fee=fee,
        fee_vat=Money.zero(currency), customer_total=Money(booking.total_amount, currency),
        payees=(PayeeShare(payee, 1, price_ - fee),),
        rates=Rates(commission_bps=_bps_of(fee.amount, price_.amount),
                    service_tax_bps=_bps_of(booking.tax_amount, price_.amount),
                    service_tax_owed_by=TaxParty.PLATFORM, fee_vat_bps=0, jurisdiction=rules.ANY),
        cancellation=rules.DEFAULT_CANCELLATION, rules={"commission": "legacy", "tax": "legacy",
                                                        "cancellation": rules.DEFAULT_RULE_ID},
    )


def _bps_of(part: int, whole: int) -> int:
    """The basis points a rounded share came from (nearest; for the record only)."""
    return min(10_000, (part * 10_000 + whole // 2) // whole) if whole > 0 else 0


booking_pricing.register_pricer(freeze_for_booking)
