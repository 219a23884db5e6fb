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

Anything else (long-polling, an upgrade of an open session, a request with a body, repeated
headers, an Engine.IO version or parameter python-engineio would refuse) takes the stock path,
so every refusal is answered exactly as before.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from engineio import packet as eio_packet

from realtime.engine import FieldsyncSocket

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
    def __init__(self, sio: Any, path: str, hooks: HandshakeHooks | None) -> None:
        self.sio = sio
        self.eio = sio.eio
        self.path = path  # "/socket.io/"
        self.hooks = hooks

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
        await sock.send(eio_packet.Packet(eio_packet.OPEN, {
            "sid": sid,
            "upgrades": eio._upgrades(sid, "websocket"),
            "pingTimeout": int(eio.ping_timeout * 1000),
            "pingInterval": int(eio.ping_interval + eio.ping_interval_grace_period) * 1000,
            "maxPayload": eio.max_http_buffer_size,
        }))
        environ = self._environ(request)
        ret = await eio._trigger_event("connect", sid, environ, run_async=False)
        if ret is not None and ret is not True:
            del eio.sockets[sid]
            eio.logger.warning("Application rejected connection")
            response: web.StreamResponse = await eio._make_response(eio._unauthorized(ret or None), environ)
            return response
        sock.schedule_ping()
        response = await sock.handle_get_request(environ)
        if sock.closed and eio.sockets.get(sid) is sock:
            del eio.sockets[sid]  # the websocket ended under aiohttp's handler: done
        return response

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


def fast_handshake_middleware(sio: Any, path: str, hooks: HandshakeHooks | None) -> Any:
    """The outermost middleware: a new websocket session goes straight to `FastHandshake`."""
    fast = FastHandshake(sio, path, hooks)

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path == fast.path and fast.eligible(request):
            return await fast(request)
        response: web.StreamResponse = await handler(request)
        return response

    return middleware
