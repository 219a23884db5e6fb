"""Settings read once from the environment (and an optional .env), validated, then frozen
(the checks themselves: app/settings_checks.py).

Every setting is documented in `.env.example`; a test keeps the two in step.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from app import settings_checks as checks
from app.email_settings import EmailSettings, email_production_problems
from app.media_settings import MediaSettings, media_production_problems
from app.observability_settings import ObservabilitySettings
from app.residency_settings import ResidencySettings, residency_production_problems
from app.settings_checks import DEV_SIGNING_KEYS
from domain.shared.clientaddr import Network, parse_networks
from infra.keyring_settings import (
    DEV_DATA_ENCRYPTION_KEYS,
    DEV_PII_HASH_KEY,
    ProtectionSettings,
    protection_production_problems,
)

__all__ = ["DEV_DATA_ENCRYPTION_KEYS", "DEV_MFA_SECRET_KEY", "DEV_PII_HASH_KEY", "DEV_SIGNING_KEYS", "DEV_SQLITE_URL",
           "DEV_TAX_DATA_KEY", "Settings", "SettingsError", "load_settings"]

# Values that only ever work outside production: `APP_ENV=production` refuses them.
DEV_SQLITE_URL = "sqlite://.fieldsync/demo.sqlite3"
DEV_SANDBOX_WEBHOOK_SECRET = "whsec_sandbox_dev_insecure_000000000000"  # noqa: S105 - public, never production
# 32 bytes, base64: seals sellers' tax ids outside production only.
DEV_TAX_DATA_KEY = "ZGV2LWluc2VjdXJlLXRheC1kYXRhLWtleS0wMDAwMDA="  # public, never production
# 32 bytes, base64: seals TOTP secrets outside production only.
DEV_MFA_SECRET_KEY = "ZGV2LWluc2VjdXJlLW1mYS1zZWNyZXQta2V5LTAwMDA="  # noqa: S105 - public, never production


class SettingsError(Exception):
    """Raised with one readable line per bad setting."""


# Uploads, tracing and errors, protection at rest, residency and roles, email: app/*_settings.py.
class Settings(MediaSettings, ObservabilitySettings, ProtectionSettings, ResidencySettings, EmailSettings,
               BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", frozen=True, extra="ignore", case_sensitive=False
    )

    app_env: Literal["development", "test", "production"] = "development"
    host: str = "127.0.0.1"
    port: int = Field(8080, ge=1, le=65535)
    public_base_url: str = ""

    database_url: str = DEV_SQLITE_URL
    # PostgreSQL pool and timeouts (app/db.py): a hung or saturated database answers 503 with
    # Retry-After within these bounds instead of hanging every request.
    # Unset: DB_POOL_MAX, a pool of fixed size, each connection warmed before it serves
    # (DB_POOL_WARM: the send path's statements cached, infra/postgres_engine.py) and kept while
    # idle, so the first burst after a start or a quiet spell finds no cold connection.
    db_pool_min: int | None = Field(None, ge=0, le=1000)
    db_pool_max: int = Field(20, ge=1, le=1000)
    db_pool_warm: bool = True
    db_acquire_timeout_seconds: float = Field(5.0, gt=0, le=300)
    db_statement_timeout_seconds: float = Field(15.0, gt=0, le=3600)
    redis_url: str | None = None
    kafka_bootstrap: str | None = None
    kafka_topic_prefix: str = ""
    # Used when the service creates its topics at start-up (existing topics are left alone).
    kafka_topic_partitions: int = Field(6, ge=1)
    kafka_replication_factor: int = Field(1, ge=1)
    # false: the topics exist already (managed brokers often forbid clients creating them).
    kafka_create_topics: bool = True
    # Managed brokers: TLS (SSL, SASL_SSL) and SASL (SASL_PLAINTEXT, SASL_SSL) for the outbox
    # producer, the consumers and the admin client alike.
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = "PLAIN"
    kafka_sasl_username: str | None = None
    kafka_sasl_password: SecretStr | None = None
    kafka_ssl_cafile: str | None = None
    kafka_ssl_certfile: str | None = None
    kafka_ssl_keyfile: str | None = None
    # Redis is optional at run time: a call gives up after these (then the in-process fallback
    # serves, infra/dependencies.py), and while Redis is down a probe pings it this often.
    redis_socket_timeout_seconds: float = Field(0.5, gt=0, le=30)
    redis_connect_timeout_seconds: float = Field(0.5, gt=0, le=30)
    redis_probe_interval_seconds: float = Field(1.0, gt=0, le=60)

    # "kid:secret" pairs, comma separated; the active kid signs, every listed key verifies,
    # so a key can be rotated without logging anybody out.
    jwt_signing_keys: SecretStr = SecretStr(DEV_SIGNING_KEYS)
    jwt_active_kid: str = "dev"
    access_token_ttl_seconds: int = Field(900, ge=30, le=3600)
    refresh_token_ttl_seconds: int = Field(30 * 86400, ge=3600)

    # OWASP's Argon2id configuration (19 MiB, 2 passes, 1 lane; domain/accounts/passwords.py says why).
    argon2_time_cost: int = Field(2, ge=1)
    argon2_memory_cost_kib: int = Field(19456, ge=8192)
    argon2_parallelism: int = Field(1, ge=1)

    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Multi-factor authentication (domain/accounts/mfa.py, docs/security.md): the AES-256 key
    # (base64 of 32 bytes) sealing TOTP secrets; wrong codes per account per 5 minutes.
    mfa_secret_key: SecretStr = SecretStr(DEV_MFA_SECRET_KEY)
    mfa_attempts_per_window: int = Field(10, ge=1)
    # Web cookie mode (POST /v1/auth/web/*): the origins a browser may send cookie-authenticated
    # writes from (empty: CORS_ORIGINS); whether its cookies are `Secure` (unset: always, except
    # outside production on a loopback host such as http://localhost).
    web_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    web_cookie_secure: bool | None = None
    trust_forwarded_for: bool = False
    # Addresses (CIDR) of our own proxies: X-Forwarded-For is read only from these peers.
    trusted_proxies: Annotated[list[str], NoDecode] = Field(default_factory=list)
    max_body_bytes: int = Field(1_048_576, ge=1024)
    # Idempotency-Key (rest/idempotency.py): how long a duplicate waits for the first attempt
    # before a 409, and the lease after which an attempt that committed nothing may be reclaimed.
    idempotency_wait_seconds: float = Field(10.0, gt=0, le=60)
    idempotency_lease_seconds: float = Field(30.0, gt=0, le=3600)
    rate_limit_per_minute: int = Field(600, ge=1)
    # Authenticated requests are limited per user (RATE_LIMIT_PER_MINUTE) and, all users of one
    # address together (a carrier's NAT), by this higher ceiling; unset: 10 x the per-user limit.
    rate_limit_ip_ceiling_per_minute: int | None = Field(None, ge=1)
    # Register/login attempts per client IP per minute, and failed logins per account per window.
    auth_rate_limit_per_minute: int = Field(30, ge=1)
    login_failures_per_account: int = Field(100, ge=1)
    login_failure_window_seconds: int = Field(900, ge=60)
    # Login slowdown (domain/accounts/throttle.py): failures per account and source before that
    # source waits (doubling up to the max), and failures per account that notify the owner.
    login_failures_per_source: int = Field(5, ge=1)
    login_slowdown_max_seconds: int = Field(900, ge=1)
    login_failure_notice_after: int = Field(10, ge=1)
    # Wrong current passwords on /v1/auth/password that end the session.
    password_guesses_per_session: int = Field(5, ge=1)

    shutdown_grace_seconds: float = Field(10.0, gt=0, le=300)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["json", "console"] = "json"

    outbox_poll_interval_ms: int = Field(200, ge=10)
    # While its polls find nothing, the sync ticker and the outbox relay of a process poll less and
    # less often (twice as long after each empty poll), up to this; a commit in the process wakes
    # them at once, and a pull ticks first when the ticker idled (sync/ticker.py). Bounds how late
    # another process's write (the CLI) is relayed or poked after a quiet spell. At most the interval: off.
    idle_poll_max_ms: int = Field(1000, ge=5, le=60_000)
    outbox_batch_size: int = Field(200, ge=1, le=5000)
    # In-process (no Kafka) the relay sizes its batches to take about this long (bus/relay.py).
    outbox_batch_budget_ms: int = Field(250, ge=10, le=60_000)

    # Mobile networks stall for tens of seconds in lifts and tunnels: ping often enough to
    # notice a dead peer, wait long enough not to drop a live one.
    socket_ping_interval_seconds: float = Field(25.0, gt=0)
    socket_ping_timeout_seconds: float = Field(30.0, gt=0)
    socket_max_payload_bytes: int = Field(65_536, ge=1024)
    # A client that joins no namespace within this is closed (Socket.IO's `connectTimeout`).
    socket_connect_timeout_seconds: float = Field(45.0, gt=0, le=600)
    socket_compression: bool = False
    # Redis pub/sub channel the Socket.IO processes share; every replica must use the same one.
    socket_redis_channel: str = Field("fieldsync-socketio", min_length=1)
    # Socket hygiene (realtime/base.py, realtime/sio.py): a token bucket per socket and event,
    # a cap on one event's encoded size (the frame cap above bounds what is read at all), and
    # how many packets may wait for a client before it is disconnected as a slow consumer.
    socket_event_rate_per_second: float = Field(20.0, gt=0)
    socket_event_burst: int = Field(40, ge=1)
    socket_max_event_bytes: int = Field(16_384, ge=256)
    socket_max_queued_packets: int = Field(1000, ge=10)
    # Engine.IO handshakes per client IP per minute (a reconnect storm behind one carrier NAT
    # stays under it), and sockets per user per namespace and process (realtime/limits.py).
    socket_handshakes_per_minute: int = Field(120, ge=1)
    socket_max_per_user: int = Field(10, ge=1, le=1000)
    # A crashed process's users turn offline within this many seconds (domain/presence/store.py).
    presence_ttl_seconds: float = Field(15.0, ge=1.0, le=300)

    push_sender: Literal["log", "fcm"] = "log"
    demo_seed_on_start: bool = False

    # Push delivery (push/worker.py, docs/events.md "Push delivery").
    push_enabled: bool = True
    # FCM service-account key: a file path or the JSON itself; the project defaults to the key's.
    fcm_credentials_file: str | None = None
    fcm_credentials_json: SecretStr | None = None
    fcm_project_id: str | None = None
    # Base URL replacing https://fcm.googleapis.com (tests point it at a local fake).
    fcm_endpoint: str | None = None
    fcm_timeout_seconds: float = Field(30.0, gt=0, le=300)
    push_poll_interval_ms: int = Field(1000, ge=10)
    push_claim_batch: int = Field(200, ge=1, le=5000)
    # A claimed job is invisible to other workers this long; a crash mid-send makes it due again.
    push_lease_seconds: float = Field(120.0, gt=0)
    push_max_attempts: int = Field(10, ge=1)
    push_max_age_seconds: float = Field(86400.0, gt=0)
    push_volatile_max_age_seconds: float = Field(300.0, gt=0)
    push_backoff_base_seconds: float = Field(2.0, gt=0)
    push_backoff_max_seconds: float = Field(900.0, gt=0)
    # Pushes per user per minute; beyond it collapsible pushes wait, others are dropped.
    push_user_rate_per_minute: int = Field(12, ge=1)
    # Finished pushes (sent, failed, dropped) are kept this long for inspection, then deleted.
    push_retention_days: float = Field(7.0, gt=0)

    # Delta sync (docs/sync.md): pull cursors are HMAC-signed with this secret (32+ characters),
    # or, unset, with keys derived from JWT_SIGNING_KEYS (every listed key verifies, like tokens).
    # Raising the epoch sends every client back to a full resync (e.g. after restoring a backup).
    sync_cursor_secret: SecretStr | None = None
    sync_epoch: int = Field(1, ge=1, le=2**32 - 1)
    # How often the ticker makes committed changes visible to pulls (it also runs on commit).
    sync_tick_interval_ms: int = Field(25, ge=5, le=1000)
    # Tombstones and superseded changes older than this are compacted; an older cursor gets 410.
    sync_retention_days: float = Field(30.0, gt=0)
    sync_compaction_interval_seconds: float = Field(3600.0, ge=1)
    # Jobs that run at start-up (sweeps, timers, the overdue work of a restart) wait this long
    # first, or their interval if that is shorter. 0 runs them at once; the test suite sets it so
    # each test's short-lived app does not pay ~25 start-up runs it never looks at.
    jobs_start_delay_seconds: float = Field(0.0, ge=0, le=3600)
    # Pokes (sync/poke.py, realtime/pokes.py): at most one per socket per interval; public
    # changes (everyone's scope) ring every socket at most once per the longer interval.
    sync_poke_interval_seconds: float = Field(1.0, ge=0.05, le=60)
    sync_public_poke_interval_seconds: float = Field(15.0, ge=0.05, le=3600)
    # Paging clients: the page after one with more is read while that one travels (PostgreSQL;
    # sync/readahead.py). Up to this many such pages are kept per process; 0 turns it off.
    sync_read_ahead_pages: int = Field(8, ge=0, le=256)

    # Notifications (issue 7, part A): device tokens not registered again (the app does it on
    # every start) for this long are swept; FCM itself drops tokens idle for about 270 days.
    device_token_ttl_days: float = Field(60.0, gt=0)
    device_sweep_interval_seconds: float = Field(3600.0, ge=1)
    # Devices a user may have (registering one more evicts the least recently seen), and
    # device registrations per user per hour.
    devices_per_user: int = Field(10, ge=1)
    device_registrations_per_hour: int = Field(30, ge=1)

    # Booking requests (domain/bookings/creation.py): open requests per customer, and per
    # customer and serviceman; how long a request waits for an answer (a scheduled one also
    # expires at its start, an on-demand one after the on-demand expiry).
    booking_open_requests_per_customer: int = Field(5, ge=1)
    booking_open_requests_per_serviceman: int = Field(2, ge=1)
    booking_request_ttl_hours: float = Field(24.0, gt=0)
    booking_on_demand_expiry_minutes: float = Field(15.0, gt=0)

    # Organisation crews (issue 11): an invitation unanswered this long lapses; one organisation,
    # and one inviting user, send at most ORG_INVITATIONS_PER_DAY a day, and one organisation
    # invites the same person at most ORG_INVITATIONS_PER_INVITEE_PER_DAY times a day.
    org_invitation_ttl_days: float = Field(7.0, gt=0, le=90)
    org_invitations_per_day: int = Field(50, ge=1)
    org_invitations_per_invitee_per_day: int = Field(3, ge=1)

    # Payment cases (issue 13, domain/finance/cases): funds are released this long after the
    # booking is completed (unless disputed); authorizations are voided this long before they
    # lapse; PAYMENT_REQUIRED_TO_ACCEPT refuses accepting a booking its customer has not paid
    # (off by default: a booking without a payment can still be accepted, and is captured if
    # paid later). The operations worker and the payment timers run this often.
    payment_release_window_hours: float = Field(48.0, ge=0)
    payment_expiry_margin_minutes: float = Field(60.0, ge=0)
    payment_required_to_accept: bool = False
    payment_operations_interval_seconds: float = Field(1.0, gt=0)
    payment_timers_interval_seconds: float = Field(30.0, gt=0)
    # Disputes (issue 14, domain/disputes): parties open one up to DISPUTE_OPEN_WINDOW_DAYS after
    # completion; the other side answers within DISPUTE_RESPONSE_DAYS, then the parties have
    # DISPUTE_NEGOTIATION_DAYS to settle, else it escalates; an admin decides within
    # DISPUTE_DECISION_DAYS or DISPUTE_DEFAULT_OUTCOME applies. Reminders go
    # DISPUTE_REMINDER_HOURS before each deadline; the timers run this often.
    dispute_open_window_days: float = Field(14.0, ge=0)
    dispute_response_days: float = Field(3.0, gt=0)
    dispute_negotiation_days: float = Field(5.0, gt=0)
    dispute_decision_days: float = Field(7.0, gt=0)
    dispute_reminder_hours: float = Field(24.0, ge=0)
    dispute_default_outcome: Literal["refund", "release", "split"] = "refund"
    dispute_max_evidence_per_party: int = Field(20, ge=1, le=1000)
    dispute_timers_interval_seconds: float = Field(30.0, gt=0)
    # Verification expiry reminders and lapses (issue 15): claimed FOR UPDATE SKIP LOCKED, once each.
    verification_timers_interval_seconds: float = Field(60.0, gt=0)
    # Erasure (issue 18, domain/privacy): a requested erasure runs after this grace period (the
    # person may log in and cancel until then); the job looks for due erasures this often.
    erasure_grace_days: float = Field(14.0, ge=0, le=30)
    erasure_interval_seconds: float = Field(300.0, gt=0)
    # Trust and safety (issue 15, domain/safety): fraud rules at checkout hold a payment for review.
    fraud_rules_enabled: bool = True
    fraud_max_cards_per_day: int = Field(3, ge=1, le=1000)
    fraud_max_failed_payments_per_day: int = Field(3, ge=1, le=1000)
    # The first paid booking of an account at or above this (minor units per currency) is held.
    fraud_first_booking_high_value: dict[str, int] = Field(
        default_factory=lambda: {"GBP": 50_000, "EUR": 60_000, "USD": 60_000})
    fraud_home_country: str | None = Field(None, pattern=r"^[A-Z]{2}$",
                                           description="a booking's country when its zone has none")
    moderation_timers_interval_seconds: float = Field(60.0, gt=0)
    # Data-subject exports (issue 18, domain/privacy/export_service.py): the job building them
    # runs this often; a ready bundle can be downloaded this many hours, then it is deleted.
    privacy_export_interval_seconds: float = Field(10.0, gt=0)
    privacy_export_keep_hours: float = Field(168.0, gt=0, le=24 * 30)
    # Flags and remote config (issue 20, docs/flags.md): scheduled changes are applied this
    # often; every process reloads its flag cache this often too (catching up a broadcast it
    # missed while its Redis listener was away).
    flags_schedule_interval_seconds: float = Field(5.0, gt=0)
    flags_refresh_interval_seconds: float = Field(30.0, gt=0)
    # Payments (issue 13, docs/finance.md): the gateway money moves through. sandbox is the
    # in-process demo gateway (no money moves): refused in production.
    payment_gateway: Literal["sandbox", "stripe"] = "sandbox"
    stripe_secret_key: SecretStr | None = None
    stripe_webhook_secret: SecretStr | None = None
    # Base addresses of Stripe's payments and Connect APIs (both https://api.stripe.com; tests
    # point them at localstripe and a Connect fake). Unset Connect: the payments address.
    stripe_api_base: str = "https://api.stripe.com"
    stripe_connect_api_base: str | None = None
    stripe_max_network_retries: int = Field(2, ge=0, le=10)
    stripe_timeout_seconds: float = Field(30.0, gt=0, le=300)
    # The sandbox signs its webhooks with this (a public value: the sandbox never serves production).
    sandbox_webhook_secret: SecretStr = SecretStr(DEV_SANDBOX_WEBHOOK_SECRET)
    # Webhook inbox worker (domain/finance/gateway/inbox.py): poll interval, claim size, lease.
    gateway_events_poll_interval_ms: int = Field(500, ge=10)
    gateway_events_batch: int = Field(100, ge=1, le=5000)
    gateway_events_lease_seconds: float = Field(60.0, gt=0)
    gateway_events_max_attempts: int = Field(12, ge=1)
    # Finance reporting (issue 13 item 10): the AES-256 key (base64 of 32 bytes) sealing sellers'
    # tax ids; the thresholds of the annual export of reportable sellers (DAC7: 30 sales or EUR
    # 2,000; a 1099-K style rule: set both and REPORTABLE_SELLER_REQUIRE_BOTH).
    tax_data_key: SecretStr = SecretStr(DEV_TAX_DATA_KEY)
    reportable_seller_min_transactions: int = Field(30, ge=1)
    reportable_seller_min_amounts: dict[str, int] = Field(default_factory=lambda: {"EUR": 200_000})
    reportable_seller_require_both: bool = False
    # Reconciliation with the gateway (issue 13 item 8): the daily run's interval and window.
    reconciliation_interval_seconds: float = Field(86_400.0, gt=0)
    reconciliation_lookback_hours: float = Field(48.0, gt=0, le=24 * 93)

    @field_validator("stripe_api_base", "stripe_connect_api_base")
    @classmethod
    def _http_base(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None or not value.strip():
            return None if info.field_name == "stripe_connect_api_base" else "https://api.stripe.com"
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.path.strip("/"):
            raise ValueError("must be an http(s) base address without a path (e.g. https://api.stripe.com)")
        return value.strip().rstrip("/")

    @field_validator("cors_origins", "web_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _split_proxies(cls, value: object) -> object:
        if isinstance(value, str):
            value = [entry.strip() for entry in value.split(",") if entry.strip()]
        if isinstance(value, list):
            for entry in value:
                try:
                    parse_networks([str(entry)])
                except ValueError:
                    raise ValueError(f"{entry!r} is not an address or a CIDR block (e.g. 10.0.0.5/32)") from None
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_url(cls, value: str | None) -> str | None:
        return checks.redis_url(value)

    @field_validator("kafka_bootstrap")
    @classmethod
    def _kafka_bootstrap(cls, value: str | None) -> str | None:
        return checks.kafka_bootstrap(value)

    @field_validator("kafka_ssl_cafile", "kafka_ssl_certfile", "kafka_ssl_keyfile")
    @classmethod
    def _readable_file(cls, value: str | None) -> str | None:
        return checks.readable_file(value)

    @field_validator("sync_cursor_secret")
    @classmethod
    def _long_sync_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < 32:
            raise ValueError("must be at least 32 characters")
        return value

    @field_validator("fcm_credentials_json")
    @classmethod
    def _service_account_json(cls, value: SecretStr | None) -> SecretStr | None:
        return checks.service_account_json(value)

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if not value.startswith(("sqlite://", "postgres://", "postgresql://")):
            raise ValueError("must start with sqlite://, postgres:// or postgresql://")
        return value.replace("postgresql://", "postgres://", 1)

    @field_validator("jwt_signing_keys")
    @classmethod
    def _parse_keys(cls, value: SecretStr) -> SecretStr:
        keys = checks.parse_key_pairs(value.get_secret_value())
        for kid, secret in keys.items():
            if len(secret) < 32:
                raise ValueError(f"key {kid!r} is shorter than 32 characters")
        return value

    @model_validator(mode="after")
    def _production_rules(self) -> Settings:
        problems = checks.inconsistencies(self)
        if not problems and self.app_env == "production":
            problems = (checks.production_problems(self) + media_production_problems(self)
                        + protection_production_problems(self)
                        + residency_production_problems(self) + email_production_problems(self))
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @property
    def signing_keys(self) -> dict[str, str]:
        return checks.parse_key_pairs(self.jwt_signing_keys.get_secret_value())

    @property
    def is_postgres(self) -> bool:
        return self.database_url.startswith("postgres://")

    @property
    def is_production(self) -> bool:
        return self.app_env == "production"

    @property
    def ip_ceiling_per_minute(self) -> int:
        return self.rate_limit_ip_ceiling_per_minute or 10 * self.rate_limit_per_minute

    @property
    def proxy_networks(self) -> tuple[Network, ...]:
        """Peers whose X-Forwarded-For is believed. TRUST_FORWARDED_FOR (the older switch)
        without TRUSTED_PROXIES means a proxy on this host: loopback only."""
        if self.trusted_proxies:
            return parse_networks(self.trusted_proxies)
        return parse_networks(["127.0.0.0/8", "::1"]) if self.trust_forwarded_for else ()

    def kafka_security(self) -> dict[str, Any]:
        """aiokafka keyword arguments for TLS and SASL (empty for PLAINTEXT)."""
        protocol = self.kafka_security_protocol
        if protocol == "PLAINTEXT":
            return {}
        options: dict[str, Any] = {"security_protocol": protocol}
        if protocol in ("SSL", "SASL_SSL"):
            from aiokafka.helpers import create_ssl_context

            options["ssl_context"] = create_ssl_context(
                cafile=self.kafka_ssl_cafile, certfile=self.kafka_ssl_certfile, keyfile=self.kafka_ssl_keyfile
            )
        if protocol.startswith("SASL_"):
            assert self.kafka_sasl_password is not None  # checked by _production_rules
            options.update(sasl_mechanism=self.kafka_sasl_mechanism, sasl_plain_username=self.kafka_sasl_username,
                           sasl_plain_password=self.kafka_sasl_password.get_secret_value())
        return options


def load_settings(**overrides: object) -> Settings:
    """Read and validate settings; raise SettingsError listing every problem in plain words.
    SECRETS_DIR (/run/secrets) holds a file per secret setting, named like it (README)."""
    secrets_dir = os.environ.get("SECRETS_DIR", "").strip() or None
    if secrets_dir is not None and not Path(secrets_dir).is_dir():
        raise SettingsError(f"invalid settings:\n  SECRETS_DIR: {secrets_dir!r} is not a directory")
    try:
        return Settings(_secrets_dir=secrets_dir, **overrides)  # type: ignore[arg-type,call-arg]
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error["loc"]) or "settings"
            lines.append(f"{where.upper()}: {error['msg']}")
        raise SettingsError("invalid settings:\n  " + "\n  ".join(lines)) from None
