"""The real type of a file, read from its first bytes (magic numbers), never from what the
client said. Only the types some kind accepts are known; anything else is None."""

from __future__ import annotations

from domain.media.rules import JPEG, PDF, PNG, WEBP

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"%PDF-", PDF),
)


def sniff(head: bytes) -> str | None:
    for magic, content_type in _SIGNATURES:
        if head.startswith(magic):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    return None
