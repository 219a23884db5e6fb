"""Tracing (OpenTelemetry) and error tracking (Sentry SDK), wired from settings; both are off
unless configured (docs/observability.md).

Tracing: one SDK `TracerProvider` per process, exporting over OTLP/HTTP to
`OTEL_EXPORTER_OTLP_ENDPOINT`, with the instrumentations of aiohttp's server (its middleware
comes first), asyncpg, redis and aiokafka, and our own spans (domain/shared/tracing.py: socket
events, the outbox's publish, consumers, socket emits, push deliveries). The provider is set
once per process (OpenTelemetry allows no other); each app adds its exporter to it on start and
takes it away on stop, so a test can trace one app into an in-memory exporter.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

from aiohttp import web
from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.instrumentation.aiohttp_server import AioHttpServerInstrumentor
from opentelemetry.instrumentation.aiokafka import AIOKafkaInstrumentor
from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor
from opentelemetry.instrumentation.redis import RedisInstrumentor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, Span, SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor, SpanExporter
from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased

from app.settings import Settings
from domain.shared import tracing
from infra import errortracking
from rest.deps import service_version

CleanupContext = Callable[[web.Application], AsyncIterator[None]]


class _Exporters(SpanProcessor):
    """The provider's one processor, forwarding to the processors of the apps running now."""

    def __init__(self) -> None:
        self.processors: list[SpanProcessor] = []

    def on_start(self, span: Span, parent_context: Context | None = None) -> None:
        for processor in self.processors:
            processor.on_start(span, parent_context)

    def on_end(self, span: ReadableSpan) -> None:
        for processor in self.processors:
            processor.on_end(span)

    def shutdown(self) -> None:
        for processor in self.processors:
            processor.shutdown()

    def force_flush(self, timeout_millis: int = 30000) -> bool:
        return all(processor.force_flush(timeout_millis) for processor in self.processors)


_exporters: _Exporters | None = None
_SERVER = AioHttpServerInstrumentor()
_LIBRARIES = (AsyncPGInstrumentor(), RedisInstrumentor(), AIOKafkaInstrumentor())  # type: ignore[no-untyped-call]


def tracing_wanted(settings: Settings, exporter: SpanExporter | None) -> bool:
    return exporter is not None or bool(settings.otel_exporter_otlp_endpoint)


def instrument_server(settings: Settings, exporter: SpanExporter | None = None) -> None:
    """Before the app is made, when tracing is configured: aiohttp's instrumentation swaps in an
    `Application` class whose first middleware makes the server span (it is undone on stop)."""
    if tracing_wanted(settings, exporter):
        _SERVER.instrument()


def install_tracing(app: web.Application, settings: Settings, exporter: SpanExporter | None = None) -> None:
    """When tracing is configured (or a test hands in `exporter`): a cleanup context, first to
    start and last to stop, that exports this app's spans while it runs."""
    if tracing_wanted(settings, exporter):
        app.cleanup_ctx.insert(0, _tracing_context(settings, exporter))


def _tracing_context(settings: Settings, exporter: SpanExporter | None) -> CleanupContext:
    async def context(_app: web.Application) -> AsyncIterator[None]:
        exporters = _provider(settings)
        processor: SpanProcessor
        if exporter is not None:
            processor = SimpleSpanProcessor(exporter)  # a test reads its spans as soon as they end
        else:  # the OTLP exporter (protobuf, requests) is imported only by a process that exports
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

            endpoint = str(settings.otel_exporter_otlp_endpoint).rstrip("/") + "/v1/traces"
            processor = BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint))
        exporters.processors.append(processor)
        if len(exporters.processors) == 1:
            for library in _LIBRARIES:
                library.instrument(tracer_provider=trace.get_tracer_provider())
        tracing.enable(True)
        try:
            yield
        finally:
            exporters.processors.remove(processor)
            if not exporters.processors:
                tracing.enable(False)
                for library in (*_LIBRARIES, _SERVER):
                    library.uninstrument()
            processor.shutdown()  # exports what is still batched

    return context


def _provider(settings: Settings) -> _Exporters:
    """The process's provider (made by the first app that traces), with our forwarding processor."""
    global _exporters
    if _exporters is None:
        _exporters = _Exporters()
        current = trace.get_tracer_provider()
        if isinstance(current, TracerProvider):  # someone set one up already (an agent): add to it
            current.add_span_processor(_exporters)
        else:
            resource = Resource.create(
                {
                    "service.name": settings.otel_service_name,
                    "service.version": service_version(),
                    "deployment.environment.name": settings.app_env,
                }
            )
            provider = TracerProvider(
                resource=resource, sampler=ParentBased(TraceIdRatioBased(settings.otel_traces_sampler_ratio))
            )
            provider.add_span_processor(_exporters)
            trace.set_tracer_provider(provider)
    return _exporters


def install_error_tracking(app: web.Application, settings: Settings) -> None:
    """When `SENTRY_DSN` is set: report unexpected errors while the app runs (infra/errortracking.py)."""
    if settings.sentry_dsn is None:
        return

    async def context(_app: Any) -> AsyncIterator[None]:
        assert settings.sentry_dsn is not None
        errortracking.init(
            settings.sentry_dsn.get_secret_value(),
            environment=settings.sentry_environment or settings.app_env,
            release=f"fieldsync@{service_version()}",
            sample_rate=settings.sentry_sample_rate,
        )
        try:
            yield
        finally:
            errortracking.close()

    app.cleanup_ctx.insert(0, context)
