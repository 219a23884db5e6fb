"""Push delivery (push/worker.py) through the real firebase-admin code path against a local
fake FCM server (tests/support/fcm_fake.py): payload, pruning, retries, outages, batching,
rate limits, several workers. Jobs are queued with `push.queue.enqueue` in a transaction,
exactly as the notifier does."""

from __future__ import annotations

import asyncio
import contextvars
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest
from aiohttp.test_utils import TestClient, TestServer
from prometheus_client import REGISTRY
from tortoise.backends.base.executor import EXECUTOR_CACHE
from tortoise.transactions import in_transaction

from app.bootstrap import PUSH_WORKER, build_app
from app.migrate import migrate
from domain.notifications.models import Device
from push.fcm import webpush_topic
from push.models import PushJob, PushState
from push.queue import enqueue
from push.sender import LogSender, PushMessage, SendResult
from tests.conftest import AppFactory, app_of
from tests.support.bus import wait_until
from tests.support.fcm_fake import FakeFcm, fcm_fake  # noqa: F401 - the fixture
from tests.support.identity import register

FAST_RETRIES = {
    "push_poll_interval_ms": 50,
    "push_backoff_base_seconds": 0.05,
    "push_backoff_max_seconds": 0.3,
}


@pytest.fixture
async def app_client(make_client: AppFactory, fcm_fake: FakeFcm) -> TestClient:  # noqa: F811
    return await make_client(**fcm_fake.settings(), **FAST_RETRIES)


async def new_user(client: TestClient) -> str:
    return (await register(client)).id


async def add_device(user_id: str, token: str | None = None, platform: str = "android") -> str:
    token = token or f"tok-{uuid4().hex}"
    await Device.create(token=token, user_id=user_id, platform=platform, app="customer",
                        last_seen_at=datetime.now(UTC))
    return token


async def queue_push(user_id: str, **changes: Any) -> None:
    fields: dict[str, Any] = {
        "kind": "message.new", "category": "messages", "notification_id": uuid4(),
        "collapse_key": None, "title": "Ana", "body": "See you at 9", "data": {"entity_id": str(uuid4())},
        "not_before": None, "volatile": False,
    }
    fields.update(changes)
    async with in_transaction() as conn:
        await enqueue(conn, user_id=user_id, **fields)


def metric(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def settled() -> bool:
    """No job waiting or leased: every push reached its final state."""
    return not await PushJob.filter(state=PushState.QUEUED).exists()


async def test_an_offline_user_gets_exactly_one_fcm_request_with_the_payload(
        app_client: TestClient, fcm_fake: FakeFcm) -> None:  # noqa: F811
    user = await new_user(app_client)
    token = await add_device(user)
    notification_id, conversation = uuid4(), str(uuid4())
    await queue_push(user, notification_id=notification_id, collapse_key=f"conversation:{conversation}",
                     title="Ana", body="See you at 9",
                     data={"entity_id": conversation, "conversation_id": conversation})
    await wait_until(settled, 20, "the push to be delivered")

    assert len(fcm_fake.requests) == 1
    sent = fcm_fake.requests[0]
    assert sent.token == token and sent.outcome == "ok"
    message = sent.message
    assert message["notification"] == {"title": "Ana", "body": "See you at 9"}
    assert message["data"]["kind"] == "message.new"
    assert message["data"]["entity_id"] == conversation
    assert message["data"]["notification_id"] == str(notification_id)
    assert message["data"]["cursor"].isdigit()  # a sync position: the app pulls from there
    assert message["android"]["collapse_key"] == f"conversation:{conversation}"
    job = await PushJob.get()
    assert job.state == PushState.SENT and job.attempts == 1 and job.sent_at is not None


async def test_collapse_keys_reach_ios_and_web_in_their_own_headers(
        app_client: TestClient, fcm_fake: FakeFcm) -> None:  # noqa: F811
    user = await new_user(app_client)
    ios = await add_device(user, platform="ios")
    web = await add_device(user, platform="web")
    key = f"conversation:{uuid4()}"
    await queue_push(user, collapse_key=key)
    await wait_until(settled, 20, "the push to be delivered")

    [to_ios] = fcm_fake.delivered(ios)
    [to_web] = fcm_fake.delivered(web)
    assert to_ios["apns"]["headers"]["apns-collapse-id"] == key
    topic = to_web["webpush"]["headers"]["Topic"]
    assert topic == webpush_topic(key) and len(topic) <= 32 and topic.replace("-", "").replace("_", "").isalnum()


async def test_dead_tokens_are_pruned_at_once_and_the_live_device_gets_the_push(
        app_client: TestClient, fcm_fake: FakeFcm) -> None:  # noqa: F811
    user = await new_user(app_client)
    live = await add_device(user)
    unregistered = await add_device(user)
    invalid = await add_device(user)
    fcm_fake.script(unregistered, "unregistered")
    fcm_fake.script(invalid, "invalid_argument")
    pruned_before = {reason: metric("fieldsync_push_tokens_pruned_total", reason=reason)
                     for reason in ("unregistered", "invalid_token")}
    await queue_push(user)
    await wait_until(settled, 20, "the push to be delivered")
    for reason, before in pruned_before.items():
        assert metric("fieldsync_push_tokens_pruned_total", reason=reason) == before + 1

    assert set(await Device.filter(user_id=user).values_list("token", flat=True)) == {live}
    assert len(fcm_fake.delivered(live)) == 1
    assert len(fcm_fake.sends(unregistered)) == 1 and len(fcm_fake.sends(invalid)) == 1  # never retried
    assert (await PushJob.get()).state == PushState.SENT

    await queue_push(user)  # the next push goes to the live device only
    await wait_until(settled, 20, "the second push")
    assert len(fcm_fake.delivered(live)) == 2 and len(fcm_fake.sends(unregistered)) == 1


async def test_a_user_whose_only_token_is_dead_gets_a_dropped_job_not_a_retry(
        app_client: TestClient, fcm_fake: FakeFcm) -> None:  # noqa: F811
    user = await new_user(app_client)
    dead = await add_device(user)
    fcm_fake.script(dead, "unregistered")
    await queue_push(user)
    await wait_until(settled, 20, "the push to finish")
    job = await PushJob.get()
    assert job.state == PushState.DROPPED and "unregistered" in (job.last_error or "")
    assert not await Device.filter(token=dead).exists()


@pytest.mark.parametrize("answers", [
    pytest.param(["unavailable"], id="503"),
    pytest.param(["quota"], id="429"),
    pytest.param(["internal"], id="500"),
    pytest.param(["unavailable", "quota", "unavailable"], id="three-in-a-row"),
])
async def test_retryable_answers_are_retried_and_delivered_once(
        app_client: TestClient, fcm_fake: FakeFcm, answers: list[str]) -> None:  # noqa: F811
    user = await new_user(app_client)
    token = await add_device(user)
    fcm_fake.script(token, *answers)
    await queue_push(user)
    await wait_until(settled, 30, "the push to be delivered after the retry")

    assert len(fcm_fake.delivered(token)) == 1
    assert [r.outcome for r in fcm_fake.sends(token)] == [*answers, "ok"]
    job = await PushJob.get()
    assert job.state == PushState.SENT and job.attempts == len(answers) + 1  # retried by our queue, not in the call


async def test_a_retry_goes_only_to_the_device_that_failed(app_client: TestClient, fcm_fake: FakeFcm) -> None:  # noqa: F811
    user = await new_user(app_client)
    fine = await add_device(user)
    flaky = await add_device(user)
    fcm_fake.script(flaky, "quota", "quota")
    await queue_push(user)
    await wait_until(settled, 30, "the push to reach both devices")
    assert len(fcm_fake.delivered(fine)) == 1 and len(fcm_fake.sends(fine)) == 1
    assert len(fcm_fake.delivered(flaky)) == 1 and len(fcm_fake.sends(flaky)) == 3


async def test_retries_give_up_after_max_attempts(make_client: AppFactory, fcm_fake: FakeFcm) -> None:  # noqa: F811
    client = await make_client(**fcm_fake.settings(), **FAST_RETRIES, push_max_attempts=3)
    user = await new_user(client)
    token = await add_device(user)
    fcm_fake.script(token, *["quota"] * 10)
    await queue_push(user)
    await wait_until(settled, 30, "the push to be given up")
    job = await PushJob.get()
    assert job.state == PushState.FAILED and job.attempts == 3 and "quota" in (job.last_error or "")
    assert len(fcm_fake.sends(token)) == 3 and await Device.filter(token=token).exists()


async def test_an_fcm_outage_loses_nothing_and_delivers_each_push_once(
        app_client: TestClient, fcm_fake: FakeFcm) -> None:  # noqa: F811
    users = [await new_user(app_client) for _ in range(5)]
    tokens = {user: await add_device(user) for user in users}
    fcm_fake.down()  # connection refused from the first attempt on
    expected: Counter[tuple[str, str]] = Counter()
    for user in users:
        for n in range(4):
            notification_id = uuid4()
            await queue_push(user, notification_id=notification_id, kind=f"booking.n{n}", category="bookings")
            expected[(tokens[user], str(notification_id))] += 1

    async def all_failed_three_times() -> bool:
        return await PushJob.filter(attempts__gte=3).count() == len(expected)

    await wait_until(all_failed_three_times, 60, "every push to fail against the dead FCM a few times")
    assert not fcm_fake.requests  # nothing got through while it was down
    assert await PushJob.filter(state=PushState.QUEUED).count() == len(expected)

    async def backlog_visible() -> bool:  # what an operator's alert reads
        return metric("fieldsync_push_queue_depth") == len(expected) and metric("fieldsync_push_queue_lag_seconds") > 0

    await wait_until(backlog_visible, 20, "the queue depth and lag gauges to show the backlog")
    fcm_fake.up()
    await wait_until(settled, 60, "the backlog to be delivered")

    delivered = Counter((r.token, r.message["data"]["notification_id"]) for r in fcm_fake.requests if r.outcome == "ok")
    assert delivered == expected  # every push once, none lost, none twice
    assert await PushJob.filter(state=PushState.SENT).count() == len(expected)


async def test_messages_go_out_in_batches_of_at_most_500(app_client: TestClient, fcm_fake: FakeFcm) -> None:  # noqa: F811
    user = await new_user(app_client)
    now = datetime.now(UTC)
    await Device.bulk_create([Device(token=f"bulk-{n:04d}-{uuid4().hex[:8]}", user_id=user, platform="android",
                                     app="customer", last_seen_at=now) for n in range(501)])
    sender = app_of(app_client)[PUSH_WORKER].sender
    batches: list[int] = []
    real_send = sender.send

    async def counting_send(messages: list[PushMessage]) -> list[SendResult]:
        batches.append(len(messages))
        return await real_send(messages)

    sender.send = counting_send  # type: ignore[method-assign]
    await queue_push(user)
    await wait_until(settled, 60, "the push to reach 501 devices")
    assert batches == [500, 1]
    assert len({r.token for r in fcm_fake.requests if r.outcome == "ok"}) == 501


async def test_a_storm_is_rate_limited_per_user(make_client: AppFactory, fcm_fake: FakeFcm) -> None:  # noqa: F811
    client = await make_client(**fcm_fake.settings(), **FAST_RETRIES, push_user_rate_per_minute=3)
    user = await new_user(client)
    token = await add_device(user)
    key = f"conversation:{uuid4()}"
    async with in_transaction() as conn:  # one commit: the worker sees the whole storm at once
        for n in range(5):
            await enqueue(conn, user_id=user, kind="booking.updated", category="bookings", notification_id=None,
                          collapse_key=None, title=f"Update {n}", body="", data={}, not_before=None, volatile=False)
        for n in range(3):
            await enqueue(conn, user_id=user, kind="message.new", category="messages", notification_id=None,
                          collapse_key=key, title=f"Message {n}", body="", data={}, not_before=None, volatile=False)
        await enqueue(conn, user_id=user, kind="account.suspended", category="account_security",
                      notification_id=None, collapse_key=None, title="Security", body="", data={}, not_before=None,
                      volatile=False)

    async def storm_handled() -> bool:
        return not await PushJob.filter(state=PushState.QUEUED, attempts__gt=0).exists() and \
            await PushJob.filter(state__in=[PushState.SENT, PushState.DROPPED]).count() == 8

    await wait_until(storm_handled, 20, "the storm to be handled")
    titles = [m["notification"]["title"] for m in fcm_fake.delivered(token)]
    assert sorted(titles) == ["Security", "Update 0", "Update 1", "Update 2"]  # 3 a minute, security always
    dropped = await PushJob.filter(state=PushState.DROPPED).values_list("title", "last_error")
    assert sorted(dropped) == [("Message 0", "superseded by a newer push"), ("Message 1", "superseded by a newer push"),
                               ("Update 3", "rate limited"), ("Update 4", "rate limited")]
    waiting = await PushJob.get(state=PushState.QUEUED)  # the newest message waits out the window
    assert waiting.title == "Message 2" and waiting.next_attempt_at > datetime.now(UTC) + timedelta(seconds=30)


async def test_a_held_push_is_sent_after_its_not_before(app_client: TestClient, fcm_fake: FakeFcm) -> None:  # noqa: F811
    user = await new_user(app_client)
    token = await add_device(user)
    not_before = datetime.now(UTC) + timedelta(seconds=1.5)
    await queue_push(user, kind="bid.received", category="bids", not_before=not_before)
    await wait_until(settled, 20, "the held push")
    [record] = fcm_fake.sends(token)
    assert record.received_at >= not_before


async def test_several_workers_deliver_each_push_once(make_client: AppFactory, fcm_fake: FakeFcm) -> None:  # noqa: F811
    clients = [await make_client(**fcm_fake.settings(), **FAST_RETRIES, push_claim_batch=5) for _ in range(3)]
    users = [await new_user(clients[0]) for _ in range(10)]
    tokens = {user: await add_device(user) for user in users}
    expected: Counter[tuple[str, str]] = Counter()
    for round_ in range(3):
        for user in users:
            notification_id = uuid4()
            await queue_push(user, notification_id=notification_id, kind=f"booking.r{round_}", category="bookings")
            expected[(tokens[user], str(notification_id))] += 1
    await wait_until(settled, 30, "every push")
    delivered = Counter((r.token, r.message["data"]["notification_id"]) for r in fcm_fake.requests if r.outcome == "ok")
    assert delivered == expected


async def test_the_embedded_default_pushes_to_the_log_on_sqlite(
        settings_factory: Any, tmp_path: Any) -> None:
    url = f"sqlite://{tmp_path / 'demo.sqlite3'}"
    await asyncio.create_task(migrate(url), context=contextvars.Context())  # its own Tortoise context
    EXECUTOR_CACHE.clear()  # Tortoise caches INSERTs per connection name, not per dialect (see conftest)
    client = TestClient(TestServer(build_app(settings_factory(database_url=url, redis_url=None,
                                                              push_poll_interval_ms=50)), host="127.0.0.1"))
    await client.start_server()
    try:
        user = await new_user(client)
        token = await add_device(user, platform="web")
        await queue_push(user, title="Hello", collapse_key="conversation:1")
        await wait_until(settled, 20, "the push to be logged")
        sender = app_of(client)[PUSH_WORKER].sender
        assert isinstance(sender, LogSender)
        [logged] = sender.sent
        assert (logged.token, logged.title, logged.data["kind"]) == (token, "Hello", "message.new")
        assert logged.data["cursor"].isdigit()  # SQLite syncs too (docs/sync.md): a real position
        assert (await PushJob.get()).state == PushState.SENT
    finally:
        await client.close()
        EXECUTOR_CACHE.clear()  # nor SQLite's statements to the PostgreSQL tests after this one


async def test_finished_jobs_are_swept_after_the_retention(app_client: TestClient) -> None:
    user = await new_user(app_client)  # no device: the pushes end dropped
    for _ in range(3):
        await queue_push(user)
    await wait_until(settled, 20, "the pushes to finish")
    await queue_push(user, not_before=datetime.now(UTC) + timedelta(days=30))  # held: never swept
    old = datetime.now(UTC) - timedelta(days=8)
    ids = await PushJob.all().order_by("id").values_list("id", flat=True)
    await PushJob.filter(id__in=[ids[0], ids[1], ids[3]]).update(created_at=old)

    assert await app_of(app_client)[PUSH_WORKER].sweep(batch=1) == 2
    assert await PushJob.all().order_by("id").values_list("id", flat=True) == [ids[2], ids[3]]


async def test_a_slow_fcm_keeps_the_lease_so_no_other_worker_sends_again(
        make_client: AppFactory, fcm_fake: FakeFcm) -> None:  # noqa: F811
    # Each request takes longer than the whole lease: without the heartbeat the second worker
    # would claim the job again mid-send and the device would get it twice.
    clients = [await make_client(**fcm_fake.settings(), **FAST_RETRIES, push_lease_seconds=0.4) for _ in range(2)]
    user = await new_user(clients[0])
    token = await add_device(user)
    fcm_fake.delay = 1.5
    await queue_push(user)
    await wait_until(settled, 20, "the slow push")
    assert len(fcm_fake.sends(token)) == 1
    assert (await PushJob.get()).attempts == 1
