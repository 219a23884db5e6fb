"""The instance registry on Redis: every server process announces itself (id, version, commit,
started_at, pid, host, its jobs' last successes) in one hash shared by the deployment, from a
periodic job (app/jobs.py). The hash expires unless refreshed; entries not refreshed within the
TTL (a process that died) are left out of reads and deleted by the next announcement.

    instances:{<channel>}   hash: instance id -> JSON of its announcement

Keyed by the Socket.IO channel like presence: processes that share fan-out are one deployment.
While Redis is down (the breaker, infra/dependencies.py) a process sees only itself."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any

import orjson
from redis.asyncio import Redis

from domain.operations.ports import MemoryInstances
from domain.operations.views import Instance
from domain.shared.clock import isoformat, utcnow
from infra.dependencies import RedisHealth


def _encode(me: Instance) -> bytes:
    return orjson.dumps({"id": me.id, "version": me.version, "commit": me.commit, "pid": me.pid, "host": me.host,
                         "started_at": isoformat(me.started_at), "seen_at": isoformat(me.seen_at),
                         "jobs": {name: isoformat(at) for name, at in me.jobs.items()}})


def _decode(raw: bytes | str) -> Instance | None:
    try:
        d: dict[str, Any] = orjson.loads(raw)
        return Instance(id=str(d["id"]), version=str(d["version"]), commit=str(d["commit"]), pid=int(d["pid"]),
                        host=str(d["host"]), started_at=datetime.fromisoformat(d["started_at"]),
                        seen_at=datetime.fromisoformat(d["seen_at"]),
                        jobs={str(k): datetime.fromisoformat(v) for k, v in dict(d.get("jobs") or {}).items()})
    except (ValueError, KeyError, TypeError):  # another build's shape: not ours to show
        return None


class RedisInstances:
    def __init__(self, client: Redis, health: RedisHealth, channel: str, ttl_seconds: float) -> None:
        self._client = client
        self._health = health
        self._key = f"instances:{{{channel}}}"
        self._ttl = timedelta(seconds=ttl_seconds)
        self._memory = MemoryInstances()  # this process, for when Redis is down

    async def announce(self, me: Instance) -> None:
        await self._memory.announce(me)

        async def primary() -> None:
            async with self._client.pipeline(transaction=True) as pipe:
                pipe.hset(self._key, me.id, _encode(me))
                pipe.expire(self._key, math.ceil(self._ttl.total_seconds() * 2))
                pipe.hgetall(self._key)
                *_, entries = await pipe.execute()
            stale = [field for field, raw in entries.items() if not self._alive(_decode(raw), me.seen_at)]
            if stale:
                await self._client.hdel(self._key, *stale)

        async def nothing() -> None:
            return None

        await self._health.call("instance_announce", primary, nothing)

    async def live(self) -> tuple[list[Instance], str]:
        async def primary() -> tuple[list[Instance], str]:
            now = utcnow()
            found = [_decode(raw) for raw in (await self._client.hgetall(self._key)).values()]
            return [i for i in found if i is not None and self._alive(i, now)], "redis"

        async def fallback() -> tuple[list[Instance], str]:
            mine, _ = await self._memory.live()
            return mine, "redis down: this process only"

        return await self._health.call("instance_list", primary, fallback)

    def _alive(self, instance: Instance | None, now: datetime) -> bool:
        return instance is not None and now - instance.seen_at <= self._ttl
