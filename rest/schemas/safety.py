"""Wire shapes of trust and safety: reports, the moderation queue, decisions, payment holds."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints

from domain.safety.models import Action, HoldState, ItemState, ReportReason, Source, SubjectKind
from rest.schemas.common import Instant, StrictIn, Timestamp

Kind = Literal[tuple(k.value for k in SubjectKind)]  # type: ignore[valid-type]
Reason = Literal[tuple(r.value for r in ReportReason)]  # type: ignore[valid-type]
Ref = Annotated[str, StringConstraints(min_length=1, max_length=64)]


class ReportIn(StrictIn):
    kind: Kind = Field(description="what is reported: " + ", ".join(k.value for k in SubjectKind))  # type: ignore[valid-type]
    subject_id: Ref
    reason: Reason = Field(description=", ".join(r.value for r in ReportReason))  # type: ignore[valid-type]
    note: str = Field("", max_length=1000)


class ReportOut(BaseModel):
    id: str
    item_id: str
    reporter_id: str
    reason: str
    note: str
    created_at: Instant
    counted: bool = Field(description="false: you had reported it already (nothing counted again)")


class QueueQuery(StrictIn):
    state: Literal[(*(s.value for s in ItemState), "all")] = "open"  # type: ignore[valid-type]
    kind: Kind | None = None  # type: ignore[valid-type]
    source: Literal[tuple(s.value for s in Source)] | None = None  # type: ignore[valid-type]
    min_reports: int | None = Field(None, ge=0, le=10**6)
    min_age_hours: float | None = Field(None, ge=0, le=100000)
    assignee: Ref | None = Field(None, description="an admin's id, or `none` for unassigned")
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=100000)


class ItemOut(BaseModel):
    id: str
    subject_kind: str
    subject_id: str
    party_id: str | None = Field(description="the reported party")
    state: ItemState
    sources: list[str] = Field(description="report, screen, listing_review, review_report")
    reasons: list[str]
    report_count: int = Field(description="distinct users who reported it")
    flag_count: int
    excerpt: str
    assignee_id: str | None
    opened_at: Instant
    decided_at: Instant | None
    version: int


class ItemListOut(BaseModel):
    items: list[ItemOut]


class ReportRow(BaseModel):
    id: str
    item_id: str
    reporter_id: str
    reason: str
    note: str
    created_at: Instant


class DecisionRow(BaseModel):
    id: str
    action: str
    reason: str
    until: Instant | None
    decided_by: str
    created_at: Instant


class ItemDetailOut(ItemOut):
    reports: list[ReportRow]
    decisions: list[DecisionRow]


class AssignIn(StrictIn):
    assignee_id: Ref | None = Field(None, description="an admin's user id; yourself when absent")


class DecisionIn(StrictIn):
    action: Literal[tuple(a.value for a in Action)]  # type: ignore[valid-type]
    reason: str = Field("", max_length=500, description="told to the reported party (required but to dismiss)")
    until: Timestamp | None = Field(None, description="suspend only: its end; absent is permanent")


class HoldQuery(StrictIn):
    state: Literal["held", "cleared", "all"] = "held"
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=100000)


class HoldOut(BaseModel):
    id: str
    case_id: str
    customer_id: str
    rules: dict[str, Any] = Field(description="the rules that hit, each with what it saw")
    state: HoldState
    note: str
    cleared_by: str | None
    cleared_at: Instant | None
    created_at: Instant


class HoldListOut(BaseModel):
    holds: list[HoldOut]


class ClearHoldIn(StrictIn):
    note: str = Field("", max_length=500)
