"""Acceptance 5 (fuzz): seeded random payloads (wrong types, nested junk, huge strings, odd
unicode, nulls, extra and missing fields, several arguments) against every /messaging event
get error acks with a known code, never an internal error or a dropped connection, and the
server keeps serving: a normal send afterwards is stored and delivered."""

from __future__ import annotations

import json
import random
import uuid
from typing import Any

from tests.support.identity import register
from tests.support.messaging import NS, emit, make_booking, messaging_client, open_conversation

SEED = 5150
ROUNDS = 400
EVENTS = ("message:send", "message:read", "typing", "message:unknown")
FIELDS = ("conversation_id", "client_msg_id", "body", "attachments", "seq")
# Events over SOCKET_MAX_EVENT_BYTES (16 KiB) are answered payload_too_large; frames over
# SOCKET_MAX_PAYLOAD_BYTES (64 KiB) close the connection, so the fuzz stays under that.
FRAME_BUDGET = 60_000
EXPECTED = {"validation_failed", "not_found", "forbidden", "payload_too_large", "rate_limited"}
# Code points people (and attackers) paste: controls and NUL, zero-width and direction marks,
# combining marks, CJK, emoji, the replacement character and the last plane's edge.
ODD = ["\x00", "\x07", "\n", "\u200b", "\u202e", "\u0301", "\ufeff", "\u4e2d\u6587", "\U0001f600",
       "\U0001f469\u200d\U0001f527", "\ufffd", "\U0010ffff", "\uff41"]


def junk_text(rng: random.Random) -> str:
    size = rng.choice([0, 1, 8, 64, 4000, 4001, 20_000])
    if size > 64:
        return rng.choice(["x", "é", "😀"]) * size
    chars = [rng.choice(ODD) if rng.random() < 0.3 else chr(rng.randint(32, 0xD7FF)) for _ in range(size)]
    return "".join(chars)


def junk(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if depth > 3 or roll < 0.15:
        return rng.choice([None, True, False, 0, -1, 2**31, 2**53 + 1, -(2**63), 1.5, -0.0])
    if roll < 0.45:
        return junk_text(rng)
    if roll < 0.55:
        return str(uuid.uuid4())
    if roll < 0.75:
        return [junk(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {rng.choice([*FIELDS, junk_text(rng)[:20], "kind", "ref"]): junk(rng, depth + 1)
            for _ in range(rng.randint(0, 5))}


def payload_for(rng: random.Random, conversation_id: str) -> Any:
    """Mostly the right shape with wrong parts, sometimes anything at all."""
    if rng.random() < 0.25:
        return junk(rng)
    body: dict[str, Any] = {}
    for name in FIELDS:
        if rng.random() < 0.7:
            body[name] = junk(rng)
    if rng.random() < 0.5:
        body["conversation_id"] = conversation_id  # someone's real conversation, so checks go deeper
    if rng.random() < 0.2:
        body[junk_text(rng)[:10] or "extra"] = junk(rng)
    if rng.random() < 0.3:
        body["attachments"] = [{"kind": rng.choice(["image", "file", "exe", None]), "ref": junk(rng),
                                "size": junk(rng)} for _ in range(rng.randint(0, 12))]
    return body


async def test_random_payloads_on_every_event_get_error_acks_and_the_server_keeps_serving(make_client):
    client = await make_client(socket_event_rate_per_second=10_000, socket_event_burst=10_000)
    url = str(client.make_url("")).rstrip("/")
    customer = await register(client, "customer")
    serviceman = await register(client, "serviceman")
    attacker = await register(client, "customer")
    booking_id = await make_booking(customer.id, crew=(serviceman.id,))
    conversation_id = (await open_conversation(client, customer, kind="booking", booking_id=booking_id))["id"]
    fuzzer = await messaging_client(url, attacker)
    insider = await messaging_client(url, serviceman)  # a participant fuzzing their own conversation
    rng = random.Random(SEED)
    codes: dict[str, int] = {}
    try:
        for round_ in range(ROUNDS):
            device = fuzzer if round_ % 2 else insider
            event = rng.choice(EVENTS)
            payload = payload_for(rng, conversation_id)
            while len(json.dumps(payload)) > FRAME_BUDGET:  # over the Engine.IO frame limit the
                payload = payload_for(rng, conversation_id)  # transport itself hangs up (realtime/sio.py)
            if rng.random() < 0.05:
                payload = (payload, junk(rng))  # two arguments
            ack = await emit(device, event, payload)
            assert isinstance(ack, dict), (event, payload, ack)
            if ack.get("ok") is True:
                assert device is insider and event in ("message:send", "message:read", "typing"), (event, payload)
                codes["ok"] = codes.get("ok", 0) + 1
                continue
            code = ack["error"]["code"]
            assert code in EXPECTED, (event, payload, ack)
            codes[code] = codes.get(code, 0) + 1
        assert fuzzer.client.connected and insider.client.connected
        assert codes.get("validation_failed", 0) > ROUNDS // 4, codes

        # Still serving: a normal send is stored, acked and delivered.
        sender = await messaging_client(url, customer)
        try:
            ack = await emit(sender, "message:send", {"conversation_id": conversation_id, "client_msg_id": "after",
                                                      "body": "Still there?"})
            assert ack["ok"] is True, ack
            while True:
                event = await insider.next_event(NS, "message:new")
                if event["message"]["client_msg_id"] == "after":
                    break
        finally:
            await sender.close()
        assert (await client.get("/healthz")).status == 200
    finally:
        await fuzzer.close()
        await insider.close()
