"""Idempotency-Key on a message send (docs/idempotency.md "Sends deduplicated by their own id"),
over HTTP on real PostgreSQL: the key's answer is recorded and replayed as on every POST, but the
send is not fenced (its write stays one statement, free to join a group commit of sends): its
`client_msg_id` is what keeps it from running twice, even when the key is given up and retried."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import aiohttp
from aiohttp.test_utils import TestClient

from domain.messaging.models import Message
from domain.shared.idempotency import IdempotencyRecord
from tests.support.identity import Account
from tests.support.messaging import booking_chat

KEY = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"


async def booking_conversation(client: TestClient) -> tuple[Account, str]:
    chat = await booking_chat(client)
    return chat.customer, chat.conversation_id


async def send(client: TestClient, who: Account, conversation_id: str, key: str,
               body: dict[str, Any]) -> aiohttp.ClientResponse:
    return await client.post(f"/v1/conversations/{conversation_id}/messages", headers={**who.headers, KEY: key},
                             json=body)


async def test_twenty_sends_with_one_key_at_once_store_one_message_and_answer_alike(make_client):
    client = await make_client()
    customer, conversation_id = await booking_conversation(client)
    key, body = str(uuid.uuid4()), {"client_msg_id": "k-1", "body": "Is 9:00 fine?"}

    async def attempt() -> tuple[int, bytes, str | None]:
        response = await send(client, customer, conversation_id, key, body)
        return response.status, await response.read(), response.headers.get(REPLAYED)

    results = await asyncio.gather(*(attempt() for _ in range(20)))
    assert {status for status, _, _ in results} == {201}
    assert len({raw for _, raw, _ in results}) == 1  # byte for byte
    assert sorted(replayed or "-" for _, _, replayed in results) == ["-"] + ["true"] * 19  # one ran
    assert await Message.filter(conversation_id=conversation_id).count() == 1


async def test_a_key_reused_for_another_message_is_refused_and_nothing_is_sent(make_client):
    client = await make_client()
    customer, conversation_id = await booking_conversation(client)
    key = str(uuid.uuid4())
    assert (await send(client, customer, conversation_id, key, {"client_msg_id": "k-1", "body": "a"})).status == 201
    reused = await send(client, customer, conversation_id, key, {"client_msg_id": "k-2", "body": "b"})
    assert reused.status == 422
    assert (await reused.json())["code"] == "idempotency_key_reused"
    assert await Message.filter(conversation_id=conversation_id).count() == 1


async def test_the_send_is_not_fenced_and_its_answer_is_recorded_for_replay(make_client):
    client = await make_client()
    customer, conversation_id = await booking_conversation(client)
    key = str(uuid.uuid4())
    first = await send(client, customer, conversation_id, key, {"client_msg_id": "k-1", "body": "hello"})
    assert first.status == 201
    record = await IdempotencyRecord.get(scope=f"user:{customer.id}", key=key)
    # A fenced handler marks the key committed inside its own transaction; this one wrote its
    # message alone (one statement, groupable with other sends), and only the answer was stored.
    assert record.committed is False and record.status == 201 and bytes(record.body) == await first.read()
    replay = await send(client, customer, conversation_id, key, {"client_msg_id": "k-1", "body": "hello"})
    assert replay.status == 201 and replay.headers[REPLAYED] == "true"
    assert await replay.read() == await first.read()


async def test_a_key_given_up_after_the_send_committed_runs_again_and_gets_the_same_message(make_client):
    """What a 5xx, a cancel or a crash after the commit leaves: the key released (or its lease run
    out) though the message is stored. The retry runs the send again; client_msg_id answers it."""
    client = await make_client()
    customer, conversation_id = await booking_conversation(client)
    key, body = str(uuid.uuid4()), {"client_msg_id": "k-1", "body": "hello"}
    first = await (await send(client, customer, conversation_id, key, body)).json()
    await IdempotencyRecord.filter(scope=f"user:{customer.id}", key=key).delete()  # given up

    retry = await send(client, customer, conversation_id, key, body)
    assert retry.status == 201 and REPLAYED not in retry.headers  # it ran again...
    assert (await retry.json())["id"] == first["id"]  # ...and found the first message
    assert await Message.filter(conversation_id=conversation_id).count() == 1
