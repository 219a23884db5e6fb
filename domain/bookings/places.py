"""Where bookings and jobs happen: the zone index and matching, seen from this context."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from domain.accounts.models import Membership
from domain.bookings.windows import Window, invalid
from domain.catalog.models import Service
from domain.matching import services as matching
from domain.zones import services as zones


async def zones_at(lat: float, lng: float) -> list[UUID]:
    """Ids of the active zones covering a point (empty when none does), from the zone index."""
    return await zones.covering_zone_ids(lat, lng)


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


async def best_available(service: Service, lat: float, lng: float, window: Window | None) -> UUID | None:
    """Automatic assignment: the best-ranked free serviceman for the service's category at
    this place and time; for a provider's service, the best free one of its crew."""
    category_id = service.category_id
    if category_id is None:
        return None
    start, end = (window.start, window.end) if window else (None, None)
    org_id = service.owner_org_id
    if org_id is None:
        return await matching.best_available(str(category_id), lat, lng, start, end)
    crew = {row["user_id"] for row in await Membership.filter(organisation_id=org_id).values("user_id")}
    ranked = await matching.rank(matching.MatchRequest(str(category_id), lat, lng, start, end))
    free = (c.serviceman_id for c in ranked if c.serviceman_id in crew and c.factors["availability"].value is True)
    return next(free, None)
