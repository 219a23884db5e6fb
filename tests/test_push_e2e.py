"""Issue 7 acceptance 1 end to end: a chat message goes outbox -> notifier -> push queue ->
worker -> real firebase-admin -> the local fake FCM. An offline recipient gets exactly one FCM
request carrying what the app needs to pull the change; an online one gets none; a dead token is
pruned; a 503 is retried and delivered once."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from domain.notifications.models import Device, Notification
from domain.shared.outbox import OutboxEvent
from push.models import PushJob, PushState
from sync.models import SyncOp
from tests.conftest import AppFactory
from tests.support.bus import wait_until
from tests.support.fcm_fake import FakeFcm, fcm_fake  # noqa: F401 - the fixture
from tests.support.identity import Account, register
from tests.support.messaging import make_booking, make_org, messaging_client, open_conversation, send_rest
from tests.support.notifications import register_device
from tests.support.sync import flush, pull

WAIT = 30.0
FAST = {"push_poll_interval_ms": 50, "push_backoff_base_seconds": 0.05, "push_backoff_max_seconds": 0.3}


async def chat(client: TestClient) -> tuple[Account, Account, str]:
    customer = await register(client, "customer", name="Cora")
    serviceman = await register(client, "serviceman", name="Sam")
    manager = await register(client, "provider", name="Mia")
    org_id = await make_org(manager.id, crew=(serviceman.id,))
    booking_id = await make_booking(customer.id, org_id=org_id, crew=(serviceman.id,))
    conversation = await open_conversation(client, customer, kind="booking", booking_id=booking_id)
    return customer, serviceman, conversation["id"]


async def handled() -> None:
    """Every event so far went through the notifier and every queued push reached its end."""

    async def done() -> bool:
        return (not await OutboxEvent.filter(published_at__isnull=True).exists()
                and not await PushJob.filter(state=PushState.QUEUED).exists())

    await wait_until(done, WAIT, "events to be notified and pushes delivered")


async def test_a_message_to_an_offline_user_is_one_fcm_request_with_the_payload(
        make_client: AppFactory, fcm_fake: FakeFcm) -> None:  # noqa: F811
    client = await make_client(**fcm_fake.settings(), **FAST)
    customer, serviceman, cid = await chat(client)
    token = (await register_device(client, serviceman))["token"]
    await send_rest(client, customer, cid, "Can you come at 9?")
    await handled()

    assert len(fcm_fake.requests) == 1
    [request] = fcm_fake.requests
    assert request.token == token and request.outcome == "ok"
    message = request.message
    assert message["notification"] == {"title": "Cora", "body": "Can you come at 9?"}
    data = message["data"]
    assert (data["kind"], data["entity_id"]) == ("message.new", cid)
    assert message["android"]["collapse_key"] == f"conversation:{cid}"
    # data.cursor: the sync position at which the change behind the push is visible to a pull.
    [row] = await Notification.filter(user_id=serviceman.id)
    assert data["notification_id"] == str(row.id)
    ticks = await SyncOp.filter(collection="notifications", row_id=str(row.id)).values_list("tick", flat=True)
    assert ticks and max(ticks) <= int(data["cursor"])
    pulled = await pull(client, serviceman)
    assert str(row.id) in {change["id"] for change in pulled["changes"] if change["collection"] == "notifications"}


async def test_a_user_with_a_live_socket_gets_no_fcm_request(make_client: AppFactory, fcm_fake: FakeFcm) -> None:  # noqa: F811
    client = await make_client(**fcm_fake.settings(), **FAST)
    customer, serviceman, cid = await chat(client)
    token = (await register_device(client, serviceman))["token"]
    online = await messaging_client(str(client.make_url("")).rstrip("/"), serviceman)
    try:
        await send_rest(client, customer, cid, "Are you there?")
        await handled()
        assert await Notification.filter(user_id=serviceman.id).exists()  # the notifier did run
        assert fcm_fake.requests == []
    finally:
        await online.close()

    async def offline() -> bool:  # presence notices the disconnect; then the next message pushes
        await send_rest(client, customer, cid, "Calling you now")
        await handled()
        return bool(fcm_fake.delivered(token))

    await wait_until(offline, WAIT, "a push once the user went offline")
    assert len(fcm_fake.delivered(token)) == 1


async def test_an_unregistered_token_is_removed_and_a_503_is_retried_then_delivered_once(
        make_client: AppFactory, fcm_fake: FakeFcm) -> None:  # noqa: F811
    client = await make_client(**fcm_fake.settings(), **FAST)
    customer, serviceman, cid = await chat(client)
    dead_device = await register_device(client, serviceman)
    flaky_device = await register_device(client, serviceman, platform="ios")
    dead, flaky = dead_device["token"], flaky_device["token"]
    fcm_fake.script(dead, "unregistered")
    fcm_fake.script(flaky, "unavailable")
    await send_rest(client, customer, cid, "Gate code is 1234")
    await handled()

    assert not await Device.filter(token=dead).exists()
    assert len(fcm_fake.sends(dead)) == 1  # never tried again
    assert len(fcm_fake.delivered(flaky)) == 1
    assert [r.outcome for r in fcm_fake.sends(flaky)] == ["unavailable", "ok"]
    assert (await PushJob.get(user_id=serviceman.id)).attempts == 2
    # The app's synced device list loses the pruned one too.
    await flush(client)
    pulled = await pull(client, serviceman)
    assert {c["id"] for c in pulled["changes"] if c["collection"] == "devices"} == {flaky_device["id"]}


async def test_fcm_down_for_a_while_loses_no_notification_and_delivers_each_once(
        make_client: AppFactory, fcm_fake: FakeFcm) -> None:  # noqa: F811
    client = await make_client(**fcm_fake.settings(), **FAST)
    customer = await register(client, "customer", name="Cora")
    serviceman = await register(client, "serviceman", name="Sam")
    token = (await register_device(client, serviceman))["token"]
    org_id = await make_org((await register(client, "provider")).id, crew=(serviceman.id,))
    conversations = []
    for _ in range(3):
        booking_id = await make_booking(customer.id, org_id=org_id, crew=(serviceman.id,))
        conversations.append((await open_conversation(client, customer, kind="booking", booking_id=booking_id))["id"])

    fcm_fake.down()  # connection refused
    for n, cid in enumerate(conversations):
        await send_rest(client, customer, cid, f"Message {n}")

    async def retried_while_down() -> bool:
        return await PushJob.filter(user_id=serviceman.id, attempts__gte=3).count() == len(conversations)

    await wait_until(retried_while_down, WAIT, "every push to fail a few times against the dead FCM")
    assert fcm_fake.requests == []
    fcm_fake.up()
    await handled()

    delivered = sorted((m["data"]["entity_id"], m["notification"]["body"]) for m in fcm_fake.delivered(token))
    assert delivered == sorted((cid, f"Message {n}") for n, cid in enumerate(conversations))
