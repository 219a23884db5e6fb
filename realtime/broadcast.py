"""Client managers with the one-encoding, no-task broadcast path (see realtime/engine.py).

`LocalFanout.emit` replaces python-socketio's local delivery: the packet is encoded once and
handed to each recipient's socket synchronously, instead of one `asyncio.Task` per recipient.
Emits that need a per-recipient packet (an ack callback) or carry binary attachments take
python-socketio's own path unchanged.

`FanoutRedisManager` is python-socketio's Redis manager with the same local delivery: its
`_handle_emit` (for this process's emits and for those other processes publish) ends in
`super().emit`, which the class order resolves to `LocalFanout.emit`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import socketio
from socketio import packet as sio_packet

from realtime.engine import PreparedPacket, deliver
from realtime.metrics import EVENTS_OUT

# Per namespace: (sid, event, data) -> whether that socket gets this emit. A namespace that
# must hold back some deliveries to some sockets (/feed: items a socket already got in its
# subscribe ack) registers one; it runs on the receiving process, after the Redis hop.
DeliveryFilter = Callable[[str, str, Any], bool]


class LocalFanout(socketio.AsyncManager):  # type: ignore[misc]
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
        for sid, eio_sid in self.get_participants(namespace, room):
            if sid in skip or (keep is not None and not keep(sid, event, data)):
                continue
            sock = sockets.get(eio_sid)
            if sock is not None:
                deliver(sock, prepared)
                delivered += 1
        if delivered:
            EVENTS_OUT.labels(namespace, event).inc(delivered)


class FanoutRedisManager(socketio.AsyncRedisManager, LocalFanout):  # type: ignore[misc]
    """Across processes through Redis pub/sub; local delivery by LocalFanout."""
