"""Write the feed items of one domain event, set-based, inside the consumer's transaction."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import orjson
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
    if event_type in CLOSING:
        await close_job(data.get("job_id"), CLOSING[event_type], conn)
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
    if conn.capabilities.dialect != "postgres":
        await FeedItem.bulk_create(rows, batch_size=1000, using_db=conn)
        return list(await FeedItem.filter(event_id=UUID(event_id)).using_db(conn).order_by("id"))
    returned = await conn.execute_query_dict(INSERT_UNNEST, _columns(rows))
    ids = {str(row["user_id"]): row["id"] for row in returned}
    for row in rows:
        row.id = ids[str(row.user_id)]
        row.version = 1
    return sorted(rows, key=lambda row: row.id)


CLOSING = {"job.awarded": "awarded", "job.cancelled": "cancelled", "job.expired": "expired"}


async def close_job(job_id: Any, state: str, conn: BaseDBAsyncClient) -> None:
    """A job left bidding: its `job.posted` items say so (summary.state; the version bump takes
    the change to every holder through delta sync)."""
    try:
        uid = UUID(str(job_id))
    except ValueError:
        return
    if conn.capabilities.dialect == "postgres":
        await conn.execute_query(CLOSE_JOB, [uid, state])
        return
    for item in await FeedItem.filter(entity_id=uid, kind="job.posted").using_db(conn):  # SQLite: the demo
        item.summary = {**item.summary, "state": state}
        item.version += 1
        await item.save(using_db=conn, update_fields=["summary", "version"])


CLOSE_JOB = """
UPDATE feed_item SET summary = jsonb_set(summary, '{state}', to_jsonb($2::text)), version = version + 1
WHERE entity_id = $1 AND kind = 'job.posted' AND summary->>'state' IS DISTINCT FROM $2
"""


# One statement for every recipient (executemany would run the statement, and the sync
# capture trigger's per-statement work, once per row).
INSERT_UNNEST = """
INSERT INTO feed_item (user_id, event_id, kind, entity_type, entity_id, zone_id, category_id, amount, currency,
                       summary, rank, factors, version, created_at)
SELECT u, e, k, et, ei, z, c, a, cur, s, r, f, 1, t
FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::bigint[],
            $9::text[], $10::jsonb[], $11::bigint[], $12::jsonb[], $13::timestamptz[])
     AS x(u, e, k, et, ei, z, c, a, cur, s, r, f, t)
RETURNING id, user_id
"""


def _columns(rows: list[FeedItem]) -> list[Any]:
    return [
        [r.user_id for r in rows], [r.event_id for r in rows], [r.kind for r in rows],
        [r.entity_type for r in rows], [r.entity_id for r in rows], [r.zone_id for r in rows],
        [r.category_id for r in rows], [r.amount for r in rows], [r.currency for r in rows],
        [orjson.dumps(r.summary).decode() for r in rows], [r.rank for r in rows],
        [orjson.dumps(r.factors).decode() for r in rows], [r.created_at for r in rows],
    ]
