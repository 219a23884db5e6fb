"""Verification documents, their append-only review history, external check results."""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from tortoise import fields

from domain.shared.orm import Model


class DocumentKind(StrEnum):
    PHOTO_ID = "photo_id"
    INSURANCE = "insurance"  # public liability
    DBS = "dbs"
    ACCREDITATION = "accreditation"  # a trade register: gas_safe, niceic
    BUSINESS_REGISTRATION = "business_registration"


class DocumentState(StrEnum):
    PENDING = "pending"  # submitted, waiting for an admin
    APPROVED = "approved"  # counts towards eligibility until it expires
    REJECTED = "rejected"  # with a reason the submitter sees; they may submit again
    LAPSED = "lapsed"  # approved, then expired (the lapse timer)
    SUPERSEDED = "superseded"  # a newer approved document of the same credential replaced it


class VerificationDocument(Model):
    """One submitted document: the upload (the file, private) and its validated fields.
    `number_sealed` is the document's number, sealed (domain/shared/sealing.py: AES-256-GCM
    envelope bound to this row); `number_last4` is all any view shows of it."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    owner_id: UUID  # the serviceman (or organisation owner, for a business registration)
    owner: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="verification_documents", on_delete=fields.CASCADE)
    organisation_id = fields.UUIDField(null=True)  # business registration: the organisation
    submitted_by_id = fields.UUIDField()  # the owner, or their provider's manager
    kind = fields.CharEnumField(DocumentKind, max_length=32)
    credential = fields.CharField(max_length=32)  # what it proves when approved (catalog Credential)
    state = fields.CharEnumField(DocumentState, max_length=16, default=DocumentState.PENDING)
    upload_id = fields.UUIDField()
    details: Any = fields.JSONField(default=dict)  # the kind's fields, numbers excluded
    number_sealed = fields.TextField(default="")
    number_last4 = fields.CharField(max_length=4, default="")
    expires_at = fields.DatetimeField(null=True)
    reject_reason = fields.TextField(default="")
    assignee_id = fields.UUIDField(null=True)  # the admin working it
    reminders_sent: Any = fields.JSONField(default=list)  # the reminder marks sent: 30, 7, 0 (days)
    # While approved: when the timer next has something to do (a reminder, then the lapse).
    next_due_at = fields.DatetimeField(null=True)
    replaces_id = fields.UUIDField(null=True)  # a re-submission after a rejection, or a renewal
    decided_at = fields.DatetimeField(null=True)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "verification_document"
        indexes = (("state", "created_at"), ("state", "next_due_at"), ("owner", "credential"))


class VerificationReview(Model):
    """The history of a document, append-only: submitted, assigned, approved, rejected, lapsed,
    checked (an external check), with who did it and why."""

    id = fields.IntField(primary_key=True)
    document_id: UUID
    document: fields.ForeignKeyRelation[VerificationDocument] = fields.ForeignKeyField(
        "models.VerificationDocument", related_name="reviews", on_delete=fields.CASCADE)
    action = fields.CharField(max_length=16)
    actor_id = fields.UUIDField(null=True)  # None: the system (the lapse timer)
    reason = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "verification_review"


class ExternalCheck(Model):
    """A result from an external source (an identity provider, the DBS Update Service)."""

    id = fields.IntField(primary_key=True)
    document_id: UUID
    document: fields.ForeignKeyRelation[VerificationDocument] = fields.ForeignKeyField(
        "models.VerificationDocument", related_name="checks", on_delete=fields.CASCADE)
    source = fields.CharField(max_length=32)
    outcome = fields.CharField(max_length=16)  # clear, not_clear, unavailable
    detail = fields.TextField(default="")
    checked_at = fields.DatetimeField()

    class Meta:
        table = "verification_check"
