"""The operator alerts' deduplication gate on Redis (domain/shared/alerts.py): one `SET NX PX`
per alert key, shared by every process of the deployment, so an alert raised by each replica's
run of the same job goes out once. While Redis is away, this process's memory decides."""

from __future__ import annotations

from redis.asyncio import Redis

from domain.shared.alerts import MemoryGate
from infra.dependencies import RedisHealth


class RedisAlertGate:
    def __init__(self, client: Redis, health: RedisHealth, prefix: str = "fieldsync:alert") -> None:
        self._client, self._health, self._prefix = client, health, prefix
        self._memory = MemoryGate()

    async def first(self, key: str, window_seconds: float) -> bool:
        async def shared() -> bool:
            return bool(await self._client.set(f"{self._prefix}:{key}", "1", nx=True,
                                               px=max(int(window_seconds * 1000), 1)))

        return await self._health.call("alert_gate", shared, lambda: self._memory.first(key, window_seconds))
