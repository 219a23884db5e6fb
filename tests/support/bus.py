"""Helpers for the event-bus tests: a database session, recording events, a recording
publisher, a side-effect table, and reading a Kafka topic without consumer groups."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from tortoise import Tortoise
from tortoise.connection import connections

from app.db import tortoise_config
from bus import Envelope
from domain.shared.events import DomainEvent
from domain.shared.inbox import ProcessedEvent
from domain.shared.outbox import OutboxEvent
from domain.shared.uow import UnitOfWork, unit_of_work
from tests.conftest import truncate_all
from tests.support.waiting import wait_until as wait_until  # re-exported: the bus tests' import path

EFFECT_TABLE = "bus_test_effect"


@asynccontextmanager
async def tortoise_on(database_url: str) -> AsyncIterator[None]:
    """Tortoise on an emptied test database, with a table for handlers' side effects."""
    await truncate_all(database_url)
    async with effects_table(database_url):
        await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)
        try:
            yield
        finally:
            await Tortoise.close_connections()


@asynccontextmanager
async def effects_table(database_url: str) -> AsyncIterator[None]:
    """A table where test handlers write their side effects (duplicates would show)."""
    await _admin(database_url, f"CREATE TABLE IF NOT EXISTS {EFFECT_TABLE} (id bigserial PRIMARY KEY, "
                               "consumer text NOT NULL, event_id uuid NOT NULL)")
    try:
        yield
    finally:
        # Not a model's table: leave the schema as the migrations made it for other tests.
        await _admin(database_url, f"DROP TABLE IF EXISTS {EFFECT_TABLE}")


async def _admin(database_url: str, sql: str) -> None:
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def event(subject: str = "job-1", stream: str = "finance", type: str = "payment.captured", **kw: Any) -> DomainEvent:
    return DomainEvent(stream=stream, type=type, subject=subject, **kw)  # type: ignore[arg-type]


async def record(*events: DomainEvent) -> list[OutboxEvent]:
    """Write events in one committed transaction, as a service would."""
    async with unit_of_work() as uow:
        rows = [await uow.record(e) for e in events]
    return rows


def effect_handler_for(consumer: str) -> Callable[[Envelope, UnitOfWork], Awaitable[None]]:
    async def handler(envelope: Envelope, uow: UnitOfWork) -> None:
        await uow.connection.execute_query(
            f"INSERT INTO {EFFECT_TABLE} (consumer, event_id) VALUES ($1, $2)",
            [consumer, envelope.event_id],
        )

    return handler


async def effects(consumer: str) -> list[str]:
    conn = connections.get("default")
    rows = await conn.execute_query_dict(
        f"SELECT event_id FROM {EFFECT_TABLE} WHERE consumer = $1 ORDER BY id", [consumer]
    )
    return [str(row["event_id"]) for row in rows]


async def inbox_count(consumer: str) -> int:
    return await ProcessedEvent.filter(consumer=consumer).count()


async def pending_ids() -> set[str]:
    rows = await OutboxEvent.filter(published_at__isnull=True).values_list("event_id", flat=True)
    return {str(event_id) for event_id in rows}


class RecordingPublisher:
    """Remembers every envelope it was handed, in order (per relay call, as a broker would)."""

    def __init__(self) -> None:
        self.seen: list[Envelope] = []
        self.lock = asyncio.Lock()

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None

    async def ping(self) -> None:
        return None

    async def publish(self, batch: list[Envelope]) -> None:
        async with self.lock:
            self.seen.extend(batch)
            await asyncio.sleep(0.005)  # a network hop: lets two relays overlap if they can


async def topic_partitions(bootstrap: str, topic: str) -> set[int]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    await consumer.start()
    try:
        await consumer.topics()
        return set(consumer.partitions_for_topic(topic) or ())
    finally:
        await consumer.stop()


async def read_topic(bootstrap: str, topic: str, count: int, timeout: float = 10.0) -> list[ConsumerRecord[Any, Any]]:
    """Every partition of the topic from the beginning, no group (no rebalance wait);
    returns once `count` messages arrived (and fails after `timeout`)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    try:
        await consumer.topics()  # loads metadata, so partitions_for_topic knows the topic
        partitions = consumer.partitions_for_topic(topic) or set()
        consumer.assign([TopicPartition(topic, p) for p in sorted(partitions)])
        found: list[ConsumerRecord[Any, Any]] = []
        deadline = time.monotonic() + timeout
        while len(found) < count and time.monotonic() < deadline:
            batches = await consumer.getmany(timeout_ms=200)
            for messages in batches.values():
                found.extend(messages)
        return found
    finally:
        await consumer.stop()
