"""Policy relations of payments (registered with domain/access/policy.py at import)."""

from __future__ import annotations

from domain.access.policy import register_relation
from domain.bookings.models import Booking
from domain.shared.context import Actor


async def _is_customer(actor: Actor, booking: object) -> bool:
    return isinstance(booking, Booking) and str(booking.customer_id) == actor.user_id


register_relation("booking_customer", _is_customer)
