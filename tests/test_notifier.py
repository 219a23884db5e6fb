"""Issue 7 part A: the notifier's decisions through the real event path (outbox -> relay ->
subscription): in-app rows, queued pushes (push/queue.py rows), presence, preferences, quiet
hours, the collapse of a burst of messages into one entry, and delta sync of the result."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bus import Envelope
from domain.notifications.models import Notification
from domain.shared.outbox import OutboxEvent
from domain.shared.uow import unit_of_work
from push.models import PushJob
from push.notifier import Notifier
from tests.support.bookings import build_market, job_body, make_serviceman, ok
from tests.support.bus import wait_until
from tests.support.identity import make_admin, register
from tests.support.messaging import make_booking, make_org, messaging_client, open_conversation, send_rest
from tests.support.notifications import register_device
from tests.support.sync import flush, pull

WAIT = 20.0


async def _rows(user_id: str) -> list[Notification]:
    return await Notification.filter(user_id=user_id).order_by("created_at")


async def _pushes(user_id: str, kind: str | None = None) -> list[PushJob]:
    query = PushJob.filter(user_id=user_id)
    return await (query.filter(kind=kind) if kind else query).order_by("id")


async def _settled(client) -> None:
    """Everything written so far has been relayed and handled by the notifier."""
    from domain.shared.outbox import OutboxEvent

    async def relayed() -> bool:
        return not await OutboxEvent.filter(published_at__isnull=True).exists()

    await wait_until(relayed, WAIT, "the outbox to drain")


async def _conversation(client):
    customer = await register(client, "customer", name="Cora")
    serviceman = await register(client, "serviceman", name="Sam")
    manager = await register(client, "provider", name="Mia")
    org_id = await make_org(manager.id, crew=(serviceman.id,))
    booking_id = await make_booking(customer.id, org_id=org_id, crew=(serviceman.id,))
    conversation = await open_conversation(client, customer, kind="booking", booking_id=booking_id)
    return customer, serviceman, manager, conversation["id"]


async def _quiet_now(client, who, timezone: str = "UTC") -> datetime:
    """Quiet hours around now for `who`; returns when they end (UTC)."""
    now = datetime.now(UTC)
    start, end = now - timedelta(hours=1), now + timedelta(hours=2)
    body = {"quiet_hours": {"start": start.strftime("%H:%M"), "end": end.strftime("%H:%M")}, "timezone": timezone}
    await ok(await client.put("/v1/notification-preferences", headers=who.headers, json=body))
    return end.replace(second=0, microsecond=0)


async def test_a_message_to_an_offline_user_is_an_in_app_row_and_one_push(client):
    customer, serviceman, manager, cid = await _conversation(client)
    await register_device(client, serviceman)
    await send_rest(client, customer, cid, "Can you come at 9?")
    await _settled(client)
    [row] = await _rows(serviceman.id)
    assert (row.kind, row.title, row.body, row.count, row.collapse_key) == (
        "message.new", "Cora", "Can you come at 9?", 1, f"conversation:{cid}")
    [push] = await _pushes(serviceman.id)
    assert (push.kind, push.collapse_key, push.title, push.body) == (
        "message.new", f"conversation:{cid}", "Cora", "Can you come at 9?")
    assert push.data["entity_id"] == cid and push.data["kind"] == "message.new"
    assert push.notification_id == row.id
    assert await _pushes(manager.id) == []  # no device registered: nothing to push to
    assert len(await _rows(manager.id)) == 1 and await _rows(customer.id) == []  # never to the sender


async def test_a_user_with_a_live_socket_gets_no_push_for_a_message(client):
    customer, serviceman, _manager, cid = await _conversation(client)
    await register_device(client, serviceman)
    online = await messaging_client(str(client.make_url("")).rstrip("/"), serviceman)
    try:
        await send_rest(client, customer, cid, "I see you are online")
        await _settled(client)
        assert len(await _rows(serviceman.id)) == 1  # the centre still has it
        assert await _pushes(serviceman.id) == []
    finally:
        await online.close()


async def test_a_burst_of_50_messages_is_one_entry_with_its_unread_count_and_one_collapse_key(client):
    customer, serviceman, _manager, cid = await _conversation(client)
    await register_device(client, serviceman)
    for i in range(50):
        await send_rest(client, customer, cid, f"message {i}")
    await _settled(client)
    [row] = await _rows(serviceman.id)
    assert (row.count, row.body, row.read_at) == (50, "50 new messages: message 49", None)
    pushes = await _pushes(serviceman.id)
    assert len(pushes) == 50 and {p.collapse_key for p in pushes} == {f"conversation:{cid}"}
    listed = await ok(await client.get("/v1/notifications", headers=serviceman.headers))
    assert listed["unread_count"] == 1 and [n["count"] for n in listed["items"]] == [50]
    await flush(client)
    changes = (await pull(client, serviceman, collections=["notifications"]))["changes"]
    assert [(c["id"], c["data"]["count"], c["data"]["collapse_key"]) for c in changes] == [
        (str(row.id), 50, f"conversation:{cid}")]
    # Reading the conversation's entry, then one more message: unread again, counting from the
    # conversation's read position (the serviceman read nothing, so 51).
    await ok(await client.post(f"/v1/notifications/{row.id}/read", headers=serviceman.headers))
    await send_rest(client, customer, cid, "hello?")
    await _settled(client)
    [row] = await _rows(serviceman.id)
    assert row.read_at is None and row.count == 51


async def test_private_previews_keep_message_text_out_of_the_push(client):
    customer, serviceman, _manager, cid = await _conversation(client)
    await register_device(client, serviceman)
    await ok(await client.put("/v1/notification-preferences", headers=serviceman.headers,
                              json={"private_previews": True}))
    await send_rest(client, customer, cid, "The door code is 4711")
    await _settled(client)
    [push] = await _pushes(serviceman.id)
    assert (push.title, push.body) == ("Cora", "New message from Cora")
    assert "4711" not in str(push.data)
    [row] = await _rows(serviceman.id)
    assert row.body == "The door code is 4711"  # inside the app the text is shown


async def _job_with_bid(client):
    m = await build_market(client, crew_size=1)
    job = await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body()), 201)
    await _settled(client)
    return m, job


async def test_quiet_hours_hold_a_bid_push_until_they_end_and_a_security_notice_goes_at_once(client):
    m = await build_market(client, crew_size=1)
    await register_device(client, m.customer)
    ends = await _quiet_now(client, m.customer)
    job = await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body()), 201)
    await ok(await client.post(f"/v1/jobs/{job['id']}/bids", headers=m.crew[0].headers,
                               json={"amount": {"amount": 9000, "currency": "USD"}}), 201)
    await _settled(client)
    [row] = await Notification.filter(user_id=m.customer.id, kind="bid.received")
    assert (row.title, row.body) == ("New bid on Leaking pipe under the sink", "Crew 0 offered $90.00")  # English, USD
    [held] = await _pushes(m.customer.id, "bid.received")
    assert held.not_before == ends and held.not_before > datetime.now(UTC) + timedelta(minutes=30)
    assert held.state == "queued"

    await ok(await client.post(f"/v1/admin/users/{m.customer.id}/roles", headers=m.admin.headers,
                               json={"role": "enterprise"}))
    await _settled(client)
    [notice] = await _pushes(m.customer.id, "account.roles_changed")
    assert notice.not_before <= datetime.now(UTC) and notice.category == "account_security"
    assert "enterprise" in notice.body


async def test_a_new_job_notifies_matching_servicemen_and_is_dropped_in_their_quiet_hours(client):
    m = await build_market(client, crew_size=2)
    electrician = await make_serviceman(client, [m.zone_id], categories=["electrical"], name="Eli")
    for who in (*m.crew, m.outsider, electrician):
        await register_device(client, who)
    await _quiet_now(client, m.crew[1])
    await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body()), 201)
    await _settled(client)
    told = {str(r.user_id) for r in await Notification.filter(kind="job.matched")}
    assert told == {m.crew[0].id, m.crew[1].id}  # in the zone and the trade; not Otto (far) nor Eli (trade)
    assert len(await _pushes(m.crew[0].id, "job.matched")) == 1
    assert await _pushes(m.crew[1].id, "job.matched") == []  # volatile: not held for the morning


async def test_turning_a_category_off_stops_its_pushes_but_not_security(client):
    m = await build_market(client, crew_size=1)
    await register_device(client, m.customer)
    body = {"categories": {"bids": {"push": False}, "bookings": {"in_app": False}}}
    await ok(await client.put("/v1/notification-preferences", headers=m.customer.headers, json=body))
    job = await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body()), 201)
    bid = await ok(await client.post(f"/v1/jobs/{job['id']}/bids", headers=m.crew[0].headers,
                                     json={"amount": {"amount": 9000, "currency": "USD"}}), 201)
    await _settled(client)
    assert await Notification.filter(user_id=m.customer.id, kind="bid.received").count() == 1
    assert await _pushes(m.customer.id, "bid.received") == []
    # Accepting the bid makes a booking: the bidder hears of the acceptance; the customer's
    # bookings category has in-app off (and they made the change themselves).
    await register_device(client, m.crew[0])
    await ok(await client.post(f"/v1/jobs/{job['id']}/bids/{bid['id']}/accept", headers=m.customer.headers,
                               json={"bid_version": bid["version"]}), 201)
    await _settled(client)
    [accepted] = await Notification.filter(user_id=m.crew[0].id, kind="bid.accepted")
    assert accepted.body == "Cora accepted your bid on Leaking pipe under the sink"
    assert len(await _pushes(m.crew[0].id, "bid.accepted")) == 1
    assert await Notification.filter(user_id=m.customer.id, category="bookings").count() == 0


async def test_booking_state_changes_notify_the_other_parties(client):
    m = await build_market(client, crew_size=1)
    booking = await ok(await client.post("/v1/bookings", headers=m.customer.headers, json={
        "service_id": m.service_id, "kind": "on_demand", "lat": 52.52, "lng": 13.40}), 201)
    await _settled(client)
    requested = {str(r.user_id) for r in await Notification.filter(kind="booking.requested")}
    assert m.customer.id not in requested and m.provider.id in requested
    await ok(await client.post(f"/v1/bookings/{booking['id']}/accept", headers=m.provider.headers,
                               json={"version": booking["version"]}))
    await _settled(client)
    [row] = await Notification.filter(kind="booking.accepted")
    assert str(row.user_id) == m.customer.id and row.entity_id == booking["id"]


async def test_admins_and_unknown_events_make_no_noise(client):
    admin = await make_admin(client)
    await register_device(client, admin)
    await ok(await client.get("/v1/admin/audit", headers=admin.headers))
    await _settled(client)
    assert await Notification.all().count() == 0 and await PushJob.all().count() == 0


async def test_reading_the_conversation_reads_its_notification_unless_a_newer_message_is_in_it(client):
    customer, serviceman, _manager, cid = await _conversation(client)
    first = await send_rest(client, customer, cid, "one")
    await send_rest(client, customer, cid, "two")
    await _settled(client)
    # Read up to the first message only: the entry still tells of the second.
    await ok(await client.post(f"/v1/conversations/{cid}/read", headers=serviceman.headers,
                               json={"seq": first["seq"]}))
    [row] = await _rows(serviceman.id)
    assert row.read_at is None and row.count == 2
    await ok(await client.post(f"/v1/conversations/{cid}/read", headers=serviceman.headers, json={"seq": 2}))
    [row] = await _rows(serviceman.id)
    assert row.read_at is not None and row.count == 0
    listed = await ok(await client.get("/v1/notifications", headers=serviceman.headers))
    assert listed["unread_count"] == 0


async def test_a_relay_batch_notifies_as_its_events_one_by_one_would(client):
    """The notifier's batch (in-process bus, PostgreSQL: one recipients read, one preferences read,
    one upsert for a relay batch) leaves what `handle` per event leaves: one row per recipient
    and conversation as the last message made it, a push per message pointing at that row."""
    customer, serviceman, manager, cid = await _conversation(client)
    await register_device(client, serviceman)
    for text in ("one", "two", "three"):
        await send_rest(client, customer, cid, text)
    await _settled(client)
    rows = await OutboxEvent.filter(type="message.sent", key=cid).order_by("id")
    envelopes = [Envelope(str(r.event_id), r.stream, r.type, r.key, r.body) for r in rows]
    assert len(envelopes) == 3
    users = [serviceman.id, manager.id]

    async def left() -> list[tuple]:
        found = []
        for user in users:
            for row in await _rows(user):
                pushes = await _pushes(user)
                found.append((user, row.kind, row.title, row.body, row.count, row.collapse_key, row.data,
                               row.read_at, [(p.title, p.body, p.notification_id == row.id) for p in pushes]))
        return found

    outcomes = []
    for at_once in (True, False):
        await Notification.filter(user_id__in=users).delete()
        await PushJob.filter(user_id__in=users).delete()
        async with unit_of_work() as uow:
            if at_once:
                await Notifier().handle_batch(envelopes, uow)
            else:
                for envelope in envelopes:
                    await Notifier().handle(envelope, uow)
        outcomes.append(await left())
    assert outcomes[0] == outcomes[1]
    assert [(o[0], o[4], len(o[8])) for o in outcomes[0]] == [(serviceman.id, 3, 3), (manager.id, 3, 0)]
