"""A message to a conversation sent to before skips the read before the write
(domain/messaging/send_targets.py): what that read decided must still hold at every send, for
every sender. Each test sends once (so the target is remembered), changes what it was
remembered with, and sends again."""

from __future__ import annotations

import asyncio

from domain.access.policy import POLICY, Permission
from domain.messaging.models import Message
from tests.support.identity import register
from tests.support.messaging import NS, assign, emit, make_booking, make_org, messaging_client, open_conversation

QUIET = 0.3  # how long "nothing more arrives" is watched for


async def test_a_sender_removed_after_sending_can_send_no_more_on_either_transport(make_client):
    client = await make_client()
    customer = await register(client, "customer")
    crew = await register(client, "serviceman")
    manager = await register(client, "provider")
    org_id = await make_org(manager.id, crew=(crew.id,))
    booking_id = await make_booking(customer.id, org_id=org_id, crew=(crew.id,))
    conversation = (await open_conversation(client, customer, kind="booking", booking_id=booking_id))["id"]
    url = str(client.make_url("")).rstrip("/")
    device = await messaging_client(url, crew)
    try:
        for draft in ("a", "b"):  # the second send goes by the remembered target
            sent = await emit(device, "message:send", {"conversation_id": conversation, "client_msg_id": draft,
                                                       "body": "on my way"})
            assert sent["ok"] is True, sent
        removed = await client.delete(f"/v1/conversations/{conversation}/participants/{crew.id}",
                                      headers=manager.headers)
        assert removed.status == 204
        refused = await emit(device, "message:send", {"conversation_id": conversation, "client_msg_id": "c",
                                                      "body": "still here?"})
        assert refused["error"]["code"] == "not_found"
        # Not even a retry of a message stored before the removal is answered.
        retried = await emit(device, "message:send", {"conversation_id": conversation, "client_msg_id": "b",
                                                      "body": "on my way"})
        assert retried["error"]["code"] == "not_found"
        rest = await client.post(f"/v1/conversations/{conversation}/messages", headers=crew.headers,
                                 json={"client_msg_id": "d", "body": "by REST then"})
        assert rest.status == 404
        assert sorted(await Message.filter(conversation_id=conversation).values_list("client_msg_id", flat=True)) == [
            "a", "b"]
        # Brought back, they send again.
        back = await client.put(f"/v1/conversations/{conversation}/participants/{crew.id}", headers=manager.headers)
        assert back.status == 200
        again = await emit(device, "message:send", {"conversation_id": conversation, "client_msg_id": "e",
                                                    "body": "back"})
        assert again["ok"] is True, again
    finally:
        await device.close()


async def test_crew_assigned_between_two_sends_of_one_sender_receives_the_second(make_client):
    client = await make_client()
    customer = await register(client, "customer")
    crew = await register(client, "serviceman")
    newcomer = await register(client, "serviceman")
    booking_id = await make_booking(customer.id, crew=(crew.id,))
    conversation = (await open_conversation(client, customer, kind="booking", booking_id=booking_id))["id"]
    url = str(client.make_url("")).rstrip("/")
    sender = await messaging_client(url, customer)
    try:
        first = await emit(sender, "message:send", {"conversation_id": conversation, "client_msg_id": "1",
                                                    "body": "Hello crew"})
        assert first["ok"] is True, first
        await assign(booking_id, newcomer.id)  # the booking's version moves
        device = await messaging_client(url, newcomer)
        try:
            second = await emit(sender, "message:send", {"conversation_id": conversation, "client_msg_id": "2",
                                                         "body": "Welcome aboard"})
            assert second["ok"] is True and second["data"]["message"]["seq"] == 2, second
            delivered = await device.next_event(NS, "message:new")
            assert delivered["message"]["body"] == "Welcome aboard"
            await asyncio.sleep(QUIET)
            assert device.pending(NS, "message:new") == 0  # the first was sent before they joined
        finally:
            await device.close()
    finally:
        await sender.close()


async def test_a_remembered_conversation_takes_its_other_parties_and_refuses_everyone_else(make_client):
    client = await make_client()
    customer = await register(client, "customer")
    crew = await register(client, "serviceman")
    stranger = await register(client, "customer")
    booking_id = await make_booking(customer.id, crew=(crew.id,))
    conversation = (await open_conversation(client, customer, kind="booking", booking_id=booking_id))["id"]
    url = str(client.make_url("")).rstrip("/")
    mine, theirs, outsider = (await messaging_client(url, customer), await messaging_client(url, crew),
                              await messaging_client(url, stranger))
    try:
        first = await emit(mine, "message:send", {"conversation_id": conversation, "client_msg_id": "1",
                                                  "body": "Hello"})
        assert first["ok"] is True, first
        assert (await theirs.next_event(NS, "message:new"))["message"]["body"] == "Hello"
        assert (await mine.next_event(NS, "message:new"))["message"]["seq"] == 1  # the sender's own devices too
        reply = await emit(theirs, "message:send", {"conversation_id": conversation, "client_msg_id": "1",
                                                    "body": "Hi, on my way"})
        assert reply["ok"] is True and reply["data"]["message"]["seq"] == 2, reply
        assert (await mine.next_event(NS, "message:new"))["message"]["seq"] == 2
        assert (await theirs.next_event(NS, "message:new"))["message"]["seq"] == 2
        refused = await emit(outsider, "message:send", {"conversation_id": conversation, "client_msg_id": "1",
                                                        "body": "let me in"})
        assert refused["error"]["code"] == "not_found"
        rest = await client.post(f"/v1/conversations/{conversation}/messages", headers=stranger.headers,
                                 json={"client_msg_id": "2", "body": "or by REST"})
        assert rest.status == 404
        await asyncio.sleep(QUIET)
        assert mine.pending(NS, "message:new") == 0 and theirs.pending(NS, "message:new") == 0
        assert await Message.filter(conversation_id=conversation).count() == 2
        # The parties still send after the refusals.
        again = await emit(mine, "message:send", {"conversation_id": conversation, "client_msg_id": "3",
                                                  "body": "See you"})
        assert again["ok"] is True and again["data"]["message"]["seq"] == 3, again
    finally:
        for device in (mine, theirs, outsider):
            await device.close()


def test_the_remembered_path_checks_all_the_send_policy_asks() -> None:
    """A send to a remembered conversation skips `authorize` and relies on the storing
    statement's guard, which checks one thing: that the sender takes part now. That is the whole
    of the policy's CONVERSATION_SEND grant today. If the grant ever gives the permission by a
    role or another relation, the remembered path must learn it too (domain/messaging/sending.py)."""
    grant = POLICY[Permission.CONVERSATION_SEND]
    assert not grant.roles and grant.relation == "conversation_participant"
