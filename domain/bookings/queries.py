"""Reading bookings: one (parties only), and the caller's own, newest first, keyset-paged."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from tortoise.expressions import Q, Subquery

from domain.access.policy import Permission, authorize
from domain.bookings.models import Assignment, Booking, BookingState
from domain.bookings.parties import managed_org_ids
from domain.bookings.transitions import load
from domain.bookings.views import BookingView, view_of
from domain.shared import keyset
from domain.shared.context import Actor
from domain.shared.errors import NotFound


class Capacity(StrEnum):
    """Which of the caller's bookings to list."""

    CUSTOMER = "customer"  # booked by me
    SERVICEMAN = "serviceman"  # I am on the crew
    MANAGER = "manager"  # of an organisation I manage


async def get(actor: Actor, booking_id: str) -> BookingView:
    booking = await load(booking_id)
    await authorize(actor, Permission.BOOKING_READ, booking)
    if booking is None:
        raise NotFound()
    return await view_of(booking, actor)


@dataclass
class BookingPage:
    items: list[BookingView]
    next_cursor: str | None


async def list_mine(actor: Actor, *, capacity: Capacity | None = None, state: BookingState | None = None,
                    cursor: str | None = None, limit: int = 50) -> BookingPage:
    me = UUID(actor.user_id)
    conditions: list[Q] = []
    if capacity in (None, Capacity.CUSTOMER):
        conditions.append(Q(customer_id=me))
    if capacity in (None, Capacity.SERVICEMAN):
        conditions.append(Q(id__in=Subquery(Assignment.filter(serviceman_id=me).values("booking_id"))))
    if capacity in (None, Capacity.MANAGER):
        orgs = await managed_org_ids(actor.user_id)
        if orgs:
            conditions.append(Q(organisation_id__in=orgs))
    if not conditions:
        return BookingPage([], None)
    query = Booking.filter(Q(*conditions, join_type=Q.OR))
    if state is not None:
        query = query.filter(state=state)
    if cursor:
        at, last_id = keyset.moment_and_id(cursor)
        query = query.filter(Q(created_at__lt=at) | Q(created_at=at, id__lt=last_id))
    rows = await query.order_by("-created_at", "-id").limit(limit + 1)
    items = [await view_of(row, actor, history=False) for row in rows[:limit]]
    more = len(rows) > limit
    return BookingPage(items, keyset.after_created(rows[limit - 1]) if more else None)




