"""Which `details.reason`s (ConflictReason, docs/errors.md) a route's 409 and 422 answers can
carry: what the route declares (`reasons=`) plus what the HTTP layer adds (invalid input, the
Idempotency-Key outcomes). OpenAPI lists them per response (`x-reasons` and the description),
and tests hold every answer seen to them."""

from __future__ import annotations

from typing import Any

from domain.shared.errors import ConflictReason, ErrorCode
from rest.routing import Route

R = ConflictReason


def reasons_by_status(route: Route) -> dict[int, tuple[ConflictReason, ...]]:
    """409 and 422 -> the reasons that route may answer them with (a status it cannot answer is absent)."""
    conflict = list(route.reasons) if ErrorCode.CONFLICT in route.errors else []
    invalid: list[ConflictReason] = []
    if route.body is not None or route.query is not None or ErrorCode.VALIDATION_FAILED in route.errors:
        invalid.append(R.INVALID_INPUT)
    if route.idempotent:
        conflict += [R.IN_PROGRESS, R.RESPONSE_LOST]
        invalid.append(R.KEY_REUSED)
    found = {409: tuple(dict.fromkeys(conflict)), 422: tuple(invalid)}
    return {status: reasons for status, reasons in found.items() if reasons}


def declare_reasons(route: Route, responses: dict[str, Any]) -> None:
    """Name, on the route's 409 and 422 responses of its OpenAPI operation, the reasons they can
    carry: `x-reasons` (a list a generator or a test reads) and a sentence for people."""
    for status, reasons in reasons_by_status(route).items():
        response = responses.get(str(status))
        if response is None:
            continue
        values = [reason.value for reason in reasons]
        response["x-reasons"] = values
        response["description"] += " `details.reason` is one of: " + ", ".join(values) + " (ConflictReason)."
