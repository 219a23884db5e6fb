"""The outbox relayed to a real Kafka-compatible broker: topics, keys, order, wire bodies,
a consumer that dedupes and commits offsets, and an event too large for Kafka."""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import AsyncIterator

import orjson
import pytest
from aiokafka import AIOKafkaProducer

from bus import Envelope
from bus.consumer import HandlerFailed, KafkaEventConsumer
from bus.kafka import KafkaPublisher, topic_for
from bus.relay import HELD_FIRST_RETRY, OutboxRelay
from domain.shared.outbox import OutboxEvent
from domain.shared.uow import UnitOfWork
from tests.conftest import Services
from tests.support.bus import (
    effect_handler_for,
    effects,
    event,
    inbox_count,
    read_topic,
    record,
    topic_partitions,
    tortoise_on,
)
from tests.support.waiting import wait_for_value

PARTITIONS = 3


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[None]:
    async with tortoise_on(database_url):
        yield


@pytest.fixture
async def kafka(services: Services) -> AsyncIterator[tuple[KafkaPublisher, str]]:
    """A publisher on the session broker, with topics of its own (unique prefix)."""
    prefix = f"t{secrets.token_hex(4)}."
    publisher = KafkaPublisher(services.kafka_bootstrap, topic_prefix=prefix, partitions=PARTITIONS)
    await publisher.start()
    yield publisher, prefix
    await publisher.stop()


async def test_events_of_a_subject_arrive_in_order_with_the_wire_body(
    db: None, kafka: tuple[KafkaPublisher, str], services: Services
) -> None:
    publisher, prefix = kafka
    finance = [
        event(subject="job-42", type=f"payment.step{n}", data={"n": n}, actor_id="user-9" if n % 2 else None)
        for n in range(6)
    ]
    audit = event(subject="org-1", stream="audit", type="member.added", actor_id="user-1")
    await record(*finance[:3])
    await record(audit, *finance[3:])
    relay = OutboxRelay(publisher)
    assert await relay.publish_batch() == 7

    messages = await read_topic(services.kafka_bootstrap, topic_for("finance", prefix), 6)
    assert [orjson.loads(m.value) for m in messages] == [e.wire() for e in finance]
    assert {m.key for m in messages} == {b"job-42"}
    assert len({m.partition for m in messages}) == 1  # one key, one partition: that is the order
    headers = dict(messages[0].headers)
    assert headers == {"event_id": str(finance[0].event_id).encode(), "type": b"payment.step0"}
    body = orjson.loads(messages[1].value)
    assert set(body) == {"event_id", "type", "occurred_at", "actor_id", "subject", "data"}

    (audit_message,) = await read_topic(services.kafka_bootstrap, topic_for("audit", prefix), 1)
    assert audit_message.key == b"org-1"
    assert orjson.loads(audit_message.value) == audit.wire()


async def test_topics_are_created_with_the_configured_partitions(
    kafka: tuple[KafkaPublisher, str], services: Services
) -> None:
    _, prefix = kafka
    for stream in ("finance", "audit", "domain"):
        assert await topic_partitions(services.kafka_bootstrap, topic_for(stream, prefix)) == set(range(PARTITIONS))


async def test_consumer_handles_each_event_once_and_commits_its_offsets(
    db: None, kafka: tuple[KafkaPublisher, str], services: Services
) -> None:
    publisher, prefix = kafka
    events = [event(subject=f"job-{n % 2}") for n in range(4)]
    await record(*events)
    assert await OutboxRelay(publisher).publish_batch() == 4
    name = "ledger"

    def consumer(group: str | None = None) -> KafkaEventConsumer:
        return KafkaEventConsumer(services.kafka_bootstrap, "finance", name, effect_handler_for(name),
                                  topic_prefix=prefix, group_id=group, partitions=list(range(PARTITIONS)))

    first = consumer()
    await first.start()
    try:
        assert await _poll_until(first, 4) == 4
    finally:
        await first.stop()
    assert sorted(await effects(name)) == sorted(str(e.event_id) for e in events)

    again = consumer()  # same group: starts after the committed offsets
    await again.start()
    try:
        assert await again.poll(timeout_ms=500) == 0
        await again.seek_to_beginning()  # a replay delivers everything again...
        assert await _poll_until(again, 4) == 4
    finally:
        await again.stop()
    assert len(await effects(name)) == 4  # ...and changes nothing
    assert await inbox_count(name) == 4


async def _poll_until(consumer: KafkaEventConsumer, count: int, polls: int = 20) -> int:
    seen = 0
    for _ in range(polls):
        seen += await consumer.poll(timeout_ms=300)
        if seen >= count:
            break
    return seen


async def test_an_event_too_large_for_kafka_holds_only_its_own_subject(
    db: None, kafka: tuple[KafkaPublisher, str], services: Services
) -> None:
    publisher, prefix = kafka
    poison = event(subject="job-big", data={"blob": "x" * 1_200_000})  # over the 1 MiB request limit
    behind = event(subject="job-big", type="payment.refunded")
    other = event(subject="job-small")
    await record(poison, behind, other)
    relay = OutboxRelay(publisher)

    assert await relay.publish_batch() == 1  # the other subject is not wedged behind it
    assert await relay.publish_batch() == 0  # the held subject waits for its retry time
    (message,) = await read_topic(services.kafka_bootstrap, topic_for("finance", prefix), 1)
    assert orjson.loads(message.value)["event_id"] == str(other.event_id)

    # Nothing is dropped: the event stays pending with its attempts and the reason, and the
    # event of the same subject behind it waits (published after it, never before).
    stuck = await OutboxEvent.get(event_id=poison.event_id)
    assert stuck.published_at is None
    assert stuck.attempts == 1
    assert "MessageSizeTooLarge" in (stuck.last_error or "")
    waiting = await OutboxEvent.get(event_id=behind.event_id)
    assert (waiting.published_at, waiting.attempts) == (None, 0)

    # An operator trims the body; at its next retry it goes, then the event behind it.
    await OutboxEvent.filter(id=stuck.id).update(body={**poison.wire(), "data": {"blob": "trimmed"}})
    retried = await wait_for_value(relay.publish_batch, lambda went: went > 0, HELD_FIRST_RETRY + 5, "the retry")
    assert retried == 1
    assert await relay.publish_batch() == 1
    messages = await read_topic(services.kafka_bootstrap, topic_for("finance", prefix), 3)
    assert [orjson.loads(m.value)["event_id"] for m in messages if m.key == b"job-big"] == [
        str(poison.event_id), str(behind.event_id)
    ]


async def test_a_failing_handler_holds_its_event_and_garbage_is_skipped(
    db: None, kafka: tuple[KafkaPublisher, str], services: Services
) -> None:
    publisher, prefix = kafka
    first, second = event(subject="job-5"), event(subject="job-5", type="payment.refunded")
    producer = AIOKafkaProducer(bootstrap_servers=services.kafka_bootstrap)
    await producer.start()
    try:  # not an event at all, ahead of the real ones on the same key
        await producer.send_and_wait(topic_for("finance", prefix), b"not json", key=b"job-5")
    finally:
        await producer.stop()
    await record(first, second)
    assert await OutboxRelay(publisher).publish_batch() == 2

    name, effect, calls = "flaky", effect_handler_for("flaky"), Counter[str]()

    async def flaky(envelope: Envelope, uow: UnitOfWork) -> None:
        calls[envelope.event_id] += 1
        if envelope.event_id == str(second.event_id) and calls[envelope.event_id] == 1:
            raise RuntimeError("downstream timeout")
        await effect(envelope, uow)

    consumer = KafkaEventConsumer(services.kafka_bootstrap, "finance", name, flaky, topic_prefix=prefix,
                                  partitions=list(range(PARTITIONS)))
    await consumer.start()
    try:
        with pytest.raises(HandlerFailed):
            await _poll_until(consumer, 3)
        assert await _poll_until(consumer, 1) == 1  # the failed event comes again, nothing else
    finally:
        await consumer.stop()
    assert await effects(name) == [str(first.event_id), str(second.event_id)]
    assert calls == {str(first.event_id): 1, str(second.event_id): 2}


# Bus plumbing tests record made-up events (`test.happened`, fake payloads) on purpose: the
# contract guard (tests/support/contract_guard.py) lets them through.
pytestmark = pytest.mark.off_contract_emits
