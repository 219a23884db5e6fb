"""Who a listing belongs to: relationship checks the policy uses, and safe lookups."""

from __future__ import annotations

from domain.access.policy import register_relation
from domain.accounts.models import Membership, Organisation, OrgRole
from domain.catalog.models import Service
from domain.catalog.states import Party
from domain.shared.context import Actor
from domain.shared.errors import NotFound
from domain.shared.ids import as_uuid

MANAGERS = (OrgRole.OWNER, OrgRole.MANAGER)




async def _owns(actor: Actor, service: object) -> bool:
    """The independent serviceman who owns it, or an owner/manager of the owning organisation."""
    if not isinstance(service, Service):
        return False
    if service.owner_user_id is not None:
        return str(service.owner_user_id) == actor.user_id
    return await Membership.exists(
        organisation_id=service.owner_org_id, user_id=actor.user_id, role__in=MANAGERS
    )


async def _member(actor: Actor, service: object) -> bool:
    """The owner, or anyone in the owning organisation's crew (they may see its drafts)."""
    if not isinstance(service, Service):
        return False
    if service.owner_user_id is not None:
        return str(service.owner_user_id) == actor.user_id
    return await Membership.exists(organisation_id=service.owner_org_id, user_id=actor.user_id)


register_relation("service_owner", _owns)
register_relation("service_member", _member)


async def parties(actor: Actor, service: Service) -> frozenset[Party]:
    found = {Party.REVIEWER} if actor.is_admin else set()
    if await _owns(actor, service):
        found.add(Party.OWNER)
    return frozenset(found)


async def can_see_drafts(actor: Actor | None, service: Service) -> bool:
    return actor is not None and (actor.is_admin or await _member(actor, service))


async def load_service(service_id: str) -> Service:
    uid = as_uuid(service_id)
    service = await Service.get_or_none(id=uid) if uid is not None else None
    if service is None:
        raise NotFound()
    return service


async def load_org(org_id: str) -> Organisation:
    uid = as_uuid(org_id)
    org = await Organisation.get_or_none(id=uid) if uid is not None else None
    if org is None:
        raise NotFound()
    return org
