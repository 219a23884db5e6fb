"""A booking as its parties see it: the row, its crew, its history and what the caller can
do next."""

from __future__ import annotations

from dataclasses import dataclass, field

from domain.bookings.models import Assignment, Booking, Transition
from domain.bookings.parties import parties_of
from domain.bookings.states import Action, Party, actions_for
from domain.shared.context import Actor


@dataclass
class BookingView:
    booking: Booking
    crew: list[Assignment]
    transitions: list[Transition] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)


async def view_of(booking: Booking, actor: Actor, *, history: bool = True, crew: list[Assignment] | None = None,
                  parties: frozenset[Party] | None = None) -> BookingView:
    """The caller's view; a use case that already read the crew (lead first) and the caller's
    parties passes them in."""
    if crew is None:
        crew = await crew_of(booking)
    transitions = await Transition.filter(booking_id=booking.id).order_by("id") if history else []
    if parties is None:
        parties = await parties_of(actor, booking, crew)
    return BookingView(booking, crew, transitions, actions_for(booking.state, parties))


async def crew_of(booking: Booking) -> list[Assignment]:
    """The booking's crew, the lead first."""
    return await Assignment.filter(booking_id=booking.id).order_by("-lead", "created_at")
