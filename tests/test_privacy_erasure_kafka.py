"""Erasure (issue 18, acceptance 3) on real PostgreSQL, Redis and Kafka: after the grace period a
pg_dump of the database holds none of the person's e-mail, name, phone or address (sync op log,
outbox, audit and refresh tokens included; the held booking is kept, pseudonymised), login fails,
the counterparty's next pull shows "Deleted user", and `privacy.user_erased` is on Kafka."""

from __future__ import annotations

import json
import secrets
import time
from datetime import timedelta
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition

from bus.kafka import topic_for
from domain.accounts.models import RefreshToken, User, UserStatus
from domain.bookings.models import Booking
from domain.feed.models import FeedItem
from domain.notifications.models import Device
from domain.shared import clock
from domain.shared.outbox import OutboxEvent
from tests.support.bookings import act, book, build_market, ok
from tests.support.identity import PASSWORD, register
from tests.support.market import container_of
from tests.support.messaging import open_conversation, send_rest
from tests.support.privacy import lines_with, pg_dump
from tests.support.sync import flush, pull
from tests.support.waiting import wait_until

NAME = "Zelda Quartermaine-Okafor"
PHONE = "+44 7700 900123"
ADDRESS = "17 Wisteria Lane, Flat 4B"


async def _find_on_topic(bootstrap: str, topic: str, wanted: Any, timeout: float = 30.0) -> dict[str, Any]:
    """The first message of the topic (read from the beginning, every partition) that `wanted` accepts."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    try:
        deadline = time.monotonic() + timeout
        assigned = False
        while time.monotonic() < deadline:
            if not assigned:
                await consumer.topics()
                partitions = consumer.partitions_for_topic(topic) or set()
                if partitions:
                    consumer.assign([TopicPartition(topic, p) for p in sorted(partitions)])
                    assigned = True
                continue
            for messages in (await consumer.getmany(timeout_ms=200)).values():
                for message in messages:
                    body = json.loads(message.value)
                    if wanted(body):
                        return dict(body)
        raise AssertionError(f"no such message on {topic} within {timeout}s")
    finally:
        await consumer.stop()


async def test_erasure_leaves_nothing_in_a_pg_dump_and_tells_counterparties_and_kafka(make_client, services,
                                                                                       database_url):
    prefix = f"erase{secrets.token_hex(3)}."
    client = await make_client(kafka_bootstrap=services.kafka_bootstrap, kafka_topic_prefix=prefix)
    market = await build_market(client)
    lead = market.crew[0]
    email = f"zelda.q.{secrets.token_hex(4)}@example.com"
    person = await register(client, "customer", email=email, name=NAME)

    # A booking with the address and the phone in the notes, accepted by the crew's lead.
    booking = await ok(await book(client, market, who=person, address=ADDRESS,
                                  notes=f"Gate code 4471, call {PHONE}"), 201)
    booking = await ok(await act(client, lead, booking, "accept"))
    # Messages both ways: the person's carry the phone, the lead's reply names them.
    conversation = await open_conversation(client, person, kind="booking", booking_id=booking["id"])
    await send_rest(client, person, conversation["id"], f"Please ring {PHONE} when you are at the gate")
    await open_conversation(client, lead, kind="booking", booking_id=booking["id"])
    await send_rest(client, lead, conversation["id"], f"Will do, {NAME}, see you on Tuesday")
    # A push device, a second session (refresh token with IP and user agent), audit rows about them.
    await ok(await client.post("/v1/devices", headers=person.headers,
                               json={"token": f"fcm-zelda-{secrets.token_hex(8)}", "platform": "android",
                                     "app": "customer", "locale": "en"}))
    login = await client.post("/v1/auth/login", json={"email": email, "password": PASSWORD},
                              headers={"User-Agent": "ZeldaPhone/1.0"})
    assert login.status == 200
    await ok(await client.get(f"/v1/users/{person.id}", headers=market.admin.headers))

    async def settled() -> bool:  # the reactions (feed, notifications) ran over Kafka
        return (not await OutboxEvent.filter(published_at__isnull=True).exists()
                and await FeedItem.filter(user_id=lead.id, entity_id=booking["id"]).exists())

    await wait_until(settled, 30, "the outbox relayed and the lead's feed holds the booking")
    await flush(client)
    before = await pull(client, lead)
    assert NAME in json.dumps(before), "the counterparty saw the name before (else the test proves nothing)"
    needles = [email, NAME, PHONE, ADDRESS]
    dumped = lines_with(await pg_dump(database_url), needles)
    assert set(dumped) == set(needles), f"the dump held each value before the erasure: {sorted(dumped)}"

    # The request: password again; scheduled after the grace period, during which login still works.
    wrong = await client.post("/v1/me/erasure", headers=person.headers, json={"password": "not my password"})
    assert wrong.status == 401
    requested = await ok(await client.post("/v1/me/erasure", headers=person.headers, json={"password": PASSWORD}),
                         201)
    assert requested["state"] == "scheduled" and requested["kind"] == "erasure"
    again = await client.post("/v1/me/erasure", headers=person.headers, json={"password": PASSWORD})
    assert again.status == 409 and (await again.json())["details"]["reason"] == "duplicate"
    during = await client.post("/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert during.status == 200
    privacy = container_of(client).privacy
    assert await privacy.run_due() == 0  # the grace period is not over
    assert (await ok(await client.get("/v1/me/erasure", headers=person.headers)))["state"] == "scheduled"

    assert await privacy.run_due(clock.utcnow() + timedelta(days=15)) == 1
    assert await privacy.run_due(clock.utcnow() + timedelta(days=15)) == 0  # once

    # Login fails as for an unknown e-mail; the old tokens are dead.
    failed = await client.post("/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert failed.status == 401 and (await failed.json())["code"] == "invalid_credentials"
    assert (await client.get("/v1/me", headers=person.headers)).status == 401
    assert (await client.post("/v1/auth/refresh", json={"refresh_token": person.refresh_token})).status == 401
    assert not await RefreshToken.filter(user_id=person.id).exists()
    assert not await Device.filter(user_id=person.id).exists()
    account = await User.get(id=person.id)
    assert account.status == UserStatus.ERASED and account.name == "Deleted user"
    assert account.email.startswith("erased-") and account.email.endswith("@invalid")

    # The booking is kept (tax law) with its money, pseudonymised: the address and notes removed.
    held = await Booking.get(id=booking["id"])
    assert str(held.customer_id) == person.id and held.total_amount == booking["total"]["amount"]
    assert held.address == "[removed]" and held.notes == "[removed]"

    # The erasure event on Kafka: the user id, nothing else.
    await wait_until(lambda: _all_published(), 30, "the outbox relayed the erasure")
    erased = await _find_on_topic(services.kafka_bootstrap, topic_for("domain", prefix),
                                  lambda body: body["type"] == "privacy.user_erased" and body["subject"] == person.id)
    assert erased["data"] == {"user_id": person.id}

    # The counterparty's next pull: "Deleted user" where the name was, the person's messages removed.
    await flush(client)
    after = await pull(client, lead, before["cursor"])
    text = json.dumps(after)
    assert "Deleted user" in text and NAME not in text and PHONE not in text
    bodies = {c["data"]["body"] for c in after["changes"] if c["collection"] == "messages" and c.get("data")}
    assert "[removed]" in bodies and "Will do, Deleted user, see you on Tuesday" in bodies
    snapshot = json.dumps(await pull(client, lead))
    assert NAME not in snapshot and PHONE not in snapshot and ADDRESS not in snapshot

    # The whole database: nothing left anywhere (op log, outbox, audit, tokens, held rows).
    left = lines_with(await pg_dump(database_url), needles)
    assert left == {}, json.dumps(left, indent=1)


async def _all_published() -> bool:
    return not await OutboxEvent.filter(published_at__isnull=True).exists()
