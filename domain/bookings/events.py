"""Booking domain events (catalogued in docs/events.md): written to the outbox in the
unit of work of the change, with every party's id so feed, sync and push can route them."""

from __future__ import annotations

from typing import Any

from domain.bookings.models import Booking
from domain.shared.events import DomainEvent
from domain.shared.uow import UnitOfWork


def booking_data(booking: Booking, crew_ids: list[str], **extra: Any) -> dict[str, Any]:
    org_id = booking.organisation_id
    data: dict[str, Any] = {
        "booking_id": str(booking.id),
        "customer_id": str(booking.customer_id),
        "organisation_id": str(org_id) if org_id else None,
        "serviceman_ids": crew_ids,
        "state": booking.state.value,
        "version": booking.version,
        "region": booking.region,  # data residency: a warehouse feed routes by it
    }
    data.update(extra)
    return data


async def emit(uow: UnitOfWork, type_: str, booking: Booking, actor_id: str | None,
               crew_ids: list[str], **extra: Any) -> None:
    event = DomainEvent(stream="domain", type=type_, subject=str(booking.id), actor_id=actor_id,
                        data=booking_data(booking, crew_ids, **extra))
    await uow.record(event)
