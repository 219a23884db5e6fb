"""Messaging end to end on one process (real PostgreSQL and Redis): who takes part in a
booking's conversation, send and delivery, idempotency, seq under concurrency, read receipts
and unread counts, typing, removal, history and malformed payloads."""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass

import pytest
from aiohttp.test_utils import TestClient

from domain.messaging.models import Message
from domain.messaging.payloads import MessageNew, MessageRead, Typing
from tests.support.identity import Account, make_admin, register
from tests.support.messaging import (
    NS,
    assign,
    booking_chat,
    emit,
    messaging_client,
    open_conversation,
    send_rest,
)
from tests.support.socket_clients import Recorder
from tests.support.sync import pull as pull_sync
from tests.support.sync import sync_head

QUIET = 0.3  # how long "nothing more arrives" is watched for


@dataclass
class Booked:
    http: TestClient
    url: str
    customer: Account
    serviceman: Account
    manager: Account
    stranger: Account
    booking_id: str
    conversation_id: str


@pytest.fixture
async def booked(make_client) -> Booked:
    client = await make_client()
    chat = await booking_chat(client)
    stranger = await register(client, "serviceman")
    url = str(client.make_url("")).rstrip("/")
    return Booked(client, url, chat.customer, chat.serviceman, chat.manager, stranger, chat.booking_id,
                  chat.conversation_id)


async def _nothing_more(recorder: Recorder, event: str) -> None:
    await asyncio.sleep(QUIET)  # an absence (see QUIET)
    assert recorder.pending(NS, event) == 0, f"unexpected {event}"


async def test_the_parties_of_a_booking_take_part_and_outsiders_do_not_see_it(booked: Booked):
    http = booked.http
    response = await http.get(f"/v1/conversations/{booked.conversation_id}", headers=booked.customer.headers)
    body = await response.json()
    assert response.status == 200
    roles = {p["user_id"]: p["role"] for p in body["participants"]}
    assert roles == {booked.customer.id: "customer", booked.serviceman.id: "serviceman",
                     booked.manager.id: "manager"}
    # The serviceman opening it gets the same conversation; a stranger cannot tell it exists.
    again = await http.post("/v1/conversations", headers=booked.serviceman.headers,
                            json={"kind": "booking", "booking_id": booked.booking_id})
    assert (await again.json())["id"] == booked.conversation_id
    for method, path, payload in (
        ("POST", "/v1/conversations", {"kind": "booking", "booking_id": booked.booking_id}),
        ("GET", f"/v1/conversations/{booked.conversation_id}", None),
        ("GET", f"/v1/conversations/{booked.conversation_id}/messages", None),
        ("POST", f"/v1/conversations/{booked.conversation_id}/messages", {"client_msg_id": "x", "body": "hi"}),
    ):
        refused = await http.request(method, path, json=payload, headers=booked.stranger.headers)
        assert refused.status == 404, (method, path, await refused.text())
        assert (await refused.json())["code"] == "not_found"


async def test_a_socket_send_is_stored_acked_and_delivered_to_every_device_of_every_participant(booked: Booked):
    sender = await messaging_client(booked.url, booked.customer)
    sender_phone = await messaging_client(booked.url, booked.customer, transport="polling")
    crew = await messaging_client(booked.url, booked.serviceman)
    manager = await messaging_client(booked.url, booked.manager)
    stranger = await messaging_client(booked.url, booked.stranger)
    try:
        ack = await emit(sender, "message:send", {"conversation_id": booked.conversation_id,
                                                  "client_msg_id": "c-1", "body": "The pipe under the sink leaks"})
        assert ack["ok"] is True, ack
        stored = ack["data"]["message"]
        assert stored["seq"] == 1 and stored["sender_id"] == booked.customer.id
        assert stored["client_msg_id"] == "c-1" and stored["flagged"] is False
        assert set(stored) >= {"id", "conversation_id", "seq", "sender_id", "body", "client_msg_id", "created_at",
                               "attachments", "flagged", "flag_reasons"}
        cursors = set()
        for device in (sender, sender_phone, crew, manager):
            event = MessageNew.model_validate(await device.next_event(NS, "message:new"))
            assert event.message.model_dump() == stored and event.cursor is not None
            cursors.add(int(event.cursor))
        # The cursor is a sync position: a pull made on hearing the event already has the message.
        [position] = cursors
        page = await pull_sync(booked.http, booked.serviceman, collections=["messages"])
        assert [c["data"]["id"] for c in page["changes"]] == [stored["id"]]
        assert position <= await sync_head(booked.http)
        await _nothing_more(stranger, "message:new")
        assert await Message.filter(conversation_id=booked.conversation_id).count() == 1
    finally:
        for device in (sender, sender_phone, crew, manager, stranger):
            await device.close()


async def test_the_same_client_msg_id_twice_returns_the_first_message_and_delivers_nothing_new(booked: Booked):
    sender = await messaging_client(booked.url, booked.customer)
    crew = await messaging_client(booked.url, booked.serviceman)
    try:
        payload = {"conversation_id": booked.conversation_id, "client_msg_id": "retry-1", "body": "On my way?"}
        first = await emit(sender, "message:send", payload)
        second = await emit(sender, "message:send", {**payload, "body": "a different body, same id"})
        assert second == first
        await crew.next_event(NS, "message:new")
        await _nothing_more(crew, "message:new")
        # Over REST too, and the REST send reaches the sockets like the socket send does.
        http = booked.http
        again = await http.post(f"/v1/conversations/{booked.conversation_id}/messages",
                                headers=booked.customer.headers, json={"client_msg_id": "retry-1", "body": "x"})
        assert (await again.json()) == first["data"]["message"]
        await _nothing_more(crew, "message:new")
        assert await Message.filter(conversation_id=booked.conversation_id).count() == 1
    finally:
        await sender.close()
        await crew.close()


async def test_concurrent_senders_get_distinct_gapless_seqs_and_retries_never_duplicate(booked: Booked):
    senders = [await messaging_client(booked.url, who) for who in (booked.customer, booked.serviceman)]
    try:
        async def burst(index: int, recorder: Recorder) -> list[int]:
            acks = await asyncio.gather(*(
                emit(recorder, "message:send", {"conversation_id": booked.conversation_id,
                                                "client_msg_id": f"{index}-{n % 20}", "body": f"m {n}"})
                for n in range(30)  # ids repeat: 20 distinct per sender
            ))
            assert all(ack["ok"] for ack in acks), acks
            return [ack["data"]["message"]["seq"] for ack in acks]

        seqs = await asyncio.gather(*(burst(i, r) for i, r in enumerate(senders)))
        distinct = sorted(set(seqs[0]) | set(seqs[1]))
        assert distinct == list(range(1, 41))
        assert await Message.filter(conversation_id=booked.conversation_id).count() == 40
    finally:
        for recorder in senders:
            await recorder.close()


async def test_read_receipts_store_the_highest_seq_and_drive_unread_counts(booked: Booked):
    http = booked.http
    for n in range(3):
        await send_rest(http, booked.customer, booked.conversation_id, f"message {n}")

    async def mine(who: Account) -> dict:
        listing = await (await http.get("/v1/conversations", headers=who.headers)).json()
        [item] = [c for c in listing["items"] if c["id"] == booked.conversation_id]
        return item

    assert (await mine(booked.serviceman))["unread_count"] == 3
    assert (await mine(booked.customer))["unread_count"] == 0  # writing is reading
    customer = await messaging_client(booked.url, booked.customer)
    crew = await messaging_client(booked.url, booked.serviceman)
    try:
        ack = await emit(crew, "message:read", {"conversation_id": booked.conversation_id, "seq": 2})
        assert ack["data"] == {"conversation_id": booked.conversation_id, "last_read_seq": 2, "unread_count": 1}
        receipt = MessageRead.model_validate(await customer.next_event(NS, "message:read"))
        assert receipt.cursor is not None and int(receipt.cursor) > 0
        assert receipt == MessageRead(conversation_id=booked.conversation_id, user_id=booked.serviceman.id, seq=2,
                                      cursor=receipt.cursor)
        states = await pull_sync(booked.http, booked.customer, collections=["read_states"])  # the read state syncs
        [crew_state] = [c["data"] for c in states["changes"] if c["data"]["user_id"] == booked.serviceman.id]
        assert crew_state["last_read_seq"] == 2
        lower = await emit(crew, "message:read", {"conversation_id": booked.conversation_id, "seq": 1})
        assert lower["data"]["last_read_seq"] == 2  # max, never backwards
        await _nothing_more(customer, "message:read")
        beyond = await emit(crew, "message:read", {"conversation_id": booked.conversation_id, "seq": 999})
        assert beyond["data"] == {"conversation_id": booked.conversation_id, "last_read_seq": 3, "unread_count": 0}
        assert (await customer.next_event(NS, "message:read"))["seq"] == 3
        assert (await mine(booked.serviceman))["unread_count"] == 0
    finally:
        await customer.close()
        await crew.close()


async def test_typing_reaches_the_others_only_and_is_rate_limited_per_socket(booked: Booked):
    typist = await messaging_client(booked.url, booked.customer)
    reader = await messaging_client(booked.url, booked.serviceman)
    try:
        payload = {"conversation_id": booked.conversation_id}
        assert (await emit(typist, "typing", payload))["ok"] is True
        event = Typing.model_validate(await reader.next_event(NS, "typing"))
        assert event == Typing(conversation_id=booked.conversation_id, user_id=booked.customer.id)
        limited = [await emit(typist, "typing", payload) for _ in range(5)]
        assert {ack["error"]["code"] for ack in limited} == {"rate_limited"}
        assert 0 < limited[0]["error"]["details"]["retry_after"] <= 2
        await _nothing_more(reader, "typing")
        await _nothing_more(typist, "typing")  # never echoed to the typist
        assert await Message.filter(conversation_id=booked.conversation_id).count() == 0  # nothing stored
    finally:
        await typist.close()
        await reader.close()


async def test_a_removed_participant_stops_receiving_at_once_and_can_be_brought_back(booked: Booked):
    crew = await messaging_client(booked.url, booked.serviceman)
    sender = await messaging_client(booked.url, booked.customer)
    base = f"/v1/conversations/{booked.conversation_id}"
    try:
        http = booked.http
        # Only a manager (or an admin) manages; the customer sees the conversation but may not.
        refused = await http.delete(f"{base}/participants/{booked.serviceman.id}", headers=booked.customer.headers)
        assert refused.status == 403
        removed = await http.delete(f"{base}/participants/{booked.serviceman.id}", headers=booked.manager.headers)
        assert removed.status == 204
        await emit(sender, "message:send", {"conversation_id": booked.conversation_id, "client_msg_id": "a",
                                            "body": "after removal"})
        await emit(sender, "typing", {"conversation_id": booked.conversation_id})
        await _nothing_more(crew, "message:new")
        await _nothing_more(crew, "typing")
        lost = await emit(crew, "message:send", {"conversation_id": booked.conversation_id,
                                                 "client_msg_id": "b", "body": "let me in"})
        assert lost["error"]["code"] == "not_found"
        assert (await http.get(f"{base}/messages", headers=booked.serviceman.headers)).status == 404
        listed = await (await http.get("/v1/conversations", headers=booked.serviceman.headers)).json()
        assert listed["items"] == []
        # Opening the booking again does not bring a removed party back; a manager does.
        reopened = await http.post("/v1/conversations", headers=booked.serviceman.headers,
                                   json={"kind": "booking", "booking_id": booked.booking_id})
        assert reopened.status == 403
        back = await http.put(f"{base}/participants/{booked.serviceman.id}", headers=booked.manager.headers)
        assert back.status == 200 and (await back.json())["role"] == "serviceman"
        await emit(sender, "message:send", {"conversation_id": booked.conversation_id, "client_msg_id": "c",
                                            "body": "welcome back"})
        assert (await crew.next_event(NS, "message:new"))["message"]["body"] == "welcome back"
        outsider = await http.put(f"{base}/participants/{booked.stranger.id}", headers=booked.manager.headers)
        assert outsider.status == 409  # not a party of the booking
    finally:
        await crew.close()
        await sender.close()


async def test_crew_assigned_later_receives_what_follows(booked: Booked, make_client):
    http = booked.http
    newcomer = await register(http, "serviceman")
    await assign(booked.booking_id, newcomer.id)
    device = await messaging_client(booked.url, newcomer)
    sender = await messaging_client(booked.url, booked.customer)
    try:
        await emit(sender, "message:send", {"conversation_id": booked.conversation_id, "client_msg_id": "n",
                                            "body": "Welcome to the crew"})
        assert (await device.next_event(NS, "message:new"))["message"]["body"] == "Welcome to the crew"
    finally:
        await device.close()
        await sender.close()


async def test_history_pages_back_by_before_seq_and_catches_up_by_after_seq(booked: Booked):
    http = booked.http
    for n in range(1, 8):
        await send_rest(http, booked.customer, booked.conversation_id, f"m{n}")
    base = f"/v1/conversations/{booked.conversation_id}/messages"

    async def page(**query) -> dict:
        response = await http.get(base, params=query, headers=booked.serviceman.headers)
        assert response.status == 200, await response.text()
        return await response.json()

    newest = await page(limit=3)
    assert [m["seq"] for m in newest["items"]] == [5, 6, 7] and newest["next_before_seq"] == 5
    older = await page(limit=3, before_seq=5)
    assert [m["seq"] for m in older["items"]] == [2, 3, 4] and older["next_before_seq"] == 2
    oldest = await page(limit=3, before_seq=2)
    assert [m["seq"] for m in oldest["items"]] == [1] and oldest["next_before_seq"] is None
    catch_up = await page(after_seq=4, limit=2)
    assert [m["seq"] for m in catch_up["items"]] == [5, 6] and catch_up["next_after_seq"] == 6
    rest = await page(after_seq=6, limit=2)
    assert [m["seq"] for m in rest["items"]] == [7] and rest["next_after_seq"] is None
    assert rest["last_seq"] == 7
    bad = await http.get(base, params={"limit": "0"}, headers=booked.serviceman.headers)
    assert bad.status == 422


async def test_malformed_payloads_get_error_acks_on_every_event(booked: Booked):
    device = await messaging_client(booked.url, booked.customer)
    outsider = await messaging_client(booked.url, booked.stranger)
    cid = booked.conversation_id
    try:
        cases = {
            "message:send": [None, 5, "text", [], {}, {"conversation_id": cid},
                             {"conversation_id": cid, "client_msg_id": "x", "body": 7},
                             {"conversation_id": cid, "client_msg_id": "x", "body": "a" * 4001},
                             {"conversation_id": cid, "client_msg_id": "x" * 65, "body": "hi"},
                             {"conversation_id": cid, "client_msg_id": "x", "body": "hi", "extra": 1},
                             {"conversation_id": cid, "client_msg_id": "x", "body": "nul \x00"},
                             {"conversation_id": cid, "client_msg_id": "x", "body": "   "},
                             {"conversation_id": cid, "client_msg_id": "x", "body": "hi",
                              "attachments": [{"kind": "image", "ref": "r"}] * 11},
                             {"conversation_id": cid, "client_msg_id": "x", "body": "hi",
                              "attachments": [{"kind": "exe", "ref": "r"}]}],
            "message:read": [None, {"conversation_id": cid}, {"conversation_id": cid, "seq": -1},
                             {"conversation_id": cid, "seq": "3"}, {"conversation_id": cid, "seq": True},
                             {"conversation_id": cid, "seq": 2**63 - 1}],
            "typing": [None, {}, {"conversation_id": 12}, {"conversation_id": "c" * 65}],
        }
        for event, payloads in cases.items():
            for payload in payloads:
                ack = await emit(device, event, payload)
                assert ack["ok"] is False and ack["error"]["code"] == "validation_failed", (event, payload, ack)
        valid = {"message:send": {"client_msg_id": "ok", "body": "hi"}, "message:read": {"seq": 1}, "typing": {}}
        for event, extra in valid.items():
            unknown = await emit(device, event, {"conversation_id": secrets.token_hex(8), **extra})
            assert unknown["error"]["code"] == "not_found", (event, unknown)
            theirs = await emit(outsider, event, {"conversation_id": cid, **extra})
            assert theirs["error"]["code"] == "not_found", (event, theirs)
        assert await Message.filter(conversation_id=cid).count() == 0
    finally:
        await device.close()
        await outsider.close()


async def test_an_admin_who_has_not_joined_reads_but_may_not_send(booked: Booked):
    http = booked.http
    admin = await make_admin(http)
    read = await http.get(f"/v1/conversations/{booked.conversation_id}/messages", headers=admin.headers)
    assert read.status == 200
    device = await messaging_client(booked.url, admin)
    try:
        refused = await emit(device, "message:send", {"conversation_id": booked.conversation_id,
                                                      "client_msg_id": "adm", "body": "hello"})
        assert refused["error"]["code"] == "forbidden"
        joined = await open_conversation(http, admin, kind="booking", booking_id=booked.booking_id)
        assert joined["role"] == "admin"
        sent = await emit(device, "message:send", {"conversation_id": booked.conversation_id,
                                                   "client_msg_id": "adm", "body": "hello"})
        assert sent["ok"] is True
    finally:
        await device.close()
