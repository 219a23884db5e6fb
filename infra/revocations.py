"""Revocation markers in Redis, broadcast on a pub/sub channel to every server process.

Markers expire a little after the longest-lived access token could. The listener task
re-subscribes after a Redis outage (python-socketio's own listener has been seen to die
silently; ours logs and retries). Pub/sub drops what is published while a subscriber is away,
so every revocation is also logged in a sorted set (`<prefix>log`, scored by its time, trimmed
to the markers' lifetime); after re-subscribing, the listener replays the log from a little
before it last knew itself subscribed, and the sockets a missed revocation ended are closed.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import orjson
import structlog
from redis.asyncio import Redis

from domain.accounts.revocation import Listener, Revocation
from domain.accounts.tokens import AccessClaims
from infra.metrics import PUBSUB_RECONNECTS
from infra.shutdown import bounded

log = structlog.get_logger(__name__)

# Other processes stamp revocations with their own clocks.
_CLOCK_MARGIN_MS = 5_000


class RedisRevocationStore:
    def __init__(self, client: Redis, listen_client: Redis, ttl_seconds: int, prefix: str = "revoked:") -> None:
        self._client = client
        # Pub/sub blocks between messages: it needs a client without a read timeout.
        self._listen_client = listen_client
        self._ttl = ttl_seconds + 60
        self._prefix = prefix
        self._channel = f"{prefix}events"
        self._log = f"{prefix}log"
        self._listeners: list[Listener] = []
        self._task: asyncio.Task[None] | None = None
        # ms since the epoch at which this process last knew its subscription to be live;
        # None until the first subscription (nothing before it can concern our sockets).
        self._live_at: int | None = None
        self.replayed = 0

    async def revoke(self, revocation: Revocation) -> None:
        stamp = revocation.at_ms or int(time.time() * 1000)
        key = (
            f"{self._prefix}user:{revocation.user_id}"
            if revocation.session_id is None
            else f"{self._prefix}session:{revocation.session_id}"
        )
        message = orjson.dumps({"user_id": revocation.user_id, "session_id": revocation.session_id, "at": stamp})
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.set(key, stamp, ex=self._ttl)
            pipe.zadd(self._log, {message: stamp})
            pipe.zremrangebyscore(self._log, "-inf", stamp - self._ttl * 1000)
            pipe.expire(self._log, self._ttl)
            pipe.publish(self._channel, message)
            await pipe.execute()

    async def is_revoked(self, claims: AccessClaims) -> bool:
        return self.revoked_by(claims, await self._client.mget(self.marker_keys(claims)))

    def marker_keys(self, claims: AccessClaims) -> list[str]:
        """The markers that would revoke these claims: the user's, then the session's (if any).
        The REST gate reads them in the rate limit's round trip (infra/request_gate.py)."""
        keys = [f"{self._prefix}user:{claims.user_id}"]
        if claims.session_id is not None:
            keys.append(f"{self._prefix}session:{claims.session_id}")
        return keys

    @staticmethod
    def revoked_by(claims: AccessClaims, values: list[Any]) -> bool:
        """The verdict on the values of `marker_keys(claims)`, in that order (None: no marker)."""
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
                    subscribed_at = int(time.time() * 1000)
                    if self._live_at is not None:  # not the first subscription: a reconnect
                        PUBSUB_RECONNECTS.labels("revocations").inc()
                        await self._replay_since(self._live_at)
                    self._live_at = subscribed_at
                    delay = 0.1
                    async for message in pubsub.listen():
                        if message.get("type") == "message":
                            self._live_at = int(time.time() * 1000)
                            await self._dispatch(message["data"])
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("revocation_listener_reconnecting", error=repr(exc), retry_in=delay)
                await asyncio.sleep(delay)
                delay = min(5.0, delay * 2)

    async def _replay_since(self, live_at_ms: int) -> None:
        """The revocations logged since the subscription was last known live (less a margin
        for clocks of other processes), possibly missed meanwhile. Replaying one that did
        arrive is harmless: each closes only sockets whose token it ended."""
        missed = await self._client.zrangebyscore(self._log, live_at_ms - _CLOCK_MARGIN_MS, "+inf")
        if missed:
            log.info("revocations_replayed", count=len(missed))
        for raw in missed:
            self.replayed += 1
            await self._dispatch(raw)

    async def _dispatch(self, raw: Any) -> None:
        try:
            body = orjson.loads(raw)
            at = body.get("at")
            revocation = Revocation(str(body["user_id"]), body.get("session_id"), int(at) if at is not None else None)
        except (orjson.JSONDecodeError, KeyError, TypeError):
            log.warning("revocation_message_malformed")
            return
        for listener in list(self._listeners):
            try:
                await listener(revocation)
            except Exception:
                log.exception("revocation_listener_failed", user_id=revocation.user_id)
