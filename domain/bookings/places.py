"""Where bookings and jobs happen: the zone index and matching, seen from this context."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from domain.bookings.windows import Window, invalid


async def zones_at(lat: float, lng: float) -> list[UUID]:
    """Ids of the active zones covering a point (empty when none does)."""
    raise NotImplementedError


async def zone_for(lat: float, lng: float, allowed: Sequence[str] | None = None) -> UUID | None:
    """The zone a booking or job lies in. With `allowed` (a service's zones), the point must
    lie in one of them (422 otherwise); a service without zones is offered anywhere."""
    covering = await zones_at(lat, lng)
    if allowed:
        wanted = {str(z) for z in allowed}
        covering = [z for z in covering if str(z) in wanted]
        if not covering:
            raise invalid("lat", "this service is not offered at this location")
    return covering[0] if covering else None


async def best_available(service: object, lat: float, lng: float, window: Window | None) -> UUID | None:
    raise NotImplementedError
