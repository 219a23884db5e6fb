"""Our `socketio.AsyncServer`: python-socketio's server plus what must happen before an event
reaches a namespace, for every namespace alike.

- Every client gets an `OutgoingQueue` (realtime/engine.py) bounded at `max_queued_packets`;
  overflowing it disconnects the client (`slow consumer`).
- An event (or ack) whose encoded packet is over `max_event_bytes` is answered
  `payload_too_large` without decoding it. The Engine.IO frame limit (`max_http_buffer_size`)
  still caps what is read at all.
- New connections are limited per client address (realtime/limits.py `HandshakeLimit`).
- Where python-engineio and python-socketio answer otherwise than the reference implementation
  (Node's socket.io v4), we answer as the reference (realtime/conformance.py): refused requests,
  "Invalid namespace", and a client that joins no namespace within `connect_timeout` is closed.
- Binary attachments are refused: the protocol is JSON (files travel as references), and a
  binary event would make us buffer attachments before we could judge them.
- An event packet that does not decode (broken JSON, nested past the parser's limit) or is not
  `[name, ...args]` (empty, an object, a number as the name) is answered `validation_failed`
  when it carries an ack id: python-socketio would log a traceback and leave the client
  waiting for an ack that never comes. A client's broken ack packet is dropped the same way.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Coroutine
from typing import Any

import engineio
import socketio
import structlog
from aiohttp import web
from engineio import exceptions as eio_exceptions
from engineio.async_socket import AsyncSocket
from socketio import packet as sio_packet

from domain.shared.errors import ErrorCode
from domain.shared.inputs import is_depth_error
from realtime import acks, conformance
from realtime.engine import FieldsyncSocket, close_by_server, close_slow_consumer
from realtime.hygiene import ACK, BINARY_ACK, BINARY_EVENT, EVENT, PacketHeader, exceeds, parse_header
from realtime.limits import HandshakeLimit
from realtime.metrics import DROPS
from realtime.outqueue import OutgoingQueue
from realtime.timers import TimerList
from realtime.wire import to_wire

log = structlog.get_logger(__name__)

_LIMITED_TYPES = frozenset({EVENT, ACK, BINARY_EVENT, BINARY_ACK})


# How late a heartbeat timer may run, so that one loop wake-up serves many sockets (realtime/
# timers.py): a PING 0.1 s after its interval, a silent client closed 0.1 s after its timeout.
TIMER_SLACK = 0.1


class FieldsyncEngine(engineio.AsyncServer):  # type: ignore[misc]
    queue_limit = 1000
    handshake_limit: HandshakeLimit | None = None
    _ping_timers: TimerList | None = None
    _pong_timers: TimerList | None = None

    @property
    def ping_timers(self) -> TimerList:
        """Every socket's next PING (realtime/engine.py `FieldsyncSocket.schedule_ping`), sent
        in batches (`TIMER_SLACK`): a client waits up to ping_interval + ping_timeout for one."""
        if self._ping_timers is None:
            self._ping_timers = TimerList(slack=min(TIMER_SLACK, self.ping_interval / 50))
        return self._ping_timers

    @property
    def pong_timers(self) -> TimerList:
        """Every PING's deadline for its PONG (realtime/engine.py `_pong_overdue`), in batches."""
        if self._pong_timers is None:
            self._pong_timers = TimerList(slack=min(TIMER_SLACK, self.ping_timeout / 50))
        return self._pong_timers

    async def _service_task(self) -> None:
        """python-engineio's sweep for clients whose PONG is overdue, without its one
        `asyncio.wait_for` (a task and a timer) per socket checked: it checks a slice of the
        sockets per tick instead, so every socket is still checked once per `ping_timeout`.
        Each PING's own deadline closes a silent client on time (`pong_timers`); this sweep
        drops closed sessions and is the backstop."""
        self.service_task_event = event = self.create_event()
        tick = min(1.0, self.ping_timeout / 4)
        rounds = max(1, round(self.ping_timeout / tick))
        while not event.is_set():
            sockets = list(self.sockets.values())
            size = max(1, -(-len(sockets) // rounds))
            for start in range(0, max(len(sockets), 1), size):
                try:
                    now = time.time()
                    for sock in sockets[start:start + size]:
                        if sock.closed:
                            self.sockets.pop(sock.sid, None)
                        elif not sock.closing and sock.last_ping and now - sock.last_ping > self.ping_timeout:
                            await sock.check_ping_timeout()  # closes it
                except asyncio.CancelledError:
                    return
                except Exception:
                    self.logger.exception("service task exception")
                try:
                    await asyncio.wait_for(event.wait(), timeout=tick)
                    return
                except TimeoutError:
                    continue
                except asyncio.CancelledError:
                    return

    def attach(self, app: web.Application, engineio_path: str = "engine.io") -> None:
        super().attach(app, engineio_path)
        # Every other method too, to be refused as the reference does (400, not aiohttp's 405).
        app.router.add_route("*", f"/{engineio_path.strip('/')}/", self.handle_request)

    async def handle_request(self, *args: Any, **kwargs: Any) -> Any:
        request = args[0] if args else None
        if isinstance(request, web.Request):
            code = conformance.refusal_code(request.method, request.query, self.transports, self.sockets)
            if code is not None:
                if code == conformance.UNKNOWN_SID:
                    self._forget_closed(request.query.get("sid"))
                environ = self._async["translate_request"](request)
                return await self._make_response(conformance.error_response(code), environ)
            sock = self.sockets.get(request.query.get("sid", ""))
            if sock is not None and conformance.collects_close(sock):
                return await self._collect_close(sock, request)
        if self.handshake_limit is not None and args:
            refusal = await self.handshake_limit.refusal(args[0])
            if refusal is not None:
                return refusal
        return await super().handle_request(*args, **kwargs)

    async def _collect_close(self, sock: AsyncSocket, request: web.Request) -> Any:
        """Hand the last poll of a closed session what is left of it, its CLOSE included."""
        try:
            packets = await sock.poll()  # the CLOSE is queued: this does not wait
        except eio_exceptions.QueueEmpty:
            packets = None
        self.sockets.pop(sock.sid, None)
        environ = self._async["translate_request"](request)
        answer = self._ok(packets) if packets else conformance.error_response(conformance.UNKNOWN_SID)
        return await self._make_response(answer, environ)

    def _forget_closed(self, sid: str | None) -> None:
        sock = self.sockets.get(sid) if sid else None
        if sock is not None and sock.closed:
            del self.sockets[sid]

    def create_queue(self, *args: Any, **kwargs: Any) -> OutgoingQueue:
        # python-engineio creates one queue per client socket, and nothing else, through this.
        return OutgoingQueue(self.queue_limit)


class FieldsyncServer(socketio.AsyncServer):  # type: ignore[misc]
    def __init__(
        self, *, max_queued_packets: int, max_event_bytes: int, connect_timeout: float = 45.0, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.eio.queue_limit = max_queued_packets
        self.max_event_bytes = max_event_bytes
        self.connect_timeout = connect_timeout
        self._awaiting_namespace: set[str] = set()  # eio sids that joined no namespace yet
        self._connect_timers = TimerList()
        self._discarding: dict[str, int] = {}  # eio sid -> binary attachments still to swallow
        self._background: set[asyncio.Task[None]] = set()

    def _engineio_server_class(self) -> type[engineio.AsyncServer]:
        return FieldsyncEngine

    def known_namespace(self, namespace: str) -> str:
        """A label value for metrics: a client-chosen namespace is not one."""
        return namespace if namespace in self.namespace_handlers else "unknown"

    async def _handle_eio_connect(self, eio_sid: str, environ: dict[str, Any]) -> Any:
        sock = self.eio.sockets.get(eio_sid)
        if sock is not None and type(sock) is AsyncSocket:
            sock.__class__ = FieldsyncSocket  # same state, a different poll()
        if sock is not None and isinstance(sock.queue, OutgoingQueue):
            sock.queue.on_overflow = lambda: self._on_overflow(sock)
        self._awaiting_namespace.add(eio_sid)
        self._connect_timers.add(self._connect_timed_out, eio_sid, self.connect_timeout)
        return await super()._handle_eio_connect(eio_sid, environ)

    def _connect_timed_out(self, eio_sid: str) -> None:
        """A client that joined no namespace within `connect_timeout` is closed, as Socket.IO's
        `connectTimeout` does: an Engine.IO session alone costs a socket and serves nothing."""
        if eio_sid not in self._awaiting_namespace:
            return
        self._awaiting_namespace.discard(eio_sid)
        sock = self.eio.sockets.get(eio_sid)
        if sock is None or sock.closed or sock.closing:
            return
        DROPS.labels("*", "connect_timeout").inc()
        self._in_background(close_by_server(sock))

    async def _handle_connect(self, eio_sid: str, namespace: str | None, data: Any) -> None:
        namespace = namespace or "/"
        if namespace not in self.namespace_handlers and namespace not in self.handlers:
            # python-socketio answers "Unable to connect"; clients match the reference's words.
            error = self.packet_class(
                sio_packet.CONNECT_ERROR, data={"message": "Invalid namespace"}, namespace=namespace
            )
            await self._send_packet(eio_sid, error)
            return
        await super()._handle_connect(eio_sid, namespace, data)
        sid = self.manager.sid_from_eio_sid(eio_sid, namespace)
        if sid is not None and self.manager.is_connected(sid, namespace):
            self._awaiting_namespace.discard(eio_sid)

    def _on_overflow(self, sock: Any) -> None:
        DROPS.labels("*", "slow_consumer").inc()
        log.warning("socket_slow_consumer_disconnected", eio_sid=sock.sid, queued=sock.queue.qsize())
        self._in_background(close_slow_consumer(sock))

    def _in_background(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _handle_eio_disconnect(self, eio_sid: str, reason: Any = None) -> None:
        self._discarding.pop(eio_sid, None)
        self._awaiting_namespace.discard(eio_sid)
        await super()._handle_eio_disconnect(eio_sid, reason)

    async def _handle_eio_message(self, eio_sid: str, data: Any) -> None:
        if not isinstance(data, str):
            if self._discarding.get(eio_sid):  # an attachment of a refused binary packet
                self._discarding[eio_sid] -= 1
                return
            await super()._handle_eio_message(eio_sid, data)
            return
        header = parse_header(data)
        if header is None or header.packet_type not in _LIMITED_TYPES:
            await super()._handle_eio_message(eio_sid, data)
            return
        if header.packet_type in (BINARY_EVENT, BINARY_ACK):
            self._discarding[eio_sid] = self._discarding.get(eio_sid, 0) + header.attachments
            await self._refuse(
                eio_sid, header, "binary", ErrorCode.VALIDATION_FAILED, "Binary payloads are not accepted; send JSON."
            )
            return
        if exceeds(data, self.max_event_bytes):
            await self._refuse(
                eio_sid,
                header,
                "payload_too_large",
                ErrorCode.PAYLOAD_TOO_LARGE,
                f"The event is larger than {self.max_event_bytes} bytes.",
            )
            return
        try:
            pkt = self.packet_class(encoded_packet=data)
        except ValueError as exc:  # orjson's JSONDecodeError included
            too_deep = is_depth_error(exc)
            await self._refuse(
                eio_sid,
                header,
                "malformed",
                ErrorCode.VALIDATION_FAILED,
                "The event is nested too deeply." if too_deep else "The event is not valid JSON.",
            )
            return
        args = pkt.data
        if header.packet_type == ACK:
            if isinstance(args, list):  # an ack's arguments; anything else is dropped (no reply)
                await self._handle_ack(eio_sid, pkt.namespace, pkt.id, args)
            else:
                await self._refuse(eio_sid, header, "malformed", ErrorCode.VALIDATION_FAILED, "")
            return
        if not isinstance(args, list) or not args or not isinstance(args[0], str):
            await self._refuse(
                eio_sid,
                header,
                "malformed",
                ErrorCode.VALIDATION_FAILED,
                "An event is a JSON array: its name, then its payload.",
            )
            return
        await self._handle_event(eio_sid, pkt.namespace, pkt.id, args)

    async def _refuse(self, eio_sid: str, header: PacketHeader, reason: str, code: ErrorCode, message: str) -> None:
        namespace, ack_id = header.namespace, header.ack_id
        reply = header.packet_type in (EVENT, BINARY_EVENT)
        DROPS.labels(self.known_namespace(namespace), reason).inc()
        sid = self.manager.sid_from_eio_sid(eio_sid, namespace)
        # Only a client *event* waits for an answer; a client's ack to us gets none.
        if not reply or ack_id is None or sid is None or not self.manager.is_connected(sid, namespace):
            return
        ack = acks.error(code, message)
        await self._send_packet(eio_sid, self.packet_class(sio_packet.ACK, namespace=namespace, id=ack_id, data=[ack]))

    async def emit_here(self, sid: str, namespace: str, event: str, data: Any) -> bool:
        """Send one event to one socket of this process now: no Redis hop, no delivery filter.
        False when the socket is gone."""
        eio_sid = self.manager.eio_sid_from_sid(sid, namespace)
        if eio_sid is None or not self.manager.is_connected(sid, namespace):
            return False
        packet = self.packet_class(sio_packet.EVENT, namespace=namespace, data=[event, to_wire(data)])
        await self._send_packet(eio_sid, packet)
        return True

    async def close_with_reason(self, sid: str, namespace: str, event: str, data: Any) -> None:
        """Tell a socket why, then disconnect it. A Socket.IO DISCONNECT ("io server
        disconnect"): clients do not reconnect by themselves, they act on the event first.
        Both packets take the socket's one queue, so the event arrives before the DISCONNECT."""
        if await self.emit_here(sid, namespace, event, data):
            await self.disconnect(sid, namespace=namespace, ignore_queue=True)
