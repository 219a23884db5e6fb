"""One place that says what time it is, so tests can move it."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


def isoformat(moment: datetime) -> str:
    """RFC 3339 UTC with a Z, the only timestamp shape clients see."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
