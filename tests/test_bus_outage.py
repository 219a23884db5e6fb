"""Acceptance: a Kafka outage delays events and loses none, and the app stays up.

A private memory-only broker is stopped and restarted on the same port (it comes back
empty: the publisher must create its topics again). The event written during the outage is
then consumed exactly once in effect by a consumer that dedupes and commits offsets, even
when it is delivered again."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
from aiohttp.test_utils import TestClient
from prometheus_client import REGISTRY

from bus.consumer import KafkaEventConsumer
from domain.shared.outbox import OutboxEvent
from tests.conftest import AppFactory
from tests.support.bus import (
    effect_handler_for,
    effects_table,
    event,
    inbox_count,
    record,
    topic_partitions,
    wait_until,
)
from tests.support.bus import effects as effects_of
from tests.support.services import Process

PARTITIONS = 2
PREFIX = "outage."


@pytest.fixture
async def effects(database_url: str) -> AsyncIterator[None]:
    # The app brings Tortoise; this only adds (and later drops) the side-effects table.
    async with effects_table(database_url):
        yield


async def _app_on(make_client: AppFactory, broker: Process) -> TestClient:
    return await make_client(
        kafka_bootstrap=f"127.0.0.1:{broker.port}", kafka_topic_prefix=PREFIX, kafka_topic_partitions=PARTITIONS
    )


async def _kafka_check(client: TestClient) -> str:
    """What /readyz says of Kafka (other checks are not this test's business)."""
    response = await client.get("/readyz")
    body = await response.json()
    assert (response.status == 200) == (body["status"] == "ok"), body
    return str(body["dependencies"]["kafka"])


async def _published(event_id: object) -> bool:
    row = await OutboxEvent.get(event_id=event_id)
    return row.published_at is not None


async def _failed_once(event_id: object) -> bool:
    row = await OutboxEvent.get(event_id=event_id)
    return row.attempts >= 1 and row.published_at is None


async def test_event_written_during_an_outage_is_published_after_it_and_handled_once(
    effects: None, new_broker: Callable[[], Process], make_client: AppFactory
) -> None:
    broker = new_broker()
    client = await _app_on(make_client, broker)
    (before,) = await record(event(subject="job-1"))
    await wait_until(lambda: _published(before.event_id), 10, "the event before the outage")

    broker.stop()
    written = event(subject="job-1", type="payment.refunded", data={"amount": 500})
    await record(written)
    await wait_until(lambda: _failed_once(written.event_id), 20, "a failed publish attempt")
    assert (await client.get("/healthz")).status == 200  # the service stays up
    assert await _kafka_check(client) == "down"

    broker.start()  # same port, empty: topics are created again on reconnect
    await wait_until(lambda: _published(written.event_id), 30, "the event after the outage")
    assert await _kafka_check(client) == "ok"
    bootstrap = f"127.0.0.1:{broker.port}"
    assert await topic_partitions(bootstrap, PREFIX + "finance.events") == set(range(PARTITIONS))

    await _consume_exactly_once(bootstrap, str(written.event_id))


async def _consume_exactly_once(bootstrap: str, event_id: str) -> None:
    name = "outage-ledger"

    def consumer(group: str) -> KafkaEventConsumer:
        return KafkaEventConsumer(bootstrap, "finance", name, effect_handler_for(name), topic_prefix=PREFIX,
                                  group_id=group, partitions=list(range(PARTITIONS)))

    first = consumer("ledger")
    await first.start()
    try:
        await wait_until(lambda: _poll_saw(first), 10, "the consumer to receive the event")
    finally:
        await first.stop()
    assert await effects_of(name) == [event_id]

    # The same group resumes after its committed offset: nothing comes again.
    resumed = consumer("ledger")
    await resumed.start()
    try:
        assert await resumed.poll(timeout_ms=500) == 0
    finally:
        await resumed.stop()

    # A second run with no committed offset (a new group, as after a lost commit) gets the
    # event again; the inbox makes it a no-op.
    before = _duplicates(name)
    replay = consumer("ledger-replay")
    await replay.start()
    try:
        await wait_until(lambda: _poll_saw(replay), 10, "the redelivery")
    finally:
        await replay.stop()
    assert _duplicates(name) == before + 1
    assert await effects_of(name) == [event_id]
    assert await inbox_count(name) == 1


def _duplicates(consumer: str) -> float:
    labels = {"consumer": consumer, "outcome": "duplicate"}
    return REGISTRY.get_sample_value("fieldsync_consumer_events_total", labels) or 0.0


async def _poll_saw(consumer: KafkaEventConsumer) -> bool:
    return await consumer.poll(timeout_ms=300) > 0


async def test_broker_down_at_start_up_delays_events_until_it_is_back(
    effects: None, new_broker: Callable[[], Process], make_client: AppFactory
) -> None:
    broker = new_broker()
    broker.stop()
    client = await _app_on(make_client, broker)  # starts although Kafka is unreachable
    assert (await client.get("/healthz")).status == 200
    written = event(subject="job-2")
    await record(written)
    await wait_until(lambda: _failed_once(written.event_id), 20, "a failed publish attempt")

    broker.start()
    await wait_until(lambda: _published(written.event_id), 30, "the event once Kafka is up")


# Bus plumbing tests record made-up events on purpose: the contract guard lets them through.
pytestmark = pytest.mark.off_contract_emits
