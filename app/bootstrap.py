"""The composition root: build the whole application from validated settings.

Production (`fieldsync serve`) and tests call the same `build_app`; tests pass overrides
only for external SaaS edges. Nothing here runs at import time.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

import structlog
from aiohttp import web
from opentelemetry.sdk.trace.export import SpanExporter

from app import lifecycle
from app.asyncapi import mount_asyncapi
from app.container import Container, build_container
from app.finance_wiring import gateway_contexts
from app.jobs import at_rest_job, email_jobs, export_jobs, flag_jobs, jobs_context, media_jobs, periodic_jobs
from app.logging import configure_logging
from app.media_wiring import store_contexts
from app.metrics_wiring import loop_lag_context, metrics_jobs, publish_process_metrics
from app.observability import install_error_tracking, install_tracing, instrument_server
from app.settings import Settings
from app.status_wiring import heartbeat_job, make_status
from bus import EventPublisher
from bus.inprocess import InProcessBus
from bus.relay import OutboxRelay
from bus.subscriptions import Subscriptions
from domain.accounts.passwords import deprioritise_hashing
from domain.media.ports import MalwareScanner
from domain.shared import uow
from domain.shared.alerts import OperatorAlerts
from infra.gc_tuning import tune_for_serving
from push.email_sender import EmailSender
from push.email_worker import EmailWorker
from push.worker import PushWorker
from realtime.server import HandshakeHooks, RealtimeDeps, mount_realtime, pubsub_listener_check
from rest.app import RestDeps, setup_rest
from rest.health import ReadinessCheck
from rest.middlewares import begin_request, end_request

log = structlog.get_logger(__name__)

SETTINGS = web.AppKey("settings", Settings)
CONTAINER = web.AppKey("container", Container)
RELAY = web.AppKey("outbox_relay", OutboxRelay)
BUS = web.AppKey("event_bus", InProcessBus)
SUBSCRIPTIONS = web.AppKey("subscriptions", Subscriptions)
PUSH_WORKER = web.AppKey("push_worker", PushWorker)
EMAIL_WORKER = web.AppKey("email_worker", EmailWorker)


@dataclass
class Overrides:
    """Replacements for edges a test must control; None keeps the real thing."""

    event_publisher: EventPublisher | None = None
    malware_scanner: MalwareScanner | None = None  # uploads: the pass-through default otherwise
    span_exporter: SpanExporter | None = None  # traces this app into it (OTLP when configured otherwise)
    email_sender: EmailSender | None = None  # email: the settings' sender otherwise (log or SMTP)
    alert_destination: OperatorAlerts | None = None  # operator alerts: Slack when configured otherwise
    extra_cleanup: list[Callable[[web.Application], AsyncIterator[None]]] = field(default_factory=list)


def build_app(settings: Settings, overrides: Overrides | None = None) -> web.Application:
    """Mount the adapters over the container's services, and their lifecycles in start order
    (cleanup runs in reverse: the database outlives everything that uses it)."""
    overrides = overrides or Overrides()
    configure_logging(settings.log_level, settings.log_format)
    publish_process_metrics()
    c = build_container(settings, overrides.event_publisher, overrides.malware_scanner, overrides.email_sender,
                        overrides.alert_destination)
    instrument_server(settings, overrides.span_exporter)  # before the Application: off unless configured
    app = web.Application(client_max_size=settings.max_body_bytes, handler_args={"max_field_size": 16384})
    app[SETTINGS], app[CONTAINER], app[RELAY], app[BUS] = settings, c, c.relay, c.in_process_bus
    app[SUBSCRIPTIONS] = c.subscriptions

    app.cleanup_ctx.append(loop_lag_context)
    app.cleanup_ctx.append(lifecycle.database_context(settings))
    if c.redis is not None and c.redis_health is not None:
        app.cleanup_ctx.append(lifecycle.redis_context(c.redis, c.redis_health))
    app.cleanup_ctx.append(lifecycle.revocations_context(c.revocations))
    app.cleanup_ctx.append(lifecycle.flags_context(c.flags))  # loaded before a request or socket reads them
    app.cleanup_ctx.append(lifecycle.publisher_context(c.publisher))
    # The reactions subscribe before the relay starts: nothing relayed goes unheard.
    app.cleanup_ctx.append(c.subscriptions.context(c.in_process_bus, settings.kafka_bootstrap,
                                                   settings.kafka_topic_prefix, settings.kafka_security()))
    app.cleanup_ctx.append(lifecycle.relay_context(c.relay))
    app.cleanup_ctx.extend(c.sync.contexts(uow.observe_commits))
    if c.push_worker is not None:  # after sync: the worker reads sync cursors; stops before it
        app[PUSH_WORKER] = c.push_worker
        app.cleanup_ctx.append(c.push_worker.context())
    jobs = periodic_jobs(settings, c.sync.dialect, c.push_worker, c.payments, c.reconciler, c.payouts, c.disputes,
                         c.safety.moderation, c.verification, c.privacy)
    late_jobs = [*media_jobs(settings, c.media), *export_jobs(settings, c.exports), at_rest_job(settings, c.at_rest)]
    mail_jobs = email_jobs(settings, c.email_worker, c.alerts)
    routing, dependencies = _routing_checks(), _dependency_checks(c)
    status = make_status(settings, c, [*routing, *dependencies], [*jobs, *metrics_jobs(c.sync.dialect),
                                                  *flag_jobs(settings, c.flags), *late_jobs, *mail_jobs])
    delay = settings.jobs_start_delay_seconds
    app.cleanup_ctx.append(jobs_context([*jobs, heartbeat_job(status)], delay))
    app.cleanup_ctx.append(jobs_context(metrics_jobs(c.sync.dialect), delay))
    app.cleanup_ctx.append(jobs_context(flag_jobs(settings, c.flags), delay))
    app.cleanup_ctx.extend(store_contexts(c.media))  # before the sweep and the exports that go through it
    app.cleanup_ctx.append(jobs_context(late_jobs, delay))
    if c.email_worker is not None:
        app[EMAIL_WORKER] = c.email_worker
        app.cleanup_ctx.append(c.email_worker.context())
    app.cleanup_ctx.append(jobs_context(mail_jobs, delay))
    app.cleanup_ctx.extend(gateway_contexts(settings, c.payment_gateway, c.webhooks, c.gateway_events))
    app.cleanup_ctx.append(lifecycle.accept_guard_context(c.payments))
    app.cleanup_ctx.extend(overrides.extra_cleanup)

    setup_rest(app, RestDeps(
        settings=settings, signer=c.signer, rate_limiter=c.rate_limiter, readiness_checks=routing,
        dependency_checks=dependencies, accounts=c.accounts, admin=c.admin, messaging=c.messaging,
        sync=c.sync, invitations=c.invitations, webhooks=c.webhooks, payments=c.payments,
        seller_tax=c.seller_tax, reconciler=c.reconciler, payouts=c.payouts, chargebacks=c.chargebacks,
        media=c.media, disputes=c.disputes, safety=c.safety, verification=c.verification, exports=c.exports,
        privacy=c.privacy, sealer=c.sealer, pseudonyms=c.pseudonyms,
        flags=c.flags, email_feedback=c.email_feedback, status=status,
        gate=lifecycle.make_request_gate(c.redis, c.redis_health, c.rate_limiter, c.revocations)))
    mount_realtime(app, c.sockets, RealtimeDeps(settings=settings, signer=c.signer, revocations=c.revocations,
                                                presence=c.sockets.presence, messaging=c.messaging,
                                                disputes=c.disputes, flags=c.flags, payments=c.payments),
                   HandshakeHooks(begin=begin_request, end=end_request))
    mount_asyncapi(app)
    install_tracing(app, settings, overrides.span_exporter)  # off unless configured
    install_error_tracking(app, settings)  # off unless configured
    return app


def _routing_checks() -> list[ReadinessCheck]:
    """Routing readiness is the database alone (a replica without it can serve nothing)."""
    return [ReadinessCheck("database", lifecycle.database_ready)]


def _dependency_checks(c: Container) -> list[ReadinessCheck]:
    """Redis and Kafka outages degrade the service (fallbacks; the outbox waits): reported and
    metered by /readyz, never fatal to routing."""
    checks = []
    if c.redis_health is not None:
        checks.append(ReadinessCheck("redis", c.redis_health.check))
        checks.append(ReadinessCheck("socketio_redis", pubsub_listener_check(c.sockets.sio)))
    if c.settings.kafka_bootstrap:
        checks.append(ReadinessCheck("kafka", c.publisher.ping))
    return checks


async def _tune_for_serving(_app: web.Application) -> None:
    tune_for_serving()
    deprioritise_hashing()


def run(settings: Settings) -> None:
    """Serve until SIGTERM/SIGINT; aiohttp drains requests within the grace period."""
    app = build_app(settings)
    try:
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    except ImportError:  # pragma: no cover - uvloop is pinned except on Windows
        pass
    app.on_startup.append(_tune_for_serving)  # after the lifecycles' startup: what they built is long-lived
    log.info("starting", host=settings.host, port=settings.port, env=settings.app_env)
    web.run_app(
        app,
        host=settings.host,
        port=settings.port,
        shutdown_timeout=settings.shutdown_grace_seconds,
        access_log=None,
        print=None,
        handle_signals=True,
    )
    log.info("stopped")
