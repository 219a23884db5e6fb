"""A new websocket session's handshake without the HTTP middleware chain or python-engineio's
request translation (issue 19, target 4b: connects per second).

A client that opens a Socket.IO connection over a websocket sends one HTTP request,
`GET /socket.io/?EIO=4&transport=websocket` with `Upgrade: websocket`. On the stock path it went
through every REST middleware (problems, CORS, CSRF, control plane, rate limit, body limit:
none of which does anything for it), then python-engineio copied every header into a WSGI
environ and parsed the query string again, before the session was made. Here the outermost
middleware recognises exactly that request and opens the session itself, as python-engineio's
`handle_request` + `_handle_connect` would, with an environ of the keys a namespace's connect
handler reads (realtime/transport.py `KEPT_ENVIRON`).

What still happens for every such handshake, as before:
- the request's scope (`HandshakeHooks`, from the composition root: the request id, bound to the
  log context and sent back in `X-Request-ID`, the request's metrics and its log line);
- the new-connection limit per client address (realtime/limits.py `HandshakeLimit`);
- the Origin check python-engineio makes (an origin it would refuse takes the stock path, which
  refuses it);
- python-socketio's Engine.IO connect handler, then the websocket upgrade and the session's
  detach (realtime/transport.py, realtime/ws_session.py); the Socket.IO namespace connect (and
  with it authentication) comes with the client's first message, as before.

Without websocket compression (the default) the 101 is written here too (`_switch`): the headers
aiohttp's websocket response sends (Upgrade, Connection, Sec-WebSocket-Accept, Date, Server), then
the app's `on_response_prepare` ones, and the Engine.IO OPEN in the same write; the connection then
goes straight to its realtime/ws_session.py session (`adopt`). aiohttp's `WebSocketResponse`, its
reader, parser and writer, made only to be thrown away by the detach, are never built. Only a
request aiohttp would accept as it stands gets this (HTTP/1.1, version 13, a 16-byte key, no
subprotocol offered); anything else goes through python-engineio's upgrade as before.

Anything else (long-polling, an upgrade of an open session, a request with a body, repeated
headers, an Engine.IO version or parameter python-engineio would refuse) takes the stock path,
so every refusal is answered exactly as before.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from aiohttp.helpers import rfc822_formatted_time
from aiohttp.http import SERVER_SOFTWARE, HttpVersion11
from aiohttp.http_websocket import WS_KEY
from aiohttp.http_writer import _serialize_headers
from engineio import packet as eio_packet

from realtime.engine import FieldsyncSocket, frame_of
from realtime.transport import WebSockets, trim_environ
from realtime.ws_session import adopt

Handler = Callable[[web.Request], Any]


@dataclass(frozen=True)
class HandshakeHooks:
    """What the HTTP layer does around every request, for the handshakes that skip its chain:
    `begin(request)` returns a token that `end(request, token, status, seconds)` gets back."""

    begin: Callable[[web.Request], Any]
    end: Callable[[web.Request, Any, int, float], None]


def _single(headers: Any, name: str) -> str | None:
    """The header's one value; None when absent or repeated (python-engineio would join them)."""
    values = headers.getall(name, ())
    return values[0] if len(values) == 1 else None


class FastHandshake:
    def __init__(self, sio: Any, path: str, hooks: HandshakeHooks | None, websockets: WebSockets | None = None,
                 compress: bool = True) -> None:
        self.sio = sio
        self.eio = sio.eio
        self.path = path  # "/socket.io/"
        self.hooks = hooks
        # Without compression a new session is detached (realtime/ws_session.py) right after its 101:
        # then the 101 is written here (`_switch`), without aiohttp's WebSocketResponse, whose reader,
        # parser and writer the detach throws away. With compression: python-engineio's upgrade.
        self.websockets = websockets
        self.switches = websockets is not None and not compress

    def eligible(self, request: web.Request) -> bool:
        """A new websocket session that python-engineio would accept as it stands (else: the
        stock path, which answers it, refusals included, as it always did)."""
        if request.method != "GET" or request.path != self.path:
            return False
        query = request.query
        if (query.getall("EIO", ()) != ["4"] or query.get("transport") != "websocket" or "sid" in query
                or "j" in query or "websocket" not in self.eio.transports):
            return False
        headers = request.headers
        upgrade = _single(headers, "Upgrade")
        connection = _single(headers, "Connection")
        if upgrade is None or upgrade.lower() != "websocket" or connection is None:
            return False
        if "upgrade" not in (token.strip() for token in connection.lower().split(",")):
            return False
        if request.body_exists or (request.content_length or 0) > 0:
            return False
        if self.switches and not self._switchable(request):
            return False
        if "Origin" in headers:
            origin = _single(headers, "Origin")
            allowed = self.eio.cors_allowed_origins
            if origin is None:
                return False
            if allowed != [] and allowed != "*" and not (isinstance(allowed, list | tuple) and origin in allowed):
                return False  # python-engineio decides (same origin, a callable...): the stock path
        return True

    async def __call__(self, request: web.Request) -> web.StreamResponse:
        hooks = self.hooks
        token = hooks.begin(request) if hooks is not None else None
        started = time.perf_counter()
        status = 500
        try:
            response = await self._open(request)
            status = response.status
            return response
        finally:
            if hooks is not None:
                hooks.end(request, token, status, time.perf_counter() - started)

    async def _open(self, request: web.Request) -> web.StreamResponse:
        eio = self.eio
        limit = eio.handshake_limit
        if limit is not None:
            refusal: web.StreamResponse | None = await limit.refusal(request)
            if refusal is not None:
                return refusal
        if eio.start_service_task:  # python-engineio's _handle_connect from here on
            eio.start_service_task = False
            eio.service_task_handle = eio.start_background_task(eio._service_task)
        sid = eio.generate_id()
        sock = FieldsyncSocket(eio, sid)
        eio.sockets[sid] = sock
        opening = eio_packet.Packet(eio_packet.OPEN, {
            "sid": sid,
            "upgrades": eio._upgrades(sid, "websocket"),
            "pingTimeout": int(eio.ping_timeout * 1000),
            "pingInterval": int(eio.ping_interval + eio.ping_interval_grace_period) * 1000,
            "maxPayload": eio.max_http_buffer_size,
        })
        if not self.switches:
            await sock.send(opening)  # python-engineio's upgrade takes it off the queue (transport.py)
        environ = self._environ(request)
        ret = await eio._trigger_event("connect", sid, environ, run_async=False)
        if ret is not None and ret is not True:
            del eio.sockets[sid]
            eio.logger.warning("Application rejected connection")
            response: web.StreamResponse = await eio._make_response(eio._unauthorized(ret or None), environ)
            return response
        sock.schedule_ping()
        if self.switches:
            return await self._switch(request, sock, environ, frame_of(opening))
        response = await sock.handle_get_request(environ)
        if sock.closed and eio.sockets.get(sid) is sock:
            del eio.sockets[sid]  # the websocket ended under aiohttp's handler: done
        return response

    @staticmethod
    def _switchable(request: web.Request) -> bool:
        """What aiohttp's websocket handshake would accept, for the 101 `_switch` writes (anything
        else takes python-engineio's upgrade, which answers as it always did)."""
        headers = request.headers
        if request.version != HttpVersion11 or not request._message.upgrade or "Sec-WebSocket-Protocol" in headers:
            return False
        if _single(headers, "Sec-WebSocket-Version") != "13":
            return False
        key = _single(headers, "Sec-WebSocket-Key")
        try:
            return key is not None and len(base64.b64decode(key)) == 16
        except binascii.Error:
            return False

    async def _switch(self, request: web.Request, sock: FieldsyncSocket, environ: dict[str, Any],
                      opening: bytes) -> web.StreamResponse:
        """The 101 (the headers aiohttp's websocket response sends, then the app's
        `on_response_prepare` ones) and the Engine.IO OPEN in one write, then the connection goes
        to a realtime/ws_session.py session, as python-engineio's upgrade + detach would do."""
        key = request.headers["Sec-WebSocket-Key"]
        response = _Switched()
        headers = response.headers
        headers["Upgrade"] = "websocket"
        headers["Connection"] = "upgrade"
        # RFC 6455's accept value is defined with SHA-1 (aiohttp computes it the same way).
        accept = hashlib.sha1(key.encode() + WS_KEY, usedforsecurity=False).digest()
        headers["Sec-WebSocket-Accept"] = base64.b64encode(accept).decode()
        headers["Date"] = rfc822_formatted_time()
        headers["Server"] = SERVER_SOFTWARE
        await request._prepare_hook(response)  # the app's response headers (request id, security)
        transport = request.transport
        if transport is None or transport.is_closing():
            await self._abandon(sock)
            raise ConnectionResetError("Connection lost")
        transport.write(_serialize_headers("HTTP/1.1 101 Switching Protocols", headers) + opening)
        session = adopt(sock, request, self.eio.max_http_buffer_size)
        if session is None:
            await self._abandon(sock)
            return response
        assert self.websockets is not None
        self.websockets.add(session)
        trim_environ(environ, keep_request=False)
        return response

    async def _abandon(self, sock: FieldsyncSocket) -> None:
        """The client left during the handshake: end the session python-socketio was told of."""
        eio = self.eio
        try:
            await sock.close(wait=False, abort=True, reason=eio.reason.TRANSPORT_CLOSE)
        finally:
            if eio.sockets.get(sock.sid) is sock:
                del eio.sockets[sock.sid]

    @staticmethod
    def _environ(request: web.Request) -> dict[str, Any]:
        """What python-engineio's connect and upgrade read, and what a connect handler may
        (realtime/transport.py `KEPT_ENVIRON`), which trims it once the websocket is open."""
        headers = request.headers
        environ: dict[str, Any] = {
            "aiohttp.request": request,
            "REQUEST_METHOD": "GET",
            "PATH_INFO": request.path,
            "QUERY_STRING": request.query_string,
            "HTTP_CONNECTION": headers["Connection"],
            "HTTP_UPGRADE": headers["Upgrade"],
        }
        version = headers.get("X-App-Version")
        if version is not None:
            environ["HTTP_X_APP_VERSION"] = ",".join(headers.getall("X-App-Version"))
        return environ


class _Switched(web.StreamResponse):
    """The 101 `FastHandshake._switch` wrote: aiohttp's end of the request sends nothing more."""

    def __init__(self) -> None:
        super().__init__(status=101)

    async def prepare(self, request: web.BaseRequest) -> None:
        return None

    async def write_eof(self, data: bytes = b"") -> None:
        return None


def fast_handshake_middleware(sio: Any, path: str, hooks: HandshakeHooks | None,
                              websockets: WebSockets | None = None, compress: bool = True) -> Any:
    """The outermost middleware: a new websocket session goes straight to `FastHandshake`."""
    fast = FastHandshake(sio, path, hooks, websockets, compress)

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path == fast.path and fast.eligible(request):
            return await fast(request)
        response: web.StreamResponse = await handler(request)
        return response

    return middleware
