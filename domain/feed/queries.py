"""Reading the feed: ranked pages for `GET /v1/feed`, catch-up after a seq (reconnects), and
the zones a user may narrow their live feed to."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from tortoise.expressions import Q

from domain.access.policy import Permission, authorize
from domain.accounts.models import Role
from domain.feed.models import FeedItem
from domain.feed.writer import NewItem
from domain.jobs.eligibility import zone_ids_of
from domain.shared import keyset
from domain.shared.clock import isoformat
from domain.shared.context import Actor
from domain.shared.errors import ValidationFailed
from domain.zones.models import Zone

MAX_PAGE = 200


def wire(item: FeedItem | NewItem) -> dict[str, Any]:
    """An item as REST, sockets and delta sync deliver it (docs/events.md, "A feed item")."""
    zone = item.zone_id
    return {
        "id": str(item.id), "seq": item.id, "kind": item.kind, "entity_type": item.entity_type,
        "entity_id": str(item.entity_id), "zone_id": str(zone) if zone else None, "category_id": item.category_id,
        "amount": {"amount": item.amount, "currency": item.currency} if item.amount is not None else None,
        "summary": item.summary, "rank": item.rank, "factors": item.factors, "version": item.version,
        "created_at": isoformat(item.created_at),
    }


def wire_all(items: Iterable[NewItem]) -> list[dict[str, Any]]:
    """`wire` of each item, the same dicts, with what an event's items share (its subject, its
    time) converted once, not once per recipient (a job's 5,000 items)."""
    shared: dict[tuple[Any, ...], tuple[str, str | None, dict[str, Any] | None, str]] = {}
    out = []
    for item in items:
        key = (item.entity_id, item.zone_id, item.amount, item.currency, item.created_at)
        parts = shared.get(key)
        if parts is None:
            zone = item.zone_id
            amount = {"amount": item.amount, "currency": item.currency} if item.amount is not None else None
            parts = shared[key] = (str(item.entity_id), str(zone) if zone else None, amount,
                                   isoformat(item.created_at))
        entity_id, zone_id, amount, created_at = parts
        out.append({
            "id": None if item.id is None else str(item.id), "seq": item.id, "kind": item.kind,
            "entity_type": item.entity_type, "entity_id": entity_id, "zone_id": zone_id,
            "category_id": item.category_id, "amount": amount, "summary": item.summary, "rank": item.rank,
            "factors": item.factors, "version": item.version, "created_at": created_at,
        })
    return out


@dataclass(frozen=True)
class FeedPage:
    items: list[dict[str, Any]]
    next_cursor: str | None


# A ranked page resumes after (rank, id); a catch-up page after a seq.
CURSOR_SHAPES: dict[str, tuple[type, ...]] = {"r": (str, int, int), "a": (str, int)}


def _bad(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(errors=[{"field": field, "message": message, "type": "value_error",
                                     "location": "query"}])




def decode_cursor(cursor: str) -> tuple[str, list[int]]:
    """("r", [rank, id]) for a ranked page, ("a", [seq]) for a catch-up page."""
    shape = CURSOR_SHAPES.get(keyset.parts(cursor)[0])
    if shape is None:
        raise _bad("cursor", "not a cursor from this API")
    mode, *numbers = keyset.decode(cursor, *shape)
    return mode, numbers


async def list_feed(actor: Actor, *, zone_id: str | None = None, kind: str | None = None,
                    cursor: str | None = None, after: int | None = None, limit: int = 50) -> FeedPage:
    """Your items: by rank (best first), or with `after` (or an `a` cursor) in seq order after it."""
    await authorize(actor, Permission.FEED_READ)
    if cursor is not None and after is not None:
        raise _bad("after", "give either cursor or after, not both")
    query = FeedItem.filter(user_id=actor.user_id)
    if zone_id is not None:
        try:
            query = query.filter(zone_id=UUID(zone_id))
        except ValueError:
            raise _bad("zone_id", "not a zone id") from None
    if kind is not None:
        query = query.filter(kind=kind)
    mode, position = ("a", [after]) if after is not None else decode_cursor(cursor) if cursor else ("r", [])
    limit = max(1, min(limit, MAX_PAGE))
    if mode == "a":
        rows = await query.filter(id__gt=position[0]).order_by("id").limit(limit + 1)
        more = len(rows) > limit
        rows = rows[:limit]
        return FeedPage([wire(r) for r in rows], keyset.encode("a", rows[-1].id) if more else None)
    if position:
        rank, last = position
        query = query.filter(Q(rank__lt=rank) | Q(rank=rank, id__lt=last))
    rows = await query.order_by("-rank", "-id").limit(limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    return FeedPage([wire(r) for r in rows], keyset.encode("r", rows[-1].rank, rows[-1].id) if more else None)


async def replay(user_id: str, after: int, zones: set[str] | None, limit: int) -> FeedPage:
    """Items after seq `after`, oldest first, that a socket subscribed to `zones` would have got
    live (items without a zone always pass); `next_cursor` continues with GET /v1/feed."""
    query = FeedItem.filter(user_id=user_id, id__gt=after)
    if zones is not None:
        query = query.filter(Q(zone_id__isnull=True) | Q(zone_id__in=[UUID(z) for z in zones]))
    rows = await query.order_by("id").limit(limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    return FeedPage([wire(r) for r in rows], keyset.encode("a", rows[-1].id) if more else None)


def passes(item: dict[str, Any], zones: set[str] | None) -> bool:
    return zones is None or item["zone_id"] is None or item["zone_id"] in zones


async def visible_zones(actor: Actor) -> set[str] | None:
    """Zones the actor may narrow the feed to: None means every active zone (customers and
    admins: zones are public and their items follow their own jobs and bookings); servicemen
    and providers: the zones they work in (their own and their organisations')."""
    if actor.roles & {Role.CUSTOMER.value, Role.ADMIN.value, Role.ENTERPRISE.value}:
        return None
    return {str(z) for z in await zone_ids_of(actor.user_id)}


async def narrow(actor: Actor, requested: list[str] | None) -> list[str] | None:
    """The requested zones the actor may see (unknown and foreign ones left out), sorted; with
    no request, None: every item."""
    if requested is None:
        return None
    wanted: set[str] = set()
    for raw in requested:
        try:
            wanted.add(str(UUID(raw)))
        except ValueError:
            continue
    allowed = await visible_zones(actor)
    if allowed is not None:
        wanted &= allowed
    if wanted:
        active = await Zone.filter(id__in=list(wanted), active=True).values_list("id", flat=True)
        wanted = {str(z) for z in active}
    return sorted(wanted)
