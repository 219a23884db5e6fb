"""A booking as its parties see it: the row, its crew, its history and what the caller can
do next."""

from __future__ import annotations

from dataclasses import dataclass, field

from domain.bookings.models import Assignment, Booking, Transition
from domain.bookings.parties import parties_of
from domain.bookings.states import Action, actions_for
from domain.shared.context import Actor


@dataclass
class BookingView:
    booking: Booking
    crew: list[Assignment]
    transitions: list[Transition] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)


async def view_of(booking: Booking, actor: Actor, *, history: bool = True) -> BookingView:
    crew = await Assignment.filter(booking_id=booking.id).order_by("-lead", "created_at")
    transitions = await Transition.filter(booking_id=booking.id).order_by("id") if history else []
    parties = await parties_of(actor, booking, crew)
    return BookingView(booking, crew, transitions, actions_for(booking.state, parties))
