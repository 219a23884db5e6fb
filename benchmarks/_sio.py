"""A raw /messaging Socket.IO client for the load generators: Engine.IO 4 / Socket.IO 5 frames
(`40/messaging,{token}`, `42` events, `43` acks, pings answered) over a websocket spoken by an
asyncio protocol: the HTTP upgrade, the frame parsing and the masking are here, and an ack is a
callback, not a task and a future. The generator shares the machine's cores with the server it
measures, so every microsecond it spends per message is taken from the server. A python-socketio
client per user cost more CPU than the server; aiohttp's websocket client (a message object, a
queue and a coroutine step per frame) with a task and a future per send cost ~1.6 times what this
does (0.11 against 0.07 ms a send: docs/performance.md, session 31).

Only what our server sends is understood: unfragmented, unmasked text frames, ping and close."""

from __future__ import annotations

import asyncio
import base64
import itertools
import os
import random
from collections.abc import Callable
from typing import Any, Protocol
from urllib.parse import urlsplit

import orjson

NS = b"/messaging"
OPEN = b"0{"  # Engine.IO OPEN and its handshake JSON
CONNECTED = b"40" + NS + b","
REFUSED = b"44" + NS + b","
EVENT_PREFIX = b"42" + NS + b","
ACK_PREFIX = b"43" + NS + b","
PING, PONG = b"2", b"3"
TEXT, CLOSE, WS_PING, WS_PONG = 0x1, 0x8, 0x9, 0xA

Ack = Callable[[Any], None]  # called with the ack's first argument ({"ok": ...})


class Listener(Protocol):
    def on_message(self, socket: Socket, payload: dict[str, Any]) -> None: ...


class SocketClosed(ConnectionError):
    pass


def frame(opcode: int, payload: bytes) -> bytes:
    """A client frame: FIN, the opcode, the length, a random mask and the masked payload (a client
    must mask; the key need not be secret here, so it comes from `random`, not the OS)."""
    n = len(payload)
    if n < 126:
        head = bytes((0x80 | opcode, 0x80 | n))
    elif n < 65536:
        head = bytes((0x80 | opcode, 0x80 | 126)) + n.to_bytes(2, "big")
    else:
        head = bytes((0x80 | opcode, 0x80 | 127)) + n.to_bytes(8, "big")
    key = random.getrandbits(32).to_bytes(4, "big")
    masked = (int.from_bytes(payload, "little") ^ int.from_bytes((key * (n // 4 + 1))[:n], "little")).to_bytes(
        n, "little")
    return head + key + masked


class Socket(asyncio.Protocol):
    """One participant's /messaging socket; its `message:new` events go to `listener`."""

    def __init__(self, listener: Listener, user: str) -> None:
        self.listener, self.user = listener, user
        self.transport: asyncio.Transport | None = None
        self.acks: dict[int, Ack] = {}
        self.ids = itertools.count(1)
        self.last_seq: dict[str, int] = {}
        self._buffer = bytearray()
        self._upgraded = False
        self._token = ""
        self._request = b""
        self._ready: asyncio.Future[None] | None = None

    async def connect(self, base: str, token: str) -> None:
        """The upgrade, Engine.IO's OPEN and the namespace connect with `token`; raises if refused."""
        url = urlsplit(base)
        host, port = url.hostname or "127.0.0.1", url.port or 80
        loop = asyncio.get_running_loop()
        self._ready, self._token = loop.create_future(), token
        self._request = (
            f"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: {host}:{port}\r\n"
            f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            f"Sec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}\r\n\r\n"
        ).encode()
        await loop.create_connection(lambda: self, host, port)
        await self._ready

    def emit(self, event: str, data: Any, on_ack: Ack) -> None:
        """Send the event now; `on_ack` is called with its ack (or an error if the socket closes)."""
        if self.transport is None or self.transport.is_closing():
            raise SocketClosed(self.user)
        ack_id = next(self.ids)
        self.acks[ack_id] = on_ack
        self.transport.write(frame(TEXT, EVENT_PREFIX + str(ack_id).encode() + orjson.dumps([event, data])))

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()

    # -- asyncio.Protocol ------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]  # uvloop's is no asyncio.Transport subclass
        self.transport.write(self._request)

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None
        self._fail(SocketClosed(f"{self.user}: {exc!r}" if exc else self.user))

    def data_received(self, data: bytes) -> None:
        buffer = self._buffer
        buffer += data
        if not self._upgraded:
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            status = bytes(buffer[: buffer.find(b"\r\n")])
            del buffer[: end + 4]
            if not status.startswith(b"HTTP/1.1 101"):
                self._refused(f"upgrade refused: {status!r}")
                return
            self._upgraded = True
        at, size = 0, len(buffer)
        while size - at >= 2:
            opcode, length, head = buffer[at] & 0x0F, buffer[at + 1] & 0x7F, 2
            if length == 126:
                length, head = int.from_bytes(buffer[at + 2 : at + 4], "big"), 4
            elif length == 127:
                length, head = int.from_bytes(buffer[at + 2 : at + 10], "big"), 10
            if size - at < head + length:
                break
            payload = bytes(buffer[at + head : at + head + length])
            at += head + length
            if opcode == TEXT:
                self._packet(payload)
            elif opcode == WS_PING and self.transport is not None:
                self.transport.write(frame(WS_PONG, payload))
            elif opcode == CLOSE and self.transport is not None:
                self.transport.close()
        del buffer[:at]

    # -- Engine.IO / Socket.IO ---------------------------------------------------------------

    def _packet(self, packet: bytes) -> None:
        if packet.startswith(EVENT_PREFIX):
            name, payload = orjson.loads(packet[len(EVENT_PREFIX) :])
            if name == "message:new":
                self.listener.on_message(self, payload)
        elif packet.startswith(ACK_PREFIX):
            rest = packet[len(ACK_PREFIX) :]
            cut = rest.index(b"[")
            on_ack = self.acks.pop(int(rest[:cut]), None)
            if on_ack is not None:
                on_ack(orjson.loads(rest[cut:])[0])
        elif packet == PING and self.transport is not None:
            self.transport.write(frame(TEXT, PONG))
        elif packet.startswith(OPEN) and self.transport is not None:
            self.transport.write(frame(TEXT, b"40" + NS + b"," + orjson.dumps({"token": self._token})))
        elif packet.startswith(CONNECTED):
            if self._ready is not None and not self._ready.done():
                self._ready.set_result(None)
        elif packet.startswith(REFUSED):
            self._refused(f"connect refused: {packet[:300]!r}")

    def _refused(self, why: str) -> None:
        """The server said no: fail the connect and hang up (a refused socket holds no file)."""
        self._fail(SocketClosed(why))
        self.close()

    def _fail(self, error: Exception) -> None:
        if self._ready is not None and not self._ready.done():
            self._ready.set_exception(error)
        acks, self.acks = self.acks, {}
        for on_ack in acks.values():
            on_ack({"ok": False, "error": repr(error)})
