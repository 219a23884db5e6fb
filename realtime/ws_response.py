"""aiohttp's websocket response, with an Engine.IO PONG handled where the frame is parsed.

An idle client's only traffic is the heartbeat: every `ping_interval` the server sends PING and
the client answers PONG. With aiohttp's stock reader each PONG is queued, wakes the socket's
handler task, goes up through aiohttp's `receive`, python-engineio's wrapper and packet decoding,
only to schedule the next PING. At 20,000 sockets that is 800 task wake-ups a second for nothing.

`PongQueue` is aiohttp's message queue (the parser's destination) that, once the session is a
websocket (`on_pong` set by realtime/engine.py `run_websocket`), takes a PONG text frame that
arrives with nothing queued before it and calls `on_pong` on the spot: what python-engineio's
`receive` does for a PONG (`schedule_ping`), without the wake-up. Every other frame, and a PONG
behind queued ones (so the order the handler sees is the client's), goes through the queue.

aiohttp builds its queue in `_post_start` with no hook to choose the class, so
`EngineWebSocketResponse._post_start` is aiohttp 3.14's with `PongQueue` in place of
`WebSocketDataQueue` (tests/test_realtime_heartbeat.py fails if the PONG stops taking this path).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiohttp import WSMsgType
from aiohttp._websocket.reader import WebSocketDataQueue, WebSocketReader
from aiohttp.helpers import DEFAULT_CHUNK_SIZE
from aiohttp.http_writer import StreamWriter
from aiohttp.web import WebSocketResponse

_TEXT = WSMsgType.TEXT
_PONG = "3"  # Engine.IO v4 PONG, as a websocket text frame


class PongQueue(WebSocketDataQueue):
    __slots__ = ("on_pong",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.on_pong: Callable[[], None] | None = None

    def feed_data(self, data: Any, size: int) -> None:
        on_pong = self.on_pong
        if on_pong is not None and data[0] is _TEXT and data[1] == _PONG and not self._buffer:
            on_pong()
            return
        super().feed_data(data, size)


class EngineWebSocketResponse(WebSocketResponse):
    # The 101's headers wait in aiohttp's writer until `send_headers` (realtime/transport.py), so
    # they leave in one write with the Engine.IO OPEN frame.
    _send_headers_immediately = False
    _detached = False

    def detach(self) -> None:
        """The connection now belongs to a realtime/ws_session.py session: aiohttp's end of the
        request (`write_eof`, which closes a websocket) must leave it alone."""
        self._detached = True

    async def write_eof(self) -> None:  # type: ignore[override]
        if self._detached:
            return
        await super().write_eof()

    async def send_headers(self, first_frame: bytes = b"") -> None:
        """Write the 101 response aiohttp holds since `prepare`, with `first_frame` (a complete
        websocket frame) in the same write: aiohttp's writer sends buffered headers together with
        the first payload. Called once, before anything else is written to the websocket."""
        writer = self._payload_writer
        if writer is None:
            return
        if first_frame:
            if isinstance(writer, StreamWriter):
                await writer.write(first_frame, drain=False)
            else:
                await writer.write(first_frame)
        else:
            writer.send_headers()

    def _post_start(self, request: Any, protocol: str | None, writer: Any) -> None:
        # aiohttp 3.14.5's WebSocketResponse._post_start, with PongQueue for the reader.
        self._ws_protocol = protocol
        self._writer = writer
        self._reset_heartbeat()
        loop = self._loop
        assert loop is not None
        self._reader = PongQueue(request._protocol, DEFAULT_CHUNK_SIZE, loop=loop)
        self._parser = WebSocketReader(
            self._reader, self._max_msg_size, compress=bool(self._compress), decode_text=self._decode_text
        )
        callback = None if self._heartbeat is None else self._on_data_received
        request.protocol.set_parser(self._parser, data_received_cb=callback)
        request.protocol.keep_alive(False)

    def on_pong(self, callback: Callable[[], None] | None) -> None:
        """Handle the client's PONGs with `callback` from now on (None: through the queue)."""
        reader = self._reader
        if isinstance(reader, PongQueue):
            reader.on_pong = callback
