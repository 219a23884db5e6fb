"""One cleanup context per long-lived resource: created on start, closed on stop."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import structlog
from aiohttp import web
from redis.asyncio import Redis
from tortoise import Tortoise
from tortoise.connection import connections

from app.db import PoolLimits, tortoise_config
from app.settings import Settings
from bus import EventPublisher
from bus.inprocess import InProcessBus
from bus.relay import OutboxRelay
from domain.accounts.revocation import MemoryRevocationStore, RevocationStore
from domain.bookings import services as bookings
from domain.jobs import services as jobs
from domain.shared import outbox
from infra.periodic import periodic_context
from realtime.presence import PresenceStore

log = structlog.get_logger(__name__)

Context = Callable[[web.Application], AsyncIterator[None]]


def make_redis(url: str) -> Redis:
    # Short timeouts: a hung Redis must fail a readiness probe, not hang requests.
    return Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2, health_check_interval=15)


def make_revocations(settings: Settings) -> RevocationStore:
    ttl = settings.access_token_ttl_seconds
    if settings.redis_url:
        from infra.revocations import RedisRevocationStore

        listen_client = Redis.from_url(settings.redis_url, socket_connect_timeout=2, health_check_interval=15)
        return RedisRevocationStore(make_redis(settings.redis_url), listen_client, ttl)
    return MemoryRevocationStore(ttl)


def make_presence_store(settings: Settings, client: Redis | None) -> PresenceStore | None:
    """Redis presence shared by the deployment's processes; None: the in-process default."""
    if client is None:
        return None
    from infra.presence import RedisPresenceStore

    # Keyed by the Socket.IO channel: the processes that share fan-out share presence.
    return RedisPresenceStore(client, settings.presence_ttl_seconds, settings.socket_redis_channel)


def revocations_context(store: RevocationStore) -> Context:
    async def context(_app: web.Application) -> AsyncIterator[None]:
        start, stop = getattr(store, "start", None), getattr(store, "stop", None)
        if start is not None:
            await start()
        try:
            yield
        finally:
            if stop is not None:
                await stop()

    return context


def make_publisher(settings: Settings, in_process_bus: InProcessBus) -> EventPublisher:
    if settings.kafka_bootstrap:
        from bus.kafka import KafkaPublisher

        return KafkaPublisher(
            settings.kafka_bootstrap,
            topic_prefix=settings.kafka_topic_prefix,
            partitions=settings.kafka_topic_partitions,
            replication_factor=settings.kafka_replication_factor,
        )
    return in_process_bus


def database_context(settings: Settings) -> Context:
    async def context(_app: web.Application) -> AsyncIterator[None]:
        # Global fallback: aiohttp runs handlers in tasks that do not inherit the start-up
        # task's context, and Tortoise 1.x keeps its connections in a ContextVar.
        pool = PoolLimits(settings.db_pool_min, settings.db_pool_max, settings.db_acquire_timeout_seconds,
                          settings.db_statement_timeout_seconds)
        await Tortoise.init(config=tortoise_config(settings.database_url, pool), _enable_global_fallback=True)
        try:
            yield
        finally:
            await Tortoise.close_connections()

    return context


async def database_ready() -> None:
    await connections.get("default").execute_query("SELECT 1")


def redis_context(client: Redis) -> Context:
    async def context(_app: web.Application) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await client.aclose()

    return context


def redis_ready(client: Redis) -> Callable[[], Awaitable[None]]:
    async def check() -> None:
        await client.ping()

    return check


def publisher_context(publisher: EventPublisher) -> Context:
    async def context(_app: web.Application) -> AsyncIterator[None]:
        await publisher.start()
        try:
            yield
        finally:
            await publisher.stop()

    return context


def relay_context(relay: OutboxRelay) -> Context:
    async def context(_app: web.Application) -> AsyncIterator[None]:
        unregister = outbox.on_commit(relay.wake)
        task = asyncio.create_task(relay.run(), name="outbox-relay")
        try:
            yield
        finally:
            unregister()
            await relay.stop()
            await asyncio.gather(task, return_exceptions=True)
            # Flush what is left so a clean stop leaves nothing waiting for the next start.
            await relay.flush()

    return context


# Requested bookings and open jobs past their expiry are swept this often; a few seconds of
# lateness is invisible to people, and every replica may sweep (compare-and-set picks one).
EXPIRY_SWEEP_SECONDS = 5.0


def expiry_context(interval: float = EXPIRY_SWEEP_SECONDS) -> Context:
    async def sweep() -> None:
        await bookings.expire_overdue()
        await jobs.expire_overdue()

    return periodic_context("expiry_sweep", interval, sweep)
