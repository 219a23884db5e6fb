"""Write the feed items of one domain event, set-based, inside the consumer's transaction."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.feed import recipients
from domain.feed.models import FeedItem
from domain.feed.ranking import score
from domain.shared.clock import utcnow

# Feed writes take this transaction-scoped advisory lock (PostgreSQL), so item ids (the `seq`
# clients resume from) are handed out in commit order: "items after seq N" never misses one
# committed late. Each holder runs one multi-row INSERT, so the lock is short. SQLite has a
# single writer anyway.
FEED_WRITE_LOCK = 0x66656564  # "feed"


async def record(event_id: str, event_type: str, data: dict[str, Any], actor_id: str | None,
                 conn: BaseDBAsyncClient) -> list[FeedItem]:
    """The stored items (one per recipient), ordered by id; [] when the event feeds nobody."""
    plan = await recipients.plan(event_type, data, actor_id, conn)
    if plan is None or not plan.recipients:
        return []
    subject = plan.subject
    if conn.capabilities.dialect == "postgres":
        await conn.execute_query("SELECT pg_advisory_xact_lock($1)", [FEED_WRITE_LOCK])
    now = utcnow()
    rows = []
    for recipient in plan.recipients:
        rank, factors = score(recipient.relevance, subject.amount, subject.currency, now)
        rows.append(FeedItem(
            user_id=UUID(recipient.user_id), event_id=UUID(event_id), kind=recipient.kind,
            entity_type=subject.entity_type, entity_id=UUID(subject.entity_id),
            zone_id=UUID(subject.zone_id) if subject.zone_id else None, category_id=subject.category_id,
            amount=subject.amount, currency=subject.currency, summary=subject.summary,
            rank=rank, factors=factors, created_at=now,
        ))
    await FeedItem.bulk_create(rows, batch_size=1000, using_db=conn)
    return list(await FeedItem.filter(event_id=UUID(event_id)).using_db(conn).order_by("id"))
