"""Named offline mutations (PROTOCOL section 4, push): `booking.accept`, `bid.place` and
`message.send` run the same domain services, validation and permissions as REST; results
carry the stored row and the push's cursor; `message.send` is idempotent by client_msg_id and
the conversation hears it once, after the commit, with the cursor."""

from __future__ import annotations

import asyncio
from uuid import uuid4

from domain.bookings.models import Booking, BookingState
from domain.jobs.models import Bid
from domain.messaging.models import Message
from domain.messaging.payloads import MessageNew
from sync.models import SyncOp
from tests.support.bookings import book, build_market, job_body, ok
from tests.support.identity import register
from tests.support.messaging import NS, make_booking, make_org, messaging_client, open_conversation
from tests.test_sync_push import push


def named(mutation_id: int, collection: str, name: str, row_id: str, **extra: object) -> dict:
    return {"mutation_id": mutation_id, "collection": collection, "op": "action", "name": name, "id": row_id,
            **extra}


async def test_booking_accept_and_bid_place_offline_are_the_rest_use_cases(client):
    market = await build_market(client)
    plumber, rival = market.crew
    booking = await ok(await book(client, market), 201)
    job = await ok(await client.post("/v1/jobs", headers=market.customer.headers, json=job_body()), 201)
    device = str(uuid4())
    bid = {"amount": {"amount": 7000, "currency": "USD"}, "message": "Tomorrow morning"}
    answer = await push(client, plumber, device,
                        named(1, "bookings", "accept", booking["id"], base_version=booking["version"]),
                        named(2, "bids", "place", job["id"], data=bid),
                        named(3, "bids", "place", job["id"], data={"amount": {"amount": 7000, "currency": "EUR"}}),
                        named(4, "bids", "place", job["id"], data={"amount": {"amount": -5}}),
                        named(5, "bids", "place", str(uuid4()), data=bid))
    accepted, placed, wrong_currency, negative, no_job = answer["results"]
    assert accepted["status"] == "applied" and accepted["data"]["state"] == "accepted"
    stored = await ok(await client.get(f"/v1/bookings/{booking['id']}", headers=plumber.headers))
    assert stored["state"] == "accepted" and accepted["version"] == stored["version"]
    assert placed["status"] == "applied" and placed["data"]["amount"] == {"amount": 7000, "currency": "USD"}
    assert placed["data"]["job_id"] == job["id"] and placed["data"]["serviceman_id"] == plumber.id
    assert placed["version"] == (await Bid.get(id=placed["data"]["id"])).version
    for rejected in (wrong_currency, negative):
        assert rejected["status"] == "rejected" and rejected["error"]["code"] == "validation_failed"
    assert no_job["status"] == "rejected" and no_job["error"]["code"] == "not_found"
    assert await Bid.filter(job_id=job["id"]).count() == 1
    assert int(answer["cursor"]) > 0

    # Same permissions as REST: the customer cannot bid, a stranger cannot accept.
    later = await ok(await book(client, market, serviceman_ids=[rival.id]), 201)
    refused = await push(client, market.customer, str(uuid4()), named(1, "bids", "place", job["id"], data=bid),
                         named(2, "bookings", "accept", later["id"], base_version=later["version"]))
    assert [r["status"] for r in refused["results"]] == ["rejected", "rejected"]
    assert {r["error"]["code"] for r in refused["results"]} <= {"forbidden", "not_found"}
    assert (await Booking.get(id=later["id"])).state == BookingState.REQUESTED


async def test_message_send_offline_is_idempotent_and_heard_once_with_the_cursor(make_client):
    client = await make_client()
    url = str(client.make_url("")).rstrip("/")
    customer, serviceman, manager = (await register(client, "customer"), await register(client, "serviceman"),
                                     await register(client, "provider"))
    stranger = await register(client, "customer")
    booking_id = await make_booking(customer.id, org_id=await make_org(manager.id, crew=(serviceman.id,)),
                                    crew=(serviceman.id,))
    conversation = (await open_conversation(client, customer, kind="booking", booking_id=booking_id))["id"]
    crew = await messaging_client(url, serviceman)
    try:
        message = {"client_msg_id": "offline-1", "body": "I will be home after 5"}
        answer = await push(client, customer, str(uuid4()), named(1, "messages", "send", conversation, data=message),
                            named(2, "messages", "send", conversation, data=message),  # the app retried it
                            named(3, "messages", "send", conversation, data={"client_msg_id": "x y", "body": "?"}))
        first, retried, invalid = answer["results"]
        assert first["status"] == retried["status"] == "applied"
        assert first["data"] == retried["data"] and first["data"]["seq"] == 1
        assert first["data"]["body"] == message["body"] and first["data"]["sender_id"] == customer.id
        assert invalid["status"] == "rejected" and invalid["error"]["code"] == "validation_failed"
        assert await Message.filter(conversation_id=conversation).count() == 1
        history = await ok(await client.get(f"/v1/conversations/{conversation}/messages", headers=customer.headers))
        [rest_view] = history["items"]
        assert {k: first["data"][k] for k in rest_view if k in first["data"]} == {
            k: v for k, v in rest_view.items() if k in first["data"]}

        heard = MessageNew.model_validate(await crew.next_event(NS, "message:new"))
        assert heard.message.id == first["data"]["id"] and heard.cursor is not None
        # Its cursor is a position at which the message is visible, no later than the push's answer.
        ticks = await SyncOp.filter(collection="messages", row_id=first["data"]["id"]).values_list("tick", flat=True)
        assert ticks and max(ticks) <= int(heard.cursor) <= int(answer["cursor"])
        await asyncio.sleep(0.3)  # an absence: a retry's message:new would have come by now
        assert crew.pending(NS, "message:new") == 0  # the retry told nobody

        outsider = await push(client, stranger, str(uuid4()), named(1, "messages", "send", conversation,
                                                                    data={"client_msg_id": "s", "body": "hi"}))
        assert outsider["results"][0]["status"] == "rejected"
        assert outsider["results"][0]["error"]["code"] in ("forbidden", "not_found")
        assert await Message.filter(conversation_id=conversation).count() == 1
    finally:
        await crew.close()
