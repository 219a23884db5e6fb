"""Crew membership is consent: a manager invites, the user accepts or declines, and may leave.

Before issue 11 any provider could enrol any user in its organisation and then manage their
hours and zones, see their presence and assign them. Now a membership starts `invited` and
grants nothing (the model's default manager hides it from every relation) until the user
accepts. Unanswered invitations lapse after `ttl_seconds` (the expiry sweep deletes them).
Invitations are rate-limited per organisation, per inviting user and per (organisation,
invitee), so a stranger cannot flood someone with invitations (each one is a push).

Every step writes an audit record (`org.member.<step>`, subject: the organisation) in the same
transaction as the change; the notifier turns `audit.org.member.invite` into the invitee's
notification and push. Sync carries the membership row to the invitee (`user:<id>`) and to the
organisation's members (`org:<id>`); declined, expired, left and removed rows are deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

import structlog
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from domain.access.policy import Permission, authorize
from domain.accounts.models import Membership, MembershipStatus, Organisation, OrgRole, User, UserStatus
from domain.audit import services as audit
from domain.shared.clock import isoformat, utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Conflict, ConflictReason, Gone, NotFound, RateLimited, ValidationFailed
from domain.shared.events import DomainEvent
from domain.shared.ratelimit import RateLimiter
from domain.shared.uow import UnitOfWork, unit_of_work

log = structlog.get_logger(__name__)

DAY = 86400
EXPIRY_BATCH = 500  # invitations the sweep lapses per run


@dataclass(frozen=True)
class InvitationRules:
    ttl_seconds: float = 7 * DAY
    per_day: int = 50  # invitations one organisation, and one inviting user, send a day
    per_invitee_per_day: int = 3  # invitations of one person by one organisation a day


def _uuid(value: object) -> UUID | None:
    try:
        return UUID(str(value))
    except (ValueError, TypeError):
        return None


def _snapshot(m: Membership) -> dict[str, Any]:
    return {"membership_id": str(m.id), "user_id": str(m.user_id), "role": m.role.value,
            "status": m.status.value}


async def _audit(uow: UnitOfWork, actor: Actor | None, step: str, m: Membership, context: RequestContext,
                 *, before: bool = False, after: dict[str, Any] | None = None) -> None:
    snapshot = _snapshot(m)
    await audit.record(uow, actor=actor, action=f"org.member.{step}", subject_type="organisation",
                       subject_id=str(m.organisation_id), context=context,
                       before=snapshot if before else None, after=after if after is not None else
                       (None if before else snapshot))


async def _ended(uow: UnitOfWork, m: Membership, reason: str, actor_id: str | None) -> None:
    """An accepted membership ended: relations built on it end too (presence subscriptions)."""
    await uow.record(DomainEvent(stream="domain", type="membership.ended", subject=str(m.organisation_id),
                                 actor_id=actor_id, data={"organisation_id": str(m.organisation_id),
                                                          "user_id": str(m.user_id), "reason": reason}))


async def _managed_org(actor: Actor, org_id: str) -> Organisation:
    uid = _uuid(org_id)
    org = await Organisation.get_or_none(id=uid) if uid else None
    await authorize(actor, Permission.ORG_MANAGE_MEMBERS, org)
    if org is None:
        raise NotFound()
    return org


class Invitations:
    def __init__(self, limiter: RateLimiter, rules: InvitationRules | None = None) -> None:
        self.limiter = limiter
        self.rules = rules or InvitationRules()

    def _keys(self, org_id: str, actor_id: str, user_id: str) -> list[tuple[str, int]]:
        return [(f"org-invite:org:{org_id}", self.rules.per_day), (f"org-invite:by:{actor_id}", self.rules.per_day),
                (f"org-invite:pair:{org_id}:{user_id}", self.rules.per_invitee_per_day)]

    async def _check_limits(self, keys: list[tuple[str, int]]) -> None:
        for key, limit in keys:
            try:
                retry = await self.limiter.peek(key, limit)
            except Exception as exc:  # fail open like the request limiter: an outage is not a refusal
                log.warning("rate_limiter_unavailable", error=f"{type(exc).__name__}: {exc}")
                return
            if retry is not None:
                raise RateLimited(retry, "Too many invitations; try again later.")

    async def _count(self, keys: list[tuple[str, int]]) -> None:
        for key, limit in keys:
            try:
                await self.limiter.hit(key, limit, DAY)
            except Exception as exc:
                log.warning("rate_limiter_unavailable", error=f"{type(exc).__name__}: {exc}")

    async def invite(self, actor: Actor, org_id: str, user_id: str, role: str, context: RequestContext) -> Membership:
        org = await _managed_org(actor, org_id)
        if role not in (OrgRole.MANAGER, OrgRole.SERVICEMAN):
            raise ValidationFailed(errors=[{"field": "role", "message": "must be manager or serviceman",
                                            "type": "enum"}])
        uid = _uuid(user_id)
        user = await User.get_or_none(id=uid, status=UserStatus.ACTIVE) if uid else None
        if user is None:
            raise ValidationFailed(errors=[{"field": "user_id", "message": "no such active user", "type": "reference"}])
        keys = self._keys(str(org.id), actor.user_id, str(user.id))
        await self._check_limits(keys)
        now = utcnow()
        expires_at = now + timedelta(seconds=self.rules.ttl_seconds)
        try:
            async with unit_of_work() as uow:
                stale = await Membership.including_invitations().using_db(uow.connection).get_or_none(
                    organisation_id=org.id, user_id=user.id, status=MembershipStatus.INVITED, expires_at__lte=now)
                if stale is not None:  # lapsed, not yet swept: it expires now and a new one starts
                    await self._expire(uow, stale)
                membership = await Membership.create(
                    organisation=org, user=user, role=OrgRole(role), status=MembershipStatus.INVITED,
                    invited_by_id=actor.user_id, expires_at=expires_at,
                    using_db=uow.connection)
                await _audit(uow, actor, "invite", membership, context,
                             after={**_snapshot(membership), "expires_at": isoformat(expires_at)})
        except IntegrityError:
            raise Conflict("That user is already a member or has a pending invitation.",
                           reason=ConflictReason.DUPLICATE) from None
        await self._count(keys)
        return membership

    async def pending(self, actor: Actor) -> list[Membership]:
        """The actor's open invitations, newest first (organisation and inviter loaded)."""
        return await Membership.including_invitations().filter(
            user_id=actor.user_id, status=MembershipStatus.INVITED, expires_at__gt=utcnow()
        ).order_by("-created_at").prefetch_related("organisation", "invited_by")

    async def _invitation(self, actor: Actor, membership_id: str) -> Membership:
        uid = _uuid(membership_id)
        row = await Membership.including_invitations().get_or_none(
            id=uid, user_id=actor.user_id, status=MembershipStatus.INVITED) if uid else None
        if row is None:  # someone else's invitation is not found either
            raise NotFound()
        if row.expires_at is not None and row.expires_at <= utcnow():
            async with unit_of_work() as uow:
                await self._expire(uow, row)
            raise Gone("This invitation has expired; ask the organisation to invite you again.")
        return row

    async def accept(self, actor: Actor, membership_id: str, context: RequestContext) -> Membership:
        row = await self._invitation(actor, membership_id)
        async with unit_of_work() as uow:
            changed = await Membership.including_invitations().using_db(uow.connection).filter(
                id=row.id, status=MembershipStatus.INVITED).update(
                status=MembershipStatus.ACCEPTED, expires_at=None, version=F("version") + 1)
            if not changed:  # declined, removed or expired meanwhile
                raise NotFound()
            accepted = await Membership.including_invitations().using_db(uow.connection).get(id=row.id)
            await _audit(uow, actor, "accept", accepted, context)
        return accepted

    async def decline(self, actor: Actor, membership_id: str, context: RequestContext) -> None:
        row = await self._invitation(actor, membership_id)
        async with unit_of_work() as uow:
            if not await Membership.including_invitations().using_db(uow.connection).filter(
                    id=row.id, status=MembershipStatus.INVITED).delete():
                raise NotFound()
            await _audit(uow, actor, "decline", row, context, before=True)

    async def leave(self, actor: Actor, org_id: str, context: RequestContext) -> None:
        """Leave an organisation's crew. The owner cannot: an organisation always has one."""
        uid = _uuid(org_id)
        row = await Membership.get_or_none(organisation_id=uid, user_id=actor.user_id) if uid else None
        if row is None:
            raise NotFound()
        if row.role == OrgRole.OWNER:
            raise Conflict("The owner cannot leave the organisation.", reason=ConflictReason.NOT_ALLOWED)
        async with unit_of_work() as uow:
            if not await Membership.filter(id=row.id).using_db(uow.connection).delete():
                raise NotFound()
            await _audit(uow, actor, "leave", row, context, before=True)
            await _ended(uow, row, "left", actor.user_id)

    async def remove(self, actor: Actor, org_id: str, user_id: str, context: RequestContext) -> None:
        """A manager removes a crew member, or withdraws an invitation (never the owner)."""
        org = await _managed_org(actor, org_id)
        uid = _uuid(user_id)
        if uid is None:
            raise NotFound()
        if uid == org.owner_id:
            raise Conflict("The owner cannot be removed.", reason=ConflictReason.NOT_ALLOWED)
        async with unit_of_work() as uow:
            conn = uow.connection
            row = await Membership.including_invitations().using_db(conn).get_or_none(organisation=org, user_id=uid)
            if row is None or not await Membership.including_invitations().using_db(conn).filter(id=row.id).delete():
                raise NotFound()
            await _audit(uow, actor, "remove", row, context, before=True)
            if row.status == MembershipStatus.ACCEPTED:
                await _ended(uow, row, "removed", actor.user_id)

    @staticmethod
    async def _expire(uow: UnitOfWork, row: Membership) -> bool:
        conn = uow.connection
        deleted = await Membership.including_invitations().using_db(conn).filter(
            id=row.id, status=MembershipStatus.INVITED).delete()
        if deleted:
            await _audit(uow, None, "expire", row, RequestContext(), before=True)
        return bool(deleted)


async def expire_overdue(now: datetime | None = None) -> int:
    """Delete lapsed invitations (audited); every replica may run it, the delete decides who wins."""
    overdue = await Membership.including_invitations().filter(
        status=MembershipStatus.INVITED, expires_at__lte=now or utcnow()).limit(EXPIRY_BATCH)
    expired = 0
    for row in overdue:
        async with unit_of_work() as uow:
            expired += await Invitations._expire(uow, row)
    return expired
