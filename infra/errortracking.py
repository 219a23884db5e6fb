"""Error tracking through the Sentry SDK (any Sentry-compatible DSN): off by default.

`init` is called by the composition root when `SENTRY_DSN` is set (app/observability.py);
`report_error` is what adapters call where an unexpected error is turned into a 500 or an
`internal_error` ack. Until `init`, `report_error` returns at once.

No personal data leaves: `send_default_pii` stays off and `data_collection` turns every
category off (no request bodies, headers, cookies, query strings or local variables), the user
is known by id only, and `scrub` (the `before_send` hook) redacts anything that looks like an
e-mail address in what remains.
Each event is tagged with the request id, or the socket's sid, namespace and event, and the
user id, from the structlog context the HTTP middleware and the socket dispatch bind.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, cast

import structlog

if TYPE_CHECKING:
    from sentry_sdk.types import Event

# The SDK is imported only once `init` runs (SENTRY_DSN set): it costs a fifth of a second of
# every process's start-up, and most processes (every test server) never report.

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
REDACTED = "[redacted]"
# structlog context keys that become tags (user_id becomes the event's user).
_TAGGED = ("request_id", "sid", "namespace", "socket_event", "job")
# Of the request, only where it went: bodies, headers, cookies and query strings may hold personal data.
_REQUEST_KEPT = ("method", "url")

_enabled = False


def init(dsn: str, *, environment: str, release: str, sample_rate: float = 1.0) -> None:
    global _enabled
    import sentry_sdk
    from sentry_sdk.integrations.logging import LoggingIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        sample_rate=sample_rate,
        # What integrations may collect on their own: nothing personal. `data_collection`
        # supersedes `send_default_pii` in this SDK (left unset: off; setting both warns).
        data_collection={
            "user_info": False,  # no e-mail, name or address: the id we set is all
            "cookies": {"mode": "off"},
            "http_headers": {"request": {"mode": "off"}},
            "http_bodies": [],
            "url_query_params": {"mode": "off"},
            "database_query_data": False,
            "queues": False,
            "stack_frame_variables": False,  # a frame's locals can hold an e-mail or a token
        },
        # Only what `report_error` sends, plus crashes: the log lines are structured dicts that
        # would arrive as unreadable messages, and library integrations would add request data.
        auto_enabling_integrations=False,
        integrations=[LoggingIntegration(level=None, event_level=None)],
        before_send=scrub,
        before_breadcrumb=lambda crumb, _hint: _scrubbed(crumb),
        traces_sample_rate=None,  # tracing is OpenTelemetry's (app/observability.py)
    )
    _enabled = True


def close(timeout: float = 2.0) -> None:
    """Flush and stop reporting (app shutdown); `report_error` is a no-op afterwards."""
    global _enabled
    if _enabled:
        _enabled = False
        import sentry_sdk

        sentry_sdk.get_client().close(timeout=timeout)  # a closed client sends nothing


def enabled() -> bool:
    return _enabled


def report_error(exc: BaseException, *, user_id: str | None = None, tags: dict[str, str] | None = None) -> None:
    """Send an unexpected error, tagged from the current structlog context (and `tags`)."""
    if not _enabled:
        return
    context = structlog.contextvars.get_contextvars()
    merged = {key: str(context[key]) for key in _TAGGED if context.get(key) is not None}
    merged.update(tags or {})
    user = user_id or context.get("user_id")
    import sentry_sdk

    sentry_sdk.capture_exception(exc, tags=merged, user={"id": str(user)} if user else None)


def scrub(event: Event, _hint: dict[str, Any] | None = None) -> Event:
    """`before_send`: keep the user's id only, the request's method and URL only, and redact
    e-mail addresses anywhere else (an exception message may quote one)."""
    user = event.get("user")
    if isinstance(user, dict):
        event["user"] = {"id": user["id"]} if "id" in user else {}
    request = event.get("request")
    if isinstance(request, dict):
        event["request"] = {key: request[key] for key in _REQUEST_KEPT if key in request}
        if "url" in event["request"]:
            event["request"]["url"] = str(event["request"]["url"]).split("?", 1)[0]
    return cast("Event", _scrubbed(event))


def _scrubbed(value: Any) -> Any:
    if isinstance(value, str):
        return EMAIL.sub(REDACTED, value)
    if isinstance(value, dict):
        return {key: _scrubbed(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_scrubbed(item) for item in value]
    return value
