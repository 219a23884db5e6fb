"""Kafka publisher: outbox events to `{prefix}{stream}.events`, keyed by subject id.

At-least-once by design: `acks="all"` without the idempotent producer (aiokafka only speaks
InitProducerId v0, which the test broker refuses), so consumers dedupe by event id.

A broker outage must delay events, never stop the service: `start()` does not fail when the
broker is down, and `publish()`/`ping()` connect lazily. After a transient failure the
producer is dropped, so the next attempt reconnects and creates the topics again (a broker
that lost its state, such as the memory-only test broker, comes back without them).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable
from typing import Any

import orjson
import structlog
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, KafkaTimeoutError, TopicAlreadyExistsError, for_code
from opentelemetry.trace import SpanKind

from bus import Envelope, PublishError
from domain.shared import tracing

log = structlog.get_logger(__name__)

STREAMS = ("finance", "audit", "domain")


def topic_for(stream: str, prefix: str = "") -> str:
    return f"{prefix}{stream}.events"


def headers_for(envelope: Envelope, traceparent: str | None = None) -> list[tuple[str, bytes]]:
    # Routing without parsing the body (and a second place to find the dedupe key); the trace
    # context (W3C `traceparent`) lets the consumers' spans join the trace that recorded the event.
    headers = [("event_id", envelope.event_id.encode()), ("type", envelope.type.encode())]
    traceparent = traceparent or envelope.traceparent
    if traceparent:
        headers.append((tracing.TRACEPARENT, traceparent.encode()))
    return headers


async def ensure_topics(
    bootstrap: str,
    topics: Iterable[str],
    *,
    partitions: int,
    replication_factor: int,
    request_timeout_ms: int = 5000,
    security: dict[str, Any] | None = None,
) -> None:
    """Create the topics unless they exist (auto-creation would pick the broker's default
    partition count, and partitions decide how keys spread)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=request_timeout_ms,
                                **(security or {}))
    try:
        await admin.start()
        response = await admin.create_topics([NewTopic(t, partitions, replication_factor) for t in topics])
        for topic, code, *detail in response.topic_errors:
            if code not in (0, TopicAlreadyExistsError.errno):
                raise for_code(code)(f"cannot create topic {topic}: {detail}")
    finally:
        await admin.close()


def is_transient(exc: BaseException) -> bool:
    """A failure of the connection or the broker, as opposed to one of a message."""
    if isinstance(exc, KafkaError):
        return exc.retriable or isinstance(exc, KafkaTimeoutError)
    return isinstance(exc, OSError | asyncio.TimeoutError)


class KafkaPublisher:
    def __init__(
        self,
        bootstrap: str,
        topic_prefix: str = "",
        *,
        partitions: int = 6,
        replication_factor: int = 1,
        request_timeout_ms: int = 5000,
        create_topics: bool = True,
        security: dict[str, Any] | None = None,
    ) -> None:
        """`create_topics=False`: the topics are managed elsewhere; `security`: aiokafka's TLS
        and SASL keywords (app/settings.py `kafka_security`), for the admin client too."""
        self._bootstrap = bootstrap
        self._create_topics = create_topics
        self._security = security or {}
        self._prefix = topic_prefix
        self._partitions = partitions
        self._replication_factor = replication_factor
        # Bounds a publish against a dead broker to a few seconds: the relay then backs off
        # and retries instead of sitting in its claim transaction.
        self._request_timeout_ms = request_timeout_ms
        self._producer: AIOKafkaProducer | None = None
        self._lock = asyncio.Lock()

    def topic(self, stream: str) -> str:
        return topic_for(stream, self._prefix)

    async def start(self) -> None:
        try:
            await self._connect()
        except Exception as exc:
            # Not fatal: the relay keeps the events and publish() connects when it can.
            log.warning("kafka_unavailable_at_start", bootstrap=self._bootstrap, error=repr(exc))

    async def stop(self) -> None:
        async with self._lock:
            await self._drop_producer()

    async def ping(self) -> None:
        producer = self._producer
        if producer is None:
            await self._connect()
            return
        # Raises KafkaError when no broker answers.
        await producer.client.fetch_all_metadata()

    async def publish(self, batch: list[Envelope]) -> None:
        producer = await self._connect()
        failed_keys: set[tuple[str, str]] = set()
        sent: list[tuple[Envelope, asyncio.Future[object]]] = []
        errors: dict[str, BaseException] = {}
        for envelope in batch:
            key = (envelope.stream, envelope.key)
            if key in failed_keys:
                continue  # held back behind the failed event of its key
            try:
                topic = self.topic(envelope.stream)
                # The publish span is the recording span's child, and the consumers' parent.
                with tracing.span(f"publish {topic}", parent=envelope.traceparent, kind=SpanKind.PRODUCER,
                                  attributes={"messaging.system": "kafka", "messaging.destination.name": topic,
                                              "messaging.message.id": envelope.event_id}):
                    future = await producer.send(
                        topic,
                        value=orjson.dumps(envelope.body),
                        key=envelope.key.encode(),
                        headers=headers_for(envelope, tracing.current_traceparent()),
                    )
            except Exception as exc:  # too large, say: this envelope fails, not the whole batch
                errors[envelope.event_id] = exc
                failed_keys.add(key)
                if is_transient(exc):
                    break  # the broker is the problem: every further send would wait as long
                continue
            sent.append((envelope, future))
        results = await asyncio.gather(*(future for _, future in sent), return_exceptions=True)
        outcome: dict[str, object] = {env.event_id: result for (env, _), result in zip(sent, results, strict=True)}
        outcome.update(errors)
        # Walk the batch in order: after a failure, later events of the same key count as not
        # delivered (even if they got through) so the relay resends them after it.
        delivered: set[str] = set()
        failed_keys.clear()
        for envelope in batch:
            key = (envelope.stream, envelope.key)
            if key in failed_keys or envelope.event_id not in outcome:
                continue
            result = outcome[envelope.event_id]
            if isinstance(result, BaseException):
                errors[envelope.event_id] = result
                failed_keys.add(key)
            else:
                delivered.add(envelope.event_id)
        if not errors:
            return
        transient = [exc for exc in errors.values() if is_transient(exc)]
        if transient:
            async with self._lock:
                await self._drop_producer(producer)
        if not delivered and len(transient) == len(errors):
            raise transient[0]  # the broker, not the events: nothing got through
        raise PublishError(delivered, {event_id: repr(exc) for event_id, exc in errors.items()})

    async def _connect(self) -> AIOKafkaProducer:
        async with self._lock:
            if self._producer is not None:
                return self._producer
            if self._create_topics:
                await ensure_topics(
                    self._bootstrap,
                    [self.topic(stream) for stream in STREAMS],
                    partitions=self._partitions,
                    replication_factor=self._replication_factor,
                    request_timeout_ms=self._request_timeout_ms,
                    security=self._security,
                )
            # aiokafka keeps at most one produce request in flight per broker connection (its
            # sender skips busy nodes), so a retried batch cannot overtake a later one of the
            # same partition: per-key order holds across retries.
            producer = AIOKafkaProducer(
                bootstrap_servers=self._bootstrap,
                client_id="fieldsync-outbox",
                acks="all",
                enable_idempotence=False,
                request_timeout_ms=self._request_timeout_ms,
                retry_backoff_ms=200,
                linger_ms=0,
                **self._security,
            )
            try:
                await producer.start()
            except BaseException:
                with contextlib.suppress(Exception):
                    await producer.stop()
                raise
            self._producer = producer
            log.info("kafka_connected", bootstrap=self._bootstrap)
            return producer

    async def _drop_producer(self, expected: AIOKafkaProducer | None = None) -> None:
        """Close the producer (only `expected`, when given: another task may have replaced it)."""
        producer = self._producer
        if producer is None or (expected is not None and producer is not expected):
            return
        self._producer = None
        with contextlib.suppress(Exception):
            await asyncio.wait_for(producer.stop(), self._request_timeout_ms / 1000 + 5)
