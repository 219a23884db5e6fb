"""Creating bookings: from a published service or package (here), or from an accepted bid
(domain/jobs/bids.py calls `insert_booking` inside its own transaction).

Double booking is impossible: every assigned serviceman's slots over the window are claimed
in the booking's own transaction under a unique (serviceman, slot) constraint, so of two
concurrent requests for one slot exactly one commits; the other is a 409.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.access.policy import Permission, authorize
from domain.accounts import regions
from domain.accounts.models import Membership, User, UserStatus
from domain.bookings import events, places, pricing, verified
from domain.bookings.models import Assignment, Booking, BookingKind, BookingState, Transition
from domain.bookings.states import EVENT_TYPES
from domain.bookings.views import BookingView, view_of
from domain.bookings.windows import ON_DEMAND_EXPIRY, Window, duration_of, invalid, window_at
from domain.catalog.models import ListingState, Service
from domain.scheduling import services as scheduling
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason
from domain.shared.ids import as_uuid
from domain.shared.money import Money
from domain.shared.uow import UnitOfWork, unit_of_work

MAX_CREW = 10


@dataclass(frozen=True)
class RequestLimits:
    """Unanswered requests hold servicemen's slots and notify them: a customer may keep only
    a few open, fewer with one serviceman, and a request waits at most `ttl` for an answer
    (a scheduled one also ends at its start; an on-demand one after `on_demand_ttl`)."""

    open_per_customer: int = 5
    open_per_serviceman: int = 2
    ttl: timedelta = timedelta(hours=24)
    on_demand_ttl: timedelta = ON_DEMAND_EXPIRY


@dataclass(frozen=True)
class BookingRequest:
    service_id: str
    kind: BookingKind
    lat: float
    lng: float
    start: datetime | None = None
    serviceman_ids: tuple[str, ...] = ()
    auto_assign: bool = False
    address: str = ""
    notes: str = ""


@dataclass
class NewBooking:
    """Everything `insert_booking` writes; crew[0] leads."""

    customer_id: UUID
    kind: BookingKind
    price: Money
    lat: float | None
    lng: float | None
    window: Window | None
    expires_at: datetime | None
    crew: list[UUID] = field(default_factory=list)
    service_id: UUID | None = None
    organisation_id: UUID | None = None
    job_id: UUID | None = None
    zone_id: UUID | None = None
    address: str = ""
    notes: str = ""
    category_id: str | None = None  # what pricing rules look at, with the zone and the seller
    seller_user_id: UUID | None = None  # an independent serviceman selling (else organisation_id)


async def create(actor: Actor, request: BookingRequest, *, now: datetime | None = None,
                 limits: RequestLimits | None = None) -> BookingView:
    await authorize(actor, Permission.BOOKING_CREATE)
    now = now or utcnow()
    limits = limits or RequestLimits()
    service = await _published_service(request.service_id)
    if str(service.owner_user_id) == actor.user_id:
        raise invalid("service_id", "you cannot book your own service")
    window = _window(request, service, now)
    zone_id = await places.zone_for(request.lat, request.lng, service.zone_ids or None)
    crew = await _crew(service, request, window)
    for user_id in crew:
        if window is not None and not await scheduling.is_free(user_id, window.start, window.end):
            raise Conflict("That serviceman is not available in this window.",
                           details={"serviceman_id": str(user_id)}, reason=ConflictReason.SLOT_TAKEN)
    new = NewBooking(
        customer_id=UUID(actor.user_id), kind=request.kind,
        price=Money(int(service.price_amount or 0), service.currency or "USD"),
        lat=request.lat, lng=request.lng, window=window,
        expires_at=min(window.start, now + limits.ttl) if window is not None else now + limits.on_demand_ttl,
        crew=crew, service_id=service.id, organisation_id=service.owner_org_id,
        zone_id=zone_id, address=request.address, notes=request.notes,
        category_id=service.category_id, seller_user_id=service.owner_user_id,
    )
    async with unit_of_work() as uow:
        await _within_open_request_caps(uow.connection, new.customer_id, crew, limits, now)
        booking = await insert_booking(uow, new, actor_id=actor.user_id)
    return await view_of(booking, actor)


async def _within_open_request_caps(conn: BaseDBAsyncClient, customer_id: UUID, crew: list[UUID],
                                    limits: RequestLimits, now: datetime) -> None:
    # The customer's row lock makes two concurrent requests count one after the other (PostgreSQL).
    await User.filter(id=customer_id).using_db(conn).select_for_update().first()
    open_requests = Booking.filter(customer_id=customer_id, state=BookingState.REQUESTED,
                                   expires_at__gt=now).using_db(conn)
    if await open_requests.count() >= limits.open_per_customer:
        raise Conflict(f"You already have {limits.open_per_customer} unanswered booking requests; wait for an "
                       "answer or cancel one.", details={"cause": "too_many_open_requests"},
                       reason=ConflictReason.LIMIT_REACHED)
    for user_id in crew:
        if await open_requests.filter(assignments__serviceman_id=user_id).count() >= limits.open_per_serviceman:
            raise Conflict(f"You already have {limits.open_per_serviceman} unanswered requests with this "
                           "serviceman.", details={"cause": "too_many_open_requests",
                                                   "serviceman_id": str(user_id)}, reason=ConflictReason.LIMIT_REACHED)



async def insert_booking(uow: UnitOfWork, new: NewBooking, *, actor_id: str) -> Booking:
    """Write the booking, its crew, their slot claims, its first transition and its event
    in the caller's transaction. Raises Conflict when a slot is taken (the caller's whole
    transaction must then roll back)."""
    conn = uow.connection
    await verified.require_verified_crew(new.category_id, new.crew, conn)
    # Priced inside this transaction, before any payment exists: later rule edits never reprice it.
    quote = await pricing.freeze(uow, pricing.PricingInput(
        price=new.price, category_id=new.category_id, zone_id=new.zone_id, organisation_id=new.organisation_id,
        seller_user_id=new.seller_user_id, crew=tuple(new.crew)))
    booking = await Booking.create(
        customer_id=new.customer_id, kind=new.kind, state=BookingState.REQUESTED,
        region=await regions.of_user(new.customer_id, conn),
        service_id=new.service_id, organisation_id=new.organisation_id, job_id=new.job_id, zone_id=new.zone_id,
        lat=new.lat, lng=new.lng, address=new.address, notes=new.notes,
        scheduled_start=new.window.start if new.window else None,
        scheduled_end=new.window.end if new.window else None,
        currency=new.price.currency, price_amount=new.price.amount,
        commission_amount=quote.commission.amount, tax_amount=quote.tax.amount, total_amount=quote.total.amount,
        pricing=quote.breakdown,
        expires_at=new.expires_at, using_db=conn,
    )
    for index, user_id in enumerate(new.crew):
        await Assignment.create(booking=booking, serviceman_id=user_id, lead=index == 0, using_db=conn)
        if new.window is not None:
            await scheduling.claim_slots(conn, user_id, booking.id, new.window.start, new.window.end)
    await Transition.create(booking=booking, from_state=None, to_state=BookingState.REQUESTED.value,
                            actor_id=actor_id, actor_role="customer", using_db=conn)
    await events.emit(uow, EVENT_TYPES[BookingState.REQUESTED], booking, actor_id, [str(u) for u in new.crew],
                      kind=booking.kind.value, total=quote.total.as_dict())
    return booking


async def _published_service(service_id: str) -> Service:
    uid = as_uuid(service_id)
    service = await Service.get_or_none(id=uid, state=ListingState.PUBLISHED) if uid else None
    if service is None:
        raise invalid("service_id", "no such published service")
    if service.price_amount is None or not service.currency:
        raise invalid("service_id", "this service has no price")
    return service


def _window(request: BookingRequest, service: Service, now: datetime) -> Window | None:
    if request.kind is BookingKind.ON_DEMAND:
        if request.start is not None:
            raise invalid("start", "an on-demand booking has no start; book it as scheduled")
        return None
    if request.start is None:
        raise invalid("start", "a scheduled booking needs a start")
    return window_at(request.start, duration_of(service.duration_minutes), now)


async def _crew(service: Service, request: BookingRequest, window: Window | None) -> list[UUID]:
    """Who does the work: the independent serviceman owning the service; or for a
    provider's service the customer's choice among its crew, the best available one, or
    nobody yet (a provider manager assigns)."""
    chosen = list(dict.fromkeys(request.serviceman_ids))
    if len(chosen) > MAX_CREW:
        raise invalid("serviceman_ids", f"at most {MAX_CREW} servicemen")
    owner_user = service.owner_user_id
    if owner_user is not None:
        if chosen and [as_uuid(c) for c in chosen] != [owner_user]:
            raise invalid("serviceman_ids", "this service is performed by its owner only")
        return [owner_user]
    org_id = service.owner_org_id
    if chosen:
        return [await _crew_member(org_id, value) for value in chosen]
    if request.auto_assign:
        picked = await places.best_available(service, request.lat, request.lng, window)
        if picked is None:
            raise Conflict("No serviceman is available for this service, place and time.",
                           reason=ConflictReason.SLOT_TAKEN)
        return [picked]
    return []


async def _crew_member(org_id: object, value: str) -> UUID:
    uid = as_uuid(value)
    if uid is None or not await Membership.exists(organisation_id=org_id, user_id=uid) \
            or not await User.exists(id=uid, status=UserStatus.ACTIVE):
        raise invalid("serviceman_ids", f"{value} is not a serviceman of this provider")
    return uid
