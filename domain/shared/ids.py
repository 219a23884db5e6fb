"""Ids as clients send them: a path or body id is a UUID or nothing (a bad id answers 404 or
422, never a 500)."""

from __future__ import annotations

import os
from uuid import UUID


def as_uuid(value: object) -> UUID | None:
    """`value` as a UUID, or None for anything that is not one."""
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        return None


def uuid4s(count: int) -> list[UUID]:
    """`count` random (version 4) UUIDs, as `uuid4()` makes them, from one read of the system's
    randomness instead of one per id (a batch of notifications numbers each of its rows)."""
    raw = os.urandom(16 * count)
    return [UUID(bytes=raw[start:start + 16], version=4) for start in range(0, 16 * count, 16)]
