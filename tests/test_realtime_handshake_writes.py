"""Fewer writes and wake-ups per websocket handshake (issue 19): the 101 response and the
Engine.IO OPEN leave in one write, and a packet for a websocket client with nothing pending
(the Socket.IO CONNECT reply, an ack) is written at once instead of through its writer task.
What the client receives, and in which order, is unchanged."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import aiohttp
import orjson
from aiohttp import http_writer, web
from engineio import packet as eio_packet

from realtime.outqueue import OutgoingQueue
from tests.support.socket_clients import signer_for

PRESENCE = "/presence"


class _RecordingTransport:
    """A server connection's transport that records what is written to it."""

    def __init__(self, real: Any, writes: list[bytes]) -> None:
        self._real = real
        self._writes = writes

    def write(self, data: bytes) -> None:
        self._writes.append(bytes(data))
        self._real.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


async def test_the_101_and_the_open_packet_leave_in_one_write(make_client, monkeypatch):
    """Without compression the 101 is written by realtime/handshake.py itself, with the OPEN."""
    client = await make_client()
    writes: list[bytes] = []
    real_transport = web.BaseRequest.transport

    def recording_transport(self):
        transport = real_transport.fget(self)
        if transport is None or self.path != "/socket.io/":
            return transport
        return _RecordingTransport(transport, writes)

    monkeypatch.setattr(web.BaseRequest, "transport", property(recording_transport))
    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(
            str(client.make_url("/socket.io/?EIO=4&transport=websocket")), headers={"X-Request-ID": "handshake-1"}
        )
        opening = await asyncio.wait_for(ws.receive_str(), 2)
        assert opening.startswith('0{"sid":')
        assert ws.protocol is None and ws.compress == 0
        assert ws._response.headers["X-Request-ID"] == "handshake-1"  # the app's response headers too
        assert ws._response.headers["X-Content-Type-Options"] == "nosniff"
        await ws.close()
    [together] = [w for w in writes if w.startswith(b"HTTP/1.1 101")]
    head, _, frame = together.partition(b"\r\n\r\n")
    assert b"sec-websocket-accept" in head.lower()
    assert frame[:1] == b"\x81" and frame[2:].decode() == opening  # one unmasked text frame: the OPEN


async def test_with_compression_the_101_and_the_open_packet_leave_in_one_write(make_client, monkeypatch):
    """With compression python-engineio's upgrade writes the 101 (aiohttp's writer), with the OPEN."""
    client = await make_client(socket_compression=True)
    writes: list[bytes] = []
    headers_alone: list[bytes] = []
    write = http_writer.StreamWriter.write
    send_headers = http_writer.StreamWriter.send_headers

    async def recording_write(self, chunk, *args, **kwargs):
        if self._headers_buf and not self._headers_written:
            writes.append(bytes(self._headers_buf) + bytes(chunk))
        return await write(self, chunk, *args, **kwargs)

    def recording_send_headers(self):
        if self._headers_buf and not self._headers_written and self._headers_buf.startswith(b"HTTP/1.1 101"):
            headers_alone.append(bytes(self._headers_buf))
        return send_headers(self)

    monkeypatch.setattr(http_writer.StreamWriter, "write", recording_write)
    monkeypatch.setattr(http_writer.StreamWriter, "send_headers", recording_send_headers)
    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(str(client.make_url("/socket.io/?EIO=4&transport=websocket")))
        opening = await asyncio.wait_for(ws.receive_str(), 2)
        assert opening.startswith('0{"sid":')
        await ws.close()
    assert headers_alone == []
    [together] = [w for w in writes if w.startswith(b"HTTP/1.1 101")]
    head, _, frame = together.partition(b"\r\n\r\n")
    assert b"sec-websocket-accept" in head.lower()
    assert frame[:1] == b"\x81" and frame[2:].decode() == opening  # one unmasked text frame: the OPEN


async def test_a_packet_for_an_idle_websocket_skips_its_queue(make_client, settings_factory, monkeypatch):
    client = await make_client()
    queued: list[object] = []
    put = OutgoingQueue._put

    def recording_put(self, item):
        queued.append(item)
        put(self, item)

    monkeypatch.setattr(OutgoingQueue, "_put", recording_put)
    token = signer_for(settings_factory()).issue_access(f"u-{uuid.uuid4()}", ["customer"])
    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(str(client.make_url("/socket.io/?EIO=4&transport=websocket")))
        assert (await asyncio.wait_for(ws.receive_str(), 2)).startswith("0{")
        await ws.send_str("40" + PRESENCE + "," + orjson.dumps({"token": token}).decode())
        assert (await asyncio.wait_for(ws.receive_str(), 2)).startswith("40/presence,")
        await ws.send_str('42/presence,1["presence:set",{"status":"away"}]')
        assert (await asyncio.wait_for(ws.receive_str(), 2)).startswith("43/presence,1")
        await ws.close()
    messages = [p for p in queued if isinstance(p, eio_packet.Packet) and p.packet_type == eio_packet.MESSAGE]
    assert messages == []  # the CONNECT reply and the ack were written directly
