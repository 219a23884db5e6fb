"""Reviews after a completed booking: the customer reviews the lead serviceman and the lead
serviceman reviews the customer, once each (unique (booking, author)).

A customer's review counts towards the serviceman's profile, the provider organisation of
the booking and the booked service; the aggregates change in the review's own transaction,
and hiding a review takes it back out of them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q

from domain.access.policy import Permission, authorize, register_relation
from domain.accounts.models import Organisation, User
from domain.bookings.models import Assignment, Booking, BookingState
from domain.bookings.parties import is_org_manager
from domain.bookings.transitions import load as load_booking
from domain.bookings.windows import invalid
from domain.catalog.models import Service
from domain.profiles.models import ServicemanProfile
from domain.reviews.models import Review
from domain.shared import keyset
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, NotFound
from domain.shared.events import DomainEvent
from domain.shared.ids import as_uuid
from domain.shared.uow import UnitOfWork, unit_of_work


@dataclass
class ReviewPage:
    items: list[Review]
    next_cursor: str | None


async def create(actor: Actor, booking_id: str, rating: int, text: str = "") -> Review:
    booking = await load_booking(booking_id)
    await authorize(actor, Permission.REVIEW_CREATE, booking)
    if booking is None:
        raise NotFound()
    if booking.state is not BookingState.COMPLETED:
        raise Conflict("Only a completed booking can be reviewed.", details={"state": booking.state.value},
                       reason=ConflictReason.INVALID_TRANSITION)
    if not 1 <= rating <= 5:
        raise invalid("rating", "must be 1 to 5")
    lead = await Assignment.get_or_none(booking_id=booking.id, lead=True)
    if lead is None:
        raise Conflict("This booking has no serviceman to review.", reason=ConflictReason.NOT_ALLOWED)
    by_customer = str(booking.customer_id) == actor.user_id
    subject = lead.serviceman_id if by_customer else booking.customer_id
    try:
        async with unit_of_work() as uow:
            review = await Review.create(booking_id=booking.id, author_id=actor.user_id, subject_id=subject,
                                         rating=rating, text=text.strip(), using_db=uow.connection)
            if by_customer:
                await _aggregate(uow.connection, booking, subject, rating, +1)
            await _emit(uow, "review.posted", review, booking, actor.user_id, by_customer=by_customer)
    except IntegrityError:
        raise Conflict("You already reviewed this booking.", reason=ConflictReason.DUPLICATE) from None
    return review


async def report(actor: Actor, review_id: str, reason: str) -> Review:
    review = await _load(review_id)
    if review is None or (review.hidden and not actor.is_admin):
        raise NotFound()
    await authorize(actor, Permission.REVIEW_REPORT, review)
    booking = await Booking.get(id=review.booking_id)
    async with unit_of_work() as uow:
        await Review.filter(id=review.id).using_db(uow.connection).update(
            reported_at=utcnow(), report_reason=reason.strip(), version=F("version") + 1
        )
        review = await Review.get(id=review.id, using_db=uow.connection)
        await _emit(uow, "review.reported", review, booking, actor.user_id, reason=reason.strip())
    return review


async def hide(actor: Actor, review_id: str) -> Review:
    """Hide a review (admin): it leaves public listings and every rating aggregate."""
    await authorize(actor, Permission.REVIEW_HIDE)
    review = await _load(review_id)
    if review is None:
        raise NotFound()
    if review.hidden:
        return review  # hiding twice changes nothing
    booking = await Booking.get(id=review.booking_id)
    async with unit_of_work() as uow:
        changed = await Review.filter(id=review.id, hidden=False).using_db(uow.connection).update(
            hidden=True, version=F("version") + 1
        )
        if changed:
            if str(review.author_id) == str(booking.customer_id):
                await _aggregate(uow.connection, booking, review.subject_id, review.rating, -1)
            review = await Review.get(id=review.id, using_db=uow.connection)
            await _emit(uow, "review.hidden", review, booking, actor.user_id)
    return review


async def list_for_serviceman(user_id: str, *, cursor: str | None = None, limit: int = 50) -> ReviewPage:
    """Visible reviews about a serviceman, newest first (public)."""
    uid = as_uuid(user_id)
    if uid is None or not await User.exists(id=uid):
        raise NotFound()
    query = Review.filter(subject_id=uid, hidden=False)
    if cursor:
        at, last = keyset.moment_and_id(cursor)
        query = query.filter(Q(created_at__lt=at) | Q(created_at=at, id__lt=last))
    rows = await query.order_by("-created_at", "-id").limit(limit + 1)
    return ReviewPage(rows[:limit], keyset.after_created(rows[limit - 1]) if len(rows) > limit else None)


async def _aggregate(conn: BaseDBAsyncClient, booking: Booking, serviceman_id: UUID, rating: int, sign: int) -> None:
    """Add (+1) or take back (-1) one rating on the serviceman, organisation and service."""
    await ServicemanProfile.get_or_create(user_id=serviceman_id, using_db=conn)
    bump = {"rating_sum": F("rating_sum") + sign * rating, "rating_count": F("rating_count") + sign}
    await ServicemanProfile.filter(user_id=serviceman_id).using_db(conn).update(version=F("version") + 1, **bump)
    org_id = booking.organisation_id
    if org_id is not None:
        await Organisation.filter(id=org_id).using_db(conn).update(version=F("version") + 1, **bump)
    service_id = booking.service_id
    if service_id is not None:
        await Service.filter(id=service_id).using_db(conn).update(**bump)


async def _emit(uow: UnitOfWork, type_: str, review: Review, booking: Booking, actor_id: str,
                **extra: object) -> None:
    org_id = booking.organisation_id
    service_id = booking.service_id
    data = {
        "review_id": str(review.id), "booking_id": str(booking.id),
        "author_id": str(review.author_id), "subject_id": str(review.subject_id),
        "organisation_id": str(org_id) if org_id else None, "service_id": str(service_id) if service_id else None,
        "rating": review.rating, "hidden": review.hidden, "version": review.version, **extra,
    }
    await uow.record(DomainEvent(stream="domain", type=type_, subject=str(review.id), actor_id=actor_id,
                                    data=data))


async def _load(review_id: str) -> Review | None:
    uid = as_uuid(review_id)
    return await Review.get_or_none(id=uid) if uid else None


async def _is_subject(actor: Actor, review: object) -> bool:
    """The reviewed person, or a manager of the reviewed booking's provider."""
    if not isinstance(review, Review):
        return False
    if str(review.subject_id) == actor.user_id:
        return True
    org_id = await Booking.filter(id=review.booking_id).values_list("organisation_id", flat=True)
    return bool(org_id) and await is_org_manager(actor.user_id, org_id[0])


register_relation("review_subject", _is_subject)
