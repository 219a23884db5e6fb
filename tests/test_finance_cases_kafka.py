"""Issue 13 acceptance on Kafka: an offline `booking.accept` pushed three times gives one capture,
one capture ledger entry and one `payment.captured` message on the finance topic, keyed by the
case, in per-case sequence (the payments reaction is a Kafka consumer group here)."""

from __future__ import annotations

import asyncio
import json
import uuid

from bus.kafka import topic_for
from domain.finance.ledger.models import LedgerEntry
from domain.finance.operations.models import FinanceOperation, OpKind
from domain.shared.outbox import OutboxEvent
from tests.support.bookings import book, build_market, ok
from tests.support.bus import read_topic, wait_until
from tests.test_finance_cases import FAST, checkout, until_state
from tests.test_sync_push import push


async def test_an_offline_accept_pushed_three_times_captures_once_on_kafka(make_client, services):
    prefix = f"pay{uuid.uuid4().hex[:8]}."
    client = await make_client(**FAST, kafka_bootstrap=services.kafka_bootstrap, kafka_topic_prefix=prefix)
    m = await build_market(client)
    booking = await ok(await book(client, m), 201)
    case_id = (await checkout(client, m, booking))["id"]
    mutation = {"mutation_id": 1, "collection": "bookings", "op": "action", "name": "accept", "id": booking["id"],
                "base_version": booking["version"]}
    device = str(uuid.uuid4())
    answers = await asyncio.gather(*(push(client, m.crew[0], device, mutation) for _ in range(3)))
    assert sorted(a["results"][0]["status"] for a in answers) == ["applied", "duplicate", "duplicate"]
    # Through Kafka: the first event waits for the consumer group to form (seconds on a loaded machine).
    await until_state(client, m, booking["id"], "held", "paid_out", "released", timeout=30)
    assert await FinanceOperation.filter(case_id=case_id, op=OpKind.CAPTURE).count() == 1
    assert await LedgerEntry.filter(case_id=case_id, idempotency_key__endswith=":captured").count() == 1

    async def published() -> bool:
        return not await OutboxEvent.filter(stream="finance", key=f"case:{case_id}", published_at__isnull=True).exists()

    await wait_until(published, 15, "the case's finance events on Kafka")
    stored = await OutboxEvent.filter(stream="finance", key=f"case:{case_id}").count()
    messages = [m for m in await read_topic(services.kafka_bootstrap, topic_for("finance", prefix), stored + 50, 8)
                if m.key == f"case:{case_id}".encode()]
    bodies = [json.loads(m.value) for m in messages]
    types = [b["type"] for b in bodies]
    assert types.count("payment.captured") == 1 and types.count("payment.capture_requested") == 1, types
    assert len({m.partition for m in messages}) == 1
    assert [b["data"]["seq"] for b in bodies] == sorted(b["data"]["seq"] for b in bodies)
    captured = next(b for b in bodies if b["type"] == "payment.captured")
    assert captured["data"]["captured"] == {"amount": 4725, "currency": "USD"}
