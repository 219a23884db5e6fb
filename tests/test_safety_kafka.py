"""Moderation decisions on Kafka (issue 15, acceptance 3): each decision's audit record leaves on
`audit.events` with the action, the item and the reason."""

from __future__ import annotations

import json
import secrets

from bus.kafka import topic_for
from domain.audit.models import AuditRecord
from domain.shared.outbox import OutboxEvent
from tests.support.bus import read_topic, wait_until
from tests.support.identity import make_admin, register
from tests.support.safety import decide, report


async def test_every_decision_is_an_audit_row_and_an_audit_events_message(make_client, services):
    prefix = f"mod{secrets.token_hex(3)}."
    client = await make_client(kafka_bootstrap=services.kafka_bootstrap, kafka_topic_prefix=prefix)
    admin = await make_admin(client)
    reporter = await register(client, "customer")
    targets = [await register(client, "serviceman") for _ in range(3)]
    items = [(await report(client, reporter, "user", t.id, "fake"))["item_id"] for t in targets]
    for item, (action, reason) in zip(items, [("dismiss", ""), ("warn", "Fake certificates in the profile."),
                                              ("suspend", "Fake identity.")], strict=True):
        await decide(client, admin, item, action, reason)
    rows = await AuditRecord.filter(subject_type="moderation_item").order_by("id").values_list("action", "subject_id")
    assert rows == [("moderation.dismiss", items[0]), ("moderation.warn", items[1]), ("moderation.suspend", items[2])]

    async def published() -> bool:
        return not await OutboxEvent.filter(stream="audit", published_at__isnull=True).exists()

    await wait_until(published, 20, "the audit events on Kafka")
    stored = await OutboxEvent.filter(stream="audit").count()
    messages = [json.loads(m.value) for m in await read_topic(services.kafka_bootstrap, topic_for("audit", prefix),
                                                               stored, 20)]
    # Keyed by item: one partition each, so compared per item (partitions are not ordered among themselves).
    mine = {m["subject"]: (m["type"], m["data"]["after"]) for m in messages if m["subject"] in items}
    assert [mine[item][0] for item in items] == ["audit.moderation.dismiss", "audit.moderation.warn",
                                                 "audit.moderation.suspend"]
    assert mine[items[1]][1]["reason"] == "Fake certificates in the profile."
    assert mine[items[2]][1]["party_id"] == targets[2].id
