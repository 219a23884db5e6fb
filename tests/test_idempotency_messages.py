"""Idempotency-Key on a message send (docs/idempotency.md "Sends deduplicated by their own id"),
over HTTP on real PostgreSQL: the key's answer is recorded and replayed as on every POST, but the
send is not fenced (its write stays one statement, free to join a group commit of sends): its
`client_msg_id` is what keeps it from running twice, even when the key is given up and retried."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta
from typing import Any

import aiohttp
from aiohttp.test_utils import TestClient

from domain.messaging.models import Message
from domain.shared import idempotency
from domain.shared.clock import utcnow
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



async def test_sends_with_keys_at_once_claim_their_keys_in_groups(make_client):
    """Every keyed request first claims its key: at once, the claims go in group commits
    (domain/shared/grouping.py), and each key still holds its own answer."""
    client = await make_client()
    customer, conversation_id = await booking_conversation(client)
    claims = idempotency._CLAIMS.groups
    keys = [str(uuid.uuid4()) for _ in range(30)]

    async def attempt(n: int) -> bytes:
        response = await send(client, customer, conversation_id, keys[n], {"client_msg_id": f"g-{n}", "body": f"#{n}"})
        assert response.status == 201
        return await response.read()

    bodies = await asyncio.gather(*(attempt(n) for n in range(30)))
    assert idempotency._CLAIMS.groups > claims
    assert await Message.filter(conversation_id=conversation_id).count() == 30
    for n, key in enumerate(keys):
        record = await IdempotencyRecord.get(scope=f"user:{customer.id}", key=key)
        assert record.status == 201 and bytes(record.body) == bodies[n]
        replay = await send(client, customer, conversation_id, key, {"client_msg_id": f"g-{n}", "body": f"#{n}"})
        assert replay.headers[REPLAYED] == "true" and await replay.read() == bodies[n]


async def test_claims_and_answers_at_once_are_grouped_and_each_key_keeps_its_own(client):
    """The store itself: claims of distinct keys and of one key twice, then their answers, all
    at once; each attempt owns its own key (one of the twins), each key replays its own answer."""
    scope, lease = f"user:{uuid.uuid4()}", timedelta(seconds=30)
    keys = [f"k-{n}" for n in range(20)] + ["twin", "twin"]
    claims, answers = idempotency._CLAIMS.groups, idempotency._COMPLETES.groups
    held = await asyncio.gather(*(idempotency.claim(scope, key, "POST /t", "f", lease=lease) for key in keys))
    owned = [claim for claim in held if isinstance(claim, idempotency.Owned)]
    assert len(owned) == 21 and len({claim.record_id for claim in owned}) == 21  # one twin got it
    assert all(isinstance(claim, idempotency.Owned | idempotency.Busy) for claim in held)
    stored = await asyncio.gather(*(idempotency.complete(claim, idempotency.StoredResponse(
        201, {"Content-Type": "application/json"}, f"{claim.record_id}".encode())) for claim in owned))
    assert all(stored)
    assert idempotency._CLAIMS.groups > claims and idempotency._COMPLETES.groups > answers
    for claim in owned:
        record = await IdempotencyRecord.get(id=claim.record_id)
        replay = await idempotency.claim(scope, record.key, "POST /t", "f", lease=lease)
        assert isinstance(replay, idempotency.Replay) and replay.response.body == f"{claim.record_id}".encode()
        assert replay.response.headers == {"Content-Type": "application/json"}


async def test_one_grouped_statement_answers_each_claim_and_each_answer(client):
    """The grouped statements themselves: each attempt learns its own row's id (None for the
    second of two attempts at one key), and each answer whether it was stored."""
    scope, now = f"user:{uuid.uuid4()}", utcnow()
    attempts = [(scope, key, "POST /t", "f", uuid.uuid4(), now + timedelta(seconds=30), False, now)
                for key in ("a", "b", "twin", "twin")]
    ids = await idempotency._claim_many(attempts)
    assert ids[0] is not None and ids[1] is not None and ids[2] is not None and ids[3] is None
    rows = {row.token: row.id for row in await IdempotencyRecord.filter(scope=scope)}
    assert [rows.get(attempt[4]) for attempt in attempts] == ids
    answers = [(ids[0], attempts[0][4], 201, "{}", b"a", now), (ids[1], uuid.uuid4(), 201, "{}", b"b", now)]
    assert await idempotency._complete_many(answers) == [True, False]  # the second holds no longer
