"""One trace follows an action end to end (issue 17): the `POST` that sends a message, its outbox
row (which stores the `traceparent`), the relay's publish to Kafka (the `traceparent` header)
and a Kafka consumer's work, on the real PostgreSQL and the test broker, with an in-memory
exporter in place of OTLP. And a socket event is a span of its own."""

from __future__ import annotations

import uuid

from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from app.bootstrap import Overrides
from domain.shared import tracing
from domain.shared.outbox import OutboxEvent
from tests.support.identity import register
from tests.support.messaging import emit, messaging_client, open_conversation, send_rest
from tests.support.waiting import wait_for_value


def _ancestors(span: ReadableSpan, spans: list[ReadableSpan]) -> list[ReadableSpan]:
    by_id = {s.context.span_id: s for s in spans}
    chain = []
    while span.parent is not None and span.parent.span_id in by_id:
        span = by_id[span.parent.span_id]
        chain.append(span)
    return chain


async def test_one_trace_runs_from_the_post_to_the_kafka_consumers_span(make_client, services):
    exporter = InMemorySpanExporter()
    client = await make_client(
        Overrides(span_exporter=exporter),
        kafka_bootstrap=services.kafka_bootstrap,
        kafka_topic_prefix=f"trace{uuid.uuid4().hex[:8]}.",
    )
    customer = await register(client)
    conversation = await open_conversation(client, customer, kind="support")
    message = await send_rest(client, customer, conversation["id"], "the tap drips")

    sent = await _the_sent_event(message["id"])
    assert sent.traceparent is not None  # stored with the row, in the request's transaction
    trace_id = int(sent.traceparent.split("-")[1], 16)

    def consumed() -> list[ReadableSpan]:
        return [
            s
            for s in exporter.get_finished_spans()
            if s.kind == SpanKind.CONSUMER
            and s.name == "consume message.sent"
            and s.attributes
            and s.attributes.get("messaging.message.id") == str(sent.event_id)
        ]

    # The first poll waits for the consumer groups to form.
    consumers = await wait_for_value(consumed, bool, 100, "a Kafka consumer's span for the message")
    spans = list(exporter.get_finished_spans())
    posts = [
        s
        for s in spans
        if s.kind == SpanKind.SERVER
        and s.parent is None
        and s.context.trace_id == trace_id
        and s.name.startswith("POST")
    ]
    assert len(posts) == 1, [s.name for s in spans if s.context.trace_id == trace_id]
    post = posts[0]
    for consumer in consumers:
        assert consumer.context.trace_id == post.context.trace_id
        chain = _ancestors(consumer, spans)
        # consumer <- aiokafka's send <- the relay's publish to Kafka <- ... <- the POST
        assert [s.kind for s in chain[:2]] == [SpanKind.PRODUCER, SpanKind.PRODUCER]
        assert any(s.name.startswith("publish ") for s in chain[:2])
        assert chain[-1] is post
    # The library instrumentations joined the same trace: the request's SQL ran under the POST.
    assert any(
        s.context.trace_id == trace_id and s.attributes and s.attributes.get("db.system") == "postgresql" for s in spans
    )
    # The after-commit socket emit runs in the request's trace (registered there, run after the commit).
    assert any(s.name == "emit /messaging message:new" and s.context.trace_id == trace_id for s in spans)

    # A socket event is a span of its own, with the user, and the SQL it ran beneath it.
    recorder = await messaging_client(str(client.make_url("")), customer)
    try:
        ack = await emit(recorder, "message:read", {"conversation_id": conversation["id"], "seq": message["seq"]})
    finally:
        await recorder.close()
    assert ack["ok"] is True, ack
    events = [s for s in exporter.get_finished_spans() if s.name == "socket /messaging message_read"]
    assert len(events) == 1 and events[0].kind == SpanKind.SERVER
    assert events[0].attributes and events[0].attributes["enduser.id"] == customer.id
    assert any(
        s.parent is not None and s.parent.span_id == events[0].context.span_id for s in exporter.get_finished_spans()
    )
    await client.close()
    assert not tracing.enabled()  # the app that traced is gone: the path is free again


async def _the_sent_event(message_id: str) -> OutboxEvent:
    rows = [
        row for row in await OutboxEvent.filter(type="message.sent") if row.body["data"]["message_id"] == message_id
    ]
    assert len(rows) == 1, f"one message.sent row for {message_id}"
    return rows[0]
