"""The Engine.IO layer under our Socket.IO server: a bounded outgoing queue per client, a
cheaper websocket loop, and the direct-write path the broadcast manager uses.

Why (measured with ../shared/bench/realtime, STACK.md "Socket fan-out performance"): stock
python-socketio spends most of a broadcast creating one task per recipient, then waking each
client's writer through `asyncio.wait_for(queue.get())`, then encoding the same frame once per
recipient. Here a broadcast is encoded once into a complete websocket frame (server frames are
unmasked, so the bytes are the same for every client) and written straight to each idle
client's transport; a client that is busy or has unsent data gets the packet through its queue,
behind what is already there, so the order of everything a client receives is unchanged.

python-engineio's per-client queue is unbounded: a client that stops reading would let it grow
until the process runs out of memory. `OutgoingQueue` (realtime/outqueue.py) refuses to grow
beyond a limit and the server then disconnects that client (`SLOW_CONSUMER`).
"""

from __future__ import annotations

import asyncio
import struct
import time
from collections.abc import Callable
from typing import Any

from aiohttp import WSMsgType
from aiohttp.web import WebSocketResponse
from engineio import exceptions as eio_exceptions
from engineio import packet as eio_packet
from engineio.async_socket import AsyncSocket

from realtime.outqueue import OutgoingQueue
from realtime.ws_response import EngineWebSocketResponse

SLOW_CONSUMER = "slow consumer"
# A websocket close code from the "try again later" family: the client may reconnect (and
# catch up through delta sync), it just must not expect the server to buffer for it.
SLOW_CONSUMER_CLOSE_CODE = 1013
# Above this many bytes waiting in the kernel-side buffer a client is not "idle": packets go
# through its queue, where the writer waits for the transport to drain (uvloop's high-water mark).
_TRANSPORT_HIGH_WATER = 64 * 1024
WRITER_ATTR = "fieldsync_writer"


class PreparedPacket(eio_packet.Packet):  # type: ignore[misc]
    """An Engine.IO MESSAGE encoded once: text for long-polling, the websocket payload and the
    whole unmasked websocket frame for direct writes."""

    def __init__(self, encoded_socketio_packet: str) -> None:
        super().__init__(eio_packet.MESSAGE, encoded_socketio_packet)
        text = "4" + encoded_socketio_packet
        self.encode_cache = text
        self.payload = text.encode()
        self.frame = _text_frame_header(len(self.payload)) + self.payload


def _text_frame_header(length: int, first: int = 0x81) -> bytes:
    """An unmasked websocket frame header: FIN + text (0x81) or binary (0x82), then the length."""
    if length < 126:
        return struct.pack("!BB", first, length)
    if length < 65536:
        return struct.pack("!BBH", first, 126, length)
    return struct.pack("!BBQ", first, 127, length)


def frame_of(pkt: eio_packet.Packet) -> bytes:
    """The websocket frame the writer loop would send for `pkt` (python-engineio's encoding:
    text, or binary for a binary MESSAGE)."""
    encoded = pkt.encode()
    if isinstance(encoded, str):
        payload = encoded.encode()
        return _text_frame_header(len(payload)) + payload
    data: bytes = encoded
    return _text_frame_header(len(data), 0x82) + data


def opening_frame(sock: AsyncSocket) -> bytes:
    """A new websocket session's Engine.IO OPEN packet, taken off its queue as a frame, to leave
    with the 101 response in one write (realtime/transport.py). Empty for an upgrade from
    long-polling (the OPEN went out with the first poll) or when the queue starts otherwise."""
    queue = sock.queue
    if sock.connected or not isinstance(queue, OutgoingQueue) or queue.empty():
        return b""
    pkt = queue.peek()
    if not isinstance(pkt, eio_packet.Packet) or pkt.packet_type != eio_packet.OPEN:
        return b""
    queue.get_nowait()
    queue.task_done()
    return frame_of(pkt)


# python-engineio clients refuse a long-polling payload of more than 16 packets
# (engineio.payload.Payload.max_decode_packets); they poll again at once for the rest.
MAX_PACKETS_PER_POLL = 16


class FieldsyncSocket(AsyncSocket):  # type: ignore[misc]
    """python-engineio's socket, with long-polling responses of at most 16 packets, and a
    server-side close of a long-polling session as the reference delivers it (below). The
    server turns each new socket into one (realtime/sio.py): python-engineio constructs
    `AsyncSocket` by name, with no hook to choose the class."""

    polling = False  # a long-polling GET is waiting for packets
    close_pending = False  # our CLOSE packet is queued, not yet collected

    def schedule_ping(self) -> None:
        """python-engineio's, on the server's shared ping timer instead of a task sleeping
        `ping_interval` per socket (realtime/timers.py): the next PING goes `ping_interval`
        after the client's PONG, as before."""
        if self.last_ping:  # type: ignore[has-type]  # python-engineio's attribute
            self.last_ping = None
            self.server.ping_timers.add(_send_ping, self, self.server.ping_interval)

    async def close(self, wait: bool = True, abort: bool = False, reason: Any = None) -> None:
        """Node's engine.io closes a long-polling session by answering the pending GET with a
        CLOSE ("1"); without one, the next GET gets NOOP + CLOSE ("6\x1e1"), unless the client
        is gone (ping timeout): then its next request is told the session is unknown."""
        was_open = not (self.closed or self.closing)
        if was_open and not (abort or self.upgraded or self.upgrading or self.polling):
            if reason == self.server.reason.PING_TIMEOUT:
                abort = True
            else:
                self.queue.put_nowait(eio_packet.Packet(eio_packet.NOOP))
        await super().close(wait=wait, abort=abort, reason=reason)
        if was_open and self.upgraded and reason == self.server.reason.PING_TIMEOUT:
            # The client is gone and its websocket reader waits with no timeout (run_websocket):
            # the writer sends the CLOSE, then closes the websocket, which ends the reader.
            self.queue.put_nowait(None)

    async def send(self, pkt: eio_packet.Packet) -> None:
        if pkt.packet_type == eio_packet.CLOSE and self.closing and not self.closed:
            # Our own close. python-engineio's send runs the ping check first, which drops the
            # CLOSE of a ping-timeout close: the pending poll would wait out its timeout.
            self.close_pending = not self.upgraded  # a websocket's writer takes it, not a poll
            self.queue.put_nowait(pkt)
            return
        if pkt.packet_type == eio_packet.MESSAGE and _idle_writer(self) is not None:
            # A websocket client with nothing pending (the Socket.IO CONNECT reply, an ack):
            # written now, as the broadcast path does, instead of waking its writer task for it.
            if not await self.check_ping_timeout():
                return
            writer = _idle_writer(self)
            if writer is not None:
                _GATHERED.add(writer, frame_of(pkt))
                return
        await super().send(pkt)

    async def poll(self) -> list[Any]:
        self.polling = True
        try:
            packets = await self._take()
        finally:
            self.polling = False
        if self.close_pending and any(pkt.packet_type == eio_packet.CLOSE for pkt in packets):
            self.close_pending = False
        return packets

    async def _take(self) -> list[Any]:
        queue = self.queue
        try:
            first = await asyncio.wait_for(queue.get(), self.server.ping_interval + self.server.ping_timeout)
            queue.task_done()
        except (TimeoutError, asyncio.CancelledError):
            raise eio_exceptions.QueueEmpty() from None
        if first is None:
            return []
        packets = [first]
        while len(packets) < MAX_PACKETS_PER_POLL and not queue.empty():
            pkt = queue.get_nowait()
            queue.task_done()
            if pkt is None:
                queue.put_nowait(None)  # the end marker stays for the next poll
                break
            packets.append(pkt)
        return packets


class DirectWriter:
    """What the broadcast path needs to write to one websocket client without its queue.

    During bursts the frames for a client in an event-loop iteration are gathered and leave in
    one `transport.write` at its end (a write is one system call, most of a delivery's cost): a
    burst of broadcasts costs about one call per client, not one per broadcast (`_Gathered`).
    """

    __slots__ = ("closed", "idle", "pending", "pending_bytes", "response", "touched", "transport")

    def __init__(self, response: Any, transport: asyncio.Transport) -> None:
        # aiohttp's WebSocketResponse, or a detached session (realtime/ws_session.py): both
        # have `close(code=, message=)`, which close_slow_consumer uses.
        self.response = response
        self.transport = transport
        self.idle = False  # True only while the writer waits on an empty queue
        self.closed = False
        self.touched = False  # written to directly in this loop iteration
        self.pending: list[bytes] = []
        self.pending_bytes = 0

    def flush(self) -> None:
        """Write the gathered frames; always before anything else is written to this client."""
        frames = self.pending
        if frames:
            data = frames[0] if len(frames) == 1 else b"".join(frames)
            frames.clear()  # reused: a new list per client per broadcast would feed the GC
            self.pending_bytes = 0
            self.write(data)

    def write(self, data: bytes) -> None:
        """Write now: only when nothing of this client is pending (else `flush` first)."""
        if not self.closed and not self.transport.is_closing():
            self.transport.write(data)


class _Gathered:
    """The writers written to directly in this loop iteration.

    Gathering pays when a client gets several frames in an iteration (a burst of broadcasts: one
    write instead of one per frame); when each got one, it only delays every frame to the end of
    the iteration (a steady rate of broadcasts: the first clients wait for the last). So an
    iteration gathers its frames when the one before had a client with two or more; otherwise a
    client's first frame leaves at once and only its later ones are gathered (which turns the next
    iteration back to gathering)."""

    def __init__(self) -> None:
        self.writers: list[DirectWriter] = []
        self.gathering = True
        self._burst = False  # a client got a second frame in this iteration

    def add(self, writer: DirectWriter, frame: bytes) -> None:
        if not writer.touched:
            writer.touched = True
            if not self.writers:
                asyncio.get_running_loop().call_soon(self.flush)
            self.writers.append(writer)
            if not self.gathering:  # nothing of this client is pending: the frame may leave now
                writer.write(frame)
                return
        else:
            self._burst = True
        writer.pending.append(frame)
        writer.pending_bytes += len(frame)
        if writer.pending_bytes >= _TRANSPORT_HIGH_WATER:
            writer.flush()  # a big burst does not wait for the end of the iteration

    def flush(self) -> None:
        writers, self.writers = self.writers, []
        for writer in writers:
            writer.flush()
            writer.touched = False
        self.gathering, self._burst = self._burst, False


_GATHERED = _Gathered()


def _idle_writer(sock: AsyncSocket) -> DirectWriter | None:
    """The socket's direct writer when a frame may be written to it now without overtaking
    anything: its writer task waits on an empty queue and its transport takes data."""
    writer: DirectWriter | None = sock.__dict__.get(WRITER_ATTR)
    if writer is None or not writer.idle or writer.closed or sock.queue.qsize():
        return None
    transport = writer.transport
    if transport.is_closing() or transport.get_write_buffer_size() >= _TRANSPORT_HIGH_WATER:
        return None
    return writer


def deliver(sock: AsyncSocket, pkt: PreparedPacket) -> None:
    """Send a prepared packet to one client now: a direct write when nothing of the client's is
    pending (so ordering holds), else through its queue."""
    if sock.closed:
        return
    writer: DirectWriter | None = sock.__dict__.get(WRITER_ATTR)
    queue = sock.queue
    if writer is not None and writer.idle and not writer.closed and not queue.qsize():
        transport = writer.transport
        if not transport.is_closing() and transport.get_write_buffer_size() < _TRANSPORT_HIGH_WATER:
            _GATHERED.add(writer, pkt.frame)
            return
    queue.put_nowait(pkt)


_PING_FRAME = _text_frame_header(1) + b"2"


def _send_ping(sock: AsyncSocket) -> None:
    """python-engineio's `_send_ping` once the interval is over: an idle websocket client gets
    the PING frame written at once (no wake-up of its writer), any other through its queue."""
    if sock.closing or sock.closed:
        return
    sock.last_ping = time.time()
    sock.server.pong_timers.add(_pong_overdue, sock, sock.server.ping_timeout)
    writer: DirectWriter | None = sock.__dict__.get(WRITER_ATTR)
    if writer is not None and writer.idle and not writer.closed and not sock.queue.qsize():
        transport = writer.transport
        if not transport.is_closing() and transport.get_write_buffer_size() < _TRANSPORT_HIGH_WATER:
            _GATHERED.add(writer, _PING_FRAME)
            return
    sock.queue.put_nowait(eio_packet.Packet(eio_packet.PING))


# Timers fire on the loop's clock, python-engineio stamps pings with time.time(): a PONG is
# overdue once this close to the ping timeout (the sweep in realtime/sio.py is the backstop).
_CLOCK_SLACK = 0.05
_CLOSING: set[asyncio.Future[None]] = set()


def _pong_overdue(sock: AsyncSocket) -> None:
    """`ping_timeout` after a PING: a client that has not answered it is gone, and is closed
    now (python-engineio only notices at its next sweep of every socket)."""
    last_ping = sock.last_ping
    server = sock.server
    if sock.closing or sock.closed or not last_ping or time.time() - last_ping < server.ping_timeout - _CLOCK_SLACK:
        return  # answered (a later PING may be pending: its own timer checks it)
    server.logger.info("%s: Client is gone, closing socket", sock.sid)
    closing = asyncio.ensure_future(sock.close(wait=False, abort=False, reason=server.reason.PING_TIMEOUT))
    _CLOSING.add(closing)
    closing.add_done_callback(_CLOSING.discard)


async def close_by_server(sock: AsyncSocket) -> None:
    """End a session from the server's side: the disconnect handlers run and the client gets an
    Engine.IO CLOSE (long-polling: FieldsyncSocket.close); a websocket is closed after it."""
    await sock.close(wait=False, abort=False, reason=sock.server.reason.SERVER_DISCONNECT)
    if sock.upgraded:
        sock.queue.put_nowait(None)  # the writer sends the CLOSE, then closes the websocket


async def close_slow_consumer(sock: AsyncSocket) -> None:
    """Disconnect a client whose queue overflowed: drop what it was sent, run the disconnect
    handlers, and close its transport with a reason (websocket close 1013 "slow consumer";
    a long-polling client collects an Engine.IO CLOSE with its next poll)."""
    queue = sock.queue
    if isinstance(queue, OutgoingQueue):
        queue.discard_all()
    writer: DirectWriter | None = sock.__dict__.get(WRITER_ATTR)
    if writer is None:
        await sock.close(wait=False, abort=False, reason=SLOW_CONSUMER)
        return
    writer.closed = True
    writer.idle = False
    await sock.close(wait=False, abort=True, reason=SLOW_CONSUMER)
    queue.put_nowait(None)  # the writer loop ends once its transport lets it go
    try:
        # Bounded: a client that reads nothing never lets the close frame out.
        await asyncio.wait_for(
            writer.response.close(code=SLOW_CONSUMER_CLOSE_CODE, message=SLOW_CONSUMER.encode()), timeout=1.0
        )
    except Exception:  # noqa: S110 - timeout or a transport already gone: abort below either way
        pass
    writer.transport.abort()


async def run_websocket(sock: AsyncSocket, ws: Any, response: WebSocketResponse, transport: asyncio.Transport) -> None:
    """python-engineio's `AsyncSocket._websocket_handler`, with a writer that waits on its
    queue without `wait_for` (one task and one timer per packet less), writes prepared frames
    without re-encoding, and tells the broadcast path when it is idle.

    Once the session is a websocket, the client's PONGs are handled as they are parsed
    (realtime/ws_response.py) and the reader waits without a timeout: an idle client wakes
    nothing here. A client that stops answering is closed when its PING's deadline passes
    (`_pong_overdue`; the sweep in realtime/sio.py is the backstop), and that close ends this
    loop (`FieldsyncSocket.close`)."""
    server = sock.server
    max_size = server.max_http_buffer_size

    async def receive() -> Any:
        data = await ws.wait()
        if data and len(data) > max_size:
            raise ValueError("packet is too large")
        return data

    if sock.connected:
        if not await _upgrade(sock, ws, receive, server.ping_interval + server.ping_timeout):
            return
    else:
        sock.connected = True
        sock.upgraded = True

    writer = DirectWriter(response, transport)
    if not response.compress:  # a compressed stream has per-client state: no shared frames
        sock.__dict__[WRITER_ATTR] = writer
    if isinstance(response, EngineWebSocketResponse):
        response.on_pong(sock.schedule_ping)
    writer_task = asyncio.ensure_future(_write_loop(sock, ws, writer))
    while True:
        try:
            received = await receive()
        except BaseException:  # timeout, closed transport, cancellation: the session is over
            break
        if received is None:
            break
        try:
            await sock.receive(eio_packet.Packet(encoded_packet=received))
        except eio_exceptions.UnknownPacketError:
            continue
        except eio_exceptions.SocketIsClosedError:
            break
        except Exception:  # python-engineio's policy: a bad packet is logged and ends nothing
            server.logger.exception("Unknown receive error")
    # The end of the session runs in its own task: aiohttp cancels this handler when the peer
    # goes away, and the disconnect handlers must run all the same.
    finish = asyncio.ensure_future(_finish(sock, writer, writer_task))
    _FINISHING.add(finish)
    finish.add_done_callback(_FINISHING.discard)
    await asyncio.shield(finish)


_FINISHING: set[asyncio.Future[None]] = set()


async def _finish(sock: AsyncSocket, writer: DirectWriter, writer_task: asyncio.Future[None]) -> None:
    writer.closed = True
    if isinstance(writer.response, EngineWebSocketResponse):
        writer.response.on_pong(None)
    sock.queue.put_nowait(None)  # unlock the writer so it can exit
    await writer_task
    await sock.close(wait=False, abort=True, reason=sock.server.reason.TRANSPORT_CLOSE)


async def _upgrade(sock: AsyncSocket, ws: Any, receive: Callable[[], Any], timeout: float) -> bool:
    """The polling -> websocket upgrade handshake (probe PING/PONG, then UPGRADE), each step
    within `timeout` (the long-polling session's own ping timeout still runs meanwhile)."""
    sock.upgrading = True  # hold packet sends during the upgrade
    try:
        async with asyncio.timeout(timeout):
            pkt = eio_packet.Packet(encoded_packet=await receive())
    except Exception:
        sock.upgrading = False
        return False
    if pkt.packet_type != eio_packet.PING or pkt.data != "probe":
        sock.upgrading = False
        return False
    await ws.send(eio_packet.Packet(eio_packet.PONG, data="probe").encode())
    await sock.queue.put(eio_packet.Packet(eio_packet.NOOP))  # end the pending poll
    try:
        async with asyncio.timeout(timeout):
            pkt = eio_packet.Packet(encoded_packet=await receive())
    except Exception:
        sock.upgrading = False
        return False
    if pkt.packet_type != eio_packet.UPGRADE:
        sock.upgraded = False
        sock.upgrading = False
        return False
    sock.upgraded = True
    sock.upgrading = False
    return True


async def _write_loop(sock: AsyncSocket, ws: Any, writer: DirectWriter) -> None:
    queue = sock.queue
    response = writer.response
    try:
        while True:
            if queue.empty():
                writer.idle = not writer.closed
                try:
                    pkt = await queue.get()
                finally:
                    writer.idle = False
            else:
                pkt = queue.get_nowait()
            queue.task_done()
            if pkt is None:
                break
            writer.flush()  # frames gathered before this packet was queued go first
            if type(pkt) is PreparedPacket:
                await response.send_frame(pkt.payload, WSMsgType.TEXT)
            else:
                await ws.send(pkt.encode())
    except Exception:  # noqa: S110 - the transport went away; python-engineio ends the same way
        pass
    finally:
        writer.closed = True
    await ws.close()
