"""One cleanup context per long-lived resource: created on start, closed on stop."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import structlog
from aiohttp import web
from redis.asyncio import Redis
from tortoise import Tortoise
from tortoise.connection import connections

from app.db import PoolLimits, tortoise_config
from app.settings import Settings
from app.vacuum import VACUUM_STATE, vacuum_problem
from bus import EventPublisher
from bus.inprocess import InProcessBus
from bus.kafka import KafkaPublisher
from bus.relay import OutboxRelay
from domain.accounts.revocation import MemoryRevocationStore, RevocationStore
from domain.accounts.sessions import family_revoked
from domain.bookings.transitions import guard_accept
from domain.finance.cases.services import PaymentCases
from domain.flags.services import FlagService
from domain.messaging import sending
from domain.presence.store import PresenceStore
from domain.shared import uow
from domain.shared.ratelimit import RateLimiter
from infra.dependencies import RedisHealth, redis_client, redis_options
from infra.presence import RedisPresenceStore
from infra.presence_fallback import ResilientPresenceStore
from infra.ratelimit import ResilientRateLimiter
from infra.request_gate import RedisRequestGate
from infra.revocations import RedisRevocationStore
from infra.revocations_fallback import ResilientRevocationStore
from infra.shutdown import bounded

log = structlog.get_logger(__name__)

Context = Callable[[web.Application], AsyncIterator[None]]


def make_redis(settings: Settings, *, listener: bool = False) -> Redis:
    # Short timeouts, one retry: a dead Redis must cost a request nothing once the breaker
    # (infra/dependencies.py) has seen it; a listener blocks between messages, so no read timeout.
    assert settings.redis_url
    timeout = None if listener else settings.redis_socket_timeout_seconds
    # A listener sees every dropped connection itself (no silent re-subscribe): it replays what it missed.
    return redis_client(settings.redis_url, redis_options(timeout, settings.redis_connect_timeout_seconds,
                                                          retries=0 if listener else 1))


def make_revocations(settings: Settings, client: Redis | None, health: RedisHealth | None) -> RevocationStore:
    ttl = settings.access_token_ttl_seconds
    if client is not None and health is not None:
        store = RedisRevocationStore(client, make_redis(settings, listener=True), ttl)
        return ResilientRevocationStore(store, client, health, ttl, family_revoked)
    return MemoryRevocationStore(ttl)


def make_request_gate(redis: Redis | None, health: RedisHealth | None, rate_limiter: RateLimiter,
                      revocations: RevocationStore) -> RedisRequestGate | None:
    """A REST request's rate limit and revocation check in one Redis round trip; None without
    Redis (the in-process limiter and store cost no round trip)."""
    if redis is None or health is None or not isinstance(rate_limiter, ResilientRateLimiter) or not isinstance(
            revocations, ResilientRevocationStore):
        return None
    return RedisRequestGate(redis, rate_limiter, revocations, health)


def make_presence_store(settings: Settings, client: Redis | None, health: RedisHealth | None) -> PresenceStore | None:
    """Redis presence shared by the deployment's processes; None: the in-process default."""
    if client is None or health is None:
        return None

    # Keyed by the Socket.IO channel: the processes that share fan-out share presence.
    return ResilientPresenceStore(
        RedisPresenceStore(client, settings.presence_ttl_seconds, settings.socket_redis_channel), health
    )


def flags_context(flags: FlagService) -> Context:
    """The flag cache loaded from the database, and the listener for changes of other processes."""
    async def context(_app: web.Application) -> AsyncIterator[None]:
        await flags.start()
        try:
            yield
        finally:
            await flags.stop()

    return context


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
        return KafkaPublisher(
            settings.kafka_bootstrap,
            topic_prefix=settings.kafka_topic_prefix,
            partitions=settings.kafka_topic_partitions,
            replication_factor=settings.kafka_replication_factor,
            create_topics=settings.kafka_create_topics,
            security=settings.kafka_security(),
        )
    return in_process_bus


def database_context(settings: Settings) -> Context:
    async def context(_app: web.Application) -> AsyncIterator[None]:
        # Global fallback: aiohttp runs handlers in tasks that do not inherit the start-up
        # task's context, and Tortoise 1.x keeps its connections in a ContextVar.
        pool = PoolLimits(settings.db_pool_max if settings.db_pool_min is None else settings.db_pool_min,
                          settings.db_pool_max, settings.db_acquire_timeout_seconds,
                          settings.db_statement_timeout_seconds,
                          warm_ups=sending.warm_ups if settings.db_pool_warm else None)
        await Tortoise.init(config=tortoise_config(settings.database_url, pool), _enable_global_fallback=True)
        if settings.is_postgres:
            await warn_without_autovacuum()
        try:
            yield
        finally:
            await Tortoise.close_connections()

    return context


async def warn_without_autovacuum() -> None:
    """Serving goes on (an operator may vacuum by hand), but the log says what it costs."""
    _, rows = await connections.get("default").execute_query(VACUUM_STATE)
    problem = vacuum_problem(*rows[0])
    if problem:
        log.warning("database_autovacuum_off", problem=problem)


async def database_ready() -> None:
    await connections.get("default").execute_query("SELECT 1")


def redis_context(client: Redis, health: RedisHealth) -> Context:
    """The shared client, and the probe that notices Redis coming back after an outage."""

    async def context(_app: web.Application) -> AsyncIterator[None]:
        probe = asyncio.create_task(health.run(), name="redis-probe")
        try:
            yield
        finally:
            probe.cancel()
            await bounded("redis_probe_stop", asyncio.gather(probe, return_exceptions=True))
            await bounded("redis_close", client.aclose())

    return context


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
        unregister = uow.observe_commits(relay.wake)
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


def accept_guard_context(payments: PaymentCases) -> Context:
    """For the app's lifetime, bookings ask the payments before an acceptance (the check itself
    says yes unless PAYMENT_REQUIRED_TO_ACCEPT is on)."""

    async def context(_app: web.Application) -> AsyncIterator[None]:
        remove = guard_accept(payments.accept_guard)
        try:
            yield
        finally:
            remove()

    return context
