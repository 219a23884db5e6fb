"""Issue 7 acceptance 2 and 3 end to end: domain events -> notifier -> delivery queue -> worker ->
the real firebase-admin code path -> a local fake FCM server (tests/support/fcm_fake.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiohttp.test_utils import TestClient

from domain.notifications.models import Notification
from push.models import PushJob, PushState
from tests.conftest import AppFactory
from tests.support.bookings import build_market, job_body, ok
from tests.support.bus import wait_until
from tests.support.fcm_fake import FakeFcm, fcm_fake  # noqa: F401 - the fixture
from tests.support.identity import register
from tests.support.messaging import make_booking, make_org, messaging_client, open_conversation, send_rest
from tests.support.notifications import register_device
from tests.support.sync import flush, pull

WAIT = 30.0


@pytest.fixture
async def app_client(make_client: AppFactory, fcm_fake: FakeFcm) -> TestClient:  # noqa: F811
    return await make_client(**fcm_fake.settings(), push_poll_interval_ms=50)


async def _conversation(client: TestClient) -> tuple:
    customer, serviceman = await register(client, "customer", name="Cora"), await register(client, "serviceman")
    org_id = await make_org((await register(client, "provider")).id, crew=(serviceman.id,))
    booking_id = await make_booking(customer.id, org_id=org_id, crew=(serviceman.id,))
    cid = (await open_conversation(client, customer, kind="booking", booking_id=booking_id))["id"]
    return customer, serviceman, cid


async def test_a_message_to_an_offline_user_is_one_fcm_request_and_to_an_online_user_none(
        app_client: TestClient, fcm_fake: FakeFcm) -> None:  # noqa: F811
    """Acceptance 1 from the message's side (helper B's tests drive the worker directly)."""
    client = app_client
    customer, serviceman, cid = await _conversation(client)
    token = (await register_device(client, serviceman))["token"]
    await send_rest(client, customer, cid, "See you at 9")

    async def sent() -> bool:
        return await PushJob.filter(user_id=serviceman.id, state=PushState.SENT).exists()

    await wait_until(sent, WAIT, "the push to reach FCM")
    [request] = [r for r in fcm_fake.requests if r.token == token]
    message = request.message
    assert message["notification"] == {"title": "Cora", "body": "See you at 9"}
    assert (message["data"]["kind"], message["data"]["entity_id"]) == ("message.new", cid)
    assert message["data"]["cursor"].isdigit() and message["android"]["collapse_key"] == f"conversation:{cid}"

    online = await messaging_client(str(client.make_url("")).rstrip("/"), serviceman)
    try:
        await send_rest(client, customer, cid, "Are you there?")
        # The notifier handled it (the centre's row says 2) and queued nothing new.
        async def handled() -> bool:
            return await Notification.filter(user_id=serviceman.id, count=2).exists()

        await wait_until(handled, WAIT, "the second message to be notified")
        assert await PushJob.filter(user_id=serviceman.id).count() == 1
        assert len([r for r in fcm_fake.requests if r.token == token]) == 1
    finally:
        await online.close()


async def _delivered(fake: FakeFcm, token: str, kind: str) -> list[dict]:
    return [m for m in fake.delivered(token) if m.get("data", {}).get("kind") == kind]


async def test_quiet_hours_hold_a_bid_push_and_deliver_it_after_while_a_security_notice_goes_at_once(
        app_client: TestClient, fcm_fake: FakeFcm) -> None:  # noqa: F811
    client = app_client
    m = await build_market(client, crew_size=1)
    token = (await register_device(client, m.customer))["token"]
    now = datetime.now(UTC)
    quiet = {"start": (now - timedelta(hours=1)).strftime("%H:%M"), "end": (now + timedelta(hours=2)).strftime("%H:%M")}
    await ok(await client.put("/v1/notification-preferences", headers=m.customer.headers,
                              json={"quiet_hours": quiet, "timezone": "UTC"}))
    job = await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body()), 201)
    await ok(await client.post(f"/v1/jobs/{job['id']}/bids", headers=m.crew[0].headers,
                               json={"amount": {"amount": 9000, "currency": "USD"}}), 201)

    async def bid_queued() -> bool:
        return await PushJob.filter(kind="bid.received").exists()

    await wait_until(bid_queued, WAIT, "the bid push to be queued")
    # A security notice in the same quiet hours goes through at once ...
    await ok(await client.post(f"/v1/admin/users/{m.customer.id}/roles", headers=m.admin.headers,
                               json={"role": "enterprise"}))

    async def notice_sent() -> bool:
        return bool(await _delivered(fcm_fake, token, "account.roles_changed"))

    await wait_until(notice_sent, WAIT, "the security notice to reach FCM")
    # ... while the bid waits for the morning: queued, due when the quiet hours end.
    held = await PushJob.get(kind="bid.received")
    assert held.state == PushState.QUEUED and held.not_before > datetime.now(UTC) + timedelta(minutes=30)
    assert await _delivered(fcm_fake, token, "bid.received") == []

    # The quiet hours end (the clock moved on: the job falls due) and it is delivered, once.
    await PushJob.filter(id=held.id).update(not_before=datetime.now(UTC), next_attempt_at=datetime.now(UTC))

    async def bid_sent() -> bool:
        return bool(await _delivered(fcm_fake, token, "bid.received"))

    await wait_until(bid_sent, WAIT, "the held bid push to reach FCM")
    [bid_push] = await _delivered(fcm_fake, token, "bid.received")
    assert bid_push["notification"]["title"] == "New bid on Leaking pipe under the sink"
    assert bid_push["data"]["entity_id"] and bid_push["data"]["cursor"].isdigit()
    assert len(await _delivered(fcm_fake, token, "account.roles_changed")) == 1


async def test_a_burst_of_50_messages_is_one_collapse_key_on_fcm_and_one_counted_entry_in_sync(
        app_client: TestClient, fcm_fake: FakeFcm) -> None:  # noqa: F811
    client = app_client
    customer, serviceman, cid = await _conversation(client)
    token = (await register_device(client, serviceman))["token"]
    for i in range(50):
        await send_rest(client, customer, cid, f"message {i}")

    async def all_handled() -> bool:
        rows = await Notification.filter(user_id=serviceman.id).values_list("count", flat=True)
        jobs = await PushJob.filter(user_id=serviceman.id).count()
        return rows == [50] and jobs == 50 and bool(fcm_fake.delivered(token))

    # Pushes beyond the per-user rate limit wait for the next minute (newer ones supersede
    # them): what the user sees is one conversation's pushes replacing each other.
    await wait_until(all_handled, WAIT, "50 messages to be notified and pushes to reach FCM")
    keys = await PushJob.filter(user_id=serviceman.id).distinct().values_list("collapse_key", flat=True)
    assert keys == [f"conversation:{cid}"]
    pushes = fcm_fake.delivered(token)
    assert 1 <= len(pushes) <= 50
    assert {p["android"]["collapse_key"] for p in pushes} == {f"conversation:{cid}"}
    assert {p["data"]["entity_id"] for p in pushes} == {cid}
    assert all("message" in p["notification"]["body"] for p in pushes)

    await flush(client)
    changes = (await pull(client, serviceman, collections=["notifications"]))["changes"]
    assert [(c["data"]["collapse_key"], c["data"]["count"], c["data"]["read_at"]) for c in changes] == [
        (f"conversation:{cid}", 50, None)]
