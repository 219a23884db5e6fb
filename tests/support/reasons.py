"""What a 409 or 422 answer must carry: a `details.reason` (ConflictReason) that its OpenAPI
operation lists in `x-reasons` (rest/reasons.py). Pure functions, so the fuzzer's own process
(tests/support/fuzz.py) checks every answer it sees with the same rule as the tests."""

from __future__ import annotations

import functools
import re
from typing import Any

import orjson

STATUSES = (409, 422)


def operation_of(spec: dict[str, Any], method: str, path: str) -> dict[str, Any] | None:
    """The spec's operation serving `method path` (a concrete path, query string ignored)."""
    path = path.split("?", 1)[0]
    for template, operations in spec["paths"].items():
        if _template_pattern(template).match(path) and method.lower() in operations:
            return dict(operations[method.lower()])
    return None


@functools.cache
def _template_pattern(template: str) -> re.Pattern[str]:
    """A path template as a regular expression, compiled once (the fuzzer asks for every answer)."""
    return re.compile("^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "$")


def response_of(spec: dict[str, Any], operation: dict[str, Any], status: int) -> dict[str, Any]:
    """The operation's response for `status`, through a shared `#/components/responses/...`
    reference (rest/openapi_polish.py shares the common shapes, their `x-reasons` included)."""
    response = operation.get("responses", {}).get(str(status), {})
    ref = response.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/components/responses/"):
        return dict(spec["components"]["responses"][ref.rsplit("/", 1)[-1]])
    return dict(response)


def undeclared_reason(spec: dict[str, Any], method: str, path: str, status: int, body: bytes) -> str | None:
    """Why this answer breaks the contract, or None when it keeps it (or is no 409/422)."""
    if status not in STATUSES:
        return None
    operation = operation_of(spec, method, path)
    if operation is None:
        return None  # not an API route (the HTTP layer's own answers)
    try:
        problem = orjson.loads(body)
    except orjson.JSONDecodeError:
        return f"{method} {path} -> {status} without a problem document"
    reason = (problem.get("details") or {}).get("reason") if isinstance(problem, dict) else None
    declared = response_of(spec, operation, status).get("x-reasons", [])
    if reason is None:
        return f"{method} {path} -> {status} {problem.get('code')} without details.reason"
    if reason not in declared:
        return f"{method} {path} -> {status} reason {reason!r} not declared (x-reasons: {declared})"
    return None
