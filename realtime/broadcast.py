"""Client managers with the one-encoding, no-task broadcast path (see realtime/engine.py).

`LocalFanout.emit` replaces python-socketio's local delivery: the packet is encoded once and
handed to each recipient's socket synchronously, instead of one `asyncio.Task` per recipient.
Emits that need a per-recipient packet (an ack callback) or carry binary attachments take
python-socketio's own path unchanged.

Both also keep, per socket, the rooms it is in (`RoomIndex`): python-socketio's
`basic_disconnect` looks for a leaving socket in every room of its namespace, so with one room
per socket (its own) and one per user, a disconnect cost O(sockets) and a process's sockets all
leaving at once (a deploy, a network blip) cost O(sockets^2): minutes of CPU at 20,000 sockets.

`FanoutRedisManager` is python-socketio's Redis manager with the same local delivery: its
`_handle_emit` (for this process's emits and for those other processes publish) ends in
`super().emit`, which the class order resolves to `LocalFanout.emit`.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import AsyncIterator, Callable
from typing import Any

import socketio
import structlog
from socketio import packet as sio_packet

from infra.dependencies import REDIS_DOWN, RedisHealth, redis_client
from infra.metrics import PUBSUB_RECONNECTS, labelled
from realtime.engine import PreparedPacket, deliver
from realtime.metrics import EVENTS_OUT

log = structlog.get_logger(__name__)

# Per namespace: (sid, event, data) -> whether that socket gets this emit. A namespace that
# must hold back some deliveries to some sockets (/feed: items a socket already got in its
# subscribe ack) registers one; it runs on the receiving process, after the Redis hop.
DeliveryFilter = Callable[[str, str, Any], bool]
PUBLISH_BATCH = 500  # emits per Redis message (emit_many)
BATCH_METHOD = "emit_batch"  # our pub/sub method: several emits in one message


class RoomIndex(socketio.AsyncManager):  # type: ignore[misc]
    """python-socketio's room bookkeeping plus the rooms of each socket, so a disconnect leaves
    the socket's own rooms instead of testing every room of the namespace. The same rooms are
    left, in the order the socket entered them (its namespace's "connected" room first)."""

    _rooms_of: dict[tuple[str, str], dict[Any, None]] | None = None

    def basic_enter_room(self, sid: str, namespace: str, room: Any, eio_sid: str | None = None) -> None:
        super().basic_enter_room(sid, namespace, room, eio_sid)
        if self._rooms_of is None:
            self._rooms_of = {}
        self._rooms_of.setdefault((namespace, sid), {})[room] = None

    def basic_leave_room(self, sid: str, namespace: str, room: Any) -> None:
        super().basic_leave_room(sid, namespace, room)
        index = self._rooms_of
        rooms = index.get((namespace, sid)) if index else None
        if index is not None and rooms is not None:
            rooms.pop(room, None)
            if not rooms:
                del index[(namespace, sid)]

    def basic_disconnect(self, sid: str, namespace: str, **kwargs: Any) -> None:
        if namespace not in self.rooms:
            return
        entered = self._rooms_of.get((namespace, sid)) if self._rooms_of else None
        for room in list(entered or ()):
            self.basic_leave_room(sid, namespace, room)
        # The rest as python-socketio's BaseManager.basic_disconnect (5.18) does it.
        if sid in self.callbacks:
            del self.callbacks[sid]
        for pending in (self.pending_connect, self.pending_disconnect):
            if namespace in pending and sid in pending[namespace]:
                pending[namespace].remove(sid)
                if not pending[namespace]:
                    del pending[namespace]


class LocalFanout(RoomIndex):
    _delivery_filters: dict[str, DeliveryFilter] | None = None

    def set_delivery_filter(self, namespace: str, keep: DeliveryFilter) -> None:
        if self._delivery_filters is None:
            self._delivery_filters = {}
        self._delivery_filters[namespace] = keep

    async def emit(
        self,
        event: str,
        data: Any,
        namespace: str,
        room: Any = None,
        skip_sid: Any = None,
        callback: Any = None,
        to: Any = None,
        **kwargs: Any,
    ) -> None:
        room = to or room
        if callback is not None or namespace not in self.rooms:
            await super().emit(event, data, namespace, room=room, skip_sid=skip_sid, callback=callback, **kwargs)
            return
        # Who is here first: most emits of a fan-out (a feed item per recipient, every process
        # seeing every one) reach no socket of this process, and then nothing is encoded.
        participants = self.get_participants(namespace, room)
        first = next(participants, None)
        if first is None:
            return
        if isinstance(data, tuple):  # python-socketio's rule: a tuple is several arguments
            args = list(data)
        elif data is not None:
            args = [data]
        else:
            args = []
        encoded = self.server.packet_class(sio_packet.EVENT, namespace=namespace, data=[event, *args]).encode()
        if isinstance(encoded, list):  # binary attachments: several Engine.IO packets each
            await super().emit(event, data, namespace, room=room, skip_sid=skip_sid, **kwargs)
            return
        prepared = PreparedPacket(encoded)
        skip = skip_sid if isinstance(skip_sid, list) else [skip_sid]
        sockets = self.server.eio.sockets
        delivered = 0
        keep = self._delivery_filters.get(namespace) if self._delivery_filters else None
        for sid, eio_sid in itertools.chain((first,), participants):
            if sid in skip or (keep is not None and not keep(sid, event, data)):
                continue
            sock = sockets.get(eio_sid)
            if sock is not None:
                deliver(sock, prepared)
                delivered += 1
        if delivered:
            labelled(EVENTS_OUT, namespace, event).inc(delivered)


class FanoutRedisManager(socketio.AsyncRedisManager, LocalFanout):  # type: ignore[misc]
    """Across processes through Redis pub/sub; local delivery by LocalFanout.

    Through a Redis outage (python-socketio's weak spot): `emit` delivers to this process's
    sockets first (python-socketio's order), then publishes; the publish is skipped at once
    while the breaker (`health`) is open and never raises into the caller. Publishing uses a
    client with short timeouts; the listener its own, without a read timeout (it blocks
    between messages), and it resubscribes within `max_retry_sleep` of Redis coming back,
    where python-socketio backs off up to a minute."""

    def __init__(self, url: str, *, health: RedisHealth | None = None, redis_options: dict[str, Any] | None = None,
                 listen_options: dict[str, Any] | None = None, max_retry_sleep: float = 2.0,
                 **kwargs: Any) -> None:
        super().__init__(url, redis_options=redis_options, **kwargs)
        self.health = health
        self.listen_options = listen_options or {}
        self.max_retry_sleep = max_retry_sleep
        self.subscribed = False
        self._ever_subscribed = False
        self._listen_redis: Any = None

    def _redis_connect(self) -> None:
        self.redis = redis_client(self.redis_url, self.redis_options)
        if self._listen_redis is None:
            self._listen_redis = redis_client(self.redis_url, self.listen_options)
        self.pubsub = self._listen_redis.pubsub(ignore_subscribe_messages=True)
        self.connected = True

    async def _publish(self, data: Any) -> None:
        if self.health is not None and not self.health.up:
            self.health.degraded("fanout")
            return
        try:
            if not self.connected:
                self._redis_connect()
            await self.redis.publish(self.channel, self.json.dumps(data))
        except REDIS_DOWN as exc:
            self.connected = False
            if self.health is not None:
                self.health.failed("fanout", exc)
                self.health.degraded("fanout")
            else:
                log.warning("socketio_publish_failed", error=repr(exc))

    async def emit_many(self, event: str, namespace: str, batch: list[tuple[list[str], Any]]) -> None:
        """One event to many sets of rooms, each with its own JSON data (a feed item per
        recipient): each delivered here as `emit` delivers it, then published to the other
        processes PUBLISH_BATCH emits to one Redis message (`emit_batch`, unpacked by `_listen`
        into the emits python-socketio handles), all in one round trip: 5,000 feed items were
        5,000 PUBLISHes whose replies alone cost this process more than the rest of the emit."""
        emits = []
        for rooms, data in batch:
            message = {"method": "emit", "event": event, "data": [data], "binary": False, "namespace": namespace,
                       "room": rooms, "skip_sid": None, "callback": None, "host_id": self.host_id}
            await self._handle_emit(message)  # this process's sockets, as python-socketio's emit does
            emits.append((rooms, data))
        await self._publish_all([
            self.json.dumps({"method": BATCH_METHOD, "event": event, "namespace": namespace,
                             "emits": emits[start:start + PUBLISH_BATCH], "host_id": self.host_id})
            for start in range(0, len(emits), PUBLISH_BATCH)])

    async def _listen(self) -> AsyncIterator[Any]:
        """python-socketio's messages, with each `emit_batch` unpacked into its emits (in order);
        the process's own batches are skipped, as python-socketio skips its own emits."""
        async for raw in super()._listen():
            message = raw
            if not isinstance(raw, dict):
                try:
                    message = self.json.loads(raw)
                except ValueError:
                    continue  # not ours (python-socketio ignores what it cannot parse)
            if not isinstance(message, dict) or message.get("method") != BATCH_METHOD:
                yield message
                continue
            if message.get("host_id") == self.host_id:
                continue
            for rooms, data in message.get("emits") or ():
                yield {"method": "emit", "event": message["event"], "data": [data], "binary": False,
                       "namespace": message["namespace"], "room": rooms, "skip_sid": None, "callback": None,
                       "host_id": message["host_id"]}

    async def _publish_all(self, messages: list[str]) -> None:
        if self.health is not None and not self.health.up:
            self.health.degraded("fanout")
            return
        try:
            if not self.connected:
                self._redis_connect()
            async with self.redis.pipeline(transaction=False) as pipe:
                for message in messages:
                    pipe.publish(self.channel, message)
                await pipe.execute()
        except REDIS_DOWN as exc:
            self.connected = False
            if self.health is not None:
                self.health.failed("fanout", exc)
                self.health.degraded("fanout")
            else:
                log.warning("socketio_publish_failed", error=repr(exc))

    async def _redis_listen_with_retries(self) -> AsyncIterator[Any]:
        retry_sleep = 0.1
        while True:
            try:
                if not self.subscribed:
                    if self.pubsub is not None:
                        with contextlib.suppress(Exception):
                            await self.pubsub.aclose()
                    self._redis_connect()
                    await self.pubsub.subscribe(self.channel)
                    if self._ever_subscribed:
                        PUBSUB_RECONNECTS.labels("socketio").inc()
                    self.subscribed = self._ever_subscribed = True
                    retry_sleep = 0.1
                async for message in self.pubsub.listen():
                    yield message
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if self.subscribed:
                    log.warning("socketio_listener_reconnecting", error=repr(exc))
                self.subscribed = False
                await asyncio.sleep(retry_sleep)
                retry_sleep = min(self.max_retry_sleep, retry_sleep * 2)

    async def aclose(self) -> None:
        for client in (self.pubsub, self.redis, self._listen_redis):
            if client is not None:
                with contextlib.suppress(Exception):
                    await client.aclose()
