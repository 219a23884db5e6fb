"""Composition of email delivery and operator alerts: the sender and the alert destinations the
settings select, the worker, the bounce and complaint inbox."""

from __future__ import annotations

from redis.asyncio import Redis

from app.settings import Settings
from domain.notifications.email import EmailFeedbackInbox
from domain.shared.alerts import AlertGate, Deduplicated, Fanout, LogAlerts, MemoryGate, OperatorAlerts
from domain.shared.sealing import Pseudonyms
from infra.alert_gate import RedisAlertGate
from infra.dependencies import RedisHealth
from push.email_sender import EmailSender, LogEmailSender
from push.email_worker import EmailWorker, EmailWorkerConfig
from push.slack import SlackWebhookAlerts
from push.smtp import SmtpSender


def make_email_sender(settings: Settings) -> EmailSender:
    target = settings.smtp_target
    if settings.email_sender == "smtp" and target is not None:
        return SmtpSender(host=target.host, port=target.port, sender=settings.email_from, username=target.username,
                          password=target.password, use_tls=target.use_tls, start_tls=target.start_tls,
                          timeout=settings.smtp_timeout_seconds)
    return LogEmailSender()


def make_email_worker(settings: Settings, pseudonyms: Pseudonyms, sender: EmailSender | None = None) -> EmailWorker:
    config = EmailWorkerConfig(
        poll_interval=settings.email_poll_interval_ms / 1000, claim_batch=settings.email_claim_batch,
        lease_seconds=settings.email_lease_seconds, max_attempts=settings.email_max_attempts,
        max_age_seconds=settings.email_max_age_seconds, backoff_base=settings.email_backoff_base_seconds,
        backoff_max=settings.email_backoff_max_seconds, retention_seconds=settings.email_retention_days * 86400)
    return EmailWorker(sender or make_email_sender(settings), config, pseudonyms)


def make_email_feedback(settings: Settings, pseudonyms: Pseudonyms) -> EmailFeedbackInbox:
    secret = settings.email_webhook_secret
    return EmailFeedbackInbox(secret.get_secret_value() if secret else None, pseudonyms)


def make_alerts(settings: Settings, redis: Redis | None, health: RedisHealth | None,
                destination: OperatorAlerts | None = None) -> OperatorAlerts:
    """The log always; Slack when configured (or the destination a test hands in); the same
    alert once per ALERT_DEDUPE_WINDOW_SECONDS across the deployment (on Redis when there is one)."""
    destinations: list[OperatorAlerts] = [LogAlerts()]
    if destination is not None:
        destinations.append(destination)
    elif settings.slack_webhook_url is not None:
        destinations.append(SlackWebhookAlerts(settings.slack_webhook_url.get_secret_value(),
                                               settings.slack_timeout_seconds))
    gate: AlertGate = RedisAlertGate(redis, health) if redis is not None and health is not None else MemoryGate()
    return Deduplicated(Fanout(*destinations), gate, settings.alert_dedupe_window_seconds)
