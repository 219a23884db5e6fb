"""Disputes on Kafka (issue 14): the dispute events leave on the domain topic keyed by the
dispute (one partition: in order), and the `dispute-live` consumer group delivers each
`dispute:update` once, in order, to the parties' sockets."""

from __future__ import annotations

import json
import uuid

import pytest

from bus.kafka import topic_for
from domain.shared.outbox import OutboxEvent
from tests.support.bookings import build_market
from tests.support.bus import read_topic, wait_until
from tests.support.disputes import add_entry, open_dispute, paid_booking
from tests.support.payments import FAST
from tests.support.socket_clients import Recorder

NS, UPDATE = "/disputes", "dispute:update"


async def test_dispute_updates_arrive_once_in_order_through_kafka(make_client, services):
    prefix = f"dsp{uuid.uuid4().hex[:8]}."
    client = await make_client(**FAST, kafka_bootstrap=services.kafka_bootstrap, kafka_topic_prefix=prefix)
    m = await build_market(client)
    booking, _ = await paid_booking(client, m)
    provider = await Recorder.connect(str(client.make_url("")).rstrip("/"), m.provider.access_token, [NS], [UPDATE])
    try:
        dispute = await open_dispute(client, m.customer, booking["id"])
        for n in range(4):
            await add_entry(client, m.customer if n % 2 else m.provider, dispute["id"], body=f"entry {n}")
        seqs = [int((await provider.next_event(NS, UPDATE, 20))["entry"]["seq"]) for _ in range(5)]
        assert seqs == [1, 2, 3, 4, 5]
        with pytest.raises(TimeoutError):  # and nothing twice
            await provider.next_event(NS, UPDATE, 1.0)
    finally:
        await provider.close()
    key = f"dispute:{dispute['id']}"

    async def published() -> bool:
        return not await OutboxEvent.filter(key=key, published_at__isnull=True).exists()

    await wait_until(published, 15, "the dispute's events on Kafka")
    stored = await OutboxEvent.filter(stream="domain").count()
    messages = [x for x in await read_topic(services.kafka_bootstrap, topic_for("domain", prefix), stored + 50, 8)
                if x.key == key.encode()]
    assert len({x.partition for x in messages}) == 1
    assert [json.loads(x.value)["data"]["seq"] for x in messages] == [1, 2, 3, 4, 5]
