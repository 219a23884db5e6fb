"""Revocation markers in Redis, broadcast on a pub/sub channel to every server process.

Markers expire a little after the longest-lived access token could. The listener task
re-subscribes after a Redis outage (python-socketio's own listener has been seen to die
silently; ours logs and retries), so a revocation is never missed for long.
"""

from __future__ import annotations

import asyncio
import time

import orjson
import structlog
from redis.asyncio import Redis

from domain.accounts.revocation import Listener, Revocation
from domain.accounts.tokens import AccessClaims
from infra.shutdown import bounded

log = structlog.get_logger(__name__)


class RedisRevocationStore:
    def __init__(self, client: Redis, listen_client: Redis, ttl_seconds: int, prefix: str = "revoked:") -> None:
        self._client = client
        # Pub/sub blocks between messages: it needs a client without a read timeout.
        self._listen_client = listen_client
        self._ttl = ttl_seconds + 60
        self._prefix = prefix
        self._channel = f"{prefix}events"
        self._listeners: list[Listener] = []
        self._task: asyncio.Task[None] | None = None

    async def revoke(self, revocation: Revocation) -> None:
        stamp = revocation.at_ms or int(time.time() * 1000)
        key = (
            f"{self._prefix}user:{revocation.user_id}"
            if revocation.session_id is None
            else f"{self._prefix}session:{revocation.session_id}"
        )
        message = orjson.dumps({"user_id": revocation.user_id, "session_id": revocation.session_id, "at": stamp})
        async with self._client.pipeline(transaction=True) as pipe:
            await pipe.set(key, stamp, ex=self._ttl).publish(self._channel, message).execute()

    async def is_revoked(self, claims: AccessClaims) -> bool:
        keys = [f"{self._prefix}user:{claims.user_id}"]
        if claims.session_id is not None:
            keys.append(f"{self._prefix}session:{claims.session_id}")
        values = await self._client.mget(keys)
        user_mark = values[0]
        if user_mark is not None and claims.issued_at_ms <= int(user_mark):
            return True
        return len(values) > 1 and values[1] is not None

    def listen(self, listener: Listener) -> None:
        self._listeners.append(listener)

    async def start(self) -> None:
        self._task = asyncio.create_task(self._listen_forever(), name="revocation-listener")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await bounded("revocation_listener_stop", asyncio.gather(self._task, return_exceptions=True))
        await bounded("revocation_redis_close", self._listen_client.aclose())

    async def _listen_forever(self) -> None:
        delay = 0.1
        while True:
            try:
                async with self._listen_client.pubsub() as pubsub:
                    await pubsub.subscribe(self._channel)
                    delay = 0.1
                    async for message in pubsub.listen():
                        if message.get("type") == "message":
                            await self._dispatch(message["data"])
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("revocation_listener_reconnecting", error=repr(exc), retry_in=delay)
                await asyncio.sleep(delay)
                delay = min(5.0, delay * 2)

    async def _dispatch(self, raw: bytes) -> None:
        try:
            body = orjson.loads(raw)
            revocation = Revocation(str(body["user_id"]), body.get("session_id"), body.get("at"))
        except (orjson.JSONDecodeError, KeyError, TypeError):
            log.warning("revocation_message_malformed")
            return
        for listener in list(self._listeners):
            try:
                await listener(revocation)
            except Exception:
                log.exception("revocation_listener_failed", user_id=revocation.user_id)
