"""Email and operator alert settings (issue 20), a block of their own that `Settings`
(app/settings.py) inherits; documented in `.env.example` like every other setting.

- Email (push/email_worker.py, docs/email.md): the log sender by default (`./dev run`: every
  email goes to the log, counted as sent), SMTP through `SMTP_URL` otherwise. Production
  refuses the log sender while email is on, and a plain-text SMTP connection to another host.
- Operator alerts (domain/shared/alerts.py): to the log, and to a Slack incoming webhook when
  `SLACK_WEBHOOK_URL` is set."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs, unquote, urlsplit

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings

from app.settings_checks import is_loopback


@dataclass(frozen=True)
class SmtpTarget:
    """SMTP_URL taken apart: smtp://[user:password@]host[:port][?starttls=true|false] (port 587
    with STARTTLS by default), or smtps:// (TLS from the first byte, port 465)."""

    host: str
    port: int
    username: str | None
    password: str | None
    use_tls: bool  # implicit TLS (smtps)
    start_tls: bool | None  # None: upgrade when the server offers it


def parse_smtp_url(url: str) -> SmtpTarget:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise ValueError("must be smtp://[user:password@]host[:port] or smtps://... (e.g. smtp://mail.internal:587)")
    query = {key.lower(): values[-1].strip().lower() for key, values in parse_qs(parts.query).items()}
    starttls = query.get("starttls")
    if starttls not in (None, "true", "false"):
        raise ValueError("starttls must be true or false")
    implicit = parts.scheme == "smtps"
    try:
        port = parts.port or (465 if implicit else 587)
    except ValueError:
        raise ValueError("the port must be a number from 1 to 65535") from None
    return SmtpTarget(host=parts.hostname, port=port, username=unquote(parts.username) if parts.username else None,
                      password=unquote(parts.password) if parts.password else None, use_tls=implicit,
                      start_tls=None if starttls is None or implicit else starttls == "true")


class EmailSettings(BaseSettings):
    email_enabled: bool = True
    # log: the embedded default (every email goes to the log, nothing is sent); smtp: SMTP_URL.
    email_sender: Literal["log", "smtp"] = "log"
    smtp_url: SecretStr | None = None  # it may carry the password
    smtp_timeout_seconds: float = Field(30.0, gt=0, le=300)
    email_from: str = Field("Fieldsync <no-reply@fieldsync.example>", min_length=3, max_length=254)
    # The shared secret signing bounce and complaint reports (POST /v1/webhooks/email/{provider});
    # unset: the endpoint answers 404.
    email_webhook_secret: SecretStr | None = None
    email_poll_interval_ms: int = Field(1000, ge=10)
    email_claim_batch: int = Field(50, ge=1, le=1000)
    email_lease_seconds: float = Field(120.0, gt=0)
    email_max_attempts: int = Field(8, ge=1)
    email_max_age_seconds: float = Field(2 * 86400.0, gt=0)
    email_backoff_base_seconds: float = Field(30.0, gt=0)
    email_backoff_max_seconds: float = Field(3600.0, gt=0)
    # Finished emails (sent, failed, dropped) are kept this long for inspection, then deleted.
    email_retention_days: float = Field(7.0, gt=0)
    # Operator alerts: a Slack incoming webhook (unset: the log only); the same alert (its key)
    # is sent at most once per window; dead workers are looked for this often.
    slack_webhook_url: SecretStr | None = None
    slack_timeout_seconds: float = Field(10.0, gt=0, le=60)
    alert_dedupe_window_seconds: float = Field(3600.0, ge=0)
    worker_watchdog_interval_seconds: float = Field(60.0, gt=0)

    @field_validator("smtp_url")
    @classmethod
    def _smtp_url(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        parse_smtp_url(value.get_secret_value())
        return value

    @field_validator("slack_webhook_url")
    @classmethod
    def _https_webhook(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        parts = urlsplit(value.get_secret_value().strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an http(s) address (https://hooks.slack.com/services/...)")
        return value

    @property
    def smtp_target(self) -> SmtpTarget | None:
        return parse_smtp_url(self.smtp_url.get_secret_value()) if self.smtp_url else None


def email_production_problems(settings: EmailSettings) -> list[str]:
    problems = []
    if settings.email_enabled and settings.email_sender != "smtp":
        problems.append("EMAIL_SENDER must be smtp in production while EMAIL_ENABLED (the log sender drops email)")
    target = settings.smtp_target
    if settings.email_enabled and settings.email_sender == "smtp" and target is None:
        problems.append("SMTP_URL must be set in production while EMAIL_SENDER=smtp")
    if target is not None and not target.use_tls and target.start_tls is False and not is_loopback(target.host):
        problems.append("SMTP_URL must use TLS in production (smtps://, or leave starttls on) unless on loopback")
    webhook = settings.slack_webhook_url
    if webhook is not None and urlsplit(webhook.get_secret_value()).scheme != "https":
        problems.append("SLACK_WEBHOOK_URL must be https:// in production")
    return problems

