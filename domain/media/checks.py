"""The checks an upload's bytes pass before it is kept, in order: the declared size and
checksum, the real type (magic numbers) against the kind's allow-list and the declaration, the
size cap, the malware scan, and for pictures a full decode and re-encode without metadata."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
from dataclasses import dataclass

from domain.media.images import NotAnImage, reencode
from domain.media.models import Upload
from domain.media.ports import MalwareScanner
from domain.media.rules import KindRule
from domain.media.sniff import sniff


@dataclass(frozen=True)
class Checked:
    data: bytes  # what is stored: the re-encoded picture, or the bytes as uploaded
    content_type: str
    width: int | None = None
    height: int | None = None


class Refused(Exception):
    """The bytes failed a check; `reason` is a stable code clients may show."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason, self.message = reason, message


async def check(upload: Upload, data: bytes, rule: KindRule, scanner: MalwareScanner) -> Checked:
    if len(data) > rule.max_bytes:
        raise Refused("too_large", f"the file is larger than {rule.max_bytes} bytes")
    if len(data) != upload.declared_size:
        raise Refused("size_mismatch", f"{len(data)} bytes arrived, {upload.declared_size} were declared")
    if not hmac.compare_digest(hashlib.sha256(data).hexdigest(), upload.sha256):
        raise Refused("checksum_mismatch", "the bytes do not match the declared sha256")
    real = sniff(data[:16])
    if real is None or real not in rule.types:
        raise Refused("type_not_allowed", f"a {upload.kind.value} must be one of {', '.join(sorted(rule.types))}")
    if real != upload.declared_type:
        raise Refused("type_mismatch", f"the bytes are {real}, {upload.declared_type} was declared")
    verdict = await scanner.scan(data)
    if not verdict.clean:
        raise Refused("malware", "the file was refused by the malware scan")
    if not rule.is_image(real):
        return Checked(data, real)
    try:
        cleaned = await asyncio.to_thread(reencode, data, real)
    except NotAnImage:
        raise Refused("not_an_image", f"the bytes start like {real} but are not a picture") from None
    if len(cleaned.data) > rule.max_bytes:
        raise Refused("too_large", f"the file is larger than {rule.max_bytes} bytes")
    return Checked(cleaned.data, real, cleaned.width, cleaned.height)
