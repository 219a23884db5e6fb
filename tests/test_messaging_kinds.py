"""Conversation kinds and the scam screen in use: a job conversation is one customer and one
bidder, a support conversation a user and the admins who open it; flagged messages warn
their recipients and wait in the admin review queue."""

from __future__ import annotations

import asyncio

from tortoise.connection import connections
from tortoise.transactions import in_transaction

from domain.messaging.models import FLAGGED_QUEUE, Message
from domain.messaging.payloads import MessageFlagged
from tests.support.identity import make_admin, register
from tests.support.messaging import NS, emit, make_booking, make_job, messaging_client, open_conversation
from tests.support.socket_clients import Recorder


async def _nothing_more(recorder: Recorder, event: str) -> None:
    await asyncio.sleep(0.3)  # an absence: what was due has arrived by now
    assert recorder.pending(NS, event) == 0, f"unexpected {event}"


async def test_a_job_conversation_is_between_the_customer_and_one_bidder(make_client):
    client = await make_client()
    customer = await register(client, "customer")
    bidder = await register(client, "serviceman")
    rival = await register(client, "serviceman")
    job_id = await make_job(customer.id, bidder.id, rival.id)
    theirs = await open_conversation(client, bidder, kind="job", job_id=job_id)
    assert theirs["role"] == "bidder"
    named = await open_conversation(client, customer, kind="job", job_id=job_id, bidder_id=bidder.id)
    assert named["id"] == theirs["id"] and named["role"] == "customer"
    # One conversation per bidder: the rival has their own and cannot see this one.
    assert (await open_conversation(client, rival, kind="job", job_id=job_id))["id"] != theirs["id"]
    peek = await client.get(f"/v1/conversations/{theirs['id']}", headers=rival.headers)
    assert peek.status == 404
    unnamed = await client.post("/v1/conversations", headers=customer.headers, json={"kind": "job", "job_id": job_id})
    assert unnamed.status == 422


async def test_flagged_messages_warn_the_recipients_and_wait_in_the_admin_queue(make_client):
    client = await make_client()
    url = str(client.make_url("")).rstrip("/")
    customer = await register(client, "customer")
    bidder = await register(client, "serviceman")
    admin = await make_admin(client)
    job_id = await make_job(customer.id, bidder.id)
    conversation = await open_conversation(client, bidder, kind="job", job_id=job_id)
    reader = await messaging_client(url, customer)
    writer = await messaging_client(url, bidder)
    try:
        ack = await emit(writer, "message:send", {
            "conversation_id": conversation["id"], "client_msg_id": "scam",
            "body": "Call me on 07911 123456, pay me directly and skip the app fees"})
        stored = ack["data"]["message"]
        assert stored["flagged"] is True
        assert stored["flag_reasons"] == ["off_platform_payment", "contact_before_booking"]
        delivered = await reader.next_event(NS, "message:new")
        assert delivered["message"]["flagged"] is True
        warning = MessageFlagged.model_validate(await reader.next_event(NS, "message:flagged"))
        assert warning.message_id == stored["id"] and warning.reasons == stored["flag_reasons"]
        await _nothing_more(writer, "message:flagged")  # the recipients are warned, not the sender
        ordinary = await emit(reader, "message:send", {"conversation_id": conversation["id"],
                                                       "client_msg_id": "fine", "body": "What time suits you?"})
        assert ordinary["data"]["message"]["flagged"] is False
        # After a booking with that bidder, contact details are fine.
        await make_booking(customer.id, crew=(bidder.id,), job_id=job_id)
        later = await emit(writer, "message:send", {"conversation_id": conversation["id"],
                                                    "client_msg_id": "phone", "body": "Call me on 07911 123456"})
        assert later["data"]["message"]["flagged"] is False
    finally:
        await reader.close()
        await writer.close()

    refused = await client.get("/v1/admin/flagged-messages", headers=customer.headers)
    assert refused.status == 403
    queue = await (await client.get("/v1/admin/flagged-messages", headers=admin.headers)).json()
    assert [item["message"]["id"] for item in queue["items"]] == [stored["id"]]
    review = await client.post(f"/v1/admin/flagged-messages/{stored['id']}/review", headers=admin.headers,
                               json={"verdict": "abuse"})
    assert review.status == 200
    assert (await review.json())["review_verdict"] == "abuse"
    assert (await (await client.get("/v1/admin/flagged-messages", headers=admin.headers)).json())["items"] == []
    done = await (await client.get("/v1/admin/flagged-messages", params={"status": "reviewed"},
                                   headers=admin.headers)).json()
    assert done["items"][0]["reviewed_by"] == admin.id
    unknown = await client.post(f"/v1/admin/flagged-messages/{ordinary['data']['message']['id']}/review",
                                headers=admin.headers, json={"verdict": "ok"})
    assert unknown.status == 404  # only flagged messages are reviewed


async def test_the_review_queue_reads_an_index_that_unflagged_messages_never_enter(make_client):
    await make_client()
    conn = connections.get("default")
    [index] = (await conn.execute_query(
        "SELECT indexdef FROM pg_indexes WHERE tablename = 'message' AND indexdef LIKE '%flagged%'"))[1]
    assert index["indexdef"].endswith(f"{FLAGGED_QUEUE} ON public.message USING btree (created_at, id) "
                                      "WHERE (flagged = true)"), index
    queue = Message.filter(flagged=True, review_verdict__isnull=True).order_by("created_at", "id").limit(51)
    # Planned on an empty table, where reading it whole would win: without those scans, the index
    # must serve the queue in its order.
    async with in_transaction("default") as tx:
        await tx.execute_script("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off")
        plan = "\n".join(row["QUERY PLAN"] for row in (await tx.execute_query(
            f"EXPLAIN {queue.sql(params_inline=True)}"))[1])
    assert f"Index Scan using {FLAGGED_QUEUE}" in plan and "Sort" not in plan, plan


async def test_support_conversations_join_a_user_and_the_admins_who_open_them(make_client):
    client = await make_client()
    user = await register(client, "customer")
    admin = await make_admin(client)
    mine = await open_conversation(client, user, kind="support")
    assert mine["role"] == "member"
    assert (await open_conversation(client, user, kind="support"))["id"] == mine["id"]
    taken = await open_conversation(client, admin, kind="support", user_id=user.id)
    assert taken["id"] == mine["id"] and taken["role"] == "admin"
    other = await register(client, "customer")
    peek = await client.post("/v1/conversations", headers=other.headers, json={"kind": "support", "user_id": user.id})
    assert peek.status == 404
    inbox = await (await client.get("/v1/conversations", params={"all": "true", "kind": "support"},
                                    headers=admin.headers)).json()
    assert [c["id"] for c in inbox["items"]] == [mine["id"]]
    assert (await client.get("/v1/conversations", params={"all": "true"}, headers=user.headers)).status == 403
