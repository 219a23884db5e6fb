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

from app import lifecycle
from app.logging import configure_logging
from app.push_wiring import make_push_worker
from app.settings import Settings
from bus import EventPublisher
from bus.inprocess import InProcessBus
from bus.relay import OutboxRelay
from bus.subscriptions import Subscriptions
from domain.accounts.admin import AdminService
from domain.accounts.invitations import InvitationRules, Invitations
from domain.accounts.passwords import Argon2Params, Passwords
from domain.accounts.services import AccountsService, AuthLimits
from domain.accounts.throttle import LoginThrottlePolicy
from domain.accounts.tokens import TokenSigner
from domain.messaging import crew
from domain.messaging.services import MessagingService
from domain.shared import outbox
from domain.shared.ratelimit import MemoryRateLimiter, RateLimiter, address_key
from infra.dependencies import RedisHealth
from push.device_sweep import device_sweep_context
from push.notifier import Notifier, PresenceOnline
from push.worker import PushWorker
from realtime.namespaces.feed import FeedFanout
from realtime.namespaces.messaging import MessagingFanout
from realtime.namespaces.presence import REVOKE_CONSUMER, PresenceRevocations
from realtime.server import EMITTER, PRESENCE, RealtimeDeps, pubsub_listener_check, setup_realtime
from rest.app import RestDeps, setup_rest
from rest.health import ReadinessCheck
from rest.middlewares import client_ip
from sync.cursor import cursor_secrets
from sync.service import SyncConfig, SyncService

log = structlog.get_logger(__name__)

SETTINGS = web.AppKey("settings", Settings)
RELAY = web.AppKey("outbox_relay", OutboxRelay)
BUS = web.AppKey("event_bus", InProcessBus)
SUBSCRIPTIONS = web.AppKey("subscriptions", Subscriptions)
PUSH_WORKER = web.AppKey("push_worker", PushWorker)


@dataclass
class Overrides:
    """Replacements for edges a test must control; None keeps the real thing."""

    event_publisher: EventPublisher | None = None
    extra_cleanup: list[Callable[[web.Application], AsyncIterator[None]]] = field(default_factory=list)


def build_app(settings: Settings, overrides: Overrides | None = None) -> web.Application:
    overrides = overrides or Overrides()
    configure_logging(settings.log_level, settings.log_format)

    redis_client = lifecycle.make_redis(settings) if settings.redis_url else None
    # One breaker for every Redis user of the process: an outage degrades, never fails, requests.
    redis_health = RedisHealth(redis_client, settings.redis_probe_interval_seconds) if redis_client else None
    rate_limiter: RateLimiter
    if redis_client is not None and redis_health is not None:
        from infra.ratelimit import RedisRateLimiter, ResilientRateLimiter

        rate_limiter = ResilientRateLimiter(RedisRateLimiter(redis_client), redis_health)
    else:
        rate_limiter = MemoryRateLimiter()

    in_process_bus = InProcessBus()
    publisher = overrides.event_publisher or lifecycle.make_publisher(settings, in_process_bus)
    relay = OutboxRelay(
        publisher,
        batch_size=settings.outbox_batch_size,
        poll_interval=settings.outbox_poll_interval_ms / 1000,
    )
    signer = TokenSigner(settings.signing_keys, settings.jwt_active_kid, settings.access_token_ttl_seconds)
    revocations = lifecycle.make_revocations(settings, redis_client, redis_health)
    accounts = AccountsService(
        passwords=Passwords(
            Argon2Params(settings.argon2_time_cost, settings.argon2_memory_cost_kib, settings.argon2_parallelism)
        ),
        signer=signer,
        revocations=revocations,
        limiter=rate_limiter,
        refresh_ttl_seconds=settings.refresh_token_ttl_seconds,
        limits=AuthLimits(
            per_ip_per_minute=settings.auth_rate_limit_per_minute,
            login=LoginThrottlePolicy(
                free_per_source=settings.login_failures_per_source,
                free_per_account=settings.login_failures_per_account,
                notice_after=settings.login_failure_notice_after,
                max_delay_seconds=settings.login_slowdown_max_seconds,
                window_seconds=settings.login_failure_window_seconds,
            ),
            password_guesses_per_session=settings.password_guesses_per_session,
        ),
    )

    # Routing readiness is the database alone; Redis and Kafka outages degrade the service
    # (fallbacks, the outbox waits), so they are reported and metered, not fatal.
    checks = [ReadinessCheck("database", lifecycle.database_ready)]
    dependencies: list[ReadinessCheck] = []
    if redis_health is not None:
        dependencies.append(ReadinessCheck("redis", redis_health.check))
    if settings.kafka_bootstrap:
        dependencies.append(ReadinessCheck("kafka", publisher.ping))

    app = web.Application(client_max_size=settings.max_body_bytes, handler_args={"max_field_size": 16384})
    app[SETTINGS] = settings
    app[RELAY] = relay
    app[BUS] = in_process_bus

    # Order matters: cleanup runs in reverse, so the database outlives everything using it.
    app.cleanup_ctx.append(lifecycle.database_context(settings))
    if redis_client is not None and redis_health is not None:
        app.cleanup_ctx.append(lifecycle.redis_context(redis_client, redis_health))
    app.cleanup_ctx.append(lifecycle.revocations_context(revocations))
    app.cleanup_ctx.append(lifecycle.publisher_context(publisher))
    # Consumers of domain events (feed, notifications): subscribed before the relay starts.
    subscriptions = Subscriptions()
    app[SUBSCRIPTIONS] = subscriptions
    subscriptions.add(crew.CONSUMER, crew.on_booking_assigned)  # new crew see the conversation's history
    app.cleanup_ctx.append(subscriptions.context(in_process_bus, settings.kafka_bootstrap,
                                                 settings.kafka_topic_prefix, settings.kafka_security()))
    # Notifications (push/notifier.py): in-app rows and queued pushes, per domain and audit event.
    notifier = Notifier()  # its presence port is filled below, once the realtime side exists
    subscriptions.add("notifier", notifier.handle)
    subscriptions.add("notifier-audit", notifier.handle, stream="audit")
    app.cleanup_ctx.append(device_sweep_context(settings.device_token_ttl_days,
                                                settings.device_sweep_interval_seconds))
    app.cleanup_ctx.append(lifecycle.relay_context(relay))
    app.cleanup_ctx.append(lifecycle.expiry_context())
    explicit = settings.sync_cursor_secret.get_secret_value() if settings.sync_cursor_secret else None
    sync = SyncService(SyncConfig(cursor_secrets(explicit, settings.signing_keys, settings.jwt_active_kid),
                                  settings.sync_epoch, settings.sync_tick_interval_ms / 1000,
                                  settings.sync_retention_days * 86400, settings.sync_compaction_interval_seconds,
                                  sqlite=not settings.is_postgres),  # the demo: sync/sqlite.py
                       accounts)
    app.cleanup_ctx.extend(sync.contexts(outbox.on_commit))
    feed_fanout = FeedFanout(sync.visible_cursor)  # bound to the Socket.IO server below
    subscriptions.add("feed", feed_fanout.handle)
    presence_revocations = PresenceRevocations()  # ended relationships end presence subscriptions
    subscriptions.add(REVOKE_CONSUMER, presence_revocations.handle)
    if settings.push_enabled:  # after sync: the worker reads sync cursors; stops before it
        app[PUSH_WORKER] = make_push_worker(settings, sync.visible_cursor)
        app.cleanup_ctx.append(app[PUSH_WORKER].context())
    for extra in overrides.extra_cleanup:
        app.cleanup_ctx.append(extra)

    messaging_fanout = MessagingFanout()  # bound to the Socket.IO server below, once it exists
    # Events reporting a durable change carry the sync position it is visible at (PROTOCOL 3).
    messaging = MessagingService(messaging_fanout, cursor=sync.visible_cursor)
    sync.mutations.messaging = messaging  # offline `messages` `send` runs the same service
    setup_rest(
        app,
        RestDeps(
            settings=settings,
            signer=signer,
            rate_limiter=rate_limiter,
            readiness_checks=checks,
            dependency_checks=dependencies,
            accounts=accounts,
            admin=AdminService(accounts),
            messaging=messaging,
            sync=sync,
            invitations=Invitations(rate_limiter, InvitationRules(
                ttl_seconds=settings.org_invitation_ttl_days * 86400, per_day=settings.org_invitations_per_day,
                per_invitee_per_day=settings.org_invitations_per_invitee_per_day)),
        ),
    )
    sio = setup_realtime(app, RealtimeDeps(settings=settings, signer=signer, revocations=revocations,
                                           presence_store=lifecycle.make_presence_store(settings, redis_client,
                                                                                        redis_health),
                                           messaging=messaging, redis_health=redis_health, rate_limiter=rate_limiter,
                                           client_ip=lambda request: address_key(client_ip(request,
                                                                                           settings.proxy_networks))))
    messaging_fanout.bind(app[EMITTER])
    sync.poker.bind(app[EMITTER], settings.sync_public_poke_interval_seconds)  # sync:poke (sync/poke.py)
    feed_fanout.bind(app[EMITTER])
    presence_revocations.bind(app[EMITTER])
    notifier.presence = PresenceOnline(app[PRESENCE])  # no message push to a user with a live socket
    if redis_client is not None:  # the same list /readyz reads at request time
        dependencies.append(ReadinessCheck("socketio_redis", pubsub_listener_check(sio)))
    return app


def run(settings: Settings) -> None:
    """Serve until SIGTERM/SIGINT; aiohttp drains requests within the grace period."""
    app = build_app(settings)
    try:
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    except ImportError:  # pragma: no cover - uvloop is pinned except on Windows
        pass
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
