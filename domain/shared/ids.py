"""Ids as clients send them: a path or body id is a UUID or nothing (a bad id answers 404 or
422, never a 500)."""

from __future__ import annotations

from uuid import UUID


def as_uuid(value: object) -> UUID | None:
    """`value` as a UUID, or None for anything that is not one."""
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        return None
