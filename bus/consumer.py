"""Kafka consumer: each event handled once per consumer name, offsets committed after.

Offsets are committed by hand, only after the handler's transaction (with its inbox claim)
committed. A crash in between re-delivers the event and the inbox skips it, so effects
happen once (aiokafka docs/examples/manual_commit.rst, plus bus/dedupe.py).

A handler that fails leaves its partition at that event (nothing is skipped): the partition
is rewound, other partitions go on, and the event is retried after a backoff. Messages that
can never be handled (not an event at all) are logged and committed past.
"""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID

import orjson
import structlog
from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition

from bus import Envelope
from bus.dedupe import TxHandler, Wants, handle_once
from bus.kafka import topic_for
from bus.metrics import CONSUMER_HANDLED
from domain.shared import tracing

log = structlog.get_logger(__name__)


class HandlerFailed(Exception):
    """A handler raised; its partition was rewound to retry the event."""


class KafkaEventConsumer:
    def __init__(
        self,
        bootstrap: str,
        stream: str,
        consumer_name: str,
        handler: TxHandler,
        *,
        topic_prefix: str = "",
        group_id: str | None = None,
        partitions: list[int] | None = None,
        max_records: int = 100,
        request_timeout_ms: int = 5000,
        max_backoff: float = 10.0,
        security: dict[str, Any] | None = None,
        wants: Wants | None = None,
    ) -> None:
        """`partitions` assigns those partitions by hand (no group rebalance); None joins the
        consumer group and subscribes. The group (default: the consumer name) stores offsets."""
        self.stream = stream
        self.topic = topic_for(stream, topic_prefix)
        self.name = consumer_name
        self._bootstrap = bootstrap
        self._handler = handler
        self._wants = wants
        self._group_id = group_id or consumer_name
        self._partitions = partitions
        self._max_records = max_records
        self._request_timeout_ms = request_timeout_ms
        self._max_backoff = max_backoff
        self._security = security or {}  # aiokafka TLS/SASL keywords
        self._consumer: AIOKafkaConsumer | None = None
        self._stopping = False

    async def start(self) -> None:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self._bootstrap,
            group_id=self._group_id,
            client_id=f"fieldsync-{self.name}",
            enable_auto_commit=False,
            auto_offset_reset="earliest",  # a new consumer starts from the oldest kept event
            request_timeout_ms=self._request_timeout_ms,
            **self._security,
        )
        try:
            await consumer.start()
            if self._partitions is None:
                consumer.subscribe([self.topic])
            else:
                consumer.assign([TopicPartition(self.topic, p) for p in self._partitions])
        except BaseException:
            await consumer.stop()
            raise
        self._consumer = consumer

    async def stop(self) -> None:
        self._stopping = True
        consumer, self._consumer = self._consumer, None
        if consumer is not None:
            await consumer.stop()

    async def seek_to_beginning(self) -> None:
        """Read the partitions again from the start (operators replaying; tests)."""
        await self._require().seek_to_beginning()

    async def poll(self, timeout_ms: int = 1000) -> int:
        """Handle what one fetch returns; return how many events were handled or skipped
        as duplicates. Raises HandlerFailed after committing what did succeed."""
        consumer = self._require()
        batches = await consumer.getmany(timeout_ms=timeout_ms, max_records=self._max_records)
        done = 0
        offsets: dict[TopicPartition, int] = {}
        failure: Exception | None = None
        for tp, messages in batches.items():
            for message in messages:
                try:
                    await self._handle(message)
                except Exception as exc:
                    consumer.seek(tp, message.offset)  # redeliver it, and keep the order after it
                    failure = exc
                    log.warning(
                        "consumer_handler_failed", consumer=self.name, topic=tp.topic, partition=tp.partition,
                        offset=message.offset, error=repr(exc),
                    )
                    break
                offsets[tp] = message.offset + 1
                done += 1
        if offsets:
            await consumer.commit(offsets)
        if failure is not None:
            raise HandlerFailed(repr(failure)) from failure
        return done

    async def run(self) -> None:
        """Consume until stop(); start (and restart) the Kafka client as needed."""
        delay = 0.5
        while not self._stopping:
            try:
                if self._consumer is None:
                    await self.start()
                await self.poll()
                delay = 0.5
            except Exception as exc:
                if not isinstance(exc, HandlerFailed):  # that one was logged with its offset
                    log.warning("consumer_poll_failed", consumer=self.name, error=repr(exc), retry_in=delay)
                if self._stopping:
                    break
                await asyncio.sleep(delay)
                delay = min(self._max_backoff, delay * 2)

    async def _handle(self, message: ConsumerRecord[Any, Any]) -> None:
        envelope = self._decode(message)
        if envelope is None:
            CONSUMER_HANDLED.labels(self.name, "invalid").inc()
            log.error(
                "consumer_invalid_message", consumer=self.name, topic=message.topic, partition=message.partition,
                offset=message.offset,
            )
            return
        await handle_once(self.name, envelope, self._handler, self._wants)

    def _decode(self, message: ConsumerRecord[Any, Any]) -> Envelope | None:
        try:
            body = orjson.loads(message.value)
            event_id = str(UUID(body["event_id"]))
            return Envelope(event_id, self.stream, str(body["type"]), (message.key or b"").decode(), body,
                            tracing.traceparent_in(message.headers))
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
            return None

    def _require(self) -> AIOKafkaConsumer:
        if self._consumer is None:
            raise RuntimeError("consumer not started")
        return self._consumer
