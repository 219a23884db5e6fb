"""Who works where: the zones of a serviceman and of a provider organisation.

A serviceman chooses their own zones (or a manager of an organisation they belong to does);
an organisation's owner or managers choose its zones. A write replaces the whole set.
"""

from __future__ import annotations

from typing import cast
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.access.policy import Permission, authorize, register_relation
from domain.accounts.models import Membership, Organisation, OrgRole, Role, User, UserStatus
from domain.shared.context import Actor
from domain.shared.errors import NotFound
from domain.shared.events import DomainEvent
from domain.shared.ids import as_uuid
from domain.shared.uow import unit_of_work
from domain.zones.models import OrganisationZone, ServicemanZone
from domain.zones.services import validate_zone_ids


async def _manages_serviceman(actor: Actor, user: object) -> bool:
    """The serviceman themself, or an owner/manager of an organisation they belong to."""
    if not isinstance(user, User):
        return False
    if str(user.id) == actor.user_id:
        return True
    their_orgs = await Membership.filter(user_id=user.id).values_list("organisation_id", flat=True)
    return bool(their_orgs) and await Membership.exists(organisation_id__in=their_orgs, user_id=actor.user_id,
                                   role__in=[OrgRole.OWNER, OrgRole.MANAGER])


register_relation("serviceman_manager", _manages_serviceman)


async def serviceman(user_id: object) -> User:
    """An active user with the serviceman role, or NotFound (their marketplace presence is public)."""
    uid = as_uuid(user_id)
    user = await User.get_or_none(id=uid, status=UserStatus.ACTIVE) if uid is not None else None
    if user is None or not user.has_role(Role.SERVICEMAN):
        raise NotFound("No such serviceman.")
    return user


async def organisation(org_id: object) -> Organisation | None:
    uid = as_uuid(org_id)
    return await Organisation.get_or_none(id=uid) if uid is not None else None


async def serviceman_zone_ids(user_id: UUID, conn: BaseDBAsyncClient | None = None) -> list[UUID]:
    rows = await ServicemanZone.filter(user_id=user_id).using_db(conn).order_by("zone_id").values_list(
        "zone_id", flat=True)
    return cast(list[UUID], rows)


async def org_zone_ids(org_id: UUID, conn: BaseDBAsyncClient | None = None) -> list[UUID]:
    rows = await OrganisationZone.filter(organisation_id=org_id).using_db(conn).order_by("zone_id").values_list(
        "zone_id", flat=True)
    return cast(list[UUID], rows)


async def get_serviceman_zones(user_id: object) -> tuple[User, list[UUID]]:
    user = await serviceman(user_id)
    return user, await serviceman_zone_ids(user.id)


async def set_serviceman_zones(actor: Actor, user_id: object, zone_ids: list[str]) -> tuple[User, list[UUID]]:
    user = await serviceman(user_id)
    await authorize(actor, Permission.SERVICEMAN_ZONES_SET, user)
    wanted = await validate_zone_ids(zone_ids)
    async with unit_of_work() as uow:
        # The row lock serialises two concurrent replacements of one serviceman's set.
        await User.filter(id=user.id).select_for_update().using_db(uow.connection).first()
        before = await serviceman_zone_ids(user.id, uow.connection)
        if set(before) != set(wanted):
            await ServicemanZone.filter(user_id=user.id).using_db(uow.connection).delete()
            await ServicemanZone.bulk_create([ServicemanZone(user_id=user.id, zone_id=z) for z in wanted],
                                             using_db=uow.connection)
            await uow.record(DomainEvent(
                stream="domain", type="serviceman.zones_changed", subject=str(user.id), actor_id=actor.user_id,
                data={"user_id": str(user.id), "zone_ids": sorted(str(z) for z in wanted),
                      "previous_zone_ids": [str(z) for z in before]}))
        after = await serviceman_zone_ids(user.id, uow.connection)
    return user, after


async def get_org_zones(org_id: object) -> tuple[Organisation, list[UUID]]:
    """An organisation's service area is public marketplace information."""
    org = await organisation(org_id)
    if org is None:
        raise NotFound()
    return org, await org_zone_ids(org.id)


async def set_org_zones(actor: Actor, org_id: object, zone_ids: list[str]) -> tuple[Organisation, list[UUID]]:
    org = await organisation(org_id)
    await authorize(actor, Permission.ORG_ZONES_SET, org)
    if org is None:
        raise NotFound()
    wanted = await validate_zone_ids(zone_ids)
    async with unit_of_work() as uow:
        await Organisation.filter(id=org.id).select_for_update().using_db(uow.connection).first()
        before = await org_zone_ids(org.id, uow.connection)
        if set(before) != set(wanted):
            await OrganisationZone.filter(organisation_id=org.id).using_db(uow.connection).delete()
            await OrganisationZone.bulk_create(
                [OrganisationZone(organisation_id=org.id, zone_id=z) for z in wanted], using_db=uow.connection)
            await uow.record(DomainEvent(
                stream="domain", type="org.zones_changed", subject=str(org.id), actor_id=actor.user_id,
                data={"org_id": str(org.id), "zone_ids": sorted(str(z) for z in wanted),
                      "previous_zone_ids": [str(z) for z in before]}))
        after = await org_zone_ids(org.id, uow.connection)
    return org, after
