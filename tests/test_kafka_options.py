"""Kafka settings for managed brokers (issue 11, Operations): TLS reaches the clients the
service makes, and KAFKA_CREATE_TOPICS=false leaves topic creation to the operator. Against
the real (plaintext) test broker; the keyword arguments themselves are checked in
tests/test_settings.py."""

from __future__ import annotations

import secrets

from aiokafka.admin import AIOKafkaAdminClient

from tests.conftest import Services
from tests.support.waiting import wait_for_value


async def _topics(bootstrap: str) -> set[str]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        return set(await admin.list_topics())
    finally:
        await admin.close()


async def _kafka_state(client) -> str:
    body = await (await client.get("/readyz")).json()
    return str(body["dependencies"]["kafka"])


async def _ready(client) -> None:
    """Ready as an orchestrator sees it, polling: the first connection (topics created) can take
    longer than one readiness check's 2 s on a busy machine."""
    await wait_for_value(lambda: _kafka_state(client), lambda state: state == "ok", 20, "Kafka ready")


async def test_with_create_topics_off_the_service_creates_no_topic(make_client, services: Services):
    prefix = f"nocreate-{secrets.token_hex(3)}."
    client = await make_client(kafka_bootstrap=services.kafka_bootstrap, kafka_topic_prefix=prefix,
                               kafka_create_topics=False, kafka_topic_partitions=7)
    await _ready(client)  # connected all the same
    # Consumers now subscribe to every stream (finance too), and the test broker creates a topic
    # on a metadata request as brokers with auto-creation on do (managed ones have it off). What
    # the service itself would create (before it is ready: the next test) has its configured
    # partition count: no topic has it.
    counts = await wait_for_value(lambda: _partition_counts(services.kafka_bootstrap, prefix), bool, 10,
                                  "the consumers' topics")
    assert 7 not in counts.values()


async def _partition_counts(bootstrap: str, prefix: str) -> dict[str, int]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        names = [name for name in await admin.list_topics() if name.startswith(prefix)]
        described = await admin.describe_topics(names) if names else []
        return {topic["topic"]: len(topic["partitions"]) for topic in described}
    finally:
        await admin.close()


async def test_with_create_topics_on_the_service_creates_its_topics(make_client, services: Services):
    prefix = f"create-{secrets.token_hex(3)}."
    client = await make_client(kafka_bootstrap=services.kafka_bootstrap, kafka_topic_prefix=prefix)
    await _ready(client)
    assert {f"{prefix}finance.events", f"{prefix}audit.events"} <= await _topics(services.kafka_bootstrap)


async def test_tls_settings_reach_the_broker_connection(make_client, services: Services):
    # The test broker speaks plaintext only: a TLS client cannot talk to it. Were the setting
    # ignored, the service would connect as before.
    client = await make_client(kafka_bootstrap=services.kafka_bootstrap, kafka_topic_prefix="tls-",
                               kafka_security_protocol="SSL")
    assert await _kafka_state(client) == "down"
