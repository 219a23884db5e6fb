"""The ack envelope every client event is answered with (PROTOCOL.md section 3):
`{"ok": true, "data": ...}` or `{"ok": false, "error": {"code", "message", "details"?}}`.
Error codes are the same stable strings REST puts in a problem document's `code`."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from domain.shared.errors import (
    UNAVAILABLE_RETRY_AFTER_SECONDS,
    DomainError,
    ErrorCode,
    RateLimited,
    ValidationFailed,
    client_details,
    with_reason,
)
from domain.shared.inputs import MAX_LISTED, capped, too_many_errors
from realtime.wire import to_wire

Ack = dict[str, Any]


def ok(data: Any = None) -> Ack:
    return {"ok": True, "data": to_wire(data)}


def error(code: ErrorCode | str, message: str, details: dict[str, Any] | None = None) -> Ack:
    body: dict[str, Any] = {"code": str(code), "message": message}
    details = with_reason(code, details)  # the same `reason` a REST 409/422 carries
    if details:
        body["details"] = details
    return {"ok": False, "error": body}


def field_errors(exc: ValidationError) -> list[dict[str, Any]]:
    """Pydantic's errors as `{field, message, type}`, without echoing the client's input, and
    not more of them than a REST problem document lists."""
    count = exc.error_count()
    if count > MAX_LISTED:
        return [too_many_errors("payload", count)]
    return capped([
        {"field": ".".join(str(part) for part in item["loc"]), "message": item["msg"], "type": item["type"]}
        for item in exc.errors(include_url=False, include_context=False, include_input=False)
    ], "payload")


def from_validation_error(exc: ValidationError) -> Ack:
    return error(ErrorCode.VALIDATION_FAILED, "The payload is not valid.", {"errors": field_errors(exc)})


def from_domain_error(exc: DomainError) -> Ack:
    details = dict(client_details(exc) or {})
    if isinstance(exc, ValidationFailed) and exc.errors:
        details["errors"] = exc.errors
    if isinstance(exc, RateLimited):
        details["retry_after"] = exc.retry_after
    return error(exc.code, exc.message, details or None)


def internal_error() -> Ack:
    return error(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side.")


def unavailable() -> Ack:
    """A busy or hung database: the client retries after `retry_after` seconds (REST: 503)."""
    return error(ErrorCode.SERVICE_UNAVAILABLE, "The service is busy; retry shortly.",
                 {"retry_after": UNAVAILABLE_RETRY_AFTER_SECONDS})
