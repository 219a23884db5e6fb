"""An established Engine.IO websocket session that no longer lives inside aiohttp's request handler.

With aiohttp's stock path, a websocket keeps its whole HTTP request for its life: the request
and both header sets, aiohttp's RequestHandler with its HTTP parser, the WebSocketResponse with
its reader queue and writer, the handler task with ~15 suspended coroutines (aiohttp's handler,
our middlewares, python-engineio's connect and upgrade calls, our session loop), a reader
waiting on the queue and a writer task waiting on the outgoing queue. At 20,000 idle sockets
that was most of the ~27 kB per socket (benchmarks/idle_sockets/RESULTS.md).

Here, once a new websocket session's 101 and Engine.IO OPEN are written (realtime/transport.py),
the connection is handed to a `WebSocketSession`: a small asyncio protocol that the transport
calls directly (`transport.set_protocol`), parsing frames with aiohttp's own `WebSocketReader`,
writing frames to the transport itself, and holding no task while the client is idle:
- a client's PONG is taken as it is parsed (`schedule_ping`), as realtime/ws_response.py does;
- any other message is handed to python-engineio's `sock.receive` by a task that exists only
  while messages wait (in arrival order, one at a time, as the old reader loop did); reading is
  paused while more than `_INBOUND_LIMIT` bytes wait (aiohttp's queue limit);
- packets python-engineio queues (`OutgoingQueue.on_put`) are written by a task that exists
  only while the queue has packets, and waits for the transport to drain when it is paused
  (aiohttp's writer did the same); while there is none, the broadcast path writes directly
  (`DirectWriter.idle`);
- the websocket close handshake (ours and the client's), control frames, and the end of the
  session (`sock.close`, as `run_websocket` ends it) are handled here.

aiohttp's request handler then returns at once: the response's `write_eof` does nothing for a
detached session, and aiohttp's RequestHandler is told the connection is gone *after* it lost
its transport (`transport = None` first, so it closes nothing). Private aiohttp API (3.14.5):
`WebSocketReader` and its queue class, `RequestHandler.transport`; tests/test_realtime_detach.py
fails if the detach stops happening or stops working.

Only a new websocket session without compression is detached; an upgrade from long-polling and
a compressed stream keep aiohttp's path (realtime/engine.py `run_websocket`).
"""

from __future__ import annotations

import asyncio
import struct
from collections import deque
from typing import Any

from aiohttp import WSCloseCode, WSMsgType
from aiohttp._websocket.reader import WebSocketDataQueue, WebSocketReader
from aiohttp.http_websocket import WebSocketError
from aiohttp.web_protocol import RequestHandler
from engineio import exceptions as eio_exceptions
from engineio import packet as eio_packet
from engineio.async_socket import AsyncSocket

from realtime.engine import WRITER_ATTR, DirectWriter, PreparedPacket, frame_of
from realtime.outqueue import OutgoingQueue

_TEXT, _BINARY, _PING, _CLOSE = WSMsgType.TEXT, WSMsgType.BINARY, WSMsgType.PING, WSMsgType.CLOSE
_PONG = "3"  # Engine.IO v4 PONG, as a websocket text frame
# aiohttp's reader queue pauses reading above 2 x 64 KiB of parsed messages (+128 bytes each).
_INBOUND_LIMIT = 2 * 65536
_MESSAGE_OVERHEAD = 128
# How long a close frame waits for the client's reply before the connection is dropped
# (aiohttp's WebSocketResponse default).
CLOSE_TIMEOUT = 10.0
_SESSIONS_ENDING: set[asyncio.Future[None]] = set()


def _control_frame(opcode: int, payload: bytes) -> bytes:
    return struct.pack("!BB", 0x80 | opcode, len(payload)) + payload


def _close_frame(code: int, message: bytes) -> bytes:
    return _control_frame(0x8, struct.pack("!H", code) + message[:123])


class _Sink(WebSocketDataQueue):
    """What aiohttp's `WebSocketReader` feeds parsed messages to: straight to the session.

    The base class's `__init__` is not called on purpose: its buffer (a deque) and waiter are
    never used, and its size and limit stay 0, so the reader never stalls on it."""

    __slots__ = ("session",)

    def __init__(self, session: WebSocketSession) -> None:
        self.session = session

    def feed_data(self, data: Any, size: int) -> None:
        self.session.on_message(data)

    def feed_eof(self) -> None:
        self.session.end()

    def set_exception(self, exc: BaseException, exc_cause: Any = None) -> None:
        self.session.on_error(exc)


class WebSocketSession(asyncio.Protocol):
    __slots__ = (
        "__weakref__", "_close_timer", "_closing", "_drain_waiter", "_inbound", "_inbound_bytes", "_lost",
        "_lost_waiter", "_paused", "_read_paused", "_receiving", "_writing", "ended", "parser", "sock", "transport",
        "writer",
    )

    def __init__(self, sock: AsyncSocket, transport: asyncio.Transport, max_msg_size: int) -> None:
        self.sock = sock
        self.transport = transport
        self.writer = DirectWriter(self, transport)
        self.parser = WebSocketReader(_Sink(self), max_msg_size, compress=False, decode_text=True)
        self.ended = False  # the Engine.IO session was told the transport is over
        self._inbound: deque[Any] | None = None  # messages waiting for `_receiving` (None: none)
        self._inbound_bytes = 0
        self._read_paused = False  # we paused reading: too much waits for `_receiving`
        self._receiving: asyncio.Task[None] | None = None
        self._writing: asyncio.Task[None] | None = None
        self._paused = False  # the transport's write buffer is over its high-water mark
        self._drain_waiter: asyncio.Future[None] | None = None
        self._closing = False  # our close frame is out (or the client's came in)
        self._close_timer: asyncio.TimerHandle | None = None
        self._lost = False
        self._lost_waiter: asyncio.Future[None] | None = None

    # -- what the registry (realtime/transport.py WebSockets) and close_slow_consumer use ---

    @property
    def closed(self) -> bool:
        return self._closing or self._lost

    @property
    def compress(self) -> bool:
        return False

    async def close(self, *, code: int = WSCloseCode.OK, message: bytes = b"") -> bool:
        """Send a close frame and wait until the client answers it or the connection is gone."""
        self.start_close(code, message)
        if self._lost:
            return True
        if self._lost_waiter is None:
            self._lost_waiter = asyncio.get_running_loop().create_future()
        try:
            await asyncio.shield(self._lost_waiter)
        except asyncio.CancelledError:
            self.transport.abort()
            raise
        return True

    def start_close(self, code: int = WSCloseCode.OK, message: bytes = b"") -> None:
        if self._closing or self._lost:
            return
        self._closing = True
        writer = self.writer
        writer.closed = True
        writer.idle = False
        transport = self.transport
        if transport.is_closing():
            return
        transport.write(_close_frame(code, message))
        self._close_timer = asyncio.get_running_loop().call_later(CLOSE_TIMEOUT, transport.abort)

    # -- asyncio.Protocol ----------------------------------------------------------------

    def data_received(self, data: bytes) -> None:
        self.parser.feed_data(data)

    def eof_received(self) -> bool | None:
        return None  # the transport closes itself; connection_lost follows

    def pause_writing(self) -> None:
        self._paused = True

    def resume_writing(self) -> None:
        self._paused = False
        waiter, self._drain_waiter = self._drain_waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def connection_lost(self, exc: BaseException | None) -> None:
        self._lost = True
        writer = self.writer
        writer.closed = True
        writer.idle = False
        if self._close_timer is not None:
            self._close_timer.cancel()
            self._close_timer = None
        for waiter in (self._drain_waiter, self._lost_waiter):
            if waiter is not None and not waiter.done():
                waiter.set_result(None)
        self._drain_waiter = None
        self.end()

    # -- incoming -------------------------------------------------------------------------

    def on_message(self, msg: Any) -> None:
        kind = msg[0]
        if kind is _TEXT or kind is _BINARY:
            data = msg[1]
            inbound = self._inbound
            if inbound is None:
                if kind is _TEXT and data == _PONG:
                    self.sock.schedule_ping()  # what python-engineio's receive does for a PONG
                    return
                inbound = self._inbound = deque()
            inbound.append(data)
            self._inbound_bytes += len(data) + _MESSAGE_OVERHEAD
            if self._inbound_bytes > _INBOUND_LIMIT and not self._read_paused and not self.transport.is_closing():
                self._read_paused = True
                self.transport.pause_reading()
            if self._receiving is None:
                self._receiving = asyncio.ensure_future(self._receive_all())
        elif kind is _PING:
            if not self._closing and not self.transport.is_closing():
                self.transport.write(_control_frame(0xA, bytes(msg[1])[:125]))
        elif kind is _CLOSE:
            if self._closing:  # the answer to ours
                self.transport.close()
                return
            self.start_close()  # answer it, as aiohttp does (1000)
            self.transport.close()
            self.end()

    def on_error(self, exc: BaseException) -> None:
        """A frame aiohttp's parser refuses (too big, bad opcode): close as aiohttp would."""
        code = exc.code if isinstance(exc, WebSocketError) else WSCloseCode.PROTOCOL_ERROR
        self.start_close(code)
        self.end()

    async def _receive_all(self) -> None:
        """python-engineio's reader loop body (realtime/engine.py run_websocket), while messages wait."""
        sock = self.sock
        server = sock.server
        inbound = self._inbound
        try:
            while inbound:
                data = inbound.popleft()
                self._inbound_bytes -= len(data) + _MESSAGE_OVERHEAD
                if self._read_paused and self._inbound_bytes <= _INBOUND_LIMIT // 2:
                    self._read_paused = False
                    if not self.transport.is_closing():
                        self.transport.resume_reading()
                if self.ended:
                    inbound.clear()
                    break
                try:
                    await sock.receive(eio_packet.Packet(encoded_packet=data))
                except eio_exceptions.UnknownPacketError:
                    continue
                except eio_exceptions.SocketIsClosedError:
                    inbound.clear()
                    self.start_close()
                    self.end()
                    break
                except Exception:  # python-engineio's policy: a bad packet is logged and ends nothing
                    server.logger.exception("Unknown receive error")
        finally:
            self._receiving = None
            if self._inbound is inbound and not inbound:
                self._inbound = None
            self._inbound_bytes = 0 if self._inbound is None else self._inbound_bytes

    # -- outgoing -------------------------------------------------------------------------

    def on_queued(self) -> None:
        """`OutgoingQueue.on_put`: write what was queued in a task of its own, unless one runs."""
        if self._writing is None:
            self.writer.idle = False
            self._writing = asyncio.ensure_future(self._write_all())

    async def _write_all(self) -> None:
        """realtime/engine.py `_write_loop`, until the queue is empty. After the end marker (None)
        or once the websocket is closing, packets are taken off and dropped (so `join` returns)."""
        queue = self.sock.queue
        writer = self.writer
        transport = self.transport
        try:
            while not queue.empty():
                pkt = queue.get_nowait()
                queue.task_done()
                if writer.closed:
                    continue
                if pkt is None:
                    self.start_close()
                    continue
                writer.flush()  # frames gathered before this packet was queued go first
                transport.write(pkt.frame if type(pkt) is PreparedPacket else frame_of(pkt))
                if self._paused:
                    await self._drained()
        except Exception:  # the transport went away: the session ends through connection_lost
            writer.closed = True
        finally:
            self._writing = None
            writer.idle = not writer.closed
        if not queue.empty():  # queued while this task was finishing
            self.on_queued()

    async def _drained(self) -> None:
        if self._lost:
            raise ConnectionResetError("connection lost")
        if self._drain_waiter is None:
            self._drain_waiter = asyncio.get_running_loop().create_future()
        await self._drain_waiter

    # -- the end ---------------------------------------------------------------------------

    def end(self) -> None:
        """The transport is over (or closing): end the Engine.IO session, once, as
        run_websocket's `_finish` does (`TRANSPORT_CLOSE`; a session already closed stays so)."""
        if self.ended:
            return
        self.ended = True
        ending = asyncio.ensure_future(self._end_session())
        _SESSIONS_ENDING.add(ending)
        ending.add_done_callback(_SESSIONS_ENDING.discard)

    async def _end_session(self) -> None:
        sock = self.sock
        server = sock.server
        self.writer.closed = True
        self.writer.idle = False
        try:
            await sock.close(wait=False, abort=True, reason=server.reason.TRANSPORT_CLOSE)
        finally:
            if server.sockets.get(sock.sid) is sock:
                del server.sockets[sock.sid]  # as python-engineio does when a websocket handler returns
            queue = sock.queue
            if isinstance(queue, OutgoingQueue):
                queue.on_put = None
                queue.discard_all()


def detach(sock: AsyncSocket, request: Any, response: Any, max_msg_size: int) -> WebSocketSession | None:
    """Hand an open websocket over to a `WebSocketSession`; None when it cannot be (then aiohttp's
    path goes on). Called right after the 101 went out, before anything else was awaited, so
    aiohttp's parser has seen no frame (a client may send none before it has the 101)."""
    transport = request.transport
    handler = request.protocol
    reader = getattr(response, "_reader", None)
    if (
        transport is None
        or transport.is_closing()
        or not isinstance(handler, RequestHandler)
        or not isinstance(reader, WebSocketDataQueue)
        or reader._buffer  # a client that did not wait for the 101: let aiohttp's reader have it
        or not isinstance(sock.queue, OutgoingQueue)
    ):
        return None
    response.detach()  # aiohttp's write_eof on the handler's return must not close the websocket
    return _take_over(sock, transport, handler, max_msg_size, b"")


def adopt(sock: AsyncSocket, request: Any, max_msg_size: int) -> WebSocketSession | None:
    """A new websocket session whose 101 realtime/handshake.py wrote itself (no WebSocketResponse):
    the same hand-over as `detach`. What the client sent after its request (it may not, before it
    has the 101) and aiohttp's parser kept is fed to the session. None when the connection is gone."""
    transport = request.transport
    handler = request.protocol
    if (
        transport is None
        or transport.is_closing()
        or not isinstance(handler, RequestHandler)
        or not isinstance(sock.queue, OutgoingQueue)
    ):
        return None
    tail = handler._message_tail
    handler._message_tail = b""
    return _take_over(sock, transport, handler, max_msg_size, tail)


def _take_over(
    sock: AsyncSocket, transport: asyncio.Transport, handler: RequestHandler, max_msg_size: int, tail: bytes
) -> WebSocketSession:
    session = WebSocketSession(sock, transport, max_msg_size)
    transport.set_protocol(session)
    handler.transport = None  # so that aiohttp closes nothing of what is no longer its own
    handler.connection_lost(None)  # drops it from the server's connections; ends its handler loop
    if not transport.is_reading():
        transport.resume_reading()
    sock.connected = True
    sock.upgraded = True
    sock.__dict__[WRITER_ATTR] = session.writer
    queue = sock.queue
    queue.on_put = session.on_queued
    if queue.empty():
        session.writer.idle = True
    else:
        session.on_queued()
    if tail:
        session.data_received(tail)
    return session
