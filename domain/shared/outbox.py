"""The transactional outbox: events are rows written with the change that caused them.

A relay (bus/relay.py) claims unpublished rows, publishes them and marks them published.
Call `record` inside the transaction of the change, then `announce_commit()` after it
commits so the relay wakes at once instead of at its next poll.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tortoise import fields
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model

from domain.shared.events import DomainEvent


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

    class Meta:
        table = "outbox"
        indexes = (("published_at", "id"),)


async def record(event: DomainEvent, connection: BaseDBAsyncClient | None = None) -> OutboxEvent:
    """Write the event in the caller's transaction (pass its connection)."""
    return await OutboxEvent.create(
        event_id=event.event_id,
        stream=event.stream,
        type=event.type,
        key=event.subject,
        body=event.wire(),
        using_db=connection,
    )


_commit_listeners: list[Callable[[], None]] = []


def on_commit(listener: Callable[[], None]) -> Callable[[], None]:
    """Register a callback run after a transaction that wrote events commits.

    Returns a function that unregisters it.
    """
    _commit_listeners.append(listener)
    return lambda: _commit_listeners.remove(listener)


def announce_commit() -> None:
    for listener in list(_commit_listeners):
        listener()
