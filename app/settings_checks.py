"""The checks behind app/settings.py: one function per kind of value (a Redis URL, Kafka
bootstrap servers, a readable file, a service-account key, `kid:secret` pairs) and the rules
across settings (`inconsistencies`, and `production_problems` once APP_ENV=production). Each
returns the cleaned value or raises ValueError with a sentence an operator can act on."""

from __future__ import annotations

import ipaddress
import json
import os
from typing import Any
from urllib.parse import urlsplit

from pydantic import SecretStr

# A value that only ever works outside production: `APP_ENV=production` refuses it.
DEV_SIGNING_KEYS = "dev:dev-insecure-signing-key-change-me-000000000000"
_DEV_SECRET = DEV_SIGNING_KEYS.split(":", 1)[1]


def redis_url(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    example = "e.g. redis://redis.internal:6379/0"
    parts = urlsplit(value.strip())
    if parts.scheme not in ("redis", "rediss", "unix"):
        raise ValueError(f"must be a redis://, rediss:// or unix:// URL ({example})")
    if parts.scheme == "unix":
        if not parts.path:
            raise ValueError("must name the socket's path (unix:///run/redis.sock)")
        return value.strip()
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number in range
    except ValueError:
        raise ValueError(f"has a port that is not a number from 1 to 65535 ({example})") from None
    if not parts.hostname:
        raise ValueError(f"names no host ({example})")
    database = parts.path.strip("/")
    if database and not database.isdigit():
        raise ValueError(f"must end with a database number such as /0, not /{database} ({example})")
    return value.strip()


def kafka_bootstrap(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    for entry in value.split(","):
        host, sep, port = entry.strip().rpartition(":")
        if "/" in entry or not sep or not host or not port.isdigit() or not 1 <= int(port) <= 65535:
            raise ValueError(f"expected comma-separated host:port pairs (e.g. kafka-1:9092,kafka-2:9092), "
                             f"got {entry.strip()!r}")
    return ",".join(entry.strip() for entry in value.split(","))


def readable_file(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if not os.access(value, os.R_OK) or not os.path.isfile(value):
        raise ValueError(f"cannot read the file {value!r}")
    return value


def service_account_json(value: SecretStr | None) -> SecretStr | None:
    """An FCM service-account key in JSON, or None."""
    if value is None or not value.get_secret_value().strip():
        return None  # unset, or set empty (docker/compose.yml passes it through)
    try:
        info = json.loads(value.get_secret_value())
    except ValueError:
        raise ValueError("must be a service-account key in JSON") from None
    if not isinstance(info, dict) or info.get("type") != "service_account":
        raise ValueError('must be a service-account key (JSON with "type": "service_account")')
    return value


def parse_key_pairs(raw: str) -> dict[str, str]:
    keys: dict[str, str] = {}
    for pair in raw.split(","):
        kid, sep, secret = pair.strip().partition(":")
        if not sep or not kid or not secret:
            raise ValueError("expected comma-separated 'kid:secret' pairs")
        keys[kid] = secret
    return keys


def is_loopback(host: str) -> bool:
    """True for "localhost" and loopback addresses; "0.0.0.0", "" and other names are not."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def inconsistencies(s: Any) -> list[str]:
    """Settings that contradict each other, in any environment (`s` is app.settings.Settings)."""
    if s.jwt_active_kid not in s.signing_keys:
        return [f"JWT_ACTIVE_KID {s.jwt_active_kid!r} is not a kid of JWT_SIGNING_KEYS"]
    if s.kafka_security_protocol.startswith("SASL_") and not (s.kafka_sasl_username and s.kafka_sasl_password):
        return [f"KAFKA_SECURITY_PROTOCOL={s.kafka_security_protocol} needs KAFKA_SASL_USERNAME and "
                "KAFKA_SASL_PASSWORD"]
    if s.payment_gateway == "stripe":
        key = s.stripe_secret_key.get_secret_value() if s.stripe_secret_key else ""
        hook = s.stripe_webhook_secret.get_secret_value() if s.stripe_webhook_secret else ""
        if not key.startswith(("sk_", "rk_")):
            return ["PAYMENT_GATEWAY=stripe needs STRIPE_SECRET_KEY (sk_... or rk_...)"]
        if not hook.startswith("whsec_"):
            return ["PAYMENT_GATEWAY=stripe needs STRIPE_WEBHOOK_SECRET (whsec_...)"]
    if s.db_pool_min is not None and s.db_pool_min > s.db_pool_max:
        return ["DB_POOL_MIN must not exceed DB_POOL_MAX"]
    # The built-in key is public (it is in this repository): whatever APP_ENV says, it only
    # ever serves a developer's own machine, on loopback and the SQLite demo database.
    if _DEV_SECRET in s.signing_keys.values() and (s.is_postgres or not is_loopback(s.host)):
        return ["JWT_SIGNING_KEYS: the built-in development key is refused on PostgreSQL or a non-loopback HOST; "
                "set a real secret"]
    return []


def production_problems(s: Any) -> list[str]:
    """What production refuses: development secrets, SQLite, open CORS, the demo seed, the log
    push sender, the sandbox gateway, a plain-HTTP Stripe."""
    problems = []
    if s.jwt_signing_keys.get_secret_value() == DEV_SIGNING_KEYS or any(
        "insecure" in secret for secret in s.signing_keys.values()
    ):
        problems.append("JWT_SIGNING_KEYS must be set to a real secret in production")
    if s.database_url.startswith("sqlite://"):
        problems.append("DATABASE_URL must be PostgreSQL in production, not SQLite")
    if "*" in s.cors_origins:
        problems.append("CORS_ORIGINS must list origins, not '*', in production")
    if s.demo_seed_on_start:
        problems.append("DEMO_SEED_ON_START is refused in production")
    if s.push_enabled and s.push_sender != "fcm":
        problems.append("PUSH_SENDER must be fcm in production while PUSH_ENABLED (the log sender drops pushes)")
    if s.push_enabled and not (s.fcm_credentials_file or s.fcm_credentials_json):
        problems.append("FCM_CREDENTIALS_FILE or FCM_CREDENTIALS_JSON must be set in production while PUSH_ENABLED")
    if s.payment_gateway == "sandbox":
        problems.append("PAYMENT_GATEWAY must be stripe in production (the sandbox moves no money)")
    elif not s.stripe_api_base or not s.stripe_api_base.startswith("https://") or (
        s.stripe_connect_api_base and not s.stripe_connect_api_base.startswith("https://")
    ):
        problems.append("STRIPE_API_BASE and STRIPE_CONNECT_API_BASE must be https:// in production")
    return problems
