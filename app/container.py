"""Every long-lived object of one app, built once from validated settings, in dependency order:
each is complete when made (no `bind()`, no attribute set later). `build_app` (app/bootstrap.py)
only mounts the adapters and the lifecycles of what is here.

The order, and why: Redis and its breaker, then what degrades on it (rate limits, revocations,
presence); the Socket.IO server early, because the domain's ports that tell live sockets
(messaging, feed, presence, pokes) are made with its emitter; the sync clock before the
services whose events carry cursors; the push worker before the notifier that wakes it.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import timedelta

from redis.asyncio import Redis

from app import lifecycle
from app.email_wiring import make_alerts, make_email_feedback, make_email_worker
from app.finance_wiring import GATEWAY_EVENT_HANDLERS, make_gateway, make_inbox_worker
from app.media_wiring import make_media
from app.protection import make_at_rest, make_pseudonyms, make_sealer
from app.push_wiring import make_push_worker
from app.settings import DEV_MFA_SECRET_KEY, Settings
from app.subscriptions import reactions
from bus import EventPublisher
from bus.inprocess import InProcessBus
from bus.relay import OutboxRelay
from bus.subscriptions import Subscriptions
from domain.accounts.admin import AdminService
from domain.accounts.invitations import InvitationRules, Invitations
from domain.accounts.mfa import Factors, MfaLimits, SecretBox
from domain.accounts.passwords import Argon2Params, Passwords
from domain.accounts.revocation import RevocationStore
from domain.accounts.services import AccountsService, AuthLimits
from domain.accounts.throttle import LoginThrottlePolicy
from domain.accounts.tokens import TokenSigner
from domain.disputes.live import DisputeNotices
from domain.disputes.models import Outcome
from domain.disputes.rules import DisputeRules
from domain.disputes.service import DisputeService
from domain.feed.projector import FeedProjector
from domain.feed.sequencer import FeedSequencer
from domain.finance.cases import review_holds
from domain.finance.cases.live import PaymentNotices
from domain.finance.cases.services import PaymentCases, PaymentRules
from domain.finance.chargebacks import clawback
from domain.finance.chargebacks.services import Chargebacks, Clawbacks
from domain.finance.gateway.inbox import InboxWorker, WebhookInbox
from domain.finance.gateway.port import PaymentGateway
from domain.finance.operations.worker import register_outcomes
from domain.finance.payouts.services import OPERATION_PREFIX, Payouts, plug_in_destinations
from domain.finance.reconciliation.services import Reconciler
from domain.finance.reporting.tax import SellerTax, Thresholds
from domain.flags.broadcast import FlagBroadcast
from domain.flags.services import FlagService
from domain.media.ports import MalwareScanner
from domain.media.services import Media
from domain.messaging.services import MessagingService
from domain.notifications import devices
from domain.notifications.email import EmailFeedbackInbox
from domain.presence.revoker import PresenceRevoker
from domain.presence.store import PresenceStore
from domain.privacy.at_rest import AtRest
from domain.privacy.erasure import Eraser, ErasurePorts
from domain.privacy.export_service import ExportRules, Exports
from domain.privacy.requests import ErasureRules, PrivacyRequests
from domain.safety.decisions import Moderation
from domain.safety.fraud import FraudRules, FraudScreen
from domain.safety.service import SafetyService
from domain.shared.alerts import OperatorAlerts
from domain.shared.ratelimit import MemoryRateLimiter, RateLimiter, address_key
from domain.shared.sealing import Pseudonyms, Sealer
from domain.verification.checks import FakeChecks
from domain.verification.timers import VerificationService
from infra.dependencies import RedisHealth
from infra.flag_broadcast import RedisFlagBroadcast
from infra.ratelimit import RedisRateLimiter, ResilientRateLimiter
from push.email_sender import EmailSender
from push.email_worker import EmailWorker
from push.notifier import Notifier, PresenceOnline
from push.worker import PushWorker
from realtime.emitters import (
    ConfigNotices,
    DisputeEmitter,
    FeedEmitter,
    MessagingFanout,
    PaymentEmitter,
    PresenceNotices,
)
from realtime.server import SocketServer, make_socket_server
from rest.middlewares import client_ip
from rest.schemas.jobs import bid_draft
from rest.schemas.messaging import message_draft
from rest.schemas.payments import checkout_draft
from sync.cursor import cursor_secrets
from sync.mutations import Bodies
from sync.service import SyncClock, SyncConfig, SyncService


@dataclass(frozen=True)
class Container:
    settings: Settings
    redis: Redis | None
    redis_health: RedisHealth | None
    rate_limiter: RateLimiter
    in_process_bus: InProcessBus
    publisher: EventPublisher
    relay: OutboxRelay
    signer: TokenSigner
    revocations: RevocationStore
    accounts: AccountsService
    admin: AdminService
    invitations: Invitations
    sockets: SocketServer
    sync: SyncService
    messaging: MessagingService
    push_worker: PushWorker | None
    notifier: Notifier
    subscriptions: Subscriptions
    payment_gateway: PaymentGateway
    webhooks: WebhookInbox
    gateway_events: InboxWorker | None  # None while no handler is registered (app/finance_wiring.py)
    payments: PaymentCases
    chargebacks: Chargebacks
    seller_tax: SellerTax
    reconciler: Reconciler
    payouts: Payouts
    media: Media  # uploads (issue 14): app/media_wiring.py
    disputes: DisputeService
    verification: VerificationService  # provider verification (issue 15)
    safety: SafetyService  # reports, the moderation queue, fraud holds (issue 15)
    exports: Exports  # data-subject exports (issue 18), stored through the media store
    privacy: PrivacyRequests  # data-subject requests, the admin queue, erasure (issue 18)
    sealer: Sealer  # protection at rest: sealed columns (app/protection.py)
    pseudonyms: Pseudonyms  # the email blind index, client addresses as keyed hashes
    at_rest: AtRest  # the job moving sealed values to the active key, filling the blind index
    flags: FlagService  # flags, remote config, kill switches, maintenance (issue 20)
    email_worker: EmailWorker | None  # email delivery (issue 20, app/email_wiring.py); None: EMAIL_ENABLED off
    email_feedback: EmailFeedbackInbox  # bounce and complaint reports
    alerts: OperatorAlerts  # operator alerts: the log, and Slack when configured

# In-process, the relay's batches are sized by time (bus/relay.py): the reactions run inside its
# claim transaction and hold their row locks until the batch commits (under 500 load users a fixed
# 200-event batch kept it open for over a minute), so a batch aims at `outbox_batch_budget_ms`,
# between this floor (the fixed size that held up under that load) and `outbox_batch_size`.
IN_PROCESS_RELAY_MIN_BATCH = 16


def build_container(settings: Settings, publisher: EventPublisher | None = None,
                    scanner: MalwareScanner | None = None, email_sender: EmailSender | None = None,
                    alert_destination: OperatorAlerts | None = None) -> Container:
    redis = lifecycle.make_redis(settings) if settings.redis_url else None
    # One breaker for every Redis user of the process: an outage degrades, never fails, requests.
    health = RedisHealth(redis, settings.redis_probe_interval_seconds) if redis is not None else None
    rate_limiter: RateLimiter = (ResilientRateLimiter(RedisRateLimiter(redis), health)
                                 if redis is not None and health is not None else MemoryRateLimiter())
    in_process_bus = InProcessBus()
    publisher = publisher or lifecycle.make_publisher(settings, in_process_bus)
    # In-process subscribers run inside the relay's claim transaction (bus/inprocess.py): their
    # batches are sized by time. Kafka batches are always `outbox_batch_size`.
    in_process = publisher is in_process_bus
    relay = OutboxRelay(publisher, batch_size=settings.outbox_batch_size,
                        poll_interval=settings.outbox_poll_interval_ms / 1000,
                        idle_ceiling=settings.idle_poll_max_ms / 1000,
                        batch_budget=settings.outbox_batch_budget_ms / 1000 if in_process else None,
                        min_batch=IN_PROCESS_RELAY_MIN_BATCH)
    signer = TokenSigner(settings.signing_keys, settings.jwt_active_kid, settings.access_token_ttl_seconds)
    revocations = lifecycle.make_revocations(settings, redis, health)
    sealer, pseudonyms = make_sealer(settings), make_pseudonyms(settings)
    accounts = _accounts(settings, signer, revocations, rate_limiter, pseudonyms)
    sockets = make_socket_server(
        settings, redis_health=health, presence_store=lifecycle.make_presence_store(settings, redis, health),
        rate_limiter=rate_limiter,
        client_ip=lambda request: address_key(client_ip(request, settings.proxy_networks)))
    sync_config = _sync_config(settings)
    clock = SyncClock(sync_config)
    # Flags before the services they guard (kill switches); a change reaches every process's
    # cache, then its sockets (`config:changed`), once the `config` collection shows it.
    flags = FlagService(_flag_broadcast(settings, redis, health), visible_cursor=clock.visible_cursor)
    flags.on_change(ConfigNotices(sockets.sio).changed)
    # Events reporting a durable change carry the sync position it is visible at (PROTOCOL 3).
    messaging = MessagingService(MessagingFanout(sockets.emitter), cursor=clock.visible_cursor, guard=flags)
    payment_gateway = make_gateway(settings)
    payments = PaymentCases(payment_gateway, _payment_rules(settings), guard=flags)
    sync = SyncService(sync_config, clock, accounts=accounts, messaging=messaging, emitter=sockets.emitter,
                       payments=payments,  # the REST rules, offline:
                       bodies=Bodies(bid=bid_draft, message=message_draft, checkout=checkout_draft))
    push_worker = make_push_worker(settings, clock.visible_cursor) if settings.push_enabled else None
    email_worker = make_email_worker(settings, pseudonyms, email_sender) if settings.email_enabled else None
    # No message push to a user with a live socket on any process.
    notifier = Notifier(PresenceOnline(sockets.presence), wake_workers=push_worker.wake if push_worker else None,
                        wake_email=email_worker.wake if email_worker else None)
    alerts = make_alerts(settings, redis, health, alert_destination)
    feed = FeedProjector(FeedEmitter(sockets.emitter, clock.visible_cursor), FeedSequencer())
    presence_revoker = PresenceRevoker(PresenceNotices(sockets.emitter))
    payment_notices = PaymentNotices(PaymentEmitter(sockets.emitter, clock.visible_cursor))
    # Disputes freeze, refund and release through the payment cases; their timeline goes live.
    disputes = DisputeService(payments, _dispute_rules(settings), alerts)
    # Fraud rules look at each authorization and may hold it; a held payment is not captured.
    fraud = FraudScreen(payments, _fraud_rules(settings))
    review_holds.register_payment_screen("fraud", fraud.screen)
    review_holds.register_capture_guard("fraud", fraud.blocks)
    admin = AdminService(accounts)
    dispute_notices = DisputeNotices(DisputeEmitter(sockets.emitter, clock.visible_cursor))
    # The payment cases apply the provider's payment events (refetched, by state).
    # Payees are paid through the payment cases' port and the operations worker (payout transfers).
    payouts = Payouts(payment_gateway)
    plug_in_destinations(payouts)
    register_outcomes(OPERATION_PREFIX, payouts)
    # Chargebacks (charge.dispute.*) and the transfer reversals a refund after payout stores.
    chargebacks = Chargebacks(payments)
    register_outcomes(clawback.PREFIX, Clawbacks(payments))
    gateway_handlers = {**GATEWAY_EVENT_HANDLERS,
                        **{kind: chargebacks.apply_gateway_event for kind in Chargebacks.GATEWAY_EVENT_TYPES},
                        **{kind: payments.apply_gateway_event for kind in PaymentCases.GATEWAY_EVENT_TYPES},
                        **{kind: payouts.apply_gateway_event for kind in Payouts.GATEWAY_EVENT_TYPES}}
    seller_tax = _seller_tax(settings, sealer)
    media = make_media(settings, scanner)
    checks = FakeChecks()  # no identity provider or DBS Update Service account yet: the port's fake
    return Container(
        settings=settings, redis=redis, redis_health=health, rate_limiter=rate_limiter,
        in_process_bus=in_process_bus, publisher=publisher, relay=relay, signer=signer, revocations=revocations,
        accounts=accounts, admin=admin,
        invitations=Invitations(rate_limiter, InvitationRules(
            ttl_seconds=settings.org_invitation_ttl_days * 86400, per_day=settings.org_invitations_per_day,
            per_invitee_per_day=settings.org_invitations_per_invitee_per_day)),
        sockets=sockets, sync=sync, messaging=messaging, push_worker=push_worker, notifier=notifier,
        subscriptions=Subscriptions(reactions(notifier, feed, presence_revoker, payments, payment_notices,
                                                dispute_notices)),
        payment_gateway=payment_gateway, webhooks=WebhookInbox({payment_gateway.name: payment_gateway}),
        gateway_events=make_inbox_worker(settings, gateway_handlers), payments=payments, payouts=payouts,
        chargebacks=chargebacks,
        seller_tax=seller_tax,
        reconciler=Reconciler(payment_gateway, lookback=timedelta(hours=settings.reconciliation_lookback_hours),
                              alerts=alerts),
        media=media,
        disputes=disputes,
        # Document numbers are sealed like tax ids (domain/shared/sealing.py, bound to the document's row).
        verification=VerificationService(sealer, media, checks),
        safety=SafetyService(Moderation(admin), fraud),
        exports=Exports(media.store, ExportRules(keep_for=timedelta(hours=settings.privacy_export_keep_hours),
                                                 link_ttl_seconds=settings.media_download_ttl_seconds)),
        privacy=_privacy(settings, accounts, sockets.presence.store, media),
        sealer=sealer, pseudonyms=pseudonyms, at_rest=make_at_rest(settings, sealer, pseudonyms),
        flags=flags, email_worker=email_worker, email_feedback=make_email_feedback(settings, pseudonyms),
        alerts=alerts,
    )


def _flag_broadcast(settings: Settings, redis: Redis | None, health: RedisHealth | None) -> FlagBroadcast | None:
    """Across processes on Redis (scoped like the Socket.IO channel); None: this process alone."""
    if redis is None or health is None:
        return None
    return RedisFlagBroadcast(redis, lifecycle.make_redis(settings, listener=True), health,
                              f"{settings.socket_redis_channel}:flags")


def _accounts(settings: Settings, signer: TokenSigner, revocations: RevocationStore,
              rate_limiter: RateLimiter, pseudonyms: Pseudonyms) -> AccountsService:
    return AccountsService(
        pseudonyms=pseudonyms,
        passwords=Passwords(
            Argon2Params(settings.argon2_time_cost, settings.argon2_memory_cost_kib, settings.argon2_parallelism)
        ),
        signer=signer,
        revocations=revocations,
        limiter=rate_limiter,
        refresh_ttl_seconds=settings.refresh_token_ttl_seconds,
        forget_device=devices.remove_on_logout,
        factors=Factors(_mfa_box(settings), rate_limiter, MfaLimits(attempts=settings.mfa_attempts_per_window)),
        regions=settings.region_rules,
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


def _mfa_box(settings: Settings) -> SecretBox | None:
    """In production the public development key seals nothing: without MFA_SECRET_KEY, second
    factors answer 503 (and admins cannot work) rather than be sealed with a known key."""
    secret = settings.mfa_secret_key.get_secret_value()
    return None if settings.is_production and secret == DEV_MFA_SECRET_KEY else SecretBox(base64.b64decode(secret))


def _privacy(settings: Settings, accounts: AccountsService, presence: PresenceStore, media: Media) -> PrivacyRequests:
    """Erasure reaches beyond the database through these: sessions (accounts), presence (Redis
    or memory), the uploads' stored bytes (media)."""

    async def delete_upload_bytes(upload_id: str) -> None:
        await media.store.delete(f"staging/{upload_id}")
        await media.store.delete(f"objects/{upload_id}")

    eraser = Eraser(ErasurePorts(end_sessions=accounts.end_all_sessions, forget_presence=presence.forget,
                                 delete_upload_bytes=delete_upload_bytes))
    return PrivacyRequests(eraser, accounts.confirm_password,
                           ErasureRules(grace=timedelta(days=settings.erasure_grace_days)))


def _seller_tax(settings: Settings, sealer: Sealer) -> SellerTax:
    """Tax ids are sealed at rest (production refuses the public development keys at start-up)."""
    thresholds = Thresholds(settings.reportable_seller_min_transactions, dict(settings.reportable_seller_min_amounts),
                            settings.reportable_seller_require_both)
    return SellerTax(sealer, thresholds)


def _payment_rules(settings: Settings) -> PaymentRules:
    return PaymentRules(release_window=timedelta(hours=settings.payment_release_window_hours),
                        expiry_margin=timedelta(minutes=settings.payment_expiry_margin_minutes),
                        require_payment_to_accept=settings.payment_required_to_accept)


def _fraud_rules(settings: Settings) -> FraudRules:
    return FraudRules(max_cards_per_day=settings.fraud_max_cards_per_day,
                      max_failed_payments_per_day=settings.fraud_max_failed_payments_per_day,
                      first_booking_high_value=dict(settings.fraud_first_booking_high_value),
                      home_country=settings.fraud_home_country, enabled=settings.fraud_rules_enabled)


def _dispute_rules(settings: Settings) -> DisputeRules:
    return DisputeRules(open_window=timedelta(days=settings.dispute_open_window_days),
                        response_time=timedelta(days=settings.dispute_response_days),
                        negotiation_time=timedelta(days=settings.dispute_negotiation_days),
                        decision_time=timedelta(days=settings.dispute_decision_days),
                        reminder_before=timedelta(hours=settings.dispute_reminder_hours),
                        default_outcome=Outcome(settings.dispute_default_outcome),
                        max_evidence_per_party=settings.dispute_max_evidence_per_party)


def _sync_config(settings: Settings) -> SyncConfig:
    explicit = settings.sync_cursor_secret.get_secret_value() if settings.sync_cursor_secret else None
    return SyncConfig(cursor_secrets(explicit, settings.signing_keys, settings.jwt_active_kid),
                      settings.sync_epoch, settings.sync_tick_interval_ms / 1000,
                      settings.sync_retention_days * 86400, settings.sync_compaction_interval_seconds,
                      sqlite=not settings.is_postgres,  # the demo: sync/dialect.py
                      public_poke_interval_seconds=settings.sync_public_poke_interval_seconds,
                      idle_ceiling_seconds=settings.idle_poll_max_ms / 1000,
                      read_ahead_pages=settings.sync_read_ahead_pages if settings.is_postgres else 0)
