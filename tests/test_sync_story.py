"""Acceptance 2 as one story, on PostgreSQL, through the REST API: a customer offline for a day
comes back and sees edits, deletes (tombstones) and a conversation they were removed from
disappear; a serviceman newly assigned to a month-old booking receives it with all its
earlier messages; a cursor past retention gets 410 and a full resync reproduces the state."""

from __future__ import annotations

from datetime import timedelta

from domain.bookings.models import Assignment, Booking
from domain.messaging.models import Participant
from domain.shared.clock import utcnow
from sync.compaction import compact_expired
from tests.support.bookings import act, book, build_market, fetch, ok
from tests.support.bus import wait_until
from tests.support.identity import Account, make_admin, register
from tests.support.messaging import open_conversation, send_rest
from tests.support.sync import Replica, flush, sync_head, sync_of
from tests.test_sync_retention import _age


async def history(client, who: Account, conversation_id: str) -> list[dict]:
    page = await ok(await client.get(f"/v1/conversations/{conversation_id}/messages", headers=who.headers))
    return list(page["items"])


async def fresh(client, who: Account) -> Replica:
    replica = Replica(who)
    await replica.catch_up(client)
    return replica


async def test_offline_for_a_day_new_crew_and_past_retention(client):
    market = await build_market(client)
    customer, provider, admin = market.customer, market.provider, market.admin
    lead, newcomer = market.crew
    ancient = await fresh(client, customer)  # this device goes offline for good (past retention later)

    # A month ago: the booking, its conversation and a few messages.
    booking = await ok(await book(client, market), 201)
    chat = (await open_conversation(client, customer, kind="booking", booking_id=booking["id"]))["id"]
    for who, text in ((customer, "The pipe leaks"), (lead, "I can come on Tuesday"), (customer, "Perfect")):
        await send_rest(client, who, chat, text)
    await Booking.filter(id=booking["id"]).update(created_at=utcnow() - timedelta(days=30))
    support = (await open_conversation(client, customer, kind="support"))["id"]
    await open_conversation(client, admin, kind="support", user_id=customer.id)
    await send_rest(client, admin, support, "How can we help?")
    await flush(client)

    offline = await fresh(client, customer)  # yesterday's pull
    assert {("conversations", chat), ("conversations", support)} <= set(offline.rows)
    assert len(offline.ids("messages")) == 4
    late = await fresh(client, newcomer)  # not on the booking yet
    assert booking["id"] not in late.ids("bookings") and not late.ids("messages")
    [old_assignment] = offline.ids("booking_assignments")
    offline_before_support_ids = {i for (c, i), row in offline.rows.items()
                                  if c == "messages" and row["conversation_id"] == support}
    assert len(offline_before_support_ids) == 1

    # While the customer is offline: an edit, a delete, a removal, a new crew member.
    booking = await fetch(client, lead, booking["id"])
    booking = await ok(await act(client, lead, booking, "accept"))
    booking = await ok(await client.put(f"/v1/bookings/{booking['id']}/assignments", headers=provider.headers,
                                        json={"version": booking["version"], "serviceman_ids": [lead.id,
                                                                                               newcomer.id]}))
    await wait_until(lambda: Participant.exists(conversation_id=chat, user_id=newcomer.id), 10,
                     "the new crew member joining the booking's conversation")
    removed = await client.delete(f"/v1/conversations/{support}/participants/{customer.id}", headers=admin.headers)
    assert removed.status == 204
    await send_rest(client, admin, support, "Closing this one")  # not for the customer's eyes any more
    await flush(client)

    changes: list[dict] = []
    while True:
        page = await offline.pull_once(client)
        changes += page["changes"]
        if page["complete"]:
            break
    reasons = {(c["collection"], c["id"]): c.get("reason") for c in changes if c["op"] == "delete"}
    assert offline.rows[("bookings", booking["id"])]["state"] == "accepted"  # the edit
    assert ("booking_assignments", old_assignment) not in offline.rows  # the delete, as a tombstone
    assert ("conversations", support) not in offline.rows  # the conversation they were removed from
    assert not [key for key, row in offline.rows.items() if row.get("conversation_id") == support]
    assert reasons[("booking_assignments", old_assignment)] == "deleted"
    assert reasons[("conversations", support)] == "revoked"
    assert {reasons[("messages", m)] for m in offline_before_support_ids} == {"revoked"}
    assert offline.rows == (await fresh(client, customer)).rows  # equal to a fresh snapshot

    # The newcomer's device, whose cursor is newer than all of it, receives the month-old booking
    # and every earlier message of its conversation.
    await late.catch_up(client)
    assert late.rows[("bookings", booking["id"])]["state"] == "accepted"
    assert late.ids("messages") == {m["id"] for m in await history(client, newcomer, chat)}
    assert len(late.ids("messages")) == 3 and ("conversations", chat) in late.rows
    assert late.rows == (await fresh(client, newcomer)).rows

    # A month later the yesterday's position is past retention for the device that never came back.
    await _age(await sync_head(client), 31)
    compacted = await compact_expired(sync_of(client).dialect, 30 * 86400)
    assert compacted is not None
    gone = await client.post("/v1/sync/pull", json={"cursor": ancient.cursor}, headers=customer.headers)
    assert gone.status == 410 and (await gone.json())["code"] == "resync_required"
    resynced = await fresh(client, customer)
    assert resynced.rows == offline.rows
    assert resynced.rows[("bookings", booking["id"])]["version"] == (await Booking.get(id=booking["id"])).version
    crew_now = {str(a.id) for a in await Assignment.filter(booking_id=booking["id"])}
    assert resynced.ids("booking_assignments") == crew_now
    assert resynced.ids("messages") == {m["id"] for m in await history(client, customer, chat)}


async def test_a_participant_added_removed_and_added_again_converges(client):
    """Grants follow participation both ways, through the REST participant routes."""
    customer, admin, colleague = await register(client, "customer"), await make_admin(client), await make_admin(client)
    support = (await open_conversation(client, customer, kind="support"))["id"]
    await open_conversation(client, admin, kind="support", user_id=customer.id)
    for who, text in ((customer, "My booking vanished"), (admin, "Looking into it"), (customer, "Thanks")):
        await send_rest(client, who, support, text)
    await flush(client)
    device = await fresh(client, colleague)
    assert not device.ids("messages")

    path = f"/v1/conversations/{support}/participants/{colleague.id}"
    await ok(await client.put(path, headers=admin.headers))
    await flush(client)
    await device.catch_up(client)
    assert device.ids("messages") == {m["id"] for m in await history(client, colleague, support)}
    assert len(device.ids("messages")) == 3 and ("conversations", support) in device.rows
    assert device.rows == (await fresh(client, colleague)).rows

    assert (await client.delete(path, headers=admin.headers)).status == 204
    await send_rest(client, customer, support, "Anyone?")
    await flush(client)
    await device.catch_up(client)
    assert not device.ids("messages") and not device.ids("conversations") and not device.ids("read_states")

    await ok(await client.put(path, headers=admin.headers))
    await flush(client)
    await device.catch_up(client)
    assert len(device.ids("messages")) == 4  # the history again, the message sent meanwhile included
    assert device.rows == (await fresh(client, colleague)).rows
