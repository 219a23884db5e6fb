"""Provider organisations: a business, its owner, managers and servicemen."""

from __future__ import annotations

from uuid import UUID

from tortoise.exceptions import IntegrityError

from domain.access.policy import Permission, authorize, register_relation
from domain.accounts.models import Membership, Organisation, OrgRole, User, UserStatus
from domain.shared.context import Actor
from domain.shared.errors import Conflict, NotFound, ValidationFailed
from domain.shared.uow import unit_of_work


async def _is_member(actor: Actor, org: object) -> bool:
    return isinstance(org, Organisation) and await Membership.exists(organisation_id=org.id, user_id=actor.user_id)


async def _is_manager(actor: Actor, org: object) -> bool:
    return isinstance(org, Organisation) and await Membership.exists(
        organisation_id=org.id, user_id=actor.user_id, role__in=[OrgRole.OWNER, OrgRole.MANAGER]
    )


register_relation("org_member", _is_member)
register_relation("org_manager", _is_manager)


async def _org(org_id: str) -> Organisation | None:
    try:
        return await Organisation.get_or_none(id=UUID(org_id))
    except (ValueError, TypeError):
        return None


async def create(actor: Actor, name: str) -> Organisation:
    await authorize(actor, Permission.ORG_CREATE)
    async with unit_of_work() as uow:
        org = await Organisation.create(name=name.strip(), owner_id=actor.user_id, using_db=uow.connection)
        await Membership.create(organisation=org, user_id=actor.user_id, role=OrgRole.OWNER, using_db=uow.connection)
    return org


async def get(actor: Actor, org_id: str) -> tuple[Organisation, list[Membership]]:
    org = await _org(org_id)
    await authorize(actor, Permission.ORG_READ, org)
    if org is None:
        raise NotFound()
    return org, await members_of(org)


async def members_of(org: Organisation) -> list[Membership]:
    return await Membership.filter(organisation=org).order_by("created_at").prefetch_related("user")


async def add_member(actor: Actor, org_id: str, user_id: str, role: str) -> Membership:
    org = await _org(org_id)
    await authorize(actor, Permission.ORG_MANAGE_MEMBERS, org)
    if org is None:
        raise NotFound()
    if role not in (OrgRole.MANAGER, OrgRole.SERVICEMAN):
        raise ValidationFailed(errors=[{"field": "role", "message": "must be manager or serviceman", "type": "enum"}])
    try:
        user = await User.get_or_none(id=UUID(user_id), status=UserStatus.ACTIVE)
    except (ValueError, TypeError):
        user = None
    if user is None:
        raise ValidationFailed(errors=[{"field": "user_id", "message": "no such active user", "type": "reference"}])
    try:
        membership = await Membership.create(organisation=org, user=user, role=OrgRole(role))
    except IntegrityError:
        raise Conflict("That user is already a member.") from None
    return membership


async def remove_member(actor: Actor, org_id: str, user_id: str) -> None:
    org = await _org(org_id)
    await authorize(actor, Permission.ORG_MANAGE_MEMBERS, org)
    if org is None:
        raise NotFound()
    try:
        member_id = UUID(user_id)
    except (ValueError, TypeError):
        raise NotFound() from None
    if member_id == org.owner_id:  # type: ignore[attr-defined]
        raise Conflict("The owner cannot be removed.")
    deleted = await Membership.filter(organisation=org, user_id=member_id).delete()
    if not deleted:
        raise NotFound()
