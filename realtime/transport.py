"""The engine.io transports, adjusted where python-engineio's defaults hurt us.

- Per-message websocket compression is decided by a setting instead of by accident. aiohttp's
  `WebSocketResponse` accepts `permessage-deflate` whenever a client offers it (browsers always
  do) and python-engineio 4.15's aiohttp driver builds it with the default, with no option to
  change that. Deflating every frame for every client cost two thirds of the broadcast
  throughput in our benchmark, while our frames are small JSON. So the server gets its own copy
  of the driver table, with a websocket wrapper that passes `compress` explicitly and keeps
  track of open websockets for shutdown. Its response takes the client's PONGs as they are
  parsed (realtime/ws_response.py): an idle websocket wakes no task.
- A new websocket session (no compression) leaves aiohttp's request handler once its 101 is
  out: a small protocol object of its own runs it (realtime/ws_session.py), and an idle socket
  then holds no request, handler chain or task. An upgrade from long-polling, or a compressed
  stream, runs our loop under aiohttp's handler (realtime/engine.py: `run_websocket`). Both
  let the broadcast path write prepared frames directly to idle clients.
- The 101 response and a new session's Engine.IO OPEN packet leave in one write (aiohttp holds
  the 101's headers until the first payload): one system call per handshake less.
- A long-polling client's goodbye is answered at once (release_polls_on_client_close).
- Once a websocket is open, its Engine.IO environ (python-engineio's WSGI-style copy of every
  request header, kept by python-socketio for the socket's whole life) keeps only what a
  namespace's connect handler reads (`KEPT_ENVIRON`); under aiohttp's handler every header is
  still in `environ["aiohttp.request"].headers`; a detached session drops the request too.
"""

from __future__ import annotations

import asyncio
import weakref
from typing import Any

import socketio
from aiohttp import WSCloseCode
from aiohttp.web import WebSocketResponse
from engineio.async_drivers.aiohttp import WebSocket as EngineIOWebSocket

from realtime.engine import opening_frame, run_websocket
from realtime.ws_response import EngineWebSocketResponse
from realtime.ws_session import WebSocketSession, detach

# What a connect handler may read from the environ of a websocket session (realtime/base.py
# `_check_app` reads the app version); the request itself holds every header. At most five
# keys: the smallest dict python allocates.
KEPT_ENVIRON = ("aiohttp.request", "REQUEST_METHOD", "PATH_INFO", "QUERY_STRING", "HTTP_X_APP_VERSION")


def trim_environ(environ: dict[str, Any], keep_request: bool = True) -> None:
    """Shrink the environ in place (python-socketio and python-engineio hold the same dict).
    A detached session (realtime/ws_session.py) drops the request too: nothing reads it later,
    and it holds the whole HTTP request and aiohttp's request handler."""
    kept = {key: environ[key] for key in KEPT_ENVIRON if key in environ and (keep_request or key != "aiohttp.request")}
    environ.clear()
    environ.update(kept)


class WebSockets:
    """The engine.io websockets open on one server, so shutdown can close them itself: aiohttp's
    responses, and the detached sessions (realtime/ws_session.py), which aiohttp no longer knows."""

    def __init__(self) -> None:
        self._open: weakref.WeakSet[WebSocketResponse | WebSocketSession] = weakref.WeakSet()

    def add(self, ws: WebSocketResponse | WebSocketSession) -> None:
        self._open.add(ws)

    async def close_all(self, timeout: float) -> int:
        """Send every open websocket a close frame (1001, going away) and drop its transport.

        Needed on shutdown because aiohttp stops reading from every connection before it runs
        on_shutdown (RequestHandler.data_received returns early once the handler is closing):
        the client's reply to an engine.io CLOSE never arrives, so the engine.io handler would
        wait for it until aiohttp cancels it at the end of the grace period. Closing from our
        side wakes the handler's reader (aiohttp feeds it a CLOSING message) and it returns.
        """
        sockets = [ws for ws in list(self._open) if not ws.closed]
        if sockets:
            # Bounded: a websocket whose reader is not waiting would wait for the client's
            # close reply, which aiohttp no longer reads.
            tasks = [
                asyncio.create_task(ws.close(code=WSCloseCode.GOING_AWAY, message=b"server shutting down"))
                for ws in sockets
            ]
            _done, pending = await asyncio.wait(tasks, timeout=timeout)
            for task in pending:
                task.cancel()
        return len(sockets)


def _websocket_class(compress: bool, registry: WebSockets) -> type[EngineIOWebSocket]:
    class WebSocket(EngineIOWebSocket):  # type: ignore[misc]
        async def __call__(self, environ: dict[str, Any]) -> WebSocketResponse:
            # Same as the driver's __call__, plus `compress`, the registry and our session loop
            # (`handler` is the engine.io socket's bound `_websocket_handler`: we run ours).
            request = environ["aiohttp.request"]
            self._sock = EngineWebSocketResponse(max_msg_size=self.server.max_http_buffer_size, compress=compress)
            await self._sock.prepare(request)
            sock = self.handler.__self__
            # The 101 and, for a new session, the Engine.IO OPEN: one write (the OPEN waits in
            # the queue, where python-engineio put it before the upgrade).
            await self._sock.send_headers(opening_frame(sock))
            # Nothing awaited since the 101 went out: a new session is handed to a session
            # object of its own and this handler returns (realtime/ws_session.py).
            if not sock.connected and not self._sock.compress:
                session = detach(sock, request, self._sock, self.server.max_http_buffer_size)
                if session is not None:
                    registry.add(session)
                    trim_environ(environ, keep_request=False)
                    return self._sock
            registry.add(self._sock)
            trim_environ(environ)  # nothing past this point reads the rest (python-engineio included)
            self.environ = environ
            transport = request.transport
            if transport is None:  # the client left during the handshake
                return self._sock
            await run_websocket(sock, self, self._sock, transport)
            return self._sock

    return WebSocket


def install_websocket_transport(sio: socketio.AsyncServer, compress: bool) -> WebSockets:
    registry = WebSockets()
    # A copy: the driver module's `_async` dict is shared by every server in the process.
    sio.eio._async = {**sio.eio._async, "websocket": _websocket_class(compress, registry)}
    # Long-polling responses follow the same decision (engine.io gzips bodies over 1 KiB).
    sio.eio.http_compression = compress
    return registry


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
