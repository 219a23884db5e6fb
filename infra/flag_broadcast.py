"""Flag changes broadcast to every server process on a Redis pub/sub channel (the same shape
as the revocation listener, infra/revocations.py). Each process reloads its flag cache when it
hears one, then tells its own sockets (domain/flags/services.py).

While Redis is down (the breaker, infra/dependencies.py) a change is handled by this process
at once; the others catch up within `FLAGS_REFRESH_SECONDS` (the `flags_refresh` job), as they
do for a message their listener missed while it was reconnecting."""

from __future__ import annotations

import asyncio
from typing import Any

import orjson
import structlog
from redis.asyncio import Redis

from domain.flags.broadcast import Listener, Message
from infra.dependencies import RedisHealth
from infra.metrics import PUBSUB_RECONNECTS
from infra.shutdown import bounded

log = structlog.get_logger(__name__)


class RedisFlagBroadcast:
    def __init__(self, client: Redis, listen_client: Redis, health: RedisHealth, channel: str) -> None:
        self._client = client
        self._listen_client = listen_client  # pub/sub blocks between messages: no read timeout
        self._health = health
        self._channel = channel
        self._listeners: list[Listener] = []
        self._task: asyncio.Task[None] | None = None
        self.subscribed = asyncio.Event()

    def listen(self, listener: Listener) -> None:
        self._listeners.append(listener)

    async def publish(self, message: Message) -> None:
        body = orjson.dumps(message)

        async def remote() -> None:
            await self._client.publish(self._channel, body)

        async def here() -> None:
            await self._dispatch(body)

        await self._health.call("flag_broadcast", remote, here)

    async def start(self) -> None:
        self._task = asyncio.create_task(self._listen_forever(), name="flag-listener")
        # A change published before this process listens is in the database it loaded at start.
        try:
            await asyncio.wait_for(self.subscribed.wait(), timeout=2.0)
        except TimeoutError:
            log.warning("flag_listener_not_subscribed_yet")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await bounded("flag_listener_stop", asyncio.gather(self._task, return_exceptions=True))
        await bounded("flag_redis_close", self._listen_client.aclose())

    async def _listen_forever(self) -> None:
        delay, ever = 0.1, False
        while True:
            try:
                async with self._listen_client.pubsub() as pubsub:
                    await pubsub.subscribe(self._channel)
                    if ever:
                        PUBSUB_RECONNECTS.labels("flags").inc()
                    ever, delay = True, 0.1
                    self.subscribed.set()
                    async for message in pubsub.listen():
                        if message.get("type") == "message":
                            await self._dispatch(message["data"])
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self.subscribed.clear()
                log.warning("flag_listener_reconnecting", error=repr(exc), retry_in=delay)
                await asyncio.sleep(delay)
                delay = min(5.0, delay * 2)

    async def _dispatch(self, raw: Any) -> None:
        try:
            message = orjson.loads(raw)
            if not isinstance(message, dict):
                raise TypeError("not an object")
        except (orjson.JSONDecodeError, TypeError):
            log.warning("flag_message_malformed")
            return
        for listener in list(self._listeners):
            try:
                await listener(message)
            except Exception:
                log.exception("flag_listener_failed")
