"""Settings read once from the environment (and an optional .env), validated, then frozen.

Every setting is documented in `.env.example`; a test keeps the two in step.
"""

from __future__ import annotations

import ipaddress
import json
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# A value that only ever works outside production: `APP_ENV=production` refuses it.
DEV_SIGNING_KEYS = "dev:dev-insecure-signing-key-change-me-000000000000"
DEV_SQLITE_URL = "sqlite://.fieldsync/demo.sqlite3"


class SettingsError(Exception):
    """Raised with one readable line per bad setting."""


class Settings(BaseSettings):
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
    db_pool_min: int = Field(1, ge=0, le=1000)
    db_pool_max: int = Field(20, ge=1, le=1000)
    db_acquire_timeout_seconds: float = Field(5.0, gt=0, le=300)
    db_statement_timeout_seconds: float = Field(15.0, gt=0, le=3600)
    redis_url: str | None = None
    kafka_bootstrap: str | None = None
    kafka_topic_prefix: str = ""
    # Used when the service creates its topics at start-up (existing topics are left alone).
    kafka_topic_partitions: int = Field(6, ge=1)
    kafka_replication_factor: int = Field(1, ge=1)

    # "kid:secret" pairs, comma separated; the active kid signs, every listed key verifies,
    # so a key can be rotated without logging anybody out.
    jwt_signing_keys: SecretStr = SecretStr(DEV_SIGNING_KEYS)
    jwt_active_kid: str = "dev"
    access_token_ttl_seconds: int = Field(900, ge=30, le=3600)
    refresh_token_ttl_seconds: int = Field(30 * 86400, ge=3600)

    argon2_time_cost: int = Field(3, ge=1)
    argon2_memory_cost_kib: int = Field(65536, ge=8192)
    argon2_parallelism: int = Field(4, ge=1)

    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    trust_forwarded_for: bool = False
    max_body_bytes: int = Field(1_048_576, ge=1024)
    rate_limit_per_minute: int = Field(600, ge=1)
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
    outbox_batch_size: int = Field(200, ge=1, le=5000)

    # Mobile networks stall for tens of seconds in lifts and tunnels: ping often enough to
    # notice a dead peer, wait long enough not to drop a live one.
    socket_ping_interval_seconds: float = Field(25.0, gt=0)
    socket_ping_timeout_seconds: float = Field(30.0, gt=0)
    socket_max_payload_bytes: int = Field(65_536, ge=1024)
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
    # A crashed process's users turn offline within this many seconds (realtime/presence.py).
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

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("sync_cursor_secret")
    @classmethod
    def _long_sync_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < 32:
            raise ValueError("must be at least 32 characters")
        return value

    @field_validator("fcm_credentials_json")
    @classmethod
    def _service_account_json(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None  # unset, or set empty (docker/compose.yml passes it through)
        try:
            info = json.loads(value.get_secret_value())
        except ValueError:
            raise ValueError("must be a service-account key in JSON") from None
        if not isinstance(info, dict) or info.get("type") != "service_account":
            raise ValueError('must be a service-account key (JSON with "type": "service_account")')
        return value

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if not value.startswith(("sqlite://", "postgres://", "postgresql://")):
            raise ValueError("must start with sqlite://, postgres:// or postgresql://")
        return value.replace("postgresql://", "postgres://", 1)

    @field_validator("jwt_signing_keys")
    @classmethod
    def _parse_keys(cls, value: SecretStr) -> SecretStr:
        keys = _parse_key_pairs(value.get_secret_value())
        for kid, secret in keys.items():
            if len(secret) < 32:
                raise ValueError(f"key {kid!r} is shorter than 32 characters")
        return value

    @model_validator(mode="after")
    def _production_rules(self) -> Settings:
        if self.jwt_active_kid not in self.signing_keys:
            raise ValueError(f"JWT_ACTIVE_KID {self.jwt_active_kid!r} is not a kid of JWT_SIGNING_KEYS")
        if self.db_pool_min > self.db_pool_max:
            raise ValueError("DB_POOL_MIN must not exceed DB_POOL_MAX")
        # The built-in key is public (it is in this repository): whatever APP_ENV says, it only
        # ever serves a developer's own machine, on loopback and the SQLite demo database.
        if _DEV_SECRET in self.signing_keys.values() and (self.is_postgres or not is_loopback(self.host)):
            raise ValueError("JWT_SIGNING_KEYS: the built-in development key is refused on PostgreSQL or a "
                             "non-loopback HOST; set a real secret")
        if self.app_env != "production":
            return self
        problems = []
        if self.jwt_signing_keys.get_secret_value() == DEV_SIGNING_KEYS or any(
            "insecure" in secret for secret in self.signing_keys.values()
        ):
            problems.append("JWT_SIGNING_KEYS must be set to a real secret in production")
        if self.database_url.startswith("sqlite://"):
            problems.append("DATABASE_URL must be PostgreSQL in production, not SQLite")
        if "*" in self.cors_origins:
            problems.append("CORS_ORIGINS must list origins, not '*', in production")
        if self.demo_seed_on_start:
            problems.append("DEMO_SEED_ON_START is refused in production")
        if self.push_enabled and self.push_sender != "fcm":
            problems.append("PUSH_SENDER must be fcm in production while PUSH_ENABLED (the log sender drops pushes)")
        if self.push_enabled and not (self.fcm_credentials_file or self.fcm_credentials_json):
            problems.append("FCM_CREDENTIALS_FILE or FCM_CREDENTIALS_JSON must be set in production while PUSH_ENABLED")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @property
    def signing_keys(self) -> dict[str, str]:
        return _parse_key_pairs(self.jwt_signing_keys.get_secret_value())

    @property
    def is_postgres(self) -> bool:
        return self.database_url.startswith("postgres://")

    @property
    def is_production(self) -> bool:
        return self.app_env == "production"


_DEV_SECRET = DEV_SIGNING_KEYS.split(":", 1)[1]


def is_loopback(host: str) -> bool:
    """True for "localhost" and loopback addresses; "0.0.0.0", "" and other names are not."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def _parse_key_pairs(raw: str) -> dict[str, str]:
    keys: dict[str, str] = {}
    for pair in raw.split(","):
        kid, sep, secret = pair.strip().partition(":")
        if not sep or not kid or not secret:
            raise ValueError("expected comma-separated 'kid:secret' pairs")
        keys[kid] = secret
    return keys


def load_settings(**overrides: object) -> Settings:
    """Read and validate settings; raise SettingsError listing every problem in plain words."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error["loc"]) or "settings"
            lines.append(f"{where.upper()}: {error['msg']}")
        raise SettingsError("invalid settings:\n  " + "\n  ".join(lines)) from None
