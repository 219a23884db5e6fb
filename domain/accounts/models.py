"""Accounts: people, their roles, the provider organisations they work in, their sessions."""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from tortoise import fields
from tortoise.manager import Manager
from tortoise.queryset import QuerySet

from domain.shared.orm import Model


class Role(StrEnum):
    CUSTOMER = "customer"
    SERVICEMAN = "serviceman"
    PROVIDER = "provider"
    ENTERPRISE = "enterprise"
    ADMIN = "admin"


# Roles a person may pick at sign-up; the others are granted by an admin (PROTOCOL section 2).
SELF_SERVICE_ROLES = frozenset({Role.CUSTOMER, Role.SERVICEMAN, Role.PROVIDER})


class UserStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    ERASED = "erased"


class User(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    # Stored lower-cased and trimmed: the unique index makes emails case-insensitive. The email
    # stays readable: it syncs to the user's own devices (rows built in SQL by the capture triggers).
    email = fields.CharField(max_length=254, unique=True)
    # Its blind index (HMAC-SHA256 under its own key, domain/shared/sealing.Pseudonyms): what
    # login and registration look up. Null only for rows older than it, until the backfill.
    email_index = fields.CharField(max_length=64, null=True, unique=True,
                                   description="keyed HMAC-SHA256 of the email (blind index for lookups)")
    name = fields.CharField(max_length=120)
    roles: Any = fields.JSONField(default=list)
    region = fields.CharField(max_length=64, null=True)
    # The profile photo: a confirmed upload (domain/media) attached to `profile:<user id>`.
    photo_upload_id = fields.UUIDField(null=True)
    status = fields.CharEnumField(UserStatus, default=UserStatus.ACTIVE, max_length=16)
    password_hash = fields.CharField(max_length=255)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "user_account"

    def has_role(self, role: Role) -> bool:
        return role.value in self.roles


class OrgRole(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    SERVICEMAN = "serviceman"


class Organisation(Model):
    """A provider business: it employs servicemen and is managed by its owner and managers."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    name = fields.CharField(max_length=160)
    owner_id: UUID
    owner: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="owned_organisations", on_delete=fields.RESTRICT
    )
    # Data residency (domain/shared/regions.py): its owner's, stamped at creation.
    region = fields.CharField(max_length=16, null=True)
    rating_sum = fields.IntField(default=0)
    rating_count = fields.IntField(default=0)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "organisation"


class MembershipStatus(StrEnum):
    INVITED = "invited"  # asked, not answered: grants nothing
    ACCEPTED = "accepted"  # the user said yes (or founded the organisation)


class AcceptedOnly(Manager):
    """`Membership.filter/exists/get` see accepted memberships only, so every relation built on
    membership (access policy, presence, assignment, scheduling, messaging, feed, push, matching)
    ignores invitations without having to remember to. Invitations are reached through
    `Membership.including_invitations()` (domain/accounts/invitations.py)."""

    def get_queryset(self) -> QuerySet[Any]:
        return super().get_queryset().filter(status=MembershipStatus.ACCEPTED)


class Membership(Model):
    """A user's place in an organisation's crew. It starts as an invitation the user accepts or
    declines (a provider cannot enrol someone else's serviceman); declined, expired, left and
    removed memberships are deleted (the audit trail keeps their history)."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    organisation_id: UUID
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="memberships", on_delete=fields.CASCADE
    )
    user_id: UUID
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="memberships", on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(OrgRole, max_length=16)
    status = fields.CharEnumField(MembershipStatus, max_length=16, default=MembershipStatus.INVITED)
    invited_by_id: UUID | None
    invited_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sent_invitations", null=True, on_delete=fields.SET_NULL
    )
    # When an unanswered invitation lapses (null once accepted); the expiry sweep deletes it.
    expires_at = fields.DatetimeField(null=True, db_index=True)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "membership"
        unique_together = (("organisation", "user"),)
        manager = AcceptedOnly()

    @classmethod
    def including_invitations(cls) -> QuerySet[Membership]:
        return QuerySet(cls)


class RefreshToken(Model):
    """One refresh token of a login (a family). Only its SHA-256 is stored; rotation spends
    it and issues the next of the same family; replaying a spent one revokes the family."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    user_id: UUID
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="refresh_tokens", on_delete=fields.CASCADE
    )
    family_id = fields.UUIDField(db_index=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    issued_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    spent_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    user_agent = fields.CharField(max_length=255, null=True)
    ip = fields.CharField(max_length=64, null=True, description="keyed hash of the client address (hk1:...)")
    # When this login last proved a second factor (MFA login, enrolment, step-up); carried from
    # token to token of the family, so a refreshed access token keeps its `mfa_at` claim.
    mfa_at = fields.DatetimeField(null=True)

    class Meta:
        table = "refresh_token"


class MfaTotp(Model):
    """A user's TOTP second factor (RFC 6238, domain/accounts/mfa.py). Unconfirmed until the
    first code is proven; at most one per user."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    user_id: UUID
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="mfa_totp", on_delete=fields.CASCADE, unique=True
    )
    # SECRET COLUMN: the TOTP seed, sealed with AES-256-GCM (MFA_SECRET_KEY, the user id as associated
    # data). It belongs to the at-rest encryption work (envelope keys, rotation) once that exists.
    secret_sealed = fields.CharField(max_length=255)
    confirmed_at = fields.DatetimeField(null=True)
    # The highest 30-second time step a code was accepted for: a code is good once (no replay).
    last_step = fields.BigIntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "mfa_totp"


class MfaRecoveryCode(Model):
    """A single-use recovery code (only its SHA-256 is stored), issued in sets of ten when TOTP
    is confirmed; a new set replaces the old one."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    user_id: UUID
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="mfa_recovery_codes", on_delete=fields.CASCADE
    )
    code_hash = fields.CharField(max_length=64, unique=True)
    used_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "mfa_recovery_code"
