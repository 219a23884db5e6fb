"""Degraded dependencies: Redis and Kafka may go away without taking the API with them.

`RedisHealth` is one circuit breaker per process, shared by every Redis user (rate limits,
revocations, presence, Socket.IO fan-out). The first failed call opens it (one log line, the
gauge drops to 0); while it is open every caller takes its in-process fallback at once instead
of paying a connect timeout per request. A probe pings Redis every `probe_interval` seconds;
the first answer closes the breaker again (one log line, recovery hooks run) without a restart.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import structlog
from prometheus_client import Counter, Gauge
from redis.asyncio import BlockingConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

log = structlog.get_logger(__name__)

T = TypeVar("T")

DEPENDENCY_UP = Gauge(
    "fieldsync_dependency_up",
    "1 while a dependency answers, 0 while this process works around its outage.",
    ["dependency"],
)
DEGRADED = Counter(
    "fieldsync_degraded_operations_total",
    "Operations served by an in-process fallback because a dependency was down.",
    ["dependency", "operation"],
)

# What "Redis is not there" looks like from redis-py (refused, reset, timed out, loading).
REDIS_DOWN = (RedisError, OSError, asyncio.TimeoutError)

Hook = Callable[[], Awaitable[None]]


class RedisHealth:
    def __init__(self, client: Redis, probe_interval: float = 1.0, name: str = "redis") -> None:
        self.name = name
        self._client = client
        self._probe_interval = probe_interval
        self._up = True
        self._down = asyncio.Event()
        self._hooks: list[Hook] = []
        DEPENDENCY_UP.labels(name).set(1)

    @property
    def up(self) -> bool:
        return self._up

    def on_recovery(self, hook: Hook) -> None:
        """Run `hook` each time Redis answers again (e.g. replay what was kept locally)."""
        self._hooks.append(hook)

    def failed(self, operation: str, exc: BaseException) -> None:
        """A call found Redis unreachable: open the breaker (logged once per outage)."""
        if self._up:
            self._up = False
            self._down.set()
            DEPENDENCY_UP.labels(self.name).set(0)
            log.warning("dependency_down", dependency=self.name, operation=operation,
                        error=f"{type(exc).__name__}: {exc}"[:200], fallback="in-process")

    def degraded(self, operation: str) -> None:
        DEGRADED.labels(self.name, operation).inc()

    async def call(self, operation: str, primary: Callable[[], Awaitable[T]],
                   fallback: Callable[[], Awaitable[T]]) -> T:
        """`primary` while Redis is up; `fallback` while it is down or when `primary` finds it gone."""
        if self._up:
            try:
                return await primary()
            except REDIS_DOWN as exc:
                self.failed(operation, exc)
        self.degraded(operation)
        return await fallback()

    async def check(self) -> None:
        """One ping (the readiness report and the probe): raises while Redis is down."""
        try:
            await self._client.ping()
        except REDIS_DOWN as exc:
            self.failed("ping", exc)
            raise
        await self._recovered()

    async def _recovered(self) -> None:
        if self._up:
            return
        self._up = True
        self._down.clear()
        DEPENDENCY_UP.labels(self.name).set(1)
        log.info("dependency_up", dependency=self.name)
        for hook in list(self._hooks):
            try:
                await hook()
            except Exception as exc:  # a hook failing must not stop the others (nor the probe)
                log.warning("dependency_recovery_hook_failed", dependency=self.name, error=repr(exc))

    async def run(self) -> None:
        """The probe: idle while Redis is up, a ping every `probe_interval` while it is down."""
        while True:
            await self._down.wait()
            await asyncio.sleep(self._probe_interval)
            try:
                await self.check()
            except REDIS_DOWN:
                pass


REDIS_POOL_SIZE = 100  # redis-py's own default size
REDIS_POOL_WAIT_SECONDS = 2.0


def redis_client(url: str, options: dict[str, Any], *, max_connections: int = REDIS_POOL_SIZE,
                 wait_seconds: float = REDIS_POOL_WAIT_SECONDS) -> Redis:
    """A client whose pool waits (up to `wait_seconds`) for a free connection. redis-py's default
    pool raises MaxConnectionsError at once on the 101st concurrent command: a burst of publishes
    under load reached it, the error reads as a connection error, and the breaker then took a
    healthy Redis for down (fan-out to other processes skipped, limits and presence degraded)."""
    pool = BlockingConnectionPool.from_url(url, max_connections=max_connections, timeout=wait_seconds, **options)
    return Redis.from_pool(pool)


def redis_options(socket_timeout: float | None, connect_timeout: float, retries: int = 1) -> dict[str, Any]:
    """redis-py options for a client of ours: short timeouts, and one quick retry (a pooled
    connection Redis closed) instead of redis-py's default three with backoff, which made a
    dead Redis cost seconds per request. `socket_timeout=None` for pub/sub listeners, which
    block between messages. A listener that must know when it missed messages (the revocation
    log replay) takes `retries=0`: redis-py would otherwise reconnect and re-subscribe silently."""
    return {
        "socket_timeout": socket_timeout,
        "socket_connect_timeout": connect_timeout,
        "retry": Retry(NoBackoff(), retries),
        "health_check_interval": 15,
    }
