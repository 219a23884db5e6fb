"""Conversations between the parties of a booking or a job, and support threads with admins.

`Conversation.last_seq` is the per-conversation message counter: a send increments it in
its own transaction, which row-locks the conversation until commit, so senders of one
conversation are serialized (and only they) and `seq` has no gaps or duplicates.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from tortoise import fields
from tortoise.indexes import PartialIndex

from domain.shared.orm import Model

FLAGGED_QUEUE = "idx_message_flagged_queue"


class ConversationKind(StrEnum):
    BOOKING = "booking"  # customer, assigned servicemen, the provider's managers
    JOB = "job"  # a job's customer and one bidder, before (and after) the award
    SUPPORT = "support"  # a user and the admins


class ParticipantRole(StrEnum):
    CUSTOMER = "customer"
    SERVICEMAN = "serviceman"
    MANAGER = "manager"
    BIDDER = "bidder"
    MEMBER = "member"  # the user a support conversation is about
    ADMIN = "admin"


class ReviewVerdict(StrEnum):
    OK = "ok"
    ABUSE = "abuse"


class Conversation(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    kind = fields.CharEnumField(ConversationKind, max_length=16)
    # What the conversation is about, as one unique string ("booking:<id>", "job:<id>:<bidder>",
    # "support:<user>"): get-or-create under concurrency is an insert that may lose a race.
    key = fields.CharField(max_length=120, unique=True)
    booking_id: UUID | None
    booking: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.Booking", related_name="conversations", null=True, on_delete=fields.CASCADE
    )
    job_id: UUID | None
    job: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.Job", related_name="conversations", null=True, on_delete=fields.CASCADE
    )
    # The bidder of a job conversation, the user of a support conversation.
    subject_user_id: UUID | None
    subject_user: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="subject_conversations", null=True, on_delete=fields.CASCADE
    )
    # Data residency (domain/shared/regions.py), stamped at creation: its booking's, else its job's
    # customer's, else its user's.
    region = fields.CharField(max_length=16, null=True)
    last_seq = fields.BigIntField(default=0)
    last_message_at = fields.DatetimeField(null=True)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "conversation"


class Participant(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    conversation_id: UUID
    conversation: fields.ForeignKeyRelation[Conversation] = fields.ForeignKeyField(
        "models.Conversation", related_name="participants", on_delete=fields.CASCADE
    )
    user_id: UUID
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="conversation_memberships", on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(ParticipantRole, max_length=16)
    last_read_seq = fields.BigIntField(default=0)
    joined_at = fields.DatetimeField(auto_now_add=True)
    # Set when a manager or admin removes them; the row stays so they are not re-added
    # automatically by the relationship that first brought them in.
    left_at = fields.DatetimeField(null=True)
    version = fields.IntField(default=1)

    class Meta:
        table = "conversation_participant"
        unique_together = (("conversation", "user"),)
        indexes = (("user", "left_at"),)


class Message(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    conversation_id: UUID
    conversation: fields.ForeignKeyRelation[Conversation] = fields.ForeignKeyField(
        "models.Conversation", related_name="messages", on_delete=fields.CASCADE
    )
    seq = fields.BigIntField()
    sender_id: UUID
    sender: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="messages_sent", on_delete=fields.RESTRICT
    )
    body = fields.TextField()
    client_msg_id = fields.CharField(max_length=64)
    attachments: Any = fields.JSONField(default=list)
    flagged = fields.BooleanField(default=False)
    flag_reasons: Any = fields.JSONField(default=list)
    review_verdict = fields.CharEnumField(ReviewVerdict, max_length=16, null=True)
    reviewed_by_id: UUID | None
    reviewed_by: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="messages_reviewed", null=True, on_delete=fields.SET_NULL
    )
    reviewed_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "message"
        # (conversation, seq) is the history index; the second makes a retried send a no-op.
        unique_together = (("conversation", "seq"), ("conversation", "sender", "client_msg_id"))
        # The review queue (domain/messaging/review.py) reads flagged messages only, oldest first: an
        # index of those alone, so the messages that are not (nearly all) write no entry in it.
        indexes = (PartialIndex(fields=("created_at", "id"), name=FLAGGED_QUEUE, condition={"flagged": True}),)
