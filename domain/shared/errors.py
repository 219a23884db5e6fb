"""Typed errors with stable codes. Adapters map a code to an HTTP status (rest/errors.py)
and to a socket ack (realtime/base.py); clients and tests rely on `code`, never on text."""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    VALIDATION_FAILED = "validation_failed"
    BAD_REQUEST = "bad_request"
    MALFORMED_JSON = "malformed_json"
    UNAUTHORIZED = "unauthorized"
    TOKEN_EXPIRED = "token_expired"  # noqa: S105 - a code, not a secret: a socket's token ran out
    INVALID_CREDENTIALS = "invalid_credentials"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    CONFLICT = "conflict"
    GONE = "gone"
    RESYNC_REQUIRED = "resync_required"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    RATE_LIMITED = "rate_limited"
    SERVICE_UNAVAILABLE = "service_unavailable"
    INTERNAL_ERROR = "internal_error"
    # The Idempotency-Key header (domain/shared/idempotency.py, docs/idempotency.md).
    IDEMPOTENCY_KEY_INVALID = "idempotency_key_invalid"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    IDEMPOTENCY_KEY_IN_PROGRESS = "idempotency_key_in_progress"
    IDEMPOTENCY_RESPONSE_LOST = "idempotency_response_lost"
    # Multi-factor authentication and the web cookie mode (domain/accounts/mfa.py, docs/security.md): 403s.
    MFA_ENROLMENT_REQUIRED = "mfa_enrolment_required"  # an admin without a second factor: enrol first
    MFA_REQUIRED = "mfa_required"  # this login has no second factor yet: send a code (challenge or step-up)
    MFA_STEP_UP_REQUIRED = "mfa_step_up_required"  # a sensitive change needs a code from the last minutes
    CSRF_FAILED = "csrf_failed"  # a cookie-authenticated request without the CSRF token, or cross-site
    # The control plane (domain/flags, docs/flags.md): switched off by operators, or too old an app.
    MAINTENANCE = "maintenance"  # 503 + Retry-After: writes are paused, reads work
    FEATURE_DISABLED = "feature_disabled"  # 503 + Retry-After: a kill switch holds this action
    UPGRADE_REQUIRED = "upgrade_required"  # 426: the app is older than the minimum for its platform


class ConflictReason(StrEnum):
    """Why a request was refused with 409 or 422, as `details.reason` (docs/errors.md): one value
    per thing an app does about it. Closed: a new situation maps to one of these; add a value only
    for a new UI action (and document it). The finer why, where there is one, is `details.cause`."""

    STALE_VERSION = "stale_version"  # changed since read: reload, reapply the edit
    INVALID_TRANSITION = "invalid_transition"  # its state does not allow this any more: refresh, show it
    SLOT_TAKEN = "slot_taken"  # the time or serviceman is taken: pick another
    DUPLICATE = "duplicate"  # it exists already: open the existing one
    CLOSED = "closed"  # no longer takes bids, comments, answers or decisions: show it closed
    EXPIRED = "expired"  # a deadline passed: start again, ask for a new one
    LIMIT_REACHED = "limit_reached"  # a cap on how many: finish or wait for some first
    AMOUNT_OUT_OF_RANGE = "amount_out_of_range"  # more (or less) than possible: offer the bound in details
    NOT_ELIGIBLE = "not_eligible"  # a step must come first (pay, onboard, upload): lead there
    NOT_ALLOWED = "not_allowed"  # a rule refuses this however often you retry: explain, hide the action
    PAYMENT_DECLINED = "payment_declined"  # the payment provider said no: another payment method
    INVALID_INPUT = "invalid_input"  # 422 validation_failed: fix the fields in `errors`
    KEY_REUSED = "key_reused"  # 422 idempotency_key_reused: a new action needs a new key
    IN_PROGRESS = "in_progress"  # 409 idempotency_key_in_progress: retry later with the same key
    RESPONSE_LOST = "response_lost"  # 409 idempotency_response_lost: read the resource, do not retry


class DomainError(Exception):
    code: ErrorCode = ErrorCode.INTERNAL_ERROR
    default_message = "Something went wrong."
    reason: ConflictReason | None = None  # set on every 409 and 422 (tests/test_conflict_reasons.py)

    def __init__(self, message: str | None = None, *, details: dict[str, Any] | None = None) -> None:
        self.message = message or self.default_message
        self.details = details
        super().__init__(self.message)


class ValidationFailed(DomainError):
    code = ErrorCode.VALIDATION_FAILED
    default_message = "The request is not valid."
    reason = ConflictReason.INVALID_INPUT

    def __init__(self, message: str | None = None, *, errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []


class Unauthorized(DomainError):
    code = ErrorCode.UNAUTHORIZED
    default_message = "Authentication is required."


class InvalidCredentials(DomainError):
    code = ErrorCode.INVALID_CREDENTIALS
    default_message = "The email or password is not correct."


class Forbidden(DomainError):
    code = ErrorCode.FORBIDDEN
    default_message = "You are not allowed to do that."


class MfaEnrolmentRequired(Forbidden):
    code = ErrorCode.MFA_ENROLMENT_REQUIRED
    default_message = "This account must enrol a second factor (POST /v1/me/mfa/totp) before it may do that."


class MfaRequired(Forbidden):
    code = ErrorCode.MFA_REQUIRED
    default_message = "This login has not proven a second factor: send a code to POST /v1/auth/step-up."


class MfaStepUpRequired(Forbidden):
    code = ErrorCode.MFA_STEP_UP_REQUIRED
    default_message = "This change needs a recent second factor: send a code to POST /v1/auth/step-up first."


class CsrfFailed(Forbidden):
    code = ErrorCode.CSRF_FAILED
    default_message = "The request came from another site or without its CSRF token."


class NotFound(DomainError):
    code = ErrorCode.NOT_FOUND
    default_message = "Not found."


class Conflict(DomainError):
    """`reason` is required: it is what an app branches on (the message is for people)."""

    code = ErrorCode.CONFLICT
    default_message = "The resource changed or is in a state that does not allow this."

    def __init__(self, message: str | None = None, *, reason: ConflictReason,
                 details: dict[str, Any] | None = None) -> None:
        super().__init__(message, details=details)
        self.reason = reason


# The reason of the codes that always mean the same thing (raised at the HTTP or socket edge
# rather than as a DomainError, they still carry it).
REASON_BY_CODE: dict[ErrorCode, ConflictReason] = {
    ErrorCode.VALIDATION_FAILED: ConflictReason.INVALID_INPUT,
    ErrorCode.IDEMPOTENCY_KEY_REUSED: ConflictReason.KEY_REUSED,
    ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS: ConflictReason.IN_PROGRESS,
    ErrorCode.IDEMPOTENCY_RESPONSE_LOST: ConflictReason.RESPONSE_LOST,
}
_CODES = frozenset(code.value for code in ErrorCode)


def with_reason(code: ErrorCode | str, details: dict[str, Any] | None,
                reason: ConflictReason | None = None) -> dict[str, Any] | None:
    """`details` as a client gets them: `reason` first when the error has one (its own, or the
    one its code always means)."""
    if reason is None and str(code) in _CODES:
        reason = REASON_BY_CODE.get(ErrorCode(str(code)))
    if reason is None:
        return details
    return {"reason": reason.value, **{k: v for k, v in (details or {}).items() if k != "reason"}}


def client_details(exc: DomainError) -> dict[str, Any] | None:
    """A domain error's machine-readable details as REST, socket acks and sync push send them."""
    return with_reason(exc.code, exc.details, exc.reason)


class Gone(DomainError):
    code = ErrorCode.GONE
    default_message = "This no longer exists."


class RateLimited(DomainError):
    code = ErrorCode.RATE_LIMITED
    default_message = "Too many requests; slow down."

    def __init__(self, retry_after: float, message: str | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class SwitchedOff(DomainError):
    """Refused on purpose for a while (maintenance, a kill switch): a 503 that keeps its message,
    `details` and `Retry-After`, unlike an accidental one (rest/errors.py)."""

    def __init__(self, message: str | None = None, *, retry_after: int, details: dict[str, Any] | None = None) -> None:
        super().__init__(message, details={**(details or {}), "retry_after": retry_after})
        self.retry_after = retry_after


class Maintenance(SwitchedOff):
    code = ErrorCode.MAINTENANCE
    default_message = "Fieldsync is under maintenance: changes are paused, reading works."


class FeatureDisabled(SwitchedOff):
    code = ErrorCode.FEATURE_DISABLED
    default_message = "This feature is switched off for now."


class UpgradeRequired(DomainError):
    """`details`: `platform`, `minimum_version`, `store_url` (from config, docs/flags.md)."""

    code = ErrorCode.UPGRADE_REQUIRED
    default_message = "This version of the app is no longer supported: please update it."


# A busy or hung database (issue 11, item 10): what the adapters answer 503 with Retry-After for,
# instead of a 500 or a hang. TimeoutError covers a pool with no free connection and a statement
# bounded client-side; the SQLSTATEs are PostgreSQL's "try again later" ones: query_canceled
# (statement_timeout), lock_not_available (lock_timeout), cannot_connect_now, too_many_connections.
UNAVAILABLE_RETRY_AFTER_SECONDS = 5
_RETRYABLE_SQLSTATES = frozenset({"57014", "55P03", "57P03", "53300"})


def is_unavailable(exc: BaseException) -> bool:
    """True when `exc` (or what it was raised from: ORMs wrap driver errors) means the
    database is busy or not answering, so the same request may well work a little later."""
    current: BaseException | None = exc
    for _depth in range(8):
        if current is None:
            return False
        if isinstance(current, TimeoutError) or getattr(current, "sqlstate", None) in _RETRYABLE_SQLSTATES:
            return True
        current = current.__cause__
    return False
