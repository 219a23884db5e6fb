"""The transactional outbox: events are rows written with the change that caused them.

A relay (bus/relay.py) claims unpublished rows, publishes them and marks them published.
Services never write here directly: `UnitOfWork.record` (domain/shared/uow.py) does, in the
unit of work's transaction, and wakes the relay once that commits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.fields.data import JSON_DUMPS

from domain.shared import tracing
from domain.shared.events import DomainEvent
from domain.shared.orm import Model

if TYPE_CHECKING:
    from domain.shared.uow import UnitOfWork


# Unpublished rows oldest first, in the order of the (published_at, id) index. `published_at` is
# NULL on all of them, so this is id order; but PostgreSQL takes IS NULL for no equality and,
# asked for `ORDER BY id`, reads every unpublished row (and every dead version of one not yet
# vacuumed) to sort them, or walks the primary key through the published rows, which are kept
# for days: each claim of the relay then costs the whole backlog, and a backlog drains in
# quadratic time. In index order a read of the oldest n reads n rows and stops.
PENDING_ORDER = ("published_at", "id")


class OutboxEvent(Model):
    id = fields.BigIntField(primary_key=True)
    event_id = fields.UUIDField(unique=True)
    stream = fields.CharField(max_length=16)
    type = fields.CharField(max_length=128)
    key = fields.CharField(max_length=128, description="subject id: Kafka message key")
    body: Any = fields.JSONField(description="the wire body of the event (PROTOCOL section 6)")
    created_at = fields.DatetimeField(auto_now_add=True)
    published_at = fields.DatetimeField(null=True)
    attempts = fields.IntField(default=0)
    last_error = fields.TextField(null=True)
    # W3C trace context of the span that recorded it (None: tracing off): the relay carries it
    # in the Kafka headers, so the consumers' work joins the request's trace.
    traceparent = fields.CharField(max_length=64, null=True)

    class Meta:
        table = "outbox"
        indexes = (PENDING_ORDER,)


async def write(event: DomainEvent, connection: BaseDBAsyncClient) -> OutboxEvent:
    """Write the event in the caller's transaction (through `UnitOfWork.record`)."""
    return await OutboxEvent.create(
        event_id=event.event_id,
        stream=event.stream,
        type=event.type,
        key=event.subject,
        body=event.wire(),
        traceparent=tracing.current_traceparent(),
        using_db=connection,
    )


def pending(event: DomainEvent) -> OutboxEvent:
    """The event's row, not saved yet (for `write_many`); its trace context is the caller's now."""
    return OutboxEvent(event_id=event.event_id, stream=event.stream, type=event.type, key=event.subject,
                       body=event.wire(), traceparent=tracing.current_traceparent())


# Many rows in one statement, in the order given (ids follow it: events of a key leave in order).
_WRITE_MANY = """
INSERT INTO outbox (event_id, stream, type, key, body, created_at, attempts, traceparent)
SELECT e.event_id, e.stream, e.type, e.key, e.body, now(), 0, e.traceparent
FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[])
     WITH ORDINALITY AS e(event_id, stream, type, key, body, traceparent, n)
ORDER BY e.n"""


async def write_many(uow: UnitOfWork, rows: list[Any]) -> None:
    """Write rows made by `pending`, in the transaction of `uow` (its deferred flush)."""
    conn = uow.connection
    if conn.capabilities.dialect != "postgres":
        for row in rows:
            await row.save(using_db=conn)
        return
    await conn.execute_query(_WRITE_MANY, [
        [r.event_id for r in rows], [r.stream for r in rows], [r.type for r in rows], [r.key for r in rows],
        [JSON_DUMPS(r.body) for r in rows], [r.traceparent for r in rows]])
