"""Our Redis clients wait for a free pooled connection instead of failing: redis-py's default pool
raised MaxConnectionsError on the 101st concurrent command, which the breaker read as Redis down."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from redis.asyncio import Redis
from redis.exceptions import MaxConnectionsError

from infra.dependencies import redis_client, redis_options


def _waits(client: Redis, n: int) -> list[Any]:
    # Each holds its connection ~0.1 s: a blocking pop on a list that stays empty.
    return [client.blpop([f"fieldsync-test-empty-{i}"], timeout=0.1) for i in range(n)]


async def test_more_concurrent_commands_than_pooled_connections_all_succeed(services: Any) -> None:
    client = redis_client(services.redis_url, redis_options(2.0, 1.0), max_connections=2, wait_seconds=5.0)
    try:
        assert await asyncio.gather(*_waits(client, 8)) == [None] * 8
        pool = client.connection_pool
        assert len(pool._available_connections) + len(pool._in_use_connections) <= 2  # never more than its size
    finally:
        await client.aclose()


async def test_redis_pys_default_pool_is_what_refused_the_burst(services: Any) -> None:
    client = Redis.from_url(services.redis_url, max_connections=2, **redis_options(2.0, 1.0))
    try:
        with pytest.raises(MaxConnectionsError):
            await asyncio.gather(*_waits(client, 8))
    finally:
        await client.aclose()
