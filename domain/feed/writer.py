"""Write the feed items of one domain event, set-based, inside the consumer's transaction.

On PostgreSQL they go to `feed_event_pending`, one row per event with its recipients as arrays,
without any lock, so concurrent writers (jobs posted at once, in several processes) never wait
for each other; the sequencer expands and numbers them in commit order once committed
(domain/feed/sequencer.py). SQLite has a single writer: the
items go straight to `feed_item`, numbered in commit order by construction."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import orjson
from tortoise.backends.base.client import BaseDBAsyncClient

from domain.feed import recipients
from domain.feed.models import FeedItem
from domain.feed.ranking import Relevance, score
from domain.shared.clock import utcnow


@dataclass
class NewItem:
    """An item as written (the columns of `FeedItem`): on PostgreSQL without its id until the
    sequencer numbers it. Plain, so that thousands of recipients cost no ORM objects."""

    user_id: UUID
    event_id: UUID
    kind: str
    entity_type: str
    entity_id: UUID
    zone_id: UUID | None
    category_id: str | None
    amount: int | None
    currency: str | None
    summary: dict[str, Any]
    rank: int
    factors: dict[str, float]
    created_at: datetime
    version: int = 1
    id: int | None = None


def acts_on(event_type: str) -> bool:
    """Whether `record` may do anything for events of this type (it closes jobs or plans items)."""
    return event_type in CLOSING or recipients.plans(event_type)


async def record(event_id: str, event_type: str, data: dict[str, Any], actor_id: str | None,
                 conn: BaseDBAsyncClient) -> list[NewItem]:
    """The stored items (one per recipient); [] when the event feeds nobody. On SQLite they are
    numbered (ordered by id); on PostgreSQL still pending, without ids until published."""
    if event_type in CLOSING:
        await close_job(data.get("job_id"), CLOSING[event_type], conn)
    rows = _items(event_id, await recipients.plan(event_type, data, actor_id, conn))
    if not rows:
        return []
    if conn.capabilities.dialect != "postgres":
        models = [FeedItem(**{k: v for k, v in asdict(row).items() if k != "id"}) for row in rows]
        await FeedItem.bulk_create(models, batch_size=1000, using_db=conn)
        numbered = await FeedItem.filter(event_id=UUID(event_id)).using_db(conn).values_list("user_id", "id")
        ids = {str(user): int(seq) for user, seq in numbered}
        for row in rows:
            row.id = ids[str(row.user_id)]
        return sorted(rows, key=lambda row: row.id or 0)
    await conn.execute_query(INSERT_PENDING, _columns([rows]))
    return rows


def batched(event_type: str) -> bool:
    """Whether `record_many` takes events of this type (the others go through `record`)."""
    return event_type.startswith(recipients.BOOKING_PREFIX) and event_type not in CLOSING


async def record_many(events: list[tuple[str, str, dict[str, Any], str | None]],
                      conn: BaseDBAsyncClient) -> list[list[NewItem]]:
    """`record` of each event (event id, type, data, actor id), all of types `batched`, on
    PostgreSQL: their recipients read together (recipients.plan_bookings) and every item of
    them written in one statement, in the events' order (the order `record` one by one gives)."""
    plans = await recipients.plan_bookings([(kind, data, actor) for _, kind, data, actor in events], conn)
    found = [_items(event_id, plan) for (event_id, *_), plan in zip(events, plans, strict=True)]
    if any(found):
        await conn.execute_query(INSERT_PENDING, _columns([items for items in found if items]))
    return found


def _items(event_id: str, plan: recipients.Plan | None) -> list[NewItem]:
    """The items of one event's plan (one per recipient), ranked now."""
    if plan is None or not plan.recipients:
        return []
    subject = plan.subject
    now = utcnow()
    event, entity = UUID(event_id), UUID(subject.entity_id)
    zone = UUID(subject.zone_id) if subject.zone_id else None
    rows = []
    scored: dict[Relevance, tuple[int, dict[str, float]]] = {}  # a job's thousands share a few relevances
    for recipient in plan.recipients:
        ranked = scored.get(recipient.relevance)
        if ranked is None:
            ranked = scored[recipient.relevance] = score(recipient.relevance, subject.amount, subject.currency, now)
        rank, factors = ranked
        rows.append(NewItem(UUID(recipient.user_id), event, recipient.kind, subject.entity_type, entity, zone,
                            subject.category_id, subject.amount, subject.currency, subject.summary, rank, factors,
                            now))
    return rows


CLOSING = {"job.awarded": "awarded", "job.cancelled": "cancelled", "job.expired": "expired"}


async def close_job(job_id: Any, state: str, conn: BaseDBAsyncClient) -> None:
    """A job left bidding: its `job.posted` items say so (summary.state; the version bump takes
    the change to every holder through delta sync)."""
    try:
        uid = UUID(str(job_id))
    except ValueError:
        return
    if conn.capabilities.dialect == "postgres":
        # Pending items first: a row the sequencer is moving is waited for, found gone, and then
        # met in feed_item by the second statement (its own snapshot, read committed).
        await conn.execute_query(CLOSE_PENDING_JOB, [uid, state])
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
# A pending row's summary is its event's: a job.posted event's items are all of kind job.posted.
CLOSE_PENDING_JOB = """
UPDATE feed_event_pending SET summary = jsonb_set(summary, '{state}', to_jsonb($2::text)), version = version + 1
WHERE entity_id = $1 AND 'job.posted' = ANY(kinds) AND summary->>'state' IS DISTINCT FROM $2
"""


# One statement for every event: a row each, its recipients' items (one element per recipient,
# numbered by `n`, the event they belong to) gathered into its arrays in their order.
INSERT_PENDING = """
INSERT INTO feed_event_pending (event_id, entity_type, entity_id, zone_id, category_id, amount, currency, summary,
                                version, created_at, user_ids, kinds, ranks, factors)
SELECT e, et, ei, z, c, a, cur, s, 1, t, r.users, r.kinds, r.ranks, r.factors
FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::bigint[], $7::text[], $8::jsonb[],
            $9::timestamptz[]) WITH ORDINALITY AS x(e, et, ei, z, c, a, cur, s, t, n)
JOIN (SELECT i, array_agg(u ORDER BY o) AS users, array_agg(k ORDER BY o) AS kinds, array_agg(r ORDER BY o) AS ranks,
             array_agg(f ORDER BY o) AS factors
      FROM unnest($10::bigint[], $11::uuid[], $12::text[], $13::bigint[], $14::jsonb[]) WITH ORDINALITY
           AS y(i, u, k, r, f, o)
      GROUP BY i) AS r ON r.i = x.n
ORDER BY x.n
"""


def _columns(events: list[list[NewItem]]) -> list[Any]:
    """INSERT_PENDING's parameters for these events' items (each list one event's, not empty):
    the shared columns from an event's first item, then one element per item."""
    heads = [items[0] for items in events]
    every = [item for items in events for item in items]
    return [
        [h.event_id for h in heads], [h.entity_type for h in heads], [h.entity_id for h in heads],
        [h.zone_id for h in heads], [h.category_id for h in heads], [h.amount for h in heads],
        [h.currency for h in heads], _json_each([h.summary for h in heads]), [h.created_at for h in heads],
        [n for n, items in enumerate(events, start=1) for _ in items],
        [r.user_id for r in every], [r.kind for r in every], [r.rank for r in every],
        _json_each([r.factors for r in every]),
    ]


def _json_each(values: list[dict[str, Any]]) -> list[str]:
    """JSON of each value, encoded once per distinct object (an event's items share one summary
    and a few factor dicts)."""
    encoded: dict[int, str] = {}
    out = []
    for value in values:
        text = encoded.get(id(value))
        if text is None:
            text = encoded[id(value)] = orjson.dumps(value).decode()
        out.append(text)
    return out
