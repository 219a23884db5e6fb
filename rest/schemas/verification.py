"""Wire shapes of provider verification (issue 15): documents and their fields, the admin
queue, category requirements, crew status, public badges. No shape carries a document number:
its parties see the last four characters."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints

from domain.catalog.requirements import Credential
from domain.verification.models import DocumentKind, DocumentState
from rest.schemas.common import Instant, StrictIn

Kind = Literal[tuple(k.value for k in DocumentKind)]  # type: ignore[valid-type]
State = Literal[tuple(s.value for s in DocumentState)]  # type: ignore[valid-type]
CredentialName = Literal[tuple(c.value for c in Credential)]  # type: ignore[valid-type]
Ref = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Short = Annotated[str, StringConstraints(max_length=200)]


class DocumentFieldsIn(StrictIn):
    """The kind's own fields (each kind reads its own; the others must be absent or are ignored).
    photo_id: id_type, number, issuing_country, expiry. insurance: insurer, policy_number,
    cover_amount, currency, start, expiry. dbs: level, certificate_number, issue_date,
    update_service_id. accreditation: scheme, register_number, expiry. business_registration:
    organisation_id, registered_name, registration_number, country. Dates: YYYY-MM-DD."""

    id_type: Literal["passport", "driving_licence", "national_id"] | None = None
    number: Short | None = None
    issuing_country: Short | None = None
    insurer: Short | None = None
    policy_number: Short | None = None
    cover_amount: int | None = Field(None, description="minor units of `currency`")
    currency: Short | None = None
    start: Short | None = None
    expiry: Short | None = None
    level: Literal["basic", "standard", "enhanced"] | None = None
    certificate_number: Short | None = None
    issue_date: Short | None = None
    update_service_id: Short | None = None
    scheme: Literal["gas_safe", "niceic"] | None = None
    register_number: Short | None = None
    organisation_id: Short | None = None
    registered_name: Short | None = None
    registration_number: Short | None = None
    country: Short | None = None


class SubmitIn(StrictIn):
    kind: Kind = Field(description=", ".join(k.value for k in DocumentKind))  # type: ignore[valid-type]
    upload_id: Ref = Field(description="a confirmed `document` upload of yours (POST /v1/uploads)")
    fields: DocumentFieldsIn
    replaces_id: Ref | None = Field(None, description="the rejected or expiring document this one replaces")


class HistoryOut(BaseModel):
    action: str
    actor_id: str | None
    reason: str
    at: Instant | None


class CheckOut(BaseModel):
    source: str
    outcome: str
    detail: str
    at: Instant | None


class VerificationDocumentOut(BaseModel):
    id: str
    owner_id: str
    submitted_by_id: str
    organisation_id: str | None
    kind: DocumentKind
    credential: str
    label: str
    state: DocumentState
    upload_id: str
    fields: dict[str, Any]
    number_last4: str = Field(description="all anyone is shown of the document's number")
    expires_at: Instant | None
    reject_reason: str
    assignee_id: str | None
    replaces_id: str | None
    decided_at: Instant | None
    version: int
    created_at: Instant | None
    updated_at: Instant | None
    history: list[HistoryOut] | None = None
    checks: list[CheckOut] | None = None


class DocumentListOut(BaseModel):
    documents: list[VerificationDocumentOut]


class QueueQuery(StrictIn):
    state: State = "pending"  # type: ignore[valid-type]
    kind: Kind | None = None  # type: ignore[valid-type]
    assignee: Ref | None = Field(None, description="an admin's id, `me` or `none`")
    owner_id: Ref | None = None
    limit: int = Field(50, ge=1, le=100)


class VerificationAssignIn(StrictIn):
    assignee_id: Ref | None = Field(None, description="an admin's user id; null unassigns")


class ApproveIn(StrictIn):
    note: str = Field("", max_length=1000)


class VerificationRejectIn(StrictIn):
    reason: str = Field(min_length=1, max_length=1000, description="shown to the submitter")


class RequirementsIn(StrictIn):
    credentials: list[CredentialName] = Field(max_length=len(Credential))  # type: ignore[valid-type]


class RequirementsOut(BaseModel):
    category_id: str
    own: list[str] = Field(description="set on this category")
    effective: list[str] = Field(description="its own and its ancestors': what a serviceman must hold")


class BlockOut(BaseModel):
    category_id: str
    missing: list[str]
    reason: str


class VerificationCrewMemberOut(BaseModel):
    user_id: str
    name: str
    verified: list[str]
    blocked: list[BlockOut]


class CrewOut(BaseModel):
    crew: list[VerificationCrewMemberOut]


class BadgeOut(BaseModel):
    credential: str
    label: str
    expires_at: Instant | None


class OrgBadgesOut(BaseModel):
    organisation_id: str
    registered: bool = Field(description="an approved business registration")
    badges: list[BadgeOut]
    verified_crew: int = Field(description="crew members with a verified identity")


class BadgesOut(BaseModel):
    user_id: str
    verified: bool = Field(description="their identity is verified")
    badges: list[BadgeOut]
