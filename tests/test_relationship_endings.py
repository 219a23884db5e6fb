"""Issue 11, Low: when a relationship ends, what it granted ends too.

- Presence: a closed or cancelled booking (or a crew member leaving) ends presence peering,
  live subscriptions included (`presence:revoked`, then no more `presence:update`s); a
  cancelled request never makes two users peers.
- Crew taken off a booking leave its conversation; admins reading a conversation they do not
  take part in are audited.
"""

from __future__ import annotations

from domain.audit.models import AuditRecord
from domain.bookings.models import Booking, BookingState
from domain.shared.outbox import OutboxEvent
from realtime.server import EMITTER
from tests.conftest import app_of
from tests.support.bookings import act, book, build_market, ok
from tests.support.bus import wait_until
from tests.support.identity import join_org, make_admin, register
from tests.support.messaging import open_conversation, send_rest
from tests.support.presence import PRESENCE, share_booking, subscribe
from tests.support.socket_clients import Recorder, caught_up

UPDATE, REVOKED = "presence:update", "presence:revoked"


def _url(client) -> str:
    return str(client.make_url("")).rstrip("/")


async def _watch(client, who, target) -> Recorder:
    watcher = await Recorder.connect(_url(client), who.access_token, [PRESENCE], [UPDATE, REVOKED])
    ack = await subscribe(watcher, [target.id])
    assert ack["ok"] and [s["user_id"] for s in ack["data"]["states"]] == [target.id]
    return watcher


async def _updates_about(recorder: Recorder, user_id: str) -> list[dict]:
    """The updates about `user_id` received so far."""
    seen = []
    while recorder.pending(PRESENCE, UPDATE):
        update = await recorder.next_event(PRESENCE, UPDATE, 0.1)
        if update["user_id"] == user_id:
            seen.append(update)
    return seen


async def _status_seen(recorder: Recorder, user_id: str) -> str:
    """The next status `recorder` hears of `user_id`."""
    while (update := await recorder.next_event(PRESENCE, UPDATE, 10.0))["user_id"] != user_id:
        pass
    return str(update["status"])


async def _settled() -> None:
    async def relayed() -> bool:
        return not await OutboxEvent.filter(published_at__isnull=True).exists()

    await wait_until(relayed, 20.0, "the outbox to drain")


async def _sees(client, who, target) -> bool:
    recorder = await Recorder.connect(_url(client), who.access_token, [PRESENCE])
    try:
        ack = await subscribe(recorder, [target.id])
    finally:
        await recorder.close()
    return bool(ack["data"]["states"])


async def test_a_cancelled_request_does_not_make_two_users_presence_peers(client):
    customer, serviceman = await register(client, "customer"), await register(client, "serviceman")
    booking = await share_booking(customer.id, serviceman.id)
    assert await _sees(client, customer, serviceman)  # a live request: they may look for each other
    for state in (BookingState.CANCELLED, BookingState.COMPLETED, BookingState.DECLINED, BookingState.EXPIRED):
        await Booking.filter(id=booking.id).update(state=state)
        assert not await _sees(client, customer, serviceman), state
        assert not await _sees(client, serviceman, customer), state


async def test_cancelling_a_booking_ends_a_live_presence_subscription(client):
    m = await build_market(client, crew_size=1)
    [plumber] = m.crew
    booking = await ok(await book(client, m), 201)
    watcher = await _watch(client, m.customer, plumber)
    control = await _watch(client, m.provider, plumber)  # their manager: a peer still
    try:
        await ok(await act(client, m.customer, booking, "cancel", reason="changed my mind"))
        revoked = await watcher.next_event(PRESENCE, REVOKED, 20.0)
        assert revoked == {"user_ids": [plumber.id]}
        await _updates_about(watcher, plumber.id)  # anything from before the cancellation
        device = await Recorder.connect(_url(client), plumber.access_token, ["/"])  # the plumber comes online
        try:
            assert await _status_seen(control, plumber.id) == "online"  # the update went out...
            await caught_up(app_of(client)[EMITTER], PRESENCE, watcher)  # ...and passed the former peer by
            assert await _updates_about(watcher, plumber.id) == []
        finally:
            await device.close()
        assert not await _sees(client, m.customer, plumber)
    finally:
        await watcher.close()
        await control.close()


async def test_a_serviceman_who_leaves_the_crew_drops_out_of_the_managers_live_presence(client):
    owner, serviceman = await register(client, "provider"), await register(client, "serviceman")
    org = await ok(await client.post("/v1/orgs", headers=owner.headers, json={"name": "Crew"}), 201)
    await join_org(client, owner, org["id"], serviceman)
    customer = await register(client, "customer")
    await share_booking(customer.id, serviceman.id)
    watcher = await _watch(client, owner, serviceman)
    theirs = await _watch(client, serviceman, owner)
    control = await _watch(client, customer, serviceman)  # a customer of theirs: a peer still
    try:
        assert (await client.post(f"/v1/orgs/{org['id']}/leave", headers=serviceman.headers)).status == 204
        assert await watcher.next_event(PRESENCE, REVOKED, 20.0) == {"user_ids": [serviceman.id]}
        assert await theirs.next_event(PRESENCE, REVOKED, 20.0) == {"user_ids": [owner.id]}
        await _updates_about(watcher, serviceman.id)  # from before they left (their own socket came online)
        await theirs.close()  # the serviceman goes offline: the former manager is not told
        assert await _status_seen(control, serviceman.id) == "offline"  # the update went out...
        await caught_up(app_of(client)[EMITTER], PRESENCE, watcher)  # ...and passed the former manager by
        assert await _updates_about(watcher, serviceman.id) == []
    finally:
        await watcher.close()
        await theirs.close()
        await control.close()


async def test_crew_taken_off_a_booking_leave_its_conversation(client):
    m = await build_market(client, crew_size=2)
    first, second = m.crew
    booking = await ok(await book(client, m, serviceman_ids=[first.id]), 201)
    conversation = await open_conversation(client, m.customer, kind="booking", booking_id=booking["id"])
    await send_rest(client, m.customer, conversation["id"], "See you Monday")
    await ok(await client.put(f"/v1/bookings/{booking['id']}/assignments", headers=m.provider.headers,
                              json={"version": booking["version"], "serviceman_ids": [second.id]}))
    await _settled()

    async def swapped() -> bool:
        view = await (await client.get(f"/v1/conversations/{conversation['id']}", headers=m.provider.headers)).json()
        return {p["user_id"] for p in view["participants"]} == {m.customer.id, m.provider.id, second.id}

    await wait_until(swapped, 20.0, "the crew change to reach the conversation")
    gone = await client.get(f"/v1/conversations/{conversation['id']}/messages", headers=first.headers)
    assert gone.status in (403, 404)
    assert (await client.get(f"/v1/conversations/{conversation['id']}/messages", headers=second.headers)).status == 200


async def test_an_admin_reading_a_private_conversation_is_audited(client):
    admin = await make_admin(client)
    m = await build_market(client, crew_size=1)
    booking = await ok(await book(client, m), 201)
    conversation = await open_conversation(client, m.customer, kind="booking", booking_id=booking["id"])
    await send_rest(client, m.customer, conversation["id"], "My door code is 1234")
    cid = conversation["id"]
    for who in (m.customer, m.crew[0]):  # its own parties read without a trace
        await ok(await client.get(f"/v1/conversations/{cid}/messages", headers=who.headers))
    assert not await AuditRecord.filter(subject_id=cid).exists()
    await ok(await client.get(f"/v1/conversations/{cid}", headers=admin.headers))
    await ok(await client.get(f"/v1/conversations/{cid}/messages", headers=admin.headers))
    records = await AuditRecord.filter(subject_id=cid).order_by("id")
    assert [(r.action, r.actor_id, r.after["read"]) for r in records] == [
        ("conversation.read", admin.id, "conversation"), ("conversation.read", admin.id, "messages")]
