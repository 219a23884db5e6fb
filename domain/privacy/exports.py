"""The data-subject export request (GDPR Art. 15 access, Art. 20 portability): its entity.

A user asks (`requested`), a background job builds the bundle (`building`) from the registry
(domain/privacy/bundle.py), stores it through the media store and tells them (`ready`, with
`expires_at`); past that the object is deleted (`expired`). A build that keeps failing ends
`failed`. One export at a time is open (requested or building) per user: `open_for` holds the
user's id while it is, and is unique (NULL otherwise), so two racing requests make one row.

Kept apart from the erasure and admin queue of data-subject requests (the lead links them); the
use cases are in domain/privacy/export_service.py. Only the model lives here, so
app/db.py can list this module without Tortoise discovering anyone else's models in it.
"""

from __future__ import annotations

from enum import StrEnum
from uuid import uuid4

from tortoise import fields

from domain.shared.orm import Model


class ExportState(StrEnum):
    REQUESTED = "requested"  # waiting for the job
    BUILDING = "building"  # claimed by a job run (a stale claim goes back to requested)
    READY = "ready"  # the bundle is stored: download links until expires_at
    EXPIRED = "expired"  # past expires_at: the bundle is deleted
    FAILED = "failed"  # the build failed MAX_ATTEMPTS times


OPEN_STATES = (ExportState.REQUESTED, ExportState.BUILDING)


class PrivacyExport(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    # A user id; no foreign key (like uploads): the request outlives nothing it points at.
    user_id = fields.UUIDField(db_index=True)
    state = fields.CharEnumField(ExportState, max_length=16, default=ExportState.REQUESTED)
    # The user's id while requested or building, NULL after: unique, so one open export per user.
    open_for = fields.UUIDField(null=True, unique=True)
    region = fields.CharField(max_length=40, null=True, description="the user's data region when requested")
    attempts = fields.IntField(default=0)
    requested_at = fields.DatetimeField()
    claimed_at = fields.DatetimeField(null=True)
    ready_at = fields.DatetimeField(null=True)
    expires_at = fields.DatetimeField(null=True)
    failed_at = fields.DatetimeField(null=True)
    failure = fields.CharField(max_length=200, null=True, description="the last build error's type")
    # The stored bundle: exports/<region>/<id> in the media store, its size and digest.
    storage_key = fields.CharField(max_length=120, null=True)
    size = fields.BigIntField(null=True)
    sha256 = fields.CharField(max_length=64, null=True)
    version = fields.IntField(default=1)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "privacy_export"
        indexes = (("state", "expires_at"),)
