"""Audit trail (issue 3, acceptance 5): every privileged action leaves an audit record and an
`audit.events` Kafka message written in the same transaction; records cannot be altered."""

from __future__ import annotations

import asyncio
import secrets

import orjson
import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from tortoise.exceptions import OperationalError

from domain.audit.models import AuditRecord, AuditRecordImmutable
from tests.support.identity import make_admin, register
from tests.support.waiting import wait_until


async def _read_topic(bootstrap: str, topic: str, expected: int, subject: str, timeout: float = 20.0) -> list[dict]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        async def topic_known() -> bool:  # the relay publishes after commit: the topic may come later
            if consumer.partitions_for_topic(topic):
                return True
            await consumer._client.force_metadata_update()
            return bool(consumer.partitions_for_topic(topic))

        await wait_until(topic_known, timeout, f"the topic {topic}", interval=0.1)
        partitions = consumer.partitions_for_topic(topic) or set()
        consumer.assign([TopicPartition(topic, p) for p in partitions])
        await consumer.seek_to_beginning()
        messages: list[dict] = []
        deadline = asyncio.get_running_loop().time() + timeout
        # Until `expected` messages about `subject` came: the admin's own set-up (its TOTP enrolment)
        # is audited on the same topic, so a count of all messages could stop one short of ours.
        while (sum(m["subject"] == subject for m in messages) < expected
               and asyncio.get_running_loop().time() < deadline):
            batch = await consumer.getmany(timeout_ms=300)
            for records in batch.values():
                messages.extend(orjson.loads(r.value) | {"_key": r.key.decode()} for r in records)
        return messages
    finally:
        await consumer.stop()


async def test_privileged_actions_are_audited_in_the_database_and_on_kafka(make_client, services):
    prefix = f"t{secrets.token_hex(3)}."
    client = await make_client(kafka_bootstrap=services.kafka_bootstrap, kafka_topic_prefix=prefix)
    admin = await make_admin(client)
    user = await register(client, "customer")
    request_id = "audit-test-1"
    headers = {**admin.headers, "X-Request-ID": request_id}
    assert (await client.get(f"/v1/users/{user.id}", headers=headers)).status == 200
    assert (await client.post(f"/v1/admin/users/{user.id}/roles", headers=headers,
                              json={"role": "enterprise"})).status == 200
    assert (await client.delete(f"/v1/admin/users/{user.id}/roles/enterprise", headers=headers)).status == 200
    assert (await client.put(f"/v1/admin/users/{user.id}/suspension", headers=headers,
                             json={"suspended": True})).status == 200

    records = await AuditRecord.filter(subject_id=user.id).order_by("id")
    assert [r.action for r in records] == ["user.read", "role.grant", "role.revoke", "user.suspend"]
    assert all(r.actor_id == admin.id and r.request_id == request_id and r.ip for r in records)
    assert records[1].before == {"roles": ["customer"]} and records[1].after == {"roles": ["customer", "enterprise"]}

    messages = await _read_topic(services.kafka_bootstrap, f"{prefix}audit.events", expected=4, subject=user.id)
    mine = [m for m in messages if m["subject"] == user.id]
    assert [m["type"] for m in mine] == ["audit.user.read", "audit.role.grant", "audit.role.revoke",
                                         "audit.user.suspend"]
    assert all(m["_key"] == user.id and m["actor_id"] == admin.id for m in mine)
    assert {m["data"]["audit_id"] for m in mine} == {r.id for r in records}

    listed = await client.get("/v1/admin/audit", params={"subject_id": user.id}, headers=admin.headers)
    assert [item["action"] for item in (await listed.json())["items"]] == [
        "user.suspend", "role.revoke", "role.grant", "user.read"]


async def test_reading_yourself_is_not_audited(client):
    user = await register(client)
    assert (await client.get(f"/v1/users/{user.id}", headers=user.headers)).status == 200
    assert await AuditRecord.filter(subject_id=user.id).count() == 0


async def test_audit_records_cannot_be_altered_through_the_application(client):
    admin = await make_admin(client)
    user = await register(client)
    await client.put(f"/v1/admin/users/{user.id}/suspension", headers=admin.headers, json={"suspended": True})
    record = await AuditRecord.get(subject_id=user.id)
    record.action = "nothing.happened"
    with pytest.raises(AuditRecordImmutable):
        await record.save()
    with pytest.raises(AuditRecordImmutable):
        await record.delete()
    # Bulk paths bypass the model; the database trigger refuses them.
    with pytest.raises(OperationalError, match="append-only"):
        await AuditRecord.filter(id=record.id).update(action="nothing.happened")
    with pytest.raises(OperationalError, match="append-only"):
        await AuditRecord.filter(id=record.id).delete()
    assert (await AuditRecord.get(id=record.id)).action == "user.suspend"
