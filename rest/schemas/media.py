"""Wire shapes of uploads (issue 14, docs/uploads.md)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from domain.media.models import UploadKind
from domain.media.ports import SignedRequest
from domain.media.views import Declared, UploadView
from domain.shared.clock import isoformat
from rest.schemas.common import Instant, StrictIn

Kind = Literal["evidence", "attachment", "listing_photo", "profile_photo", "document"]
FILENAME = r"^[^\x00-\x1f/\\]+$"


class UploadIn(StrictIn):
    kind: Kind = Field(description="What the file is for; it decides the allowed types and the size cap.")
    content_type: str = Field(min_length=1, max_length=100, pattern=r"^[a-z]+/[a-z0-9.+-]+$", examples=["image/jpeg"],
                              description="The type the file is; checked against its bytes on confirm.")
    size: int = Field(ge=1, le=2**40, description="Bytes; checked on confirm.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="Hex SHA-256 of the bytes; checked on confirm.",
                        examples=["e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"])
    filename: str | None = Field(None, min_length=1, max_length=200, pattern=FILENAME)


class UploadOut(BaseModel):
    id: str
    kind: UploadKind
    state: Literal["pending", "ready", "rejected", "deleted"]
    filename: str | None
    content_type: str = Field(description="Read from the bytes once ready; the declared type before.")
    size: int = Field(description="Of what is stored once ready (pictures are re-encoded).")
    sha256: str = Field(description="Of the bytes the owner uploaded.")
    width: int | None
    height: int | None
    reject_reason: str | None = Field(description="too_large, size_mismatch, checksum_mismatch, type_not_allowed, "
                                                  "type_mismatch, not_an_image, malware")
    attached: bool
    created_at: Instant
    confirmed_at: Instant | None
    version: int

    @classmethod
    def of(cls, view: UploadView) -> UploadOut:
        return cls(id=view.id, kind=view.kind, state=view.state,  # type: ignore[arg-type]
                   filename=view.filename, content_type=view.content_type, size=view.size, sha256=view.sha256,
                   width=view.width, height=view.height, reject_reason=view.reject_reason, attached=view.attached,
                   created_at=isoformat(view.created_at),
                   confirmed_at=isoformat(view.confirmed_at) if view.confirmed_at else None, version=view.version)


class SignedOut(BaseModel):
    method: Literal["PUT", "GET"]
    url: str = Field(description="Absolute (S3) or relative to this API (the local store).")
    headers: dict[str, str] = Field(description="Send exactly these headers with the request.")
    expires_at: Instant

    @classmethod
    def of(cls, signed: SignedRequest) -> SignedOut:
        return cls(method=signed.method, url=signed.url,  # type: ignore[arg-type]
                   headers=signed.headers, expires_at=isoformat(signed.expires_at))


class DeclaredOut(BaseModel):
    upload: UploadOut
    put: SignedOut = Field(description="Where to send the bytes (once), before it expires; then confirm.")

    @classmethod
    def of(cls, declared: Declared) -> DeclaredOut:
        return cls(upload=UploadOut.of(declared.upload), put=SignedOut.of(declared.put))
