"""Wire shapes of conversations, messages and the flagged-message review queue."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from domain.messaging.conversations import ConversationView
from domain.messaging.models import ConversationKind, Message, Participant, ParticipantRole
from domain.messaging.payloads import (
    CLIENT_MSG_ID_PATTERN,
    MAX_ATTACHMENTS,
    MAX_BODY_CHARS,
    AttachmentRef,
    MessageView,
    ReadState,
)
from domain.messaging.services import Draft, HistoryPage
from domain.shared.clock import isoformat
from rest.schemas.common import Instant, validated_body

__all__ = ["MessageView", "ReadState"]

Limit = Annotated[int, Field(ge=1, le=200)]
Seq = Annotated[int, Field(ge=0, le=2**62)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OpenConversationIn(Strict):
    kind: Literal["booking", "job", "support"]
    booking_id: UUID | None = Field(None, description="kind=booking")
    job_id: UUID | None = Field(None, description="kind=job")
    bidder_id: UUID | None = Field(None, description="kind=job: the bidder (the job's customer must name one)")
    user_id: UUID | None = Field(None, description="kind=support: whose (admins); yourself by default")


class SendMessageIn(Strict):
    client_msg_id: Annotated[str, StringConstraints(pattern=CLIENT_MSG_ID_PATTERN)] = Field(
        description="your id for this send: retrying it returns the first message, never a second one"
    )
    body: Annotated[str, StringConstraints(max_length=MAX_BODY_CHARS, pattern=r"^[^\x00]*$")] = ""
    attachments: Annotated[list[AttachmentRef], Field(max_length=MAX_ATTACHMENTS)] = Field(default_factory=list)


def message_draft(data: dict[str, Any] | None) -> Draft:
    """An offline `message.send` body (sync/mutations.py), validated as the socket's `message:send`."""
    body = validated_body(SendMessageIn, data)
    return Draft(body.client_msg_id, body.body, tuple(body.attachments))


class ReadIn(Strict):
    seq: Seq = Field(description="the highest seq you have read (capped at the conversation's last)")


class MessageReviewIn(Strict):
    verdict: Literal["ok", "abuse"]


class ConversationListQuery(Strict):
    kind: Literal["booking", "job", "support"] | None = None
    cursor: Annotated[str, StringConstraints(max_length=200)] | None = None
    limit: Limit = 50
    all: bool = Field(False, description="admins: every conversation (the support inbox), not only yours")


class HistoryQuery(Strict):
    before_seq: Seq | None = Field(None, description="older than this seq (newest page without it)")
    after_seq: Seq | None = Field(None, description="catch up: newer than this seq, oldest first")
    limit: Limit = 50


class FlaggedQuery(Strict):
    status: Literal["pending", "reviewed", "all"] = "pending"
    cursor: Annotated[str, StringConstraints(max_length=200)] | None = None
    limit: Limit = 50


class ParticipantOut(BaseModel):
    user_id: str
    role: ParticipantRole
    last_read_seq: int
    joined_at: Instant
    version: int

    @classmethod
    def of(cls, row: Participant) -> ParticipantOut:
        return cls(user_id=str(row.user_id), role=ParticipantRole(row.role), last_read_seq=row.last_read_seq,
                   joined_at=isoformat(row.joined_at), version=row.version)


class ConversationOut(BaseModel):
    id: str
    kind: ConversationKind
    booking_id: str | None
    job_id: str | None
    subject_user_id: str | None = Field(description="the bidder (job) or the user (support)")
    region: str | None = Field(None, description="data residency (REGIONS), at creation from its booking, else "
                                                 "its job's customer, else its user")
    last_seq: int
    last_read_seq: int = Field(description="yours")
    unread_count: int = Field(description="last_seq - last_read_seq")
    last_message_at: Instant | None
    role: ParticipantRole | None = Field(description="yours; null when you read it as an admin without taking part")
    participants: list[ParticipantOut] | None = Field(None, description="the active ones; on single reads")
    version: int
    created_at: Instant

    @classmethod
    def of(cls, view: ConversationView) -> ConversationOut:
        c = view.conversation
        ids = {name: getattr(c, name, None) for name in ("booking_id", "job_id", "subject_user_id")}
        return cls(
            id=str(c.id), kind=ConversationKind(c.kind), **{k: str(v) if v else None for k, v in ids.items()},
            region=c.region, last_seq=c.last_seq, last_read_seq=view.last_read_seq, unread_count=view.unread_count,
            last_message_at=isoformat(c.last_message_at) if c.last_message_at else None,
            role=ParticipantRole(view.membership.role) if view.membership else None,
            participants=[ParticipantOut.of(p) for p in view.participants] if view.participants else None,
            version=c.version, created_at=isoformat(c.created_at),
        )


class ConversationPageOut(BaseModel):
    items: list[ConversationOut]
    next_cursor: str | None


class MessagePageOut(BaseModel):
    items: list[MessageView] = Field(description="oldest first")
    last_seq: int = Field(description="the conversation's newest seq")
    next_before_seq: int | None = Field(description="more older messages: pass as before_seq")
    next_after_seq: int | None = Field(description="more newer messages: pass as after_seq")

    @classmethod
    def of(cls, page: HistoryPage) -> MessagePageOut:
        return cls(items=page.items, last_seq=page.last_seq, next_before_seq=page.next_before_seq,
                   next_after_seq=page.next_after_seq)


class FlaggedMessageOut(BaseModel):
    message: MessageView
    review_verdict: str | None
    reviewed_by: str | None
    reviewed_at: Instant | None

    @classmethod
    def of(cls, row: Message) -> FlaggedMessageOut:
        reviewer = row.reviewed_by_id
        return cls(message=MessageView.of(row), review_verdict=row.review_verdict.value if row.review_verdict else None,
                   reviewed_by=str(reviewer) if reviewer else None,
                   reviewed_at=isoformat(row.reviewed_at) if row.reviewed_at else None)


class FlaggedPageOut(BaseModel):
    items: list[FlaggedMessageOut]
    next_cursor: str | None
