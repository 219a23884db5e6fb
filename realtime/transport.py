"""Per-message websocket compression, decided by a setting instead of by accident.

aiohttp's `WebSocketResponse` accepts `permessage-deflate` whenever a client offers it
(browsers always do) and python-engineio 4.15's aiohttp driver builds it with the default,
with no option to change that. Deflating every frame for every client cost two thirds of the
broadcast throughput in our benchmark, while our frames are small JSON. So the server gets its
own copy of the driver table with a websocket wrapper that passes `compress` explicitly.
"""

from __future__ import annotations

from typing import Any

import socketio
from aiohttp.web import WebSocketResponse
from engineio.async_drivers.aiohttp import WebSocket as EngineIOWebSocket


def _websocket_class(compress: bool) -> type[EngineIOWebSocket]:
    class WebSocket(EngineIOWebSocket):  # type: ignore[misc]
        async def __call__(self, environ: dict[str, Any]) -> WebSocketResponse:
            # Same as the driver's __call__, plus `compress`.
            request = environ["aiohttp.request"]
            self._sock = WebSocketResponse(max_msg_size=self.server.max_http_buffer_size, compress=compress)
            await self._sock.prepare(request)
            self.environ = environ
            await self.handler(self)
            return self._sock

    return WebSocket


def set_websocket_compression(sio: socketio.AsyncServer, enabled: bool) -> None:
    # A copy: the driver module's `_async` dict is shared by every server in the process.
    sio.eio._async = {**sio.eio._async, "websocket": _websocket_class(enabled)}
    # Long-polling responses follow the same decision (engine.io gzips bodies over 1 KiB).
    sio.eio.http_compression = enabled


def release_polls_on_client_close(sio: socketio.AsyncServer) -> None:
    """Answer a long-polling client's pending GET as soon as it says goodbye.

    When a polling client sends CLOSE, python-engineio closes the socket without waking the GET
    the client still has open, so that request (and a python client's `disconnect()`, which
    waits for it) hangs for ping_interval + ping_timeout. Node's engine.io answers it at once;
    so do we, by pushing the queue's end marker, which makes the poll return empty.
    """
    eio = sio.eio
    socketio_handler = eio.handlers["disconnect"]

    async def on_disconnect(eio_sid: str, reason: str | None = None) -> None:
        await socketio_handler(eio_sid, reason)
        sock = eio.sockets.get(eio_sid)
        if sock is not None and not sock.upgraded and reason == eio.reason.CLIENT_DISCONNECT:
            sock.queue.put_nowait(None)

    eio.on("disconnect", on_disconnect)
