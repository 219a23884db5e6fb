"""A minimal keep-alive HTTP/1.1 client for the load generators: it shares the machine's cores
with the server it measures, and aiohttp's ClientSession cost it ~0.2 ms of CPU per request.

One request in flight per connection (no pipelining: the server answers in order, so a slow
answer would hold up the ones behind it); a request takes an idle connection or opens a new one,
so an open-loop sender never waits for a free connection, only for a connect slot: at most
CONNECTING connects at once (unbounded, a server falling behind got a storm of them, beyond
aiohttp's listen backlog of 128: 10,679 connects and connection resets in one 15,000-send step).
Responses need a Content-Length (what aiohttp's server sends for json); `Connection: close` or a
server-closed connection drops it from the pool."""

from __future__ import annotations

import asyncio
from typing import cast
from urllib.parse import urlsplit

CONNECTING = 32  # below aiohttp's listen backlog (128)


class HttpError(Exception):
    """A response this client cannot read (chunked, no length, garbled)."""


def request_head(method: str, path: str, host: str, headers: dict[str, str]) -> bytes:
    """The start of a request, up to (without) its Content-Length and blank line: build it once
    per (path, headers) and finish it with `finish`."""
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n").encode("latin-1")


def finish(head: bytes, body: bytes, extra: bytes = b"") -> bytes:
    """`head` + `extra` (header lines, each ending in CRLF) + Content-Length + the body."""
    return b"%s%sContent-Length: %d\r\n\r\n%s" % (head, extra, len(body), body)


class _Connection(asyncio.Protocol):
    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.waiter: asyncio.Future[tuple[int, bytes]] | None = None
        self.closed = False  # by either side: never reused
        self.reusable = True  # False after a `Connection: close` answer

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's is no asyncio.Transport subclass

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self._fail(exc or ConnectionResetError("server closed the connection"))

    def send(self, raw: bytes) -> asyncio.Future[tuple[int, bytes]]:
        assert self.transport is not None and self.waiter is None
        self.waiter = asyncio.get_running_loop().create_future()
        self.transport.write(raw)
        return self.waiter

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        try:
            parsed = self._parse()
        except HttpError as error:
            self._fail(error)
            self.close()
            return
        if parsed is None:
            return
        waiter, self.waiter = self.waiter, None
        if waiter is None:  # an answer nobody asked for: the connection is out of step
            self.close()
        elif not waiter.done():
            waiter.set_result(parsed)

    def _parse(self) -> tuple[int, bytes] | None:
        """The status and body of the complete response at the start of the buffer, else None."""
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0:
            return None
        lines = bytes(self.buffer[:end]).split(b"\r\n")
        try:
            status = int(lines[0].split(b" ", 2)[1])
        except (IndexError, ValueError):
            raise HttpError(f"bad status line {lines[0][:100]!r}") from None
        length = None
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                if not value.strip().isdigit():
                    raise HttpError(f"{status}: Content-Length {value.strip()[:20]!r}")
                length = int(value)
            elif name == b"connection" and value.strip().lower() == b"close":
                self.reusable = False
            elif name == b"transfer-encoding":
                raise HttpError(f"{status}: transfer-encoding {value.strip()!r} not supported")
        if length is None:
            if status not in (204, 304):
                raise HttpError(f"{status}: no Content-Length")
            length = 0
        start = end + 4
        if len(self.buffer) < start + length:
            return None
        body = bytes(self.buffer[start : start + length])
        del self.buffer[: start + length]
        return status, body

    def _fail(self, error: Exception) -> None:
        waiter, self.waiter = self.waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_exception(error)

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()


class HttpPool:
    """Persistent connections to one http:// origin; `request` sends pre-formatted bytes."""

    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        assert parts.scheme == "http" and parts.hostname, base
        self.hostname, self.port = parts.hostname, parts.port or 80
        self.host = parts.netloc  # the Host header
        self.idle: list[_Connection] = []
        self.opened = 0  # connections opened so far (the most at once, when none closed)
        self.connect_slots = asyncio.Semaphore(CONNECTING)

    def _idle(self) -> _Connection | None:
        while self.idle:
            conn = self.idle.pop()  # the most recently used: the fewest connections stay warm
            if not conn.closed:
                return conn
        return None

    async def _connect(self) -> _Connection:
        async with self.connect_slots:
            conn = self._idle()  # one came back while this waited for a slot
            if conn is None:
                _, conn = await asyncio.get_running_loop().create_connection(_Connection, self.hostname, self.port)
                self.opened += 1
            return conn

    async def warm(self, count: int) -> None:
        """Open connections until `count` are idle (before a timed step: connects are not its work)."""
        missing = count - len(self.idle)
        if missing > 0:
            self.idle.extend(await asyncio.gather(*(self._connect() for _ in range(missing))))

    async def request(self, raw: bytes) -> tuple[int, bytes]:
        """Send one request on an idle connection (a new one when all are busy); its status and body."""
        conn = self._idle() or await self._connect()
        try:
            result = await conn.send(raw)
        except BaseException:  # failed or cancelled mid-request: its state is unknown
            conn.close()
            raise
        if conn.reusable and not conn.closed:
            self.idle.append(conn)
        else:
            conn.close()
        return result

    def close(self) -> None:
        for conn in self.idle:
            conn.close()
        self.idle.clear()
