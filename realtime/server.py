"""The Socket.IO server attached to the aiohttp app at /socket.io/."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

import socketio
import structlog
from aiohttp import web
from socketio import packet as sio_packet
from socketio.async_pubsub_manager import AsyncPubSubManager

from domain.presence.memory import MemoryPresenceStore
from domain.presence.store import PresenceStore
from domain.shared.ratelimit import RateLimiter
from infra.dependencies import RedisHealth, redis_options
from infra.shutdown import bounded
from realtime.broadcast import FanoutRedisManager, LocalFanout
from realtime.deps import RealtimeDeps
from realtime.fanout import RealtimeEmitter, server_emitter
from realtime.handshake import HandshakeHooks, fast_handshake_middleware
from realtime.limits import HandshakeLimit
from realtime.namespaces import build_namespaces
from realtime.presence_tracker import PresenceTracker
from realtime.revocation import disconnect_on_revocation
from realtime.sio import FieldsyncServer
from realtime.transport import WebSockets, install_websocket_transport, release_polls_on_client_close
from realtime.wire import JsonPacket, OrjsonCodec

__all__ = ["EMITTER", "PRESENCE", "SIO", "HandshakeHooks", "RealtimeDeps", "SocketServer", "allowed_origins",
           "make_socket_server", "mount_realtime", "pubsub_listener_check"]

log = structlog.get_logger(__name__)

SIO = web.AppKey("socketio_server", socketio.AsyncServer)
EMITTER = web.AppKey("realtime_emitter", RealtimeEmitter)
REALTIME_DEPS = web.AppKey("realtime_deps", RealtimeDeps)
PRESENCE = web.AppKey("presence_tracker", PresenceTracker)

# Share of the shutdown grace period for handing out CLOSE packets (half as much again for the
# websocket close frames); aiohttp needs the rest to let the socket handlers return and to run
# the cleanup contexts.
_CLOSE_SHARE = 0.4


def allowed_origins(configured: list[str]) -> list[str] | None:
    """python-socketio reads `[]` as "do not check Origin at all" and `None` as "same origin
    only". An empty CORS_ORIGINS must not open the socket to every web page, so it becomes
    None. Either way a client that sends no Origin (mobile apps, servers) is let through."""
    return list(configured) or None


def _client_manager(settings: object, health: RedisHealth | None) -> socketio.AsyncManager:
    """python-socketio's managers with our broadcast path (realtime/broadcast.py)."""
    redis_url = getattr(settings, "redis_url", None)
    if not redis_url:
        return LocalFanout()
    channel = getattr(settings, "socket_redis_channel", "fieldsync-socketio")
    timeout = float(getattr(settings, "redis_socket_timeout_seconds", 0.5))
    connect_timeout = float(getattr(settings, "redis_connect_timeout_seconds", 0.5))
    return FanoutRedisManager(
        redis_url, channel=channel, logger=logging.getLogger("realtime.redis"), health=health,
        redis_options=redis_options(timeout, connect_timeout),
        # No silent retry inside redis-py: the listener sees a dropped connection itself, so it
        # reports not subscribed while it is down and counts its reconnects.
        listen_options=redis_options(None, connect_timeout, retries=0),
    )


@dataclass(frozen=True)
class SocketServer:
    """The Socket.IO server, made before everything that emits through it (the emitter) or asks
    who is online (presence), and mounted on the app afterwards (`mount_realtime`)."""

    sio: FieldsyncServer
    emitter: RealtimeEmitter
    presence: PresenceTracker


def make_socket_server(settings: Any, *, redis_health: RedisHealth | None = None,
                       presence_store: PresenceStore | None = None, rate_limiter: RateLimiter | None = None,
                       client_ip: Callable[[web.Request], str] | None = None) -> SocketServer:
    sio = FieldsyncServer(
        max_queued_packets=settings.socket_max_queued_packets,
        max_event_bytes=settings.socket_max_event_bytes,
        connect_timeout=settings.socket_connect_timeout_seconds,
        async_mode="aiohttp",
        client_manager=_client_manager(settings, redis_health),
        cors_allowed_origins=allowed_origins(settings.cors_origins),
        cors_credentials=False,  # tokens travel in `auth`, never in cookies
        json=OrjsonCodec,
        serializer=JsonPacket,
        ping_interval=settings.socket_ping_interval_seconds,
        ping_timeout=settings.socket_ping_timeout_seconds,
        max_http_buffer_size=settings.socket_max_payload_bytes,
        logger=False,
        engineio_logger=False,
    )
    # python-socketio sets `json=` on the packet class only (JsonPacket): its base Packet keeps
    # orjson too, as before, so in-process clients (tests, tools) encode as the server does.
    sio_packet.Packet.json = OrjsonCodec
    if rate_limiter is not None and client_ip is not None:
        sio.eio.handshake_limit = HandshakeLimit(rate_limiter, settings.socket_handshakes_per_minute, client_ip)
    emitter = server_emitter(sio)
    presence = PresenceTracker(
        presence_store or MemoryPresenceStore(settings.presence_ttl_seconds),
        emitter,
        closed_among=lambda eio_sids: _engine_sockets_closed(sio, eio_sids),
    )
    return SocketServer(sio, emitter, presence)


def mount_realtime(app: web.Application, server: SocketServer, deps: RealtimeDeps,
                   handshake_hooks: HandshakeHooks | None = None) -> None:
    """Register the namespaces, attach at /socket.io/ and give the server its lifecycle. A new
    websocket session's handshake skips the app's other middlewares (realtime/handshake.py);
    `handshake_hooks` is what the HTTP layer does around every request (request id, metrics,
    log line), run for those too."""
    settings, sio, presence, emitter = deps.settings, server.sio, server.presence, server.emitter
    websockets = install_websocket_transport(sio, settings.socket_compression)
    release_polls_on_client_close(sio)
    for namespace in build_namespaces(deps):
        sio.register_namespace(namespace)
    sio.attach(app, socketio_path="socket.io")
    app.middlewares.insert(0, fast_handshake_middleware(sio, "/socket.io/", handshake_hooks, websockets,
                                                        settings.socket_compression))
    if deps.revocations is not None:
        disconnect_on_revocation(sio, deps.revocations)

    app[SIO] = sio
    app[EMITTER] = emitter
    app[REALTIME_DEPS] = deps
    app[PRESENCE] = presence
    app.cleanup_ctx.append(_manager_context(sio))
    app.cleanup_ctx.append(_presence_context(presence))
    app.on_shutdown.append(_close_sockets(sio, websockets, settings.shutdown_grace_seconds * _CLOSE_SHARE))


def _manager_context(sio: socketio.AsyncServer) -> Callable[[web.Application], AsyncIterator[None]]:
    async def context(_app: web.Application) -> AsyncIterator[None]:
        # python-socketio starts the Redis listener on the first connection, so the first
        # socket could miss what another process emits while the subscription is set up.
        # Start it with the app instead.
        sio.manager_initialized = True
        sio.manager.initialize()
        try:
            yield
        finally:
            await _stop_manager(sio.manager)

    return context


def _engine_sockets_closed(sio: socketio.AsyncServer, eio_sids: Iterable[str]) -> list[str]:
    sockets = sio.eio.sockets
    return [eio_sid for eio_sid in eio_sids if (sock := sockets.get(eio_sid)) is None or sock.closed]


def _presence_context(presence: PresenceTracker) -> Callable[[web.Application], AsyncIterator[None]]:
    async def context(_app: web.Application) -> AsyncIterator[None]:
        task = asyncio.create_task(presence.run(), name="presence-heartbeat")
        try:
            yield
        finally:
            task.cancel()
            await bounded("presence_heartbeat_stop", asyncio.gather(task, return_exceptions=True))
            # Sockets were closed on shutdown (their detach said goodbye); anything left too.
            await bounded("presence_stop", presence.stop())

    return context


async def _stop_manager(manager: socketio.AsyncManager) -> None:
    task = getattr(manager, "thread", None)
    if isinstance(task, asyncio.Future) and not task.done():
        task.cancel()
        await bounded("socketio_listener_stop", asyncio.gather(task, return_exceptions=True))
    if isinstance(manager, FanoutRedisManager):
        await bounded("socketio_redis_close", manager.aclose())
        return
    for name in ("pubsub", "redis"):
        resource = getattr(manager, name, None)
        if resource is not None:
            await bounded(f"socketio_redis_{name}_close", resource.aclose())


def _close_sockets(
    sio: socketio.AsyncServer, websockets: WebSockets, budget: float
) -> Callable[[web.Application], Awaitable[None]]:
    """On shutdown (listeners already closed), close every socket at the Engine.IO level.

    Each namespace's disconnect handler runs on the server; the client receives a CLOSE packet
    and a websocket close frame (1001), not a reset. It is deliberately not a Socket.IO
    namespace DISCONNECT: clients treat that as "io server disconnect" and do not reconnect by
    themselves, whereas after a transport close they reconnect, to another replica during a
    rolling deploy. Node's socket.io closes the same way on `io.close()`.
    """

    async def close(_app: web.Application) -> None:
        sockets = list(sio.eio.sockets.values())
        closed = abandoned = 0
        if sockets:
            reason = sio.eio.reason.SERVER_DISCONNECT
            # Wait for the CLOSE packet to be taken by each websocket's writer. A long-polling
            # client collects its CLOSE with a pending GET, which aiohttp lets finish; one that
            # is between two polls cannot come back (the listener is closed): no use waiting.
            tasks = [asyncio.create_task(sock.close(reason=reason, wait=sock.upgraded)) for sock in sockets]
            done, pending = await asyncio.wait(tasks, timeout=budget)
            for task in pending:
                task.cancel()
            closed, abandoned = len(done), len(pending)
        await asyncio.sleep(0)  # let each websocket writer put its CLOSE packet on the wire
        websockets_closed = await websockets.close_all(timeout=budget / 2)
        log.info("sockets_closed", closed=closed, abandoned=abandoned, websockets=websockets_closed)
        await bounded("socketio_shutdown", sio.shutdown())

    return close


def pubsub_listener_check(sio: socketio.AsyncServer) -> Callable[[], Awaitable[None]]:
    """A dependency check: python-socketio's Redis listener task can die silently, after which
    this process never delivers what other processes emit; while Redis is down it is not
    subscribed (fan-out is this process's only)."""

    async def check() -> None:
        task = getattr(sio.manager, "thread", None)
        if isinstance(sio.manager, AsyncPubSubManager) and (task is None or task.done()):
            # Start it again (this probe runs every few seconds): fan-out heals by itself.
            log.warning("socketio_listener_restarted")
            sio.manager.thread = sio.start_background_task(sio.manager._thread)
            raise RuntimeError("the Socket.IO Redis listener was not running (restarted)")
        if isinstance(sio.manager, FanoutRedisManager) and not sio.manager.subscribed:
            raise RuntimeError("the Socket.IO Redis listener is not subscribed")

    return check
