"""Composition of push delivery: the sender the settings select, and the worker."""

from __future__ import annotations

from app.settings import Settings, SettingsError
from push.sender import LogSender, PushSender
from push.worker import CursorSource, PushWorker, WorkerConfig


def make_push_sender(settings: Settings) -> PushSender:
    if settings.push_sender == "fcm":
        from push.fcm import FcmSender  # firebase-admin is only imported where it is used

        key_json = settings.fcm_credentials_json
        try:
            return FcmSender(
                credentials_file=settings.fcm_credentials_file,
                credentials_json=key_json.get_secret_value() if key_json else None,
                project_id=settings.fcm_project_id,
                endpoint=settings.fcm_endpoint,
                timeout=settings.fcm_timeout_seconds,
            )
        except (OSError, ValueError) as exc:  # a missing, unreadable or malformed key: refuse to start
            where = "FCM_CREDENTIALS_JSON" if key_json else "FCM_CREDENTIALS_FILE"
            problem = f"{where}: cannot load the FCM service-account key: {exc}"
            raise SettingsError(f"invalid settings:\n  {problem}") from None
    return LogSender()


def make_push_worker(settings: Settings, cursor: CursorSource) -> PushWorker:
    config = WorkerConfig(
        poll_interval=settings.push_poll_interval_ms / 1000,
        claim_batch=settings.push_claim_batch,
        lease_seconds=settings.push_lease_seconds,
        max_attempts=settings.push_max_attempts,
        max_age_seconds=settings.push_max_age_seconds,
        volatile_max_age_seconds=settings.push_volatile_max_age_seconds,
        backoff_base=settings.push_backoff_base_seconds,
        backoff_max=settings.push_backoff_max_seconds,
        user_rate_per_minute=settings.push_user_rate_per_minute,
        retention_seconds=settings.push_retention_days * 86400,
    )
    return PushWorker(make_push_sender(settings), config, cursor)
