"""Opaque keyset cursors over (moment, id) for the conversation list and the review queue."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from uuid import UUID

from domain.shared.errors import ValidationFailed


def encode(moment: datetime, row_id: UUID) -> str:
    raw = f"{moment.isoformat()}|{row_id}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str) -> tuple[datetime, UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at, _, last = raw.partition("|")
        moment = datetime.fromisoformat(at)
        if moment.tzinfo is None:
            raise ValueError(at)
        return moment, UUID(last)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise ValidationFailed(errors=[{"field": "cursor", "message": "not a cursor from this API",
                                        "type": "value_error", "location": "query"}]) from None
