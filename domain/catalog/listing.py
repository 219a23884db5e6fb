"""The public catalogue: published listings by zone, category and text, keyset-paginated
on (published_at, id) descending so pages stay stable while listings are published."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from tortoise.expressions import Q, RawSQL
from tortoise.queryset import QuerySet

from domain.catalog.models import ListingState, Service
from domain.shared import keyset


@dataclass(frozen=True)
class Filters:
    zone_id: UUID | None = None
    category_id: str | None = None
    q: str | None = None
    owner_org_id: UUID | None = None
    limit: int = 20
    cursor: str | None = None






def _by_zone(query: QuerySet[Service], zone_id: UUID) -> QuerySet[Service]:
    if Service._meta.db.capabilities.dialect == "postgres":
        return query.filter(zone_ids__contains=[str(zone_id)])  # jsonb @>: one indexed-capable predicate
    # SQLite (the embedded demo) stores JSON as text: find the quoted id. Safe to inline, it is a UUID.
    return query.annotate(zone_hit=RawSQL(f"instr(\"zone_ids\", '\"{zone_id}\"')")).filter(zone_hit__gt=0)


async def search(filters: Filters) -> tuple[list[Service], str | None]:
    query = Service.filter(state=ListingState.PUBLISHED)
    if filters.zone_id is not None:
        query = _by_zone(query, filters.zone_id)
    if filters.category_id:
        # A trade includes its specialities: "plumbing" matches "plumbing.leak-repair".
        query = query.filter(Q(category_id=filters.category_id) | Q(category_id__startswith=f"{filters.category_id}."))
    if filters.q:
        query = query.filter(Q(title__icontains=filters.q) | Q(description__icontains=filters.q))
    if filters.owner_org_id is not None:
        query = query.filter(owner_org_id=filters.owner_org_id)
    if filters.cursor:
        moment, ident = keyset.decode(filters.cursor, datetime, UUID)
        query = query.filter(Q(published_at__lt=moment) | Q(published_at=moment, id__lt=ident))
    rows = await query.order_by("-published_at", "-id").limit(filters.limit + 1)
    page, more = rows[: filters.limit], len(rows) > filters.limit
    return page, (keyset.encode(_published(page[-1]), page[-1].id) if more and page else None)


def _published(service: Service) -> datetime:
    assert service.published_at is not None  # the query lists published services only
    return service.published_at
