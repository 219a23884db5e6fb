"""Socket hygiene on every namespace: per-socket rate limits, event size caps, binary refusal,
ping timing in the handshake, and the metrics that count events and drops. (Slow consumers:
test_socket_hygiene_slow.py; the broadcast path: test_socket_hygiene_broadcast.py.)"""

from __future__ import annotations

import asyncio
import uuid
from typing import ClassVar

import orjson
import pytest
from prometheus_client.parser import text_string_to_metric_families

from realtime.base import AuthenticatedNamespace
from realtime.hygiene import RateLimit, SocketRateLimiter, exceeds, parse_header
from realtime.server import REALTIME_DEPS, SIO
from tests.conftest import app_of
from tests.support.socket_clients import Recorder, signer_for
from tests.support.waiting import wait_until

# Transport tests emit made-up events (probes): not server events of the AsyncAPI contract.
pytestmark = pytest.mark.off_contract_emits

PRESENCE = "/presence"


class LimitsProbe(AuthenticatedNamespace):
    NAME = "/limits-probe"
    RATE_LIMITS: ClassVar[dict[str, RateLimit]] = {"probe:slow": RateLimit(per_second=1, burst=1)}

    async def on_probe_slow(self, sid: str) -> str:
        return "slow"

    async def on_probe_fast(self, sid: str) -> str:
        return "fast"


def _url(client) -> str:
    return str(client.make_url("")).rstrip("/")


async def _connect(client, settings_factory, namespaces=(PRESENCE,)) -> Recorder:
    token = signer_for(settings_factory()).issue_access(f"u-{uuid.uuid4()}", ["customer"])
    return await Recorder.connect(_url(client), token, list(namespaces))


async def _call(recorder: Recorder, event: str, data=None, namespace: str = PRESENCE):
    return await recorder.client.call(event, data, namespace=namespace, timeout=5)


def _metric(text: str, name: str, **labels: str) -> float:
    total = 0.0
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                total += sample.value
    return total


async def test_each_socket_and_event_has_its_own_token_bucket(make_client, settings_factory):
    client = await make_client(socket_event_rate_per_second=2, socket_event_burst=3)
    first, second = await _connect(client, settings_factory), await _connect(client, settings_factory)
    try:
        acks = [await _call(first, "presence:subscribe", {"user_ids": []}) for _ in range(5)]
        assert [ack["ok"] for ack in acks] == [True, True, True, False, False]
        refused = acks[3]["error"]
        assert refused["code"] == "rate_limited" and 0 < refused["details"]["retry_after"] <= 0.5
        # Another event of the same socket, and the same event on another socket, still pass.
        assert (await _call(first, "presence:set", {"status": "away"}))["ok"]
        assert (await _call(second, "presence:subscribe", {"user_ids": []}))["ok"]
        await asyncio.sleep(0.55)  # one token back at 2/s
        assert (await _call(first, "presence:subscribe", {"user_ids": []}))["ok"]
        assert (await _call(first, "presence:subscribe", {"user_ids": []}))["error"]["code"] == "rate_limited"
        # Unknown events share one bucket: a client cannot mint buckets with new names.
        unknown = [await _call(first, f"made:up:{n}") for n in range(5)]
        assert [ack["error"]["code"] for ack in unknown] == ["not_found"] * 3 + ["rate_limited"] * 2
    finally:
        await first.close()
        await second.close()


async def test_a_namespace_can_limit_one_event_more_tightly(make_client, settings_factory):
    client = await make_client()
    app = app_of(client)
    app[SIO].register_namespace(LimitsProbe(LimitsProbe.NAME, app[REALTIME_DEPS]))
    recorder = await _connect(client, settings_factory, [LimitsProbe.NAME])
    try:
        slow = [await _call(recorder, "probe:slow", namespace=LimitsProbe.NAME) for _ in range(2)]
        fast = [await _call(recorder, "probe:fast", namespace=LimitsProbe.NAME) for _ in range(5)]
    finally:
        await recorder.close()
    assert slow[0] == {"ok": True, "data": "slow"} and slow[1]["error"]["code"] == "rate_limited"
    assert all(ack == {"ok": True, "data": "fast"} for ack in fast)


async def test_buckets_are_forgotten_with_the_socket(make_client, settings_factory):
    client = await make_client()
    namespace = app_of(client)[SIO].namespace_handlers[PRESENCE]
    recorder = await _connect(client, settings_factory)
    await _call(recorder, "presence:subscribe", {"user_ids": []})
    assert len(namespace.rate_limiter) >= 1
    before = len(namespace.rate_limiter)
    await recorder.close()
    await wait_until(lambda: len(namespace.rate_limiter) < before, 5, "the socket's buckets forgotten")
    assert len(namespace.rate_limiter) == before - 1


async def test_events_over_the_size_cap_get_payload_too_large(make_client, settings_factory):
    client = await make_client(socket_max_event_bytes=1024)
    recorder = await _connect(client, settings_factory)
    try:
        ascii_big = await _call(recorder, "presence:subscribe", {"user_ids": ["a" * 60] * 20})
        # Bytes, not characters: 500 two-byte characters are 1000 bytes plus the envelope.
        multibyte = await _call(recorder, "presence:subscribe", {"user_ids": ["é" * 500]})
        small = await _call(recorder, "presence:subscribe", {"user_ids": ["é" * 50]})
    finally:
        await recorder.close()
    assert ascii_big["ok"] is False and ascii_big["error"]["code"] == "payload_too_large"
    assert multibyte["error"]["code"] == "payload_too_large"
    assert small == {"ok": True, "data": {"states": []}}  # the socket is still served


async def test_binary_payloads_are_refused_and_the_socket_keeps_working(make_client, settings_factory):
    client = await make_client()
    recorder = await _connect(client, settings_factory)
    before = await (await client.get("/metrics")).text()
    try:
        refused = await _call(recorder, "presence:subscribe", {"user_ids": [b"\x00\x01binary", b"two"]})
        after = await _call(recorder, "presence:subscribe", {"user_ids": []})
    finally:
        await recorder.close()
    assert refused["ok"] is False and refused["error"]["code"] == "validation_failed"
    assert after["ok"] is True  # both attachments were swallowed, not read as packets
    after_text = await (await client.get("/metrics")).text()
    drops = "fieldsync_socket_drops_total"
    assert _metric(after_text, drops, reason="binary") - _metric(before, drops, reason="binary") == 1


async def test_events_in_out_and_drops_are_counted(make_client, settings_factory):
    client = await make_client(socket_event_rate_per_second=1, socket_event_burst=1, socket_max_event_bytes=512)
    recorder = await _connect(client, settings_factory)
    before = await (await client.get("/metrics")).text()
    try:
        await _call(recorder, "presence:subscribe", {"user_ids": []})
        await _call(recorder, "presence:subscribe", {"user_ids": []})  # rate limited
        await _call(recorder, "presence:subscribe", {"user_ids": ["x" * 600]})  # too large
        await _call(recorder, "nonsense")
        user = await recorder.client.call("presence:set", {"status": "away"}, namespace=PRESENCE, timeout=5)
        assert user["ok"]
        await app_of(client)[SIO].emit("probe", {"n": 1}, namespace=PRESENCE)
    finally:
        await recorder.close()
    after = await (await client.get("/metrics")).text()

    def delta(name: str, **labels: str) -> float:
        return _metric(after, name, **labels) - _metric(before, name, **labels)

    events_in = "fieldsync_socket_events_in_total"
    assert delta(events_in, namespace=PRESENCE, event="presence_subscribe", outcome="ok") == 1
    assert delta(events_in, namespace=PRESENCE, event="presence_subscribe", outcome="rate_limited") == 1
    assert delta(events_in, namespace=PRESENCE, event="unknown", outcome="not_found") == 1
    assert delta(events_in, namespace=PRESENCE, event="presence_set", outcome="ok") == 1
    assert delta("fieldsync_socket_events_out_total", namespace=PRESENCE, event="probe") >= 1
    drops = "fieldsync_socket_drops_total"
    assert delta(drops, namespace=PRESENCE, reason="rate_limited") == 1
    assert delta(drops, namespace=PRESENCE, reason="payload_too_large") == 1


@pytest.mark.parametrize(("interval", "timeout"), [(25.0, 30.0), (10.0, 45.0)])
async def test_the_handshake_carries_the_configured_ping_timing(make_client, interval, timeout):
    """Mobile networks stall for tens of seconds: the client learns how long we wait."""
    client = await make_client(socket_ping_interval_seconds=interval, socket_ping_timeout_seconds=timeout)
    response = await client.get("/socket.io/?EIO=4&transport=polling")
    body = await response.text()
    assert body.startswith("0")
    opened = orjson.loads(body[1:])
    assert opened["pingInterval"] == int(interval * 1000)
    assert opened["pingTimeout"] == int(timeout * 1000)
    assert opened["maxPayload"] == 65_536


def test_token_bucket_refills_continuously_up_to_its_burst():
    limiter = SocketRateLimiter(RateLimit(per_second=10, burst=2))
    assert limiter.check("s", "e", now=0.0) is None
    assert limiter.check("s", "e", now=0.0) is None
    assert limiter.check("s", "e", now=0.0) == pytest.approx(0.1)
    assert limiter.check("s", "e", now=0.05) == pytest.approx(0.05)
    assert limiter.check("s", "e", now=0.1) is None
    assert limiter.check("s", "e", now=100.0) is None  # a long pause refills to the burst only
    assert limiter.check("s", "e", now=100.0) is None
    assert limiter.check("s", "e", now=100.0) is not None


def test_packet_headers_are_read_without_the_body():
    assert parse_header('2/presence,17["presence:set",{}]') == parse_header('2/presence,17[')
    header = parse_header('51-/presence,3[{"_placeholder":true,"num":0}]')
    assert (header.packet_type, header.attachments, header.namespace, header.ack_id) == (5, 1, "/presence", 3)
    header = parse_header('21["event"]')
    assert (header.packet_type, header.namespace, header.ack_id) == (2, "/", 1)
    assert parse_header("x") is None
    assert exceeds("é" * 10, 19) and not exceeds("é" * 10, 20) and exceeds("a" * 21, 20)
