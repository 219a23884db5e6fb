"""What each kind of upload may be: the types its bytes may really have, its size cap, how
long it is kept once attached, and whether it is a picture (re-encoded, metadata stripped)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import timedelta

from domain.media.models import UploadKind

JPEG, PNG, WEBP, PDF = "image/jpeg", "image/png", "image/webp", "application/pdf"
IMAGE_TYPES = frozenset({JPEG, PNG, WEBP})
MB = 1024 * 1024


@dataclass(frozen=True)
class KindRule:
    types: frozenset[str]
    max_bytes: int
    retention: timedelta | None  # None: kept as long as its holder keeps it

    def is_image(self, content_type: str) -> bool:
        return content_type in IMAGE_TYPES


DEFAULT_RULES: dict[UploadKind, KindRule] = {
    # Dispute evidence: photos and PDFs, kept two years (chargebacks arrive up to 540 days late).
    UploadKind.EVIDENCE: KindRule(IMAGE_TYPES | {PDF}, 20 * MB, timedelta(days=730)),
    UploadKind.ATTACHMENT: KindRule(IMAGE_TYPES | {PDF}, 20 * MB, timedelta(days=365)),
    UploadKind.LISTING_PHOTO: KindRule(IMAGE_TYPES, 10 * MB, None),
    UploadKind.PROFILE_PHOTO: KindRule(IMAGE_TYPES, 5 * MB, None),
    # Invoices, certificates, insurance: kept seven years (bookkeeping).
    UploadKind.DOCUMENT: KindRule(IMAGE_TYPES | {PDF}, 20 * MB, timedelta(days=7 * 365)),
}


def rules_with(max_bytes: Mapping[str, int], retention_days: Mapping[str, float]) -> dict[UploadKind, KindRule]:
    """The defaults with the settings' overrides (MEDIA_MAX_BYTES, MEDIA_RETENTION_DAYS; a
    retention of 0 keeps an upload as long as its holder does)."""
    rules = dict(DEFAULT_RULES)
    for name, cap in max_bytes.items():
        kind = UploadKind(name)
        rules[kind] = replace(rules[kind], max_bytes=cap)
    for name, days in retention_days.items():
        kind = UploadKind(name)
        rules[kind] = replace(rules[kind], retention=timedelta(days=days) if days > 0 else None)
    return rules
