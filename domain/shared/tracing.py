"""Trace context across the hops of one action: the request (HTTP or socket event), its outbox
rows, the Kafka message, the consumer's work, its socket emits and push jobs.

The W3C `traceparent` of the span that recorded an event is stored with its outbox row (and a
push job), carried in the Kafka headers, and a consumer starts its span as that span's child,
so one trace runs from `POST` to the last emit. Only the OpenTelemetry API is used here; the
SDK, the exporter and the library instrumentations are set up by the composition root
(app/observability.py), which calls `enable(True)`.

Off by default, and then free: every helper returns at its first line, no span is made and no
context is captured.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace import SpanKind
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

TRACEPARENT = "traceparent"
_propagator = TraceContextTextMapPropagator()
_tracer = trace.get_tracer("fieldsync")
_enabled = False


def enable(on: bool) -> None:
    """Switched once at start-up by the composition root (and by tests around a traced app)."""
    global _enabled
    _enabled = on


def enabled() -> bool:
    return _enabled


def current_traceparent() -> str | None:
    """The `traceparent` of the current span; None when tracing is off or no span is recording."""
    if not _enabled:
        return None
    carrier: dict[str, str] = {}
    _propagator.inject(carrier)
    return carrier.get(TRACEPARENT)


def context_from(traceparent: str | None) -> otel_context.Context | None:
    """The context a `traceparent` stands for (None for none or a malformed one)."""
    if not _enabled or not traceparent:
        return None
    ctx = _propagator.extract({TRACEPARENT: traceparent})
    return ctx if trace.get_current_span(ctx).get_span_context().is_valid else None


def traceparent_in(headers: Any) -> str | None:
    """The `traceparent` among Kafka headers (`[(name, bytes)]`): the last one, the innermost
    producer's (the aiokafka instrumentation appends its send span's after the outbox's own)."""
    if not _enabled or not headers:
        return None
    found = None
    for name, value in headers:
        if name == TRACEPARENT and value:
            found = bytes(value).decode("ascii", "replace")
    return found


NO_SPAN: AbstractContextManager[None] = nullcontext()  # shared: it keeps no state


def span(
    name: str,
    *,
    parent: str | None = None,
    kind: SpanKind = SpanKind.INTERNAL,
    attributes: Mapping[str, str | int | float | bool] | None = None,
) -> AbstractContextManager[None]:
    """A span around the block, the child of `parent` (a `traceparent`) when given, else of the
    current span. Exceptions are recorded on it and re-raised. Tracing off: a shared no-op
    context (no generator made per call: every socket event and emit passes here)."""
    if not _enabled:
        return NO_SPAN
    return _span(name, parent, kind, attributes)


@contextmanager
def _span(name: str, parent: str | None, kind: SpanKind,
          attributes: Mapping[str, str | int | float | bool] | None) -> Iterator[None]:
    with _tracer.start_as_current_span(name, context=context_from(parent), kind=kind, attributes=attributes):
        yield


def set_attributes(attributes: Mapping[str, str | int | float | bool]) -> None:
    """Add attributes to the current span (the user id, once a handler knows it)."""
    if _enabled:
        trace.get_current_span().set_attributes(attributes)


Callback = Callable[[], Awaitable[None] | None]


def bind(callback: Callback) -> Callback:
    """`callback`, run later in the trace context that is current now (an after-commit socket
    emit stays in the trace of the request or consumer that registered it)."""
    if not _enabled:
        return callback
    captured = otel_context.get_current()

    async def run() -> None:
        token = otel_context.attach(captured)
        try:
            result = callback()
            if inspect.isawaitable(result):
                await result
        finally:
            otel_context.detach(token)

    run.__qualname__ = getattr(callback, "__qualname__", repr(callback))
    return run
