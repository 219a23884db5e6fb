"""Bids on custom jobs: place or update (one per serviceman and job), withdraw, and the
customer's acceptance, which awards the job, rejects the other bids and creates the booking
in ONE transaction (so a job is never awarded without its booking, nor twice)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from domain.access.policy import Permission, authorize
from domain.bookings.creation import NewBooking, insert_booking
from domain.bookings.models import BookingKind
from domain.bookings.views import BookingView, view_of
from domain.bookings.windows import Window, invalid, job_duration, window_at
from domain.jobs import events
from domain.jobs.eligibility import ineligibility
from domain.jobs.models import Bid, BidState, Job, JobState
from domain.jobs.services import close, load
from domain.jobs.states import BidAction, JobAction, JobParty, bid_move, job_move
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, Forbidden, NotFound
from domain.shared.ids import as_uuid
from domain.shared.moderation import REMOVED_NOTICE
from domain.shared.money import Money
from domain.shared.uow import UnitOfWork, unit_of_work

# A booking made from a bid without a time waits this long for the serviceman to accept it
# (longer than an on-demand request: the customer already chose this serviceman).
BID_BOOKING_EXPIRY = timedelta(hours=24)


@dataclass(frozen=True)
class BidDraft:
    amount: Money
    message: str = ""
    proposed_start: datetime | None = None


@dataclass
class AcceptedBid:
    job: Job
    bid: Bid
    booking: BookingView


async def place(actor: Actor, job_id: str, draft: BidDraft, *, now: datetime | None = None) -> tuple[Bid, bool]:
    """Place a bid, or update the caller's bid on this job; returns (bid, created)."""
    job = await load(job_id)
    if job is None:
        raise NotFound()
    reason = await ineligibility(actor, job)
    if reason is not None:
        raise Forbidden(reason)  # the specific why; the policy below says the same in general
    await authorize(actor, Permission.BID_PLACE, job)
    now = now or utcnow()
    _check_open(job, now)
    if draft.amount.amount <= 0:
        raise invalid("amount.amount", "a bid is worth something")
    if draft.amount.currency != job.currency:
        raise invalid("amount.currency", f"this job is priced in {job.currency}")
    if draft.proposed_start is not None:
        window_at(draft.proposed_start, job_duration(job), now, field="proposed_start")
    try:
        async with unit_of_work() as uow:
            bid, created = await _write_bid(uow, actor, job, draft, now)
    except IntegrityError:
        raise Conflict("You already have a bid on this job.", reason=ConflictReason.DUPLICATE) from None
    return bid, created


async def _write_bid(uow: UnitOfWork, actor: Actor, job: Job, draft: BidDraft,
                     now: datetime) -> tuple[Bid, bool]:
    conn = uow.connection
    # Lock the job row: an acceptance running now either finishes first (we see it closed)
    # or waits for this bid and then rejects it with the others. No active bid on a closed job.
    locked = await Job.filter(id=job.id).using_db(conn).select_for_update().first()
    if locked is None:
        raise NotFound()
    _check_open(locked, now)
    fields = {"amount": draft.amount.amount, "currency": draft.amount.currency, "message": draft.message,
              "proposed_start": draft.proposed_start}
    existing = await Bid.filter(job_id=job.id, serviceman_id=actor.user_id).using_db(conn).first()
    if existing is None:
        bid = await Bid.create(job_id=job.id, serviceman_id=actor.user_id, using_db=conn, **fields)
        await events.emit(uow, "bid.placed", str(bid.id), actor.user_id, events.bid_data(bid, locked))
        return bid, True
    action = BidAction.RENEW if existing.state is BidState.WITHDRAWN else BidAction.UPDATE
    target = bid_move(existing.state, action, frozenset({JobParty.BIDDER}))
    changed = await Bid.filter(id=existing.id, version=existing.version).using_db(conn).update(
        state=target, version=existing.version + 1, updated_at=utcnow(), **fields
    )
    if not changed:
        raise Conflict("Your bid changed meanwhile; try again.", reason=ConflictReason.STALE_VERSION)
    bid = await Bid.get(id=existing.id, using_db=conn)
    type_ = "bid.placed" if action is BidAction.RENEW else "bid.updated"
    await events.emit(uow, type_, str(bid.id), actor.user_id, events.bid_data(bid, locked))
    return bid, False


async def withdraw(actor: Actor, bid_id: str) -> Bid:
    uid = as_uuid(bid_id)
    bid = await Bid.get_or_none(id=uid) if uid else None
    await authorize(actor, Permission.BID_WITHDRAW, bid)
    if bid is None:
        raise NotFound()
    target = bid_move(bid.state, BidAction.WITHDRAW, frozenset({JobParty.BIDDER}))
    async with unit_of_work() as uow:
        changed = await Bid.filter(id=bid.id, version=bid.version, state=bid.state).using_db(uow.connection).update(
            state=target, version=bid.version + 1, updated_at=utcnow()
        )
        if not changed:
            raise Conflict("The bid changed meanwhile.", reason=ConflictReason.STALE_VERSION)
        bid = await Bid.get(id=bid.id, using_db=uow.connection)
        job = await Job.get(id=bid.job_id, using_db=uow.connection)
        await events.emit(uow, "bid.withdrawn", str(bid.id), actor.user_id, events.bid_data(bid, job))
    return bid


async def remove(actor: Actor, bid_id: str, reason: str) -> Bid:
    """Moderation takes a bid out of sight (admins): its message becomes the removal notice
    whatever its state, and an active bid is rejected, so the customer can no longer accept it
    (`bid.rejected` carrying the reason). Removing twice changes nothing."""
    await authorize(actor, Permission.MODERATION_MANAGE)
    uid = as_uuid(bid_id)
    bid = await Bid.get_or_none(id=uid) if uid else None
    if bid is None:
        raise NotFound()
    async with unit_of_work() as uow:
        conn = uow.connection
        # The job's lock, as bidding and acceptance take it: an acceptance either finished
        # (the bid stays accepted, its message still goes) or waits and finds it rejected.
        job = await Job.filter(id=bid.job_id).using_db(conn).select_for_update().first()
        bid = await Bid.get(id=bid.id, using_db=conn)
        rejecting = bid.state is BidState.ACTIVE
        if job is None or (bid.message == REMOVED_NOTICE and not rejecting):
            return bid
        await Bid.filter(id=bid.id).using_db(conn).update(
            message=REMOVED_NOTICE, state=BidState.REJECTED if rejecting else bid.state,
            version=F("version") + 1, updated_at=utcnow())
        bid = await Bid.get(id=bid.id, using_db=conn)
        if rejecting:
            await events.emit(uow, "bid.rejected", str(bid.id), actor.user_id,
                              events.bid_data(bid, job, reason=f"removed by moderation: {reason}"[:300]))
    return bid


async def accept(actor: Actor, job_id: str, bid_id: str, bid_version: int | None = None) -> AcceptedBid:
    job = await load(job_id)
    await authorize(actor, Permission.BID_ACCEPT, job)
    if job is None:
        raise NotFound()
    uid = as_uuid(bid_id)
    bid = await Bid.get_or_none(id=uid, job_id=job.id) if uid else None
    if bid is None:
        raise NotFound()
    customer = frozenset({JobParty.CUSTOMER})
    job_move(job.state, JobAction.AWARD, customer)
    bid_move(bid.state, BidAction.ACCEPT, customer)
    if bid_version is not None and bid_version != bid.version:
        raise Conflict("The bid changed since you read it.", details={"version": bid.version},
                       reason=ConflictReason.STALE_VERSION)
    now = utcnow()
    window = _bid_window(bid, job, now)
    async with unit_of_work() as uow:
        conn = uow.connection
        job = await close(uow, job, JobState.AWARDED, actor.user_id, accepted_bid_id=bid.id)
        changed = await Bid.filter(id=bid.id, version=bid.version, state=BidState.ACTIVE).using_db(conn).update(
            state=BidState.ACCEPTED, version=bid.version + 1, updated_at=now
        )
        if not changed:
            raise Conflict("The bid changed meanwhile.", reason=ConflictReason.STALE_VERSION)
        bid = await Bid.get(id=bid.id, using_db=conn)
        await events.emit(uow, "bid.accepted", str(bid.id), actor.user_id, events.bid_data(bid, job))
        booking = await insert_booking(uow, _booking_of(job, bid, window, now), actor_id=actor.user_id)
    return AcceptedBid(job, bid, await view_of(booking, actor))


def _booking_of(job: Job, bid: Bid, window: Window | None, now: datetime) -> NewBooking:
    return NewBooking(
        customer_id=job.customer_id,
        kind=BookingKind.SCHEDULED if window else BookingKind.ON_DEMAND,
        price=Money(bid.amount, bid.currency), lat=job.lat, lng=job.lng, window=window,
        expires_at=window.start if window else now + BID_BOOKING_EXPIRY,
        crew=[bid.serviceman_id],
        job_id=job.id, zone_id=job.zone_id, address=job.address, notes=job.title,
        category_id=job.category_id, seller_user_id=bid.serviceman_id,
    )


def _bid_window(bid: Bid, job: Job, now: datetime) -> Window | None:
    if bid.proposed_start is None:
        return None
    if bid.proposed_start < now:
        raise Conflict("The bid's proposed time has passed; ask the serviceman for a new one.",
                       reason=ConflictReason.EXPIRED)
    return Window(bid.proposed_start, bid.proposed_start + job_duration(job))


def _check_open(job: Job, now: datetime) -> None:
    if job.state is not JobState.OPEN or job.expires_at <= now:
        raise Conflict("This job is closed to bidding.", details={"state": job.state.value},
                       reason=ConflictReason.CLOSED)

