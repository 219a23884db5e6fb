"""benchmarks/_sio: the messaging benchmark's own websocket client against the real server. If it
misread a frame, the benchmark would count sends and deliveries that never happened (or miss them)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from benchmarks._sio import Socket, SocketClosed, frame
from tests.support.messaging import booking_chat


class Heard:
    def __init__(self) -> None:
        self.messages: list[tuple[str, dict[str, Any]]] = []
        self.arrived = asyncio.Event()

    def on_message(self, socket: Socket, payload: dict[str, Any]) -> None:
        self.messages.append((socket.user, payload))
        self.arrived.set()


def test_a_frame_is_masked_with_its_key_and_sized_by_its_length() -> None:
    for size in (0, 5, 125, 126, 65535, 65536):
        payload = bytes(range(256)) * (size // 256) + bytes(range(size % 256))
        raw = frame(0x1, payload)
        assert raw[0] == 0x81 and raw[1] & 0x80  # FIN + text, masked
        head = 2 if size < 126 else 4 if size < 65536 else 10
        assert int.from_bytes(raw[2:head], "big") == size if head > 2 else raw[1] & 0x7F == size
        key, masked = raw[head : head + 4], raw[head + 4 :]
        assert bytes(b ^ key[i % 4] for i, b in enumerate(masked)) == payload


async def test_a_send_is_acked_and_delivered_to_the_other_participants_socket(client) -> None:
    chat = await booking_chat(client)
    base = str(client.make_url("")).rstrip("/")
    heard = Heard()
    sender, reader = Socket(heard, chat.customer.id), Socket(heard, chat.serviceman.id)
    await sender.connect(base, chat.customer.access_token)
    await reader.connect(base, chat.serviceman.access_token)
    try:
        acks: asyncio.Queue[Any] = asyncio.Queue()
        body = "x" * 300  # a frame over 125 bytes: the 16-bit length
        sender.emit("message:send", {"conversation_id": chat.conversation_id, "client_msg_id": "c1", "body": body},
                    acks.put_nowait)
        ack = await asyncio.wait_for(acks.get(), 10)
        assert ack["ok"] and ack["data"]["message"]["body"] == body
        await asyncio.wait_for(heard.arrived.wait(), 10)
        [payload] = [p for user, p in heard.messages if user == chat.serviceman.id]
        assert payload["message"]["client_msg_id"] == "c1" and payload["cursor"]
        # A refused event is answered with its error, not dropped.
        sender.emit("message:send", {"conversation_id": chat.conversation_id}, acks.put_nowait)
        refused = await asyncio.wait_for(acks.get(), 10)
        assert refused["ok"] is False and refused["error"]["code"] == "validation_failed"
    finally:
        sender.close()
        reader.close()


async def test_a_bad_token_is_refused_and_a_closed_socket_answers_its_sends(client) -> None:
    chat = await booking_chat(client)
    base = str(client.make_url("")).rstrip("/")
    refused = Socket(Heard(), chat.customer.id)
    with pytest.raises(SocketClosed):
        await refused.connect(base, "not-a-token")
    await asyncio.sleep(0.05)
    assert refused.transport is None  # hung up, not left open
    socket = Socket(Heard(), chat.customer.id)
    await socket.connect(base, chat.customer.access_token)
    socket.close()
    await asyncio.sleep(0.05)
    with pytest.raises(SocketClosed):
        socket.emit("message:send", {}, lambda ack: None)
