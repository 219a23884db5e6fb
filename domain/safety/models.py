"""Trust and safety: reports, the one moderation queue, its decisions, suspensions with an end,
and payments held for review by the fraud rules.

One queue item per reported or flagged thing (unique (subject_kind, subject_id)): reports,
screen hits, listings waiting for review and reported reviews all add to it, so several reports
of the same thing are one item with a count.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from tortoise import fields

from domain.shared.orm import Model


class SubjectKind(StrEnum):
    MESSAGE = "message"
    USER = "user"
    SERVICE = "service"  # a listing
    STOREFRONT = "storefront"  # named by its organisation's id
    JOB = "job"
    BID = "bid"
    COMMENT = "comment"  # a job comment
    REVIEW = "review"


class ReportReason(StrEnum):
    SCAM = "scam"
    SPAM = "spam"
    OFF_PLATFORM = "off_platform"  # asks to pay or talk outside the app
    HARASSMENT = "harassment"
    OFFENSIVE = "offensive"
    FAKE = "fake"  # fake profile, listing or review
    UNSAFE = "unsafe"
    OTHER = "other"


class Source(StrEnum):
    REPORT = "report"  # a user reported it
    SCREEN = "screen"  # the scam screen flagged it
    LISTING_REVIEW = "listing_review"  # a listing submitted for review
    REVIEW_REPORT = "review_report"  # reported through the reviews' own endpoint


class ItemState(StrEnum):
    OPEN = "open"
    DISMISSED = "dismissed"
    ACTIONED = "actioned"  # warned, hidden or suspended
    RESOLVED = "resolved"  # settled elsewhere (a listing published or rejected in the catalog)


class Action(StrEnum):
    DISMISS = "dismiss"
    WARN = "warn"
    HIDE = "hide"
    SUSPEND = "suspend"


class ModerationItem(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    subject_kind = fields.CharEnumField(SubjectKind, max_length=16)
    subject_id = fields.CharField(max_length=64)
    party_id: UUID | None  # the reported party: the author, owner or user concerned
    party: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="moderation_items", null=True, on_delete=fields.SET_NULL
    )
    state = fields.CharEnumField(ItemState, max_length=16, default=ItemState.OPEN)
    sources: Any = fields.JSONField(default=list)
    reasons: Any = fields.JSONField(default=list)
    report_count = fields.IntField(default=0, description="distinct users who reported it")
    flag_count = fields.IntField(default=0, description="screen hits, listing submissions, review reports")
    excerpt = fields.CharField(max_length=300, default="")
    assignee_id: UUID | None
    assignee: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="moderation_assignments", null=True, on_delete=fields.SET_NULL
    )
    opened_at = fields.DatetimeField(description="created, or reopened by a later report")
    decided_at = fields.DatetimeField(null=True)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "moderation_item"
        unique_together = (("subject_kind", "subject_id"),)
        indexes = (("state", "opened_at"),)


class Report(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    item_id: UUID
    item: fields.ForeignKeyRelation[ModerationItem] = fields.ForeignKeyField(
        "models.ModerationItem", related_name="reports", on_delete=fields.CASCADE
    )
    reporter_id: UUID
    reporter: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="reports_made", on_delete=fields.CASCADE
    )
    reason = fields.CharEnumField(ReportReason, max_length=16)
    note = fields.CharField(max_length=1000, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "moderation_report"
        unique_together = (("item", "reporter"),)  # one report per user and thing: a repeat is a no-op


class Decision(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    item_id: UUID
    item: fields.ForeignKeyRelation[ModerationItem] = fields.ForeignKeyField(
        "models.ModerationItem", related_name="decisions", on_delete=fields.CASCADE
    )
    action = fields.CharEnumField(Action, max_length=16)
    reason = fields.CharField(max_length=500)
    until = fields.DatetimeField(null=True, description="a temporary suspension's end")
    decided_by_id: UUID
    decided_by: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="moderation_decisions", on_delete=fields.RESTRICT
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "moderation_decision"


class Suspension(Model):
    """A moderation suspension; `until` null is permanent. The account's own status is what
    locks the user out (domain/accounts/admin.py); this row says when it is lifted."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    user_id: UUID
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="suspensions", on_delete=fields.CASCADE
    )
    decision_id: UUID
    decision: fields.ForeignKeyRelation[Decision] = fields.ForeignKeyField(
        "models.Decision", related_name="suspensions", on_delete=fields.CASCADE
    )
    until = fields.DatetimeField(null=True, db_index=True)
    lifted_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "moderation_suspension"


class HoldState(StrEnum):
    HELD = "held"
    CLEARED = "cleared"


class PaymentHold(Model):
    """A payment a fraud rule held for review: not captured until an admin clears it."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    case_id = fields.UUIDField(unique=True)
    customer_id = fields.UUIDField(db_index=True)
    rules: Any = fields.JSONField(description="the rules that hit, with what they saw")
    state = fields.CharEnumField(HoldState, max_length=16, default=HoldState.HELD, db_index=True)
    cleared_by_id = fields.UUIDField(null=True)
    cleared_at = fields.DatetimeField(null=True)
    note = fields.CharField(max_length=500, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "payment_review_hold"
