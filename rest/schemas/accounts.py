"""Wire shapes of identity, admin and organisation routes (PROTOCOL section 2)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from domain.accounts.models import Membership, Organisation, OrgRole, Role, User
from domain.accounts.services import TokenPair
from domain.audit.models import AuditRecord
from domain.finance.payouts.views import Eligibility
from rest.schemas.payouts import PayoutEligibilityOut

Password = Field(min_length=1, max_length=256)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class RegisterIn(Strict):
    email: str = Field(min_length=3, max_length=254, examples=["ana@example.com"])
    password: str = Field(min_length=1, max_length=256, description="At least 10 characters.")
    name: str = Field(min_length=1, max_length=120)
    role: Literal["customer", "serviceman", "provider"]
    region: str | None = Field(None, max_length=64, examples=["eu"],
                               description="where your data lives: one of the service's regions (REGIONS); "
                                           "absent: the default region")


class LoginIn(Strict):
    email: str = Field(min_length=1, max_length=254)
    password: str = Password
    device_cookie: str | None = Field(
        None, max_length=1024,
        description="The `device_cookie` of this device's previous login: failed logins from elsewhere do not "
                    "slow a known device down.")


class RefreshIn(Strict):
    refresh_token: str = Field(min_length=1, max_length=200)


class LogoutIn(RefreshIn):
    device_token: str | None = Field(None, min_length=1, max_length=512,
                                     description="this device's push token: it stops receiving your pushes")


class PasswordChangeIn(Strict):
    current_password: str = Password
    new_password: str = Password


class ProfilePatch(Strict):
    """The fields to change; what GET /v1/me returns may be sent back as it is."""

    name: str | None = Field(None, min_length=1, max_length=120)
    region: str | None = Field(None, max_length=64, description="one of the service's regions (REGIONS); 422 else")
    version: int | None = Field(None, ge=1, le=2**31 - 1, description="the version you read; a stale one is a 409")


class PhotoIn(Strict):
    upload_id: UUID = Field(description="A confirmed upload of yours, of kind profile_photo (POST /v1/uploads).")


class UserOut(BaseModel):
    id: str
    email: str
    name: str
    roles: list[Role]
    region: str | None
    photo_upload_id: str | None = Field(None, description="The profile photo (GET /v1/uploads/{id}/download).")
    status: str
    version: int
    created_at: datetime
    policy_acceptance_required: bool | None = Field(
        None, description="GET /v1/me only (null elsewhere): a current version of the terms or the privacy policy "
                          "waits for your acceptance (GET /v1/me/policy-acceptances says which). Nothing is refused "
                          "meanwhile: the app shows the policy and POSTs /v1/me/policy-acceptances.")

    @classmethod
    def of(cls, user: User) -> UserOut:
        return cls(id=str(user.id), email=user.email, name=user.name, roles=sorted(user.roles), region=user.region,
                   photo_upload_id=str(user.photo_upload_id) if user.photo_upload_id else None,
                   status=user.status.value, version=user.version, created_at=user.created_at,
                   policy_acceptance_required=None)


class TokenPairOut(BaseModel):
    user: UserOut
    access_token: str
    refresh_token: str
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105 - the OAuth token type, not a secret
    expires_in: int = Field(description="Seconds until the access token expires.")
    device_cookie: str | None = Field(
        None, description="Keep it on this device and send it with the next login (lockout protection).")

    @classmethod
    def of(cls, pair: TokenPair) -> TokenPairOut:
        return cls(user=UserOut.of(pair.user), access_token=pair.access_token, refresh_token=pair.refresh_token,
                   expires_in=pair.expires_in, device_cookie=pair.device_cookie)


class RoleIn(Strict):
    role: Literal["customer", "serviceman", "provider", "enterprise", "admin"]


class SuspendIn(Strict):
    suspended: bool


class AuditQuery(Strict):
    subject_id: str | None = Field(None, max_length=64)
    before_id: int | None = Field(None, ge=1, le=2**63 - 1)  # a BIGINT id
    limit: int = Field(50, ge=1, le=200)


class AuditRecordOut(BaseModel):
    id: int
    actor_id: str | None
    action: str
    subject_type: str
    subject_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    request_id: str | None
    ip: str | None = Field(description="a keyed hash of the client's address (hk1: and 32 hex characters): equal "
                                       "for one address, never the address itself")
    created_at: datetime

    @classmethod
    def of(cls, record: AuditRecord) -> AuditRecordOut:
        return cls(id=record.id, actor_id=record.actor_id, action=record.action, subject_type=record.subject_type,
                   subject_id=record.subject_id, before=record.before, after=record.after,
                   request_id=record.request_id, ip=record.ip, created_at=record.created_at)


class AuditPage(BaseModel):
    items: list[AuditRecordOut]
    next_before_id: int | None = Field(description="Pass as before_id for the next (older) page; null at the end.")


class OrgIn(Strict):
    name: str = Field(min_length=1, max_length=160)


class MemberIn(Strict):
    user_id: str = Field(min_length=1, max_length=64)
    role: Literal["manager", "serviceman"]


class MemberOut(BaseModel):
    membership_id: str = Field(description="the invitation's id while invited (the invitee accepts it)")
    user_id: str
    name: str
    role: OrgRole
    status: Literal["invited", "accepted"] = Field(
        description="invited: asked, not yet accepted (grants nothing); accepted: in the crew")
    expires_at: datetime | None = Field(None, description="when an unanswered invitation lapses")

    @classmethod
    def of(cls, membership: Membership) -> MemberOut:
        return cls(membership_id=str(membership.id), user_id=str(membership.user.id), name=membership.user.name,
                   role=OrgRole(membership.role),
                   status=membership.status.value, expires_at=membership.expires_at)


class InvitationOut(BaseModel):
    id: str = Field(description="the membership id: accept or decline it at /v1/invitations/{id}/...")
    organisation_id: str
    organisation_name: str
    role: OrgRole
    status: Literal["invited", "accepted"]
    invited_by: str | None = Field(description="the inviting user's id")
    invited_by_name: str | None = None
    expires_at: datetime | None
    created_at: datetime

    @classmethod
    def of(cls, m: Membership) -> InvitationOut:
        org, inviter = m.organisation, m.invited_by
        return cls(id=str(m.id), organisation_id=str(org.id), organisation_name=org.name, role=OrgRole(m.role),
                   status=m.status.value, invited_by=str(inviter.id) if inviter else None,
                   invited_by_name=inviter.name if inviter else None, expires_at=m.expires_at,
                   created_at=m.created_at)


class InvitationList(BaseModel):
    items: list[InvitationOut]


class OrgOut(BaseModel):
    id: str
    name: str
    owner_id: str
    region: str | None = Field(None, description="data residency (REGIONS), from its owner at creation")
    version: int
    members: list[MemberOut] = Field(default_factory=list)
    payouts: PayoutEligibilityOut | None = Field(None, description="the organisation's payout eligibility: its "
                                                 "owner and managers (and admins) only; null for other members")

    @classmethod
    def of(cls, org: Organisation, members: list[Membership] | None = None,
           payouts: Eligibility | None = None) -> OrgOut:
        return cls(id=str(org.id), name=org.name, owner_id=str(org.owner_id), region=org.region,
                   version=org.version, members=[MemberOut.of(m) for m in members or []],
                   payouts=PayoutEligibilityOut.maybe(payouts))
