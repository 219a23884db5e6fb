"""Opaque keyset cursors: the sort key of a page's last row, base64url of `part|part|...`.

Every list that pages by keyset (listings, conversations, bookings, the review queue, the
feed) encodes and decodes here, so a cursor from one API is refused by another's parser only
by shape, and a tampered cursor is a 422 on `cursor`, never a 500.
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Any, Protocol
from uuid import UUID

from domain.shared.errors import ValidationFailed

# A time key older or newer than this is not one the API issued (and would overflow SQL).
YEARS = range(2000, 3000)
INT_LIMIT = 2**63


def encode(*parts: datetime | UUID | int | str) -> str:
    raw = "|".join(part.isoformat() if isinstance(part, datetime) else str(part) for part in parts)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


class Created(Protocol):
    created_at: datetime
    id: UUID


def after_created(row: Created) -> str:
    """The cursor after `row` in a list ordered by (created_at, id), the common case."""
    return encode(row.created_at, row.id)


def moment_and_id(cursor: str) -> tuple[datetime, UUID]:
    moment, row_id = decode(cursor, datetime, UUID)
    return moment, row_id


def decode(cursor: str, *kinds: type) -> tuple[Any, ...]:
    """The parts of `cursor`, each parsed as its kind (datetime, UUID, int or str)."""
    texts = parts(cursor)
    try:
        if len(texts) != len(kinds):
            raise ValueError(cursor)
        return tuple(_parse(text, kind) for text, kind in zip(texts, kinds, strict=True))
    except ValueError:
        raise _refused() from None


def parts(cursor: str) -> list[str]:
    """The raw parts (for a cursor whose first part tells its shape)."""
    try:
        return base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode().split("|")
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise _refused() from None


def _refused() -> ValidationFailed:
    return ValidationFailed(errors=[{"field": "cursor", "message": "not a cursor from this API",
                                     "type": "value_error", "location": "query"}])


def _parse(text: str, kind: type) -> Any:
    if kind is datetime:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if moment.tzinfo is None or moment.year not in YEARS:
            raise ValueError(text)
        return moment
    if kind is UUID:
        return UUID(text)
    if kind is int:
        number = int(text)
        if abs(number) >= INT_LIMIT:
            raise ValueError(text)
        return number
    return text
