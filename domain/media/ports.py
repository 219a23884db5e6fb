"""What the media service needs from the outside: an object store (S3-compatible in
production, the local disk on the embedded default: infra/media_s3.py, infra/media_disk.py)
and a malware scanner (pass-through by default; tests plug a fake that knows EICAR)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class SignedRequest:
    """A request the client makes itself, straight to the store, until `expires_at`."""

    method: str
    url: str
    expires_at: datetime
    headers: dict[str, str] = field(default_factory=dict)  # to send exactly as given


class ObjectStore(Protocol):
    """Private objects by key. Every URL it signs is short-lived; none is public."""

    async def sign_upload(self, key: str, content_type: str, size: int, ttl_seconds: int) -> SignedRequest: ...

    async def sign_download(self, key: str, content_type: str, filename: str | None,
                            ttl_seconds: int) -> SignedRequest: ...

    async def read(self, key: str, limit: int) -> bytes | None:
        """The object's first `limit` bytes (None: no such object)."""
        ...

    async def write(self, key: str, data: bytes, content_type: str) -> None: ...

    async def delete(self, key: str) -> None:
        """Idempotent: deleting a missing object is no error."""
        ...


@dataclass(frozen=True)
class ScanVerdict:
    clean: bool
    signature: str | None = None  # what was found, for the log and the reason


class MalwareScanner(Protocol):
    async def scan(self, data: bytes) -> ScanVerdict: ...


class PassThroughScanner:
    """The default until a real scanner (ClamAV, a vendor API) is wired: everything passes."""

    async def scan(self, data: bytes) -> ScanVerdict:
        return ScanVerdict(clean=True)
