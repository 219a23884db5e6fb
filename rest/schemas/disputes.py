"""Wire shapes of disputes: opening one, timeline entries, offers, decisions, the admin queue."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from domain.disputes.models import DisputeState, EntryKind, Side
from domain.disputes.rules import REASONS
from rest.schemas.common import Instant, MoneyIn, MoneyOut, StrictIn, Timestamp
from sync.payloads import DisputeEntryData

Reason = Literal[tuple(REASONS)]  # type: ignore[valid-type]
Category = Literal[tuple(sorted(set(REASONS.values())))]  # type: ignore[valid-type]
ClientKey = Annotated[str, StringConstraints(min_length=1, max_length=80, pattern=r"^[A-Za-z0-9._:-]+$")]
Ref = Annotated[str, StringConstraints(min_length=1, max_length=64)]


class OpenDisputeIn(StrictIn):
    reason: Reason = Field(description="why: " + ", ".join(REASONS))  # type: ignore[valid-type]
    description: str = Field(min_length=1, max_length=5000)
    claimed: MoneyIn = Field(description="at most what was captured and not refunded")
    milestone: int | None = Field(None, ge=1, le=20, description="one milestone of a job paid in parts")


class EntryIn(StrictIn):
    kind: Literal["evidence", "response"] = "evidence"
    body: str = Field("", max_length=5000)
    shared: bool = Field(True, description="evidence only: false keeps it between you and the admins")
    message_ids: list[Ref] = Field(default_factory=list, max_length=10,
                                   description="messages of the booking's conversation")
    upload_ids: list[Ref] = Field(default_factory=list, max_length=10, description="uploads (POST /v1/uploads)")
    client_key: ClientKey | None = Field(None, description="replaying the same key returns the same entry")


class OfferIn(StrictIn):
    refund: MoneyIn = Field(description="what the customer gets back; the rest is released")
    body: str = Field("", max_length=5000)
    client_key: ClientKey | None = None


class OfferAnswerIn(StrictIn):
    seq: int = Field(ge=1, le=10**9, description="the offer's entry number (open_offer_seq)")


class DisputeDecisionIn(StrictIn):
    outcome: Literal["refund", "release", "split"]
    refund: MoneyIn | None = Field(None, description="split only: the part refunded; the rest is released")
    reason: str = Field(min_length=1, max_length=1000)


class DisputeAssignIn(StrictIn):
    assignee_id: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = Field(
        None, description="an admin's user id; yourself when absent")


class QueueQuery(StrictIn):
    state: Literal["awaiting_response", "negotiating", "awaiting_admin", "resolved", "withdrawn"] | None = None
    category: Category | None = None  # type: ignore[valid-type]
    min_age_hours: float | None = Field(None, ge=0, le=100000)
    due_before: Timestamp | None = None
    min_amount: int | None = Field(None, ge=0, le=10**12)
    max_amount: int | None = Field(None, ge=0, le=10**12)
    assignee: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = Field(
        None, description="an admin's id, or `none` for unassigned")
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=100000)


class EntriesQuery(StrictIn):
    after_seq: int = Field(0, ge=0, le=10**9)


class EntryOut(BaseModel):
    id: str
    dispute_id: str
    seq: int
    kind: EntryKind
    author_id: str | None
    author_side: Side
    shared: bool
    body: str
    message_ids: list[str]
    upload_ids: list[str]
    amount: int | None = Field(description="an offer's or a decision's refund, minor units")
    data: DisputeEntryData = Field(description="the entry's details (per kind)")
    created_at: Instant | None


class DisputeChargebackOut(BaseModel):
    id: str
    dispute_id: str = Field(description="the gateway's dispute id")
    amount: MoneyOut = Field(description="the disputed amount")
    status: str = Field(description="the gateway's dispute status (needs_response, under_review, won, lost, ...)")
    reason: str
    outcome: str = Field(description="open, won or lost")
    opened_at: Instant | None
    closed_at: Instant | None


class DisputeOut(BaseModel):
    id: str
    booking_id: str
    case_id: str
    milestone: int | None
    state: DisputeState
    reason: str
    category: str
    description: str
    claimed: MoneyOut | None
    opener_side: str
    opened_by: str
    assignee_id: str | None
    due_at: Instant | None = Field(description="the next deadline")
    decide_by: Instant | None
    open_offer_seq: int | None
    outcome: str | None
    refunded: MoneyOut | None
    released: MoneyOut | None
    decision_reason: str
    last_seq: int
    version: int
    priority: int
    created_at: Instant | None
    closed_at: Instant | None
    your_side: str | None = None
    actions: list[str] = Field(default_factory=list, description="what you may do now")
    timeline: list[EntryOut] | None = Field(None, description="the entries you may see, in order")
    chargebacks: list[DisputeChargebackOut] | None = Field(
        None, description="the gateway's chargebacks of the same payment (also those from before the dispute)")


class DisputeListOut(BaseModel):
    disputes: list[DisputeOut]


class EntryListOut(BaseModel):
    entries: list[EntryOut]
