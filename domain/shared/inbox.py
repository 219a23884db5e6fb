"""Consumer-side dedupe: an event id is handled once per consumer.

Delivery is at-least-once; a consumer inserts (consumer, event_id) in the same transaction
as its effects, so a redelivered event finds the row and is skipped.
"""

from __future__ import annotations

from uuid import UUID

from tortoise import fields
from tortoise.backends.base.client import BaseDBAsyncClient

from domain.shared.orm import Model


class ProcessedEvent(Model):
    id = fields.BigIntField(primary_key=True)
    consumer = fields.CharField(max_length=64)
    event_id = fields.UUIDField()
    processed_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "processed_event"
        unique_together = (("consumer", "event_id"),)


async def claim(consumer: str, event_id: UUID, connection: BaseDBAsyncClient) -> bool:
    """True when this consumer has not handled the event yet (and now has, if the
    surrounding transaction commits). A concurrent duplicate waits on the unique index
    and then finds the row, so two deliveries never both return True."""
    postgres = connection.capabilities.dialect == "postgres"
    first, second = ("$1", "$2") if postgres else ("?", "?")
    rows = await connection.execute_query_dict(
        f"INSERT INTO processed_event (consumer, event_id, processed_at) "  # noqa: S608 - placeholders only
        f"VALUES ({first}, {second}, CURRENT_TIMESTAMP) "
        "ON CONFLICT (consumer, event_id) DO NOTHING RETURNING id",
        [consumer, event_id if postgres else str(event_id)],
    )
    return bool(rows)


# Many events of one consumer in one statement (PostgreSQL): those it had not handled yet come back.
_CLAIM_MANY = ("INSERT INTO processed_event (consumer, event_id, processed_at) "
               "SELECT $1, e, CURRENT_TIMESTAMP FROM unnest($2::uuid[]) AS e "
               "ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id")


async def claim_many(consumer: str, event_ids: list[UUID], connection: BaseDBAsyncClient) -> set[UUID]:
    """`claim` for several events at once, on PostgreSQL: the ids this consumer had not handled
    yet (and now has, if the surrounding transaction commits). Same waits as `claim`."""
    rows = await connection.execute_query_dict(_CLAIM_MANY, [consumer, event_ids])
    return {row["event_id"] if isinstance(row["event_id"], UUID) else UUID(str(row["event_id"])) for row in rows}
