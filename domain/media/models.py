"""An upload: declared by its owner, confirmed once its bytes passed the checks, attached to
at most one holder (a message, a profile, a dispute's evidence...), deleted by the sweeps."""

from __future__ import annotations

from enum import StrEnum
from uuid import uuid4

from tortoise import fields

from domain.shared.orm import Model


class UploadKind(StrEnum):
    EVIDENCE = "evidence"
    ATTACHMENT = "attachment"
    LISTING_PHOTO = "listing_photo"
    PROFILE_PHOTO = "profile_photo"
    DOCUMENT = "document"


class UploadState(StrEnum):
    PENDING = "pending"  # declared; the bytes may or may not have arrived
    READY = "ready"  # confirmed: checked, cleaned, stored privately
    REJECTED = "rejected"  # the bytes failed a check; nothing of them is kept
    DELETED = "deleted"  # swept (an orphan, or past its retention): the object is gone


class Upload(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    # A user id; no foreign key, so media stays below every context that attaches uploads.
    owner_id = fields.UUIDField(db_index=True)
    kind = fields.CharEnumField(UploadKind, max_length=16)
    state = fields.CharEnumField(UploadState, max_length=16, default=UploadState.PENDING)
    filename = fields.CharField(max_length=200, null=True)
    declared_type = fields.CharField(max_length=100)
    declared_size = fields.BigIntField()
    sha256 = fields.CharField(max_length=64, description="hex SHA-256 of the bytes the owner uploaded")
    # Known once confirmed: the type read from the bytes, and what is stored (images re-encoded).
    content_type = fields.CharField(max_length=100, null=True)
    size = fields.BigIntField(null=True)
    width = fields.IntField(null=True)
    height = fields.IntField(null=True)
    reject_reason = fields.CharField(max_length=64, null=True)
    # "<holder kind>:<id>" (message:..., profile:..., dispute:...): who may read it follows the holder.
    attached_to = fields.CharField(max_length=120, null=True)
    attached_at = fields.DatetimeField(null=True)
    confirmed_at = fields.DatetimeField(null=True)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "upload"
        indexes = (("state", "created_at"), ("kind", "state", "attached_at"))

    @property
    def staging_key(self) -> str:
        return f"staging/{self.id}"

    @property
    def object_key(self) -> str:
        return f"objects/{self.id}"
