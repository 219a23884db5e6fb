"""The bookings use cases, in one import for adapters (rest, realtime, sync)."""

from __future__ import annotations

from domain.bookings.creation import BookingRequest, create, insert_booking
from domain.bookings.queries import BookingPage, Capacity, get, list_mine
from domain.bookings.states import Action
from domain.bookings.transitions import assign, expire_overdue, transition
from domain.bookings.views import BookingView

__all__ = [
    "Action", "BookingPage", "BookingRequest", "BookingView", "Capacity", "assign", "create", "expire_overdue", "get",
    "insert_booking", "list_mine", "transition",
]
