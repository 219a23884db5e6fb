"""What callers get back: an upload's metadata (never its bytes, never a storage key)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.media.models import Upload
from domain.media.ports import SignedRequest


@dataclass(frozen=True)
class UploadView:
    id: str
    kind: str
    state: str
    filename: str | None
    content_type: str  # the real type once confirmed, the declared one before
    size: int  # what is stored once confirmed (a re-encoded picture), the declared size before
    sha256: str  # of the bytes the owner uploaded
    width: int | None
    height: int | None
    reject_reason: str | None
    attached: bool
    created_at: datetime
    confirmed_at: datetime | None
    version: int

    @classmethod
    def of(cls, upload: Upload) -> UploadView:
        return cls(id=str(upload.id), kind=upload.kind.value, state=upload.state.value, filename=upload.filename,
                   content_type=upload.content_type or upload.declared_type,
                   size=upload.size if upload.size is not None else upload.declared_size, sha256=upload.sha256,
                   width=upload.width, height=upload.height, reject_reason=upload.reject_reason,
                   attached=upload.attached_to is not None, created_at=upload.created_at,
                   confirmed_at=upload.confirmed_at, version=upload.version)


@dataclass(frozen=True)
class Declared:
    upload: UploadView
    put: SignedRequest  # where and how to send the bytes, until it expires
