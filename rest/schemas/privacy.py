"""Wire shapes of data-subject requests: the person's erasure, the admins' queue."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from domain.privacy.models import DataSubjectRequest
from domain.privacy.requests import QueueEntry
from domain.shared.clock import isoformat
from rest.schemas.common import Instant, StrictIn, Timestamp

Kind = Literal["erasure", "export", "access", "rectification"]
State = Literal["received", "identity_checked", "scheduled", "done", "cancelled", "refused"]


class ErasureIn(StrictIn):
    password: str = Field(min_length=1, max_length=256, description="your password again: erasure cannot be undone")


class ExtensionOut(BaseModel):
    months: int
    reason: str
    by: str
    at: Instant


class RequestOut(BaseModel):
    id: str
    kind: Kind
    state: State
    received_at: Instant
    due_at: Instant = Field(description="one month after receipt, plus any extensions (Art. 12(3))")
    execute_after: Instant | None = Field(description="an erasure runs once this passes; cancel until then")
    closed_at: Instant | None
    refusal_reason: str | None
    version: int

    @classmethod
    def of(cls, r: DataSubjectRequest) -> RequestOut:
        return cls(id=str(r.id), kind=r.kind.value, state=r.state.value, received_at=isoformat(r.received_at),
                   due_at=isoformat(r.due_at), execute_after=isoformat(r.execute_after) if r.execute_after else None,
                   closed_at=isoformat(r.closed_at) if r.closed_at else None, refusal_reason=r.refusal_reason,
                   version=r.version)


class AdminRequestOut(RequestOut):
    user_id: str
    channel: Literal["self_service", "admin"]
    overdue: bool = Field(description="still open past its due date")
    extended_months: int
    extensions: list[ExtensionOut]
    identity_method: str | None
    identity_checked_at: Instant | None
    identity_checked_by: str | None

    @classmethod
    def entry(cls, e: QueueEntry) -> AdminRequestOut:
        r = e.request
        base = RequestOut.of(r).model_dump()
        return cls(**base, user_id=str(r.user_id), channel=r.channel, overdue=e.overdue,  # type: ignore[arg-type]
                   extended_months=r.extended_months, extensions=[ExtensionOut(**x) for x in r.extensions],
                   identity_method=r.identity_method,
                   identity_checked_at=isoformat(r.identity_checked_at) if r.identity_checked_at else None,
                   identity_checked_by=r.identity_checked_by)


class RequestListOut(BaseModel):
    requests: list[AdminRequestOut]


class QueueQuery(StrictIn):
    state: Literal["open", "received", "identity_checked", "scheduled", "done", "cancelled", "refused", "all"] = "open"
    kind: Kind | None = None
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=100000)


class FileRequestIn(StrictIn):
    user_id: str = Field(min_length=1, max_length=64)
    kind: Kind
    received_at: Timestamp | None = Field(None, description="when the person asked (the clock runs from then)")


class IdentityCheckIn(StrictIn):
    method: str = Field(min_length=3, max_length=32, description="how the identity was checked",
                        examples=["video_call", "id_document", "signed_letter"])


class ExtendIn(StrictIn):
    months: int = Field(ge=1, le=2)
    reason: str = Field(min_length=3, max_length=500, description="told to the person (Art. 12(3))")


class RefuseIn(StrictIn):
    reason: str = Field(min_length=3, max_length=2000, description="told to the person (Art. 12(4))")
