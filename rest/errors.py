"""RFC 9457 problem documents: the one shape of every HTTP error, and the one table that maps
an ErrorCode to an HTTP status. Clients branch on `code`; `detail` is for humans."""

from __future__ import annotations

import math
from http import HTTPStatus
from typing import Any

import structlog
from aiohttp import web
from pydantic import BaseModel, ConfigDict, ValidationError

from domain.shared.errors import (
    UNAVAILABLE_RETRY_AFTER_SECONDS,
    ConflictReason,
    DomainError,
    ErrorCode,
    RateLimited,
    SwitchedOff,
    ValidationFailed,
    client_details,
    is_unavailable,
    with_reason,
)
from infra.errortracking import report_error
from rest.deps import REQUEST_ID
from rest.metrics import route_label
from rest.responses import dumps

log = structlog.get_logger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://fieldsync.dev/problems/"

# The only ErrorCode -> HTTP status table (realtime maps the same codes to socket acks).
STATUS_BY_CODE: dict[ErrorCode, int] = {
    ErrorCode.VALIDATION_FAILED: 422,
    ErrorCode.BAD_REQUEST: 400,
    ErrorCode.MALFORMED_JSON: 400,
    ErrorCode.UNAUTHORIZED: 401,
    ErrorCode.TOKEN_EXPIRED: 401,
    ErrorCode.INVALID_CREDENTIALS: 401,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.METHOD_NOT_ALLOWED: 405,
    ErrorCode.CONFLICT: 409,
    ErrorCode.GONE: 410,
    ErrorCode.RESYNC_REQUIRED: 410,
    ErrorCode.PAYLOAD_TOO_LARGE: 413,
    ErrorCode.UNSUPPORTED_MEDIA_TYPE: 415,
    ErrorCode.RATE_LIMITED: 429,
    ErrorCode.SERVICE_UNAVAILABLE: 503,
    ErrorCode.INTERNAL_ERROR: 500,
    ErrorCode.IDEMPOTENCY_KEY_INVALID: 400,
    ErrorCode.IDEMPOTENCY_KEY_REUSED: 422,
    ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS: 409,
    ErrorCode.IDEMPOTENCY_RESPONSE_LOST: 409,
    ErrorCode.MFA_ENROLMENT_REQUIRED: 403,
    ErrorCode.MFA_REQUIRED: 403,
    ErrorCode.MFA_STEP_UP_REQUIRED: 403,
    ErrorCode.CSRF_FAILED: 403,
    ErrorCode.MAINTENANCE: 503,
    ErrorCode.FEATURE_DISABLED: 503,
    ErrorCode.UPGRADE_REQUIRED: 426,
}
_missing = set(ErrorCode) - set(STATUS_BY_CODE)
assert not _missing, f"ErrorCode without an HTTP status: {_missing}"  # fail at import, not in production

# aiohttp raises its own HTTPExceptions (routing, body size); give them our codes.
_CODE_BY_HTTP_STATUS: dict[int, ErrorCode] = {
    400: ErrorCode.BAD_REQUEST,
    401: ErrorCode.UNAUTHORIZED,
    403: ErrorCode.FORBIDDEN,
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.METHOD_NOT_ALLOWED,
    409: ErrorCode.CONFLICT,
    410: ErrorCode.GONE,
    413: ErrorCode.PAYLOAD_TOO_LARGE,
    415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    422: ErrorCode.VALIDATION_FAILED,
    429: ErrorCode.RATE_LIMITED,
    503: ErrorCode.SERVICE_UNAVAILABLE,
}

_DEFAULT_DETAIL: dict[ErrorCode, str] = {
    ErrorCode.BAD_REQUEST: "The request is not valid.",
    ErrorCode.NOT_FOUND: "No resource at this address.",
    ErrorCode.METHOD_NOT_ALLOWED: "This method is not allowed on this resource.",
    ErrorCode.PAYLOAD_TOO_LARGE: "The request body is too large.",
    ErrorCode.UNSUPPORTED_MEDIA_TYPE: "The request body must be application/json.",
    ErrorCode.SERVICE_UNAVAILABLE: "The service is temporarily unavailable.",
    ErrorCode.INTERNAL_ERROR: "An unexpected error occurred.",
}


class FieldError(BaseModel):
    """One invalid input: where (`field`, dotted; `location`: body, query or path), what and why."""

    model_config = ConfigDict(extra="allow")

    field: str
    message: str
    type: str
    location: str | None = None


class ProblemDetails(BaseModel):
    """Machine-readable context of a problem. Every 409 and 422 carries `reason` (what the app does
    about it, docs/errors.md); the other members depend on the situation (`version`, `state`, ...)."""

    model_config = ConfigDict(extra="allow", title="ProblemDetails")

    reason: ConflictReason | None = None
    cause: str | None = None  # the finer why behind `reason`, where there is one (open set)


class Problem(BaseModel):
    """RFC 9457 problem document; `code` is the stable machine-readable part."""

    model_config = ConfigDict(title="Problem")

    type: str
    title: str
    status: int
    detail: str
    code: ErrorCode
    request_id: str
    errors: list[FieldError] | None = None
    details: ProblemDetails | None = None


class HttpProblem(DomainError):
    """An error that only exists at the HTTP edge (malformed JSON, media type, body size)."""

    def __init__(
        self,
        code: ErrorCode,
        detail: str | None = None,
        *,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail or _DEFAULT_DETAIL.get(code, "The request could not be processed."))
        self.code = code
        self.errors = errors
        self.headers = headers or {}


def field_errors(exc: ValidationError, location: str) -> list[dict[str, Any]]:
    """Pydantic errors as FieldErrors; never echo the input (it may be a password)."""
    return [
        {
            "field": ".".join(str(part) for part in error["loc"]) or location,
            "message": error["msg"],
            "type": error["type"],
            "location": location,
        }
        for error in exc.errors(include_url=False, include_input=False, include_context=False)
    ]


def problem_response(
    request: web.Request,
    code: ErrorCode,
    detail: str,
    *,
    status: int | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    details: dict[str, Any] | None = None,
) -> web.Response:
    status = status or STATUS_BY_CODE[code]
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + code.value,
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "code": code.value,
        "request_id": request.get(REQUEST_ID, ""),
    }
    if errors is not None:
        body["errors"] = errors
    details = with_reason(code, details)  # every 409 and 422 says why (ConflictReason, docs/errors.md)
    if details:
        body["details"] = details  # RFC 9457 extension member: machine-readable context from the domain
    response = web.Response(body=dumps(body), status=status, headers=headers)
    response.content_type = PROBLEM_CONTENT_TYPE
    return response


def _from_domain(request: web.Request, exc: DomainError) -> web.Response:
    status = STATUS_BY_CODE[exc.code]
    if status >= 500 and not isinstance(exc, SwitchedOff):  # a deliberate 503 keeps its message and details
        log.error("domain_error", code=exc.code.value, error=exc.message)
        return problem_response(request, exc.code, _DEFAULT_DETAIL.get(exc.code, "An unexpected error occurred."))
    headers = dict(getattr(exc, "headers", None) or {})
    if isinstance(exc, RateLimited | SwitchedOff):
        headers["Retry-After"] = str(max(1, math.ceil(exc.retry_after)))
    if status == 401:
        # RFC 9110: a 401 carries a challenge. RFC 6750 names the scheme.
        headers.setdefault("WWW-Authenticate", 'Bearer realm="fieldsync"')
    errors = exc.errors if isinstance(exc, (ValidationFailed, HttpProblem)) else None
    if errors:  # every item says why (FieldError.type), also when a domain rule forgot to
        errors = [{"type": "invalid", **error} if "type" not in error else error for error in errors]
    return problem_response(request, exc.code, exc.message, errors=errors, headers=headers,
                            details=client_details(exc))


def _from_http(request: web.Request, exc: web.HTTPException) -> web.Response:
    fallback = ErrorCode.BAD_REQUEST if exc.status < 500 else ErrorCode.INTERNAL_ERROR
    code = _CODE_BY_HTTP_STATUS.get(exc.status, fallback)
    headers: dict[str, str] = {}
    if isinstance(exc, web.HTTPMethodNotAllowed):
        headers["Allow"] = ", ".join(sorted(exc.allowed_methods))
    if exc.status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="fieldsync"'
    if "Retry-After" in exc.headers:
        headers["Retry-After"] = exc.headers["Retry-After"]
    detail = _DEFAULT_DETAIL.get(code, HTTPStatus(exc.status).phrase)
    return problem_response(request, code, detail, status=exc.status, headers=headers)


@web.middleware
async def problem_middleware(request: web.Request, handler: Any) -> web.StreamResponse:
    """Turn every error into a problem document; nothing internal leaks into a response."""
    try:
        response: web.StreamResponse = await handler(request)
        return response
    except DomainError as exc:
        return _from_domain(request, exc)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise  # redirects and raised 2xx are answers, not errors
        return _from_http(request, exc)
    except Exception as exc:
        if is_unavailable(exc):  # a busy or hung database: the client retries later, nothing hangs
            log.warning("service_unavailable", route=route_label(request), error=f"{type(exc).__name__}: {exc}")
            return problem_response(request, ErrorCode.SERVICE_UNAVAILABLE,
                                    "The service is busy; retry shortly.",
                                    headers={"Retry-After": str(UNAVAILABLE_RETRY_AFTER_SECONDS)})
        log.exception("unhandled_error", method=request.method, route=route_label(request))
        report_error(exc, tags={"route": route_label(request)})  # request id and user id: bound in the context
        return problem_response(request, ErrorCode.INTERNAL_ERROR, _DEFAULT_DETAIL[ErrorCode.INTERNAL_ERROR])
