"""Provider organisations: a business, its owner, managers and servicemen (who join by
invitation: domain/accounts/invitations.py). Membership below means an accepted one (the
model's default manager)."""

from __future__ import annotations

from uuid import UUID

from domain.access.policy import Permission, authorize, register_relation
from domain.accounts import regions
from domain.accounts.models import Membership, MembershipStatus, Organisation, OrgRole
from domain.shared.context import Actor
from domain.shared.errors import NotFound
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
        org = await Organisation.create(name=name.strip(), owner_id=actor.user_id, using_db=uow.connection,
                                        region=await regions.of_user(actor.user_id, uow.connection))
        # The founder's own membership needs no invitation.
        await Membership.create(organisation=org, user_id=actor.user_id, role=OrgRole.OWNER,
                                status=MembershipStatus.ACCEPTED, using_db=uow.connection)
    return org


async def get(actor: Actor, org_id: str) -> tuple[Organisation, list[Membership]]:
    org = await _org(org_id)
    await authorize(actor, Permission.ORG_READ, org)
    if org is None:
        raise NotFound()
    return org, await members_of(org)


async def members_of(org: Organisation) -> list[Membership]:
    """The crew and the open invitations (each with its status): what the members also sync."""
    return await Membership.including_invitations().filter(organisation=org).order_by("created_at").prefetch_related(
        "user")
