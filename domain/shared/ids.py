"""Ids as clients send them: a path or body id is a UUID or nothing (a bad id answers 404 or
422, never a 500)."""

from __future__ import annotations

import os
import re
from uuid import UUID

# A UUID as str(UUID) writes it: 32 lowercase hex digits in groups of 8-4-4-4-12.
_CANONICAL = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").fullmatch


def as_uuid(value: object) -> UUID | None:
    """`value` as a UUID, or None for anything that is not one."""
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        return None


def canonical(value: object) -> str | None:
    """`str(as_uuid(value))`, None for anything that is not a UUID: the text as it is when it is
    already written that way (an id that came out of the database), without parsing it (hot
    paths that pass ids on as text: asyncpg takes text for a uuid parameter)."""
    if type(value) is str and _CANONICAL(value):
        return value
    uid = as_uuid(value)
    return None if uid is None else str(uid)


def uuid4s(count: int) -> list[UUID]:
    """`count` random (version 4) UUIDs, as `uuid4()` makes them, from one read of the system's
    randomness instead of one per id (a batch of notifications numbers each of its rows)."""
    raw = os.urandom(16 * count)
    return [UUID(bytes=raw[start:start + 16], version=4) for start in range(0, 16 * count, 16)]
