"""The public catalogue: published listings by zone, category and text, keyset-paginated
on (published_at, id) descending so pages stay stable while listings are published."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from tortoise.expressions import Q, RawSQL
from tortoise.queryset import QuerySet

from domain.catalog.models import ListingState, Service
from domain.shared.clock import isoformat
from domain.shared.errors import ValidationFailed


@dataclass(frozen=True)
class Filters:
    zone_id: UUID | None = None
    category_id: str | None = None
    q: str | None = None
    owner_org_id: UUID | None = None
    limit: int = 20
    cursor: str | None = None


def encode_cursor(service: Service) -> str:
    assert service.published_at is not None
    raw = f"{isoformat(service.published_at)}|{service.id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        moment, _, ident = raw.partition("|")
        when = datetime.fromisoformat(moment.replace("Z", "+00:00"))
        if when.tzinfo is None:
            raise ValueError("naive cursor time")
        return when, UUID(ident)
    except (ValueError, UnicodeDecodeError):
        raise ValidationFailed(
            errors=[{"field": "cursor", "message": "not a cursor this API issued", "type": "value_error",
                     "location": "query"}]
        ) from None


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
        moment, ident = decode_cursor(filters.cursor)
        query = query.filter(Q(published_at__lt=moment) | Q(published_at=moment, id__lt=ident))
    rows = await query.order_by("-published_at", "-id").limit(filters.limit + 1)
    page, more = rows[: filters.limit], len(rows) > filters.limit
    return page, (encode_cursor(page[-1]) if more and page else None)
